package org.outward.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.outward.contracts.Events;
import org.outward.contracts.Topics;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.ProgressRecorded;
import org.outward.contracts.catalog.WebinarPublished;
import org.outward.contracts.notes.CommunityStageCalibrated;
import org.outward.contracts.notes.CommunityStageCalibratedV1;
import org.outward.contracts.notes.NoteUpdated;
import org.outward.contracts.notes.NoteUploaded;
import org.outward.contracts.notes.ThemeData;
import org.outward.contracts.notes.ThemesUpdated;
import org.outward.notification.delivery.EmailOutbox;
import org.outward.notification.digest.DigestClaims;
import org.outward.notification.digest.DigestJob;
import org.outward.notification.digest.DigestLock;
import org.outward.notification.digest.DigestReturns;
import org.outward.notification.digest.DigestSchedule;
import org.outward.notification.feed.FeedStore;
import org.outward.platform.roster.RosterMirror;
import org.outward.notification.support.Api;
import org.outward.notification.support.KafkaLag;
import org.outward.notification.support.Mailbox;
import org.outward.notification.support.TestEvents;
import org.outward.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Digests end to end: events in over Kafka, digest runs at chosen instants, emails in the outbox and at the
 * SMTP server. Each test has its own cohort.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DigestTest extends ServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Autowired
    DigestJob job;
    @Autowired
    DigestLock lock;
    @Autowired
    FeedStore feed;

    private TestEvents events;

    @BeforeAll
    void connect() {
        events = new TestEvents(broker.getBrokersAsString());
    }

    @AfterAll
    void close() {
        events.close();
    }

    @Test
    void dailyDigestsFollowEachRecipientsTimeZoneWithEveryItemInExactlyOneDigest() throws Exception {
        CohortFixture f = new CohortFixture();
        LocalDate day = startDay();
        testClock().advanceTo(utc(day, 10));
        LibraryJoinedCohort west = f.library("West", LA.getId());
        LibraryJoinedCohort east = f.library("East", TOKYO.getId());
        LibraryJoinedCohort peer = f.library("Peer", "UTC");
        MemberAdded wes = f.member("Wes", west);
        MemberAdded eri = f.member("Eri", east);
        MemberAdded pia = f.member("Pia", peer);
        rosterOf(List.of(west, east, peer), List.of(wes, eri, pia));

        events.publish(Events.THEMES_UPDATED, peer.libraryId(), new ThemesUpdated(ThemesUpdated.SCOPE_LIBRARY_SHARED,
                peer.libraryId(), f.cohort, List.of(theme("bus service"), theme("after-school care")), Instant.now()));
        NoteUploaded first = sharedNote(f, peer, "Farmers market conversation");
        awaitItem("note:" + first.noteId());
        await().atMost(WAIT).until(() -> mongo.exists(Query.query(Criteria.where("_id").is(peer.libraryId())),
                FeedStore.LIBRARY_THEMES));

        // 08:00 in Los Angeles on that day: Wes's first digest. Eri's last Tokyo 08:00 was before anything existed.
        Instant laEight = local(day, LA, 8);
        job.runDue(laEight.plusSeconds(60));
        List<Document> wesDigests = digests(wes.memberId());
        assertThat(wesDigests).hasSize(1);
        assertThat(wesDigests.get(0).getString("_id")).isEqualTo("digest-daily:" + wes.memberId() + ":" + laEight);
        assertThat(wesDigests.get(0).getString("text")).contains("Farmers market conversation",
                "Shared by Peer Library", "Top themes: bus service, after-school care",
                "https://outward.example/notes/" + first.noteId());
        assertThat(digests(eri.memberId())).isEmpty();
        // Pia's own library shared it: it is not news to her.
        assertThat(digests(pia.memberId())).isEmpty();

        testClock().advanceTo(utc(day, 17));
        NoteUploaded second = sharedNote(f, peer, "Library steps conversation");
        awaitItem("note:" + second.noteId());

        // Tokyo 08:00 of the next local day: Eri gets both notes; running twice changes nothing.
        Instant tokyoEight = local(day.plusDays(1), TOKYO, 8);
        assertThat(tokyoEight).isAfter(utc(day, 17));
        job.runDue(tokyoEight.plusSeconds(60));
        job.runDue(tokyoEight.plusSeconds(120));
        List<Document> eriDigests = digests(eri.memberId());
        assertThat(eriDigests).hasSize(1);
        assertThat(eriDigests.get(0).getString("text")).contains("Farmers market conversation",
                "Library steps conversation");
        assertThat(digests(wes.memberId())).hasSize(1);

        // The next Los Angeles 08:00: Wes gets the second note only.
        Instant laNext = local(day.plusDays(1), LA, 8);
        job.runDue(laNext.plusSeconds(60));
        wesDigests = digests(wes.memberId());
        assertThat(wesDigests).hasSize(2);
        assertThat(wesDigests.get(1).getString("text")).contains("Library steps conversation")
                .doesNotContain("Farmers market conversation");
        assertEveryItemOnce(wes.memberId(), "note:" + first.noteId(), "note:" + second.noteId());
        assertEveryItemOnce(eri.memberId(), "note:" + first.noteId(), "note:" + second.noteId());

        // What arrives: both parts, the footer, and one-click unsubscribe headers (RFC 8058).
        String key = wesDigests.get(1).getString("_id");
        await().atMost(WAIT).until(() -> Arrays.stream(mail.getReceivedMessages()).anyMatch(m -> Mailbox.key(m)
                .equals(key)));
        MimeMessage message = Arrays.stream(mail.getReceivedMessages()).filter(m -> Mailbox.key(m).equals(key))
                .findFirst().orElseThrow();
        assertThat(message.getSubject()).isEqualTo("Your daily digest from Outward: 1 update");
        assertThat(Mailbox.header(message, "List-Unsubscribe"))
                .matches("<https://outward\\.example/api/notifications/unsubscribe\\?token=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+>");
        assertThat(Mailbox.header(message, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        MimeMultipart alternative = (MimeMultipart) message.getContent();
        String text = (String) alternative.getBodyPart(0).getContent();
        String html = (String) alternative.getBodyPart(1).getContent();
        assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(alternative.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat(text).contains("Hello Wes Member,", "daily digest for West Library", "== Notes shared in your cohort ==",
                "You are receiving this email because you are on the West Library team",
                "Change how often you get these emails: https://outward.example/settings/notifications",
                "Unsubscribe: https://outward.example/unsubscribe?token=");
        assertThat(html).contains("<h2", "Notes shared in your cohort", "href=\"https://outward.example/notes/"
                + second.noteId() + "\"", "Unsubscribe</a>");
    }

    @Test
    void privateNotesAndOtherCohortsNeverAppearAndSectionsAreGroupedNewestFirst() {
        CohortFixture f = new CohortFixture();
        CohortFixture other = new CohortFixture();
        LocalDate day = startDay();
        testClock().advanceTo(utc(day, 10));
        LibraryJoinedCohort mine = f.library("Mine", "UTC");
        LibraryJoinedCohort peer = f.library("Peer", "UTC");
        LibraryJoinedCohort far = other.library("Far", "UTC");
        LibraryJoinedCohort farPeer = other.library("Farpeer", "UTC");
        MemberAdded me = f.member("Mo", mine);
        MemberAdded farMember = other.member("Fay", far);
        rosterOf(List.of(mine, peer, far, farPeer), List.of(me, farMember));

        // The old versions, still accepted, carried a private note's title: used for withdrawing only.
        NoteUploaded secret = new NoteUploaded("note-" + UUID.randomUUID(), peer.libraryId(), f.cohort,
                "Private: board tensions", NoteUploaded.VISIBILITY_PRIVATE, LocalDate.now(), Instant.now());
        events.publish(Events.NOTE_UPLOADED_V1, secret.noteId(), secret);
        NoteUploaded madePrivate = sharedNote(f, peer, "Shared then withdrawn");
        awaitItem("note:" + madePrivate.noteId());
        events.publish(Events.NOTE_UPDATED_V1, madePrivate.noteId(), new NoteUpdated(madePrivate.noteId(),
                peer.libraryId(), f.cohort, "Private: renamed when withdrawn", NoteUploaded.VISIBILITY_PRIVATE,
                LocalDate.now(), 2, Instant.now()));
        NoteUploaded secretV2 = new NoteUploaded("note-" + UUID.randomUUID(), peer.libraryId(), f.cohort, null,
                NoteUploaded.VISIBILITY_PRIVATE, null, Instant.now());
        events.publish(Events.NOTE_UPLOADED, secretV2.noteId(), secretV2);
        NoteUploaded farNote = sharedNote(other, farPeer, "Far cohort note");
        NoteUploaded older = sharedNote(f, peer, "Older shared note", Instant.parse("2026-01-01T00:00:00Z"));
        NoteUploaded newer = sharedNote(f, peer, "Newer shared note", Instant.parse("2026-02-01T00:00:00Z"));
        // A v1 calibration (reasons and a private note in it) gives its stage only; v2 has neither.
        events.publish(Events.COMMUNITY_STAGE_CALIBRATED_V1, peer.libraryId(), new CommunityStageCalibratedV1(
                "cal-" + UUID.randomUUID(), peer.libraryId(), f.cohort, "catalytic", "impasse",
                "Private reasons that must not leak", List.of(secret.noteId()), "user-1", Instant.now()));
        events.publish(Events.COMMUNITY_STAGE_CALIBRATED, mine.libraryId(), new CommunityStageCalibrated(
                "cal-" + UUID.randomUUID(), mine.libraryId(), f.cohort, "growth", null, List.of(), "user-2",
                Instant.now()));
        events.publish(Events.THEMES_UPDATED, "cohort:" + f.cohort, new ThemesUpdated(ThemesUpdated.SCOPE_COHORT,
                null, f.cohort, List.of(theme("transit"), theme("youth")), Instant.now()));
        awaitItem("note:" + newer.noteId());
        awaitItem("note:" + farNote.noteId());
        KafkaLag.awaitConsumed(broker.getBrokersAsString(), "notification-service", Topics.NOTES_NOTES);
        KafkaLag.awaitConsumed(broker.getBrokersAsString(), "notification-service", Topics.NOTES_THEMES);
        KafkaLag.awaitConsumed(broker.getBrokersAsString(), "notification-service", Topics.NOTES_CALIBRATIONS);
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is("note:" + secret.noteId())), FeedStore.ITEMS))
                .isFalse();
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is("note:" + secretV2.noteId())), FeedStore.ITEMS))
                .isFalse();
        assertThat(mongo.findById("note:" + madePrivate.noteId(), Document.class, FeedStore.ITEMS).toJson())
                .doesNotContain("Private");

        // Staff preview first: what the next digest would hold, nothing claimed.
        Api.Response preview = new Api(port).get("/api/notifications/digests/preview?recipient=" + me.memberId());
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().get(0).get("frequency").asString()).isEqualTo("daily");
        assertThat(preview.body()).contains("Newer shared note", "Older shared note", "catalytic", "growth", "transit")
                .doesNotContain("Private", "Shared then withdrawn", "Far cohort note", secret.noteId());

        job.runDue(utc(day.plusDays(1), 8).plusSeconds(1));
        List<Document> mail = digests(me.memberId());
        assertThat(mail).hasSize(1);
        String text = mail.get(0).getString("text");
        String html = mail.get(0).getString("html");
        assertThat(text + html).doesNotContain("Private: board tensions", "Shared then withdrawn", "Far cohort note",
                "Private reasons");
        assertThat(text).contains("Newer shared note", "Older shared note", "Peer Library: catalytic",
                "Previously impasse", "Cohort themes now: transit, youth");
        assertThat(text.indexOf("Newer shared note")).isLessThan(text.indexOf("Older shared note"));
        assertThat(text.indexOf("== Notes shared in your cohort ==")).isLessThan(text.indexOf("== Changes in the cohort's themes =="));
        assertThat(text.indexOf("== Changes in the cohort's themes ==")).isLessThan(text.indexOf("== Community-stage calibrations =="));
        assertThat(digests(farMember.memberId())).hasSize(1).allSatisfy(d -> assertThat(d.getString("text"))
                .contains("Far cohort note").doesNotContain("Newer shared note"));
        assertThat(new Api(port).get("/api/notifications/digests/preview?recipient=" + me.memberId()).body())
                .doesNotContain("Newer shared note", "catalytic");
    }

    @Test
    void libraryThemesOfTheOldVersionAreIgnoredAndWhatTheyLeftIsPurged() {
        CohortFixture f = new CohortFixture();
        LocalDate day = startDay();
        testClock().advanceTo(utc(day, 10));
        LibraryJoinedCohort mine = f.library("Mine", "UTC");
        LibraryJoinedCohort peer = f.library("Peer", "UTC");
        MemberAdded me = f.member("Lu", mine);
        rosterOf(List.of(mine, peer), List.of(me));
        // What the old version stored: the peer's themes over ALL its notes, private ones included.
        mongo.save(new Document("_id", peer.libraryId()).append("themes", List.of("hangar lease", "secret")),
                FeedStore.LEAKED_LIBRARY_THEMES);

        events.publish(Events.THEMES_UPDATED_V1, peer.libraryId(), new ThemesUpdated(ThemesUpdated.SCOPE_LIBRARY,
                peer.libraryId(), f.cohort, List.of(theme("zeppelin hangar")), Instant.now()));
        // A v2 event of scope library is not a set of shared notes either: ignored the same way.
        events.publish(Events.THEMES_UPDATED, peer.libraryId(), new ThemesUpdated(ThemesUpdated.SCOPE_LIBRARY,
                peer.libraryId(), f.cohort, List.of(theme("zeppelin hangar")), Instant.now()));
        NoteUploaded note = sharedNote(f, peer, "Open house");
        awaitItem("note:" + note.noteId());
        KafkaLag.awaitConsumed(broker.getBrokersAsString(), "notification-service", Topics.NOTES_THEMES);
        assertThat(mongo.findById(peer.libraryId(), Document.class, FeedStore.LIBRARY_THEMES)).isNull();

        // Start-up purge (run here as the service runs it when it starts): the leaked labels are gone for good.
        feed.purgeLeakedLibraryThemes();
        assertThat(mongo.collectionExists(FeedStore.LEAKED_LIBRARY_THEMES)).isFalse();
        Api staff = new Api(port);
        String preview = staff.get("/api/notifications/digests/preview?recipient=" + me.memberId()).body();
        assertThat(preview).contains("Open house", "Shared by Peer Library").doesNotContain("Top themes", "hangar",
                "zeppelin", "secret");

        // The shared set of the peer (v2, scope library-shared) is what digests show next to its notes.
        events.publish(Events.THEMES_UPDATED, peer.libraryId(), new ThemesUpdated(ThemesUpdated.SCOPE_LIBRARY_SHARED,
                peer.libraryId(), f.cohort, List.of(theme("open house")), Instant.now()));
        await().atMost(WAIT).until(() -> mongo.findById(peer.libraryId(), Document.class,
                FeedStore.LIBRARY_THEMES) != null);
        job.runDue(utc(day.plusDays(1), 8).plusSeconds(1));
        assertThat(digests(me.memberId())).hasSize(1).allSatisfy(d -> assertThat(d.getString("text") + d.getString("html"))
                .contains("Open house", "Top themes: open house").doesNotContain("hangar", "zeppelin", "secret"));
    }

    @Test
    void aRunThatDiesBetweenClaimAndSendIsResumedWithoutDuplicateOrGap() {
        CohortFixture f = new CohortFixture();
        LocalDate day = startDay();
        testClock().advanceTo(utc(day, 10));
        LibraryJoinedCohort mine = f.library("Mine", "UTC");
        LibraryJoinedCohort peer = f.library("Peer", "UTC");
        MemberAdded me = f.member("Rey", mine);
        rosterOf(List.of(mine, peer), List.of(me));
        NoteUploaded first = sharedNote(f, peer, "Before the crash");
        awaitItem("note:" + first.noteId());

        Instant run = utc(day.plusDays(1), 8).plusSeconds(5);
        assertThatThrownBy(() -> job.runDue(run, claimed -> {
            if (claimed.contains(me.memberId())) {
                throw new SimulatedCrash();
            }
        })).isInstanceOf(SimulatedCrash.class);
        String key = "digest-daily:" + me.memberId() + ":" + utc(day.plusDays(1), 8);
        Document schedule = mongo.findById(me.memberId() + "|daily", Document.class, DigestSchedule.COLLECTION);
        assertThat(schedule.get("pending", Document.class).getString("key")).isEqualTo(key);
        assertThat(mongo.findById(me.memberId() + "|note:" + first.noteId(), Document.class, DigestClaims.COLLECTION)
                .getString("e")).isEqualTo(key);
        assertThat(digests(me.memberId())).isEmpty();

        // Meanwhile, after the window closed, another note arrives: it belongs to the next window.
        testClock().advanceTo(utc(day.plusDays(1), 9));
        NoteUploaded second = sharedNote(f, peer, "After the crash");
        awaitItem("note:" + second.noteId());

        // The restarted service resumes the pending window (even an hour later), then it is done.
        job.runDue(run.plus(Duration.ofHours(1)));
        job.runDue(run.plus(Duration.ofHours(2)));
        List<Document> mail = digests(me.memberId());
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).getString("_id")).isEqualTo(key);
        assertThat(mail.get(0).getString("text")).contains("Before the crash").doesNotContain("After the crash");
        assertThat(mongo.findById(me.memberId() + "|daily", Document.class, DigestSchedule.COLLECTION).get("pending"))
                .isNull();

        job.runDue(utc(day.plusDays(2), 8).plusSeconds(5));
        mail = digests(me.memberId());
        assertThat(mail).hasSize(2);
        assertThat(mail.get(1).getString("text")).contains("After the crash").doesNotContain("Before the crash");
        assertEveryItemOnce(me.memberId(), "note:" + first.noteId(), "note:" + second.noteId());
    }

    @Test
    void twoInstancesRunningAtOnceAndALateSchedulerMakeOneDigestPerRecipient() throws Exception {
        CohortFixture f = new CohortFixture();
        LocalDate day = startDay();
        testClock().advanceTo(utc(day, 10));
        LibraryJoinedCohort mine = f.library("Mine", "UTC");
        LibraryJoinedCohort peer = f.library("Peer", "UTC");
        List<MemberAdded> team = new ArrayList<>();
        for (String name : List.of("Ann", "Bo", "Cy", "Di")) {
            team.add(f.member(name, mine));
        }
        rosterOf(List.of(mine, peer), team);
        NoteUploaded note = sharedNote(f, peer, "Concurrent note");
        awaitItem("note:" + note.noteId());

        // Three days late, from two "instances" at the same time: one digest each, up to the last boundary.
        Instant late = utc(day.plusDays(3), 15);
        CompletableFuture<DigestJob.RunSummary> a = CompletableFuture.supplyAsync(() -> job.runDue(late));
        CompletableFuture<DigestJob.RunSummary> b = CompletableFuture.supplyAsync(() -> job.runDue(late));
        a.get();
        b.get();
        for (MemberAdded member : team) {
            List<Document> mail = digests(member.memberId());
            assertThat(mail).hasSize(1);
            assertThat(mail.get(0).getString("_id")).endsWith(":" + utc(day.plusDays(3), 8));
            assertEveryItemOnce(member.memberId(), "note:" + note.noteId());
        }

        // The lock itself: a lease that only its owner (or time) releases.
        String name = "test-lock-" + f.suffix;
        assertThat(lock.acquire(name, "instance-a", Duration.ofMinutes(5))).isTrue();
        assertThat(lock.acquire(name, "instance-b", Duration.ofMinutes(5))).isFalse();
        assertThat(lock.acquire(name, "instance-a", Duration.ofMinutes(5))).isTrue();
        lock.release(name, "instance-a");
        assertThat(lock.acquire(name, "instance-b", Duration.ofMinutes(5))).isTrue();
    }

    @Test
    void weeklyDigestsRemindersAndImmediateNoticesFollowPreferences() {
        CohortFixture f = new CohortFixture();
        LocalDate day = startDay();
        testClock().advanceTo(utc(day, 10));
        LibraryJoinedCohort mine = f.library("Mine", "UTC");
        LibraryJoinedCohort peer = f.library("Peer", "UTC");
        MemberAdded weekly = f.member("Wen", mine);
        MemberAdded eager = f.member("Eli", mine);
        rosterOf(List.of(mine, peer), List.of(weekly, eager));
        Api wen = new Api(port).as(TestTokens.builder().email(weekly.email().toUpperCase()).roles("library-member")
                .library(mine.libraryId()).cohort(f.cohort).sign());
        String weekday = day.plusDays(3).getDayOfWeek().name();
        assertThat(wen.put("/api/notifications/preferences/me", "{\"weeklyDay\":\"" + weekday + "\",\"hour\":7,"
                + "\"kinds\":{\"cohort-notes\":\"weekly\",\"progress-reminders\":\"weekly\",\"new-webinar\":\"weekly\"}}")
                .status()).isEqualTo(200);
        Api eli = new Api(port).as(TestTokens.builder().email(eager.email()).roles("library-member")
                .library(mine.libraryId()).cohort(f.cohort).sign());
        assertThat(eli.put("/api/notifications/preferences/me", "{\"kinds\":{\"cohort-notes\":\"immediate\"}}")
                .status()).isEqualTo(200);

        NoteUploaded note = sharedNote(f, peer, "Weekly note");
        String watched = "web-" + UUID.randomUUID();
        String unwatched = "web-" + UUID.randomUUID();
        for (String id : List.of(watched, unwatched)) {
            events.publish(Events.WEBINAR_PUBLISHED, id, new WebinarPublished(id, "slug-" + id, "Webinar " + id,
                    "Summary", List.of(), 1, 60, List.of(), List.of(), 1L, Instant.now()));
        }
        events.publish(Events.PROGRESS_RECORDED, mine.libraryId(), new ProgressRecorded(mine.libraryId(), f.cohort,
                watched, ProgressRecorded.KIND_WEBINAR_WATCHED, null, true, "user-x", Instant.now()));
        awaitItem("note:" + note.noteId());
        KafkaLag.awaitConsumed(broker.getBrokersAsString(), "notification-service", Topics.CATALOG_PROGRESS);
        KafkaLag.awaitConsumed(broker.getBrokersAsString(), "notification-service", Topics.CATALOG_WEBINARS);

        // Eli asked for shared notes at once: one notice now, and the note is not repeated in his digest.
        await().atMost(WAIT).until(() -> !emails(eager.memberId(), "cohort-notes").isEmpty());
        assertThat(emails(eager.memberId(), "cohort-notes")).hasSize(1).allSatisfy(d -> assertThat(
                d.getString("subject")).isEqualTo("Notes shared in your cohort: Weekly note"));
        assertThat(emails(weekly.memberId(), "webinar-published")).isEmpty();

        // The daily run the next morning has nothing for Wen (all weekly); Eli's daily digest lacks the note.
        job.runDue(utc(day.plusDays(1), 8).plusSeconds(1));
        assertThat(digests(weekly.memberId())).isEmpty();
        assertThat(digests(eager.memberId())).allSatisfy(d -> assertThat(d.getString("text"))
                .doesNotContain("Weekly note"));

        // The weekly boundary three days on: the note and both webinars as news; no reminder yet.
        job.runDue(utc(day.plusDays(3), 7).plusSeconds(1));
        List<Document> mail = emails(weekly.memberId(), "digest-weekly");
        assertThat(mail).hasSize(1);
        String first = mail.get(0).getString("text");
        assertThat(first).contains("weekly digest", "Weekly note", "== New webinars ==", "Webinar " + unwatched,
                "Webinar " + watched).doesNotContain("not watched yet");

        // A week later the unwatched webinar is over a week old: one reminder, and nothing repeated.
        job.runDue(utc(day.plusDays(10), 7).plusSeconds(1));
        mail = emails(weekly.memberId(), "digest-weekly");
        assertThat(mail).hasSize(2);
        String second = mail.get(1).getString("text");
        assertThat(second).contains("== Webinars your library has not watched yet ==", "Webinar " + unwatched)
                .doesNotContain("Webinar " + watched, "Weekly note", "== New webinars ==");
    }

    @Test
    void oneRecipientsFailingWindowDoesNotStopTheOthersAndIsResumedByTheNextRun() {
        CohortFixture f = new CohortFixture();
        LocalDate day = startDay();
        testClock().advanceTo(utc(day, 10));
        LibraryJoinedCohort mine = f.library("Mine", "UTC");
        LibraryJoinedCohort peer = f.library("Peer", "UTC");
        MemberAdded ann = f.member("Ann", mine);
        MemberAdded bob = f.member("Bob", mine);
        rosterOf(List.of(mine, peer), List.of(ann, bob));
        NoteUploaded note = sharedNote(f, peer, "Library garden conversation");
        awaitItem("note:" + note.noteId());

        Instant run = utc(day.plusDays(1), 8).plusSeconds(5);
        DigestJob.RunSummary summary = job.runDue(run, key -> {
            if (key.contains(ann.memberId())) {
                throw new IllegalStateException("bad data for this one recipient");
            }
        });

        assertThat(summary.failed()).isEqualTo(1);
        assertThat(digests(bob.memberId())).hasSize(1);
        assertThat(digests(ann.memberId())).isEmpty();
        job.runDue(run.plus(Duration.ofHours(1)));
        assertThat(digests(ann.memberId())).singleElement()
                .satisfies(d -> assertThat(d.getString("text")).contains("Library garden conversation"));
        assertEveryItemOnce(ann.memberId(), "note:" + note.noteId());
        assertEveryItemOnce(bob.memberId(), "note:" + note.noteId());
    }

    @Test
    void theItemsOfADigestThatFailedComeBackInTheNextDigest() {
        CohortFixture f = new CohortFixture();
        LocalDate day = startDay();
        testClock().advanceTo(utc(day, 10));
        LibraryJoinedCohort mine = f.library("Mine", "UTC");
        LibraryJoinedCohort peer = f.library("Peer", "UTC");
        MemberAdded good = f.member("Rey", mine);
        // An address the SMTP client refuses to even build a message for: the digest fails permanently.
        MemberAdded bad = new MemberAdded(good.memberId(), "rey at " + f.suffix, good.name(), good.role(),
                good.libraryId(), good.cohortId(), good.teamRole());
        rosterOf(List.of(mine, peer), List.of(bad));
        NoteUploaded note = sharedNote(f, peer, "Before the failure");
        awaitItem("note:" + note.noteId());

        // The first digest comes days later (its window reaches back to when Rey joined); it cannot be sent.
        job.runDue(utc(day.plusDays(5), 8).plusSeconds(5));
        String failedKey = "digest-daily:" + good.memberId() + ":" + utc(day.plusDays(5), 8);
        await().atMost(WAIT).until(() -> {
            Document email = mongo.findById(failedKey, Document.class, EmailOutbox.COLLECTION);
            return email != null && "FAILED".equals(email.getString("status"))
                    && Boolean.TRUE.equals(email.getBoolean("claimsReleased"));
        });
        assertThat(mongo.findById(good.memberId() + "|note:" + note.noteId(), Document.class,
                DigestReturns.COLLECTION)).isNotNull();

        // The address is corrected; the next window (from two days before the failed one's end) would not reach
        // back to the note by itself.
        events.publish(Events.MEMBER_ADDED, good.memberId(), good);
        await().atMost(WAIT).until(() -> good.email().equals(mongo.findById(good.memberId(), Document.class,
                RosterMirror.PEOPLE).getString("email")));
        job.runDue(utc(day.plusDays(6), 8).plusSeconds(5));

        List<Document> mail = digests(good.memberId());
        assertThat(mail).hasSize(2);
        assertThat(mail.get(1).getString("text")).contains("Before the failure");
        assertThat(mongo.findById(good.memberId() + "|note:" + note.noteId(), Document.class,
                DigestReturns.COLLECTION)).isNull();
        await().atMost(WAIT).until(() -> "SENT".equals(mongo.findById(mail.get(1).getString("_id"), Document.class,
                EmailOutbox.COLLECTION).getString("status")));
    }

    @Test
    void aRunBroughtForwardLosesNothingThatArrivesBeforeItsBoundary() {
        CohortFixture f = new CohortFixture();
        LocalDate day = startDay();
        testClock().advanceTo(utc(day, 10));
        LibraryJoinedCohort mine = f.library("Mine", "UTC");
        LibraryJoinedCohort peer = f.library("Peer", "UTC");
        MemberAdded me = f.member("Ivy", mine);
        rosterOf(List.of(mine, peer), List.of(me));
        NoteUploaded early = sharedNote(f, peer, "Before the early run");
        awaitItem("note:" + early.noteId());

        // Staff send the digests due five days from now, now: that window ends at a boundary still to come.
        job.runDue(utc(day.plusDays(5), 8).plusSeconds(5));
        NoteUploaded later = sharedNote(f, peer, "After the early run");
        awaitItem("note:" + later.noteId());
        job.runDue(utc(day.plusDays(6), 8).plusSeconds(5));

        List<Document> mail = digests(me.memberId());
        assertThat(mail).hasSize(2);
        assertThat(mail.get(0).getString("text")).contains("Before the early run");
        assertThat(mail.get(1).getString("text")).contains("After the early run");
        assertEveryItemOnce(me.memberId(), "note:" + early.noteId(), "note:" + later.noteId());
    }

    /** Stands for the process dying: an Error, which per-recipient isolation does not catch. */
    private static final class SimulatedCrash extends Error {
    }

    private LocalDate startDay() {
        // Ten days on from whatever earlier tests did, so their news is out of this test's windows.
        return clock.instant().plus(Duration.ofDays(10)).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static Instant utc(LocalDate day, int hour) {
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), ZoneOffset.UTC).toInstant();
    }

    private static Instant local(LocalDate day, ZoneId zone, int hour) {
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), zone).toInstant();
    }

    private static ThemeData theme(String label) {
        return new ThemeData(label.replace(' ', '-'), label, 0.5, 3, 2, List.of("aspirations"));
    }

    private void rosterOf(List<LibraryJoinedCohort> libraries, List<MemberAdded> members) {
        CohortFixture.publish(events, libraries, members);
        List<String> ids = members.stream().map(MemberAdded::memberId).toList();
        await().atMost(WAIT).until(() -> mongo.count(Query.query(Criteria.where("_id").in(ids)),
                RosterMirror.PEOPLE) == ids.size());
        List<String> libs = libraries.stream().map(LibraryJoinedCohort::libraryId).toList();
        await().atMost(WAIT).until(() -> mongo.count(Query.query(Criteria.where("_id").in(libs)),
                RosterMirror.LIBRARIES) == libs.size());
    }

    private NoteUploaded sharedNote(CohortFixture f, LibraryJoinedCohort library, String title) {
        return sharedNote(f, library, title, Instant.now());
    }

    private NoteUploaded sharedNote(CohortFixture f, LibraryJoinedCohort library, String title, Instant at) {
        NoteUploaded note = new NoteUploaded("note-" + UUID.randomUUID(), library.libraryId(), f.cohort, title,
                NoteUploaded.VISIBILITY_COHORT, LocalDate.now(), at);
        events.publish(Events.NOTE_UPLOADED, note.noteId(), note);
        return note;
    }

    private void awaitItem(String id) {
        await().atMost(WAIT).until(() -> mongo.exists(Query.query(Criteria.where("_id").is(id)), FeedStore.ITEMS));
    }

    private List<Document> digests(String memberId) {
        return emails(memberId, "digest-daily");
    }

    private List<Document> emails(String memberId, String kind) {
        return mongo.find(Query.query(Criteria.where("recipientId").is(memberId).and("kind").is(kind))
                .with(Sort.by("createdAt", "_id")), Document.class, EmailOutbox.COLLECTION);
    }

    /** Each item claimed once for the recipient, and the email it went to exists. */
    private void assertEveryItemOnce(String memberId, String... items) {
        for (String item : items) {
            Document claim = mongo.findById(memberId + "|" + item, Document.class, DigestClaims.COLLECTION);
            assertThat(claim).as(item).isNotNull();
            assertThat(mongo.exists(Query.query(Criteria.where("_id").is(claim.getString("e"))),
                    EmailOutbox.COLLECTION)).isTrue();
            long containing = mongo.find(Query.query(Criteria.where("recipientId").is(memberId)), Document.class,
                    EmailOutbox.COLLECTION).stream().filter(d -> d.getString("text").contains(item.substring(5)))
                    .count();
            assertThat(containing).as(item).isEqualTo(1);
        }
    }
}
