package org.outward.platform.test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One in-memory MongoDB wire server (mongo-java-server) per test JVM, reached over real TCP by the
 * real driver. Each caller of {@link #uniqueUri()} gets a database of its own, so test classes do not
 * see each other's data while sharing the server.
 */
public final class TestMongo {

    private static MongoServer server;
    private static InetSocketAddress address;

    private TestMongo() {
    }

    public static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            address = server.getLocalAddress();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "test-mongo-stop"));
        }
        return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
    }

    public static String uniqueUri() {
        return uri("test-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /**
     * Points a Spring test context at a fresh database of the shared server. Sets the database explicitly
     * too: a service's {@code spring.mongodb.database} would otherwise win over the URI's.
     */
    public static void register(DynamicPropertyRegistry registry) {
        String database = "test-" + UUID.randomUUID().toString().substring(0, 8);
        String uri = uri(database);
        registry.add("spring.mongodb.uri", () -> uri);
        registry.add("spring.mongodb.database", () -> database);
    }
}
