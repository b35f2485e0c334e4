package org.outward.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The local stack's MongoDB wire server is a process of its own; an acknowledged write must survive a
 * {@code kill -9} of it. Writers insert and update as fast as they can; the server is killed while they do; after a
 * restart on the same file every acknowledged insert is there with its acknowledged update.
 */
class MongoWireServerKillIT {

    @Test
    void everyAcknowledgedWriteSurvivesKillNine() throws Exception {
        Path root = Path.of(System.getProperty("outward.root", "..")).toAbsolutePath().normalize();
        StackConfig config = StackConfig.forTests(root, Files.createTempDirectory("outward-mongo-kill"));
        MongoWireServer server = new MongoWireServer(config);
        server.start();
        List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger updated = new AtomicInteger();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + config.mongoPort()
                + "/?serverSelectionTimeoutMS=2000&connectTimeoutMS=1000&socketTimeoutMS=3000")) {
            MongoCollection<Document> notes = client.getDatabase("durability").getCollection("notes");
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                running.add(writers.submit(() -> {
                    for (int i = 0; ; i++) {
                        String id = writer + "-" + i;
                        try {
                            notes.insertOne(new Document("_id", id).append("n", i).append("body", "x".repeat(500)));
                            acknowledged.add(id);
                            notes.updateOne(Filters.eq("_id", id), Updates.set("done", true));
                            updated.incrementAndGet();
                        } catch (RuntimeException e) {
                            return; // the server is gone: what was acknowledged so far is what counts
                        }
                    }
                }));
            }
            while (acknowledged.size() < 300) {
                Thread.sleep(20);
            }
            server.kill();
            for (Future<?> writer : running) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writers.shutdownNow();
        }
        List<String> expected = List.copyOf(acknowledged);
        server.start();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + config.mongoPort())) {
            MongoCollection<Document> notes = client.getDatabase("durability").getCollection("notes");
            List<String> stored = new ArrayList<>();
            notes.find().forEach(d -> stored.add(d.getString("_id")));
            assertThat(stored).containsAll(expected);
            // Each write acknowledged before the kill is there: an insert whose update was acknowledged is done.
            assertThat(notes.countDocuments(Filters.eq("done", true))).isGreaterThanOrEqualTo(updated.get());
        } finally {
            server.close();
        }
    }
}
