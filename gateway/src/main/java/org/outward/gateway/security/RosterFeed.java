package org.outward.gateway.security;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.outward.contracts.DecodedEvent;
import org.outward.contracts.EventCodec;
import org.outward.contracts.InvalidEventException;
import org.outward.contracts.Topics;
import org.outward.contracts.roster.InMemoryRoster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Folds the roster topic into the gateway's {@link InMemoryRoster}. Every gateway instance reads the whole topic
 * from its start in a consumer group of its own (new at every start), so each instance sees every change and
 * nothing needs storing: the gateway keeps no database.
 */
public class RosterFeed {

    private static final Logger log = LoggerFactory.getLogger(RosterFeed.class);

    private final InMemoryRoster roster;
    private final EventCodec codec = new EventCodec();

    public RosterFeed(InMemoryRoster roster) {
        this.roster = roster;
    }

    @KafkaListener(topics = Topics.CATALOG_ROSTER, groupId = "gateway-#{T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=earliest")
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
