package org.outward.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mongodb.spring.session.ReactiveMongoSessionRepository;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.session.UuidSessionIdGenerator;

/**
 * Two gateway instances (two cached repositories) on one session store, a MongoDB wire server: what each sees of
 * the other's changes, and when. Time is a clock the test moves.
 */
class CachedSessionRepositoryTest {

    private static MongoServer server;
    private static MongoClient mongo;
    private static ReactiveMongoTemplate template;

    private final MovableClock clock = new MovableClock();
    private final SessionSettings settings = new SessionSettings(Duration.ofHours(2), Duration.ofSeconds(2), 100,
            Duration.ofSeconds(60));
    private final CachedSessionRepository first = instance();
    private final CachedSessionRepository second = instance();

    @BeforeAll
    static void store() {
        server = new MongoServer(new MemoryBackend());
        mongo = MongoClients.create(server.bindAndGetConnectionString());
        template = new ReactiveMongoTemplate(mongo, "outward-gateway-test");
    }

    @AfterAll
    static void closeStore() {
        mongo.close();
        server.shutdownNow();
    }

    private CachedSessionRepository instance() {
        ReactiveMongoSessionRepository store = new ReactiveMongoSessionRepository(template);
        store.setDefaultMaxInactiveInterval(settings.idleTimeout());
        return new CachedSessionRepository(store, settings, clock, UuidSessionIdGenerator.getInstance());
    }

    private String stored(CachedSessionRepository repository, String name, Object value) {
        TrackedSession session = repository.createSession().block();
        session.setAttribute(name, value);
        repository.save(session).block();
        return session.getId();
    }

    private Document document(String id) {
        return template.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, "sessions").block();
    }

    @Test
    void aNewSessionIsStoredOnlyWhenSaved() {
        TrackedSession session = first.createSession().block();

        assertThat(document(session.getId())).isNull();
        session.setAttribute("a", "1");
        first.save(session).block();
        assertThat(document(session.getId())).isNotNull();
        assertThat(second.findById(session.getId()).block().<String>getAttribute("a")).isEqualTo("1");
    }

    @Test
    void aChangeOnOneInstanceIsSeenOnTheOtherOnceItsCopyIsOlderThanTheTtl() {
        String id = stored(first, "step", "one");
        assertThat(second.findById(id).block().<String>getAttribute("step")).isEqualTo("one");

        TrackedSession changed = first.findById(id).block();
        changed.setAttribute("step", "two");
        first.save(changed).block();

        assertThat(first.findById(id).block().<String>getAttribute("step")).isEqualTo("two");
        assertThat(second.findById(id).block().<String>getAttribute("step")).as("within the TTL").isEqualTo("one");
        clock.move(settings.cacheTtl());
        assertThat(second.findById(id).block().<String>getAttribute("step")).isEqualTo("two");
    }

    @Test
    void aSessionEndedOnOneInstanceEndsOnTheOtherWithinTheTtlAndIsNeverRevived() {
        String id = stored(first, "who", "robin");
        TrackedSession onSecond = second.findById(id).block();

        first.deleteById(id).block();

        assertThat(first.findById(id).blockOptional()).as("at once where it was ended").isEmpty();
        assertThat(second.findById(id).blockOptional()).as("within the TTL elsewhere").isPresent();
        onSecond.setAttribute("late", "write");
        second.save(onSecond).block();
        assertThat(document(id)).as("a late change does not bring it back").isNull();
        clock.move(settings.cacheTtl());
        assertThat(second.findById(id).blockOptional()).isEmpty();
    }

    @Test
    void anUnchangedSessionCostsNoWriteAndItsLastAccessIsWrittenOncePerTouchInterval() {
        String id = stored(first, "who", "robin");
        Object accessedAtFirst = document(id).get("accessed");

        TrackedSession soon = first.findById(id).block();
        soon.setLastAccessedTime(clock.instant().plusSeconds(10));
        first.save(soon).block();
        assertThat(document(id).get("accessed")).isEqualTo(accessedAtFirst);

        TrackedSession later = first.findById(id).block();
        Instant touched = clock.instant().plus(settings.touchInterval()).plusSeconds(1);
        later.setLastAccessedTime(touched);
        first.save(later).block();
        assertThat(document(id).get("accessed")).isNotEqualTo(accessedAtFirst);
        assertThat(second.findById(id).block().getLastAccessedTime()).isEqualTo(touched.truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void aNewIdMovesTheSessionWithEverythingInIt() {
        String id = stored(first, "who", "robin");
        TrackedSession session = first.findById(id).block();

        String newId = session.changeSessionId();
        first.save(session).block();

        assertThat(document(id)).isNull();
        assertThat(first.findById(id).blockOptional()).isEmpty();
        assertThat(second.findById(newId).block().<String>getAttribute("who")).isEqualTo("robin");
    }

    @Test
    void requestsOfOneSessionNeverSeeEachOthersUnsavedChanges() {
        Map<String, String> clients = new HashMap<>(Map.of("outward", "token-1"));
        String id = stored(first, "clients", clients);
        TrackedSession one = first.findById(id).block();
        TrackedSession other = first.findById(id).block();

        Map<String, String> changedInPlace = one.getAttribute("clients");
        changedInPlace.put("outward", "token-2");
        one.setAttribute("clients", changedInPlace);

        assertThat(other.<Map<String, String>>getAttribute("clients")).containsEntry("outward", "token-1");
        first.save(one).block();
        clock.move(settings.cacheTtl());
        assertThat(second.findById(id).block().<Map<String, String>>getAttribute("clients"))
                .containsEntry("outward", "token-2");
    }

    @Test
    void removedAttributesAreGoneForOthersToo() {
        String id = stored(first, "returnTo", "/notes/1");
        TrackedSession session = first.findById(id).block();

        session.removeAttribute("returnTo");
        assertThat(session.getAttributeNames()).doesNotContain("returnTo");
        first.save(session).block();

        assertThat(second.findById(id).block().getAttributeNames()).doesNotContain("returnTo");
    }

    static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
