package org.outward.platform.kafka;

import java.util.Objects;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.outward.contracts.DecodedEvent;
import org.outward.contracts.EventCodec;
import org.outward.contracts.EventEnvelope;
import org.outward.contracts.InvalidEventException;
import org.outward.contracts.UnknownEventTypeException;
import org.outward.platform.inbox.Inbox;
import org.outward.platform.observability.EventMetrics;
import org.outward.platform.web.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a service handles a Kafka record: decode and check it (a bad record throws
 * {@link InvalidEventException}, which the error handler sends to the dead-letter topic at once),
 * skip it when its event id was processed before, run the handler, then remember the id.
 * The handler itself must be idempotent: it runs again when the service dies before the id is stored.
 *
 * <p>An event of a type or version this build does not know ({@link UnknownEventTypeException}) is skipped and
 * logged, and counted in {@value #SKIPPED_METRIC}: producers only publish what every consumer that needs it accepts
 * (docs/events.md), so a consumer that does not know it has no use for it, and dead-lettering it would only bury it.
 */
public class EventConsumer {


    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    private final EventCodec codec;
    private final Inbox inbox;
    private final EventMetrics metrics;

    public EventConsumer(EventCodec codec, Inbox inbox) {
        this(codec, inbox, EventMetrics.none());
    }

    public EventConsumer(EventCodec codec, Inbox inbox, EventMetrics metrics) {
        this.codec = codec;
        this.inbox = inbox;
        this.metrics = metrics;
    }

    /** The same, for a further consumer group of this service, with an inbox of its own (see {@link Inbox#named}). */
    public EventConsumer named(String consumer) {
        return new EventConsumer(codec, inbox.named(consumer), metrics);
    }

    public void consume(ConsumerRecord<String, String> record, Consumer<DecodedEvent<?>> handler) {
        DecodedEvent<?> event;
        try {
            event = codec.decode(record.value());
        } catch (UnknownEventTypeException e) {
            log.warn("skipped unknown event {}.v{} topic={} partition={} offset={} key={}: not known to this build",
                    e.type(), e.version(), record.topic(), record.partition(), record.offset(), record.key());
            metrics.skipped(record.topic());
            return;
        }
        EventEnvelope envelope = event.envelope();
        if (!Objects.equals(record.key(), envelope.subject())) {
            throw new InvalidEventException("record key '" + record.key() + "' differs from subject '"
                    + envelope.subject() + "'");
        }
        String requestId = envelope.correlationId() != null
                ? envelope.correlationId() : RequestIds.fromKafkaHeaders(record.headers());
        RequestIds.set(requestId);
        try {
            if (inbox.seen(envelope)) {
                log.info("skipped duplicate {} id={} subject={}", event.type().qualifiedName(), envelope.id(),
                        envelope.subject());
                metrics.consumed(record.topic(), "duplicate");
                return;
            }
            handler.accept(event);
            inbox.record(envelope, record.topic());
            metrics.consumed(record.topic(), "processed");
            log.info("consumed {} id={} subject={} topic={} offset={}", event.type().qualifiedName(),
                    envelope.id(), envelope.subject(), record.topic(), record.offset());
        } finally {
            RequestIds.set(null);
        }
    }
}
