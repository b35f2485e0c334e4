package org.outward.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outward.contracts.EventEnvelope;
import org.outward.contracts.Events;
import org.outward.contracts.Topics;
import org.outward.contracts.catalog.LinkData;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.ResourceData;
import org.outward.contracts.catalog.WebinarPublished;
import org.outward.contracts.notes.NoteUploaded;
import org.outward.notification.delivery.EmailOutbox;
import org.outward.platform.roster.RosterMirror;
import org.outward.notification.support.Api;
import org.outward.notification.support.FreePort;
import org.outward.notification.support.KafkaLag;
import org.outward.notification.support.Mailbox;
import org.outward.notification.support.TestEvents;
import org.outward.platform.deadletter.DeadLetters;
import org.outward.platform.test.TestTokens;
import org.outward.platform.inbox.Inbox;
import org.outward.platform.test.TestMongo;
import org.outward.platform.test.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole service over real wires: events in through an in-process Kafka (KRaft), state in a MongoDB
 * wire server, emails out over SMTP to GreenMail, and the HTTP API on a random port. The roster is
 * published once; every test publishes its own webinar and looks only at that webinar's emails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationFlowTest extends ServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private TestEvents events;
    private Api api;
    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @BeforeAll
    void publishRoster() {
        events = new TestEvents(broker.getBrokersAsString());
        api = new Api(port);
        RosterFixture.publish(events);
        await().atMost(WAIT).until(() -> api.get("/api/notifications/recipients").json().valueStream()
                .filter(r -> FIXTURE_IDS.contains(r.get("memberId").asString())).count() == 5);
        await().atMost(WAIT).until(() -> mongo.count(Query.query(Criteria.where("_id").in(
                RosterFixture.FAIRVIEW.libraryId(), RosterFixture.RIVERSIDE.libraryId(),
                RosterFixture.OAK_HILL.libraryId())), RosterMirror.LIBRARIES) == 3);
    }

    @AfterAll
    void close() {
        events.close();
    }

    @Test
    void webinarPublishedEmailsEveryLibraryMemberOnceAndNoStaff() throws Exception {
        WebinarPublished webinar = webinar("Turning Outward & Community Conversations");
        EventEnvelope event = events.publish(Events.WEBINAR_PUBLISHED, webinar.webinarId(), webinar);

        List<MimeMessage> received = awaitEmails(event, 4);

        Map<String, MimeMessage> byAddress = received.stream()
                .collect(Collectors.toMap(Mailbox::to, Function.identity()));
        assertThat(byAddress).containsOnlyKeys(RosterFixture.LIBRARY_MEMBERS.stream().map(MemberAdded::email).toList());
        for (MemberAdded member : RosterFixture.LIBRARY_MEMBERS) {
            MimeMessage message = byAddress.get(member.email());
            String key = event.id() + ":" + member.memberId();
            assertThat(Mailbox.key(message)).isEqualTo(key);
            assertThat(message.getMessageID()).isEqualTo("<" + event.id() + "." + member.memberId() + "@outward.local>");
            assertThat(message.getSubject()).isEqualTo("New webinar: Turning Outward & Community Conversations");
            assertThat(message.getFrom()[0].toString()).isEqualTo("Outward <no-reply@outward.local>");
            assertThat(Mailbox.header(message, "X-Outward-Kind")).isEqualTo("webinar-published");
            assertThat(Mailbox.header(message, "X-Outward-Correlation-Id")).isEqualTo(event.correlationId());

            MimeMultipart alternative = (MimeMultipart) message.getContent();
            assertThat(alternative.getContentType()).startsWith("multipart/alternative");
            assertThat(alternative.getCount()).isEqualTo(2);
            assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
            assertThat(alternative.getBodyPart(1).isMimeType("text/html")).isTrue();
            String text = (String) alternative.getBodyPart(0).getContent();
            String html = (String) alternative.getBodyPart(1).getContent();
            String library = RosterFixture.libraryOf(member).name();
            String link = "https://outward.example/webinars/" + webinar.slug();

            assertThat(text).contains("Hello " + member.name() + ",", library, webinar.title(), webinar.summary(),
                    "1 hour 30 minutes", "https://video.example/watch/42", "https://files.example/worksheet.pdf",
                    link, RosterFixture.COHORT_NAME, "You are receiving this email because");
            assertThat(html).contains(member.name(), library, "Turning Outward &amp; Community Conversations",
                    "href=\"https://video.example/watch/42\"", "href=\"" + link + "\"", RosterFixture.COHORT_NAME);
            // A link the catalog got wrong never becomes a script link in an email.
            assertThat(text + html).doesNotContain("javascript:");
        }

        // The email reaches the SMTP server a moment before the sender records it as sent.
        JsonNode entry = await().atMost(Duration.ofSeconds(30)).until(() -> {
            Api.Response log = api.get("/api/notifications/deliveries?status=SENT&recipient="
                    + RosterFixture.ANA.memberId());
            assertThat(log.status()).isEqualTo(200);
            return log.json().get("items").valueStream()
                    .filter(i -> i.get("key").asString().equals(event.id() + ":" + RosterFixture.ANA.memberId()))
                    .findFirst().orElse(null);
        }, java.util.Objects::nonNull);
        assertThat(entry.get("to").asString()).isEqualTo(RosterFixture.ANA.email());
        assertThat(entry.get("kind").asString()).isEqualTo("webinar-published");
        assertThat(entry.get("status").asString()).isEqualTo("SENT");
        assertThat(entry.get("attempts").asInt()).isEqualTo(1);
        assertThat(entry.get("sentAt").isNull()).isFalse();
        assertThat(entry.has("text")).isFalse();
        assertThat(entry.has("html")).isFalse();
        assertThat(api.get("/api/notifications/deliveries?kind=webinar-published&recipient=" + RosterFixture.PAT.memberId())
                .json().get("total").asLong()).isZero();
    }

    @Test
    void anEventDeliveredAgainSendsNoSecondEmail() {
        WebinarPublished webinar = webinar("Asking Aspirations Questions");
        EventEnvelope event = events.publish(Events.WEBINAR_PUBLISHED, webinar.webinarId(), webinar);
        awaitEmails(event, 4);

        // First a plain redelivery (the inbox skips it), then one as if the service had died after queueing
        // the emails but before remembering the event: the handler runs again and the email keys hold.
        events.send(Topics.CATALOG_WEBINARS, event);
        mongo.remove(Query.query(Criteria.where("_id").is(event.id().toString())), Inbox.COLLECTION);
        events.send(Topics.CATALOG_WEBINARS, event);
        KafkaLag.awaitConsumed(broker.getBrokersAsString(), "notification-service", Topics.CATALOG_WEBINARS);

        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(event.id().toString())), Inbox.COLLECTION)).isTrue();
        List<Document> queued = mongo.find(Query.query(Criteria.where("causeEventId").is(event.id().toString())
                .and("recipientId").in(FIXTURE_IDS)), Document.class, EmailOutbox.COLLECTION);
        assertThat(queued).hasSize(4).allSatisfy(email -> {
            assertThat(email.getString("status")).isEqualTo("SENT");
            assertThat(email.getInteger("attempts")).isEqualTo(1);
        });
        assertThat(ours(event)).hasSize(4);
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAreRecordedAndReplayedAndLaterEventsStillCount() {
        try (TopicProbe dlt = new TopicProbe(broker.getBrokersAsString(),
                Topics.CATALOG_WEBINARS + Topics.DEAD_LETTER_SUFFIX)) {
            String key = "poison-webinar-" + UUID.randomUUID();
            events.sendRaw(Topics.CATALOG_WEBINARS, key, "{\"id\": \"not-even-json");
            WebinarPublished webinar = webinar("Shared Aspirations");
            EventEnvelope valid = events.publish(Events.WEBINAR_PUBLISHED, webinar.webinarId(), webinar);

            List<ConsumerRecord<String, String>> dead = dlt.await(r -> r.key().equals(key), 1, WAIT);
            assertThat(dead).hasSize(1);
            ConsumerRecord<String, String> malformed = dead.get(0);
            assertThat(header(malformed, "kafka_dlt-exception-message")).contains("malformed event JSON");
            assertThat(header(malformed, "kafka_dlt-original-topic")).isEqualTo(Topics.CATALOG_WEBINARS);
            awaitEmails(valid, 4);

            // Recorded by the service, listed for staff with where it came from and why.
            JsonNode letter = await().atMost(WAIT).until(() -> deadLetter(key, "open"), java.util.Objects::nonNull);
            assertThat(letter.get("topic").asString()).isEqualTo(Topics.CATALOG_WEBINARS);
            assertThat(letter.get("partition").asInt()).isGreaterThanOrEqualTo(0);
            assertThat(letter.get("offset").asLong()).isGreaterThanOrEqualTo(0);
            assertThat(letter.get("group").asString()).isEqualTo("notification-service");
            assertThat(letter.get("reason").asString()).contains("malformed event JSON");
            assertThat(letter.get("firstSeen").isNull()).isFalse();
            assertThat(meters.get(DeadLetters.METRIC).gauge().value()).isGreaterThanOrEqualTo(1);
            JsonNode health = api.get("/actuator/health").json();
            assertThat(health.at("/components/deadLetters/details/open").asLong()).isGreaterThanOrEqualTo(1);

            // Replayed: still poison, so the consumer gives up on it again, a new dead letter; the first is done.
            String id = letter.get("id").asString();
            Api.Response replayed = api.post("/api/notifications/dead-letters/" + id + "/replay", null);
            assertThat(replayed.status()).isEqualTo(200);
            assertThat(replayed.json().get("status").asString()).isEqualTo("replayed");
            await().atMost(WAIT).until(() -> deadLetter(key, "open") != null
                    && !deadLetter(key, "open").get("id").asString().equals(id));
            assertThat(api.as(TestTokens.member(RosterFixture.FAIRVIEW.libraryId(), RosterFixture.COHORT)).get("/api/notifications/dead-letters").status()).isEqualTo(403);
        }
    }

    @Test
    void aReplayedDeadLetterGoesThroughTheNormalDedupeAndOnlyToTheGroupThatGaveUp() {
        // A valid event that the consumer gave up on (say MongoDB was away longer than the retries), written to the
        // dead-letter topic the way the error handler writes it.
        WebinarPublished webinar = webinar("Replayed After The Fix");
        EventEnvelope event = events.envelope(Events.WEBINAR_PUBLISHED, webinar.webinarId(), webinar);
        long offset = 900_000 + new java.util.Random().nextInt(99_999);
        events.sendDeadLetter(Topics.CATALOG_WEBINARS, webinar.webinarId(), event, offset, "notification-service",
                "IllegalStateException: MongoDB away");
        // Another service's dead letter on the same topic is theirs to handle.
        events.sendDeadLetter(Topics.CATALOG_WEBINARS, webinar.webinarId(), event, offset + 1, "someone-else",
                "not ours");
        String id = Topics.CATALOG_WEBINARS + "-0-" + offset + ".notification-service";
        await().atMost(WAIT).until(() -> api.get("/api/notifications/dead-letters?status=all&size=100").json()
                .get("items").valueStream().anyMatch(d -> d.get("id").asString().equals(id)));
        assertThat(api.get("/api/notifications/dead-letters?status=all&size=100").json().get("items").valueStream()
                .noneMatch(d -> d.get("group").asString().equals("someone-else"))).isTrue();

        assertThat(api.post("/api/notifications/dead-letters/" + id + "/replay", null).status()).isEqualTo(200);
        awaitEmails(event, 4);
        // Replayed once more (staff pressed twice): the consumer has the event id in its inbox and skips it.
        assertThat(api.post("/api/notifications/dead-letters/" + id + "/replay", null).json().get("replays").asInt())
                .isEqualTo(2);
        WebinarPublished later = webinar("After The Replays");
        EventEnvelope after = events.publish(Events.WEBINAR_PUBLISHED, later.webinarId(), later);
        awaitEmails(after, 4);
        assertThat(ours(event)).hasSize(4);
        // One email per recipient, none twice (other test classes add recipients to the same store: count ours).
        List<Document> made = mongo.find(Query.query(Criteria.where("causeEventId").is(event.id().toString())),
                Document.class, EmailOutbox.COLLECTION);
        assertThat(made.stream().map(d -> d.getString("recipientId")).distinct().count()).isEqualTo(made.size());
        assertThat(made.stream().filter(d -> FIXTURE_IDS.contains(d.getString("recipientId"))).count()).isEqualTo(4);
        assertThat(api.post("/api/notifications/dead-letters/no-such-id/replay", null).status()).isEqualTo(404);
    }

    @Test
    void replayingEveryOpenDeadLetterOfATopicDeliversEachOnceAndClosesThem() {
        // Two valid events the consumer gave up on (say MongoDB was away), then fixed: staff replay all at once.
        List<EventEnvelope> given = new java.util.ArrayList<>();
        List<String> ids = new java.util.ArrayList<>();
        for (String title : List.of("Replayed In Bulk One", "Replayed In Bulk Two")) {
            WebinarPublished webinar = webinar(title);
            EventEnvelope event = events.envelope(Events.WEBINAR_PUBLISHED, webinar.webinarId(), webinar);
            long offset = 800_000 + new java.util.Random().nextInt(99_999);
            events.sendDeadLetter(Topics.CATALOG_WEBINARS, webinar.webinarId(), event, offset, "notification-service",
                    "IllegalStateException: MongoDB away");
            given.add(event);
            ids.add(Topics.CATALOG_WEBINARS + "-0-" + offset + ".notification-service");
        }
        await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> status(id) != null));
        assertThat(ids).allMatch(id -> "open".equals(status(id)));

        Api.Response replayed = api.post("/api/notifications/dead-letters/replay?topic=" + Topics.CATALOG_WEBINARS,
                null);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().get("replayed").asInt()).isGreaterThanOrEqualTo(2);
        given.forEach(event -> awaitEmails(event, 4));
        assertThat(ids).allMatch(id -> "replayed".equals(status(id)));
        // A second bulk replay has nothing of ours left open: no email goes out twice.
        api.post("/api/notifications/dead-letters/replay?topic=" + Topics.CATALOG_WEBINARS, null);
        WebinarPublished later = webinar("After The Bulk Replay");
        awaitEmails(events.publish(Events.WEBINAR_PUBLISHED, later.webinarId(), later), 4);
        given.forEach(event -> assertThat(ours(event)).hasSize(4));
    }

    private String status(String deadLetterId) {
        return api.get("/api/notifications/dead-letters?status=all&size=100").json().get("items").valueStream()
                .filter(d -> d.get("id").asString().equals(deadLetterId)).map(d -> d.get("status").asString())
                .findFirst().orElse(null);
    }

    @Test
    void anEventOfATypeOrVersionThisBuildDoesNotKnowIsSkippedNotDeadLettered() {
        double skippedBefore = skipped();
        try (TopicProbe dlt = new TopicProbe(broker.getBrokersAsString(), Topics.CATALOG_ROSTER + Topics.DEAD_LETTER_SUFFIX)) {
            String unknown = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"LibraryRenamed\",\"version\":1,"
                    + "\"occurredAt\":\"2027-01-01T00:00:00Z\",\"source\":\"catalog-service\",\"subject\":\"lib-x\","
                    + "\"data\":{\"libraryId\":\"lib-x\"}}";
            events.sendRaw(Topics.CATALOG_ROSTER, "lib-x", unknown);
            String newerVersion = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"MemberAdded\",\"version\":7,"
                    + "\"occurredAt\":\"2027-01-01T00:00:00Z\",\"source\":\"catalog-service\",\"subject\":\"m-x\","
                    + "\"data\":{\"memberId\":\"m-x\"}}";
            events.sendRaw(Topics.CATALOG_ROSTER, "m-x", newerVersion);
            MemberAdded staff = new MemberAdded("s-quinn", "quinn@outward.test", "Quinn Staff",
                    MemberAdded.ROLE_PROGRAM_STAFF, null, null, null);
            events.publish(Events.MEMBER_ADDED, staff.memberId(), staff);

            // The event after them (same partition) is processed, so they were handled before it: skipped.
            await().atMost(WAIT).until(() -> api.get("/api/notifications/recipients").json().valueStream()
                    .anyMatch(r -> r.get("memberId").asString().equals("s-quinn")));
            assertThat(skipped() - skippedBefore).isEqualTo(2);
            assertThat(dlt.drain(Duration.ofSeconds(2))).noneMatch(r -> r.key().equals("lib-x") || r.key().equals("m-x"));
        }
    }

    private JsonNode deadLetter(String key, String status) {
        return api.get("/api/notifications/dead-letters?size=100&status=" + status).json().get("items").valueStream()
                .filter(d -> key.equals(d.get("key").asString(null))).findFirst().orElse(null);
    }

    private double skipped() {
        return meters.find(org.outward.platform.observability.EventMetrics.SKIPPED).counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    @Test
    void anEventOnTheWrongTopicIsDeadLettered() {
        try (TopicProbe dlt = new TopicProbe(broker.getBrokersAsString(), Topics.CATALOG_ROSTER + Topics.DEAD_LETTER_SUFFIX)) {
            WebinarPublished webinar = webinar("Misrouted");
            EventEnvelope misrouted = events.envelope(Events.WEBINAR_PUBLISHED, webinar.webinarId(), webinar);
            events.send(Topics.CATALOG_ROSTER, misrouted);

            List<ConsumerRecord<String, String>> dead = dlt.await(r -> r.key().equals(webinar.webinarId()), 1, WAIT);
            assertThat(dead).hasSize(1);
            assertThat(header(dead.get(0), "kafka_dlt-exception-message")).contains("does not belong on topic");
            assertThat(mongo.count(Query.query(Criteria.where("causeEventId").is(misrouted.id().toString())),
                    EmailOutbox.COLLECTION)).isZero();
        }
    }

    @Test
    void noteUploadedIsVisibleInTheActivityLogAndEmailsNobody() {
        NoteUploaded note = new NoteUploaded("note-" + UUID.randomUUID(), RosterFixture.FAIRVIEW.libraryId(),
                RosterFixture.COHORT, "Conversation at the farmers market", NoteUploaded.VISIBILITY_COHORT,
                java.time.LocalDate.of(2027, 3, 14), Instant.parse("2027-03-15T10:00:00Z"));
        EventEnvelope event = events.publish(Events.NOTE_UPLOADED, note.noteId(), note);

        String path = "/api/notifications/activity?type=NoteUploaded&subject=" + note.noteId();
        await().atMost(WAIT).until(() -> api.get(path).json().get("total").asLong() == 1);

        Api.Response response = api.get(path);
        assertThat(response.status()).isEqualTo(200);
        JsonNode item = response.json().get("items").get(0);
        assertThat(item.get("eventId").asString()).isEqualTo(event.id().toString());
        assertThat(item.get("type").asString()).isEqualTo("NoteUploaded");
        assertThat(item.get("subject").asString()).isEqualTo(note.noteId());
        assertThat(item.get("correlationId").asString()).isEqualTo(event.correlationId());
        assertThat(Instant.parse(item.get("occurredAt").asString())).isEqualTo(event.occurredAt().truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS));
        assertThat(item.get("processedAt").isNull()).isFalse();
        // The handler ran before the inbox recorded the event: had it queued emails, they would be here now.
        assertThat(mongo.count(Query.query(Criteria.where("causeEventId").is(event.id().toString())),
                EmailOutbox.COLLECTION)).isZero();
    }

    @Test
    void anOlderRosterEventNeverOverwritesANewerOne() {
        MemberAdded renamed = new MemberAdded("s-rio", "rio@outward.test", "Rio New Name",
                MemberAdded.ROLE_PROGRAM_STAFF, null, null, null);
        MemberAdded original = new MemberAdded("s-rio", "rio@outward.test", "Rio Old Name",
                MemberAdded.ROLE_PROGRAM_STAFF, null, null, null);
        Instant now = Instant.now();
        events.send(Topics.CATALOG_ROSTER, TestEvents.at(events.envelope(Events.MEMBER_ADDED, "s-rio", renamed), now));
        events.send(Topics.CATALOG_ROSTER,
                TestEvents.at(events.envelope(Events.MEMBER_ADDED, "s-rio", original), now.minusSeconds(60)));
        KafkaLag.awaitConsumed(broker.getBrokersAsString(), "notification-service-roster", Topics.CATALOG_ROSTER);

        JsonNode rio = api.get("/api/notifications/recipients").json().valueStream()
                .filter(r -> r.get("memberId").asString().equals("s-rio")).findFirst().orElseThrow();
        assertThat(rio.get("name").asString()).isEqualTo("Rio New Name");
    }

    @Test
    void badQueryParametersAreProblemsNamingTheField() {
        Api.Response badStatus = api.get("/api/notifications/deliveries?status=LOST");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.contentType()).startsWith("application/problem+json");
        assertThat(badStatus.json().get("errors").get(0).get("field").asString()).isEqualTo("status");

        Api.Response badSize = api.get("/api/notifications/activity?size=0");
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
        assertThat(badSize.json().get("requestId").asString()).isNotBlank();
    }

    /** The emails of this event to the fixture's people (other test classes share the service and add theirs). */
    private List<MimeMessage> awaitEmails(EventEnvelope event, int count) {
        await().atMost(WAIT).until(() -> ours(event).size() >= count);
        List<MimeMessage> received = ours(event);
        assertThat(received).hasSize(count);
        return received;
    }

    private List<MimeMessage> ours(EventEnvelope event) {
        List<String> keys = FIXTURE_IDS.stream().map(id -> event.id() + ":" + id).toList();
        return Mailbox.forEvent(mail.getReceivedMessages(), event.id().toString()).stream()
                .filter(m -> keys.contains(Mailbox.key(m))).toList();
    }

    private static final List<String> FIXTURE_IDS = List.of("m-ana", "m-ben", "m-cai", "m-dee", "s-pat");

    private static WebinarPublished webinar(String title) {
        String id = "web-" + UUID.randomUUID();
        return new WebinarPublished(id, "slug-" + id.substring(4, 12), title,
                "How libraries start conversations that matter to their communities.", List.of("conversations"), 2, 90,
                List.of(new LinkData("Recording on Video", "https://video.example/watch/42"),
                        new LinkData("Broken", "javascript:alert(1)")),
                List.of(new ResourceData("worksheet", "Worksheet", "worksheet", "https://files.example/worksheet.pdf")),
                3L, Instant.now());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
