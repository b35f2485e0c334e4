package org.outward.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.outward.contracts.EventEnvelope;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.LibraryLeftCohort;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.MemberRemoved;
import org.outward.contracts.catalog.WebinarPublished;
import org.outward.contracts.notes.NoteUploaded;
import org.outward.notification.delivery.EmailOutbox;
import org.outward.notification.delivery.OutgoingEmail;
import org.outward.notification.digest.DigestJob;
import org.outward.notification.digest.DigestPreview;
import org.outward.notification.feed.FeedStore;
import org.outward.notification.recipient.RosterReadModel;
import org.outward.notification.support.Api;
import org.outward.notification.support.Mailbox;
import org.outward.notification.support.TestEvents;
import org.outward.platform.roster.RosterMirror;
import org.outward.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * When the roster changes (events on the real, embedded roster topic), access and email follow: a removed member,
 * or a member of a library that left its cohort, is refused with a still-valid token and gets no more email:
 * no immediate notices, no digests (which carry the progress reminders), and nothing queued before either.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RosterRevocationTest extends ServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    RosterMirror mirror;
    @Autowired
    DigestJob digests;
    @Autowired
    DigestPreview previews;
    @Autowired
    EmailOutbox outbox;
    @Autowired
    RosterReadModel recipients;

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
    void aRemovedMemberIsRefusedAndEmailedNoMoreWhileTheirColleagueIs() {
        CohortFixture f = new CohortFixture();
        LibraryJoinedCohort library = f.library("Elm", "UTC");
        MemberAdded gone = f.member("Gus", library);
        MemberAdded stays = f.member("Sue", library);
        roster(List.of(library), List.of(gone, stays));
        Api asGone = api(gone);
        assertThat(asGone.get("/api/notifications/preferences/me").status()).isEqualTo(200);

        events.publish(Events.MEMBER_REMOVED, gone.memberId(), new MemberRemoved(gone.memberId(), gone.email(),
                library.libraryId(), f.cohort, java.time.Instant.now()));

        await().atMost(WAIT).until(() -> asGone.get("/api/notifications/preferences/me").status() == 403);
        Api.Response refused = asGone.get("/api/notifications/activity");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("detail").asString()).contains("no longer on the program's roster");
        assertThat(api(stays).get("/api/notifications/preferences/me").status()).isEqualTo(200);

        EventEnvelope webinar = publishWebinar();
        awaitSent(webinar, stays);
        assertThat(outbox.exists(webinar.id() + ":" + gone.memberId())).isFalse();
        assertThat(receivedBy(gone)).isZero();

        assertThat(digestsAfterSharedNote(f, library)).containsExactly(stays.memberId());
    }

    @Test
    void aLibraryThatLeftTakesItsMembersAccessAndEmailWithIt() {
        CohortFixture f = new CohortFixture();
        LibraryJoinedCohort leaving = f.library("Leaving", "UTC");
        LibraryJoinedCohort staying = f.library("Staying", "UTC");
        MemberAdded first = f.member("Fay", leaving);
        MemberAdded second = f.member("Sal", leaving);
        MemberAdded neighbour = f.member("Ned", staying);
        roster(List.of(leaving, staying), List.of(first, second, neighbour));
        assertThat(api(first).get("/api/notifications/preferences/me").status()).isEqualTo(200);

        events.publish(Events.LIBRARY_LEFT_COHORT, leaving.libraryId(), new LibraryLeftCohort(leaving.libraryId(),
                f.cohort, leaving.name(), java.time.Instant.now()));

        await().atMost(WAIT).until(() -> api(first).get("/api/notifications/preferences/me").status() == 403
                && api(second).get("/api/notifications/preferences/me").status() == 403);
        assertThat(api(second).get("/api/notifications/activity").json().path("detail").asString())
                .contains("library is no longer in a cohort");
        assertThat(api(neighbour).get("/api/notifications/preferences/me").status()).isEqualTo(200);

        EventEnvelope webinar = publishWebinar();
        awaitSent(webinar, neighbour);
        assertThat(outbox.exists(webinar.id() + ":" + first.memberId())).isFalse();
        assertThat(outbox.exists(webinar.id() + ":" + second.memberId())).isFalse();

        assertThat(digestsAfterSharedNote(f, staying)).containsExactly(neighbour.memberId());
    }

    @Test
    void anEmailQueuedBeforeTheRemovalIsCancelledNotSent() {
        CohortFixture f = new CohortFixture();
        LibraryJoinedCohort library = f.library("Oak", "UTC");
        MemberAdded gone = f.member("Ike", library);
        roster(List.of(library), List.of(gone));
        events.publish(Events.MEMBER_REMOVED, gone.memberId(), new MemberRemoved(gone.memberId(), gone.email(),
                library.libraryId(), f.cohort, java.time.Instant.now()));
        await().atMost(WAIT).until(() -> !mirror.standing(gone.email()).isActive());

        // As if queued a moment before the removal arrived (say, waiting out an SMTP outage).
        String key = "queued-" + UUID.randomUUID() + ":" + gone.memberId();
        assertThat(outbox.enqueue(new OutgoingEmail(key, "webinar-published", gone.memberId(), gone.email(),
                "Ike", "New webinar: too late", "text", "<p>html</p>", null, null))).isTrue();

        await().atMost(WAIT).until(() -> "CANCELLED".equals(status(key)));
        assertThat(receivedBy(gone)).isZero();
    }

    @Test
    void staffTakenOffTheRosterAreRefused() {
        String email = "staff-" + UUID.randomUUID().toString().substring(0, 8) + "@outward.test";
        MemberAdded staff = new MemberAdded("s-" + email, email, "Sam Staff", MemberAdded.ROLE_PROGRAM_STAFF, null,
                null, null);
        events.publish(Events.MEMBER_ADDED, staff.memberId(), staff);
        await().atMost(WAIT).until(() -> mirror.standing(email).isActive());
        Api asStaff = new Api(port).as(TestTokens.builder().email(email).roles("program-staff").sign());
        assertThat(asStaff.get("/api/notifications/recipients").status()).isEqualTo(200);

        events.publish(Events.MEMBER_REMOVED, staff.memberId(), new MemberRemoved(staff.memberId(), email, null, null,
                java.time.Instant.now()));

        await().atMost(WAIT).until(() -> asStaff.get("/api/notifications/recipients").status() == 403);
    }

    /**
     * Staff previewing the digest of someone no longer reachable get a 409 problem saying why, never the items
     * their former audience would see; the same preview shows those items for them before, and for a colleague
     * still on the roster after (so the test fails both ways).
     */
    @Test
    void aDigestPreviewOfSomeoneNoLongerReachableSaysWhyAndShowsNoItems() {
        CohortFixture f = new CohortFixture();
        LibraryJoinedCohort sharing = f.library("Sharing", "UTC");
        LibraryJoinedCohort library = f.library("Pine", "UTC");
        LibraryJoinedCohort leaving = f.library("Aspen", "UTC");
        MemberAdded gone = f.member("Gil", library);
        MemberAdded stays = f.member("Sid", library);
        MemberAdded left = f.member("Lea", leaving);
        roster(List.of(sharing, library, leaving), List.of(gone, stays, left));
        testClock().advance(Duration.ofMinutes(1));
        NoteUploaded note = new NoteUploaded("note-" + UUID.randomUUID(), sharing.libraryId(), f.cohort,
                "Preview canary " + f.suffix, NoteUploaded.VISIBILITY_COHORT, LocalDate.now(), java.time.Instant.now());
        events.publish(Events.NOTE_UPLOADED, note.noteId(), note);
        await().atMost(WAIT).until(() -> mongo.exists(Query.query(Criteria.where("_id").is("note:" + note.noteId())),
                FeedStore.ITEMS));
        for (MemberAdded member : List.of(gone, stays, left)) {
            assertThat(preview(member.memberId()).body()).as(member.name()).contains(note.title());
        }

        events.publish(Events.MEMBER_REMOVED, gone.memberId(), new MemberRemoved(gone.memberId(), gone.email(),
                library.libraryId(), f.cohort, java.time.Instant.now()));
        events.publish(Events.LIBRARY_LEFT_COHORT, leaving.libraryId(), new LibraryLeftCohort(leaving.libraryId(),
                f.cohort, leaving.name(), java.time.Instant.now()));
        await().atMost(WAIT).until(() -> !mirror.standing(gone.email()).isActive()
                && !mirror.standing(left.email()).isActive());

        for (String who : List.of(gone.memberId(), gone.email().toUpperCase())) {
            Api.Response refused = preview(who);
            assertThat(refused.status()).as(who).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("detail").asString()).contains("no longer on the program's roster");
            assertThat(refused.body()).doesNotContain(note.title());
        }
        Api.Response leftPreview = preview(left.memberId());
        assertThat(leftPreview.status()).isEqualTo(409);
        assertThat(leftPreview.json().path("detail").asString()).contains("library is no longer in a cohort");
        assertThat(leftPreview.body()).doesNotContain(note.title());
        assertThat(previews.of(recipients.anyStanding(gone.memberId()).orElseThrow(), clock.instant()))
                .as("the job itself previews nothing for them either").isEmpty();

        Api.Response colleague = preview(stays.memberId());
        assertThat(colleague.status()).isEqualTo(200);
        assertThat(colleague.body()).contains(note.title());
        assertThat(preview("nobody-" + f.suffix + "@nowhere.test").status()).isEqualTo(404);
    }

    private Api.Response preview(String recipient) {
        return new Api(port).get("/api/notifications/digests/preview?recipient="
                + java.net.URLEncoder.encode(recipient, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Emails the SMTP server got for the member, whatever they were about. */
    private static long receivedBy(MemberAdded member) {
        return java.util.Arrays.stream(mail.getReceivedMessages()).map(Mailbox::to)
                .filter(member.email()::equalsIgnoreCase).count();
    }

    private void roster(List<LibraryJoinedCohort> libraries, List<MemberAdded> members) {
        CohortFixture.publish(events, libraries, members);
        await().atMost(WAIT).until(() -> members.stream().allMatch(m -> mirror.standing(m.email()).isActive()));
    }

    private Api api(MemberAdded member) {
        return new Api(port).as(TestTokens.builder().email(member.email()).roles("library-member")
                .library(member.libraryId()).cohort(member.cohortId()).sign());
    }

    private EventEnvelope publishWebinar() {
        String id = "web-" + UUID.randomUUID();
        return events.publish(Events.WEBINAR_PUBLISHED, id, new WebinarPublished(id, "slug-" + id.substring(4, 12),
                "After the roster changed", "Summary.", List.of("conversations"), 3, 60, List.of(), List.of(), 1L,
                java.time.Instant.now()));
    }

    private void awaitSent(EventEnvelope event, MemberAdded member) {
        await().atMost(WAIT).until(() -> "SENT".equals(status(event.id() + ":" + member.memberId())));
    }

    private String status(String key) {
        Document email = mongo.findById(key, Document.class, EmailOutbox.COLLECTION);
        return email == null ? null : email.getString("status");
    }

    /** Shares a note in the cohort, runs the daily digests a day on: who in the cohort got one. */
    private List<String> digestsAfterSharedNote(CohortFixture f, LibraryJoinedCohort library) {
        LocalDate day = clock.instant().plus(Duration.ofDays(10)).atZone(ZoneOffset.UTC).toLocalDate();
        testClock().advanceTo(ZonedDateTime.of(day, LocalTime.of(10, 0), ZoneOffset.UTC).toInstant());
        NoteUploaded note = new NoteUploaded("note-" + UUID.randomUUID(), library.libraryId(), f.cohort,
                "After the roster changed", NoteUploaded.VISIBILITY_COHORT, LocalDate.now(), java.time.Instant.now());
        events.publish(Events.NOTE_UPLOADED, note.noteId(), note);
        await().atMost(WAIT).until(() -> mongo.exists(Query.query(Criteria.where("_id").is("note:" + note.noteId())),
                FeedStore.ITEMS));
        digests.runDue(ZonedDateTime.of(day.plusDays(1), LocalTime.of(8, 1), ZoneOffset.UTC).toInstant());
        return mongo.find(Query.query(Criteria.where("kind").is("digest-daily").and("text").regex(note.title())),
                        Document.class, EmailOutbox.COLLECTION).stream().map(d -> d.getString("recipientId"))
                .filter(id -> id.endsWith(f.suffix)).distinct().sorted().toList();
    }
}
