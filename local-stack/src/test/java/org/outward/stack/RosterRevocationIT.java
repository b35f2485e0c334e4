package org.outward.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Access follows the roster on the whole stack, through the gateway, while tokens stay valid: staff removes a
 * member (or a library leaves its cohort) through the API, and within 5 s the same unexpired token is refused on
 * notes, catalog and notifications; the identity provider no longer signs them in, and no more email reaches them.
 * Each revocation's observed delay (from the removal's response to the first 403 of each service) is printed as
 * {@code revocation delay ...}.
 */
@ExtendWith(SystemStack.class)
class RosterRevocationIT {

    /** The requirement's bound, not a speed assertion: the delay itself is measured and printed. */
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final Duration PROPAGATION = Duration.ofSeconds(60);

    /** One read per service a library member may make. */
    private static final Map<String, String> READS = Map.of(
            "notes", "/api/notes",
            "catalog", "/api/catalog/webinars",
            "notifications", "/api/notifications/preferences/me");

    private static LocalStack stack;
    private static Http staff;

    @BeforeAll
    static void boot() {
        stack = SystemStack.stack();
        staff = new Http(stack.config().gatewayUrl())
                .withToken(Http.devToken(stack.config().identityUrl(), DemoData.STAFF_EMAIL, DemoData.DEV_PASSWORD));
    }

    @Test
    void aRemovedMembersTokenIsRefusedEverywhereWithinSecondsAndTheyAreNeitherSignedInNorEmailedAgain() {
        String run = run();
        String cohort = cohort(run);
        String library = library(cohort, "Removal " + run);
        JsonNode gone = member(library, "gone-" + run);
        JsonNode stays = member(library, "stays-" + run);
        Http asGone = signedIn(gone);
        signedIn(stays);

        assertThat(staff.delete("/api/catalog/members/" + gone.get("id").asString()).status()).isEqualTo(204);
        long removedAt = System.nanoTime();

        Map<String, Long> delays = awaitRefusedEverywhere(asGone, removedAt);
        System.out.printf("revocation delay (member removed) after the 204: %s ms%n", delays);
        assertThat(asGone.get("/api/notes").body().get("detail").asString())
                .isEqualTo("You are no longer on the program's roster.");
        awaitNoSignIn(gone);

        String title = publishWebinar(run);
        awaitWebinarEmail(title, stays);
        assertNoEmail(title, gone);
    }

    @Test
    void aLibraryLeavingItsCohortTakesEveryMembersAccessAndEmailWithIt() {
        String run = run();
        String cohort = cohort(run);
        String leaving = library(cohort, "Leaving " + run);
        String staying = library(cohort, "Staying " + run);
        JsonNode first = member(leaving, "first-" + run);
        JsonNode second = member(leaving, "second-" + run);
        JsonNode neighbour = member(staying, "neighbour-" + run);
        Http asFirst = signedIn(first);
        Http asSecond = signedIn(second);
        Http asNeighbour = signedIn(neighbour);

        assertThat(staff.delete("/api/catalog/libraries/" + leaving).status()).isEqualTo(204);
        long leftAt = System.nanoTime();

        Map<String, Long> firstDelays = awaitRefusedEverywhere(asFirst, leftAt);
        Map<String, Long> secondDelays = awaitRefusedEverywhere(asSecond, leftAt);
        System.out.printf("revocation delay (library left) after the 204: first member %s ms, second member %s ms%n",
                firstDelays, secondDelays);
        assertThat(asSecond.get("/api/catalog/webinars").body().get("detail").asString())
                .isEqualTo("Your library is no longer in a cohort of the program.");
        READS.values().forEach(path -> assertThat(asNeighbour.get(path).status()).as(path).isEqualTo(200));
        awaitNoSignIn(first);
        awaitNoSignIn(second);

        String title = publishWebinar(run);
        awaitWebinarEmail(title, neighbour);
        assertNoEmail(title, first);
        assertNoEmail(title, second);
    }

