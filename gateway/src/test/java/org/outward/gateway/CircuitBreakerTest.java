package org.outward.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outward.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A route whose service keeps failing opens its circuit breaker: from then on callers get a 503
 * problem+json at once, without the gateway even trying the service; the other routes are unaffected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "outward.gateway.roster.enabled=false", // no broker here; GatewayRosterTest covers the roster
    "outward.gateway.circuit-breaker.sliding-window=4",
    "outward.gateway.circuit-breaker.minimum-calls=4",
    "outward.gateway.circuit-breaker.open-for=5m",
    "spring.cloud.gateway.server.webflux.httpclient.response-timeout=300ms"
})
@AutoConfigureWebTestClient
class CircuitBreakerTest {

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

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory breakers;

    @BeforeEach
    void signIn() {
        client = client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff()).build();
    }

    @Test
    void aServiceThatIsDownOpensItsRoutesBreakerAndCallersGet503AtOnce() {
        for (int i = 0; i < 4; i++) {
            client.get().uri("/api/catalog/webinars")
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.detail").value(String.class, detail ->
                            assertThat(detail).startsWith("The service handling this request is not reachable"));
        }
        assertThat(breaker("catalog").getState()).isEqualTo(CircuitBreaker.State.OPEN);

        client.post().uri("/api/catalog/webinars")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Service unavailable")
                .jsonPath("$.instance").isEqualTo("/api/catalog/webinars")
                .jsonPath("$.requestId").isNotEmpty()
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("given a moment to recover"));
        assertThat(breaker("catalog").getMetrics().getNumberOfNotPermittedCalls()).isEqualTo(1);

        client.get().uri("/api/notifications/deliveries").exchange().expectStatus().isOk();
        assertThat(breaker("notifications").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aServiceThatHangsOpensItsBreakerAndIsThenNoLongerCalled() {
        for (int i = 0; i < 4; i++) {
            client.get().uri("/api/notes/cohorts/c-" + i + "/slow").exchange().expectStatus().isEqualTo(504);
        }
        // The gateway gives up after 300 ms; on a loaded machine the last request may reach the service after that.
        await().atMost(Duration.ofSeconds(30)).until(() -> slowNotes.count() == 4);
        int reached = slowNotes.count();
        assertThat(breaker("notes").getState()).isEqualTo(CircuitBreaker.State.OPEN);

        client.get().uri("/api/notes/cohorts/c-9/slow")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("recover"));
        // Not even tried: the service saw no new request.
        assertThat(slowNotes.last().uri()).isNotEqualTo("/api/notes/cohorts/c-9/slow");
        assertThat(slowNotes.count()).isEqualTo(reached);
    }

    private CircuitBreaker breaker(String name) {
        return breakers.getCircuitBreakerRegistry().circuitBreaker(name);
    }
}
