package org.outward.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.outward.platform.test.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * A flood from one client gets 429 problem+json with Retry-After while other clients still get through:
 * per user (same IP, other token) and per client IP (real connections from distinct loopback addresses,
 * 127.0.0.2 and 127.0.0.3, which Linux routes to this machine). Tight limits, refilled slowly enough
 * (one request per 20 s) that no refill happens during the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "outward.gateway.roster.enabled=false", // no broker here; GatewayRosterTest covers the roster
    "outward.gateway.rate-limit.per-user.requests-per-second=0.05",
    "outward.gateway.rate-limit.per-user.burst=3",
    "outward.gateway.rate-limit.per-ip.requests-per-second=0.05",
    "outward.gateway.rate-limit.per-ip.burst=12"
})
class RateLimitTest {

    static final Downstream catalog = new Downstream("catalog");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
        registry.add("CATALOG_URL", catalog::url);
        registry.add("NOTES_URL", Downstream::closedUrl);
        registry.add("NOTIFICATION_URL", Downstream::closedUrl);
    }

    @AfterAll
    static void stop() {
        catalog.close();
    }

    @LocalServerPort
    int port;

    private WebTestClient from(String localAddress) {
        HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress(localAddress, 0));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
                .baseUrl("http://127.0.0.1:" + port)
                .build();
    }

    @Test
    void oneUserFloodingIsLimitedWhileAnotherUserStillGetsThrough() {
        WebTestClient client = from("127.0.0.1");
        String flooder = TestTokens.builder().subject("flooder").roles("library-member").library("l-1").cohort("c-1").sign();
        String other = TestTokens.builder().subject("patient").roles("library-member").library("l-2").cohort("c-1").sign();

        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/catalog/webinars").header(HttpHeaders.AUTHORIZATION, "Bearer " + flooder)
                    .exchange().expectStatus().isOk();
        }
        int before = catalog.count();
        EntityExchangeResult<byte[]> refused = client.get().uri("/api/catalog/webinars")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + flooder)
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.title").isEqualTo("Too many requests")
                .jsonPath("$.requestId").isNotEmpty()
                .returnResult();
        assertThat(Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 20L);
        assertThat(catalog.count()).isEqualTo(before);

        // Same address, another user: not affected.
        client.get().uri("/api/catalog/webinars").header(HttpHeaders.AUTHORIZATION, "Bearer " + other)
                .exchange().expectStatus().isOk();
        assertThat(catalog.count()).isEqualTo(before + 1);
    }

    @Test
    void oneAddressFloodingIsLimitedEvenWithoutTokensWhileAnotherAddressStillGetsThrough() {
        WebTestClient flooder = from("127.0.0.2");
        int refusedAt = -1;
        for (int i = 0; i < 30 && refusedAt < 0; i++) {
            // New subjects each time: only the per-IP limit can stop these.
            int status = flooder.get().uri("/api/catalog/webinars")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.builder().subject("u-" + i).sign())
                    .exchange().returnResult(byte[].class).getStatus().value();
            if (status == 429) {
                refusedAt = i;
            } else {
                assertThat(status).isEqualTo(200);
            }
        }
        assertThat(refusedAt).isEqualTo(12);

        // Junk without a token is refused before token checking, too.
        flooder.get().uri("/api/catalog/webinars").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER);

        from("127.0.0.3").get().uri("/api/catalog/webinars")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff())
                .exchange().expectStatus().isOk();
        from("127.0.0.3").get().uri("/api/catalog/webinars").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void callersWithoutTokenOnPublicPathsAreNotLimitedAsOneAnonymousUser() {
        // More calls than the per-user burst (3), each from its own address: only per-IP limits apply.
        for (int i = 4; i <= 9; i++) {
            from("127.0.0." + i).get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        }
    }
}
