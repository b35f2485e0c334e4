package org.outward.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.outward.stack.deploy.Promtool;

/**
 * Metrics and traces of the whole running stack: every service's Prometheus endpoint passes
 * {@code promtool check metrics} and carries the Outward metrics the dashboards and alerts read; and one
 * publish through the gateway is one trace, received by an in-process OTLP collector ({@link TraceReceiver}),
 * from the gateway through catalog-service, Kafka and notification-service to the SMTP send of each email.
 */
@ExtendWith(SystemStack.class)
class ObservabilityIT {

    private static LocalStack stack;
    private static Http gateway;
    private static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void boot() {
        stack = SystemStack.stack();
        gateway = new Http(stack.config().gatewayUrl())
                .withToken(Http.devToken(stack.config().identityUrl(), DemoData.STAFF_EMAIL, DemoData.DEV_PASSWORD));
    }

    @Test
    void everyServiceServesMetricsThatPromtoolAccepts() throws Exception {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("gateway", List.of("http_server_requests_seconds_bucket", "outward_gateway_limit_rejections_total",
                "jvm_memory_used_bytes"));
        expected.put("catalog-service", List.of("outward_outbox_backlog", "outward_outbox_oldest_age_seconds",
                "outward_outbox_publish_seconds_bucket", "http_server_requests_seconds_bucket"));
        expected.put("notes-service", List.of("outward_outbox_backlog", "outward_kafka_consumer_lag",
                "outward_events_consumed_total", "outward_themes_computation_seconds_count",
                "outward_uploads_bytes_count"));
        expected.put("notification-service", List.of("outward_emails_queue", "outward_emails_sent_total",
                "outward_smtp_send_seconds_bucket", "outward_kafka_consumer_lag", "outward_events_consumed_total",
                "outward_digest_last_run_timestamp_seconds"));
        Optional<java.nio.file.Path> promtool = Promtool.find();
        for (Map.Entry<String, List<String>> service : expected.entrySet()) {
            int port = service.getKey().equals("gateway") ? stack.config().gatewayPort()
                    : stack.portOf(service.getKey());
            // Lag is measured every 15 s and the demo data has been flowing: wait for the first measurement.
            String metrics = await().atMost(Duration.ofSeconds(60)).until(() -> scrape(port),
                    body -> service.getValue().stream().allMatch(name -> body.contains("\n" + name + "{")));
            assertThat(metrics).contains("application=\"" + service.getKey() + "\"");
            if (promtool.isPresent()) {
                // Exit 1: the exposition does not parse; 3: lint findings, which Boot's and the libraries' own
                // metrics have (no help text, "_ns" units, camelCase labels): Outward's own must have none.
                Promtool.Result check = Promtool.run(promtool.get(), stack.config().dataDir(), metrics, "check",
                        "metrics");
                assertThat(check.exitCode()).as(service.getKey() + ":\n" + check.output()).isIn(0, 3);
                assertThat(check.output()).as(service.getKey()).doesNotContain("error")
                        .doesNotContain("\noutward_").doesNotStartWith("outward_");
            }
        }
    }

