package org.outward.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser session outlives its access token: the gateway renews the token with the session's refresh token at
 * the real provider, and only when that fails too does the app hear "sign in again" (401 problem+json).
 *
 * <p>Real parts: a second dev-identity (the same issuer and signing key as the stack's, so the services accept
 * its tokens) that issues access tokens of 10 s and refresh tokens of 30 s, and a second
 * gateway that signs browsers in there; the stack's services, roster and session store. A cookie-keeping HTTP
 * client plays the browser.
 *
 * <p>Why the 200 after expiry proves a renewal: the services allow a minute of clock skew, so they would still
 * take the expired token; but the gateway decides by the token's expiry alone, and the 401 once the refresh token
 * has ended shows that for an expired token it goes to the provider, so the earlier 200 was a renewal that the
 * provider granted. Waits are until a lifetime has passed, never a bound on how long something may take.
 */
@ExtendWith(SystemStack.class)
class SessionRenewalIT {

    // The sign-in itself uses the access token once (the gateway reads the provider's userinfo with it), so it must
    // outlive a sign-in on a busy machine (4 s seen at a load average of 60); the refresh token, a renewal after it.
    private static final Duration ACCESS = Duration.ofSeconds(10);
    private static final Duration REFRESH = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String gateway;
    private static String identity;
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startAProviderWithShortTokensAndAGatewayThatUsesIt() throws Exception {
        LocalStack stack = SystemStack.stack();
        int identityPort = freePort();
        int gatewayPort = freePort();
        gateway = "http://localhost:" + gatewayPort;
        identity = stack.startAnother("dev-identity", identityPort, Map.of(
                "OUTWARD_IDP_TOKEN_TTL", ACCESS.toSeconds() + "s",
                "OUTWARD_IDP_REFRESH_TOKEN_TTL", REFRESH.toSeconds() + "s",
                "OUTWARD_WEB_REDIRECT_URIS", gateway + "/login/oauth2/code/outward",
                "OUTWARD_WEB_POST_LOGOUT_REDIRECT_URIS", gateway + "/"));
        stack.startAnother("gateway", gatewayPort, Map.of(
                "WEB_BASE_URL", gateway,
                "OUTWARD_OIDC_AUTHORIZATION_URI", identity + "/oauth2/authorize",
                "OUTWARD_OIDC_END_SESSION_URI", identity + "/connect/logout",
                "OUTWARD_OIDC_TOKEN_URI", identity + "/oauth2/token",
                "OUTWARD_OIDC_USER_INFO_URI", identity + "/userinfo"));
    }

    @Test
    void theSessionOutlivesItsAccessTokenAndAsksForSignInOnlyWhenRenewalFails() throws Exception {
        Instant tokensIssuedBy = signIn(DemoData.STAFF_EMAIL);
        assertThat(status("/api/catalog/webinars?status=all")).isEqualTo(200);

        waitUntil(tokensIssuedBy.plus(ACCESS));
        HttpResponse<String> afterExpiry = send(get("/api/catalog/webinars?status=all"));
        assertThat(afterExpiry.statusCode()).as(afterExpiry.body()).isEqualTo(200);
        // status=all is for staff only: the catalog saw a valid token of the signed-in person.
        assertThat(JSON.readTree(afterExpiry.body()).get("total").asLong()).isGreaterThan(0);
        assertThat(status("/bff/user")).isEqualTo(200);

        waitUntil(tokensIssuedBy.plus(REFRESH));
        HttpResponse<String> refused = send(get("/api/catalog/webinars?status=all"));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("detail").asString()).isEqualTo("Your sign-in has expired. Sign in again.");
        assertThat(problem.get("requestId").asString()).isNotBlank();
        // The app asks /bff/user next: signed out, so it offers to sign in.
        assertThat(status("/bff/user")).isEqualTo(401);
    }

    /** Signs in at the short-lived provider; returns a moment at or after which the tokens were issued. */
    private Instant signIn(String email) throws Exception {
        HttpResponse<String> login = send(get("/bff/login"));
        HttpResponse<String> toProvider = send(get(gateway + location(login)));
        assertThat(location(toProvider)).startsWith(identity + "/oauth2/authorize?");
        send(get(location(toProvider))); // to the sign-in form
        String page = send(get(identity + "/login")).body();
        String csrf = page.replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(identity + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                        + "&password=" + DemoData.DEV_PASSWORD + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                .build());
        assertThat(location(posted)).doesNotContain("error");
        HttpResponse<String> backWithCode = send(get(location(toProvider)));
        assertThat(location(backWithCode)).startsWith(gateway + "/login/oauth2/code/outward?code=");
        // The code is redeemed for the tokens during this request.
        HttpResponse<String> landed = send(get(location(backWithCode)));
        Instant issuedBy = Instant.now();
        assertThat(landed.statusCode()).isEqualTo(302);
        assertThat(location(landed)).isEqualTo("/");
        return issuedBy;
    }

    private static void waitUntil(Instant moment) throws InterruptedException {
        // Token lifetimes are whole seconds in the token; a little past the moment, so it has surely passed.
        long millis = Duration.between(Instant.now(), moment).toMillis() + 250;
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private int status(String path) throws Exception {
        return send(get(path)).statusCode();
    }

    private HttpRequest get(String pathOrUrl) {
        return HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : gateway + pathOrUrl))
                .header("Accept", "text/html,application/json").build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location, status " + response.statusCode()));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
