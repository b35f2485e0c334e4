package org.outward.identity;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.outward.contracts.DecodedEvent;
import org.outward.contracts.EventCodec;
import org.outward.contracts.Events;
import org.outward.contracts.InvalidEventException;
import org.outward.contracts.Topics;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.MemberRemoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Mirrors the roster: every MemberAdded becomes a user who can sign in, every MemberRemoved removes one. The consumer
 * group is new at every start, so the whole roster topic is read again and nothing needs storing here.
 */
@Component
class RosterFeed {

    private static final Logger log = LoggerFactory.getLogger(RosterFeed.class);

    private final UserDirectory users;
    private final EventCodec codec = new EventCodec();

    RosterFeed(UserDirectory users) {
        this.users = users;
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
        if (event.is(Events.MEMBER_ADDED)) {
            MemberAdded added = event.payloadAs(Events.MEMBER_ADDED);
            users.put(new DevUser(added.email(), added.name(), List.of(added.role()), added.libraryId(),
                    added.cohortId(), added.memberId()));
            log.info("user {} can sign in as {}", added.memberId(), added.role());
        } else if (event.is(Events.MEMBER_REMOVED)) {
            MemberRemoved removed = event.payloadAs(Events.MEMBER_REMOVED);
            users.remove(removed.email());
            log.info("user {} removed", removed.memberId());
        }
    }
}
