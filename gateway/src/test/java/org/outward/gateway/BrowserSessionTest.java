package org.outward.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outward.gateway.session.CachedSessionRepository;
import org.outward.gateway.session.TrackedSession;
import org.outward.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The gateway as backend-for-frontend, over real HTTP with a real session store (MongoDB wire server): signed-in
 * sessions are put into the store as the sign-in would leave them (the sign-in itself against the real provider
 * is LocalStack's BrowserSignInIT), then used with their cookie only.
 */
class BrowserSessionTest extends EdgeTestBase {

    private static final String AUTHORIZED_CLIENTS = SignedInSessions.AUTHORIZED_CLIENTS;

    @Autowired
    CachedSessionRepository sessions;

    @Autowired
    ReactiveClientRegistrationRepository registrations;

    @BeforeEach
    void patientClient() {
        // The first session write of a context opens the store connection; on a busy machine that exceeds 5 s.
        client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    private SignedInSessions.SignedIn signedIn(Instant accessTokenExpiry) {
        return new SignedInSessions(sessions, registrations).member("robin@library.example", "lib-7", accessTokenExpiry);
    }

    private SignedInSessions.SignedIn signedIn() {
        return new SignedInSessions(sessions, registrations).robin();
    }

    @Test
    void withoutASessionBffUserIsA401Problem() {
        client.get().uri("/bff/user")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void bffUserTellsWhoIsSignedInAndHandsOutTheCsrfCookie() {
        SignedInSessions.SignedIn session = signedIn();

        client.get().uri("/bff/user")
                .cookie("SESSION", session.sessionId())
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectCookie().httpOnly("XSRF-TOKEN", false)
                .expectCookie().sameSite("XSRF-TOKEN", "Lax")
                .expectCookie().secure("XSRF-TOKEN", false)
                .expectCookie().path("XSRF-TOKEN", "/")
                .expectBody()
                .jsonPath("$.subject").isEqualTo("robin@library.example")
                .jsonPath("$.email").isEqualTo("robin@library.example")
                .jsonPath("$.name").isEqualTo("Robin Reader")
                .jsonPath("$.roles[0]").isEqualTo("library-member")
                .jsonPath("$.libraryId").isEqualTo("lib-7")
                .jsonPath("$.cohortId").isEqualTo("cohort-3");
    }

    @Test
    void anApiCallOfASessionCarriesTheSessionsAccessTokenAndNoCookies() {
        SignedInSessions.SignedIn session = signedIn();

        client.get().uri("/api/notes/libraries/lib-7/notes")
                .cookie("SESSION", session.sessionId())
                .cookie("XSRF-TOKEN", "t-1")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Served-By", "notes");

        assertThat(notes.last().authorization()).isEqualTo("Bearer " + session.accessToken());
        assertThat(notes.last().cookie()).isNull();
    }

    @Test
    void anUnsafeCallOfASessionNeedsTheCsrfHeader() {
        SignedInSessions.SignedIn session = signedIn();
        int before = received();

        client.post().uri("/api/catalog/webinars")
                .cookie("SESSION", session.sessionId())
                .cookie("XSRF-TOKEN", "t-2")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"x\"}")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("X-XSRF-TOKEN"));
        client.post().uri("/api/catalog/webinars")
                .cookie("SESSION", session.sessionId())
                .cookie("XSRF-TOKEN", "t-2")
                .header("X-XSRF-TOKEN", "another")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"x\"}")
                .exchange()
                .expectStatus().isForbidden();
        assertThat(received()).isEqualTo(before);

        client.post().uri("/api/catalog/webinars")
                .cookie("SESSION", session.sessionId())
                .cookie("XSRF-TOKEN", "t-2")
                .header("X-XSRF-TOKEN", "t-2")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"x\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("{\"title\":\"x\"}");
        assertThat(catalog.last().authorization()).isEqualTo("Bearer " + session.accessToken());
    }

    @Test
    void anOversizeBodyOfASessionIsRefusedLikeABearerClientsOne() {
        SignedInSessions.SignedIn session = signedIn();
        int before = received();

        client.post().uri("/api/catalog/webinars")
                .cookie("SESSION", session.sessionId())
                .cookie("XSRF-TOKEN", "t-4")
                .header("X-XSRF-TOKEN", "t-4")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new byte[1025]) // standard limit: 1KB
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("The request body exceeds the limit of 1024 bytes for this path.");
        assertThat(received()).as("never forwarded").isEqualTo(before);
    }

    @Test
    void bearerClientsNeedNoCsrfTokenAndGetNoSession() {
        String token = TestTokens.staff();

        var result = client.post().uri("/api/catalog/webinars")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"y\"}")
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class);

        assertThat(result.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
        assertThat(catalog.last().authorization()).isEqualTo("Bearer " + token);
    }

    @Test
    void aBearerTokenWinsOverASessionCookie() {
        SignedInSessions.SignedIn session = signedIn();
        String token = TestTokens.staff();

        client.get().uri("/api/catalog/webinars")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .cookie("SESSION", session.sessionId())
                .exchange()
                .expectStatus().isOk();

        assertThat(catalog.last().authorization()).isEqualTo("Bearer " + token);
    }

    @Test
    void theOneClickUnsubscribePostOfMailClientsNeedsNoCsrfToken() {
        client.post().uri("/api/notifications/unsubscribe/tok-9")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("List-Unsubscribe=One-Click")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Served-By", "notifications");
    }

    @Test
    void withoutASessionTheApiIsStillA401ProblemAndNotARedirect() {
        client.get().uri("/api/catalog/webinars")
                .header(HttpHeaders.ACCEPT, MediaType.TEXT_HTML_VALUE)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anEndedOrUnknownSessionIsSignedOutAndItsCookieCleared() {
        client.get().uri("/api/catalog/webinars")
                .cookie("SESSION", "no-such-session")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectCookie().maxAge("SESSION", Duration.ZERO);
    }

    @Test
    void loginStartsAuthorizationCodeWithPkceAndASessionCookie() {
        var start = client.get().uri("/bff/login?returnTo=/notes/n-1")
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/oauth2/authorization/outward")
                .expectCookie().httpOnly("SESSION", true)
                .expectCookie().sameSite("SESSION", "Lax")
                .expectCookie().secure("SESSION", false)
                .expectCookie().path("SESSION", "/")
                .returnResult(Void.class);
        ResponseCookie cookie = start.getResponseCookies().getFirst("SESSION");

        URI authorize = client.get().uri("/oauth2/authorization/outward")
                .cookie("SESSION", cookie.getValue())
                .exchange()
                .expectStatus().isFound()
                .returnResult(Void.class).getResponseHeaders().getLocation();

        assertThat(authorize.toString()).startsWith(TestTokens.ISSUER + "/oauth2/authorize?");
        Map<String, String> query = UriComponentsBuilder.fromUri(authorize).build().getQueryParams().toSingleValueMap();
        assertThat(query).containsEntry("response_type", "code")
                .containsEntry("client_id", "outward-web")
                .containsEntry("code_challenge_method", "S256")
                .containsKeys("state", "nonce", "code_challenge");
        assertThat(decode(query.get("redirect_uri"))).isEqualTo("http://localhost:8080/login/oauth2/code/outward");
        assertThat(decode(query.get("scope"))).isEqualTo("openid profile email");
    }

    @Test
    void aCallbackWithAForgedStateSignsNobodyIn() {
        var start = client.get().uri("/bff/login?returnTo=/").exchange().returnResult(Void.class);
        String session = start.getResponseCookies().getFirst("SESSION").getValue();
        client.get().uri("/oauth2/authorization/outward").cookie("SESSION", session).exchange();
        int tokenCalls = tokenEndpoint.calls();

        client.get().uri("/login/oauth2/code/outward?code=stolen&state=forged")
                .cookie("SESSION", session)
                .exchange()
                .expectStatus().isFound()
                .expectHeader().location("/?signin=failed");
        assertThat(tokenEndpoint.calls()).as("the code is never redeemed").isEqualTo(tokenCalls);
        client.get().uri("/bff/user").cookie("SESSION", session).exchange().expectStatus().isUnauthorized();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"})
    void loginNeverSendsAnywhereElse(String returnTo) {
        var start = client.get().uri(UriComponentsBuilder.fromPath("/bff/login").queryParam("returnTo", "{r}")
                        .encode().buildAndExpand(returnTo).toUriString())
                .exchange()
                .expectStatus().isSeeOther()
                .returnResult(Void.class);
        String session = start.getResponseCookies().getFirst("SESSION").getValue();
        TrackedSession stored = sessions.findById(session).block();
        assertThat(stored.<String>getAttribute("org.outward.gateway.bff.ReturnTo")).isEqualTo("/");
    }

    @Test
    void logoutEndsTheSessionAndAnswersTheProvidersLogoutUrl() {
        SignedInSessions.SignedIn session = signedIn();

        client.post().uri("/bff/logout")
                .cookie("SESSION", session.sessionId())
                .exchange()
                .expectStatus().isForbidden();

        client.post().uri("/bff/logout")
                .cookie("SESSION", session.sessionId())
                .cookie("XSRF-TOKEN", "t-3")
                .header("X-XSRF-TOKEN", "t-3")
                .exchange()
                .expectStatus().isOk()
                .expectCookie().maxAge("SESSION", Duration.ZERO)
                .expectCookie().maxAge("XSRF-TOKEN", Duration.ZERO)
                .expectBody()
                .jsonPath("$.logoutUrl").value(url -> {
                    URI logout = URI.create(url.toString());
                    Map<String, String> query = UriComponentsBuilder.fromUri(logout).build().getQueryParams()
                            .toSingleValueMap();
                    assertThat(url.toString()).startsWith(TestTokens.ISSUER + "/connect/logout?");
                    assertThat(query).containsEntry("id_token_hint", session.idToken())
                            .containsEntry("client_id", "outward-web");
                    assertThat(decode(query.get("post_logout_redirect_uri"))).isEqualTo("http://localhost:8080/");
                });

        assertThat(sessions.findById(session.sessionId()).blockOptional()).isEmpty();
        client.get().uri("/bff/user").cookie("SESSION", session.sessionId()).exchange().expectStatus().isUnauthorized();
        int before = received();
        client.get().uri("/api/catalog/webinars").cookie("SESSION", session.sessionId()).exchange()
                .expectStatus().isUnauthorized();
        assertThat(received()).isEqualTo(before);
    }

    @Test
    void anExpiredAccessTokenIsRefreshedAndTheNewOneKeptInTheSession() {
        SignedInSessions.SignedIn session = signedIn(Instant.now().minusSeconds(5));
        String fresh = TestTokens.member("lib-7", "cohort-3") + "-refreshed";
        tokenEndpoint.answer(200, "{\"access_token\":\"" + fresh + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                + "\"refresh_token\":\"refresh-2\"}");

        client.get().uri("/api/notes/libraries/lib-7/notes").cookie("SESSION", session.sessionId())
                .exchange().expectStatus().isOk();

        assertThat(notes.last().authorization()).isEqualTo("Bearer " + fresh);
        assertThat(tokenEndpoint.last().form()).contains("grant_type=refresh_token").contains("refresh_token=refresh-1");
        assertThat(tokenEndpoint.last().authorization()).startsWith("Basic ");
        // Stored, not just used once: the session read back from the store has the new tokens.
        Map<String, OAuth2AuthorizedClient> clients = sessions.findById(session.sessionId()).block()
                .getAttribute(AUTHORIZED_CLIENTS);
        assertThat(clients.get("outward").getAccessToken().getTokenValue()).isEqualTo(fresh);
        assertThat(clients.get("outward").getRefreshToken().getTokenValue()).isEqualTo("refresh-2");
    }

    @Test
    void aRefreshTheProviderRefusesMeansSignInAgain() {
        SignedInSessions.SignedIn session = signedIn(Instant.now().minusSeconds(5));
        tokenEndpoint.answer(400, "{\"error\":\"invalid_grant\"}");
        int before = received();

        client.get().uri("/api/notes/libraries/lib-7/notes").cookie("SESSION", session.sessionId())
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("Your sign-in has expired. Sign in again.");

        assertThat(received()).isEqualTo(before);
        client.get().uri("/bff/user").cookie("SESSION", session.sessionId()).exchange().expectStatus().isUnauthorized();
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
