package org.outward.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.outward.contracts.DecodedEvent;
import org.outward.contracts.InvalidEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a listener does with a decodable event it has no handler for. */
public final class UnhandledEvents {

    private static final Logger log = LoggerFactory.getLogger(UnhandledEvents.class);

    private UnhandledEvents() {
    }

    /**
     * A registered type that belongs on another topic is a producer bug and can never be processed
     * here: it is dead-lettered. A registered type of this topic that this service simply does not
     * care about (added to the contracts later) is skipped, so new event types need no redeploy here.
     */
    public static void skipOrReject(ConsumerRecord<String, String> record, DecodedEvent<?> event) {
        if (!event.type().topic().equals(record.topic())) {
            throw new InvalidEventException(event.type().qualifiedName() + " does not belong on topic "
                    + record.topic());
        }
        log.info("ignored {} id={} subject={}: not used by this service", event.type().qualifiedName(),
                event.envelope().id(), event.envelope().subject());
    }
}
