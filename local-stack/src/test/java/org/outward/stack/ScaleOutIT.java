package org.outward.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scale-out, proven on the running stack: a second instance of notification-service and of notes-service joins
 * the first one's consumer groups (same broker, same databases). Each instance then owns some partitions, and
 * still every event is handled once, every email goes out once, a digest is built once though both instances
 * are asked to run digests at the same moment (their schedulers run too), and both outbox relays publish the
 * notes of both instances without any note being handled twice. The second instances log structured JSON
 * (LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs), which the test reads back with the trace and request ids.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SystemStack.class)
class ScaleOutIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> KINDS = List.of("new-webinar", "cohort-notes", "themes", "calibrations",
            "progress-reminders");

    private static final String NOTES_GROUP = "notes-service-themes";

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private LocalStack stack;
    private Http staff;
    private ServiceProcess notification2;
    private ServiceProcess notes2;
    private String cohortId;
    private String libraryId;
    private String immediateEmail;
    private String dailyId;
    private String dailyEmail;
    private Http asImmediate;
    private Http asDaily;

    @BeforeAll
    void startSecondInstances() throws Exception {
        stack = SystemStack.stack();
        staff = new Http(stack.config().gatewayUrl())
                .withToken(Http.devToken(stack.config().identityUrl(), DemoData.STAFF_EMAIL, DemoData.DEV_PASSWORD));
        int notificationMembers = members("notification-service");
        // notes-service consumes its own note events in group notes-service-themes (ThemeListener).
        int notesMembers = members(NOTES_GROUP);
        Map<String, String> json = Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        notification2 = stack.startInstance("notification-service", "notification-service-2", json);
        notes2 = stack.startInstance("notes-service", "notes-service-2", json);
        awaitMembers("notification-service", 2 * notificationMembers);
        awaitMembers(NOTES_GROUP, 2 * notesMembers);

        cohortId = created(staff.post("/api/catalog/cohorts", Map.of("name", "Scale Cohort " + suffix,
                "slug", "scale-" + suffix, "startsOn", LocalDate.now().minusMonths(1).toString(),
                "endsOn", LocalDate.now().plusMonths(6).toString())));
        libraryId = created(staff.post("/api/catalog/cohorts/" + cohortId + "/libraries", Map.of("name",
                "Scale Library " + suffix, "city", "Scaleton", "state", "OR", "contactEmail",
                "desk-" + suffix + "@scale.example", "timeZone", "America/Los_Angeles")));
        immediateEmail = "now-" + suffix + "@scale.example";
        dailyEmail = "day-" + suffix + "@scale.example";
        member("Ima Now", immediateEmail);
        dailyId = member("Dai Daily", dailyEmail);
        asImmediate = new Http(stack.config().gatewayUrl()).withToken(signIn(immediateEmail));
        asDaily = new Http(stack.config().gatewayUrl()).withToken(signIn(dailyEmail));
        Map<String, String> daily = new LinkedHashMap<>();
        KINDS.forEach(kind -> daily.put(kind, "daily"));
        await().atMost(WAIT).until(() -> asDaily.put("/api/notifications/preferences/me", Map.of("kinds", daily),
                Map.of()).status() == 200);
    }

    @AfterAll
    void stopSecondInstances() {
        for (ServiceProcess instance : new ServiceProcess[] {notification2, notes2}) {
            if (instance != null) {
                instance.process().stop(Duration.ofSeconds(30));
            }
        }
    }

    @Test
    void everyEventIsHandledOnceAndEveryEmailSentOnceByTwoInstances() throws Exception {
        // Drafts until their ids (the record keys) fall on every partition: each instance then gets some.
        Map<String, String> titles = new LinkedHashMap<>();
        Set<Integer> partitions = new HashSet<>();
        while (partitions.size() < 3 || titles.size() < 6) {
            String slug = "scale-" + suffix + "-" + titles.size();
            String id = created(staff.post("/api/catalog/webinars", Map.of("title", "Scale-out " + slug, "slug", slug,
                    "summary", "Two instances, one email.", "topics", List.of("community-conversations"),
                    "seriesPosition", 4, "durationMinutes", 20)));
            titles.put(id, "Scale-out " + slug);
            partitions.add(Utils.toPositive(Utils.murmur2(id.getBytes())) % 3);
        }
        for (String id : titles.keySet()) {
            assertThat(staff.post("/api/catalog/webinars/" + id + "/publish", null).status()).isEqualTo(200);
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(emailsTo(immediateEmail, "Scale-out scale-" + suffix))
                .hasSize(titles.size()));
        Map<String, Integer> consumedBy = new LinkedHashMap<>();
        await().atMost(WAIT).untilAsserted(() -> {
            consumedBy.clear();
            for (String id : titles.keySet()) {
                List<String> first = consumed(log("notification-service"), id);
                List<String> second = consumed(log("notification-service-2"), id);
                assertThat(first.size() + second.size()).as("handlings of " + id).isEqualTo(1);
                consumedBy.merge(first.isEmpty() ? "notification-service-2" : "notification-service", 1, Integer::sum);
            }
        });
        System.out.println("scale-out: " + titles.size() + " webinars on partitions " + partitions
                + ", handled by " + consumedBy);
        assertThat(consumedBy).as("both instances handled some").containsKeys("notification-service",
                "notification-service-2");

        // Once each, and still once a while later (a second sender would have had time to send it again).
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<Map<String, Object>> emails = emailsTo(immediateEmail, "Scale-out scale-" + suffix);
            assertThat(emails).hasSize(titles.size());
            assertThat(emails).extracting(m -> m.get("subject")).doesNotHaveDuplicates();
        });

        // The second instance's log is JSON with the ids to follow a request: request id, trace id, span id.
        List<JsonNode> lines = jsonLines(log("notification-service-2"));
        assertThat(lines).isNotEmpty();
        JsonNode consumedLine = lines.stream().filter(l -> l.path("message").asString().startsWith("consumed "))
                .findFirst().orElseThrow();
        assertThat(consumedLine.toString()).contains("\"requestId\"", "\"traceId\"", "\"spanId\"");
    }

    @Test
    void aDigestIsBuiltOnceWhenBothInstancesRunDigestsAtOnce() throws Exception {
        String title = "Digest item " + suffix;
        String id = created(staff.post("/api/catalog/webinars", Map.of("title", title, "slug", "digest-" + suffix,
                "summary", "For the daily digest.", "topics", List.of("community-conversations"),
                "seriesPosition", 3, "durationMinutes", 20)));
        assertThat(staff.post("/api/catalog/webinars/" + id + "/publish", null).status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> !consumed(log("notification-service"), id).isEmpty()
                || !consumed(log("notification-service-2"), id).isEmpty());

        // The daily boundary of the daily member a few seconds from now (a zone where it is then a full hour).
        Instant boundary = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
        int seconds = (int) (boundary.getEpochSecond() % 86_400);
        int offset = (3_600 - seconds % 3_600) % 3_600;
        ZoneOffset zone = ZoneOffset.ofTotalSeconds(offset);
        int hour = ((seconds + offset) / 3_600) % 24;
        assertThat(asDaily.put("/api/notifications/preferences/me", Map.of("timeZone", zone.getId(), "hour", hour,
                "weeklyDay", boundary.atOffset(zone).getDayOfWeek().name()), Map.of()).status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> Instant.now().isAfter(boundary.plusSeconds(1)));

        // Both instances, directly (the gateway only knows the first), three times each, all at once.
        String token = Http.devToken(stack.config().identityUrl(), DemoData.STAFF_EMAIL, DemoData.DEV_PASSWORD);
        List<Http> instances = List.of(
                new Http("http://localhost:" + stack.portOf("notification-service")).withToken(token),
                new Http("http://localhost:" + notification2.port()).withToken(token));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> runs = new ArrayList<>();
        try {
            for (int round = 0; round < 3; round++) {
                for (Http instance : instances) {
                    Callable<Integer> run = () -> instance.post("/api/notifications/digests/run", null).status();
                    runs.add(pool.submit(run));
                }
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> run : runs) {
                statuses.add(run.get());
            }
            System.out.println("scale-out: concurrent digest runs answered " + statuses);
            assertThat(statuses).allMatch(s -> s == 200 || s == 409).contains(200);
        } finally {
            pool.shutdownNow();
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(digests()).hasSize(1));
        // Still one after the schedulers of both instances had their turn (every minute).
        await().pollDelay(Duration.ofSeconds(65)).atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(digests()).hasSize(1);
            assertThat(stack.emails()).filteredOn(m -> String.valueOf(m.get("to")).contains(dailyEmail))
                    .filteredOn(m -> String.valueOf(m.get("subject")).toLowerCase().contains("digest")).hasSize(1);
        });
    }

    @Test
    void twoOutboxRelaysPublishTheNotesOfBothInstancesAndEachNoteIsHandledOnce() throws Exception {
        Http viaGateway = asImmediate;
        Http direct = new Http("http://localhost:" + notes2.port()).withToken(signIn(immediateEmail));
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Http to = i % 2 == 0 ? viaGateway : direct;
            notes.add(created(to.post("/api/notes", Map.of("title", "Scale note " + i + " " + suffix,
                    "body", "Aspirations: a reading garden. Concerns: parking.", "conversationDate",
                    LocalDate.now(ZoneOffset.UTC).minusDays(1).toString(), "place", "Main branch",
                    "facilitator", "Ima Now", "tags", List.of("scale"), "visibility", "cohort"))));
        }
        // notification-service (two instances) records each shared note once in its activity log.
        await().atMost(WAIT).untilAsserted(() -> {
            for (String note : notes) {
                assertThat(DemoData.items(staff.get("/api/notifications/activity?type=NoteUploaded&subject=" + note)
                        .body())).as("activity of " + note).hasSize(1);
            }
        });
        // Each note was published by one of the two relays and handled once by the two notification instances.
        Map<String, Integer> publishedBy = new LinkedHashMap<>();
        for (String note : notes) {
            int first = (int) lines(log("notes-service")).stream()
                    .filter(l -> l.contains("published NoteUploaded") && l.contains("key=" + note)).count();
            int second = (int) lines(log("notes-service-2")).stream()
                    .filter(l -> l.contains("published NoteUploaded") && l.contains("key=" + note)).count();
            assertThat(first + second).as("publishes of " + note).isPositive();
            if (first > 0) {
                publishedBy.merge("notes-service", first, Integer::sum);
            }
            if (second > 0) {
                publishedBy.merge("notes-service-2", second, Integer::sum);
            }
            assertThat(consumed(log("notification-service"), note).size()
                    + consumed(log("notification-service-2"), note).size()).as("handlings of " + note).isEqualTo(1);
        }
        System.out.println("scale-out: " + notes.size() + " notes published by " + publishedBy);
        assertThat(publishedBy).as("both relays published").containsKeys("notes-service", "notes-service-2");
    }

    // ---------------------------------------------------------------- helpers

    private int members(String group) throws Exception {
        try (Admin admin = admin()) {
            return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().size();
        }
    }

    /** The second JVM joined: twice the members of before (one per listener container), all settled. */
    private void awaitMembers(String group, int expected) {
        try (Admin admin = admin()) {
            await().atMost(WAIT).until(() -> {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get()
                        .get(group);
                return description.members().size() == expected
                        && description.groupState() == org.apache.kafka.common.GroupState.STABLE;
            });
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.config().kafkaBootstrap()));
    }

    private String member(String name, String email) {
        return created(staff.post("/api/catalog/libraries/" + libraryId + "/members", Map.of("name", name,
                "email", email, "teamRole", "Scale")));
    }

    private String signIn(String email) {
        return await().atMost(WAIT).ignoreExceptions().until(() -> Http.devToken(stack.config().identityUrl(), email,
                DemoData.DEV_PASSWORD), token -> token != null);
    }

    private static String created(Http.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.body().get("id").asString();
    }

    private List<Map<String, Object>> emailsTo(String email, String subjectPart) {
        return stack.emails().stream().filter(m -> String.valueOf(m.get("to")).contains(email))
                .filter(m -> String.valueOf(m.get("subject")).contains(subjectPart)).toList();
    }

    private List<JsonNode> digests() {
        return DemoData.items(staff.get("/api/notifications/deliveries?size=100&kind=digest-daily&recipient="
                + dailyId).body());
    }

    private Path log(String instance) {
        return stack.config().dataDir().resolve("logs").resolve(instance + ".log");
    }

    private static List<String> lines(Path log) throws Exception {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    /** The "consumed <Type> id=... subject=<subject>" lines of an instance, plain or JSON. */
    private static List<String> consumed(Path log, String subject) throws Exception {
        return lines(log).stream().filter(l -> l.contains("consumed ") && l.contains("subject=" + subject + " "))
                .toList();
    }

    private static List<JsonNode> jsonLines(Path log) throws Exception {
        List<JsonNode> result = new ArrayList<>();
        for (String line : lines(log)) {
            if (line.startsWith("{")) {
                result.add(JSON.readTree(line));
            }
        }
        return result;
    }
}
