package org.outward.stack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.outward.stack.Http;
import org.outward.stack.LocalStack;
import org.outward.stack.SystemStack;

/**
 * The pages Lighthouse measures (home, series, notes, themes) do not move under the reader while their data comes:
 * each is loaded afresh, as a member with data in every section, and once everything has arrived the layout shifts
 * Chromium recorded since the navigation (PerformanceObserver 'layout-shift', those without recent input, summed)
 * stay under 0.1, Lighthouse's threshold of a good Cumulative Layout Shift. A measure of layout, not of time: how
 * long the data takes does not change the sum, only where things end up.
 */
@ExtendWith({Chromium.class, SystemStack.class, ThreadDumps.class})
class WebLayoutShiftIT {

    private static final String MEMBER = "alex.moreno@riverbend-library.example";
    private static final double GOOD = 0.1;

    /** Path, and what must be on it once its data has loaded. */
    private record Measured(String path, List<String> loaded) {
    }

    private static final Map<String, Measured> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("home", new Measured("/", List.of("progress", "ul.recent li", "section[aria-labelledby=home-themes] ol li")));
        PAGES.put("series", new Measured("/webinars", List.of("article.webinar", "#series-topic option:nth-child(2)")));
        PAGES.put("notes", new Measured("/notes", List.of("article.note-summary", "#notes-library option:nth-child(2)")));
        PAGES.put("themes", new Measured("/themes", List.of("section[aria-labelledby=library-themes]",
                "section[aria-labelledby=cohort-themes] .recharts-wrapper")));
    }

    /** Resolves with the layout shifts of this document so far, each with what moved. */
    private static final String READ_SHIFTS = """
            const done = arguments[arguments.length - 1];
            const entries = [];
            const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
            observer.observe({ type: 'layout-shift', buffered: true });
            const describe = (node) => !node ? '(gone)' : node.nodeType !== 1 ? node.nodeName
                : node.tagName.toLowerCase() + (node.id ? '#' + node.id : '')
                  + (node.className && typeof node.className === 'string' ? '.' + node.className.trim().split(/\\s+/).join('.') : '');
            const rect = (r) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`;
            document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
              entries.push(...observer.takeRecords());
              observer.disconnect();
              const counted = entries.filter((e) => !e.hadRecentInput);
              done({
                sum: counted.reduce((sum, e) => sum + e.value, 0),
                shifts: counted.map((e) => e.value.toFixed(4) + ' at ' + Math.round(e.startTime) + ' ms: '
                  + e.sources.map((s) => describe(s.node) + ' ' + rect(s.previousRect) + ' -> ' + rect(s.currentRect)).join('; ')),
              });
            }, 0))));
            """;

    private static LocalStack stack;

    @BeforeAll
    static void notesAndThemesToShow() {
        stack = SystemStack.stack();
        // Cohort notes of two libraries: the member's lists, the home page and both theme sections have content.
        String[][] notes = {
            {MEMBER, "Riverside walk listening", "## Concerns\n\nThe footbridge lights are out, so families avoid the river path."},
            {"sam.okafor@lakeside-library.example", "Lakeside families evening", "## Concerns\n\nFamilies avoid the river path after dark because the lights are out."}};
        for (String[] note : notes) {
            Http.Response created = TestCohort.as(stack, note[0]).post("/api/notes", Map.of("title", note[1],
                    "body", note[2], "conversationDate", LocalDate.now().minusDays(1).toString(), "place", "Branch",
                    "facilitator", "Team", "visibility", "cohort"));
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
        }
        Http member = TestCohort.as(stack, MEMBER);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> member.get("/api/notes/themes/cohort?cohortId=" + cohortOf(member)).body()
                        .get("themes").size() > 0);
    }

    private static String cohortOf(Http member) {
        return member.get("/api/catalog/cohorts").body().get(0).get("id").asString();
    }

    @Test
    void theMeasuredPagesShiftLessThanLighthousesThresholdWhileTheirDataLoads() {
        SoftAssertions softly = new SoftAssertions();
        try (Browser browser = Browser.open(stack.config().gatewayUrl())) {
            browser.go("/");
            browser.signIn(MEMBER);
            for (int width : new int[] {1280, 375}) {
                browser.width(width);
                for (Map.Entry<String, Measured> page : PAGES.entrySet()) {
                    // A new document each time, as Lighthouse loads a page: shifts count from the navigation on.
                    browser.driver.navigate().to(stack.config().gatewayUrl() + page.getValue().path());
                    browser.waitUntil(d -> !d.findElements(By.cssSelector("h1")).isEmpty()
                            && d.findElements(By.cssSelector(".loading, [aria-busy=true]")).isEmpty()
                            && page.getValue().loaded().stream().allMatch(s -> !d.findElements(By.cssSelector(s)).isEmpty()));
                    @SuppressWarnings("unchecked")
                    Map<String, Object> shifts = (Map<String, Object>) ((JavascriptExecutor) browser.driver)
                            .executeAsyncScript(READ_SHIFTS);
                    double sum = ((Number) shifts.get("sum")).doubleValue();
                    System.out.printf(java.util.Locale.ROOT, "layout shift of %s at %d px: %.4f%n", page.getKey(), width, sum);
                    softly.assertThat(sum).as("layout shift of %s at %d px: %s", page.getKey(), width, shifts.get("shifts"))
                            .isLessThan(GOOD);
                }
            }
        }
        softly.assertAll();
    }
}
