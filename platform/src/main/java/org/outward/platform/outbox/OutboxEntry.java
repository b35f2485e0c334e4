package org.outward.platform.outbox;

import java.time.Instant;

/**
 * An event waiting to be published, stored inside the document of the aggregate it is about (field
 * {@value #FIELD}). The state change and its event are therefore one single-document write: both
 * happen or neither does, without multi-document transactions.
 *
 * @param id      the event id (the envelope's id), used to remove exactly this entry once sent
 * @param topic   Kafka topic
 * @param key     Kafka key: the event's subject
 * @param type    qualified type name, for logs
 * @param payload the encoded envelope, exactly the bytes consumers will read
 * @param correlationId the request id that caused the event (also a Kafka header), or null
 * @param traceparent   W3C trace context of the request that caused the event, restored by the relay so the
 *                      publish and every consumer join that trace; null when there was none
 */
public record OutboxEntry(String id, String topic, String key, String type, String payload, Instant createdAt,
        String correlationId, String traceparent) {

    public OutboxEntry(String id, String topic, String key, String type, String payload, Instant createdAt,
            String correlationId) {
        this(id, topic, key, type, payload, createdAt, correlationId, null);
    }

    /** Name of the array field that holds pending entries in an aggregate's document. */
    public static final String FIELD = "outbox";
}
