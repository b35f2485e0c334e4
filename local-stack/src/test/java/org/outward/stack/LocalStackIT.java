package org.outward.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The system test: on the whole local stack (Kafka broker process, MongoDB wire server, SMTP catcher, the four
 * service JVMs, demo data; shared with the other system tests, see {@link SystemStack}), drives the walking-skeleton
 * slice through the gateway with a real HTTP client, exactly as a web client would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SystemStack.class)
class LocalStackIT {

    private static LocalStack stack;
    private static Http gateway;

    @BeforeAll
    static void boot() {
        stack = SystemStack.stack();
        gateway = new Http(stack.config().gatewayUrl())
                .withToken(Http.devToken(stack.config().identityUrl(), DemoData.STAFF_EMAIL, DemoData.DEV_PASSWORD));
    }

    @Test
    @Order(1)
    void demoDataIsLoadedAndPublished() {
        JsonNode page = gateway.get("/api/catalog/webinars?size=100").body();
        // Only the demo webinars: other system tests publish webinars of their own on the same stack.
        List<String> titles = DemoData.items(DemoData.document().get("webinars")).stream()
                .map(w -> w.get("title").asString()).toList();
        assertThat(titles).contains("Hosting and Leading Community Conversations", "Theming and Using Public Knowledge",
                "Calibrating Community Conditions", "Sweet Spot of Public Life");
        assertThat(DemoData.items(page).stream().map(w -> w.get("title").asString()).toList()).containsAll(titles);
        // Every demo library member got one "new webinar" email per demo webinar; staff got none.
        List<String> members = memberEmails();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String title : titles) {
                assertThat(emailsWithSubjectContaining(title)).as(title)
                        .flatExtracting(m -> (List<?>) m.get("to"))
                        .map(Object::toString)
                        .containsExactlyInAnyOrderElementsOf(members);
            }
        });
        // Exactly one each: the stack is shared with other system tests, so only the demo webinars' emails count.
        assertThat(stack.emails()).filteredOn(m -> titles.stream().anyMatch(t -> String.valueOf(m.get("subject")).contains(t)))
                .hasSize(titles.size() * members.size());
    }

    @Test
    @Order(2)
    void loadingTheDemoDataAgainChangesNothing() throws Exception {
        int emailsBefore = stack.emails().size();
        long webinarsBefore = gateway.get("/api/catalog/webinars?status=all").body().get("total").asLong();

        DemoData.Summary again = new DemoData(stack.config().gatewayUrl(), stack.config().identityUrl()).load();

        assertThat(again.created()).isZero();
        assertThat(again.existing()).isGreaterThan(0);
        assertThat(gateway.get("/api/catalog/webinars?status=all").body().get("total").asLong()).isEqualTo(webinarsBefore);
        // A second load publishes nothing, so no email may follow. Give the pipeline time to prove it wrong.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(stack.emails()).hasSize(emailsBefore));
    }

    @Test
    @Order(3)
    void staffPublishesAWebinarAndEveryCohortMemberIsEmailed() {
        String slug = "system-test-" + UUID.randomUUID().toString().substring(0, 8);
        String title = "Follow-up Conversations " + slug;
        Http.Response created = gateway.post("/api/catalog/webinars", Map.of(
                "title", title,
                "slug", slug,
                "summary", "How to follow up with residents after a community conversation.",
                "topics", List.of("community-conversations"),
                "seriesPosition", 5,
                "durationMinutes", 50));
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(created.body().get("status").asString()).isEqualTo("draft");
        assertThat(created.headers().firstValue("X-Request-Id")).isPresent();

        // A draft is not listed.
        assertThat(slugs(gateway.get("/api/catalog/webinars?size=100").body())).doesNotContain(slug);

        Http.Response published = gateway.post("/api/catalog/webinars/" + id + "/publish", null);
        assertThat(published.status()).isEqualTo(200);
        String requestId = published.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(published.body().get("status").asString()).isEqualTo("published");
        assertThat(slugs(gateway.get("/api/catalog/webinars?size=100").body())).contains(slug);

        // Every demo member, once each; other system tests on the same stack may have library members of their own.
        List<String> members = memberEmails();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Map<String, Object>> emails = emailsWithSubjectContaining(title);
            assertThat(emails).flatExtracting(m -> (List<?>) m.get("to")).map(Object::toString)
                    .containsAll(members).doesNotHaveDuplicates().doesNotContainAnyElementsOf(staffEmails());
            assertThat(emails).allSatisfy(m -> {
                assertThat((String) m.get("text")).contains(title);
                assertThat((String) m.get("html")).contains(title);
            });
        });
        // One request id follows the request from the gateway through the event to every email it caused.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(logLines("gateway", requestId)).isNotEmpty();
            assertThat(logLines("catalog-service", requestId)).anyMatch(l -> l.contains("published WebinarPublished"));
            assertThat(logLines("notification-service", requestId)).anyMatch(l -> l.contains("consumed WebinarPublished"))
                    .filteredOn(l -> l.contains("email sent")).hasSize(emailsWithSubjectContaining(title).size());
        });
    }

    @Test
    @Order(4)
    void aLibraryMemberUploadsANoteAndNotificationServiceSeesIt() {
        JsonNode cohort = DemoData.items(gateway.get("/api/catalog/cohorts?slug=demo-cohort-2026").body()).get(0);
        String cohortId = cohort.get("id").asString();
        JsonNode library = DemoData.items(gateway.get("/api/catalog/cohorts/" + cohortId + "/libraries").body()).stream()
                .filter(l -> l.get("name").asString().equals("Riverbend Public Library")).findFirst().orElseThrow();
        // The identity provider learns members from the roster events; a member signs in once it has.
        String memberToken = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> Http.devToken(
                stack.config().identityUrl(), "alex.moreno@riverbend-library.example", DemoData.DEV_PASSWORD),
                token -> token != null);
        Http member = new Http(stack.config().gatewayUrl()).withToken(memberToken);

        Http.Response uploaded = member.post("/api/notes", Map.of(
                "libraryId", library.get("id").asString(),
                "cohortId", cohortId,
                "title", "Conversation at the farmers market",
                "body", "Aspirations: a safer walk to school. Concerns: the bus stops running at 7 pm.",
                "conversationDate", LocalDate.now().minusDays(2).toString(),
                "place", "Saturday farmers market",
                "facilitator", "Alex Moreno",
                "visibility", "cohort"));
        assertThat(uploaded.status()).isEqualTo(201);
        String noteId = uploaded.body().get("id").asString();
        assertThat(member.get("/api/notes/" + noteId).status()).isEqualTo(200);
        // A member may not use staff routes.
        assertThat(member.post("/api/catalog/webinars", Map.of("title", "x")).status()).isEqualTo(403);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode seen = gateway.get("/api/notifications/activity?type=NoteUploaded&subject=" + noteId).body();
            assertThat(DemoData.items(seen)).extracting(e -> e.get("subject").asString()).containsExactly(noteId);
        });
    }

    @Test
    @Order(5)
    void errorsThroughTheGatewayAreProblemDetails() {
        Http.Response anonymous = new Http(stack.config().gatewayUrl()).get("/api/catalog/webinars");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        Http.Response missing = gateway.get("/api/catalog/webinars/" + UUID.randomUUID());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(missing.body().get("requestId").asString()).isNotBlank();

        Http.Response invalid = gateway.post("/api/catalog/webinars", Map.of("title", ""));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("errors").toString()).contains("title", "slug");
    }

    @Test
    @Order(6)
    void injectionLookingQueryParametersAreTreatedAsPlainText() {
        long total = gateway.get("/api/catalog/webinars?status=all").body().get("total").asLong();
        List<String> hostile = List.of(
                "/api/catalog/webinars?status=all&slug=" + enc("{\"$gt\": \"\"}"),
                "/api/catalog/webinars?status=all&slug%5B%24ne%5D=x",
                "/api/catalog/webinars?status=all&q=" + enc("{\"$where\": \"sleep(1000)\"}"),
                "/api/catalog/webinars?status=all&q=" + enc("(a+)+$"),
                "/api/catalog/webinars?status=all&q=" + enc(".*"),
                "/api/catalog/members?email=" + enc("{\"$regex\": \".*\"}"),
                "/api/catalog/cohorts?slug=" + enc("{\"$ne\": null}"));
        for (String path : hostile) {
            Http.Response response = gateway.get(path);
            assertThat(response.status()).as(path).isIn(200, 400);
            if (response.status() == 200 && path.contains("slug=%7B")) {
                assertThat(DemoData.items(response.body())).as(path).isEmpty();
            }
            if (response.status() == 200 && path.contains("email=")) {
                assertThat(DemoData.items(response.body())).as(path).isEmpty();
            }
        }
        assertThat(gateway.get("/api/catalog/webinars?status=all").body().get("total").asLong()).isEqualTo(total);
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<String> logLines(String service, String text) throws java.io.IOException {
        Path log = stack.config().dataDir().resolve("logs").resolve(service + ".log");
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(text)).toList();
        }
    }

    private static List<String> memberEmails() {
        List<String> staff = staffEmails();
        return stack.demo().memberEmails().stream().filter(e -> !staff.contains(e)).toList();
    }

    private static List<String> staffEmails() {
        return DemoData.items(gateway.get("/api/catalog/staff").body()).stream()
                .map(s -> s.get("email").asString()).toList();
    }

    private static List<Map<String, Object>> emailsWithSubjectContaining(String text) {
        return stack.emails().stream().filter(m -> String.valueOf(m.get("subject")).contains(text)).toList();
    }

    private static List<String> slugs(JsonNode page) {
        return DemoData.items(page).stream().map(w -> w.get("slug").asString()).toList();
    }
}
