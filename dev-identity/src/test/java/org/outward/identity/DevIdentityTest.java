package org.outward.identity;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.outward.contracts.catalog.MemberAdded;
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

/** The dev provider mirrors the roster from Kafka and issues tokens its JWKS verifies, with the Outward claims. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@EmbeddedKafka(partitions = 1, topics = Topics.CATALOG_ROSTER)
class DevIdentityTest {

    // The issuer names the port, so the port must be known before the context starts.
    private static final int port = freePort();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> port);
        registry.add("outward.identity.issuer", () -> "http://localhost:" + port);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    KafkaTemplate<String, String> kafka;

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
        EventCodec codec = new EventCodec();
        MemberAdded added = new MemberAdded("m-9", "Robin@Library.example", "Robin", MemberAdded.ROLE_LIBRARY_MEMBER,
                "lib-9", "cohort-1", "Lead");
        kafka.send(new ProducerRecord<>(Topics.CATALOG_ROSTER, "m-9",
                codec.encode(codec.envelope(Events.MEMBER_ADDED, "catalog-service", "m-9", null, added))));

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
                + "&redirect_uri=" + URLEncoder.encode("http://localhost:5173/callback", StandardCharsets.UTF_8)
                + "&scope=openid&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(authorize))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }
}
