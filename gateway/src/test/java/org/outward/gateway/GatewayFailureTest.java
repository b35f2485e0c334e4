package org.outward.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.outward.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Services that are down or too slow: the caller gets a problem+json from the gateway (503 / 504)
 * carrying the request id, and nothing about hosts, ports or exceptions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s",
            "outward.gateway.roster.enabled=false"}) // no broker here; GatewayRosterTest covers the roster
@AutoConfigureWebTestClient
class GatewayFailureTest {

    static final String closedUrl = Downstream.closedUrl();
    static final Downstream slowNotes = new Downstream("notes");
    static final Downstream notifications = new Downstream("notifications");

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
        registry.add("CATALOG_URL", () -> closedUrl);
        registry.add("NOTES_URL", slowNotes::url);
        registry.add("NOTIFICATION_URL", notifications::url);
    }

    @AfterAll
    static void stopServices() {
        slowNotes.close();
        notifications.close();
    }

    @Autowired
    WebTestClient client;

    @BeforeEach
    void signIn() {
        client = client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff()).build();
    }

    @Test
    void serviceDownIsA503Problem() {
        String requestId = "down-" + UUID.randomUUID();

        EntityExchangeResult<byte[]> result = client.post().uri("/api/catalog/webinars")
                .header("X-Request-Id", requestId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"x\"}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Request-Id", requestId)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Service unavailable")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.instance").isEqualTo("/api/catalog/webinars")
                .jsonPath("$.requestId").isEqualTo(requestId)
                .returnResult();

        String body = new String(result.getResponseBody(), StandardCharsets.UTF_8);
        String port = closedUrl.substring(closedUrl.lastIndexOf(':') + 1);
        assertThat(body).doesNotContain("127.0.0.1", port, "Exception", "refused", "trace");
    }

    @Test
    void serviceTooSlowIsA504Problem() {
        client.get().uri("/api/notes/cohorts/c-1/slow")
                .exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Gateway timeout")
                .jsonPath("$.status").isEqualTo(504)
                .jsonPath("$.requestId").isNotEmpty();
        assertThat(slowNotes.last().uri()).isEqualTo("/api/notes/cohorts/c-1/slow");
    }

    @Test
    void otherRoutesKeepWorkingWhileOneServiceIsDown() {
        client.get().uri("/api/catalog/webinars").exchange().expectStatus().isEqualTo(503);
        client.get().uri("/api/notifications/preferences/m-1")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Served-By", "notifications");
    }
}
