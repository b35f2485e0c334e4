package org.outward.platform.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * Counters of what happens to consumed Kafka records, tagged by topic (a fixed, short list) and nothing of
 * higher cardinality. In Prometheus: {@code outward_events_consumed_total{topic,outcome}},
 * {@code outward_events_retried_total{topic}}, {@code outward_events_dead_lettered_total{topic,reason}},
 * {@code outward_events_skipped_total{topic}}.
 */
public final class EventMetrics {

    /** The counter of {@link #skipped}. */
    public static final String SKIPPED = "outward.events.skipped";

    private final MeterRegistry registry;

    public EventMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts nothing anywhere: for code built without a registry (unit tests). */
    public static EventMetrics none() {
        return new EventMetrics(new CompositeMeterRegistry());
    }

    /** A record handled ({@code processed}) or skipped because its event id was seen before ({@code duplicate}). */
    public void consumed(String topic, String outcome) {
        Counter.builder("outward.events.consumed")
                .description("Kafka records consumed, by outcome: processed or duplicate (skipped by the inbox)")
                .tag("topic", topic).tag("outcome", outcome)
                .register(registry).increment();
    }

    /** A failed delivery of a record that will be tried again. */
    public void retried(String topic) {
        Counter.builder("outward.events.retried")
                .description("Kafka record deliveries that failed and will be retried")
                .tag("topic", topic)
                .register(registry).increment();
    }

    /** A record sent to its dead-letter topic: {@code invalid} at once, or {@code exhausted} after retries. */
    public void deadLettered(String topic, String reason) {
        Counter.builder("outward.events.dead.lettered")
                .description("Kafka records sent to <topic>.DLT, by reason: invalid or exhausted")
                .tag("topic", topic).tag("reason", reason)
                .register(registry).increment();
    }

    /** A record of an event type or version this build does not know, skipped (docs/events.md, compatibility). */
    public void skipped(String topic) {
        Counter.builder(SKIPPED)
                .description("Kafka records of an event type or version unknown to this build, skipped")
                .tag("topic", topic)
                .register(registry).increment();
    }
}
