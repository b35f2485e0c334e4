package org.outward.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.outward.platform.test.HttpFrom;

/**
 * Behind the gateway, the unsubscribe rate limit (30 a minute per client) is per real client: one client's flood
 * does not block another client's one-click unsubscribe. The clients are real connections to the gateway from
 * distinct local addresses (127.0.0.2 floods, 127.0.0.3 unsubscribes); the gateway passes each one's address on,
 * and notification-service believes it because the gateway is its trusted proxy. Before, every request reached
 * notification-service from the gateway's one address and shared one bucket.
 *
 * <p>The link is a real one, from the email a new member of this test's own cohort gets about this test's own
 * webinar. Afterwards the webinar is archived and the member taken off the roster, so the system tests that
 * count the published webinars' emails to the demo members never see either.
 */
@ExtendWith(SystemStack.class)
class UnsubscribeBehindGatewayIT {

    private static LocalStack stack;
    private static Http staff;
    private static String memberId;
    private static String webinarId;

    @BeforeAll
    static void boot() {
        stack = SystemStack.stack();
        staff = new Http(stack.config().gatewayUrl())
                .withToken(Http.devToken(stack.config().identityUrl(), DemoData.STAFF_EMAIL, DemoData.DEV_PASSWORD));
    }

    @AfterAll
    static void archiveTheWebinarAndTakeTheMemberOffTheRoster() {
        if (webinarId != null) {
            assertThat(staff.post("/api/catalog/webinars/" + webinarId + "/archive", null).status()).isEqualTo(200);
        }
        if (memberId == null) {
            return;
        }
        assertThat(staff.delete("/api/catalog/members/" + memberId).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                DemoData.items(staff.get("/api/notifications/recipients").body()).stream()
                        .filter(r -> r.get("memberId").asString().equals(memberId))
                        .map(r -> r.get("removed").asBoolean())).containsExactly(true));
    }

    @Test
    void oneClientsFloodDoesNotBlockAnotherClientsOneClickUnsubscribe() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "reader-" + suffix + "@proxy-test.example";
        String link = unsubscribeLinkEmailedTo(email, suffix).replace("//localhost:", "//127.0.0.1:");
        String junk = stack.config().gatewayUrl().replace("//localhost:", "//127.0.0.1:")
                + "/api/notifications/unsubscribe?token=junk";

        // The limit counts per minute: start early in one, so the window does not turn over in the middle.
        if (LocalTime.now().getSecond() > 40) {
            sleep(Duration.ofSeconds(61 - LocalTime.now().getSecond()));
        }
        HttpFrom flooder = HttpFrom.address("127.0.0.2");
        int refusedAt = -1;
        for (int i = 1; i <= 61 && refusedAt < 0; i++) {
            HttpFrom.Response response = flooder.postForm(junk + i, "List-Unsubscribe=One-Click");
            if (response.status() == 429) {
                refusedAt = i;
            } else {
                assertThat(response.status()).as(response.body()).isEqualTo(400);
            }
        }
        assertThat(refusedAt).as("the flooder is limited").isGreaterThan(30);

        HttpFrom.Response oneClick = HttpFrom.address("127.0.0.3").postForm(link, "List-Unsubscribe=One-Click");
        assertThat(oneClick.status()).as(oneClick.body()).isEqualTo(200);
        assertThat(oneClick.body()).contains("Done", "not at all");
    }

    /** A member of a new cohort gets the email about a new webinar; its List-Unsubscribe link. */
    private String unsubscribeLinkEmailedTo(String email, String suffix) {
        Http.Response cohort = staff.post("/api/catalog/cohorts", Map.of("name", "Proxy cohort " + suffix,
                "slug", "proxy-" + suffix, "startsOn", "2026-01-01", "endsOn", "2027-06-30"));
        assertThat(cohort.status()).as(cohort.raw()).isEqualTo(201);
        Http.Response library = staff.post("/api/catalog/cohorts/" + cohort.body().get("id").asString() + "/libraries",
                Map.of("name", "Proxy Library " + suffix, "city", "Springfield", "state", "IL",
                        "contactEmail", "director-" + suffix + "@proxy-test.example", "timeZone", "America/Chicago"));
        assertThat(library.status()).as(library.raw()).isEqualTo(201);
        Http.Response member = staff.post("/api/catalog/libraries/" + library.body().get("id").asString()
                + "/members", Map.of("name", "Proxy Reader", "email", email));
        assertThat(member.status()).as(member.raw()).isEqualTo(201);
        memberId = member.body().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> DemoData.items(staff.get("/api/notifications/recipients")
                .body()).stream().anyMatch(r -> r.get("memberId").asString().equals(memberId)));

        String title = "Proxy webinar " + suffix;
        Http.Response webinar = staff.post("/api/catalog/webinars", Map.of("title", title, "slug", "proxy-" + suffix,
                "summary", "A webinar only this test's member reads about.", "seriesPosition", 90,
                "durationMinutes", 30));
        assertThat(webinar.status()).as(webinar.raw()).isEqualTo(201);
        webinarId = webinar.body().get("id").asString();
        assertThat(staff.post("/api/catalog/webinars/" + webinarId + "/publish", null).status()).isEqualTo(200);

        Map<String, Object> mail = await().atMost(Duration.ofSeconds(60)).until(() -> stack.emails().stream()
                .filter(m -> String.valueOf(m.get("subject")).contains(title)
                        && ((List<?>) m.get("to")).stream().anyMatch(to -> to.toString().equals(email)))
                .findFirst().orElse(null), found -> found != null);
        String header = String.valueOf(((Map<?, ?>) mail.get("headers")).get("List-Unsubscribe"));
        assertThat(header).contains("/api/notifications/unsubscribe?token=");
        return header.substring(header.indexOf('<') + 1, header.indexOf('>'));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
