package org.outward.notification.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.notification.ServiceTest;
import org.outward.notification.delivery.EmailOutbox;
import org.outward.notification.feed.FeedStore;
import org.outward.notification.preference.NewsKind;
import org.outward.notification.recipient.RosterReadModel;
import org.outward.platform.roster.RosterMirror;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A run builds digests a batch of recipients at a time, one database round trip per step for the batch, several
 * batches at once. When a step fails for the whole batch (the connection drops in the middle of completing the
 * windows, after the emails were queued and one window was completed), the batch's recipients are worked on again
 * one by one from what is stored: still exactly one digest per recipient and window, every item in it once.
 */
class DigestBatchTest extends ServiceTest {

    @Autowired
    RosterMirror roster;
    @Autowired
    RosterReadModel rosterReadModel;
    @Autowired
    FeedStore feed;
    @Autowired
    DigestCandidates candidates;
    @Autowired
    DigestClaims claims;
    @Autowired
    DigestReturns returns;
    @Autowired
    DigestAssembly assembly;
    @Autowired
    EmailOutbox outbox;
    @Autowired
    DigestProperties properties;

    @Test
    void aBatchWhoseDatabaseStepFailsIsRetriedRecipientByRecipient() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = clock.instant().plus(Duration.ofDays(50)).atZone(ZoneOffset.UTC).toLocalDate();
        Instant at = testClock().advanceTo(day.atTime(10, 0).toInstant(ZoneOffset.UTC));
        String cohort = "batch-" + run;
        roster.libraryJoined(new LibraryJoinedCohort("lib-a-" + run, cohort, "Cohort", "Library A", "City", "OR",
                "UTC", "a@" + run + ".test"), at);
        roster.libraryJoined(new LibraryJoinedCohort("lib-b-" + run, cohort, "Cohort", "Library B", "City", "OR",
                "UTC", "b@" + run + ".test"), at);
        List<String> members = new ArrayList<>();
        for (String name : List.of("ann", "bob", "cy")) {
            String member = "m-" + name + "-" + run;
            roster.memberAdded(new MemberAdded(member, member + "@a.test", name, MemberAdded.ROLE_LIBRARY_MEMBER,
                    "lib-a-" + run, cohort, null), at);
            members.add(member);
        }
        List<String> notes = List.of("note:first-" + run, "note:second-" + run);
        for (String note : notes) {
            feed.upsertItem(note, NewsKind.COHORT_NOTES, cohort, "lib-b-" + run, "Shared " + note, at,
                    new Document("noteId", note).append("visibility", "cohort"), at);
        }

        // One batch for everyone (other test classes' recipients share this database): ours are in the same one.
        DigestProperties oneBatch = new DigestProperties(false, properties.interval(), properties.lockLease(),
                properties.lookback(), properties.remindAfter(), properties.maxItemsPerGroup(),
                properties.orphanedClaimsAfter(), properties.claimSweepInterval(), 100_000, 1);
        CompletingFailsOnce schedule = new CompletingFailsOnce(mongo, oneBatch, clock, members);
        DigestJob job = new DigestJob(mongo, rosterReadModel, candidates,
                new DigestBatch(schedule, candidates, claims, returns, assembly, outbox, feed), oneBatch);
        Instant boundary = day.plusDays(1).atTime(8, 0).toInstant(ZoneOffset.UTC);
        DigestJob.RunSummary summary = job.runDue(boundary.plusSeconds(5));

        assertThat(schedule.failed).as("the injected failure happened").isTrue();
        for (String member : members) {
            String key = "digest-daily:" + member + ":" + boundary;
            assertThat(digestsOf(member)).as(member).singleElement().satisfies(d -> {
                assertThat(d.getString("_id")).isEqualTo(key);
                assertThat(d.getString("text")).contains("Shared " + notes.get(0), "Shared " + notes.get(1));
            });
            for (String note : notes) {
                assertThat(mongo.findById(member + "|" + note, Document.class, DigestClaims.COLLECTION)
                        .getString("e")).isEqualTo(key);
            }
            Document state = mongo.findById(member + "|daily", Document.class, DigestSchedule.COLLECTION);
            assertThat(state.get("pending")).as(member).isNull();
            assertThat(state.getDate("lastEnd").toInstant()).isEqualTo(boundary);
        }
        // The summary counts the three as queued by this run, not as "already queued" or "not due".
        assertThat(summary.failed()).isZero();
        assertThat(summary.queued()).isGreaterThanOrEqualTo(members.size());

