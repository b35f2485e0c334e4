package org.outward.stack.mongo;

import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.h2.mvstore.MVStore;

/**
 * The MongoDB wire server of the local stack as a process of its own, so that it can be killed alone (like the
 * Kafka broker) and its data outlives the launcher. Arguments: the H2 file, the port, and optionally
 * {@code autocommit} to keep H2's once-a-second commit instead of committing every write (only for measuring).
 * Prints {@value #READY} when it listens; SIGTERM closes the store cleanly.
 */
public final class MongoWireServerMain {

    public static final String READY = "mongo wire server ready";

    private MongoWireServerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: MongoWireServerMain <h2-file> <port> [autocommit]");
            System.exit(2);
        }
        Path file = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        boolean commitEveryWrite = args.length < 3 || !args[2].equals("autocommit");
        Files.createDirectories(file.getParent());
        MongoServer server = start(file, "127.0.0.1", port, commitEveryWrite);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow(); // closes the backend, which commits and closes the MVStore
            stopped.countDown();
        }, "mongo-stop"));
        System.out.println(READY + " on 127.0.0.1:" + port + " (" + file + ", "
                + (commitEveryWrite ? "commit every write" : "H2 autocommit") + ")");
        System.out.flush();
        stopped.await();
    }

    /** Opens the store and binds; also used in-process by the durability benchmark. */
    public static MongoServer start(Path file, String host, int port, boolean commitEveryWrite) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        MongoServer server = new MongoServer(new CommittingH2Backend(store, commitEveryWrite));
        server.bind(host, port);
        return server;
    }
}
