package org.outward.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.outward.stack.mongo.MongoWireServerMain;

/**
 * The MongoDB wire-protocol server (mongo-java-server) as a process of its own ({@link MongoWireServerMain}),
 * its data in an H2 file kept between runs. Every write is committed to the file before it is acknowledged, so
 * a {@code kill -9} of that process loses nothing that was acknowledged (see {@code CommittingH2Backend}); the
 * fault tests kill it with {@link #kill()} and start it again on the same file.
 */
final class MongoWireServer implements AutoCloseable {

    private final StackConfig config;
    private final Path file;
    private ManagedProcess process;

    MongoWireServer(StackConfig config) throws IOException {
        Path dir = config.dataDir().resolve("mongo");
        Files.createDirectories(dir);
        this.config = config;
        this.file = dir.resolve("outward.mv");
    }

    void start() throws IOException, InterruptedException {
        process = ManagedProcess.start("mongo", List.of(ManagedProcess.javaBinary(), "-Xms64m", "-Xmx512m",
                        "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                        MongoWireServerMain.class.getName(), file.toString(), String.valueOf(config.mongoPort())),
                Map.of(), config.dataDir().resolve("logs"));
        awaitListening(Duration.ofSeconds(60));
    }

    private void awaitListening(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the MongoDB wire server exited during start:\n" + process.tail(40));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", config.mongoPort()), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the MongoDB wire server did not listen within " + timeout + ":\n"
                + process.tail(40));
    }

    /** {@code kill -9}: what was acknowledged must be in the file. */
    void kill() {
        process.kill();
    }

    Path file() {
        return file;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
        }
    }
}
