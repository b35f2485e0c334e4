package org.outward.platform.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * W3C trace context across an asynchronous hop that is not a Kafka record or an HTTP call: the outbox
 * entry (the relay publishes it later, on another thread) and the email queue. {@link #current()} captures
 * the {@code traceparent} when the work is stored; {@link #inSpan} restores it when the work is done, so
 * the publish and the SMTP send join the trace of the request that caused them.
 */
public class TraceContexts {

    public static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContexts(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Without tracing: captures nothing and runs work as it is. */
    public static TraceContexts none() {
        return new TraceContexts(null, null);
    }

    /** The current span as a W3C {@code traceparent} value, or null when there is none. */
    public String current() {
        Span span = tracer == null ? null : tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * Runs {@code work} in a new span named {@code name}, the child of {@code traceparent} (or the root of a
     * new trace when it is null), so whatever the work traces or propagates (a Kafka send) joins that trace.
     */
    public <T> T inSpan(String traceparent, String name, Map<String, String> tags, Supplier<T> work) {
        if (tracer == null) {
            return work.get();
        }
        Span span = builder(traceparent, name, tags).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * Records a span that already happened (a batch SMTP send timed by the caller), the child of
     * {@code traceparent}; nothing when tracing is off or there is no parent.
     */
    public void record(String traceparent, String name, Map<String, String> tags, long startMicros, long endMicros,
            Throwable error) {
        if (tracer == null || traceparent == null) {
            return;
        }
        Span.Builder builder = builder(traceparent, name, tags).startTimestamp(startMicros, TimeUnit.MICROSECONDS);
        Span span = builder.start();
        if (error != null) {
            span.error(error);
        }
        span.end(endMicros, TimeUnit.MICROSECONDS);
    }

    private Span.Builder builder(String traceparent, String name, Map<String, String> tags) {
        Span.Builder builder = traceparent == null
                ? tracer.spanBuilder().setNoParent()
                : propagator.extract(Map.of(TRACEPARENT, traceparent), (carrier, key) -> carrier.get(key));
        builder.name(name);
        tags.forEach(builder::tag);
        return builder;
    }

    /** Microseconds since the epoch, the unit {@link #record} takes. */
    public static long nowMicros() {
        java.time.Instant now = java.time.Instant.now();
        return TimeUnit.SECONDS.toMicros(now.getEpochSecond()) + now.getNano() / 1_000;
    }
}
