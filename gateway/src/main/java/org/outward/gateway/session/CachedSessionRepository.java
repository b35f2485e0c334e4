package org.outward.gateway.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mongodb.spring.session.MongoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.SessionIdGenerator;
import reactor.core.publisher.Mono;

/**
 * Browser sessions with MongoDB (the shared store of all gateway instances) behind a small local cache, so a
 * signed-in request costs a map look-up instead of a database read and write.
 *
 * <ul>
 * <li>Reads: a session read from the store is used for {@link SessionSettings#cacheTtl()} (2 s by default),
 * then read again. So a session ended on another instance (sign-out, expiry) stops working here within that
 * time; on the instance that ended it, at once.</li>
 * <li>Writes: only what a request changed (sign-in, a refreshed access token) is written, applied to a fresh
 * copy read from the store, never a stale cached one; a session that is no longer in the store is not written
 * back (an ended session cannot be revived by a late request on another instance). The last-access time alone
 * is written at most once per {@link SessionSettings#touchInterval()}: it only moves the idle expiry.</li>
 * <li>New sessions are created in memory and stored only when something is put into them.</li>
 * </ul>
 * The cache is bounded: when full, stale entries are dropped, and if that is not enough, all of them.
 */
public final class CachedSessionRepository implements ReactiveSessionRepository<TrackedSession> {

    private static final Logger log = LoggerFactory.getLogger(CachedSessionRepository.class);

    private static final class Entry {
        final MongoSession snapshot;
        final Instant readAt;
        volatile Instant lastAccess;

        Entry(MongoSession snapshot, Instant readAt) {
            this.snapshot = snapshot;
            this.readAt = readAt;
            this.lastAccess = snapshot.getLastAccessedTime();
        }
    }

    private final ReactiveSessionRepository<MongoSession> store;
    private final SessionSettings settings;
    private final Clock clock;
    private final SessionIdGenerator ids;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    public CachedSessionRepository(ReactiveSessionRepository<MongoSession> store, SessionSettings settings, Clock clock,
            SessionIdGenerator ids) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Mono<TrackedSession> createSession() {
        return Mono.fromSupplier(() -> TrackedSession.created(settings.idleTimeout(), clock, ids));
    }

    @Override
    public Mono<TrackedSession> findById(String id) {
        Instant now = clock.instant();
        Entry entry = cache.get(id);
        if (entry != null) {
            if (now.isBefore(entry.readAt.plus(settings.cacheTtl()))) {
                TrackedSession session = TrackedSession.of(entry.snapshot, entry.lastAccess, clock, ids);
                if (!session.isExpired()) {
                    return Mono.just(session);
                }
            }
            cache.remove(id, entry);
        }
        return store.findById(id)
                .onErrorResume(SerializationFailedException.class, e -> {
                    // e.g. written by a gateway with other library versions: treated as signed out, not as an error.
                    log.warn("session could not be read ({}); the caller is treated as signed out", e.getMessage());
                    return Mono.empty();
                })
                .map(stored -> {
                    remember(stored, now);
                    return TrackedSession.of(stored, stored.getLastAccessedTime(), clock, ids);
                });
    }

    @Override
    public Mono<Void> save(TrackedSession session) {
        if (!session.changed()) {
            Entry entry = cache.get(session.getId());
            if (entry != null && session.getLastAccessedTime().isAfter(entry.lastAccess)) {
                entry.lastAccess = session.getLastAccessedTime();
            }
            if (Duration.between(session.storedLastAccess(), session.getLastAccessedTime())
                    .compareTo(settings.touchInterval()) < 0) {
                return Mono.empty();
            }
        }
        if (!session.stored()) {
            // Its snapshot belongs to this request alone until it is stored.
            return write(session, session.applyTo(session.snapshot()), null);
        }
        String storedId = session.storedId();
        return store.findById(storedId)
                .flatMap(fresh -> write(session, session.applyTo(fresh), storedId).thenReturn(Boolean.TRUE))
                .switchIfEmpty(Mono.fromSupplier(() -> {
                    // Ended meanwhile (signed out elsewhere, or expired): stays ended.
                    cache.remove(storedId);
                    return Boolean.FALSE;
                }))
                .then();
    }

    private Mono<Void> write(TrackedSession session, MongoSession written, String previousId) {
        boolean renamed = previousId != null && !previousId.equals(written.getId());
        return store.save(written)
                .then(renamed ? store.deleteById(previousId) : Mono.empty())
                .doOnSuccess(done -> {
                    if (previousId != null) {
                        cache.remove(previousId);
                    }
                    remember(written, clock.instant());
                    session.rebase(written);
                });
    }

    @Override
    public Mono<Void> deleteById(String id) {
        cache.remove(id);
        return store.deleteById(id);
    }

    private void remember(MongoSession session, Instant now) {
        if (cache.size() >= settings.cacheSize()) {
            for (Iterator<Entry> it = cache.values().iterator(); it.hasNext();) {
                if (!now.isBefore(it.next().readAt.plus(settings.cacheTtl()))) {
                    it.remove();
                }
            }
            if (cache.size() >= settings.cacheSize()) {
                cache.clear();
            }
        }
        cache.put(session.getId(), new Entry(session, now));
    }

    int cached() {
        return cache.size();
    }
}
