package org.outward.identity;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.outward.contracts.DecodedEvent;
import org.outward.contracts.EventCodec;
import org.outward.contracts.InvalidEventException;
import org.outward.contracts.Topics;
import org.outward.contracts.roster.InMemoryRoster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Mirrors the roster into memory: who may sign in follows every MemberAdded, MemberRemoved, LibraryJoinedCohort and
 * LibraryLeftCohort. The consumer group is new at every start, so the whole roster topic is read again and nothing
 * needs storing here.
 */
@Component
class RosterFeed {

    private static final Logger log = LoggerFactory.getLogger(RosterFeed.class);

    private final InMemoryRoster roster;
    private final EventCodec codec = new EventCodec();

    RosterFeed(InMemoryRoster roster) {
        this.roster = roster;
    }

    @KafkaListener(topics = Topics.CATALOG_ROSTER, groupId = "dev-identity-#{T(java.util.UUID).randomUUID()}")
    void onRosterEvent(ConsumerRecord<String, String> record) {
        DecodedEvent<?> event;
        try {
            event = codec.decode(record.value());
        } catch (InvalidEventException e) {
            log.warn("skipped unreadable roster record at offset {}: {}", record.offset(), e.getMessage());
            return;
        }
        if (roster.apply(event)) {
            log.info("roster {} subject={} applied", event.type().qualifiedName(), event.envelope().subject());
        }
    }
}
