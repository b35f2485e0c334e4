package org.outward.notes.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.outward.notes.note.NoteAccess;
import org.outward.notes.theme.Section;
import org.outward.notes.theme.SentenceEmbedder;
import org.outward.platform.errors.BadRequestException;
import org.outward.platform.search.SearchAnalyzer;
import org.outward.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Note search: the query's words (BM25 over stems) and its meaning (cosine of its embedding to the notes' sentence
 * vectors), fused by reciprocal rank, over the notes the caller may read that pass the filters; each hit with its
 * best passages as snippets. "More like this" ranks by the sentence vectors of a note instead of a query.
 *
 * <p>The page about to be returned is checked against MongoDB (version, visibility, deletion): the index of this
 * instance follows writes made elsewhere through events, and a note that changed meanwhile is refreshed and the
 * search run again, so a note just made private or deleted never shows.
 */
@Service
class NoteSearch {

    static final int MAX_QUERY = 500;
    /** Sentences of the source note "more like this" compares (the first ones: notes lead with what matters). */
    static final int MAX_SOURCE_SENTENCES = 12;

    private static final Logger log = LoggerFactory.getLogger(NoteSearch.class);

    private final SearchIndex index;
    private final SearchNotes notes;
    private final SentenceEmbedder embedder;

    NoteSearch(SearchIndex index, SearchNotes notes, SentenceEmbedder embedder) {
        this.index = index;
        this.notes = notes;
        this.embedder = embedder;
    }

    SearchPage search(Caller caller, String q, SearchFilters filters) {
        if (q == null || q.isBlank()) {
            throw new BadRequestException("q", "must not be blank");
        }
        if (q.length() > MAX_QUERY) {
            throw new BadRequestException("q", "must be at most " + MAX_QUERY + " characters");
        }
        check(filters);
        Section section = section(filters);
        List<String> terms = SearchAnalyzer.distinctTerms(q);
        float[] vector = embedder.embed(List.of(q.strip())).get(0);
        return page(caller, filters, terms, section, noteIndex -> noteIndex.search(new NoteIndex.Query(terms, vector,
                accept(caller, filters, section), section, cohorts(filters), NoteIndex.Mode.FUSED)));
    }

    /** The notes nearest to a note the caller may read (checked by the caller of this method). */
    SearchPage similar(Caller caller, String noteId, SearchFilters filters) {
        Section section = section(filters);
        return page(caller, filters, List.of(), section, noteIndex -> noteIndex.similar(noteId,
                accept(caller, filters, section), cohorts(filters), section, MAX_SOURCE_SENTENCES));
    }

    private SearchPage page(Caller caller, SearchFilters filters, List<String> terms, Section section,
            java.util.function.Function<NoteIndex, List<NoteIndex.Hit>> ranking) {
        check(filters);
        NoteIndex noteIndex = index.index();
        int page = filters.pageOrDefault();
        int size = filters.sizeOrDefault();
        for (int attempt = 0; ; attempt++) {
            List<NoteIndex.Hit> hits = ranking.apply(noteIndex);
            int from = (int) Math.min((long) page * size, hits.size());
            List<NoteIndex.Hit> shown = hits.subList(from, Math.min(from + size, hits.size()));
            List<String> stale = stale(caller, shown);
            if (stale.isEmpty() || attempt == 1) {
                List<SearchPage.Hit> items = new ArrayList<>();
                for (NoteIndex.Hit hit : shown) {
                    if (!stale.contains(hit.note().id())) {
                        items.add(view(hit, terms, section));
                    }
                }
                return new SearchPage(items, page, size, hits.size() - stale.size());
            }
            log.info("search page held notes changed meanwhile, refreshed and searched again notes={}", stale);
            stale.forEach(index::refresh);
        }
    }

    /** The shown notes whose stored version or visibility no longer match what the index ranked. */
    private List<String> stale(Caller caller, List<NoteIndex.Hit> shown) {
        if (shown.isEmpty()) {
            return List.of();
        }
        Map<String, NoteSource> current = new HashMap<>();
        notes.current(shown.stream().map(h -> h.note().id()).toList()).forEach(n -> current.put(n.id(), n));
        List<String> stale = new ArrayList<>();
        for (NoteIndex.Hit hit : shown) {
            NoteSource now = current.get(hit.note().id());
            if (now == null || now.version() != hit.note().version()
                    || !NoteAccess.canRead(caller, now.libraryId(), now.cohortId(), now.shared())) {
                stale.add(hit.note().id());
            }
        }
        return stale;
    }

    private static SearchPage.Hit view(NoteIndex.Hit hit, List<String> terms, Section section) {
        IndexedNote note = hit.note();
        return new SearchPage.Hit(note.id(), note.libraryId(), note.cohortId(), note.title(), note.conversationDate(),
                note.shared() ? "cohort" : "private", hit.score(), Snippets.of(hit, terms, section));
    }

    static Predicate<IndexedNote> accept(Caller caller, SearchFilters filters, Section section) {
        String segment = filters.segment() == null ? null : filters.segment().strip();
        String tag = filters.tag() == null ? null : filters.tag().strip();
        return note -> NoteAccess.canRead(caller, note.libraryId(), note.cohortId(), note.shared())
                && (filters.libraryId() == null || filters.libraryId().equals(note.libraryId()))
                && (filters.cohortId() == null || filters.cohortId().equals(note.cohortId()))
                && (filters.from() == null || !note.conversationDate().isBefore(filters.from()))
                && (filters.to() == null || !note.conversationDate().isAfter(filters.to()))
                && (segment == null || note.segments().contains(segment))
                && (tag == null || note.tags().contains(tag))
                && (section == null || note.passages().stream().anyMatch(p -> p.section() == section));
    }

    private static Set<String> cohorts(SearchFilters filters) {
        return filters.cohortId() == null ? null : Set.of(filters.cohortId());
    }

    private static Section section(SearchFilters filters) {
        if (filters.section() == null || filters.section().isBlank()) {
            return null;
        }
        try {
            return Section.ofWireName(filters.section());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("section", "must be one of aspirations, concerns, actions, trust, other");
        }
    }

    private static void check(SearchFilters filters) {
        if (filters.from() != null && filters.to() != null && filters.to().isBefore(filters.from())) {
            throw new BadRequestException("to", "must not be before from");
        }
    }
}
