package org.outward.stack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server (mongo-java-server) whose data lives in an H2 file, so it is kept between
 * runs. The H2 backend commits about once a second: a clean stop ({@link #close()}, run from the shutdown
 * hook after the services have stopped) commits everything; a {@code kill -9} may lose the last second.
 */
final class MongoWireServer implements AutoCloseable {

    private final MongoServer server;
    private final int port;
    private final Path file;

    MongoWireServer(Path dataDir, int port) throws IOException {
        Path dir = dataDir.resolve("mongo");
        Files.createDirectories(dir);
        this.file = dir.resolve("outward.mv");
        this.port = port;
        this.server = new MongoServer(new H2Backend(file.toString()));
    }

    void start() {
        server.bind("127.0.0.1", port);
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
