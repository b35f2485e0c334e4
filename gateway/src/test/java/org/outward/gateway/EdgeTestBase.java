package org.outward.gateway;

import java.util.Map;
import org.outward.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One gateway (one Spring context, shared by the subclasses) in front of three fake services, trusting
 * {@link TestTokens}, following the roster topic of an in-process Kafka broker, with a session store (MongoDB wire
 * server) and a fake provider token endpoint for browser sessions, with small body limits so oversize bodies are
 * cheap to send. Rate limits stay generous here: {@link RateLimitTest} has its own gateway with tight ones. The
 * fake services live as long as the JVM, like the cached context that points at them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "outward.gateway.max-body.standard=1KB",
    "outward.gateway.max-body.notes=8KB",
    "outward.gateway.max-body.attendance=4KB",
    "outward.gateway.cors.allowed-origins=https://web.outward.test,http://localhost:5173",
    "outward.gateway.rate-limit.per-ip.requests-per-second=1000",
    "outward.gateway.rate-limit.per-ip.burst=2000"
})
@AutoConfigureWebTestClient
@EmbeddedKafka(partitions = 1)
abstract class EdgeTestBase {

    static final Downstream catalog = new Downstream("catalog");
    static final Downstream notes = new Downstream("notes");
    static final Downstream notifications = new Downstream("notifications");
    static final Map<String, Downstream> services = Map.of(
            "catalog", catalog, "notes", notes, "notifications", notifications);
    /** The identity provider's token endpoint, for refreshing browser sessions' access tokens. */
    static final TokenEndpoint tokenEndpoint = new TokenEndpoint();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
        registry.add("CATALOG_URL", catalog::url);
        registry.add("NOTES_URL", notes::url);
        registry.add("NOTIFICATION_URL", notifications::url);
        SessionStoreForTests.register(registry);
        registry.add("outward.sign-in.provider.token-uri", tokenEndpoint::url);
    }

    @Autowired
    WebTestClient client;

    @LocalServerPort
    int port;

    static int received() {
        return services.values().stream().mapToInt(Downstream::count).sum();
    }
}
