package org.outward.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.outward.contracts.Topics;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.platform.roster.RosterMirror;
import org.outward.platform.test.RosterEvents;
import org.outward.platform.test.TestRoster;
import org.outward.platform.test.TestMongo;
import org.outward.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What every service does with access tokens, checked against a tiny service built on the platform: only a
 * valid RS256 token of the right issuer and audience gets in, only while its bearer is on the roster (the
 * platform's roster mirror, kept from a real Kafka topic), and refusals are problem+json.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = ServiceSecurityTest.App.class,
        properties = "spring.application.name=security-test")
@EmbeddedKafka(partitions = 1)
class ServiceSecurityTest {

    @SpringBootApplication
    @RestController
    static class App {
        @GetMapping("/api/test/me")
        Map<String, Object> me(Caller caller) {
            return Map.of("subject", caller.subject(), "staff", caller.isStaff(),
                    "library", String.valueOf(caller.libraryId()));
        }

        @GetMapping("/api/test/staff-only")
        String staffOnly(Caller caller) {
            caller.requireStaff();
            return "ok";
        }

        record Body(@jakarta.validation.constraints.NotBlank String name) {
        }

        @org.springframework.web.bind.annotation.PostMapping("/api/test/staff-body")
        String staffBody(@StaffOnly Caller caller,
                @jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody Body body) {
            return body.name();
        }

        @GetMapping("/api/test/libraries/{id}")
        String library(Caller caller, @PathVariable String id) {
            caller.requireLibrary(id);
            return id;
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestMongo.register(registry);
        TestTokens.register(registry);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    RosterMirror mirror;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    EmbeddedKafkaBroker broker;

    private TestRoster roster;
    private RosterEvents events;

    @BeforeEach
    void roster() {
        roster = new TestRoster(mirror);
        events = new RosterEvents(kafka);
    }

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aValidTokenIdentifiesTheCaller() throws Exception {
        HttpResponse<String> response = get("/api/test/me", roster.member("lib-1", "c-1"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"library\":\"lib-1\"", "\"staff\":false");
    }

    @Test
    void theRosterNotTheTokenSaysWhichLibraryAMemberBelongsTo() throws Exception {
        roster.member("lib-true", "c-1");
        String claimsAnother = TestTokens.builder().email(TestTokens.memberEmail("lib-true").toUpperCase())
                .roles(Caller.MEMBER).library("lib-claimed").cohort("c-2").sign();

        HttpResponse<String> me = get("/api/test/me", claimsAnother);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"library\":\"lib-true\"");
        // The library the token claims is another library, which does not exist for this member (docs/api.md).
        assertThat(get("/api/test/libraries/lib-claimed", claimsAnother).statusCode()).isEqualTo(404);
        String claimsStaff = TestTokens.builder().email(TestTokens.memberEmail("lib-true")).roles(Caller.STAFF).sign();
        assertThat(get("/api/test/staff-only", claimsStaff).statusCode()).as("a member, says the roster").isEqualTo(403);
    }

    @Test
    void peopleTheRosterDoesNotKnowAreRefusedExceptStaffTheIdentityProviderVouchesFor() throws Exception {
        HttpResponse<String> stranger = get("/api/test/me", TestTokens.member("lib-unknown", "c-1"));
        assertForbidden(stranger, "not on the program's roster");

        roster.library("lib-known", "c-1");
        assertForbidden(get("/api/test/me", TestTokens.member("lib-known", "c-1")), "not on the program's roster");
        assertForbidden(get("/api/test/me", TestTokens.builder().email(null).roles(Caller.STAFF).sign()),
                "no email address");

        assertThat(get("/api/test/staff-only", TestTokens.staff()).statusCode()).isEqualTo(200);
    }

    @Test
    void aRemovedMembersUnexpiredTokenIsRefusedOnceTheRemovalArrivesAndAReAddedPersonIsBack() throws Exception {
        String token = roster.member("lib-gone", "c-1");
        assertThat(get("/api/test/me", token).statusCode()).isEqualTo(200);

        events.memberRemoved(TestRoster.memberId("lib-gone"), TestTokens.memberEmail("lib-gone"), "lib-gone", "c-1");

        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/test/me", token).statusCode() == 403);
        assertForbidden(get("/api/test/libraries/lib-gone", token), "no longer on the program's roster");

        events.memberAdded(new MemberAdded("readded", TestTokens.memberEmail("lib-gone"), "Back again",
                MemberAdded.ROLE_LIBRARY_MEMBER, "lib-gone", "c-1", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/test/me", token).statusCode() == 200);
    }

    @Test
    void aLibraryThatLeavesItsCohortTakesEveryMembersAccessWithIt() throws Exception {
        String first = roster.member("lib-leaving", "c-1");
        mirror.memberAdded(new MemberAdded("second", "second@lib-leaving.test", "Second",
                MemberAdded.ROLE_LIBRARY_MEMBER, "lib-leaving", "c-1", null), Instant.EPOCH);
        String second = TestTokens.builder().email("second@lib-leaving.test").roles(Caller.MEMBER)
                .library("lib-leaving").cohort("c-1").sign();
        String neighbour = roster.member("lib-staying", "c-1");
        assertThat(get("/api/test/me", first).statusCode()).isEqualTo(200);
        assertThat(get("/api/test/me", second).statusCode()).isEqualTo(200);

        events.libraryLeft("lib-leaving", "c-1");

        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/test/me", first).statusCode() == 403
                && get("/api/test/me", second).statusCode() == 403);
        assertForbidden(get("/api/test/me", second), "library is no longer in a cohort");
        assertThat(get("/api/test/me", neighbour).statusCode()).isEqualTo(200);
    }

    @Test
    void staffTakenOffTheRosterAreRefusedToo() throws Exception {
        String email = "removed-staff@outward.test";
        String token = TestTokens.builder().email(email).roles(Caller.STAFF).sign();
        events.memberAdded(new MemberAdded("staff-9", email, "Sam Staff", MemberAdded.ROLE_PROGRAM_STAFF, null, null,
                null));
        await().atMost(Duration.ofSeconds(30)).until(() -> mirror.standing(email).isActive());
        assertThat(get("/api/test/staff-only", token).statusCode()).isEqualTo(200);

        events.memberRemoved("staff-9", email, null, null);

        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/test/staff-only", token).statusCode() == 403);
        assertForbidden(get("/api/test/me", token), "no longer on the program's roster");
    }

    @Test
    void theRosterTopicIsCompactedSoANewMirrorLearnsTheWholeRoster() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            ConfigResource roster = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CATALOG_ROSTER);
            ConfigResource notes = new ConfigResource(ConfigResource.Type.TOPIC, Topics.NOTES_NOTES);
            var configs = admin.describeConfigs(List.of(roster, notes)).all().get();
            assertThat(configs.get(roster).get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
            assertThat(configs.get(notes).get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("delete");
        }
    }

    private static void assertForbidden(HttpResponse<String> response, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":403", "\"requestId\"", detail);
    }

