package org.outward.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.time.Duration;
import org.outward.platform.outbox.OutboxProperties;
import org.outward.platform.outbox.RelayTelemetry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Metrics and trace plumbing every service shares (see docs/operations.md for the names): the outbox
 * backlog gauges, the relay's timers and spans, the consumers' counters, and the link between the request
 * id and the trace. Without a tracer (tests, tracing disabled) all of it still works, only without spans.
 */
@AutoConfiguration
public class ObservabilityAutoConfiguration {

    @Bean
    TraceContexts traceContexts(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        return t == null || p == null || t == Tracer.NOOP ? TraceContexts.none() : new TraceContexts(t, p);
    }

    @Bean
    EventMetrics eventMetrics(ObjectProvider<MeterRegistry> registry) {
        MeterRegistry r = registry.getIfAvailable();
        return r == null ? EventMetrics.none() : new EventMetrics(r);
    }

    @Bean
    RelayTelemetry relayTelemetry(ObjectProvider<MeterRegistry> registry, TraceContexts traces, Clock clock) {
        MeterRegistry r = registry.getIfAvailable();
        return r == null ? RelayTelemetry.none() : new RelayTelemetry(r, traces, clock);
    }

    /** A MeterBinder: bound to the registry by Boot's metrics auto-configuration. */
    @Bean
    OutboxBacklog outboxBacklog(MongoTemplate mongo, OutboxProperties properties, Clock clock,
            @Value("${outward.metrics.outbox-sample-interval:5s}") Duration staleness) {
        return new OutboxBacklog(mongo, properties.collections(), clock, staleness);
    }

    @Bean
    ConsumerLag consumerLag(KafkaAdmin admin, KafkaListenerEndpointRegistry listeners, MeterRegistry registry,
            @Value("${outward.metrics.consumer-lag-interval:15s}") Duration interval) {
        return new ConsumerLag(admin.getConfigurationProperties(), listeners, registry, interval);
    }

    /** Inside Boot's server observation filter (HIGHEST_PRECEDENCE + 1), after the request-id filter. */
    @Bean
    FilterRegistrationBean<TraceRequestIdFilter> traceRequestIdFilter(ObjectProvider<Tracer> tracer) {
        FilterRegistrationBean<TraceRequestIdFilter> registration =
                new FilterRegistrationBean<>(new TraceRequestIdFilter(tracer.getIfAvailable()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