    @Test
    void aPublishThroughTheGatewayIsOneTraceFromTheGatewayToTheSmtpSend() {
        String slug = "trace-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = gateway.post("/api/catalog/webinars", Map.of("title", "Traced " + slug, "slug", slug,
                "summary", "One trace from click to email.", "topics", List.of("community-conversations"),
                "seriesPosition", 6, "durationMinutes", 30));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        Http.Response published = gateway.post("/api/catalog/webinars/" + created.body().get("id").asString()
                + "/publish", null);
        assertThat(published.status()).isEqualTo(200);
        String traceId = published.headers().firstValue("X-Trace-Id").orElseThrow();
        assertThat(traceId).matches("[0-9a-f]{32}");

        List<TraceReceiver.Span> trace = await().atMost(Duration.ofSeconds(90)).until(
                () -> SystemStack.traces().spans().stream().filter(s -> traceId.equals(s.traceId())).toList(),
                spans -> spans.stream().anyMatch(s -> s.name().equals("smtp send")));
        // Give the last batches a moment, then report what arrived.
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        trace = SystemStack.traces().spans().stream().filter(s -> traceId.equals(s.traceId())).toList();
        System.out.println("trace " + traceId + ":\n" + trace.stream()
                .map(s -> "  " + s.service() + " | " + s.name() + " | span " + s.spanId() + " parent " + s.parentSpanId())
                .collect(Collectors.joining("\n")));

        assertThat(trace).extracting(TraceReceiver.Span::service).contains("gateway", "catalog-service",
                "notification-service");
        Map<String, List<String>> namesByService = trace.stream().collect(Collectors.groupingBy(
                TraceReceiver.Span::service, Collectors.mapping(TraceReceiver.Span::name, Collectors.toList())));
        assertThat(namesByService.get("catalog-service")).contains("outbox publish");
        assertThat(namesByService.get("notification-service")).contains("smtp send");
        // Exactly one root: every other span's parent is a span of the same trace.
        List<String> ids = trace.stream().map(TraceReceiver.Span::spanId).toList();
        assertThat(trace).filteredOn(s -> !ids.contains(s.parentSpanId())).hasSize(1);
    }

    /**
     * The per-event costs docs/operations.md computes its capacity plan from, measured on this stack after the
     * traffic of the system tests so far: mean handling time of a consumed record and of a relay publish (from
     * the services' own timers), the SMTP time per email, the CPU each service spent, and the bytes per record
     * of each topic (log size over record count, from the broker).
     */
    @Test
    void perEventCostsForTheCapacityPlan() throws Exception {
        StringBuilder report = new StringBuilder("per-event costs measured on the local stack:\n");
        for (String service : List.of("catalog-service", "notes-service", "notification-service")) {
            Map<String, Double> m = parse(scrape(stack.portOf(service)));
            double listened = sum(m, "spring_kafka_listener_seconds_count");
            double published = sum(m, "outward_outbox_publish_seconds_count");
            report.append(String.format(java.util.Locale.ROOT,
                    "  %-21s records handled %6.0f, mean %6.2f ms | events published %6.0f, mean %6.2f ms"
                            + " | CPU %.1f s since start%n", service, listened,
                    ratio(sum(m, "spring_kafka_listener_seconds_sum"), listened),
                    published, ratio(sum(m, "outward_outbox_publish_seconds_sum"), published),
                    sum(m, "process_cpu_time_ns_total") / 1e9));
            if (service.equals("notification-service")) {
                double emails = sum(m, "outward_emails_sent_total");
                report.append(String.format(java.util.Locale.ROOT,
                        "  %-21s emails sent %6.0f, SMTP time per email %6.2f ms (%.0f SMTP sends)%n", "",
                        emails, ratio(sum(m, "outward_smtp_send_seconds_sum"), emails),
                        sum(m, "outward_smtp_send_seconds_count")));
            }
        }
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(Map.of(
                org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.config().kafkaBootstrap()))) {
            Map<String, long[]> topics = new java.util.TreeMap<>();
            var dirs = admin.describeLogDirs(admin.describeCluster().nodes().get().stream()
                    .map(org.apache.kafka.common.Node::id).toList()).allDescriptions().get();
            Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest =
                    new java.util.HashMap<>();
            dirs.values().forEach(byDir -> byDir.values().forEach(dir -> dir.replicaInfos().forEach((tp, info) -> {
                if (tp.topic().startsWith("outward.")) {
                    topics.computeIfAbsent(tp.topic(), t -> new long[2])[0] += info.size();
                    latest.put(tp, org.apache.kafka.clients.admin.OffsetSpec.latest());
                }
            })));
            admin.listOffsets(latest).all().get().forEach((tp, end) -> topics.get(tp.topic())[1] += end.offset());
            topics.forEach((topic, sizeAndCount) -> {
                if (sizeAndCount[1] > 0) {
                    report.append(String.format(java.util.Locale.ROOT, "  %-36s %6d records, %6.0f bytes each on disk%n",
                            topic, sizeAndCount[1], (double) sizeAndCount[0] / sizeAndCount[1]));
                }
            });
            assertThat(topics).isNotEmpty();
        }
        System.out.println(report);
        assertThat(report.toString()).contains("records handled");
    }

    private static Map<String, Double> parse(String exposition) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            try {
                values.merge(line.substring(0, space), Double.parseDouble(line.substring(space + 1)), Double::sum);
            } catch (NumberFormatException e) {
                // NaN or similar: not a figure
            }
        }
        return values;
    }

    private static double sum(Map<String, Double> values, String metric) {
        return values.entrySet().stream().filter(e -> e.getKey().equals(metric) || e.getKey().startsWith(metric + "{"))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    private static double ratio(double seconds, double count) {
        return count == 0 ? 0 : seconds * 1000 / count;
    }

    private static String scrape(int port) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
