package org.outward.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.outward.platform.observability.TraceContexts;

/**
 * What the relay reports about each publish: {@code outward_outbox_publish_seconds{topic,outcome}} (send until
 * Kafka's acknowledgement), {@code outward_outbox_delay_seconds{topic}} (stored until acknowledged: how far the
 * relay is behind), and a span in the trace of the request that stored the entry.
 */
public class RelayTelemetry {

    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30)};

    private final MeterRegistry registry;
    private final TraceContexts traces;
    private final Clock clock;

    public RelayTelemetry(MeterRegistry registry, TraceContexts traces, Clock clock) {
        this.registry = registry;
        this.traces = traces;
        this.clock = clock;
    }

    public static RelayTelemetry none() {
        return new RelayTelemetry(new CompositeMeterRegistry(), TraceContexts.none(), Clock.systemUTC());
    }

    /** A blocking send, as the relay makes it. */
    public interface Send {
        Void run() throws InterruptedException, ExecutionException, TimeoutException;
    }

    void publish(OutboxEntry entry, Send send) throws InterruptedException, ExecutionException, TimeoutException {
        long started = System.nanoTime();
        String outcome = "failed";
        try {
            traces.inSpan(entry.traceparent(), "outbox publish",
                    Map.of("messaging.destination.name", entry.topic(), "outward.event.type", entry.type()),
                    () -> {
                        try {
                            return send.run();
                        } catch (InterruptedException | ExecutionException | TimeoutException e) {
                            throw new Wrapped(e);
                        }
                    });
            outcome = "ok";
        } catch (Wrapped e) {
            Exception cause = (Exception) e.getCause();
            if (cause instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (cause instanceof ExecutionException failed) {
                throw failed;
            }
            throw (TimeoutException) cause;
        } finally {
            Timer.builder("outward.outbox.publish")
                    .description("Time from handing an outbox event to Kafka until it was acknowledged")
                    .tag("topic", entry.topic()).tag("outcome", outcome)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry).record(Duration.ofNanos(System.nanoTime() - started));
        }
        Timer.builder("outward.outbox.delay")
                .description("Time from storing an event in the outbox until Kafka acknowledged it")
                .tag("topic", entry.topic())
                .serviceLevelObjectives(BUCKETS)
                .register(registry).record(Duration.between(entry.createdAt(), clock.instant()).abs());
    }

    private static final class Wrapped extends RuntimeException {
        Wrapped(Exception cause) {
            super(cause);
        }
    }
}
