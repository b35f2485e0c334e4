package org.outward.stack.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.outward.contracts.Topics;
import org.outward.stack.DemoData;
import org.outward.stack.Http;
import org.outward.stack.LocalStack;
import org.outward.stack.StackConfig;

/**
 * The fault suite: the whole local stack with real processes (Kafka broker, MongoDB wire server, the five service
 * JVMs, the SMTP catcher behind its fault switch), under load (note uploads with idempotency keys, webinar notices to
 * 220 recipients, digest runs), one fault per scenario: {@code kill -9} of the broker, of the MongoDB server and of
 * each service (notes mid-upload, notification mid-digest and mid-send), SMTP down, slow, refusing; a poison record
 * on every topic; and a restart of the whole stack on the same data. After each it counts acknowledged writes,
 * stored notes, consumed events, feed items and the emails the catcher got per (recipient, item), and how long
 * until every service served again. Run with {@code mvn -Pfaults verify} (not part of {@code mvn verify}); the table
 * is printed and written to {@code local-stack/target/faults.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultScenarios {

    private static final Duration QUIET = Duration.ofMinutes(8);
    private static final List<FaultChecks.Row> ROWS = new ArrayList<>();

    private static StackConfig config;
    private static LocalStack stack;
    private static Http staff;
    private static Http notificationDirect;
    private static FaultRoster roster;
    private static FaultChecks checks;
    private static String run;
    private static String staffToken;
    private static int digestDays;
    private static final Map<String, String> ALL_ACKNOWLEDGED = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void boot() throws Exception {
        Path root = Path.of(System.getProperty("outward.root", "..")).toAbsolutePath().normalize();
        config = StackConfig.forTests(root, Files.createTempDirectory("outward-faults")).withServiceEnv(Map.of(
                // Emails retry quickly and long enough to outlast a 60 s outage; every digest item is listed.
                "OUTWARD_MAIL_INITIAL_BACKOFF", "1s",
                "OUTWARD_MAIL_MAX_BACKOFF", "5s",
                "OUTWARD_MAIL_MAX_ATTEMPTS", "60",
                "OUTWARD_MAIL_POLL_INTERVAL", "250ms",
                // Replies in 25 s at most (the slow server answers after 20 s); the lease outlasts one email's worst.
                "SMTP_CONNECT_TIMEOUT_MS", "2000",
                "SMTP_TIMEOUT_MS", "25000",
                "SMTP_WRITE_TIMEOUT_MS", "10000",
                "OUTWARD_MAIL_LEASE", "170s",
                "OUTWARD_DIGEST_MAX_ITEMS_PER_GROUP", "1000",
                // A retry whose first attempt died with the killed notes-service takes over after this.
                "OUTWARD_NOTES_IDEMPOTENCY_STALE_AFTER", "20s"));
        stack = new LocalStack(config);
        stack.start();
        run = UUID.randomUUID().toString().substring(0, 6);
        staffToken = Http.devToken(config.identityUrl(), DemoData.STAFF_EMAIL, DemoData.DEV_PASSWORD);
        staff = new Http(config.gatewayUrl()).withToken(staffToken);
        // A staff digest run answers when its last digest is queued: minutes for 220 people on a loaded machine.
        notificationDirect = new Http("http://localhost:" + config.notificationPort()).withToken(staffToken)
                .withTimeout(Duration.ofMinutes(10));
        roster = FaultRoster.create(staff, run);
        roster.awaitRecipients(staff, Duration.ofMinutes(3));
        roster.refreshTokens(config.identityUrl(), Duration.ofMinutes(3));
        checks = new FaultChecks(stack);
    }

    @AfterAll
    static void report() throws IOException {
        String table = table();
        System.out.println(table);
        Files.writeString(Path.of("target", "faults.md"), table);
        if (checks != null) {
            checks.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    // ---------------------------------------------------------------- scenarios

    @Test
    @Order(1)
    void brokerKilledMidStream() throws Exception {
        scenario("Kafka broker kill -9, restart after 10 s", load -> {
            stack.kill(LocalStack.KAFKA);
            Thread.sleep(10_000);
            // The outage ends when the broker is back; its own start time is noted, not counted.
            Instant restarting = Instant.now();
            stack.restart(LocalStack.KAFKA);
            load.note("broker start took %.1f s", secondsSince(restarting));
            return Instant.now();
        });
    }

    @Test
    @Order(2)
    void mongoKilledMidStream() throws Exception {
        scenario("MongoDB server kill -9, restart on the same file after 5 s", load -> {
            stack.kill(LocalStack.MONGO);
            Thread.sleep(5_000);
            // The outage ends when the MongoDB server is back; its own start time is noted, not counted.
            Instant restarting = Instant.now();
            stack.restart(LocalStack.MONGO);
            load.note("MongoDB server start took %.1f s", secondsSince(restarting));
            return Instant.now();
        });
    }

    @Test
    @Order(3)
    void notesKilledMidUpload() throws Exception {
        killService("notes-service", "notes-service kill -9 mid-upload");
    }

    @Test
    @Order(4)
    void catalogKilledMidPublish() throws Exception {
        scenario("catalog-service kill -9 right after a publish", load -> {
            load.webinar(publishWebinar(load.name + " second webinar"));
            stack.kill("catalog-service");
            Instant end = Instant.now();
            restartNoting(load, "catalog-service");
            return end;
        });
    }

    @Test
    @Order(5)
    void notificationKilledMidDigest() throws Exception {
        scenario("notification-service kill -9 mid-digest", load -> {
            load.stopUploads(); // the digest must cover every note of this scenario
            awaitConsumed(load);
            Instant at = nextDigestAt();
            long before = checks.emailsInState(memberEmails(), "SENT") + checks.unsettledEmails(memberEmails());
            CompletableFuture<Http.Response> digest = CompletableFuture.supplyAsync(() ->
                    notificationDirect.post("/api/notifications/digests/run?at=" + at, null));
            awaitTrue(Duration.ofMinutes(3), () -> checks.emailsInState(memberEmails(), "SENT")
                    + checks.unsettledEmails(memberEmails()) >= before + 20 || digest.isDone());
            stack.kill("notification-service");
            Instant end = Instant.now();
            restartNoting(load, "notification-service");
            // The next run resumes the interrupted windows: same windows, same email keys.
            runDigest(at);
            load.digestDone();
            return end;
        });
    }

    @Test
    @Order(6)
    void notificationKilledMidSend() throws Exception {
        scenario("notification-service kill -9 mid-send", load -> {
            String title = load.name + " second webinar";
            load.webinar(publishWebinar(title));
            awaitTrue(Duration.ofMinutes(3), () -> checks.notices(roster, title).values().stream()
                    .filter(n -> n > 0).count() >= 30);
            stack.kill("notification-service");
            Instant end = Instant.now();
            restartNoting(load, "notification-service");
            return end;
        });
    }

    @Test
    @Order(7)
    void gatewayKilled() throws Exception {
        killService("gateway", "gateway kill -9 mid-upload");
    }

    @Test
    @Order(8)
    void identityKilled() throws Exception {
        killService("dev-identity", "dev-identity kill -9");
    }

    @Test
    @Order(9)
    void smtpDown() throws Exception {
        scenario("SMTP down for 60 s", load -> {
            stack.smtp().down();
            load.webinar(publishWebinar(load.name + " second webinar"));
            Thread.sleep(60_000);
            Instant end = Instant.now();
            stack.smtp().up();
            return end;
        });
    }

    @Test
    @Order(10)
    void smtpSlow() throws Exception {
        scenario("SMTP slow: each message answered after 20 s, for 60 s", load -> {
            stack.smtp().slow(Duration.ofSeconds(20));
            load.webinar(publishWebinar(load.name + " second webinar"));
            Thread.sleep(60_000);
            Instant end = Instant.now();
            stack.smtp().pass();
            return end;
        });
    }

    @Test
    @Order(11)
    void smtpRefusing() throws Exception {
        scenario("SMTP 451 for 30 s, then 554 for 30 s", load -> {
            stack.smtp().rejectTemporarily();
            Thread.sleep(30_000);
            // The digest built now meets the permanent refusal: its emails fail, their items go back.
            load.stopUploads();
            awaitConsumed(load);
            stack.smtp().rejectPermanently();
            runDigest(nextDigestAt());
            Thread.sleep(30_000);
            Instant end = Instant.now();
            stack.smtp().pass();
            return end;
        });
    }

    @Test
    @Order(12)
    void poisonOnEveryTopic() throws Exception {
        scenario("a poison record on every topic", load -> {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
                for (String topic : Topics.ALL) {
                    producer.send(new ProducerRecord<>(topic, "poison-" + run, "{\"this is\": not an event"));
                }
                producer.flush();
            }
            Instant end = Instant.now();
            // Each consumer recorded it as a dead letter and went on.
            awaitTrue(Duration.ofMinutes(2), () -> Topics.ALL.stream()
                    .allMatch(t -> checks.openDeadLetters("outward-notification", t) > 0));
            awaitTrue(Duration.ofMinutes(2), () -> checks.openDeadLetters("outward-notes", Topics.NOTES_NOTES) > 0);
            return end;
        });
    }

    @Test
    @Order(13)
    void wholeStackRestartedOnTheSameData() throws Exception {
        Instant stop = Instant.now();
        stack.close();
        stack = new LocalStack(config);
        stack.start();
        double serving = secondsSince(stop);
        FaultChecks restarted = new FaultChecks(stack);
        List<FaultChecks.StoredNote> stored = restarted.notesById(ALL_ACKNOWLEDGED.values());
        long lost = ALL_ACKNOWLEDGED.size() - stored.size();
        long consumed = restarted.consumedEvents(stored).size();
        long feed = restarted.feedItems(stored);
        // Nothing is due and nothing was pending: the new catcher must stay empty for our people.
        Thread.sleep(20_000);
        Set<String> ours = memberEmails();
        long resent = stack.emails().stream().filter(m -> ((List<?>) m.get("to")).stream()
                .anyMatch(t -> ours.contains(t.toString()))).count();
        restarted.close();
        FaultChecks.Row row = new FaultChecks.Row("whole stack stopped, started again on the same data (all "
                + "scenarios' notes)", ALL_ACKNOWLEDGED.size(), stored.size(), lost, 0, consumed,
                stored.size() - consumed, feed, 0, 0, 0, 0, 0, resent, 0,
                "the stack's start took " + Math.round(serving) + " s (not a fault); emails sent again after the "
                        + "restart: " + resent);
        ROWS.add(row);
        assertThat(lost).isZero();
        assertThat(resent).isZero();
    }

    // ---------------------------------------------------------------- the frame of every scenario

    /** What a fault does: break something (the load is running), heal it, say when the fault ended. */
    @FunctionalInterface
    interface Fault {
        Instant inject(Load load) throws Exception;
    }

    /** A scenario's load: uploads, webinars, whether its digest ran. */
    final class Load {
        final String name;
        final FaultUploads uploads;
        final List<String> webinars = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        boolean digestDone;
        boolean uploadsStopped;

        Load(String name) {
            this.name = name;
            this.uploads = new FaultUploads(config.gatewayUrl(), roster, name.replaceAll("[^A-Za-z0-9]+", "-")
                    + "-" + run);
        }

        void webinar(String title) {
            webinars.add(title);
        }

        void stopUploads() throws InterruptedException {
            if (!uploadsStopped) {
                uploads.stop();
                uploadsStopped = true;
            }
        }

        void digestDone() {
            digestDone = true;
        }

        void note(String format, Object... args) {
            notes.add(String.format(Locale.ROOT, format, args));
        }
    }

    /** Starts a killed service again and notes how long its own start took (part of its time to serve again). */
    private static void restartNoting(Load load, String module) throws IOException, InterruptedException {
        Instant restarting = Instant.now();
        stack.restart(module);
        load.note("%s start took %.1f s", module, secondsSince(restarting));
    }

    private void killService(String module, String name) throws Exception {
        scenario(name, load -> {
            stack.kill(module);
            Thread.sleep(2_000);
            Instant end = Instant.now();
            restartNoting(load, module);
            return end;
        });
    }

    private void scenario(String name, Fault fault) throws Exception {
        Load load = new Load(name);
        progress("start: " + name);
        try {
            roster.refreshTokens(config.identityUrl(), Duration.ofMinutes(2));
            load.uploads.start(2, Duration.ofSeconds(1));
            awaitTrue(Duration.ofMinutes(2), () -> load.uploads.acknowledged().size() >= 10);
            load.webinar(publishWebinar(name + " webinar"));
            progress("fault: " + name);
            Instant faultEnded = fault.inject(load);
            double serving = awaitServing(faultEnded, load);
            progress("serving again after " + serving + " s");
            Thread.sleep(3_000);
            load.stopUploads();
            awaitConsumed(load);
            if (!load.digestDone) {
                runDigest(nextDigestAt());
            }
            // Items given back by failed digests go out with the next one.
            runDigest(nextDigestAt());
            awaitTrue(QUIET, () -> checks.unsettledEmails(memberEmails()) == 0);
            load.note("load average at the end: %s", loadAverage());
            FaultChecks.Row row = row(load, serving);
            ROWS.add(row);
            progress(format(row));
            assertThat(row.holds()).as(format(row)).isTrue();
        } catch (Exception | Error e) {
            progress("scenario failed: " + name + ": " + e);
            throw e;
        } finally {
            load.stopUploads();
        }
    }

    /** The suite's own log, written as it goes (the test's standard output is only kept at the end). */
    private static void progress(String line) {
        try {
            Files.writeString(Path.of("target", "faults-progress.log"), Instant.now() + " " + line + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        System.out.println(line);
    }

    private FaultChecks.Row row(Load load, double serving) {
        Map<String, String> acknowledged = load.uploads.acknowledged();
        ALL_ACKNOWLEDGED.putAll(acknowledged);
        List<FaultChecks.StoredNote> stored = checks.storedNotes(load.uploads.prefix());
        Set<String> storedIds = new HashSet<>();
        stored.forEach(n -> storedIds.add(n.id()));
        long lost = acknowledged.values().stream().filter(id -> !storedIds.contains(id)).count();
        long duplicateNotes = stored.size() - stored.stream().map(FaultChecks.StoredNote::title).distinct().count();
        Set<String> consumed = checks.consumedEvents(stored);
        long feed = checks.feedItems(stored);
        int noticePairs = 0;
        long noticesMissing = 0;
        long noticesRefused = 0;
        long duplicates = 0;
        for (String webinar : load.webinars) {
            Map<String, Integer> notices = checks.notices(roster, webinar);
            // A notice the server refused for good (554) is FAILED in the delivery log: refused, not lost.
            Set<String> refused = checks.failedEmails(webinar);
            noticePairs += notices.size();
            noticesMissing += notices.entrySet().stream()
                    .filter(e -> e.getValue() == 0 && !refused.contains(e.getKey())).count();
            noticesRefused += notices.entrySet().stream()
                    .filter(e -> e.getValue() == 0 && refused.contains(e.getKey())).count();
            duplicates += FaultChecks.duplicates(notices);
        }
        Map<String, Integer> digest = checks.digestItems(roster, stored);
        duplicates += FaultChecks.duplicates(digest);
        return new FaultChecks.Row(load.name, acknowledged.size(), stored.size(), lost, duplicateNotes, consumed.size(),
                stored.size() - consumed.size(), feed, noticePairs, noticesMissing, noticesRefused, digest.size(),
                FaultChecks.missing(digest), duplicates, serving, "upload attempts retried: "
                        + load.uploads.failedAttempts() + "; " + String.join("; ", load.notes));
    }

    // ---------------------------------------------------------------- helpers

    private static String publishWebinar(String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + run;
        Http.Response created = retrying(() -> staff.post("/api/catalog/webinars", Map.of("title", title + " " + run,
                "slug", slug, "summary", "A webinar of the fault suite.", "topics", List.of("community-conversations"),
                "seriesPosition", 5, "durationMinutes", 30)), 201);
        String id = created.body().get("id").asString();
        retrying(() -> staff.post("/api/catalog/webinars/" + id + "/publish", null), 200);
        return title + " " + run;
    }

    /** Retries a staff call through a fault (the gateway or catalog may be away) until it gives {@code status}. */
    private static Http.Response retrying(java.util.function.Supplier<Http.Response> call, int status) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                Http.Response response = call.get();
                if (response.status() == status) {
                    return response;
                }
                last = new IllegalStateException("HTTP " + response.status() + ": " + response.raw());
            } catch (RuntimeException e) {
                last = e;
            }
            sleep(Duration.ofSeconds(1));
        }
        throw last;
    }

    private static Instant nextDigestAt() {
        digestDays++;
        return Instant.now().plus(Duration.ofDays(digestDays)).plusSeconds(60);
    }

    private static void runDigest(Instant at) {
        retrying(() -> notificationDirect.post("/api/notifications/digests/run?at=" + at, null), 200);
    }

    private static void awaitConsumed(Load load) throws InterruptedException {
        awaitTrue(Duration.ofMinutes(4), () -> {
            List<FaultChecks.StoredNote> stored = checks.storedNotes(load.uploads.prefix());
            return checks.feedItems(stored) >= stored.size();
        });
    }

    /**
     * Seconds from the end of the fault until every service answers through the gateway again; notes which one
     * answered last.
     */
    private static double awaitServing(Instant faultEnded, Load load) throws InterruptedException {
        Http gateway = new Http(config.gatewayUrl()).withToken(staffToken);
        Map<String, java.util.function.Supplier<Http.Response>> probes = new java.util.LinkedHashMap<>();
        probes.put("catalog", () -> gateway.get("/api/catalog/webinars?size=1"));
        probes.put("notes", () -> gateway.get("/api/notes?size=1"));
        probes.put("notification", () -> gateway.get("/api/notifications/deliveries?size=1"));
        probes.put("identity", () -> new Http(config.identityUrl()).get("/actuator/health/readiness"));
        Map<String, Double> servingAfter = new java.util.LinkedHashMap<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline && servingAfter.size() < probes.size()) {
            probes.forEach((name, probe) -> {
                if (!servingAfter.containsKey(name) && ok(probe)) {
                    servingAfter.put(name, secondsSince(faultEnded));
                }
            });
            Thread.sleep(250);
        }
        double serving = secondsSince(faultEnded);
        if (servingAfter.size() == probes.size()) {
            serving = servingAfter.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }
        load.note("serving again (s): %s", servingAfter);
        return serving;
    }

    /** The machine's 1, 5 and 15 minute load averages: the times in the table mean little without them. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static boolean ok(java.util.function.Supplier<Http.Response> call) {
        try {
            return call.get().status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static double secondsSince(Instant at) {
        return Duration.between(at, Instant.now()).toMillis() / 1000.0;
    }

    private static Set<String> memberEmails() {
        Set<String> emails = new HashSet<>();
        roster.members.forEach(m -> emails.add(m.email()));
        return emails;
    }

    private static void awaitTrue(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                // a part is away during the fault: ask again
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("not within " + timeout);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String format(FaultChecks.Row r) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d | %d / %d | %d | %d / %d | %d | %.1f | %s | %s |",
                r.scenario(), r.acknowledged(), r.stored(), r.acknowledgedLost(), r.duplicateNotes(),
                r.distinctEvents(), r.eventsLost(), r.feedItems(),
                r.noticePairs() - r.noticesMissing() - r.noticesRefused(), r.noticePairs(), r.noticesRefused(),
                r.digestPairs() - r.digestItemsMissed(), r.digestPairs(), r.duplicateEmails(),
                r.servingAgainSeconds(), r.servedWithin30s() ? "yes" : "no",
                (r.holds() ? "holds" : "FAILS") + "; " + r.remark());
    }

    static String table() {
        StringBuilder out = new StringBuilder("""
                | scenario | acknowledged notes | stored notes | acknowledged lost | duplicate notes | distinct events \
                consumed | events lost | feed items | notices delivered / expected (recipient, webinar) | notices \
                refused by the server (554) | digest items delivered / expected (recipient, note) | duplicate emails \
                | serving again after (s) | within 30 s | result |
                |---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
                """);
        ROWS.forEach(r -> out.append(format(r)).append('\n'));
        return out.toString();
    }
}
