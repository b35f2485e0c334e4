package org.outward.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser's sign-in through the gateway (backend-for-frontend) on the whole local stack, with a cookie-keeping
 * HTTP client and the real dev-identity: authorization code with PKCE, the provider's sign-in form with the dev
 * password, the session's token relayed to the services, CSRF on unsafe calls, a second gateway instance that
 * knows the session, and sign-out that ends both the gateway session and the provider's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SystemStack.class)
class BrowserSignInIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static LocalStack stack;
    private static String gateway;
    private static String identity;
    private static final CookieManager cookies = new CookieManager();
    private static final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private static String secondGateway;
    private static String logoutUrl;

    @BeforeAll
    static void boot() {
        stack = SystemStack.stack();
        gateway = stack.config().gatewayUrl();
        identity = stack.config().identityUrl();
    }

    @Test
    @Order(1)
    void beforeSignInTheAppIsToldNobodyIsSignedIn() throws Exception {
        HttpResponse<String> user = send(get(gateway + "/bff/user"));

        assertThat(user.statusCode()).isEqualTo(401);
        assertThat(user.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    @Order(2)
    void signingInWithCodeAndPkceLandsOnTheRequestedPage() throws Exception {
        HttpResponse<String> login = send(get(gateway + "/bff/login?returnTo="
                + URLEncoder.encode("/webinars/some-slug?tab=resources", StandardCharsets.UTF_8)));
        assertThat(login.statusCode()).isEqualTo(303);
        HttpCookie session = cookie("SESSION");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSecure()).isFalse(); // plain http here; the cookie is Secure when served over https
        assertThat(setCookie(login, "SESSION")).contains("SameSite=Lax").containsIgnoringCase("HttpOnly")
                .doesNotContainIgnoringCase("Secure");

        HttpResponse<String> toProvider = send(get(gateway + location(login)));
        assertThat(location(toProvider)).startsWith(identity + "/oauth2/authorize?")
                .contains("code_challenge=").contains("code_challenge_method=S256").contains("client_id=outward-web");
        HttpResponse<String> toForm = send(get(location(toProvider)));
        assertThat(location(toForm)).isEqualTo(identity + "/login");

        signInAtTheProvider(DemoData.STAFF_EMAIL);
        HttpResponse<String> backWithCode = send(get(location(toProvider)));
        assertThat(location(backWithCode)).startsWith(gateway + "/login/oauth2/code/outward?code=");
        HttpResponse<String> landed = send(get(location(backWithCode)));

        assertThat(landed.statusCode()).isEqualTo(302);
        assertThat(location(landed)).isEqualTo("/webinars/some-slug?tab=resources");
        assertThat(cookie("SESSION").getValue()).as("a new session id after sign-in").isNotEqualTo(session.getValue());
    }

    @Test
    @Order(3)
    void theAppLearnsWhoSignedInAndGetsItsCsrfCookie() throws Exception {
        HttpResponse<String> user = send(get(gateway + "/bff/user"));

        assertThat(user.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(user.body());
        assertThat(body.get("email").asString()).isEqualTo(DemoData.STAFF_EMAIL);
        assertThat(body.get("subject").asString()).isNotBlank();
        assertThat(body.get("roles").toString()).contains("program-staff");
        assertThat(cookie("XSRF-TOKEN").isHttpOnly()).isFalse();
        assertThat(setCookie(user, "XSRF-TOKEN")).contains("SameSite=Lax");
    }

    @Test
    @Order(4)
    void apiCallsOfTheSessionReachTheServicesWithTheUsersToken() throws Exception {
        HttpResponse<String> webinars = send(get(gateway + "/api/catalog/webinars?status=all"));

        assertThat(webinars.statusCode()).as(webinars.body()).isEqualTo(200);
        // status=all is for staff only: the catalog saw the signed-in staff user's token.
        assertThat(JSON.readTree(webinars.body()).get("total").asLong()).isGreaterThan(0);
    }

    @Test
    @Order(5)
    void unsafeCallsOfTheSessionNeedTheCsrfHeader() throws Exception {
        String slug = "bff-" + UUID.randomUUID().toString().substring(0, 8);
        String webinar = "{\"title\":\"Signed in through the gateway\",\"slug\":\"" + slug + "\",\"summary\":\"BFF\","
                + "\"topics\":[\"demo\"],\"seriesPosition\":7,\"durationMinutes\":30}";

        HttpResponse<String> without = send(post(gateway + "/api/catalog/webinars", webinar).build());
        assertThat(without.statusCode()).isEqualTo(403);

        HttpResponse<String> with = send(post(gateway + "/api/catalog/webinars", webinar)
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN").getValue()).build());
        // 201, not 409: the refused call created nothing (slugs are unique).
        assertThat(with.statusCode()).as(with.body()).isEqualTo(201);
    }

    @Test
    @Order(6)
    void aSecondGatewayInstanceKnowsTheSession() throws Exception {
        secondGateway = stack.startAnotherGateway();

        HttpResponse<String> user = send(get(secondGateway + "/bff/user"));

        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(user.body()).get("email").asString()).isEqualTo(DemoData.STAFF_EMAIL);
        assertThat(send(get(secondGateway + "/api/catalog/webinars?status=all")).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(7)
    void bearerClientsAreUnaffectedAndGetNoCookies() throws Exception {
        String token = Http.devToken(identity, DemoData.STAFF_EMAIL, DemoData.DEV_PASSWORD);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(gateway + "/api/catalog/webinars")).header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as("validation, not CSRF or sign-in").isEqualTo(400);
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    @Order(8)
    void signingOutEndsTheSessionOnEveryGatewayAndAtTheProvider() throws Exception {
        HttpResponse<String> withoutCsrf = send(post(gateway + "/bff/logout", "").build());
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);

        HttpResponse<String> logout = send(post(gateway + "/bff/logout", "")
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN").getValue()).build());
        assertThat(logout.statusCode()).isEqualTo(200);
        logoutUrl = JSON.readTree(logout.body()).get("logoutUrl").asString();
        assertThat(logoutUrl).startsWith(identity + "/connect/logout?").contains("id_token_hint=")
                .contains("post_logout_redirect_uri=" + gateway + "/");

        assertThat(send(get(gateway + "/bff/user")).statusCode()).isEqualTo(401);
        assertThat(send(get(gateway + "/api/catalog/webinars")).statusCode()).isEqualTo(401);
        // The other instance answers from its local copy for at most outward.session.cache-ttl (2 s).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(send(get(secondGateway + "/bff/user")).statusCode()).isEqualTo(401));

        HttpResponse<String> atProvider = send(get(logoutUrl));
        assertThat(atProvider.statusCode()).isEqualTo(302);
        assertThat(location(atProvider)).isEqualTo(gateway + "/");
        // The provider session ended too: signing in again asks for the password.
        HttpResponse<String> again = send(get(gateway + "/bff/login"));
        HttpResponse<String> toProvider = send(get(gateway + location(again)));
        assertThat(location(send(get(location(toProvider))))).isEqualTo(identity + "/login");
    }

    private static void signInAtTheProvider(String email) throws Exception {
        String page = send(get(identity + "/login")).body();
        String csrf = page.replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + DemoData.DEV_PASSWORD + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(identity + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(location(posted)).doesNotContain("error");
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,application/json").build();
    }

    private static HttpRequest.Builder post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location, status " + response.statusCode()));
    }

    private static HttpCookie cookie(String name) {
        List<HttpCookie> found = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name)).toList();
        assertThat(found).as("cookie " + name).hasSize(1);
        return found.get(0);
    }

    private static String setCookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no Set-Cookie for " + name));
    }

    static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
