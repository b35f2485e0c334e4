package org.outward.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.notification.preference.PreferenceStore;
import org.outward.platform.roster.RosterMirror;
import org.outward.notification.support.Api;
import org.outward.notification.support.TestEvents;
import org.outward.notification.unsubscribe.UnsubscribeTokens;
import org.outward.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** The caller's own preferences, and the public one-click unsubscribe with its signed tokens and rate limit. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreferencesAndUnsubscribeTest extends ServiceTest {

    @Autowired
    UnsubscribeTokens tokens;

    private final CohortFixture f = new CohortFixture();
    private LibraryJoinedCohort library;
    private MemberAdded uma;
    private MemberAdded vic;
    private TestEvents events;

    @BeforeAll
    void roster() {
        events = new TestEvents(broker.getBrokersAsString());
        library = f.library("Prefs", "America/Denver");
        uma = f.member("Uma", library);
        vic = f.member("Vic", library);
        CohortFixture.publish(events, List.of(library), List.of(uma, vic));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(Query.query(Criteria.where("_id")
                .in(uma.memberId(), vic.memberId())), RosterMirror.PEOPLE) == 2
                && mongo.exists(Query.query(Criteria.where("_id").is(library.libraryId())), RosterMirror.LIBRARIES));
    }

    @AfterAll
    void close() {
        events.close();
    }

    private Api as(MemberAdded member, String email) {
        return new Api(port).as(TestTokens.builder().subject("sub-" + member.memberId()).email(email)
                .roles("library-member").library(member.libraryId()).cohort(member.cohortId()).sign());
    }

    @Test
    void defaultsThenChangesFoundByTheEmailClaimInAnyCase() {
        Api api = as(uma, uma.email().toUpperCase());
        Api.Response defaults = api.get("/api/notifications/preferences/me");
        assertThat(defaults.status()).isEqualTo(200);
        JsonNode body = defaults.json();
        assertThat(body.get("recipientId").asString()).isEqualTo(uma.memberId());
        assertThat(body.get("timeZone").asString()).isEqualTo("America/Denver");
        assertThat(body.get("hour").asInt()).isEqualTo(8);
        assertThat(body.get("weeklyDay").asString()).isEqualTo("MONDAY");
        assertThat(body.get("customized").asBoolean()).isFalse();
        assertThat(body.get("kinds").get("new-webinar").asString()).isEqualTo("immediate");
        for (String kind : List.of("cohort-notes", "themes", "calibrations", "progress-reminders")) {
            assertThat(body.get("kinds").get(kind).asString()).isEqualTo("daily");
        }

        Api.Response put = api.put("/api/notifications/preferences/me",
                "{\"timeZone\":\"Europe/Paris\",\"hour\":18,\"weeklyDay\":\"friday\",\"kinds\":{\"themes\":\"weekly\","
                        + "\"calibrations\":\"off\"}}");
        assertThat(put.status()).isEqualTo(200);
        JsonNode after = api.get("/api/notifications/preferences/me").json();
        assertThat(after.get("timeZone").asString()).isEqualTo("Europe/Paris");
        assertThat(after.get("hour").asInt()).isEqualTo(18);
        assertThat(after.get("weeklyDay").asString()).isEqualTo("FRIDAY");
        assertThat(after.get("kinds").get("themes").asString()).isEqualTo("weekly");
        assertThat(after.get("kinds").get("calibrations").asString()).isEqualTo("off");
        assertThat(after.get("kinds").get("cohort-notes").asString()).isEqualTo("daily");
        // Only Uma's own document changed.
        assertThat(mongo.findById(vic.memberId(), org.bson.Document.class, PreferenceStore.COLLECTION)).isNull();
    }

    @Test
    void invalidPreferencesAreProblemsNamingTheField() {
        Api api = as(vic, vic.email());
        assertField(api.put("/api/notifications/preferences/me", "{\"timeZone\":\"Mars/Olympus\"}"), "timeZone");
        assertField(api.put("/api/notifications/preferences/me", "{\"hour\":24}"), "hour");
        assertField(api.put("/api/notifications/preferences/me", "{\"weeklyDay\":\"someday\"}"), "weeklyDay");
        assertField(api.put("/api/notifications/preferences/me", "{\"kinds\":{\"gossip\":\"daily\"}}"), "kinds.gossip");
        assertField(api.put("/api/notifications/preferences/me", "{\"kinds\":{\"themes\":\"hourly\"}}"), "kinds.themes");
        assertThat(mongo.findById(vic.memberId(), org.bson.Document.class, PreferenceStore.COLLECTION)).isNull();

        Api.Response stranger = new Api(port).as(TestTokens.builder().email("nobody@nowhere.test")
                .roles("library-member").library(library.libraryId()).cohort(f.cohort).sign())
                .get("/api/notifications/preferences/me");
        assertThat(stranger.status()).as("not on the roster").isEqualTo(403);
    }

    @Test
    void oneClickTurnsTheKindOffAndThePageOffersLowerFrequencies() {
        MemberAdded who = f.member("Wyn", library);
        CohortFixture.publish(events, List.of(), List.of(who));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(Query.query(Criteria.where("_id")
                .is(who.memberId())), RosterMirror.PEOPLE));
        Api anonymous = new Api(port).as(null);
        String token = tokens.issue(who.memberId(), "new-webinar");

        Api.Response page = anonymous.get(UnsubscribeTokens.PATH + "?token=" + token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("as they happen", "value=\"daily\"", "value=\"weekly\"", "value=\"off\"");

        Api.Response lower = anonymous.postForm(UnsubscribeTokens.PATH + "?token=" + token, "choice=weekly");
        assertThat(lower.status()).isEqualTo(200);
        assertThat(kind(who, "new-webinar")).isEqualTo("weekly");

        Api.Response oneClick = anonymous.postForm(UnsubscribeTokens.PATH + "?token=" + token,
                "List-Unsubscribe=One-Click");
        assertThat(oneClick.status()).isEqualTo(200);
        assertThat(kind(who, "new-webinar")).isEqualTo("off");
        assertThat(kind(who, "cohort-notes")).isEqualTo("daily");

        // A digest token turns off every kind currently in that digest.
        String digest = tokens.issue(who.memberId(), "daily");
        assertThat(anonymous.postForm(UnsubscribeTokens.PATH + "?token=" + digest, "List-Unsubscribe=One-Click")
                .status()).isEqualTo(200);
        for (String kind : List.of("cohort-notes", "themes", "calibrations", "progress-reminders")) {
            assertThat(kind(who, kind)).isEqualTo("off");
        }
    }

    @Test
    void forgedTamperedOrMissingTokensChangeNothing() {
        Api anonymous = new Api(port).as(null);
        String token = tokens.issue(vic.memberId(), "themes");
        String[] parts = token.split("\\.");
        String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                (uma.memberId() + "|themes|9999999999").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String bad : List.of(otherPayload + "." + parts[1], parts[0] + ".AAAA", "garbage", "")) {
            Api.Response response = anonymous.postForm(UnsubscribeTokens.PATH + "?token=" + bad,
                    "List-Unsubscribe=One-Click");
            assertThat(response.status()).as(bad).isEqualTo(400);
        }
        // The forged payload named Uma: her preferences are untouched.
        assertThat(kind(uma, "themes")).isNotEqualTo("off");
    }

    /** What a browser sends for a link it opens or a form it posts. */
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8";

    @Test
    void unsubscribeErrorsAreProblemJsonForClientsAndAPageForBrowsers() {
        // A client address of this test's own, so other tests' unsubscribe calls do not share its rate limit.
        Api anonymous = new Api(port).as(null).forwardedFor("198.51.100.201");
        String link = UnsubscribeTokens.PATH + "?token=garbage";
        String valid = UnsubscribeTokens.PATH + "?token=" + tokens.issue(vic.memberId(), "calibrations");

        for (String accept : new String[] {null, "*/*", "application/json", "application/problem+json",
                "application/json, text/html"}) {
            Api client = anonymous.accepting(accept);
            for (Api.Response response : List.of(client.get(link),
                    client.postForm(link, "List-Unsubscribe=One-Click"))) {
                assertThat(response.status()).as(accept).isEqualTo(400);
                assertThat(response.contentType()).as(accept).startsWith("application/problem+json");
                assertThat(response.json().path("status").asInt()).isEqualTo(400);
                assertThat(response.json().path("requestId").asString()).isNotBlank();
                assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("token");
                assertThat(response.body()).doesNotContain("<html");
            }
            Api.Response badChoice = client.postForm(valid, "choice=hourly");
            assertThat(badChoice.status()).isEqualTo(400);
            assertThat(badChoice.contentType()).startsWith("application/problem+json");
            assertThat(badChoice.json().path("errors").get(0).path("field").asString()).isEqualTo("choice");
        }

        Api browser = anonymous.accepting(BROWSER);
        for (Api.Response response : List.of(browser.get(link), browser.postForm(link, "List-Unsubscribe=One-Click"))) {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("text/html");
            assertThat(response.body()).contains("<!DOCTYPE html>", "Link not valid");
        }
        Api.Response badChoice = browser.postForm(valid, "choice=hourly");
        assertThat(badChoice.status()).isEqualTo(400);
        assertThat(badChoice.contentType()).startsWith("text/html");
        assertThat(badChoice.body()).contains("Choose daily, weekly or off.");
        assertThat(kind(vic, "calibrations")).as("nothing changed").isNotEqualTo("hourly");
    }

    @Test
    void theUnsubscribeEndpointIsRateLimitedPerClient() {
        Api anonymous = new Api(port).as(null).accepting("application/json").forwardedFor("198.51.100.202");
        String token = tokens.issue(vic.memberId(), "calibrations");
        Api.Response response = null;
        for (int i = 0; i < 45; i++) {
            response = anonymous.get(UnsubscribeTokens.PATH + "?token=" + token);
            if (response.status() == 429) {
                break;
            }
        }
        assertThat(response.status()).isEqualTo(429);
        assertThat(Long.parseLong(response.retryAfter())).isBetween(1L, 60L);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("title").asString()).isEqualTo("Too many requests");
        Api.Response page = anonymous.accepting(BROWSER).get(UnsubscribeTokens.PATH + "?token=" + token);
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.retryAfter()).isNotBlank();
        // A minute later the client may come back.
        testClock().advance(Duration.ofSeconds(61));
        assertThat(anonymous.get(UnsubscribeTokens.PATH + "?token=" + token).status()).isEqualTo(200);
    }

    private String kind(MemberAdded member, String kind) {
        return as(member, member.email()).get("/api/notifications/preferences/me").json().get("kinds").get(kind)
                .asString();
    }

    private static void assertField(Api.Response response, String field) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
}
