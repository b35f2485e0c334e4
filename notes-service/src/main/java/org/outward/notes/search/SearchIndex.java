package org.outward.notes.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.outward.notes.theme.EmbeddedNote;
import org.outward.notes.theme.SentenceEmbedder;
import org.outward.notes.theme.StoredThemeVectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Keeps the in-memory {@link NoteIndex} of this process current: rebuilt from MongoDB when the service starts
 * (the stored sentence vectors are reused; only notes without any are embedded), then refreshed note by note
 * whenever a note is written here or a note event arrives from another instance. A refresh re-reads the note,
 * so it is idempotent and order does not matter; refreshes asked for during the rebuild run right after it.
 */
@Component
class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private final SearchNotes notes;
    private final StoredThemeVectors vectors;
    private final SearchSettings settings;
    private final NoteIndex index;
    private final CompletableFuture<NoteIndex> ready = new CompletableFuture<>();
    private final Set<String> pending = new HashSet<>();
    private boolean rebuilt;

    SearchIndex(SearchNotes notes, StoredThemeVectors vectors, SentenceEmbedder embedder, SearchSettings settings) {
        this.notes = notes;
        this.vectors = vectors;
        this.settings = settings;
        this.index = new NoteIndex(embedder.dimensions(), settings.ranking());
    }

    @EventListener(ApplicationReadyEvent.class)
    void startRebuild() {
        Thread thread = new Thread(this::rebuild, "search-index-rebuild");
        thread.setDaemon(true);
        thread.start();
    }

    /** The index, once rebuilt; a search that comes too early waits a while, then gets a 503. */
    NoteIndex index() {
        try {
            return ready.get(settings.readyTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "The search index is still being built; try again shortly.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Interrupted.");
        }
    }

    void rebuild() {
        long start = System.nanoTime();
        try {
            String after = null;
            while (true) {
                List<NoteSource> batch = notes.page(after, settings.rebuildBatch());
                if (batch.isEmpty()) {
                    break;
                }
                putPage(batch);
                after = batch.get(batch.size() - 1).id();
            }
        } catch (RuntimeException e) {
            log.error("search index rebuild failed; search answers 503 until the service restarts", e);
            ready.completeExceptionally(e);
            return;
        }
        List<String> queued;
        synchronized (pending) {
            rebuilt = true;
            queued = new ArrayList<>(pending);
            pending.clear();
        }
        queued.forEach(this::refresh);
        log.info("search index rebuilt notes={} sentences={} vectorMB={} ms={}", index.notes(), index.sentences(),
                index.vectorBytes() / (1024 * 1024), (System.nanoTime() - start) / 1_000_000);
        ready.complete(index);
    }

    /** Makes the index hold the note as it is now in MongoDB (or not at all when it is gone). */
    void refresh(String noteId) {
        synchronized (pending) {
            if (!rebuilt) {
                pending.add(noteId);
                return;
            }
        }
        // One refresh at a time: two reads of the same note must not be applied out of order.
        synchronized (index) {
            notes.find(noteId).ifPresentOrElse(source -> put(List.of(source)), () -> index.remove(noteId));
        }
    }

    private void put(List<NoteSource> batch) {
        put(batch, vectors.of(batch.stream().map(NoteSource::text).toList()));
    }

    /** A page of the rebuild: every live note with an id from the first's to the last's. */
    private void putPage(List<NoteSource> page) {
        put(page, vectors.ofPage(page.stream().map(NoteSource::text).toList()));
    }

    private void put(List<NoteSource> batch, List<EmbeddedNote> embedded) {
        for (int i = 0; i < batch.size(); i++) {
            index.put(IndexedNote.of(batch.get(i), embedded.get(i)), embedded.get(i).vectors());
        }
    }
}
