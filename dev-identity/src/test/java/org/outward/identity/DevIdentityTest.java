package org.outward.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.outward.contracts.EventCodec;
import org.outward.contracts.Events;
import org.outward.contracts.Topics;
import org.outward.contracts.EventType;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.LibraryLeftCohort;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.MemberRemoved;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dev provider mirrors the roster from Kafka and issues tokens its JWKS verifies, with the Outward claims, to
 * those on the roster only: removed people and members of a library that left get none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
    "outward.identity.bootstrap-staff[0].email=pat.rivera@outward.example",
    "outward.identity.bootstrap-staff[0].name=Pat Rivera",
    "outward.identity.bootstrap-staff[1].email=bo.boot@outward.example",
    "outward.identity.bootstrap-staff[1].name=Bo Boot"})
@EmbeddedKafka(partitions = 1, topics = Topics.CATALOG_ROSTER)
class DevIdentityTest {

    // The issuer names the port, so the port must be known before the context starts.
    private static final int port = freePort();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> port);
        registry.add("outward.identity.issuer", () -> "http://localhost:" + port);
        registry.add("outward.identity.web-client.client-secret", () -> SECRET);
    }

    private static final String SECRET = "test-web-secret";
    private static final String REDIRECT = "http://localhost:8080/login/oauth2/code/outward";

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    UserDirectory users;

    private final EventCodec codec = new EventCodec();

    private <T extends Record> void publish(EventType<T> type, String subject, T payload) throws Exception {
        kafka.send(new ProducerRecord<>(Topics.CATALOG_ROSTER, subject,
                codec.encode(codec.envelope(type, "catalog-service", subject, null, payload)))).get();
    }

    private static LibraryJoinedCohort library(String id) {
        return new LibraryJoinedCohort(id, "cohort-1", "Cohort", "Library " + id, "Town", "OH", "UTC",
                "contact@" + id + ".example");
    }

    private static MemberAdded member(String id, String email, String libraryId) {
        return new MemberAdded(id, email, "Member " + id, MemberAdded.ROLE_LIBRARY_MEMBER, libraryId, "cohort-1", null);
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> token(String username, String password) throws Exception {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dev/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRosterMemberGetsATokenWithTheirLibraryThatTheJwksVerifies() throws Exception {
        MemberAdded added = new MemberAdded("m-9", "Robin@Library.example", "Robin", MemberAdded.ROLE_LIBRARY_MEMBER,
                "lib-9", "cohort-1", "Lead");
        publish(Events.MEMBER_ADDED, "m-9", added);
        publish(Events.LIBRARY_JOINED_COHORT, "lib-9", library("lib-9"));

        await().atMost(Duration.ofSeconds(30)).until(() -> token("robin@library.example", "outward").statusCode() == 200);
        JsonNode body = json.readTree(token("robin@library.example", "outward").body());

        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/oauth2/jwks")
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        Jwt jwt = decoder.decode(body.get("access_token").asString());
        assertThat(jwt.getIssuer().toString()).isEqualTo("http://localhost:" + port);
        assertThat(jwt.getAudience()).containsExactly("outward-api");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("library-member");
        assertThat(jwt.getClaimAsString("library_id")).isEqualTo("lib-9");
        assertThat(jwt.getClaimAsString("cohort_id")).isEqualTo("cohort-1");
        assertThat(jwt.getClaimAsString("email")).isEqualTo("Robin@Library.example");
    }

    @Test
    void aRemovedMemberCanNoLongerSignInOrGetATokenUntilAddedAgain() throws Exception {
        publish(Events.LIBRARY_JOINED_COHORT, "lib-r", library("lib-r"));
        publish(Events.MEMBER_ADDED, "m-r1", member("m-r1", "rae@library.example", "lib-r"));
        await().atMost(Duration.ofSeconds(30)).until(() -> token("rae@library.example", "outward").statusCode() == 200);

        publish(Events.MEMBER_REMOVED, "m-r1", new MemberRemoved("m-r1", "rae@library.example", "lib-r", "cohort-1",
                java.time.Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> token("rae@library.example", "outward").statusCode() == 401);
        assertThatThrownBy(() -> users.loadUserByUsername("rae@library.example"))
                .as("the sign-in form refuses them too").isInstanceOf(UsernameNotFoundException.class);

        publish(Events.MEMBER_ADDED, "m-r2", member("m-r2", "rae@library.example", "lib-r"));
        await().atMost(Duration.ofSeconds(30)).until(() -> token("rae@library.example", "outward").statusCode() == 200);
        assertThat(users.loadUserByUsername("rae@library.example").getUsername()).isEqualTo("rae@library.example");
    }

    @Test
    void membersOfALibraryThatLeftItsCohortCannotSignInUntilItRejoins() throws Exception {
        publish(Events.LIBRARY_JOINED_COHORT, "lib-l", library("lib-l"));
        publish(Events.MEMBER_ADDED, "m-l1", member("m-l1", "lee@library.example", "lib-l"));
        publish(Events.MEMBER_ADDED, "m-l2", member("m-l2", "lou@library.example", "lib-l"));
        await().atMost(Duration.ofSeconds(30)).until(() -> token("lee@library.example", "outward").statusCode() == 200
                && token("lou@library.example", "outward").statusCode() == 200);

        publish(Events.LIBRARY_LEFT_COHORT, "lib-l", new LibraryLeftCohort("lib-l", "cohort-1", "Lib",
                java.time.Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> token("lee@library.example", "outward").statusCode() == 401
                && token("lou@library.example", "outward").statusCode() == 401);

        publish(Events.LIBRARY_JOINED_COHORT, "lib-l", library("lib-l"));
        await().atMost(Duration.ofSeconds(30)).until(() -> token("lee@library.example", "outward").statusCode() == 200);
    }

    @Test
    void bootstrapStaffTakenOffTheRosterCannotSignIn() throws Exception {
        String email = "bo.boot@outward.example";
        assertThat(token(email, "outward").statusCode()).isEqualTo(200);
        publish(Events.MEMBER_ADDED, "s-bo", new MemberAdded("s-bo", email, "Bo", MemberAdded.ROLE_PROGRAM_STAFF, null,
                null, null));
        publish(Events.MEMBER_REMOVED, "s-bo", new MemberRemoved("s-bo", email, null, null, java.time.Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> token(email, "outward").statusCode() == 401);
    }

    @Test
    void theBootstrapStaffUserExistsBeforeAnyRosterEvent() throws Exception {
        HttpResponse<String> response = token("pat.rivera@outward.example", "outward");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("access_token");
    }

    @Test
    void wrongPasswordsAndUnknownUsersGetNoToken() throws Exception {
        assertThat(token("pat.rivera@outward.example", "guess").statusCode()).isEqualTo(401);
        HttpResponse<String> unknown = token("nobody@outward.example", "outward");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void browsersSignInWithAuthorizationCodeAndPkce() throws Exception {
        JsonNode discovery = json.readTree(http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(discovery.get("issuer").asString()).isEqualTo("http://localhost:" + port);
        assertThat(discovery.get("code_challenge_methods_supported").toString()).contains("S256");

        String authorize = "http://localhost:" + port + "/oauth2/authorize?response_type=code&client_id=outward-web"
                + "&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)
                + "&scope=openid&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(authorize))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    /**
     * The gateway's whole conversation with this provider over real HTTP: sign-in by form, code with PKCE redeemed
     * with the client secret, an ID token carrying the Outward claims, and RP-initiated logout that ends the
     * provider session and sends the browser to the registered home page.
     */
    @Test
    void theGatewaySignsInWithASecretAndPkceAndSignsOutAtTheProvider() throws Exception {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new java.net.CookieManager()).build();
        String base = "http://localhost:" + port;
        String verifier = "a-code-verifier-of-sufficient-length-0123456789-abcdefghij";
        String challenge = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = base + "/oauth2/authorize?response_type=code&client_id=outward-web&scope=openid%20profile%20email"
                + "&state=s1&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)
                + "&code_challenge=" + challenge + "&code_challenge_method=S256";

        assertThat(location(send(browser, get(authorize)))).isEqualTo(base + "/login");
        signIn(browser, base, "pat.rivera@outward.example");
        String callback = location(send(browser, get(authorize)));
        assertThat(callback).startsWith(REDIRECT + "?code=").contains("state=s1");
        String code = java.net.URLDecoder.decode(callback.replaceAll(".*[?&]code=([^&]*).*", "$1"), StandardCharsets.UTF_8);

        HttpResponse<String> withoutSecret = send(http, tokenRequest(code, verifier, "wrong-secret"));
        assertThat(withoutSecret.statusCode()).isEqualTo(401);
        HttpResponse<String> tokens = send(http, tokenRequest(code, verifier, SECRET));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode body = json.readTree(tokens.body());
        assertThat(body.get("refresh_token")).isNotNull();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(base + "/oauth2/jwks")
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        Jwt idToken = decoder.decode(body.get("id_token").asString());
        assertThat(idToken.getAudience()).containsExactly("outward-web");
        assertThat(idToken.getClaimAsStringList("roles")).containsExactly("program-staff");
        assertThat(idToken.getClaimAsString("email")).isEqualTo("pat.rivera@outward.example");
        assertThat(decoder.decode(body.get("access_token").asString()).getAudience()).containsExactly("outward-api");

        String logout = base + "/connect/logout?id_token_hint=" + idToken.getTokenValue()
                + "&post_logout_redirect_uri=" + URLEncoder.encode("http://localhost:8080/", StandardCharsets.UTF_8)
                + "&client_id=outward-web";
        assertThat(location(send(browser, get(logout)))).isEqualTo("http://localhost:8080/");
        // The provider session is over: the next authorization asks for the password again.
        assertThat(location(send(browser, get(authorize)))).isEqualTo(base + "/login");
    }

    private HttpRequest tokenRequest(String code, String verifier, String secret) {
        String form = "grant_type=authorization_code&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                + "&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + "&code_verifier=" + verifier;
        String basic = java.util.Base64.getEncoder().encodeToString(("outward-web:" + secret).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    /** The provider's form: GET it for its CSRF field, POST the dev password. */
    private void signIn(HttpClient browser, String base, String email) throws Exception {
        String page = send(browser, get(base + "/login")).body();
        String csrf = page.replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=outward&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpResponse<String> posted = send(browser, HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(location(posted)).doesNotContain("error");
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("(no Location, status " + response.statusCode() + ")");
    }
}
