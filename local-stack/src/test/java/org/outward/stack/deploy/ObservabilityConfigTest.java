package org.outward.stack.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * deploy/observability is what Prometheus and Grafana will load: the scrape configuration and the alert rules
 * must pass {@code promtool check}, the rules' own unit tests ({@code alerts-test.yml}) must pass, and every
 * PromQL expression of every dashboard must parse (checked by handing them to promtool as recording rules).
 * The promtool parts skip where promtool is not installed.
 */
class ObservabilityConfigTest {

    private static final Path DIR = Path.of(System.getProperty("outward.root", "..")).toAbsolutePath().normalize()
            .resolve("deploy/observability");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Optional<Path> promtool;

    @BeforeAll
    static void findPromtool() {
        promtool = Promtool.find();
    }

    @Test
    void alertRulesPassPromtoolAndTheirUnitTests() throws Exception {
        assumeTrue(promtool.isPresent(), "promtool is not installed");
        Promtool.Result rules = Promtool.run(promtool.get(), DIR, null, "check", "rules", "alerts.yml");
        assertThat(rules.exitCode()).as(rules.output()).isZero();
        assertThat(rules.output()).contains("SUCCESS");
        Promtool.Result tests = Promtool.run(promtool.get(), DIR, null, "test", "rules", "alerts-test.yml");
        assertThat(tests.exitCode()).as(tests.output()).isZero();
    }

    @Test
    void theScrapeConfigurationPassesPromtool() throws Exception {
        assumeTrue(promtool.isPresent(), "promtool is not installed");
        Promtool.Result config = Promtool.run(promtool.get(), DIR, null, "check", "config", "prometheus.yml");
        assertThat(config.exitCode()).as(config.output()).isZero();
    }

    @Test
    void everyDashboardHasPanelsWithQueriesThatParse() throws Exception {
        List<Path> dashboards;
        try (Stream<Path> files = Files.list(DIR.resolve("grafana/dashboards"))) {
            dashboards = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(dashboards).extracting(f -> f.getFileName().toString()).contains("flow.json", "gateway.json",
                "catalog-service.json", "notes-service.json", "notification-service.json");
        List<String> expressions = new ArrayList<>();
        List<String> uids = new ArrayList<>();
        for (Path file : dashboards) {
            JsonNode dashboard = JSON.readTree(file.toFile());
            uids.add(dashboard.get("uid").asString());
            assertThat(dashboard.get("title").asString()).as(file.toString()).startsWith("Outward / ");
            assertThat(dashboard.get("panels").size()).as(file.toString()).isGreaterThan(3);
            for (JsonNode panel : dashboard.get("panels")) {
                assertThat(panel.get("targets").size()).as(panel.get("title").asString()).isPositive();
                assertThat(panel.get("datasource").get("uid").asString()).isEqualTo("prometheus");
                panel.get("targets").forEach(t -> expressions.add(t.get("expr").asString()));
            }
        }
        assertThat(uids).doesNotHaveDuplicates();

        assumeTrue(promtool.isPresent(), "promtool is not installed");
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
        for (int i = 0; i < expressions.size(); i++) {
            rules.append("      - record: dashboard:expr_").append(i).append('\n')
                    .append("        expr: '").append(expressions.get(i).replace("'", "''")).append("'\n");
        }
        Path file = Files.createTempFile("dashboard-rules", ".yml");
        Files.writeString(file, rules);
        Promtool.Result check = Promtool.run(promtool.get(), DIR, null, "check", "rules", file.toString());
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: " + expressions.size() + " rules found");
    }
}