    @Test
    void everyBadTokenIsRefusedWith401ProblemDetails() throws Exception {
        TestTokens.Builder valid = TestTokens.builder().roles(Caller.STAFF);
        List<String> bad = List.of(
                "",
                "not-a-jwt",
                TestTokens.builder().roles(Caller.STAFF).expiresAt(Instant.now().minusSeconds(300)).sign(),
                TestTokens.builder().roles(Caller.STAFF).issuer("http://someone-else.test").sign(),
                TestTokens.builder().roles(Caller.STAFF).audience("another-api").sign(),
                valid.forged(),
                valid.unsigned(),
                valid.hmacWithPublicKey());
        for (String token : bad) {
            HttpResponse<String> response = get("/api/test/me", token.isEmpty() ? null : token);
            assertThat(response.statusCode()).as(token).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    h -> assertThat(h).startsWith("Bearer"));
            assertThat(response.body()).contains("\"status\":401", "\"requestId\"").doesNotContain("Exception");
        }
    }

    @Test
    void membersAreKeptToTheirOwnLibraryAndOutOfStaffRoutes() throws Exception {
        String member = roster.member("lib-1", "c-1");

        assertThat(get("/api/test/libraries/lib-1", member).statusCode()).isEqualTo(200);
        // Another library's data does not exist for a member: the same 404 as for a library nobody has.
        HttpResponse<String> other = get("/api/test/libraries/lib-2", member);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).contains("\"status\":404", "Library lib-2 was not found");
        HttpResponse<String> unknown = get("/api/test/libraries/lib-nobody", member);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Library lib-nobody was not found");
        assertThat(get("/api/test/staff-only", member).statusCode()).isEqualTo(403);

        assertThat(get("/api/test/staff-only", TestTokens.staff()).statusCode()).isEqualTo(200);
        assertThat(get("/api/test/libraries/lib-2", TestTokens.staff()).statusCode()).isEqualTo(200);
    }

    @Test
    void aStaffOnlyRouteRefusesMembersBeforeLookingAtTheBody() throws Exception {
        HttpResponse<String> member = post("/api/test/staff-body", roster.member("lib-1", "c-1"), "{\"name\":\"\"}");
        assertThat(member.statusCode()).isEqualTo(403);
        assertThat(member.body()).doesNotContain("name");

        assertThat(post("/api/test/staff-body", TestTokens.staff(), "{\"name\":\"\"}").statusCode()).isEqualTo(400);
        assertThat(post("/api/test/staff-body", TestTokens.staff(), "{\"name\":\"Ann\"}").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> post(String path, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthProbesAndApiDocsNeedNoToken() throws Exception {
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        HttpResponse<String> docs = get("/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\"", "/api/test/me", "bearer");
    }
}