        // Nothing more for them the next day: the windows moved on, no item is offered twice.
        job.runDue(boundary.plus(Duration.ofDays(1)).plusSeconds(5));
        members.forEach(member -> assertThat(digestsOf(member)).hasSize(1));
    }

    @Test
    void batchesBuiltAtOnceGiveEachRecipientOneDigestAndAnErrorStopsTheRunOnlyOnceAllBatchesStopped() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = clock.instant().plus(Duration.ofDays(60)).atZone(ZoneOffset.UTC).toLocalDate();
        Instant at = testClock().advanceTo(day.atTime(10, 0).toInstant(ZoneOffset.UTC));
        String cohort = "parallel-" + run;
        roster.libraryJoined(new LibraryJoinedCohort("lib-a-" + run, cohort, "Cohort", "Library A", "City", "OR",
                "UTC", "a@" + run + ".test"), at);
        roster.libraryJoined(new LibraryJoinedCohort("lib-b-" + run, cohort, "Cohort", "Library B", "City", "OR",
                "UTC", "b@" + run + ".test"), at);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String member = "m-" + i + "-" + run;
            roster.memberAdded(new MemberAdded(member, member + "@a.test", "Member " + i,
                    MemberAdded.ROLE_LIBRARY_MEMBER, "lib-a-" + run, cohort, null), at);
            members.add(member);
        }
        String note = "note:parallel-" + run;
        feed.upsertItem(note, NewsKind.COHORT_NOTES, cohort, "lib-b-" + run, "Shared " + note, at,
                new Document("noteId", note).append("visibility", "cohort"), at);

        // One recipient per batch, three batches at a time; the run "crashes" on one recipient's window.
        DigestProperties parallel = new DigestProperties(false, properties.interval(), properties.lockLease(),
                properties.lookback(), properties.remindAfter(), properties.maxItemsPerGroup(),
                properties.orphanedClaimsAfter(), properties.claimSweepInterval(), 1, 3);
        DigestJob job = new DigestJob(mongo, rosterReadModel, candidates,
                new DigestBatch(new DigestSchedule(mongo, parallel, clock), candidates, claims, returns, assembly,
                        outbox, feed), parallel);
        Instant boundary = day.plusDays(1).atTime(8, 0).toInstant(ZoneOffset.UTC);
        String crashing = members.get(3);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        assertThatThrownBy(() -> job.runDue(boundary.plusSeconds(5), key -> {
            threads.add(Thread.currentThread().getName());
            if (key.contains(crashing)) {
                throw new Crash();
            }
        })).isInstanceOf(Crash.class);
        assertThat(threads).as("batches ran on several threads").hasSizeGreaterThan(1);

        // Every other batch had finished when the error came out: their digests are queued, once.
        for (String member : members) {
            if (!member.equals(crashing)) {
                assertThat(digestsOf(member)).as(member).singleElement().satisfies(d -> assertThat(
                        d.getString("text")).contains("Shared " + note));
            }
        }
        assertThat(digestsOf(crashing)).isEmpty();
        assertThat(mongo.findById(crashing + "|daily", Document.class, DigestSchedule.COLLECTION)
                .get("pending", Document.class).getString("key")).contains(crashing);

        // The next run resumes the crashed window; no one gets a second digest.
        job.runDue(boundary.plusSeconds(60));
        for (String member : members) {
            assertThat(digestsOf(member)).as(member).singleElement();
            assertThat(mongo.findById(member + "|" + note, Document.class, DigestClaims.COLLECTION).getString("e"))
                    .isEqualTo("digest-daily:" + member + ":" + boundary);
        }
    }

    /** A crash of the run, as tests make one: not an exception the run handles. */
    private static final class Crash extends Error {
    }

    private List<Document> digestsOf(String member) {
        return mongo.find(Query.query(Criteria.where("recipientId").is(member).and("kind").is("digest-daily")),
                Document.class, EmailOutbox.COLLECTION);
    }

    /**
     * The real schedule, except that the first completion covering one of these members applies to the first of
     * their windows only and then fails as a dropped connection would.
     */
    static final class CompletingFailsOnce extends DigestSchedule {

        private final List<String> members;
        volatile boolean failed;

        CompletingFailsOnce(MongoTemplate mongo, DigestProperties properties, Clock clock, List<String> members) {
            super(mongo, properties, clock);
            this.members = members;
        }

        @Override
        void completeAll(List<Completion> completions) {
            List<Completion> ours = completions.stream()
                    .filter(c -> members.stream().anyMatch(m -> c.id().startsWith(m + "|"))).toList();
            if (!failed && ours.size() == members.size()) {
                failed = true;
                super.completeAll(List.of(ours.get(0)));
                throw new DataAccessResourceFailureException("connection reset (injected)");
            }
            super.completeAll(completions);
        }
    }
}
