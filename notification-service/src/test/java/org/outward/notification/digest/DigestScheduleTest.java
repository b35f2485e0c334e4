package org.outward.notification.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.outward.notification.ServiceTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Claiming and completing windows in bulk: each write applies only to the schedule as its writer read it, so of two
 * runs that read the same schedule one wins; schedules stored before they had versions work as before.
 */
class DigestScheduleTest extends ServiceTest {

    @Autowired
    DigestSchedule schedule;

    private final Instant end = Instant.parse("2031-03-04T08:00:00Z");

    @Test
    void ofTwoClaimsOnTheSameReadOneWinsAndACompletionAppliesOnce() {
        String id = "m-" + UUID.randomUUID() + "|daily";
        DigestSchedule.State read = schedule.readAll(List.of(id)).get(id);
        assertThat(read.stored()).isFalse();

        DigestSchedule.Claim first = new DigestSchedule.Claim(read, "key-a", end);
        DigestSchedule.Claim second = new DigestSchedule.Claim(read, "key-b", end);
        assertThat(schedule.claimAll(List.of(first))).containsExactly(id);
        assertThat(schedule.claimAll(List.of(second))).isEmpty();
        Document stored = mongo.findById(id, Document.class, DigestSchedule.COLLECTION);
        assertThat(stored.get("pending", Document.class).getString("key")).isEqualTo("key-a");
        assertThat(stored.getInteger("v")).isEqualTo(1);

        DigestSchedule.Completion done = new DigestSchedule.Completion(first.claimed(), "key-a", end, 3);
        schedule.completeAll(List.of(done));
        schedule.completeAll(List.of(new DigestSchedule.Completion(first.claimed(), "key-a", end, 99)));
        stored = mongo.findById(id, Document.class, DigestSchedule.COLLECTION);
        assertThat(stored.get("pending")).isNull();
        assertThat(stored.getInteger("lastItems")).isEqualTo(3);
        assertThat(stored.getInteger("v")).isEqualTo(2);
        assertThat(schedule.readAll(List.of(id)).get(id).lastEnd()).isEqualTo(end);

        // A claim made on the schedule as it was before the completion loses too.
        assertThat(schedule.claimAll(List.of(new DigestSchedule.Claim(read, "key-c", end.plusSeconds(86_400)))))
                .isEmpty();
    }

    @Test
    void schedulesStoredBeforeVersionsAreClaimedResumedAndCompleted() {
        String idle = "m-" + UUID.randomUUID() + "|daily";
        String pending = "m-" + UUID.randomUUID() + "|daily";
        Instant before = end.minusSeconds(86_400);
        mongo.insert(new Document("_id", idle).append("lastEnd", Date.from(before)), DigestSchedule.COLLECTION);
        mongo.insert(new Document("_id", pending).append("lastEnd", Date.from(before))
                .append("pending", new Document("key", "key-old").append("end", Date.from(end))),
                DigestSchedule.COLLECTION);
        var states = schedule.readAll(List.of(idle, pending));
        assertThat(states.get(idle).version()).isNull();

        DigestSchedule.Claim claim = new DigestSchedule.Claim(states.get(idle), "key-new", end);
        assertThat(schedule.claimAll(List.of(claim))).containsExactly(idle);
        schedule.completeAll(List.of(new DigestSchedule.Completion(claim.claimed(), "key-new", end, 1),
                new DigestSchedule.Completion(states.get(pending), "key-old", end, 2)));
        for (String id : List.of(idle, pending)) {
            Document stored = mongo.findById(id, Document.class, DigestSchedule.COLLECTION);
            assertThat(stored.get("pending")).as(id).isNull();
            assertThat(stored.getDate("lastEnd").toInstant()).as(id).isEqualTo(end);
            assertThat(stored.getInteger("v")).as(id).isNotNull();
        }
    }
}
