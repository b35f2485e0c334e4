package org.outward.platform.test;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.outward.contracts.EventCodec;
import org.outward.contracts.EventType;
import org.outward.contracts.Events;
import org.outward.contracts.Topics;
import org.outward.contracts.catalog.LibraryLeftCohort;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.MemberRemoved;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes roster events on the roster topic as catalog-service does (envelope, key = subject), dated by the
 * wall clock, for tests of what the services do when the roster changes.
 */
public final class RosterEvents {

    private final KafkaTemplate<String, String> kafka;
    private final EventCodec codec = new EventCodec(Clock.systemUTC());

    public RosterEvents(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    public void memberAdded(MemberAdded added) {
        publish(Events.MEMBER_ADDED, added.memberId(), added);
    }

    public void memberRemoved(String memberId, String email, String libraryId, String cohortId) {
        publish(Events.MEMBER_REMOVED, memberId, new MemberRemoved(memberId, email, libraryId, cohortId,
                Clock.systemUTC().instant()));
    }

    public void libraryLeft(String libraryId, String cohortId) {
        publish(Events.LIBRARY_LEFT_COHORT, libraryId, new LibraryLeftCohort(libraryId, cohortId,
                "Library " + libraryId, Clock.systemUTC().instant()));
    }

    public <T extends Record> void publish(EventType<T> type, String subject, T payload) {
        try {
            kafka.send(new ProducerRecord<>(Topics.CATALOG_ROSTER, subject,
                    codec.encode(codec.envelope(type, "catalog-service", subject, null, payload))))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + type.qualifiedName(), e);
        }
    }
}
