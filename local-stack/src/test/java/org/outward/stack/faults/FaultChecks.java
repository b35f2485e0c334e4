package org.outward.stack.faults;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.outward.stack.LocalStack;

/**
 * Counts what the system did with a scenario's load: acknowledged notes against stored ones, their events as
 * notification-service consumed them, its feed items, and the emails the catcher received per (recipient, item).
 * Reads the services' MongoDB databases directly (counting, never writing) and the catcher's messages.
 */
final class FaultChecks implements AutoCloseable {

    /** One line of the fault table. */
    record Row(String scenario, int acknowledged, long stored, long acknowledgedLost, long duplicateNotes,
            long distinctEvents, long eventsLost, long feedItems, int noticePairs, long noticesMissing,
            long noticesRefused, int digestPairs, long digestItemsMissed, long duplicateEmails,
            double servingAgainSeconds, String remark) {

        /** Nothing lost, nothing doubled, nothing missed: what the suite asserts. */
        boolean holds() {
            return acknowledgedLost == 0 && duplicateNotes == 0 && eventsLost == 0 && feedItems == stored
                    && noticesMissing == 0 && digestItemsMissed == 0 && duplicateEmails == 0;
        }

        /**
         * Every service served again within 30 s of the fault's end: reported, not asserted (a time depends on the
         * machine's load, and tests assert no times); the table shows it next to the load average.
         */
        boolean servedWithin30s() {
            return servingAgainSeconds <= 30;
        }
    }

    record StoredNote(String id, String title, String libraryId) {
    }

    private final MongoClient mongo;
    private final LocalStack stack;

    FaultChecks(LocalStack stack) {
        this.stack = stack;
        this.mongo = MongoClients.create(stack.config().mongoUri());
    }

    List<StoredNote> storedNotes(String prefix) {
        List<StoredNote> notes = new ArrayList<>();
        mongo.getDatabase("outward-notes").getCollection("notes")
                .find(Filters.regex("title", "^" + Pattern.quote(prefix) + " "))
                .forEach(d -> notes.add(new StoredNote(d.getString("_id"), d.getString("title"),
                        d.getString("libraryId"))));
        return notes;
    }

    List<StoredNote> notesById(java.util.Collection<String> ids) {
        List<StoredNote> notes = new ArrayList<>();
        mongo.getDatabase("outward-notes").getCollection("notes").find(Filters.in("_id", ids))
                .forEach(d -> notes.add(new StoredNote(d.getString("_id"), d.getString("title"),
                        d.getString("libraryId"))));
        return notes;
    }

    /** Recipients whose email with this text in the subject ended FAILED. */
    Set<String> failedEmails(String subjectText) {
        Set<String> to = new HashSet<>();
        mongo.getDatabase("outward-notification").getCollection("emails").find(Filters.and(
                Filters.eq("status", "FAILED"), Filters.regex("subject", Pattern.quote(subjectText))))
                .forEach(d -> to.add(d.getString("to")));
        return to;
    }

    /** Note ids whose NoteUploaded notification-service recorded as consumed. */
    Set<String> consumedEvents(List<StoredNote> notes) {
        Set<String> seen = new HashSet<>();
        mongo.getDatabase("outward-notification").getCollection("inbox")
                .find(Filters.and(Filters.eq("type", "NoteUploaded"),
                        Filters.in("subject", notes.stream().map(StoredNote::id).toList())))
                .forEach(d -> seen.add(d.getString("subject")));
        return seen;
    }

    long feedItems(List<StoredNote> notes) {
        return mongo.getDatabase("outward-notification").getCollection("feed_items")
                .countDocuments(Filters.in("_id", notes.stream().map(n -> "note:" + n.id()).toList()));
    }

    /** Emails of our recipients not in a final state yet (PENDING or SENDING). */
    long unsettledEmails(Set<String> recipientEmails) {
        return mongo.getDatabase("outward-notification").getCollection("emails").countDocuments(Filters.and(
                Filters.in("to", recipientEmails), Filters.in("status", List.of("PENDING", "SENDING"))));
    }

    long emailsInState(Set<String> recipientEmails, String status) {
        return mongo.getDatabase("outward-notification").getCollection("emails").countDocuments(Filters.and(
                Filters.in("to", recipientEmails), Filters.eq("status", status)));
    }

    long openDeadLetters(String database, String topic) {
        return mongo.getDatabase(database).getCollection("dead_letters")
                .countDocuments(Filters.and(Filters.eq("status", "open"), Filters.eq("topic", topic)));
    }

    /** Per (recipient, webinar title): how many notices the catcher received. */
    Map<String, Integer> notices(FaultRoster roster, String webinarTitle) {
        Map<String, Integer> counts = new HashMap<>();
        roster.members.forEach(m -> counts.put(m.email(), 0));
        for (Map<String, Object> email : stack.emails()) {
            if (String.valueOf(email.get("subject")).contains(webinarTitle)) {
                for (Object to : (List<?>) email.get("to")) {
                    counts.computeIfPresent(to.toString(), (k, n) -> n + 1);
                }
            }
        }
        return counts;
    }

    /** Per (recipient, note) the recipient may see (shared by another library of the cohort): digests listing it. */
    Map<String, Integer> digestItems(FaultRoster roster, List<StoredNote> notes) {
        Map<String, List<String>> digestTexts = new HashMap<>();
        for (Map<String, Object> email : stack.emails()) {
            Object headers = email.get("headers");
            String key = headers instanceof Map<?, ?> h ? String.valueOf(h.get("X-Outward-Idempotency-Key")) : "";
            if (key.startsWith("digest-")) {
                for (Object to : (List<?>) email.get("to")) {
                    digestTexts.computeIfAbsent(to.toString(), k -> new ArrayList<>())
                            .add(String.valueOf(email.get("text")));
                }
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        for (FaultRoster.Member member : roster.members) {
            List<String> texts = digestTexts.getOrDefault(member.email(), List.of());
            for (StoredNote note : notes) {
                if (!note.libraryId().equals(member.libraryId())) {
                    String link = "/notes/" + note.id();
                    int n = (int) texts.stream().filter(t -> t.contains(link)).count();
                    counts.put(member.email() + " " + note.id(), n);
                }
            }
        }
        return counts;
    }

    static long missing(Map<String, Integer> counts) {
        return counts.values().stream().filter(n -> n == 0).count();
    }

    static long duplicates(Map<String, Integer> counts) {
        return counts.values().stream().mapToLong(n -> Math.max(0, n - 1)).sum();
    }

    @Override
    public void close() {
        mongo.close();
    }

}
