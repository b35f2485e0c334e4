package org.outward.stack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
import org.outward.stack.DemoData;
import org.outward.stack.Http;
import org.outward.stack.LocalStack;
import org.outward.stack.SystemStack;
import tools.jackson.databind.JsonNode;

/**
 * Every page of the web client, as program staff and as a library member, at 1280 and 375 px: axe finds no WCAG 2.2
 * A/AA violation and nothing scrolls sideways. With {@code -Doutward.screenshots=<folder>} it also saves a
 * screenshot of each (docs/screenshots is made so). And the interface in Spanish, from the browser's language.
 */
@ExtendWith({Chromium.class, SystemStack.class, ThreadDumps.class})
class WebPagesIT {

    static final String MEMBER = "alex.moreno@riverbend-library.example";
    static final String SLUG = "hosting-and-leading-community-conversations";
    static final int[] WIDTHS = {1280, 375};

    private static LocalStack stack;
    private static String cohortId;
    private static String libraryId;
    private static String otherLibraryId;
    private static String noteId;
    private static String unsubscribe;

    @BeforeAll
    static void data() {
        stack = SystemStack.stack();
        Http staff = TestCohort.staff(stack);
        cohortId = staff.get("/api/catalog/cohorts?slug=demo-cohort-2026").body().get(0).get("id").asString();
        JsonNode libraries = staff.get("/api/catalog/cohorts/" + cohortId + "/libraries").body();
        for (JsonNode library : libraries) {
            if (library.get("name").asString().equals("Riverbend Public Library")) {
                libraryId = library.get("id").asString();
            } else if (otherLibraryId == null) {
                otherLibraryId = library.get("id").asString();
            }
        }
        Http member = TestCohort.as(stack, MEMBER);
        Http.Response note = member.post("/api/notes", Map.of("title", "Library lawn listening session",
                "body", "## Aspirations\n\n- A **safer crossing** at Elm Street\n- More evening hours\n\n"
                        + "## Concerns\n\nParents worry about the dark path behind the library.",
                "conversationDate", LocalDate.now().minusDays(3).toString(), "place", "Library lawn",
                "facilitator", "Alex Moreno", "participants", 18, "segments", List.of("parents"),
                "tags", List.of("safety"), "visibility", "cohort"));
        assertThat(note.status()).as(note.raw()).isEqualTo(201);
        noteId = note.body().get("id").asString();
        member.post("/api/notes/calibrations", Map.of("stage", "catalytic",
                "reasons", "Parents organised a walking group and meet at the library."));
        unsubscribe = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> Emails.to(stack, MEMBER).stream().flatMap(m -> Emails.links(m).stream())
                        .filter(l -> l.contains("/unsubscribe?token=")).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static Map<String, String> memberPages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("series", "/webinars");
        pages.put("webinar", "/webinars/" + SLUG);
        pages.put("notes", "/notes");
        pages.put("upload", "/notes/new");
        pages.put("note", "/notes/" + noteId);
        pages.put("themes", "/themes");
        pages.put("cohort-themes", "/cohorts/" + cohortId + "/themes");
        pages.put("calibration", "/calibration");
        pages.put("library", "/libraries/" + libraryId);
        pages.put("other-library", "/libraries/" + otherLibraryId);
        pages.put("reports", "/reports");
        pages.put("email-settings", "/settings/notifications");
        pages.put("not-found", "/no/such/page");
        return pages;
    }