    /**
     * Polls the three services until each refuses the token, recording when each first did; at most {@link #BOUND}
     * after the removal's response.
     */
    private static Map<String, Long> awaitRefusedEverywhere(Http caller, long since) {
        Map<String, Long> delays = new LinkedHashMap<>();
        await().atMost(BOUND).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).until(() -> {
            READS.forEach((service, path) -> {
                if (!delays.containsKey(service) && caller.get(path).status() == 403) {
                    delays.put(service, (System.nanoTime() - since) / 1_000_000);
                }
            });
            return delays.size() == READS.size();
        });
        return delays;
    }

    /** A dev token for the member, once the identity provider and every service know them. */
    private static Http signedIn(JsonNode member) {
        String email = member.get("email").asString();
        String token = await().atMost(PROPAGATION).ignoreExceptions().until(() -> Http.devToken(
                stack.config().identityUrl(), email, DemoData.DEV_PASSWORD), t -> t != null);
        Http http = new Http(stack.config().gatewayUrl()).withToken(token);
        await().atMost(PROPAGATION).untilAsserted(() -> READS.forEach((service, path) ->
                assertThat(http.get(path).status()).as(service + " " + path).isEqualTo(200)));
        return http;
    }

    private static void awaitNoSignIn(JsonNode member) {
        String email = member.get("email").asString();
        await().atMost(PROPAGATION).until(() -> {
            try {
                Http.devToken(stack.config().identityUrl(), email, DemoData.DEV_PASSWORD);
                return false;
            } catch (IllegalStateException refused) {
                return refused.getMessage().contains("HTTP 401");
            }
        });
    }

    private static String publishWebinar(String run) {
        String slug = "after-roster-change-" + run;
        String title = "After the roster changed " + run;
        Http.Response created = staff.post("/api/catalog/webinars", Map.of("title", title, "slug", slug,
                "summary", "Published after a roster change.", "topics", List.of("community-conversations"),
                "seriesPosition", 6, "durationMinutes", 30));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(staff.post("/api/catalog/webinars/" + created.body().get("id").asString() + "/publish", null)
                .status()).isEqualTo(200);
        return title;
    }

    private static void awaitWebinarEmail(String title, JsonNode member) {
        await().atMost(PROPAGATION).until(() -> !emails(title, member).isEmpty());
    }

    /** Asked once the colleague's email of the same webinar arrived: both are queued in one pass over the roster. */
    private static void assertNoEmail(String title, JsonNode member) {
        assertThat(emails(title, member)).isEmpty();
        JsonNode deliveries = staff.get("/api/notifications/deliveries?recipient=" + member.get("id").asString()).body();
        assertThat(DemoData.items(deliveries)).noneMatch(d -> d.get("subject").asString().contains(title));
    }

    private static List<Map<String, Object>> emails(String title, JsonNode member) {
        String email = member.get("email").asString();
        return stack.emails().stream()
                .filter(m -> String.valueOf(m.get("subject")).contains(title))
                .filter(m -> ((List<?>) m.get("to")).stream().anyMatch(to -> email.equalsIgnoreCase(to.toString())))
                .toList();
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String cohort(String run) {
        return created(staff.post("/api/catalog/cohorts", Map.of("name", "Roster test " + run,
                "slug", "roster-" + run, "startsOn", "2026-01-01", "endsOn", "2027-12-31")));
    }

    private static String library(String cohort, String name) {
        return created(staff.post("/api/catalog/cohorts/" + cohort + "/libraries", Map.of("name", name,
                "city", "Springfield", "state", "IL", "contactEmail", "director@springfield.example",
                "timeZone", "America/Chicago")));
    }

    private static JsonNode member(String library, String name) {
        Http.Response created = staff.post("/api/catalog/libraries/" + library + "/members", Map.of(
                "name", name, "email", name + "@roster-test.example", "teamRole", "Librarian"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body();
    }

    private static String created(Http.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.body().get("id").asString();
    }
}
