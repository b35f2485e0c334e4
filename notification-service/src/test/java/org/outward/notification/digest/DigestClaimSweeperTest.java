package org.outward.notification.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.notification.ServiceTest;
import org.outward.notification.delivery.EmailOutbox;
import org.outward.notification.delivery.OutgoingEmail;
import org.outward.notification.feed.FeedStore;
import org.outward.notification.preference.NewsKind;
import org.outward.platform.roster.RosterMirror;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A claim left by a consumer that never queued its email (its record went to the dead-letter topic) hides the item
 * from that person only until the sweeper finds it; a claim whose email exists stays.
 */
class DigestClaimSweeperTest extends ServiceTest {

    @Autowired
    RosterMirror roster;
    @Autowired
    FeedStore feed;
    @Autowired
    DigestClaims claims;
    @Autowired
    DigestJob job;
    @Autowired
    DigestClaimSweeper sweeper;
    @Autowired
    EmailOutbox outbox;

    @Test
    void anOrphanedClaimIsReleasedAndTheItemReachesTheNextDigest() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = clock.instant().plus(Duration.ofDays(40)).atZone(ZoneOffset.UTC).toLocalDate();
        Instant at = testClock().advanceTo(day.atTime(10, 0).toInstant(ZoneOffset.UTC));
        String cohort = "sweep-" + run;
        roster.libraryJoined(new LibraryJoinedCohort("lib-a-" + run, cohort, "Cohort", "Library A", "City", "OR",
                "UTC", "a@" + run + ".test"), at);
        roster.libraryJoined(new LibraryJoinedCohort("lib-b-" + run, cohort, "Cohort", "Library B", "City", "OR",
                "UTC", "b@" + run + ".test"), at);
        String member = "m-" + run;
        roster.memberAdded(new MemberAdded(member, member + "@a.test", "Member", MemberAdded.ROLE_LIBRARY_MEMBER,
                "lib-a-" + run, cohort, null), at);
        String orphan = "note:orphan-" + run;
        String kept = "note:kept-" + run;
        for (String item : List.of(orphan, kept)) {
            feed.upsertItem(item, NewsKind.COHORT_NOTES, cohort, "lib-b-" + run, "Shared " + item, at,
                    new Document("noteId", item).append("visibility", "cohort"), at);
        }
        // An immediate notice claimed the first item and then its record was dead-lettered: no email was queued.
        assertThat(claims.claimOne(member, orphan, "event-lost:" + member)).isTrue();
        // The second one was claimed and queued properly.
        assertThat(claims.claimOne(member, kept, "event-ok:" + member)).isTrue();
        outbox.enqueue(new OutgoingEmail("event-ok:" + member, "cohort-notes", member, member + "@a.test", null,
                "s", "t", "h", null, null));

        job.runDue(day.plusDays(1).atTime(8, 0, 5).toInstant(ZoneOffset.UTC));
        assertThat(digestsOf(member)).isEmpty(); // both items are hidden by their claims

        testClock().advance(Duration.ofHours(2));
        assertThat(sweeper.sweep()).isEqualTo(1);
        assertThat(claims.claimedAmong(member, List.of(orphan, kept))).containsExactly(kept);

        job.runDue(day.plusDays(2).atTime(8, 0, 5).toInstant(ZoneOffset.UTC));
        assertThat(digestsOf(member)).singleElement().satisfies(d -> assertThat(d.getString("text"))
                .contains("Shared " + orphan).doesNotContain("Shared " + kept));
        assertThat(sweeper.sweep()).isZero();
    }

    private List<Document> digestsOf(String member) {
        return mongo.find(Query.query(Criteria.where("recipientId").is(member).and("kind").is("digest-daily")),
                Document.class, EmailOutbox.COLLECTION);
    }
}
