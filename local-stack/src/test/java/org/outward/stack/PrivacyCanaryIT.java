package org.outward.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The privacy canary suite (docs/privacy.md): on the whole local stack, through the gateway, with the real Kafka
 * broker and real SMTP. Library X of a fresh cohort posts private notes and private attachments (text, PDF,
 * DOCX) full of canary words made up for this run, so many that they become themes of X's own theme set, and a
 * calibration whose reasons carry one; plus shared notes without any. Library Y's members ask for every kind of
 * news at once, daily and weekly. Then everything a member of Y can reach is scanned for the canaries, expecting
 * none: every GET operation of every service's OpenAPI document called as Y (with every id known, X's private
 * notes and attachments included, and filters for X's library and the canaries), every email anyone outside X
 * received (raw, every header, every part), the digest previews and runs for Y's members, and every record on
 * every Kafka topic. And the other way: X and staff do see the canaries where they should, so the suite fails if
 * the canaries never got in. It shares the stack with the other system tests and touches only its own cohort.
 */
@ExtendWith(SystemStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyCanaryIT {

    private static final Logger log = LoggerFactory.getLogger(PrivacyCanaryIT.class);
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String CONSONANTS = "bcdfghjklmnpqrtvwxz";
    private static final List<String> KINDS = List.of("new-webinar", "cohort-notes", "themes", "calibrations",
            "progress-reminders");

    private LocalStack stack;
    private Http staff;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    /**
     * Canary name (where it was put) to the made-up word. Consonants only (no s or y): the Porter stemmer leaves
     * such a word as it is, so a theme key, a label and the text all carry the very same word.
     */
    private final Map<String, String> canaries = new LinkedHashMap<>();

    private String cohortId;
    private String libraryX;
    private String libraryY;
    private String memberX;
    private final Map<String, String> membersY = new LinkedHashMap<>(); // member id -> email
    private final Set<String> emailsX = new LinkedHashSet<>();
    private Http asX;
    private Http asY;
    private final List<String> privateNotes = new ArrayList<>();
    private final List<String> sharedNotes = new ArrayList<>();
    private final List<String> attachments = new ArrayList<>();
    private String madePrivate;
    private String deleted;
    private String sharedOfY;

    /** The answers of the digest runs made while settling (scanned by the digest test). */
    private final List<Http.Response> runs = new ArrayList<>();
    /** What the running test found; each test asserts its own. */
    private final List<String> hits = new ArrayList<>();
    private int responses;
    private int operations;
    private int emails;
    private int emailsOfY;
    private int events;
    private int topics;
    private int hitsInAll;

    @BeforeAll
    void postPrivateContentAndLetItSettle() throws Exception {
        stack = SystemStack.stack();
        staff = new Http(stack.config().gatewayUrl())
                .withToken(Http.devToken(stack.config().identityUrl(), DemoData.STAFF_EMAIL, DemoData.DEV_PASSWORD));
        SecureRandom random = new SecureRandom();
        for (String name : List.of("title", "body", "place", "tag", "text-attachment", "pdf-attachment",
                "docx-attachment", "file-name", "calibration-reasons", "made-private")) {
            StringBuilder word = new StringBuilder("q");
            for (int i = 0; i < 11; i++) {
                word.append(CONSONANTS.charAt(random.nextInt(CONSONANTS.length())));
            }
            canaries.put(name, word.toString());
        }
        createCohort();
        askYForEveryKindOfNews();
        postNotes();
        settle();
    }

    // ---------------------------------------------------------------- setting up

    private void createCohort() {
        cohortId = created(staff.post("/api/catalog/cohorts", Map.of("name", "Canary Cohort " + suffix,
                "slug", "canary-" + suffix, "startsOn", LocalDate.now().minusMonths(1).toString(),
                "endsOn", LocalDate.now().plusMonths(6).toString())));
        libraryX = library("Canary X " + suffix);
        libraryY = library("Canary Y " + suffix);
        String xEmail = "x-" + suffix + "@canary-x.example";
        memberX = member(libraryX, "Xena Lead", xEmail);
        emailsX.add(xEmail);
        for (String who : List.of("now", "day", "week")) {
            String email = "y-" + who + "-" + suffix + "@canary-y.example";
            membersY.put(member(libraryY, "Yan " + who, email), email);
        }
        asX = new Http(stack.config().gatewayUrl()).withToken(signIn(xEmail));
        asY = new Http(stack.config().gatewayUrl()).withToken(signIn(membersY.values().iterator().next()));
    }

    private String library(String name) {
        return created(staff.post("/api/catalog/cohorts/" + cohortId + "/libraries", Map.of("name", name,
                "city", "Canaryville", "state", "OR", "contactEmail", "desk-" + UUID.randomUUID() + "@canary.example",
                "timeZone", "America/Los_Angeles")));
    }

    private String member(String libraryId, String name, String email) {
        return created(staff.post("/api/catalog/libraries/" + libraryId + "/members", Map.of("name", name,
                "email", email, "teamRole", "Canary")));
    }

    /** Members sign in through dev-identity once their MemberAdded reached it. */
    private String signIn(String email) {
        return await().atMost(WAIT).ignoreExceptions().until(() -> Http.devToken(stack.config().identityUrl(), email,
                DemoData.DEV_PASSWORD), token -> token != null);
    }

    /** Y's first member wants every kind at once, the second every kind daily, the third weekly. */
    private void askYForEveryKindOfNews() {
        List<String> frequencies = List.of("immediate", "daily", "weekly");
        int i = 0;
        for (String email : membersY.values()) {
            Http member = new Http(stack.config().gatewayUrl()).withToken(signIn(email));
            Map<String, String> kinds = new LinkedHashMap<>();
            for (String kind : KINDS) {
                kinds.put(kind, frequencies.get(i));
            }
            await().atMost(WAIT).until(() -> member.put("/api/notifications/preferences/me", Map.of("kinds", kinds),
                    Map.of()).status() == 200);
            i++;
        }
    }

    private void postNotes() {
        String body = canaries.get("body");
        String text = canaries.get("text-attachment");
        String pdf = canaries.get("pdf-attachment");
        String docx = canaries.get("docx-attachment");
        String file = canaries.get("file-name");
        String title = canaries.get("title");
        // Private notes: every canary in at least two notes, so each becomes a theme of X's own set. Themes group
        // sentences by meaning: each canary names a thing of its own subject (a bus line, apartments, a clinic, a
        // parking lot), so the four do not fall into one theme, and a label names each by its canary.
        privateNotes.add(upload(asX, note("Board retreat " + title, "Concerns: the last " + body + " bus leaves at "
                + "six, before the second shift ends.", "private"),
                textFile("minutes-" + file + ".txt", "Concerns: rents in the " + text + " apartments went up by a "
                        + "third this year."),
                pdfFile("board-" + file + ".pdf", List.of("Concerns: the " + pdf + " clinic has no interpreter on "
                        + "Thursdays.", "Nobody at the " + pdf + " clinic speaks Spanish."))));
        privateNotes.add(upload(asX, note("Budget talk " + title, "Concerns: riders of the " + body + " bus have no "
                + "way home after the late shift.", "private"),
                textFile("notes-" + file + ".txt", "Concerns: tenants of the " + text + " apartments are pushed out "
                        + "by rising rents."),
                docxFile("plan-" + file + ".docx", List.of("Concerns: teens have nowhere to go after school but the "
                        + docx + " parking lot.", "The " + docx + " parking lot is where the teenagers hang out."))));
        privateNotes.add(upload(asX, note("Staff only " + title, "Trust: the " + body + " lease stays between us.",
                "private"),
                pdfFile("annex-" + file + ".pdf", List.of("Concerns: the " + pdf + " clinic sends patients home "
                        + "without an interpreter.")),
                docxFile("annex-" + file + ".docx", List.of("Concerns: after school the teenagers gather in the "
                        + docx + " parking lot."))));
        // An edit of a private note (NoteUpdated of a private note) and a private note deleted (NoteDeleted).
        String edited = privateNotes.get(2);
        Map<String, Object> change = note("Staff only " + title, "Trust: the " + body + " lease stays between us. "
                + "The " + body + " lease ends in spring.", "private");
        assertThat(asX.put("/api/notes/" + edited, change, Map.of("If-Match", "\"1\"")).status())
                .as("edit of a private note").isEqualTo(200);
        deleted = created(asX.post("/api/notes", note("Draft " + title, "Draft about the " + body + " lease.",
                "private")));
        assertThat(asX.delete("/api/notes/" + deleted).status()).as("delete of a private note").isEqualTo(204);

        // Shared notes without any canary: they are what the cohort may see.
        // Two concerns alike (each section on its own line), so X's shared set and the cohort's have a theme.
        sharedNotes.add(created(asX.post("/api/notes", note("Open house " + suffix, "Aspirations: longer library "
                + "hours on weekends.\nConcerns: the last bus leaves too early in the evening.", "cohort"))));
        sharedNotes.add(created(asX.post("/api/notes", note("Farmers market " + suffix, "Concerns: the evening bus "
                + "service ends far too early.\nAspirations: library hours in the evening.", "cohort"))));
        // Shared first (the cohort heard of it), then made private with canary content: it must vanish.
        madePrivate = created(asX.post("/api/notes", note("Teen night " + suffix, "Aspirations: a teen space.",
                "cohort")));
        Map<String, Object> secret = note("Renamed " + canaries.get("made-private"), "The "
                + canaries.get("made-private") + " plan is private now.", "private");
        assertThat(asX.put("/api/notes/" + madePrivate, secret, Map.of("If-Match", "\"1\"")).status())
                .as("a shared note made private").isEqualTo(200);
        sharedOfY = created(asY.post("/api/notes", note("Reading circle " + suffix, "Aspirations: library hours "
                + "for the reading circle.", "cohort")));

        // A calibration whose reasons describe private notes, supported by a private and a shared note.
        JsonNode calibration = expect(asX.post("/api/notes/calibrations", Map.of("stage", "catalytic",
                "reasons", "The " + canaries.get("calibration-reasons") + " talks and the " + body + " lease.",
                "supportingNoteIds", List.of(privateNotes.get(0), sharedNotes.get(0)))), 201);
        assertThat(calibration.get("supportingNoteIds")).hasSize(2);
    }

    private Map<String, Object> note(String title, String body, String visibility) {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("title", title);
        note.put("body", body);
        note.put("conversationDate", LocalDate.now(ZoneOffset.UTC).minusDays(3).toString());
        note.put("place", "private".equals(visibility) ? "Back office " + canaries.get("place") : "Main branch");
        note.put("facilitator", "Xena Lead");
        note.put("tags", "private".equals(visibility) ? List.of("board", canaries.get("tag")) : List.of("open"));
        note.put("visibility", visibility);
        return note;
    }

    private static Http.Part textFile(String name, String text) {
        return new Http.Part("files", name, "text/plain", text.getBytes(StandardCharsets.UTF_8));
    }

    private static Http.Part pdfFile(String name, List<String> lines) {
        return new Http.Part("files", name, "application/pdf", CanaryDocuments.pdf(lines));
    }

    private static Http.Part docxFile(String name, List<String> paragraphs) {
        return new Http.Part("files", name,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                CanaryDocuments.docx(paragraphs));
    }

    private String upload(Http as, Map<String, Object> note, Http.Part... files) {
        List<Http.Part> parts = new ArrayList<>();
        parts.add(new Http.Part("note", null, "application/json",
                tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsBytes(note)));
        parts.addAll(List.of(files));
        JsonNode view = expect(as.postMultipart("/api/notes", parts), 201);
        for (JsonNode attachment : view.get("attachments")) {
            attachments.add(attachment.get("id").asString());
            assertThat(attachment.get("extraction").asString()).as("extraction of " + attachment.get("name"))
                    .isEqualTo("done");
        }
        return view.get("id").asString();
    }

    /**
     * Waits until the system is at rest for this cohort: X's theme sets count every live note, notification-service
     * consumed every event and sent every email it queued for Y; then the daily and weekly digests of Y's members
     * are made due (a fixed-offset zone whose digest hour falls a moment from now) and run through the staff API.
     */
    private void settle() throws Exception {
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(expect(asX.get("/api/notes/themes"), 200).get("noteCount").asInt()).isEqualTo(6);
            assertThat(expect(staff.get("/api/notes/themes/cohort?cohortId=" + cohortId), 200).get("noteCount")
                    .asInt()).isEqualTo(3);
        });
        for (String note : concat(privateNotes, sharedNotes, List.of(madePrivate, deleted, sharedOfY))) {
            awaitActivity("NoteUploaded", note);
        }
        awaitActivity("NoteUpdated", madePrivate);
        awaitActivity("NoteDeleted", deleted);
        awaitActivity("CommunityStageCalibrated", libraryX);
        awaitActivity("ThemesUpdated", libraryX);
        awaitActivity("ThemesUpdated", "cohort:" + cohortId);
        awaitNotificationServiceCaughtUp();
        awaitDeliveriesOfY();

        Instant boundary = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
        int seconds = (int) (boundary.getEpochSecond() % 86_400);
        int offset = (3_600 - seconds % 3_600) % 3_600; // local time at the boundary: a full hour
        ZoneOffset zone = ZoneOffset.ofTotalSeconds(offset);
        int hour = ((seconds + offset) / 3_600) % 24;
        String day = boundary.atOffset(zone).getDayOfWeek().name();
        List<String> ids = new ArrayList<>(membersY.keySet());
        for (int i = 1; i < ids.size(); i++) {
            Http member = new Http(stack.config().gatewayUrl()).withToken(signIn(membersY.get(ids.get(i))));
            assertThat(member.put("/api/notifications/preferences/me", Map.of("timeZone", zone.getId(), "hour", hour,
                    "weeklyDay", day), Map.of()).status()).isEqualTo(200);
        }
        await().atMost(WAIT).until(() -> Instant.now().isAfter(boundary.plusSeconds(1)));
        await().atMost(WAIT).until(() -> {
            Http.Response run = staff.post("/api/notifications/digests/run", null);
            runs.add(run);
            return run.status() == 200;
        });
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(deliveries(ids.get(1), "digest-daily")).as("daily digest of Y").isNotEmpty();
            assertThat(deliveries(ids.get(2), "digest-weekly")).as("weekly digest of Y").isNotEmpty();
        });
        awaitDeliveriesOfY();
    }

    private void awaitActivity(String type, String subject) {
        await().atMost(WAIT).until(() -> DemoData.items(expect(staff.get("/api/notifications/activity?type=" + type
                + "&subject=" + enc(subject)), 200)).size() > 0);
    }

    /** notification-service's consumer group has read every topic to its end. */
    private void awaitNotificationServiceCaughtUp() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.config().kafkaBootstrap()))) {
            await().atMost(WAIT).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                        "notification-service").partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                return !committed.isEmpty() && committed.entrySet().stream().allMatch(e -> e.getValue() != null
                        && e.getValue().offset() >= ends.get(e.getKey()).offset());
            });
        }
    }

    /** Every email queued for Y's members has been sent, and the catcher holds each of them. */
    private void awaitDeliveriesOfY() {
        await().atMost(WAIT).untilAsserted(() -> {
            for (Map.Entry<String, String> member : membersY.entrySet()) {
                List<JsonNode> all = deliveries(member.getKey(), null);
                assertThat(all).as("deliveries of " + member.getValue())
                        .allSatisfy(d -> assertThat(d.get("status").asString()).isIn("SENT", "FAILED"));
                long sent = all.stream().filter(d -> d.get("status").asString().equals("SENT")).count();
                long caught = stack.caughtEmails().stream().filter(m -> m.to().contains(member.getValue())).count();
                assertThat(caught).as("emails caught for " + member.getValue()).isEqualTo(sent);
            }
        });
    }

    private List<JsonNode> deliveries(String memberId, String kind) {
        return DemoData.items(expect(staff.get("/api/notifications/deliveries?size=100&recipient=" + memberId
                + (kind == null ? "" : "&kind=" + kind)), 200));
    }

    @BeforeEach
    void ownHits() {
        hits.clear();
    }

    // ---------------------------------------------------------------- the library and staff do see it

    @Test
    void theLibraryAndStaffSeeTheCanariesWhereTheyShould() {
        // Note views: title, body, place and tags, for X and for staff.
        for (Http who : List.of(asX, staff)) {
            String view = expect(who.get("/api/notes/" + privateNotes.get(0)), 200).toString();
            assertThat(view).contains(canaries.get("title"), canaries.get("body"), canaries.get("place"),
                    canaries.get("tag"), canaries.get("file-name"));
        }
        // Search as X finds the text of every attachment type: notes-service extracted it.
        for (String name : List.of("body", "title", "text-attachment", "pdf-attachment", "docx-attachment")) {
            JsonNode page = expect(asX.get("/api/notes?q=" + canaries.get(name)), 200);
            assertThat(page.get("total").asLong()).as("X searching canary '" + name + "'").isGreaterThanOrEqualTo(2);
        }
        // Search by words and meaning as X finds them too, with the canary in a snippet; staff as well.
        for (Http who : List.of(asX, staff)) {
            for (String name : List.of("body", "text-attachment", "pdf-attachment", "docx-attachment")) {
                JsonNode page = expect(who.get("/api/notes/search?q=" + canaries.get(name) + "&libraryId="
                        + libraryX), 200);
                assertThat(page.get("total").asLong()).as("searching canary '" + name + "' with snippets")
                        .isGreaterThanOrEqualTo(2);
                assertThat(page.get("items").toString()).as("snippets of canary '" + name + "'")
                        .contains(canaries.get(name));
            }
        }
        assertThat(DemoData.items(expect(asX.get("/api/notes/" + privateNotes.get(0) + "/similar?size=100"), 200)))
                .extracting(n -> n.get("id").asString()).as("notes like a private note, as X")
                .contains(privateNotes.get(1));
        // X's own theme set (all its notes) carries the canaries as themes.
        JsonNode own = expect(asX.get("/api/notes/themes"), 200);
        List<String> labels = StreamSupport.stream(own.get("themes").spliterator(), false)
                .map(t -> t.get("label").asString()).toList();
        for (String name : List.of("body", "text-attachment", "pdf-attachment", "docx-attachment")) {
            assertThat(labels).as("X's theme labels, canary '" + name + "'")
                    .anyMatch(label -> label.contains(canaries.get(name)));
        }
        // X's report, both formats, for X and staff; the calibration reasons for X and staff.
        for (Http who : List.of(asX, staff)) {
            for (String type : List.of("text/markdown", "text/csv")) {
                Http.Response report = who.get("/api/notes/reports/" + libraryX, Map.of("Accept", type));
                assertThat(report.status()).isEqualTo(200);
                assertThat(report.raw()).as("report " + type).contains(canaries.get("body"),
                        canaries.get("calibration-reasons"));
            }
            assertThat(expect(who.get("/api/notes/calibrations?libraryId=" + libraryX), 200).toString())
                    .contains(canaries.get("calibration-reasons"));
        }
    }

    // ---------------------------------------------------------------- nobody else does

    @Test
    void searchAndTotalsOfAnotherLibraryCountNoPrivateNote() {
        for (Map.Entry<String, String> canary : canaries.entrySet()) {
            JsonNode page = expect(asY.get("/api/notes?q=" + canary.getValue()), 200);
            assertThat(page.get("total").asLong()).as("Y searching canary '" + canary.getKey() + "'").isZero();
            JsonNode tagged = expect(asY.get("/api/notes?tag=" + canary.getValue()), 200);
            assertThat(tagged.get("total").asLong()).as("Y filtering by tag '" + canary.getKey() + "'").isZero();
        }
        for (Map.Entry<String, String> canary : canaries.entrySet()) {
            for (String filter : List.of("", "&libraryId=" + libraryX, "&cohortId=" + cohortId)) {
                JsonNode page = expect(asY.get("/api/notes/search?size=100&q=" + canary.getValue() + filter), 200);
                assertThat(DemoData.items(page)).extracting(n -> n.get("id").asString())
                        .as("Y searching by words and meaning for canary '" + canary.getKey() + "'" + filter)
                        .doesNotContainAnyElementsOf(concat(privateNotes, List.of(madePrivate, deleted)));
            }
        }
        JsonNode searchOfX = expect(asY.get("/api/notes/search?size=100&q=" + canaries.get("body") + "+lease+budget"
                + "&libraryId=" + libraryX), 200);
        assertThat(DemoData.items(searchOfX)).extracting(n -> n.get("id").asString())
                .as("X's notes found by Y's search: shared ones only").isSubsetOf(sharedNotes);
        assertThat(searchOfX.get("total").asLong()).isEqualTo(DemoData.items(searchOfX).size());
        for (String shared : concat(sharedNotes, List.of(sharedOfY))) {
            JsonNode like = expect(asY.get("/api/notes/" + shared + "/similar?size=100"), 200);
            assertThat(DemoData.items(like)).extracting(n -> n.get("id").asString())
                    .as("notes like " + shared + " as Y").doesNotContainAnyElementsOf(
                            concat(privateNotes, List.of(madePrivate, deleted)));
        }
        for (String note : concat(privateNotes, List.of(madePrivate, deleted))) {
            assertThat(asY.get("/api/notes/" + note + "/similar").status()).as("notes like " + note + " as Y")
                    .isEqualTo(404);
        }
        JsonNode ofX = expect(asY.get("/api/notes?libraryId=" + libraryX + "&size=100"), 200);
        assertThat(ofX.get("total").asLong()).as("X's notes as Y counts: the shared ones only").isEqualTo(2);
        assertThat(DemoData.items(ofX)).extracting(n -> n.get("id").asString())
                .containsExactlyInAnyOrderElementsOf(sharedNotes);
        JsonNode ofCohort = expect(asY.get("/api/notes?cohortId=" + cohortId + "&size=100"), 200);
        assertThat(ofCohort.get("total").asLong()).as("the cohort's notes as Y: shared ones and Y's own")
                .isEqualTo(3);
        assertThat(expect(asY.get("/api/notes/themes/shared?libraryId=" + libraryX), 200).get("noteCount").asInt())
                .as("X's shared theme set counts shared notes only").isEqualTo(2);
        for (String note : concat(privateNotes, List.of(madePrivate, deleted))) {
            assertThat(asY.get("/api/notes/" + note).status()).as("X's private note " + note + " as Y").isEqualTo(404);
        }
    }

    @Test
    void noApiResponseAnotherLibraryCanGetHasACanary() {
        List<String> ids = concat(List.of(libraryX, libraryY, cohortId, memberX), membersY.keySet(), privateNotes,
                sharedNotes, List.of(madePrivate, deleted, sharedOfY), attachments);
        for (String service : List.of("catalog", "notes", "notifications")) {
            JsonNode spec = expect(staff.get("/api/docs/" + service), 200);
            spec.get("paths").properties().forEach(path -> {
                JsonNode get = path.getValue().get("get");
                if (get != null) {
                    operations++;
                    callAsY(path.getKey(), get, ids);
                }
            });
        }
        assertThat(operations).as("GET operations in the OpenAPI documents").isGreaterThan(20);
        assertNoHits();
    }

    /** Every path-parameter combination of known ids, without filters and with each known filter, each Accept. */
    private void callAsY(String template, JsonNode operation, List<String> ids) {
        List<String> pathParams = new ArrayList<>();
        List<String> queryParams = new ArrayList<>();
        for (JsonNode parameter : iterable(operation.get("parameters"))) {
            String in = parameter.get("in").asString();
            if (in.equals("path")) {
                pathParams.add(parameter.get("name").asString());
            } else if (in.equals("query")) {
                queryParams.add(parameter.get("name").asString());
            }
        }
        Set<String> accepts = new LinkedHashSet<>(List.of("*/*"));
        for (JsonNode response : iterable(operation.get("responses"))) {
            if (response.has("content")) {
                response.get("content").propertyNames().forEach(type -> {
                    if (!type.contains("*")) {
                        accepts.add(type);
                    }
                });
            }
        }
        List<String> queries = new ArrayList<>(List.of(""));
        Map<String, List<String>> filters = Map.of(
                "libraryId", List.of(libraryX),
                "cohortId", List.of(cohortId),
                "q", List.copyOf(canaries.values()),
                "tag", List.of(canaries.get("tag")),
                "subject", concat(List.of(libraryX, "cohort:" + cohortId), privateNotes, List.of(madePrivate)),
                "recipient", concat(membersY.keySet(), List.of(memberX)),
                "email", List.copyOf(emailsX));
        filters.forEach((name, values) -> {
            if (queryParams.contains(name)) {
                values.forEach(value -> queries.add(name + "=" + enc(value)));
            }
        });
        if (queryParams.contains("libraryId") && queryParams.contains("q")) {
            canaries.values().forEach(c -> queries.add("libraryId=" + enc(libraryX) + "&q=" + enc(c)));
        }
        for (String path : fill(template, pathParams, ids)) {
            for (String query : queries) {
                for (String accept : accepts) {
                    String uri = path + (query.isEmpty() ? "" : "?" + query);
                    scan("GET " + template + " (" + uri + ", Accept " + accept + ") as a member of Y",
                            asY.get(uri, Map.of("Accept", accept)));
                }
            }
        }
    }

    private static List<String> fill(String template, List<String> params, List<String> ids) {
        List<String> paths = List.of(template);
        for (String param : params) {
            List<String> next = new ArrayList<>();
            for (String path : paths) {
                for (String id : ids) {
                    next.add(path.replace("{" + param + "}", enc(id)));
                }
            }
            paths = next;
        }
        return paths;
    }

    @Test
    void noEmailOutsideTheLibraryHasACanary() {
        Map<String, Integer> perMember = new LinkedHashMap<>();
        for (MailCatcher.Caught email : stack.caughtEmails()) {
            if (email.to().stream().anyMatch(emailsX::contains)) {
                continue; // X's own team may be told about X's notes
            }
            emails++;
            scanText("email to " + email.to() + " (" + email.headers().stream().filter(h -> h.startsWith("Subject:"))
                    .findFirst().orElse("no subject") + ")", email.everything());
            email.to().stream().filter(membersY::containsValue).forEach(to -> perMember.merge(to, 1, Integer::sum));
            emailsOfY += email.to().stream().anyMatch(membersY::containsValue) ? 1 : 0;
        }
        // Not vacuous: Y's members did get notices and digests about X's shared notes.
        List<String> y = new ArrayList<>(membersY.values());
        assertThat(perMember).as("emails per member of Y").containsKeys(y.get(0), y.get(1), y.get(2));
        String daily = stack.caughtEmails().stream().filter(m -> m.to().contains(y.get(1)))
                .map(MailCatcher.Caught::everything).filter(t -> t.contains("daily digest")).findFirst().orElseThrow();
        assertThat(daily).contains("Open house " + suffix, "Shared by Canary X " + suffix, "Top themes:");
        assertThat(stack.caughtEmails().stream().filter(m -> m.to().contains(y.get(0))).map(MailCatcher.Caught::everything))
                .anyMatch(t -> t.contains("Notes shared in your cohort: Open house " + suffix))
                .anyMatch(t -> t.contains("catalytic"));
        assertNoHits();
    }

    @Test
    void digestPreviewsForTheOtherLibraryHaveNoCanary() {
        for (String member : membersY.keySet()) {
            scan("digest preview for " + member + " (GET /api/notifications/digests/preview as staff)",
                    staff.get("/api/notifications/digests/preview?recipient=" + member));
            scan("digest preview for " + member + " by email",
                    staff.get("/api/notifications/digests/preview?recipient=" + enc(membersY.get(member))));
        }
        runs.add(staff.post("/api/notifications/digests/run", null));
        for (Http.Response run : runs) {
            scan("digest run result (POST /api/notifications/digests/run as staff)", run);
        }
        scan("activity of X's notes as staff", staff.get("/api/notifications/activity?size=100&subject="
                + privateNotes.get(0)));
        assertNoHits();
    }

    @Test
    void noEventOnAnyTopicHasACanary() throws Exception {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.config().kafkaBootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        Set<String> names;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.config().kafkaBootstrap()))) {
            names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        assertThat(names).contains("outward.notes.notes", "outward.notes.themes", "outward.notes.calibrations");
        Map<String, Integer> perTopic = new java.util.TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : names) {
                for (PartitionInfo info : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    StringBuilder text = new StringBuilder();
                    text.append(string(record.key())).append('\n').append(string(record.value()));
                    for (Header header : record.headers()) {
                        text.append('\n').append(header.key()).append(": ").append(string(header.value()));
                    }
                    events++;
                    perTopic.merge(record.topic(), 1, Integer::sum);
                    scanText("event on " + record.topic() + " partition " + record.partition() + " offset "
                            + record.offset(), text.toString());
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
            });
        }
        topics = names.size();
        // Not vacuous: this run's events are among them.
        assertThat(perTopic).containsKeys("outward.notes.notes", "outward.notes.themes", "outward.notes.calibrations");
        log.info("privacy canary: events per topic {}", perTopic);
        assertNoHits();
    }

    @AfterAll
    void summary() {
        log.info("privacy canary summary: canaries={} surfaces scanned: {} API responses of {} GET operations, {} "
                + "emails outside library X ({} to library Y), {} event records on {} topics; hits={}",
                canaries.size(), responses, operations, emails, emailsOfY, events, topics, hitsInAll);
    }

    // ---------------------------------------------------------------- scanning

    private void scan(String surface, Http.Response response) {
        responses++;
        StringBuilder text = new StringBuilder().append(response.status()).append('\n');
        response.headers().map().forEach((name, values) -> text.append(name).append(": ")
                .append(String.join(", ", values)).append('\n'));
        text.append(response.raw());
        scanText(surface + " -> HTTP " + response.status(), text.toString());
    }

    private void scanText(String surface, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        canaries.forEach((name, word) -> {
            if (lower.contains(word)) {
                hits.add(surface + ": canary '" + name + "' (" + word + ")");
            }
        });
    }

    private void assertNoHits() {
        hitsInAll += hits.size();
        assertThat(hits).as("private content of library X reached someone outside it").isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private static String created(Http.Response response) {
        return expect(response, 201).get("id").asString();
    }

    private static JsonNode expect(Http.Response response, int status) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        return response.body();
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(out::add);
        } else {
            node.properties().forEach(e -> out.add(e.getValue()));
        }
        return out;
    }

    @SafeVarargs
    private static List<String> concat(Collection<String>... lists) {
        List<String> all = new ArrayList<>();
        for (Collection<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String string(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
