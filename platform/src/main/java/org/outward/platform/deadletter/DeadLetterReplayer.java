package org.outward.platform.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.outward.platform.errors.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Replays dead letters after a fix: the stored record goes back to its original topic, same key, value and headers,
 * plus {@value #GROUP_HEADER} naming the consumer group that gave up on it, so that only that group takes it
 * ({@link ReplayFilter}) and it goes through that consumer's normal dedupe by event id. Marked replayed only once
 * Kafka acknowledged it; a replay that is processed and fails again becomes a new dead letter.
 */
public class DeadLetterReplayer {

    public static final String GROUP_HEADER = "outward-replay-group";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_AT_ONCE = 1_000;
    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayer.class);

    private final DeadLetters deadLetters;
    private final KafkaTemplate<String, String> kafka;

    public DeadLetterReplayer(DeadLetters deadLetters, KafkaTemplate<String, String> kafka) {
        this.deadLetters = deadLetters;
        this.kafka = kafka;
    }

    public DeadLetter replay(String id) {
        Document doc = deadLetters.find(id).orElseThrow(() -> new NotFoundException("dead letter", id));
        send(doc);
        return DeadLetter.fromDocument(deadLetters.find(id).orElse(doc));
    }

    /** Every open one (of this topic, unless null), oldest first, at most 1,000 per call; returns how many. */
    public int replayOpen(String topic) {
        List<Document> open = deadLetters.open(topic, MAX_AT_ONCE);
        open.forEach(this::send);
        return open.size();
    }

    private void send(Document doc) {
        String id = doc.getString("_id");
        ProducerRecord<String, String> record = new ProducerRecord<>(doc.getString("topic"), doc.getString("key"),
                doc.getString("value"));
        for (Document header : doc.getList("headers", Document.class, List.of())) {
            if (!header.getString("k").equals(GROUP_HEADER)) {
                record.headers().add(header.getString("k"), header.getString("v").getBytes(StandardCharsets.UTF_8));
            }
        }
        record.headers().add(GROUP_HEADER, doc.getString("group").getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying " + id, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the replay of " + id + ": " + e.getMessage(), e);
        }
        deadLetters.markReplayed(id);
        log.info("dead letter replayed id={} topic={} key={} group={}", id, doc.getString("topic"),
                doc.getString("key"), doc.getString("group"));
    }
}
