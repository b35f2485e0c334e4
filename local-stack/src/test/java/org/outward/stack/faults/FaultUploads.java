package org.outward.stack.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Note uploads through the gateway, as a careful client makes them: a few uploaders in parallel, each note with an
 * {@code Idempotency-Key}, retried with the same key after a timeout or an error until it is acknowledged (201).
 * What was acknowledged is the ledger the checks hold the system to.
 */
final class FaultUploads {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final String gatewayUrl;
    private final FaultRoster roster;
    private final String prefix;
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, String> libraryOf = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<Thread> uploaders = new ArrayList<>();

    /** @param prefix starts every title of this load (the scenario's name and the run) */
    FaultUploads(String gatewayUrl, FaultRoster roster, String prefix) {
        this.gatewayUrl = gatewayUrl;
        this.roster = roster;
        this.prefix = prefix;
    }

    /** Uploads continuously on {@code threads} threads until {@link #stop}. */
    FaultUploads start(int threads, Duration pause) {
        for (int t = 0; t < threads; t++) {
            Thread uploader = new Thread(() -> {
                while (!stopping.get()) {
                    uploadOne(Duration.ofMinutes(5));
                    sleep(pause);
                }
            }, "fault-uploader-" + t);
            uploader.setDaemon(true);
            uploader.start();
            uploaders.add(uploader);
        }
        return this;
    }

    /** Uploads {@code n} notes now, one after the other. */
    void upload(int n) {
        for (int i = 0; i < n; i++) {
            uploadOne(Duration.ofMinutes(5));
        }
    }

    /** No new notes; the ones in hand are retried until acknowledged. */
    void stop() throws InterruptedException {
        stopping.set(true);
        for (Thread uploader : uploaders) {
            uploader.join(Duration.ofMinutes(6).toMillis());
        }
    }

    /** Title to note id of every acknowledged upload. */
    Map<String, String> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    String libraryOfTitle(String title) {
        return libraryOf.get(title);
    }

    String prefix() {
        return prefix;
    }

    /** Attempts that failed before an acknowledgement (timeouts, 5xx, 409 while the first was in progress). */
    int failedAttempts() {
        return failures.get();
    }

    private void uploadOne(Duration patience) {
        int n = sequence.incrementAndGet();
        String libraryId = roster.libraryIds.get(n % roster.libraryIds.size());
        String title = String.format("%s note %04d", prefix, n);
        String key = UUID.randomUUID().toString();
        String body = JSON.writeValueAsString(Map.of(
                "title", title,
                "body", "What residents said in conversation " + n + ": safer crossings, later library hours.",
                "conversationDate", LocalDate.now().minusDays(1).toString(),
                "place", "Branch meeting room",
                "facilitator", "Fault Suite",
                "participants", 12,
                "visibility", "cohort"));
        libraryOf.put(title, libraryId);
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/notes"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + roster.uploaderToken(libraryId))
                        .header("Idempotency-Key", key)
                        .timeout(Duration.ofSeconds(20))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    JsonNode note = JSON.readTree(response.body());
                    acknowledged.put(title, note.get("id").asString());
                    return;
                }
                failures.incrementAndGet();
            } catch (java.io.IOException e) {
                failures.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sleep(Duration.ofSeconds(1));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
