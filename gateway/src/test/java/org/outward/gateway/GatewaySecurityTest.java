package org.outward.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.outward.platform.test.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Sign-in at the gateway over real HTTP: every bad token is refused with a 401 problem+json carrying
 * WWW-Authenticate, and the request never reaches a service; a good token is passed on unchanged; the
 * public paths need none.
 */
class GatewaySecurityTest extends EdgeTestBase {

    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of("expired", (Supplier<String>) () ->
                        TestTokens.builder().roles("program-staff").expiresAt(Instant.now().minusSeconds(120)).sign()),
                Arguments.of("wrong issuer", (Supplier<String>) () ->
                        TestTokens.builder().roles("program-staff").issuer("http://evil.test").sign()),
                Arguments.of("wrong audience", (Supplier<String>) () ->
                        TestTokens.builder().roles("program-staff").audience("another-api").sign()),
                Arguments.of("forged signature", (Supplier<String>) () ->
                        TestTokens.builder().roles("program-staff").forged()),
                Arguments.of("alg none", (Supplier<String>) () -> TestTokens.builder().roles("program-staff").unsigned()),
                Arguments.of("HS256 with the public key", (Supplier<String>) () ->
                        TestTokens.builder().roles("program-staff").hmacWithPublicKey()),
                Arguments.of("garbage", (Supplier<String>) () -> "not.a.jwt"),
                Arguments.of("valid token with a flipped payload bit", (Supplier<String>) () -> tamper(TestTokens.staff())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void aBadTokenIsRefusedAndNeverForwarded(String kind, Supplier<String> token) {
        int before = received();

        client.post().uri("/api/catalog/webinars")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token.get())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"x\"}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.title").isEqualTo("Unauthorized")
                .jsonPath("$.instance").isEqualTo("/api/catalog/webinars")
                .jsonPath("$.requestId").isNotEmpty();

        assertThat(received()).isEqualTo(before);
    }

    @Test
    void noTokenIsA401ProblemWithBearerChallenge() {
        int before = received();
        String requestId = "no-token-1";

        client.get().uri("/api/notes/cohorts/c-1/notes")
                .header("X-Request-Id", requestId)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Request-Id", requestId)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.requestId").isEqualTo(requestId);

        assertThat(received()).isEqualTo(before);
    }

    @Test
    void aTokenInTheQueryStringIsNotAccepted() {
        int before = received();
        client.get().uri("/api/catalog/webinars?access_token=" + TestTokens.staff())
                .exchange()
                .expectStatus().isUnauthorized();
        assertThat(received()).isEqualTo(before);
    }

    @Test
    void aValidTokenIsForwardedUnchangedForTheServiceToCheckAgain() {
        String token = TestTokens.member("lib-1", "cohort-1");

        client.get().uri("/api/notes/libraries/lib-1/notes")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Served-By", "notes");

        assertThat(notes.last().uri()).isEqualTo("/api/notes/libraries/lib-1/notes");
        assertThat(notes.last().authorization()).isEqualTo("Bearer " + token);
    }

    @Test
    void theSameTokenWorksRepeatedly() {
        // The second and third calls are answered from the validated-token cache; same outcome.
        String token = TestTokens.staff();
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/catalog/webinars?page=" + i)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange()
                    .expectStatus().isOk();
            assertThat(catalog.last().uri()).isEqualTo("/api/catalog/webinars?page=" + i);
        }
    }

    @Test
    void unsubscribeLinksFromEmailsNeedNoToken() {
        client.get().uri("/api/notifications/unsubscribe/tok-123")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Served-By", "notifications");
        assertThat(notifications.last().uri()).isEqualTo("/api/notifications/unsubscribe/tok-123");
        assertThat(notifications.last().authorization()).isNull();
    }

    @Test
    void calendarFeedsNeedNoTokenButTheirLinkDoes() {
        client.get().uri("/api/notifications/calendar/feed/tok-123.ics")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Served-By", "notifications");
        assertThat(notifications.last().uri()).isEqualTo("/api/notifications/calendar/feed/tok-123.ics");
        assertThat(notifications.last().authorization()).isNull();
        client.get().uri("/api/notifications/calendar/me").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void healthProbesNeedNoToken() {
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void theInternalFallbackIsNoWayAround() {
        client.get().uri("/internal/fallback").exchange().expectStatus().isUnauthorized();
        client.get().uri("/internal/fallback")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** Flips one character of the payload: the signature no longer matches. */
    private static String tamper(String jwt) {
        String[] parts = jwt.split("\\.");
        char[] payload = parts[1].toCharArray();
        int i = payload.length / 2;
        payload[i] = payload[i] == 'A' ? 'B' : 'A';
        return parts[0] + "." + new String(payload) + "." + parts[2];
    }
}
