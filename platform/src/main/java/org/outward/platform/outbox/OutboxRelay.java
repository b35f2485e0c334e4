package org.outward.platform.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.outward.platform.lifecycle.BackgroundLoop;
import org.outward.platform.web.RequestIds;

/**
 * Publishes pending events from the outbox arrays of the configured collections, oldest first
 * per document, and removes each entry only after Kafka acknowledged it (idempotent producer,
 * acks=all). While Kafka is unreachable it backs off and tries again, forever: nothing is dropped.
 *
 * <p>Delivery is at-least-once (a crash between the acknowledgement and the removal sends the
 * entry again), which is why every consumer dedupes by event id.
 *
 * <p>A send that is not acknowledged within {@code send-timeout} is not sent again while the producer still holds it:
 * once the producer knows the broker's address it keeps retrying a record itself (up to its delivery timeout), and a
 * second send of the same entry would put a second copy on the topic when the broker comes back. The next pass waits
 * for that same send; only a send the producer gave up on is made again.
 */
public class OutboxRelay extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final RelayTelemetry telemetry;
    private Duration backoff;
    private final Map<String, CompletableFuture<?>> inFlight = new ConcurrentHashMap<>();

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties) {
        this(mongo, kafka, properties, RelayTelemetry.none());
    }

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties,
            RelayTelemetry telemetry) {
        super("outbox-relay", 1);
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.telemetry = telemetry;
        this.backoff = properties.pollInterval();
    }

    /**
     * One pass over every collection.
     *
     * @return how many events were published; -1 when Kafka refused or timed out
     */
    public int relayOnce() {
        int published = 0;
        for (String collection : properties.collections()) {
            Query pending = new Query(Criteria.where(OutboxEntry.FIELD + ".0").exists(true))
                    .limit(properties.batchSize());
            pending.fields().include(OutboxEntry.FIELD);
            for (Document document : mongo.find(pending, Document.class, collection)) {
                int sent = relayDocument(collection, document);
                if (sent < 0) {
                    return -1;
                }
                published += sent;
            }
        }
        return published;
    }

    private int relayDocument(String collection, Document document) {
        int sent = 0;
        for (Document raw : document.getList(OutboxEntry.FIELD, Document.class, List.of())) {
            OutboxEntry entry = OutboxEvents.fromDocument(raw);
            if (!send(entry)) {
                return -1;
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(document.get("_id"))),
                    new Update().pull(OutboxEntry.FIELD, new Document("id", entry.id())), collection);
            sent++;
        }
        return sent;
    }

    private boolean send(OutboxEntry entry) {
        ProducerRecord<String, String> record = new ProducerRecord<>(entry.topic(), entry.key(), entry.payload());
        record.headers().add(RequestIds.KAFKA_HEADER_EVENT_ID, entry.id().getBytes());
        record.headers().add(RequestIds.KAFKA_HEADER_EVENT_TYPE, entry.type().getBytes());
        if (entry.correlationId() != null) {
            record.headers().add(RequestIds.KAFKA_HEADER_REQUEST_ID, entry.correlationId().getBytes());
        }
        try {
            // In the trace of the request that stored the entry: the send's own span and the record's
            // traceparent header (Kafka template observation) continue it to the consumers.
            telemetry.publish(entry, () -> {
                CompletableFuture<?> send = inFlight.get(entry.id());
                if (send == null) {
                    send = kafka.send(record);
                    inFlight.put(entry.id(), send);
                }
                send.get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                inFlight.remove(entry.id());
                return null;
            });
            log.info("published {} id={} key={} topic={} requestId={}", entry.type(), entry.id(), entry.key(),
                    entry.topic(), entry.correlationId());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (TimeoutException e) {
            // Still with the producer: the next pass waits for this same send rather than making a second one.
            log.warn("publishing {} id={} not acknowledged yet (will wait again in {})", entry.type(), entry.id(),
                    backoff);
            return false;
        } catch (ExecutionException | RuntimeException e) {
            inFlight.remove(entry.id());
            log.warn("could not publish {} id={} (will retry in {}): {}", entry.type(), entry.id(), backoff,
                    e.getMessage());
            return false;
        }
    }

    @Override
    protected Duration runOnce() {
        int published;
        try {
            published = relayOnce();
        } catch (RuntimeException e) {
            // MongoDB unreachable or similar: the entries are still stored, so simply try again later.
            log.warn("outbox pass failed (will retry in {}): {}", backoff, e.getMessage());
            published = -1;
        }
        if (published < 0) {
            backoff = min(backoff.multipliedBy(2), properties.maxBackoff());
            return backoff;
        }
        backoff = properties.pollInterval();
        // More may be waiting behind a full batch: go again at once.
        return published >= properties.batchSize() ? Duration.ZERO : properties.pollInterval();
    }

    @Override
    protected Duration pauseAfterFailure() {
        return properties.maxBackoff();
    }

    @Override
    protected Duration stopTimeout() {
        return properties.sendTimeout();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
