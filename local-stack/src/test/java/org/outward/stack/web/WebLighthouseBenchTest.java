package org.outward.stack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.outward.stack.Http;
import org.outward.stack.LocalStack;
import org.outward.stack.SystemStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lighthouse (npm lighthouse 12.2.3 from bench/web, with the system Chromium) on the home, series, notes and themes
 * pages of a local stack, signed in as a library member, in the mobile (default) and desktop presets. Prints a table
 * and writes target/lighthouse/ (JSON reports and summary.md). A benchmark: run with
 * {@code -Dgroups=bench -DexcludedGroups=none -Dtest=WebLighthouseBenchTest}.
 *
 * <p>The member signs in (code + PKCE at dev-identity) in the very Chromium Lighthouse then drives: it is started
 * with a remote-debugging port and Lighthouse attaches to it ({@code --port}), so the session cookie is in the
 * browser's own cookie jar. Handing the cookie over in {@code --extra-headers} does not work: Chromium replaces that
 * Cookie header with its jar's as soon as the site sets any cookie (the app's first call sets XSRF-TOKEN), so every
 * later call went without the session and answered 401 (Lighthouse issue 6207). Reports with a 401 in the console
 * fail the run.
 */
@Tag("bench")
@ExtendWith({Chromium.class, SystemStack.class})
class WebLighthouseBenchTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MEMBER = "alex.moreno@riverbend-library.example";

    @Test
    void lighthouseOnTheMainPages() throws Exception {
        LocalStack stack = SystemStack.stack();
        Path root = Path.of(System.getProperty("outward.root", "..")).toAbsolutePath().normalize();
        Path bench = root.resolve("bench/web");
        if (!Files.isDirectory(bench.resolve("node_modules/lighthouse"))) {
            run(bench, List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of());
        }
        seedNotes(stack);
        Path out = Path.of("target", "lighthouse").toAbsolutePath();
        Files.createDirectories(out);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("series", "/webinars");
        pages.put("notes", "/notes");
        pages.put("themes", "/themes");
        List<String> rows = new ArrayList<>();
        rows.add("| page | preset | performance | accessibility | best practices | FCP | LCP | TBT | CLS | JS transferred |");
        rows.add("|---|---|---|---|---|---|---|---|---|---|");
        int debuggingPort = freePort();
        try (Browser browser = Browser.open(stack.config().gatewayUrl(), "en-US", 1350, 940,
                "--remote-debugging-port=" + debuggingPort)) {
            browser.go("/");
            browser.signIn(MEMBER);
            // Lighthouse opens its own tab; this one stays idle meanwhile.
            browser.driver.get("about:blank");
            for (String preset : List.of("mobile", "desktop")) {
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    Path report = out.resolve(page.getKey() + "-" + preset + ".json");
                    List<String> command = new ArrayList<>(List.of("node",
                            bench.resolve("node_modules/lighthouse/cli/index.js").toString(),
                            stack.config().gatewayUrl() + page.getValue(), "--quiet", "--output=json",
                            "--output-path=" + report, "--only-categories=performance,accessibility,best-practices",
                            "--port=" + debuggingPort));
                    if (preset.equals("desktop")) {
                        command.add("--preset=desktop");
                    }
                    run(bench, command, Map.of("CHROME_PATH", Chromium.BROWSER.toString()));
                    JsonNode json = JSON.readTree(report.toFile());
                    assertThat(json.get("finalDisplayedUrl").asString()).endsWith(page.getValue());
                    JsonNode audits = json.get("audits");
                    assertThat(audits.get("errors-in-console").get("details").get("items").toString())
                            .as("%s %s: the page's calls were signed in", page.getKey(), preset)
                            .doesNotContain("status of 401");
                    long js = 0;
                    for (JsonNode item : audits.get("resource-summary").get("details").get("items")) {
                        if (item.get("resourceType").asString().equals("script")) {
                            js = item.get("transferSize").asLong();
                        }
                    }
                    rows.add(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %s | %s | %s | %s | %.1f KB |",
                            page.getKey(), preset, score(json, "performance"), score(json, "accessibility"),
                            score(json, "best-practices"),
                            audits.get("first-contentful-paint").get("displayValue").asString(),
                            audits.get("largest-contentful-paint").get("displayValue").asString(),
                            audits.get("total-blocking-time").get("displayValue").asString(),
                            audits.get("cumulative-layout-shift").get("displayValue").asString(), js / 1024.0));
                }
            }
        }
        String table = String.join("\n", rows);
        Files.writeString(out.resolve("summary.md"), table + "\n");
        System.out.println(table);
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int score(JsonNode report, String category) {
        return (int) Math.round(report.get("categories").get(category).get("score").asDouble() * 100);
    }

    /** Notes of two libraries of the demo cohort, so the notes and themes pages have something to show. */
    private static void seedNotes(LocalStack stack) {
        String[][] notes = {
            {MEMBER, "Saturday market listening", "## Concerns\n\nThe bus stops running at seven, so teens cannot get home."},
            {"sam.okafor@lakeside-library.example", "Lakeside youth night", "## Concerns\n\nTeens cannot get home because the bus stops running early."},
            {"robin.patel@prairieview-library.example", "Seniors coffee", "## Concerns\n\nThe bus stops running before evening programs end."}};
        for (String[] note : notes) {
            Http as = TestCohort.as(stack, note[0]);
            as.post("/api/notes", Map.of("title", note[1], "body", note[2], "conversationDate",
                    LocalDate.now().minusDays(2).toString(), "place", "Branch", "facilitator", "Team",
                    "visibility", "cohort"));
        }
    }

    private static void run(Path folder, List<String> command, Map<String, String> env) throws Exception {
        // Into a file: a child writing to this JVM's stdout corrupts Surefire's stream to Maven.
        Path log = Path.of("target", "lighthouse", "commands.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
    }
}
