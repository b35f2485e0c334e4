package org.outward.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.outward.contracts.EventCodec;
import org.outward.contracts.Events;
import org.outward.contracts.Topics;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.platform.outbox.OutboxEntry;
import org.outward.platform.outbox.OutboxEvents;
import org.outward.platform.outbox.OutboxProperties;
import org.outward.platform.outbox.OutboxRelay;
import org.outward.platform.outbox.RelayTelemetry;
import org.outward.platform.test.TestMongo;
import org.outward.platform.test.TopicProbe;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The outbox's metrics and trace hand-over against a real broker and the MongoDB wire server, with a real
 * OpenTelemetry SDK behind Micrometer Tracing: an event stored inside a request's span keeps that span's
 * trace context, the relay publishes it in a child span of it, and the record carries a W3C traceparent
 * header of the same trace for the consumers; the backlog gauges and the publish timer follow.
 */
class OutboxTelemetryTest {

    private static final List<SpanData> spans = new CopyOnWriteArrayList<>();
    private static EmbeddedKafkaKraftBroker broker;
    private static MongoTemplate mongo;
    private static KafkaTemplate<String, String> kafka;
    private static SdkTracerProvider provider;
    private static Tracer tracer;
    private static Propagator propagator;

    @BeforeAll
    static void setUp() {
        broker = new EmbeddedKafkaKraftBroker(1, 1, Topics.CATALOG_ROSTER);
        broker.afterPropertiesSet();
        String uri = TestMongo.uniqueUri();
        mongo = new MongoTemplate(MongoClients.create(uri), uri.substring(uri.lastIndexOf('/') + 1));

        provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> batch) {
                spans.addAll(batch);
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        })).build();
        io.opentelemetry.api.trace.Tracer otel = provider.get("test");
        tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> { });
        propagator = new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);

        // What Boot sets up with spring.kafka.template.observation-enabled: the send is observed and the
        // observation writes the trace context into the record's headers.
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig()
                .observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                        new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                        new DefaultTracingObservationHandler(tracer)));
        kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));
        kafka.setObservationEnabled(true);
        kafka.setObservationRegistry(observations);
    }

    @AfterAll
    static void tearDown() {
        kafka.destroy();
        provider.close();
        broker.destroy();
    }

    @Test
    void theRelayPublishesInTheTraceOfTheRequestThatStoredTheEventAndCountsIt() throws Exception {
        TraceContexts traces = new TraceContexts(tracer, propagator);
        OutboxEvents events = new OutboxEvents(new EventCodec(), "catalog-service", traces);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        OutboxBacklog backlog = new OutboxBacklog(mongo, List.of("members"), Clock.systemUTC(), Duration.ZERO);
        backlog.bindTo(registry);

        // The request: its span is current while the change and its event are stored.
        Span request = tracer.nextSpan().name("POST /members").start();
        OutboxEntry entry;
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            entry = events.entry(Events.MEMBER_ADDED, "m-t1", new MemberAdded("m-t1", "t@lib.example", "Tia",
                    MemberAdded.ROLE_LIBRARY_MEMBER, "l-1", "c-1", null));
        } finally {
            request.end();
        }
        String traceId = request.context().traceId();
        assertThat(entry.traceparent()).startsWith("00-" + traceId + "-" + request.context().spanId());
        mongo.insert(OutboxEvents.attach(new Document("_id", "m-t1"), List.of(entry)), "members");
        assertThat(registry.get("outward.outbox.backlog").tag("collection", "members").gauge().value())
                .isEqualTo(1.0);
        assertThat(registry.get("outward.outbox.oldest.age").tag("collection", "members").gauge().value())
                .isGreaterThanOrEqualTo(0.0);

        OutboxRelay relay = new OutboxRelay(mongo, kafka, new OutboxProperties(List.of("members"),
                Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofMillis(500), 10),
                new RelayTelemetry(registry, traces, Clock.systemUTC()));
        assertThat(relay.relayOnce()).isEqualTo(1);

        try (TopicProbe probe = new TopicProbe(broker.getBrokersAsString(), Topics.CATALOG_ROSTER)) {
            List<ConsumerRecord<String, String>> records = probe.await(r -> r.key().equals("m-t1"), 1,
                    Duration.ofSeconds(30));
            Header traceparent = records.get(0).headers().lastHeader(TraceContexts.TRACEPARENT);
            assertThat(traceparent).as("the record carries the trace on to the consumers").isNotNull();
            assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).contains(traceId);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> spans.stream().anyMatch(s -> s.getName().equals("outbox publish")));
        SpanData publish = spans.stream().filter(s -> s.getName().equals("outbox publish")).findFirst().orElseThrow();
        assertThat(publish.getTraceId()).isEqualTo(traceId);
        assertThat(publish.getParentSpanId()).isEqualTo(request.context().spanId());
        // The Kafka send's own span, a child of the publish, ends in the producer's callback.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spans)
                .filteredOn(s -> s.getParentSpanId().equals(publish.getSpanId())).isNotEmpty());

        assertThat(registry.get("outward.outbox.publish").tag("topic", Topics.CATALOG_ROSTER).tag("outcome", "ok")
                .timer().count()).isEqualTo(1);
        assertThat(registry.get("outward.outbox.delay").tag("topic", Topics.CATALOG_ROSTER).timer().count())
                .isEqualTo(1);
        assertThat(registry.get("outward.outbox.backlog").tag("collection", "members").gauge().value())
                .as("published, so no longer waiting").isEqualTo(0.0);
        assertThat(registry.get("outward.outbox.oldest.age").tag("collection", "members").gauge().value())
                .isEqualTo(0.0);
    }

    @Test
    void withoutATracerEntriesCarryNoTraceAndTheRelayStillPublishes() {
        OutboxEvents events = new OutboxEvents(new EventCodec(), "catalog-service", TraceContexts.none());
        OutboxEntry entry = events.entry(Events.MEMBER_ADDED, "m-t2", new MemberAdded("m-t2", "u@lib.example",
                "Uma", MemberAdded.ROLE_LIBRARY_MEMBER, "l-1", "c-1", null));
        assertThat(entry.traceparent()).isNull();
        mongo.insert(OutboxEvents.attach(new Document("_id", "m-t2"), List.of(entry)), "members");
        OutboxRelay relay = new OutboxRelay(mongo, kafka, new OutboxProperties(List.of("members"),
                Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofMillis(500), 10));
        assertThat(relay.relayOnce()).isEqualTo(1);
    }
}
