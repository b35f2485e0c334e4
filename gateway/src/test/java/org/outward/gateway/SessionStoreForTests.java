package org.outward.gateway;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A MongoDB wire server (in memory) for the gateway's browser sessions, one per test JVM like the Spring contexts
 * that point at it.
 */
final class SessionStoreForTests {

    private static MongoServer server;
    private static String uri;

    private SessionStoreForTests() {
    }

    static synchronized String uri() {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            uri = server.bindAndGetConnectionString();
        }
        return uri;
    }

    static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", SessionStoreForTests::uri);
    }
}
