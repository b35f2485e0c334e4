package org.outward.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outward.stack.mongo.MongoWireServerMain;

/**
 * What committing the H2 store after every write (so that an acknowledged write survives {@code kill -9}) costs in
 * write throughput, against H2's own once-a-second commit: the same workloads on two servers, each on a file of its
 * own, alternated round by round in one run, with a read that writes nothing as the control (its ratio should be
 * about 1). Writes target/bench-mongo-durability.txt. No timed assertion.
 */
@Tag("bench")
class MongoDurabilityBenchTest {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int DOCS = Integer.getInteger("bench.docs", 2_000);
    private static final String BODY = "x".repeat(1_000);

    @Test
    void commitEveryWriteAgainstAutocommit() throws Exception {
        Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();
        Path dir = Files.createTempDirectory("outward-mongo-bench");
        try (Server autocommit = new Server(dir.resolve("autocommit.mv"), false);
                Server everyWrite = new Server(dir.resolve("every-write.mv"), true)) {
            for (int round = 0; round < ROUNDS; round++) {
                for (Server server : round % 2 == 0 ? List.of(autocommit, everyWrite) : List.of(everyWrite, autocommit)) {
                    Map<String, List<Double>> mine = results.computeIfAbsent(server.name(), n -> new LinkedHashMap<>());
                    MongoCollection<Document> docs = server.collection("round" + round);
                    mine.computeIfAbsent("insert, 1 writer", k -> new ArrayList<>()).add(inserts(docs, 1));
                    mine.computeIfAbsent("insert, 4 writers", k -> new ArrayList<>()).add(inserts(docs, 4));
                    mine.computeIfAbsent("update by _id, 1 writer", k -> new ArrayList<>()).add(updates(docs));
                    // The control: a cheap command that writes nothing must cost the same on both servers.
                    mine.computeIfAbsent("find by _id (no write)", k -> new ArrayList<>()).add(reads(docs));
                    assertThat(docs.countDocuments()).isEqualTo(DOCS * 2L);
                }
            }
        }
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, """
                MongoDB wire server (mongo-java-server 1.47.0, H2 MVStore file): write throughput
                  %d rounds, alternating; %d documents of 1 KB per workload and round; median of the rounds
                  JVM: %s, %d cores

                """, ROUNDS, DOCS, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors()));
        report.append(String.format(Locale.ROOT, "  %-26s %14s %18s %8s %16s%n", "workload", "autocommit/s",
                "commit-per-write/s", "ratio", "added ms/command"));
        Map<String, List<Double>> auto = results.get("autocommit");
        Map<String, List<Double>> every = results.get("commit-per-write");
        for (String workload : auto.keySet()) {
            double a = median(auto.get(workload));
            double e = median(every.get(workload));
            report.append(String.format(Locale.ROOT, "  %-26s %14.0f %18.0f %8.2f %16.3f%n", workload, a, e, e / a,
                    1000 / e - 1000 / a));
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "bench-mongo-durability.txt"), report.toString());
    }

    private static double inserts(MongoCollection<Document> docs, int writers) throws Exception {
        String prefix = writers + "w-";
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                for (int i = writer; i < DOCS; i += writers) {
                    docs.insertOne(new Document("_id", prefix + i).append("n", i).append("body", BODY));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return DOCS / seconds;
    }

    private static double updates(MongoCollection<Document> docs) {
        long start = System.nanoTime();
        for (int i = 0; i < DOCS; i++) {
            docs.updateOne(Filters.eq("_id", "1w-" + i), Updates.set("n", -i));
        }
        return DOCS / ((System.nanoTime() - start) / 1e9);
    }

    private static double reads(MongoCollection<Document> docs) {
        long start = System.nanoTime();
        for (int i = 0; i < DOCS; i++) {
            assertThat(docs.find(Filters.eq("_id", "1w-" + i)).first()).isNotNull();
        }
        return DOCS / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static final class Server implements AutoCloseable {
        private final MongoServer server;
        private final MongoClient client;
        private final boolean commitEveryWrite;

        Server(Path file, boolean commitEveryWrite) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            this.commitEveryWrite = commitEveryWrite;
            this.server = MongoWireServerMain.start(file, "127.0.0.1", port, commitEveryWrite);
            this.client = MongoClients.create("mongodb://127.0.0.1:" + port);
        }

        String name() {
            return commitEveryWrite ? "commit-per-write" : "autocommit";
        }

        MongoCollection<Document> collection(String name) {
            return client.getDatabase("bench").getCollection(name);
        }

        @Override
        public void close() {
            client.close();
            server.shutdownNow();
        }
    }

}
