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
 * (one request per 20 s) that no refill happens during the test. 127.0.0.10 plays a trusted proxy (a load
 * balancer in front of the gateway): the per-IP limit keys on the address it forwards, and only on its.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "outward.gateway.roster.enabled=false", // no broker here; GatewayRosterTest covers the roster
    "outward.gateway.rate-limit.per-user.requests-per-second=0.05",
    "outward.gateway.rate-limit.per-user.burst=3",
    "outward.gateway.rate-limit.per-ip.requests-per-second=0.05",
    "outward.gateway.rate-limit.per-ip.burst=12",
    "outward.proxy.trusted=127.0.0.10"
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

    static final String PROXY = "127.0.0.10";

    private WebTestClient from(String localAddress) {
        HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress(localAddress, 0));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(30)) // the default 5 s is short on a busy machine
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

    /** A bearer token of its own user, so the per-user limit never interferes. */
    private static String anyone() {
        return "Bearer " + TestTokens.builder().subject("c-" + java.util.UUID.randomUUID()).sign();
    }

    /** Requests until the per-IP limit refuses one; new token subjects each time, so only that limit applies. */
    private int floodUntilRefused(WebTestClient client, java.util.function.Supplier<String> forwardedFor) {
        for (int i = 0; i < 30; i++) {
            int status = client.get().uri("/api/catalog/webinars")
                    .header(HttpHeaders.AUTHORIZATION, anyone())
                    .header("X-Forwarded-For", forwardedFor.get())
                    .exchange().returnResult(byte[].class).getStatus().value();
            if (status == 429) {
                return i;
            }
            assertThat(status).isEqualTo(200);
        }
        return -1;
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnBucket() {
        WebTestClient proxy = from(PROXY);
        // 12 is the burst; on a slow machine a refill (one per 20 s) may add one or two.
        assertThat(floodUntilRefused(proxy, () -> "198.51.100.1")).isGreaterThanOrEqualTo(12);

        // Another client behind the same proxy is not affected ...
        proxy.get().uri("/api/catalog/webinars").header(HttpHeaders.AUTHORIZATION, anyone())
                .header("X-Forwarded-For", "198.51.100.2").exchange().expectStatus().isOk();
        // ... and the service is told who the client is, as the one address.
        assertThat(catalog.last().header("X-Forwarded-For")).containsExactly("198.51.100.2");
        assertThat(catalog.last().header("Forwarded")).containsExactly("for=198.51.100.2");
        // Whatever the client put left of what the proxy appended is neither believed nor passed on.
        proxy.get().uri("/api/catalog/webinars").header(HttpHeaders.AUTHORIZATION, anyone())
                .header("X-Forwarded-For", "198.51.100.1, 198.51.100.3").exchange().expectStatus().isOk();
        assertThat(catalog.last().header("X-Forwarded-For")).containsExactly("198.51.100.3");
    }

    @Test
    void aClientThatIsNotATrustedProxyCannotChooseItsBucketOrTellTheServicesAnotherAddress() {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        WebTestClient spoofer = from("127.0.0.11");
        // A new address in the header every time: were it believed, the flood would never be refused.
        assertThat(floodUntilRefused(spoofer, () -> "203.0.113." + n.incrementAndGet())).isGreaterThanOrEqualTo(12);

        from("127.0.0.12").get().uri("/api/catalog/webinars")
                .header(HttpHeaders.AUTHORIZATION, anyone())
                .header("X-Forwarded-For", "203.0.113.99").header("Forwarded", "for=203.0.113.99")
                .header("X-Forwarded-Host", "evil.example")
                .exchange().expectStatus().isOk();
        assertThat(catalog.last().header("X-Forwarded-For")).containsExactly("127.0.0.12");
        assertThat(catalog.last().header("Forwarded")).containsExactly("for=127.0.0.12");
        assertThat(catalog.last().header("X-Forwarded-Host")).isEmpty();
    }

    @Test
    void callersWithoutTokenOnPublicPathsAreNotLimitedAsOneAnonymousUser() {
        // More calls than the per-user burst (3), each from its own address: only per-IP limits apply.
        for (int i = 4; i <= 9; i++) {
            from("127.0.0." + i).get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        }
    }
}
