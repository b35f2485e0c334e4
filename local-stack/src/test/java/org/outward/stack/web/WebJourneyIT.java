package org.outward.stack.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.outward.stack.DemoData;
import org.outward.stack.Http;
import org.outward.stack.LocalStack;
import org.outward.stack.SystemStack;
import tools.jackson.databind.JsonNode;

/**
 * The program in a real browser, through the gateway's sign-in, on the shared local stack: staff publishes a
 * webinar; a member follows the email's link, marks it watched, uploads notes with a PDF, reads the extracted
 * text and the cohort's theme with its evidence, changes the email settings and signs out; another library's
 * member cannot reach a private note; the unsubscribe link works without signing in. axe checks each page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith({Chromium.class, SystemStack.class, ThreadDumps.class})
class WebJourneyIT {

    private static final String SENTENCE = "The late bus to the river library stops running at seven in the evening.";

    private static LocalStack stack;
    private static TestCohort cohort;
    private static Browser staff;
    private static Browser member;
    private static String title;
    private static String webinarId;
    private static String noteId;
    private static String noteTitle;

    @BeforeAll
    static void setUp() {
        stack = SystemStack.stack();
        cohort = TestCohort.create(stack, "Journey");
    }

    @AfterAll
    static void closeBrowsers() {
        for (Browser browser : new Browser[] {staff, member}) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    @Order(1)
    void staffSignsInCreatesAndPublishesAWebinar() {
        staff = Browser.open(stack.config().gatewayUrl());
        staff.go("/");
        assertThat(staff.h1()).isEqualTo("Welcome to Outward");
        staff.signIn(DemoData.STAFF_EMAIL);
        assertThat(staff.h1()).isEqualTo("Hello Pat");

        staff.link("Series").click();
        staff.waitUntil(d -> staff.path().equals("/webinars"));
        staff.settled().button("Reorder");
        staff.shouldBeCleanForAxe("the series, as staff");
        staff.link("New webinar").click();
        staff.waitUntil(d -> staff.path().equals("/webinars/new"));
        staff.settled();
        staff.shouldBeCleanForAxe("the new webinar form");

        String tag = UUID.randomUUID().toString().substring(0, 8);
        title = "Listening Walks " + tag;
        staff.field("Title").sendKeys(title);
        assertThat(staff.field("Address name (slug)").getDomProperty("value")).isEqualTo("listening-walks-" + tag);
        staff.field("Summary").sendKeys("Walk the neighbourhood with residents and listen for what they care about.");
        staff.driver.findElement(By.xpath("//label[normalize-space()='Community conversations']/input")).click();
        staff.field("Duration (minutes)").clear();
        staff.field("Duration (minutes)").sendKeys("40");
        staff.button("Create draft").click();

        staff.waitUntil(d -> staff.path().equals("/webinars/listening-walks-" + tag));
        staff.settled();
        assertThat(staff.h1()).isEqualTo(title);
        assertThat(staff.text()).contains("Draft", "40 minutes");
        staff.button("Publish " + title).click();
        staff.waitUntil(d -> staff.text().contains("Published: members are being emailed."));
        staff.shouldBeCleanForAxe("the webinar page, as staff");

        JsonNode found = TestCohort.staff(stack).get("/api/catalog/webinars?slug=listening-walks-" + tag).body();
        webinarId = found.get("items").get(0).get("id").asString();
        assertThat(found.get("items").get(0).get("status").asString()).isEqualTo("published");
    }

    @Test
    @Order(2)
    void aMemberOpensTheEmailsLinkSignsInAndMarksTheWebinarWatched() {
        Map<String, Object> email = await().atMost(Duration.ofSeconds(90)).until(() -> Emails.to(stack,
                cohort.home().memberEmail()).stream().filter(m -> Emails.subject(m).contains(title)).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        String link = Emails.link(email, "/webinars/");

        member = Browser.open(stack.config().gatewayUrl());
        member.go(link);
        assertThat(member.h1()).as("a deep link asks to sign in first").isEqualTo("Welcome to Outward");
        member.shouldBeCleanForAxe("the sign-in prompt");
        member.signIn(cohort.home().memberEmail());
        assertThat(member.path()).isEqualTo(link.substring(stack.config().gatewayUrl().length()));
        assertThat(member.h1()).isEqualTo(title);
        member.shouldBeCleanForAxe("the webinar page, as a member");

        WebElement watched = member.field("Our library has watched this webinar");
        watched.click();
        member.waitUntil(d -> watched.isSelected() && watched.isEnabled());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode progress = TestCohort.as(stack, cohort.home().memberEmail())
                    .get("/api/catalog/libraries/" + cohort.home().id() + "/progress").body();
            assertThat(progress.valueStream().filter(p -> p.get("webinarId").asString().equals(webinarId)
                    && p.get("watched").asBoolean())).hasSize(1);
        });
    }

    @Test
    @Order(3)
    void theMemberUploadsNotesWithAPdfWhileTheProgressBarMovesAndReadsTheExtractedText() throws Exception {
        member.link("Upload notes from a conversation about this webinar").click();
        member.waitUntil(d -> member.path().startsWith("/notes/new"));
        member.settled();
        assertThat(member.h1()).isEqualTo("Upload notes");
        member.shouldBeCleanForAxe("the upload form");

        noteTitle = "Walk along the river " + UUID.randomUUID().toString().substring(0, 6);
        member.field("Title").sendKeys(noteTitle);
        member.field("Place").sendKeys("River road");
        member.field("Facilitator").sendKeys(cohort.home().memberName());
        member.field("Tags").sendKeys("transit, evening");
        Path pdf = Files.createTempFile("river-walk", ".pdf");
        Files.write(pdf, TestPdf.of(List.of("Concerns", SENTENCE, "Aspirations",
                "Families want a safer walk to school along the river road."), 3_000_000));
        member.driver.findElement(By.cssSelector("input[type=file]")).sendKeys(pdf.toString());
        member.waitUntil(d -> member.text().contains(pdf.getFileName().toString()));

        // Slow the upload (1 MB/s) and record every value the file's progress bar shows.
        member.driver.setNetworkConditions(throttled());
        ((JavascriptExecutor) member.driver).executeScript("""
                window.__progress = [];
                const record = () => document.querySelectorAll('progress[data-file]').forEach(p => {
                  const v = Math.round(p.value);
                  if (window.__progress[window.__progress.length - 1] !== v) window.__progress.push(v);
                });
                new MutationObserver(record).observe(document.body,
                    { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
                // React may set the value as a property, which no observer sees: look every 10 ms too.
                window.__progressTimer = setInterval(record, 10);
                """);
        try {
            member.button("Upload").click();
            // The note's own page (the upload form is /notes/new?webinar=...).
            member.waitUntil(d -> member.path().matches("/notes/(?!new\\b)[^/?]+"));
        } finally {
            member.driver.deleteNetworkConditions();
        }
        member.settled();
        @SuppressWarnings("unchecked")
        List<Number> seen = (List<Number>) ((JavascriptExecutor) member.driver).executeScript(
                "clearInterval(window.__progressTimer); return window.__progress");
        List<Integer> values = seen.stream().map(Number::intValue).toList();
        // Moved: it showed at least two values between 0 and 100 on the way, never going back.
        assertThat(values).as("the progress bar moved while the bytes were sent").isSorted()
                .filteredOn(v -> v > 0 && v < 100).hasSizeGreaterThanOrEqualTo(2);
        assertThat(values).last().isEqualTo(100);

        noteId = member.path().substring("/notes/".length());
        member.waitUntil(d -> member.h1().equals(noteTitle));
        assertThat(member.text()).contains("Your notes were uploaded.", "Shared with cohort",
                "Every library of the cohort can see this note.", "Text extracted");
        member.driver.findElement(By.xpath("//summary[contains(., 'Show the extracted text')]")).click();
        member.waitUntil(d -> d.findElements(By.cssSelector("pre.extracted")).stream()
                .anyMatch(e -> e.getText().contains(SENTENCE)));
        member.shouldBeCleanForAxe("the note page with its extracted text");
    }

    @Test
    @Order(4)
    void theMemberSeesTheCohortThemeWithItsEvidence() {
        // A second library shares a note on the same subject: a cohort theme needs more than one note.
        Http other = TestCohort.as(stack, cohort.other().memberEmail());
        assertThat(other.post("/api/notes", Map.of("title", "Aspen evening listening session",
                "body", "## Concerns\n\nThe late bus to the river library stops running before our evening programs end.",
                "conversationDate", LocalDate.now().minusDays(1).toString(), "place", "Aspen branch",
                "facilitator", cohort.other().memberName(), "visibility", "cohort")).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
            member.go("/cohorts/" + cohort.cohortId() + "/themes");
            assertThat(member.driver.findElements(By.xpath("//section[@aria-labelledby='cohort-themes']"
                    + "//blockquote[contains(., 'stops running at seven')]"))).isNotEmpty();
        });
        assertThat(member.h1()).isEqualTo("Themes");
        // The section's title names the cohort once the cohort list has come.
        member.waitUntil(d -> member.text().contains("Cohort: " + cohort.cohortName()));
        assertThat(member.text()).contains("Evidence");
        member.waitUntil(d -> !d.findElements(By.cssSelector(".recharts-wrapper")).isEmpty());
        member.shouldBeCleanForAxe("the themes page with the chart");

        WebElement evidence = member.driver.findElement(By.xpath("//section[@aria-labelledby='cohort-themes']"
                + "//li[blockquote[contains(., 'stops running at seven')]]//a"));
        assertThat(evidence.getText()).isEqualTo(noteTitle);
        evidence.click();
        member.waitUntil(d -> member.path().equals("/notes/" + noteId));
        assertThat(member.settled().h1()).isEqualTo(noteTitle);
    }

    @Test
    @Order(5)
    void theMemberChangesTheEmailSettings() {
        member.link("Email settings").click();
        member.waitUntil(d -> member.path().equals("/settings/notifications"));
        member.settled();
        assertThat(member.h1()).isEqualTo("Email settings");
        member.shouldBeCleanForAxe("the email settings");
        member.driver.findElement(By.xpath("//fieldset[legend[normalize-space()='Notes shared in your cohort']]"
                + "//label[normalize-space()='Weekly digest']/input")).click();
        member.button("Save settings").click();
        member.waitUntil(d -> member.text().contains("Your settings were saved."));

        JsonNode prefs = TestCohort.as(stack, cohort.home().memberEmail()).get("/api/notifications/preferences/me").body();
        assertThat(prefs.get("kinds").get("cohort-notes").asString()).isEqualTo("weekly");
    }

    @Test
    @Order(6)
    void theMemberSignsOutOfTheGatewayAndTheProvider() {
        member.button("Sign out").click();
        member.waitUntil(d -> d.getCurrentUrl().startsWith(stack.config().gatewayUrl())
                && member.path().equals("/") && !d.findElements(By.cssSelector("h1")).isEmpty());
        member.settled();
        assertThat(member.h1()).isEqualTo("Welcome to Outward");
        Object status = ((JavascriptExecutor) member.driver).executeAsyncScript(
                "const done = arguments[0]; fetch('/bff/user').then(r => done(r.status));");
        assertThat(((Number) status).intValue()).isEqualTo(401);
        // The provider's session ended too: signing in again asks for the password.
        member.button("Sign in").click();
        member.waitUntil(d -> !d.findElements(By.name("username")).isEmpty());
        // Nothing about the session was ever where scripts can read it.
        member.go("/");
        Object stored = ((JavascriptExecutor) member.driver).executeScript(
                "return JSON.stringify(Object.keys(localStorage).filter(k => k !== 'outward.lang')) + sessionStorage.length");
        assertThat(stored).isEqualTo("[]0");
    }

    @Test
    @Order(7)
    void anotherLibrarysMemberCannotReachAPrivateNoteByLinkOrBySearch() {
        String word = "quillwort" + UUID.randomUUID().toString().substring(0, 6);
        Http.Response privateNote = TestCohort.as(stack, cohort.home().memberEmail()).post("/api/notes", Map.of(
                "title", "Board debrief " + word, "body", "Only for our team: " + word + " budget worries.",
                "conversationDate", LocalDate.now().toString(), "place", "Office", "facilitator", "Jamie",
                "visibility", "private"));
        assertThat(privateNote.status()).isEqualTo(201);
        String privateId = privateNote.body().get("id").asString();

        try (Browser other = Browser.open(stack.config().gatewayUrl())) {
            other.goSignedIn("/notes/" + privateId, cohort.other().memberEmail());
            assertThat(other.h1()).isEqualTo("Note not found");
            assertThat(other.text()).contains("This was not found, or it is not shared with you.")
                    .doesNotContain(word);
            other.shouldBeCleanForAxe("a note that is not shared");

            other.go("/notes?q=" + word);
            assertThat(other.text()).contains("No note matches these filters.").doesNotContain(word);
            // The shared note of the same library is found by the same search box.
            other.go("/notes?q=" + noteTitle.substring(noteTitle.lastIndexOf(' ') + 1));
            other.waitUntil(d -> other.text().contains(noteTitle));
            other.shouldBeCleanForAxe("the notes list");
        }
    }

    @Test
    @Order(8)
    void theUnsubscribeLinkWorksWithoutSigningIn() {
        Map<String, Object> email = Emails.to(stack, cohort.home().memberEmail()).stream()
                .filter(m -> Emails.subject(m).contains(title)).findFirst().orElseThrow();
        String link = Emails.link(email, "/unsubscribe?token=");
        try (Browser anonymous = Browser.open(stack.config().gatewayUrl())) {
            anonymous.go(link);
            assertThat(anonymous.h1()).isEqualTo("Email preferences");
            assertThat(anonymous.text()).contains("You get New webinars as they happen.");
            anonymous.shouldBeCleanForAxe("the unsubscribe page");
            anonymous.button("Turn these emails off").click();
            anonymous.waitUntil(d -> anonymous.text().contains("Done: New webinars not at all from now on."));
            anonymous.shouldBeCleanForAxe("the unsubscribe confirmation");
        }
        JsonNode prefs = TestCohort.as(stack, cohort.home().memberEmail()).get("/api/notifications/preferences/me").body();
        assertThat(prefs.get("kinds").get("new-webinar").asString()).isEqualTo("off");
        // The setting changed in the app before is untouched.
        assertThat(prefs.get("kinds").get("cohort-notes").asString()).isEqualTo("weekly");
    }

    private static ChromiumNetworkConditions throttled() {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setLatency(Duration.ofMillis(5));
        conditions.setDownloadThroughput(20_000_000);
        conditions.setUploadThroughput(500_000);
        return conditions;
    }
}
