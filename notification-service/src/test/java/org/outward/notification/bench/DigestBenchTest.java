package org.outward.notification.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.notification.ServiceTest;
import org.outward.notification.delivery.EmailOutbox;
import org.outward.notification.digest.DigestJob;
import org.outward.notification.feed.FeedStore;
import org.outward.notification.preference.NewsKind;
import org.outward.notification.support.Mailbox;
import org.outward.platform.roster.RosterMirror;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Builds and sends the daily digests of 1,000 recipients covering 10,000 events, to GreenMail over SMTP.
 * The roster and the news are stored through the same read-model methods the Kafka listeners call (feeding
 * 10,000 records through the broker first would measure consumption, not digests). Timed: from the digest
 * run's start until GreenMail holds every digest. Prints the figures and writes them to
 * target/bench-notification.txt. No timed assertion.
 */
@Tag("bench")
class DigestBenchTest extends ServiceTest {

    private static final int COHORTS = Integer.getInteger("bench.cohorts", 50);
    private static final int LIBRARIES_PER_COHORT = 4;
    private static final int MEMBERS_PER_LIBRARY = 5;
    private static final int EVENTS = Integer.getInteger("bench.events", 10_000);

    @Autowired
    RosterMirror roster;
    @Autowired
    FeedStore feed;
    @Autowired
    DigestJob job;
    @org.springframework.beans.factory.annotation.Value("${outward.mail.connections:1}")
    String connections;

    @Test
    void digestsForOneThousandRecipientsCoveringTenThousandEvents() throws Exception {
        LocalDate day = clock.instant().plus(Duration.ofDays(30)).atZone(ZoneOffset.UTC).toLocalDate();
        testClock().advanceTo(day.atTime(1, 0).toInstant(ZoneOffset.UTC));
        Instant at = clock.instant();
        String run = Long.toString(System.nanoTime(), 36);
        int recipients = 0;
        for (int c = 0; c < COHORTS; c++) {
            String cohort = "bench-" + run + "-c" + c;
            for (int l = 0; l < LIBRARIES_PER_COHORT; l++) {
                String library = cohort + "-l" + l;
                roster.libraryJoined(new LibraryJoinedCohort(library, cohort, "Bench cohort " + c, "Library " + l
                        + " of cohort " + c, "City", "OR", "UTC", "contact@" + library + ".test"), at);
                for (int m = 0; m < MEMBERS_PER_LIBRARY; m++) {
                    String member = library + "-m" + m;
                    roster.memberAdded(new MemberAdded(member, member + "@bench.test", "Member " + m,
                            MemberAdded.ROLE_LIBRARY_MEMBER, library, cohort, null), at);
                    recipients++;
                }
            }
        }
        // 10,000 events: per cohort 80% shared notes, 10% cohort theme changes, 10% calibrations.
        int perCohort = EVENTS / COHORTS;
        for (int c = 0; c < COHORTS; c++) {
            String cohort = "bench-" + run + "-c" + c;
            for (int e = 0; e < perCohort; e++) {
                String library = cohort + "-l" + (e % LIBRARIES_PER_COHORT);
                Instant when = at.minusSeconds(perCohort - e);
                if (e % 10 < 8) {
                    feed.upsertItem("note:" + cohort + "-" + e, NewsKind.COHORT_NOTES, cohort, library,
                            "Conversation note " + e, when, new Document("noteId", cohort + "-" + e)
                                    .append("visibility", "cohort"), when);
                } else if (e % 10 == 8) {
                    feed.upsertItem("themes:" + cohort + "-" + e, NewsKind.THEMES, cohort, null, "Cohort themes", when,
                            new Document("themes", java.util.List.of("transit", "youth", "housing")), when);
                } else {
                    feed.upsertItem("calibration:" + cohort + "-" + e, NewsKind.CALIBRATIONS, cohort, library,
                            "growth", when, new Document("stage", "growth").append("previousStage", "catalytic"), when);
                }
            }
        }
        int before = mail.getReceivedMessages().length;
        String keyPart = ":bench-" + run + "-";

        // Polls the outbox rather than GreenMail, whose getReceivedMessages copies every message; by equality only
        // (the embedded server scans for it, five times a second: a regex there cost 2% of the run's CPU). Daily
        // digests sent before this run are counted first; the keys are checked after.
        Query sentQuery = Query.query(Criteria.where("status").is("SENT").and("kind").is("digest-daily"));
        long sentBefore = mongo.count(sentQuery, EmailOutbox.COLLECTION);
        System.gc();
        resetPeaks();
        long cpuStart = processCpu();
        long start = System.nanoTime();
        DigestJob.RunSummary summary = job.runDue(day.atTime(8, 0, 30).toInstant(ZoneOffset.UTC));
        long built = System.nanoTime();
        long cpuBuilt = processCpu();
        int expected = recipients;
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> mongo.count(sentQuery, EmailOutbox.COLLECTION) >= sentBefore + expected);
        // Then exactly: this run's keys (at once, unless other daily digests went out meanwhile).
        Query ours = Query.query(Criteria.where("_id").regex(java.util.regex.Pattern.quote(keyPart))
                .and("status").is("SENT"));
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> mongo.count(ours, EmailOutbox.COLLECTION) >= expected);
        long sent = System.nanoTime();
        long cpuSent = processCpu();
        long peak = peakHeap();
        jakarta.mail.internet.MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received.length - before).isEqualTo(expected);
        // No duplicates: one message per digest key, every key of this run once.
        long distinct = java.util.Arrays.stream(received).map(Mailbox::key).filter(k -> k.contains(keyPart))
                .distinct().count();
        assertThat(distinct).isEqualTo(expected);

        long queued = mongo.count(Query.query(Criteria.where("_id").regex(java.util.regex.Pattern.quote(keyPart))
                .and("kind").is("digest-daily")), EmailOutbox.COLLECTION);
        double total = (sent - start) / 1e9;
        String report = String.format(Locale.ROOT, """
                notification digest bench
                  recipients:            %d (%d cohorts x %d libraries x %d members)
                  events:                %d (80%% shared notes, 10%% cohort themes, 10%% calibrations)
                  digests queued:        %d (run summary: %s)
                  build + queue:         %.2f s
                  total until all sent:  %.2f s
                  emails per second:     %.1f
                  CPU time (all threads of this JVM): build + queue %.2f s, total %.2f s
                  distinct digest keys:  %d (duplicates: %d)
                  SMTP connections:      %s
                  peak heap:             %d MiB
                  JVM:                   %s, %d cores
                """, recipients, COHORTS, LIBRARIES_PER_COHORT, MEMBERS_PER_LIBRARY, EVENTS, queued, summary,
                (built - start) / 1e9, total, expected / total, (cpuBuilt - cpuStart) / 1e9,
                (cpuSent - cpuStart) / 1e9, distinct,
                received.length - before - distinct, connections, peak / (1024 * 1024),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.println(report);
        Files.writeString(Path.of("target", "bench-notification.txt"), report);
        assertThat(queued).isEqualTo(expected);
    }

    /**
     * CPU time of the whole test JVM (service, MongoDB wire server, broker, GreenMail): unlike wall time it hardly
     * depends on what else runs on the machine, so it gives the direction of a change even on a loaded one.
     */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