    private static Map<String, String> staffPages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("series", "/webinars");
        pages.put("webinar", "/webinars/" + SLUG);
        pages.put("new-webinar", "/webinars/new");
        pages.put("edit-webinar", "/webinars/" + SLUG + "/edit");
        pages.put("notes", "/notes");
        pages.put("note", "/notes/" + noteId);
        pages.put("themes", "/themes?cohort=" + cohortId + "&library=" + libraryId);
        pages.put("calibration", "/calibration?library=" + libraryId);
        pages.put("library", "/libraries/" + libraryId);
        pages.put("progress", "/progress?cohort=" + cohortId);
        pages.put("roster", "/roster?cohort=" + cohortId);
        pages.put("reports", "/reports?library=" + libraryId);
        pages.put("email-settings", "/settings/notifications");
        pages.put("deliveries", "/notifications/deliveries");
        pages.put("digest-preview", "/notifications/digest-preview?recipient=" + MEMBER);
        return pages;
    }

    @Test
    void everyPageAsALibraryMemberPassesAxeAtBothWidths() {
        check("member", MEMBER, memberPages());
    }

    @Test
    void everyPageAsProgramStaffPassesAxeAtBothWidths() {
        check("staff", DemoData.STAFF_EMAIL, staffPages());
    }

    @Test
    void theUnsubscribePageWithoutSigningInPassesAxeAtBothWidths() {
        check("public", null, Map.of("unsubscribe", unsubscribe));
    }

    @Test
    void theInterfaceIsInSpanishWhenTheBrowserIsAndDatesAreLocalised() {
        try (Browser browser = Browser.open(stack.config().gatewayUrl(), "es-ES", 1280, 900)) {
            browser.go("/");
            assertThat(browser.h1()).isEqualTo("Te damos la bienvenida a Outward");
            assertThat(browser.driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("es");
            browser.button("Iniciar sesión").click();
            browser.signInAtProvider(MEMBER);
            assertThat(browser.h1()).isEqualTo("Hola, Alex");
            assertThat(browser.text()).contains("Serie", "Notas", "Temas", "Cerrar sesión");
            browser.go("/notes/" + noteId);
            String day = LocalDate.now().minusDays(3).getDayOfMonth() + " ";
            assertThat(browser.text()).contains("Fecha de la conversación", "Compartida con la cohorte")
                    .containsPattern(day + "(ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic)");
            browser.shouldBeCleanForAxe("a note, in Spanish");
            screenshot(browser, "member-es-note", 1280);
            // The switch in the header changes it back; the choice is kept for the next visit.
            new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.cssSelector("header select")))
                    .selectByValue("en");
            browser.waitUntil(d -> browser.text().contains("Date of the conversation"));
            browser.go("/");
            assertThat(browser.h1()).isEqualTo("Hello Alex");
        }
    }

    private void check(String role, String email, Map<String, String> pages) {
        SoftAssertions softly = new SoftAssertions();
        try (Browser browser = Browser.open(stack.config().gatewayUrl())) {
            if (email != null) {
                browser.go("/");
                browser.signIn(email);
            }
            for (int width : WIDTHS) {
                browser.width(width);
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    browser.go(page.getValue());
                    if (page.getKey().equals("themes") || page.getKey().equals("cohort-themes")) {
                        browser.waitUntil(d -> d.findElements(By.cssSelector(".figure")).isEmpty()
                                || !d.findElements(By.cssSelector(".recharts-wrapper")).isEmpty());
                    }
                    String what = role + " " + page.getKey() + " at " + width + " px";
                    if (!page.getKey().equals("not-found")) {
                        softly.assertThat(browser.h1()).as(what).isNotIn("Page not found", "Note not found",
                                "Webinar not found", "Library not found", "Welcome to Outward");
                    }
                    softly.assertThat(Axe.run(browser.driver)).as("axe on " + what).isEmpty();
                    long overflow = ((Number) ((JavascriptExecutor) browser.driver).executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                            .longValue();
                    softly.assertThat(overflow).as("sideways scroll on " + what).isLessThanOrEqualTo(0);
                    screenshot(browser, role + "-" + page.getKey(), width);
                }
            }
        }
        softly.assertAll();
    }

    private static void screenshot(Browser browser, String name, int width) {
        String folder = System.getProperty("outward.screenshots");
        if (folder != null && !folder.isBlank()) {
            browser.screenshot(Path.of(folder).resolve(name + "-" + width + ".png"));
        }
    }
}
