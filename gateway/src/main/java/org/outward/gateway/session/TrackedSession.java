package org.outward.gateway.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.mongodb.spring.session.MongoSession;
import org.springframework.session.Session;
import org.springframework.session.SessionIdGenerator;

/**
 * One request's view of a session: reads fall through to a stored snapshot (shared, never changed, possibly
 * cached by several requests at once), writes go to this request's own overlay (and maps read from the snapshot
 * are this request's copies). So concurrent requests of one session never mutate a shared object, and saving
 * knows whether this request changed anything: nothing for almost every request, which then costs no write.
 */
public final class TrackedSession implements Session {

    private static final Object REMOVED = new Object();

    private final Clock clock;
    private final SessionIdGenerator ids;
    private MongoSession base;
    private boolean stored;
    private final Map<String, Object> changes = new HashMap<>();
    private final Map<String, Object> copies = new HashMap<>();
    private String changedId;
    private Duration maxInactive;
    private boolean maxInactiveChanged;
    private Instant lastAccessed;

    private TrackedSession(MongoSession base, boolean stored, Clock clock, SessionIdGenerator ids) {
        this.base = base;
        this.stored = stored;
        this.clock = clock;
        this.ids = ids;
        this.maxInactive = base.getMaxInactiveInterval();
        this.lastAccessed = base.getLastAccessedTime();
    }

    /** A session that exists in the store; {@code snapshot} must not be changed by anyone. */
    static TrackedSession of(MongoSession snapshot, Instant lastAccessed, Clock clock, SessionIdGenerator ids) {
        TrackedSession session = new TrackedSession(snapshot, true, clock, ids);
        if (lastAccessed.isAfter(session.lastAccessed)) {
            session.lastAccessed = lastAccessed;
        }
        return session;
    }

    /** A session not stored yet (it is stored only when something is put into it). */
    static TrackedSession created(Duration maxInactive, Clock clock, SessionIdGenerator ids) {
        MongoSession fresh = new MongoSession(ids.generate(), maxInactive.toSeconds());
        fresh.setLastAccessedTime(clock.instant());
        return new TrackedSession(fresh, false, clock, ids);
    }

    @Override
    public String getId() {
        return changedId != null ? changedId : base.getId();
    }

    /** The id the store knows this session by (before a change of id is saved). */
    String storedId() {
        return base.getId();
    }

    boolean stored() {
        return stored;
    }

    @Override
    public String changeSessionId() {
        changedId = ids.generate();
        return changedId;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getAttribute(String name) {
        if (changes.containsKey(name)) {
            Object value = changes.get(name);
            return value == REMOVED ? null : (T) value;
        }
        Object value = base.getAttribute(name);
        if (value instanceof Map<?, ?> map) {
            // Spring Security keeps e.g. the authorized clients as a map it changes in place and puts back: it
            // must change a copy of this request's own, never the shared snapshot.
            return (T) copies.computeIfAbsent(name, key -> new HashMap<>(map));
        }
        return (T) value;
    }

    @Override
    public Set<String> getAttributeNames() {
        Set<String> names = new HashSet<>(base.getAttributeNames());
        changes.forEach((name, value) -> {
            if (value == REMOVED) {
                names.remove(name);
            } else {
                names.add(name);
            }
        });
        return names;
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            removeAttribute(name);
        } else {
            // Even the same object put back is a change: it may have been changed in place.
            changes.put(name, value);
        }
    }

    @Override
    public void removeAttribute(String name) {
        if (getAttribute(name) != null) {
            changes.put(name, REMOVED);
        }
    }

    @Override
    public Instant getCreationTime() {
        return base.getCreationTime();
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
        this.lastAccessed = lastAccessedTime;
    }

    @Override
    public Instant getLastAccessedTime() {
        return lastAccessed;
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
        if (!interval.equals(maxInactive)) {
            maxInactive = interval;
            maxInactiveChanged = true;
        }
    }

    @Override
    public Duration getMaxInactiveInterval() {
        return maxInactive;
    }

    @Override
    public boolean isExpired() {
        return !maxInactive.isNegative() && !clock.instant().isBefore(lastAccessed.plus(maxInactive));
    }

    /** True when saving must write: new, or this request changed an attribute, the id or the timeout. */
    boolean changed() {
        return !stored || changedId != null || maxInactiveChanged || !changes.isEmpty();
    }

    /** When the store last recorded an access. */
    Instant storedLastAccess() {
        return base.getLastAccessedTime();
    }

    /**
     * This request's changes applied to {@code target} (a fresh copy read from the store, or this session's own
     * unstored snapshot), which is then what gets written.
     */
    MongoSession applyTo(MongoSession target) {
        changes.forEach((name, value) -> {
            if (value == REMOVED) {
                target.removeAttribute(name);
            } else {
                target.setAttribute(name, value);
            }
        });
        if (maxInactiveChanged) {
            target.setMaxInactiveInterval(maxInactive);
        }
        // Always set: it also recomputes expireAt (the TTL index field) from the timeout.
        target.setLastAccessedTime(lastAccessed.isAfter(target.getLastAccessedTime())
                ? lastAccessed : target.getLastAccessedTime());
        if (changedId == null) {
            return target;
        }
        // A new id (sign-in: session fixation protection) is a new document; the caller removes the old one.
        MongoSession renamed = new MongoSession(changedId, target.getMaxInactiveInterval().toSeconds());
        target.getAttributeNames().forEach(name -> renamed.setAttribute(name, target.getAttribute(name)));
        renamed.setLastAccessedTime(target.getLastAccessedTime());
        return renamed;
    }

    /** After a write: {@code written} is now what the store holds, and this request has no pending changes. */
    void rebase(MongoSession written) {
        base = written;
        stored = true;
        changes.clear();
        copies.clear();
        changedId = null;
        maxInactiveChanged = false;
    }

    MongoSession snapshot() {
        return base;
    }
}
