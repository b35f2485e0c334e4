package org.outward.notes.bench;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outward.contracts.Topics;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.platform.test.RosterEvents;
import org.outward.platform.test.TestRoster;
import org.outward.platform.test.TestTokens;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Upload throughput and the service's heap during a 100 MB upload (bench/notes-upload.md).
 *
 * <p>The service runs in a JVM of its own with a small heap ({@value #SERVICE_HEAP}), so that the
 * measure is of the service alone: Kafka and the Mongo wire server (which keeps GridFS chunks in
 * memory) run in this JVM. The service's live heap (used heap right after a full GC, forced over
 * JMX) is sampled every 200 ms during a separate 100 MB upload; throughput is measured on uploads
 * without sampling. A service that buffered the file could not take it at all: 100 MB does not fit
 * in that heap next to the baseline. Prints its figures (and writes them to
 * target/notes-upload-bench.md); no timed assertions, one memory assertion: the live heap grows by
 * less than 64 MB during the 100 MB upload.
 *
 * <p>Run: {@code mvn -o -pl notes-service test -Dgroups=bench -DexcludedGroups=none
 * -Dtest=NoteUploadBenchTest -Dsurefire.failIfNoSpecifiedTests=false}. Environment
 * {@code BENCH_NOTES_URL} (e.g. the gateway's {@code http://localhost:8080}) adds a run through that
 * URL, which must reach the same service.
 */
@Tag("bench")
class NoteUploadBenchTest {

    static final String SERVICE_HEAP = "-Xmx192m";
    static final long MB = 1024 * 1024;

    static MongoServer mongo;
    static EmbeddedKafkaKraftBroker kafka;
    static Process service;
    static int port;
    static int jmxPort;
    static Path log;

    @BeforeAll
    static void startService() throws Exception {
        mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress mongoAddress = mongo.bind();
        kafka = new EmbeddedKafkaKraftBroker(1, 1, Topics.NOTES_NOTES, Topics.NOTES_NOTES + ".DLT");
        kafka.afterPropertiesSet();
        port = freePort();
        jmxPort = freePort();
        log = Files.createTempFile("notes-bench-service", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                SERVICE_HEAP, "-XX:+UseG1GC",
                "-Dcom.sun.management.jmxremote.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false",
                "-Djava.rmi.server.hostname=127.0.0.1",
                "-cp", System.getProperty("java.class.path"),
                "org.outward.notes.NotesApplication",
                "--server.port=" + port,
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongoAddress.getPort(),
                "--spring.mongodb.database=notes-bench",
                "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                "--outward.security.issuer=" + TestTokens.ISSUER,
                "--outward.security.public-key=" + TestTokens.publicKeyPem(),
                "--outward.security.jwk-set-uri=",
                "--logging.level.root=WARN"));
        service = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            assertThat(service.isAlive()).as("service died, see %s", log).isTrue();
            assertThat(System.nanoTime()).as("service did not start, see %s", log).isLessThan(deadline);
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
    }

    /** Puts the token's member on the roster through the roster topic, and waits until the service knows them. */
    static void enroll(String libraryId, String cohortId, String token) throws Exception {
        DefaultKafkaProducerFactory<String, String> producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        try {
            RosterEvents roster = new RosterEvents(new KafkaTemplate<>(producers));
            roster.publish(Events.LIBRARY_JOINED_COHORT, libraryId, new LibraryJoinedCohort(libraryId, cohortId,
                    "Bench cohort", "Bench library", "Springfield", "OH", "America/New_York", "bench@library.test"));
            roster.memberAdded(new MemberAdded(TestRoster.memberId(libraryId), TestTokens.memberEmail(libraryId),
                    "Bench member", MemberAdded.ROLE_LIBRARY_MEMBER, libraryId, cohortId, null));
        } finally {
            producers.destroy();
        }
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (http.send(HttpRequest.newBuilder(URI.create(base() + "/api/notes")).header("Authorization", token)
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 403) {
            assertThat(System.nanoTime()).as("the member never reached the service's roster").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.destroy();
            service.waitFor();
        }
        if (kafka != null) {
            kafka.destroy();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }

    @Test
    void uploadThroughputAndServiceHeap() throws Exception {
        String libraryId = "lib-bench-" + UUID.randomUUID();
        String token = "Bearer " + TestTokens.member(libraryId, "cohort-bench");
        enroll(libraryId, "cohort-bench", token);
        List<String> targets = new ArrayList<>(List.of(base()));
        String extra = System.getenv("BENCH_NOTES_URL");
        if (extra != null && !extra.isBlank()) {
            targets.add(extra);
        }
        List<String> lines = new ArrayList<>();
        try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(
                "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"))) {
            MBeanServerConnection server = jmx.getMBeanServerConnection();
            MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(server,
                    ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
            for (String target : targets) {
                String route = target.equals(base()) ? "direct" : "via " + target;
                upload(target, token, libraryId, 10 * MB); // warm-up
                for (long size : List.of(10 * MB, 100 * MB)) {
                    long started = System.nanoTime();
                    upload(target, token, libraryId, size);
                    double seconds = (System.nanoTime() - started) / 1e9;
                    lines.add(String.format(Locale.ROOT, "| %s | %d MB upload | %.2f s | %.1f MB/s |", route,
                            size / MB, seconds, size / MB / seconds));
                }
                // Heap: live heap (after a full GC) sampled every 200 ms during a 100 MB upload.
                LiveHeap sampler = new LiveHeap(memory);
                long baseline = sampler.sample();
                Thread thread = new Thread(sampler, "live-heap-sampler");
                thread.start();
                upload(target, token, libraryId, 100 * MB);
                sampler.stop();
                thread.join();
                // Not a timing: the issue's bound on memory, which holds on any machine.
                assertThat(sampler.max - baseline).as("live heap growth during a 100 MB upload")
                        .isLessThan(64 * MB);
                lines.add(String.format(Locale.ROOT, "| %s | heap during a 100 MB upload | live before %.1f MB"
                        + " | live peak %.1f MB, growth %.1f MB (%d samples) |", route, baseline / (double) MB,
                        sampler.max / (double) MB, (sampler.max - baseline) / (double) MB, sampler.samples));
            }
        }
        System.out.printf(Locale.ROOT, "%nnotes upload bench: service in its own JVM (%s, G1)%n", SERVICE_HEAP);
        lines.forEach(System.out::println);
        Path out = Path.of("target", "notes-upload-bench.md");
        Files.write(out, lines);
        System.out.println("written to " + out.toAbsolutePath());
    }

    /** Samples the service's live heap (used heap right after a forced full GC) until stopped. */
    private static final class LiveHeap implements Runnable {
        private final MemoryMXBean memory;
        private volatile boolean running = true;
        volatile long max;
        volatile int samples;

        LiveHeap(MemoryMXBean memory) {
            this.memory = memory;
        }

        long sample() {
            memory.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            max = Math.max(max, used);
            samples++;
            return used;
        }

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            while (running) {
                sample();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Streams a multipart body with one generated text file of {@code size} bytes; nothing whole in memory. */
    private static void upload(String target, String token, String libraryId, long size) throws Exception {
        String boundary = "----bench-" + UUID.randomUUID();
        String note = "{\"title\":\"Bench upload\",\"body\":\"Bench\",\"conversationDate\":\"2025-01-01\","
                + "\"place\":\"Bench\",\"facilitator\":\"Bench\",\"libraryId\":\"" + libraryId + "\"}";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + note + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"minutes-" + size + ".txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long length = head.length + size + tail.length;
        HttpRequest request = HttpRequest.newBuilder(URI.create(target + "/api/notes"))
                .header("Authorization", token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() ->
                        new SequenceInputStream(new SequenceInputStream(new ByteArrayInputStream(head),
                                new GeneratedText(size)), new ByteArrayInputStream(tail))), length))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).contains("\"extraction\":\"done\"");
    }

    /** {@code size} bytes of conversation-like text, generated on the fly. */
    private static final class GeneratedText extends InputStream {
        private static final byte[] LINE = ("Neighbours asked for later library hours and a safer walk to the bus"
                + " stop; teens want a place to meet after school.\n").getBytes(StandardCharsets.US_ASCII);
        private long remaining;
        private int offset;

        GeneratedText(long size) {
            remaining = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int off, int len) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            for (int i = 0; i < n; i++) {
                buffer[off + i] = LINE[offset];
                offset = (offset + 1) % LINE.length;
            }
            remaining -= n;
            return n;
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
