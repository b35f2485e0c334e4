package org.outward.platform.roster;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.outward.contracts.Topics;
import org.outward.platform.kafka.EventConsumer;
import org.outward.platform.kafka.UnhandledEvents;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Keeps the {@link RosterMirror} in step with the roster topic. A consumer group of its own per service
 * ({@code <service>-roster}, with its own inbox), read from the topic's start: a service that is new, or whose
 * mirror is new, learns the whole roster. The service's {@link RosterChangeHandler}s follow each stored event.
 */
public class RosterMirrorListener {

    private final EventConsumer consumer;
    private final RosterMirror mirror;
    private final List<RosterChangeHandler> handlers;

    public RosterMirrorListener(EventConsumer consumer, RosterMirror mirror, List<RosterChangeHandler> handlers) {
        this.consumer = consumer.named("roster");
        this.mirror = mirror;
        this.handlers = List.copyOf(handlers);
    }

    @KafkaListener(topics = Topics.CATALOG_ROSTER, groupId = "${spring.application.name}-roster",
            properties = "auto.offset.reset=earliest")
    void onRecord(ConsumerRecord<String, String> record) {
        consumer.consume(record, event -> {
            if (RosterMirror.handles(event)) {
                if (mirror.apply(event)) {
                    handlers.forEach(handler -> handler.stored(event));
                }
            } else {
                UnhandledEvents.skipOrReject(record, event);
            }
        });
    }
}
