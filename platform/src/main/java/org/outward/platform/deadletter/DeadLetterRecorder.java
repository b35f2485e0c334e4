package org.outward.platform.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.outward.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Reads every dead-letter topic ({@code <topic>.DLT}, consumer group {@code <service>.dead-letters}) and records the
 * records this service's own consumer groups gave up on (the group is in the {@code kafka_dlt-original-consumer-group}
 * header; another service's dead letters on the same topic are theirs). Its own failures (MongoDB away) are retried
 * until they succeed: a dead letter of a dead letter would be buried again.
 */
public class DeadLetterRecorder {

    static final String PATTERN = "outward\\..*\\.DLT";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecorder.class);

    private final DeadLetters deadLetters;
    private final String service;

    public DeadLetterRecorder(DeadLetters deadLetters, String service) {
        this.deadLetters = deadLetters;
        this.service = service;
    }

    @KafkaListener(topicPattern = PATTERN, groupId = "${spring.application.name}.dead-letters",
            containerFactory = DeadLetterAutoConfiguration.LISTENER_FACTORY,
            properties = "auto.offset.reset=earliest", autoStartup = "${outward.dead-letters.enabled:true}")
    public void onDeadLetter(ConsumerRecord<String, String> record) {
        String group = text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
        if (group == null || !isOurs(group)) {
            return;
        }
        String topic = text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (topic == null) {
            topic = record.topic().substring(0, record.topic().length() - Topics.DEAD_LETTER_SUFFIX.length());
        }
        ByteBuffer partition = bytes(record, KafkaHeaders.DLT_ORIGINAL_PARTITION, Integer.BYTES);
        ByteBuffer offset = bytes(record, KafkaHeaders.DLT_ORIGINAL_OFFSET, Long.BYTES);
        int p = partition == null ? record.partition() : partition.getInt();
        long o = offset == null ? record.offset() : offset.getLong();
        String reason = reason(record);
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("kafka_dlt-") && header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        String id = topic + "-" + p + "-" + o + "." + group;
        if (deadLetters.record(id, topic, p, o, record.key(), group, reason, record.value(), headers)) {
            log.warn("dead letter recorded id={} topic={} partition={} offset={} key={} group={}: {}", id, topic, p, o,
                    record.key(), group, reason);
        }
    }

    /** The service's groups are named after it ({@code notification-service}, {@code notes-service-themes}). */
    private boolean isOurs(String group) {
        return group.equals(service) || group.startsWith(service + "-") || group.startsWith(service + ".");
    }

    private static String reason(ConsumerRecord<String, String> record) {
        String type = text(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
        if (type == null) {
            type = text(record, KafkaHeaders.DLT_EXCEPTION_FQCN);
        }
        String message = text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
        String reason = (type == null ? "" : type.substring(type.lastIndexOf('.') + 1) + ": ")
                + (message == null ? "(no message)" : message);
        return reason.length() > 1_000 ? reason.substring(0, 1_000) : reason;
    }

    private static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A big-endian int or long header, as the dead-letter publisher writes them; null when absent. */
    private static ByteBuffer bytes(ConsumerRecord<?, ?> record, String name, int length) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null || header.value().length != length ? null
                : ByteBuffer.wrap(header.value());
    }
}
