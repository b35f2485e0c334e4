package org.outward.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outward.platform.test.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Body size limits (declared and chunked), CORS for the configured origins only, security headers, and
 * the docs page over the services' specs; every refusal is a problem+json that never reached a service.
 */
class GatewayEdgeTest extends EdgeTestBase {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    private String staffBearer() {
        return "Bearer " + TestTokens.staff();
    }

    @Test
    void aDeclaredOversizeBodyIsRefusedBeforeAnythingIsForwarded() {
        int before = received();

        client.post().uri("/api/catalog/webinars")
                .header(HttpHeaders.AUTHORIZATION, staffBearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new byte[1025]) // standard limit: 1KB
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.detail").isEqualTo("The request body exceeds the limit of 1024 bytes for this path.")
                .jsonPath("$.requestId").isNotEmpty();

        assertThat(received()).isEqualTo(before);
    }

    @Test
    void notesUploadsHaveTheirOwnLargerLimit() {
        byte[] body = new byte[4000];
        Arrays.fill(body, (byte) 'n');
        client.post().uri("/api/notes")
                .header(HttpHeaders.AUTHORIZATION, staffBearer())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(body)
                .exchange()
                .expectStatus().isOk();
        assertThat(notes.last().body()).hasSize(4000);

        int before = received();
        client.post().uri("/api/notes")
                .header(HttpHeaders.AUTHORIZATION, staffBearer())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[8 * 1024 + 1])
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.detail").isEqualTo("The request body exceeds the limit of 8192 bytes for this path.");
        assertThat(received()).isEqualTo(before);
    }

    @Test
    void attendanceCsvUploadsHaveTheirOwnLimitAndOnlyThey() {
        String path = "/api/catalog/sessions/s-1/attendance/csv";
        client.post().uri(path)
                .header(HttpHeaders.AUTHORIZATION, staffBearer())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[3000]) // over the standard 1KB, within the attendance 4KB
                .exchange()
                .expectStatus().isOk();
        int before = received();
        client.post().uri(path + "/preview")
                .header(HttpHeaders.AUTHORIZATION, staffBearer())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[4 * 1024 + 1])
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.detail").isEqualTo("The request body exceeds the limit of 4096 bytes for this path.");
        client.post().uri("/api/catalog/sessions/s-1/registrations")
                .header(HttpHeaders.AUTHORIZATION, staffBearer())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[3000])
                .exchange()
                .expectStatus().isEqualTo(413);
        assertThat(received()).isEqualTo(before);
    }

    @Test
    void aChunkedOversizeBodyIsCutOffWhileStreaming() throws Exception {
        int before = received();
        byte[] body = new byte[64 * 1024];
        Arrays.fill(body, (byte) 'x');
        // An InputStream publisher has no length: sent with Transfer-Encoding: chunked.
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/notes/libraries/l-1/notes"))
                .header(HttpHeaders.AUTHORIZATION, staffBearer())
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_OCTET_STREAM_VALUE)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("the gateway should answer 413, not drop the connection", e);
        }

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":413", "8192 bytes");
        // The service never got a complete request (its connection was aborted mid-body).
        assertThat(received()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyUnderTheLimitIsStreamedThrough() throws Exception {
        byte[] body = "chunked but small".getBytes();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/notes/libraries/l-2/notes"))
                .header(HttpHeaders.AUTHORIZATION, staffBearer())
                .header(HttpHeaders.CONTENT_TYPE, "text/plain")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(notes.last().body()).isEqualTo("chunked but small");
    }

    @Test
    void aPreflightFromTheWebClientIsAllowedWithoutToken() {
        client.options().uri("/api/catalog/webinars")
                .header(HttpHeaders.ORIGIN, "https://web.outward.test")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://web.outward.test")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods).contains("POST"));
    }

    @Test
    void aPreflightFromAnotherOriginIsA403Problem() {
        int before = received();
        client.options().uri("/api/catalog/webinars")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
        assertThat(received()).isEqualTo(before);
    }

    @Test
    void aCrossOriginWriteFromAnotherOriginIsRefusedEvenWithAToken() {
        int before = received();
        client.post().uri("/api/catalog/webinars")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.AUTHORIZATION, staffBearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(received()).isEqualTo(before);
    }

    @Test
    void anAllowedOriginGetsTheCorsHeadersOnTheActualResponse() {
        client.get().uri("/api/catalog/webinars")
                .header(HttpHeaders.ORIGIN, "http://localhost:5173")
                .header(HttpHeaders.AUTHORIZATION, staffBearer())
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        exposed -> assertThat(exposed).containsIgnoringCase("X-Request-Id"));
    }

    @Test
    void securityHeadersOnProxiedResponsesAndRefusals() {
        for (var spec : new org.springframework.test.web.reactive.server.WebTestClient.RequestHeadersSpec<?>[] {
            client.get().uri("/api/catalog/webinars").header(HttpHeaders.AUTHORIZATION, staffBearer()),
            client.get().uri("/api/catalog/webinars"),
            client.method(HttpMethod.GET).uri("/api/nowhere").header(HttpHeaders.AUTHORIZATION, staffBearer())}) {
            spec.exchange()
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY")
                    .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                    .expectHeader().value(HttpHeaders.CACHE_CONTROL, cache -> assertThat(cache).contains("no-store"))
                    // Plain HTTP here: HSTS is only sent over https.
                    .expectHeader().doesNotExist("Strict-Transport-Security");
        }
    }

    @Test
    void theDocsPageListsEveryServiceWithoutToken() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/docs")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).containsIgnoringCase("swagger-ui");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'"));

        HttpResponse<String> config = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/docs/config/swagger-config")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("/api/docs/catalog", "/api/docs/notes", "/api/docs/notifications");
    }

    @Test
    void aSpecRouteForwardsToTheServicesApiDocs() {
        for (var service : services.entrySet()) {
            EntityExchangeResult<byte[]> result = client.get().uri("/api/docs/" + service.getKey())
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("X-Served-By", service.getKey())
                    .expectBody().returnResult();
            assertThat(result.getResponseHeaders().getFirst("X-Seen-Uri")).isEqualTo("/v3/api-docs");
            assertThat(service.getValue().last().uri()).isEqualTo("/v3/api-docs");
        }
    }

    @Test
    void manyConcurrentCallsOnOneRouteAllGetThrough() {
        // Regression: Spring Cloud CircuitBreaker's default bulkhead refused calls past 25 in flight with 500.
        // The fake service answers after 100 ms with 4 threads, so all 40 calls are in flight at once.
        WebClient web = WebClient.create("http://localhost:" + port);
        String bearer = staffBearer();
        List<Integer> statuses = Flux.range(0, 40)
                .flatMap(i -> web.get().uri("/api/catalog/concurrent/" + i + "/delay")
                        .header(HttpHeaders.AUTHORIZATION, bearer)
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), 40)
                .collectList()
                .block(Duration.ofSeconds(60));
        assertThat(statuses).hasSize(40).containsOnly(200);
    }
}
