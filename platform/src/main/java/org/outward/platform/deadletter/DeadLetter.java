package org.outward.platform.deadletter;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * A record one of this service's consumers could not process and sent to {@code <topic>.DLT}, as staff see it.
 *
 * @param id        {@code <topic>-<partition>-<offset>.<group>}: the original record and the consumer group that
 *                  gave up on it
 * @param topic     the topic it was read from (not the dead-letter topic)
 * @param reason    the exception that dead-lettered it
 * @param status    {@code open}, or {@code replayed} once staff replayed it (a replay that fails again is a new
 *                  dead letter)
 * @param firstSeen when this service recorded it
 */
public record DeadLetter(String id, String topic, int partition, long offset, String key, String group,
        String reason, String status, Instant firstSeen, Instant replayedAt, int replays, String value) {

    public static final String OPEN = "open";
    public static final String REPLAYED = "replayed";

    static DeadLetter fromDocument(Document doc) {
        return new DeadLetter(doc.getString("_id"), doc.getString("topic"), doc.getInteger("partition", -1),
                doc.get("offset", Number.class) == null ? -1 : doc.get("offset", Number.class).longValue(),
                doc.getString("key"), doc.getString("group"), doc.getString("reason"), doc.getString("status"),
                instant(doc.getDate("firstSeen")), instant(doc.getDate("replayedAt")), doc.getInteger("replays", 0),
                doc.getString("value"));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
