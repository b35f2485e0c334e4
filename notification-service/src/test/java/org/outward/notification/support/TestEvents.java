package org.outward.notification.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.outward.contracts.EventCodec;
import org.outward.contracts.EventEnvelope;
import org.outward.contracts.EventType;

/** Publishes events (or raw records) the way catalog-service and notes-service would. */
public final class TestEvents implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final EventCodec codec = new EventCodec();

    public TestEvents(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all"));
    }

    public <T extends Record> EventEnvelope envelope(EventType<T> type, String subject, T payload) {
        return codec.envelope(type, "test-" + type.topic(), subject, "req-" + UUID.randomUUID(), payload);
    }

    public static EventEnvelope at(EventEnvelope envelope, Instant occurredAt) {
        return new EventEnvelope(envelope.id(), envelope.type(), envelope.version(), occurredAt, envelope.source(),
                envelope.subject(), envelope.correlationId(), envelope.data());
    }

    /** A fresh event of the given type, published and acknowledged. */
    public <T extends Record> EventEnvelope publish(EventType<T> type, String subject, T payload) {
        EventEnvelope envelope = envelope(type, subject, payload);
        send(type.topic(), envelope);
        return envelope;
    }

    /** (Re)sends an envelope as it is: same event id, so a redelivery as far as consumers can tell. */
    public void send(String topic, EventEnvelope envelope) {
        send(topic, envelope.subject(), codec.encode(envelope), envelope.type() + ".v" + envelope.version());
    }

    public void sendRaw(String topic, String key, String value) {
        send(topic, key, value, null);
    }

    /** With the type header the outbox relay sets ({@code x-event-type: Type.vN}), when {@code type} is given. */
    private void send(String topic, String key, String value, String type) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("x-request-id", ("raw-" + key).getBytes(StandardCharsets.UTF_8));
        if (type != null) {
            record.headers().add("x-event-type", type.getBytes(StandardCharsets.UTF_8));
        }
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /**
     * A record in {@code <topic>.DLT} as Spring Kafka's dead-letter publisher writes it: the original value and the
     * {@code kafka_dlt-*} headers saying where it came from, which consumer group gave up and why.
     */
    public void sendDeadLetter(String topic, String key, EventEnvelope envelope, long originalOffset, String group,
            String reason) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic + ".DLT", key, codec.encode(envelope));
        record.headers().add("kafka_dlt-original-topic", topic.getBytes(StandardCharsets.UTF_8));
        record.headers().add("kafka_dlt-original-partition", java.nio.ByteBuffer.allocate(4).putInt(0).array());
        record.headers().add("kafka_dlt-original-offset", java.nio.ByteBuffer.allocate(8).putLong(originalOffset)
                .array());
        record.headers().add("kafka_dlt-original-consumer-group", group.getBytes(StandardCharsets.UTF_8));
        record.headers().add("kafka_dlt-exception-message", reason.getBytes(StandardCharsets.UTF_8));
        record.headers().add("x-request-id", ("dead-" + key).getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic + ".DLT", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
