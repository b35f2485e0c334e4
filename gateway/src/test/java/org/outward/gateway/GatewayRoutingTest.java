package org.outward.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.outward.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.outward.gateway.errors.ProblemErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway (the context shared with the other edge tests) in front of three real (tiny) services, over real HTTP: routing per prefix with path,
 * query and body unchanged, X-Request-Id handling, problem+json for unknown paths, and downstream
 * problems passing through untouched.
 */
class GatewayRoutingTest extends EdgeTestBase {

    @BeforeEach
    void signIn() {
        client = client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff()).build();
    }

    @Autowired
    ApplicationContext context;

    @ParameterizedTest
    @CsvSource({
        "catalog, /api/catalog/cohorts/c-1/libraries?status=active&q=a%20b",
        "notes, /api/notes/notes/n-1?page=2",
        "notifications, /api/notifications/preferences/m-9",
        "catalog, /api/catalog"
    })
    void forwardsEachPrefixToItsServiceWithPathQueryAndBodyUnchanged(String service, String uri) {
        String body = "{\"title\":\"Caf\u00e9 conversations\",\"n\":1}";

        EntityExchangeResult<byte[]> result = client.post().uri(URI.create("http://localhost:" + port + uri)) // as is: no re-encoding of %20
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body.getBytes(StandardCharsets.UTF_8))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Served-By", service)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().returnResult();

        assertThat(new String(result.getResponseBody(), StandardCharsets.UTF_8)).isEqualTo(body);
        Downstream.Received received = services.get(service).last();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.uri()).isEqualTo(uri);
        assertThat(received.body()).isEqualTo(body);
    }

    @Test
    void getIsForwardedToo() {
        client.get().uri("/api/notes/cohorts/c-7/notes")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Served-By", "notes")
                .expectHeader().valueEquals("X-Seen-Uri", "/api/notes/cohorts/c-7/notes");
        assertThat(notes.last().method()).isEqualTo("GET");
    }

    @Test
    void keepsAWellFormedRequestIdPassesItDownstreamAndReturnsItOnce() {
        String requestId = "web-1a2B.3:c_d-e";

        EntityExchangeResult<byte[]> result = client.get().uri("/api/catalog/webinars")
                .header("X-Request-Id", requestId)
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();

        assertThat(catalog.last().requestIds()).containsExactly(requestId);
        // The service echoes the id as well; the caller must still see it exactly once.
        assertThat(result.getResponseHeaders().get("X-Request-Id")).containsExactly(requestId);
    }

    @Test
    void generatesARequestIdWhenNoneIsGiven() {
        EntityExchangeResult<byte[]> result = client.get().uri("/api/notifications/deliveries")
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();

        List<String> received = notifications.last().requestIds();
        assertThat(received).hasSize(1);
        assertThat(UUID.fromString(received.get(0))).isNotNull();
        assertThat(result.getResponseHeaders().get("X-Request-Id")).containsExactly(received.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"has spaces", "semi;colon", "quote\"d", "too-long-0123456789012345678901234567890123456789"
            + "012345678901234567890123456789012345678901234567890123456789012345678901234567890"})
    void replacesAMalformedRequestId(String malformed) {
        EntityExchangeResult<byte[]> result = client.get().uri("/api/notes/health-of-notes")
                .header("X-Request-Id", malformed)
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();

        List<String> received = notes.last().requestIds();
        assertThat(received).hasSize(1).doesNotContain(malformed);
        assertThat(UUID.fromString(received.get(0))).isNotNull();
        assertThat(result.getResponseHeaders().get("X-Request-Id")).containsExactly(received.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/unknown/things", "/nowhere", "/api/catalogue/webinars", "/"})
    void unknownPathIsA404Problem(String path) {
        String requestId = "unknown-path-" + Math.abs(path.hashCode());

        EntityExchangeResult<byte[]> result = client.get().uri(path)
                .header("X-Request-Id", requestId)
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Request-Id", requestId)
                .expectBody()
                .jsonPath("$.type").isEqualTo("about:blank")
                .jsonPath("$.title").isEqualTo("Not found")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.instance").isEqualTo(path)
                .jsonPath("$.requestId").isEqualTo(requestId)
                .returnResult();

        String body = new String(result.getResponseBody(), StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("trace", "exception", "Whitelabel", "\"error\"");
        services.values().forEach(service ->
                assertThat(service.last() == null ? "" : service.last().uri()).isNotEqualTo(path));
    }

    @Test
    void aProblemFromAServicePassesThroughUnchanged() {
        EntityExchangeResult<byte[]> result = client.post().uri("/api/catalog/cohorts/c1/problem")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"libraryId\":\"l-1\"}")
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Served-By", "catalog")
                .expectBody().returnResult();

        assertThat(new String(result.getResponseBody(), StandardCharsets.UTF_8)).isEqualTo(Downstream.PROBLEM_BODY);
    }

    @Test
    void readinessProbeIsServedByTheGatewayItself() {
        client.get().uri("/actuator/health/readiness")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().exists("X-Request-Id")
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/liveness")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void frameworkErrorsOfTheGatewayItselfAreProblemsToo() {
        client.post().uri("/actuator/health/readiness")
                .exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(405)
                .jsonPath("$.requestId").isNotEmpty();
    }

    @Test
    void bootsDefaultErrorHandlerIsReplaced() {
        assertThat(context.getBeansOfType(ErrorWebExceptionHandler.class).values())
                .singleElement().isInstanceOf(ProblemErrorHandler.class);
    }

    @Test
    void gatewayErrorsAreNeverCached() {
        client.get().uri("/api/nothing-here")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
