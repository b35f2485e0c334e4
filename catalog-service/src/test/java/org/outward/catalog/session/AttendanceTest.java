package org.outward.catalog.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.ProgressRecorded;
import tools.jackson.databind.JsonNode;

/** Attendance per person and by CSV: preview first, bad rows by line, all or nothing, the size limits. */
class AttendanceTest extends SessionFixture {

    private String cohortId;
    private String sessionId;
    private String webinarId;
    private Person ada;
    private Person ben;
    private Person cy;
    private Person outsider;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-02-01T12:00:00Z"));
        cohortId = cohort("2026-01-05", "2027-07-04");
        webinarId = publishedWebinar();
        sessionId = scheduled(webinarId, sessionBody(cohortId, "2026-03-09T10:00", 60, "America/Chicago", null));
        String library = library(cohortId, "America/Chicago");
        ada = person(library, cohortId);
        ben = person(library, cohortId);
        cy = person(library(cohortId, "America/Denver"), cohortId);
        String otherCohort = cohort("2026-01-05", "2027-07-04");
        outsider = person(library(otherCohort, "UTC"), otherCohort);
    }

    private String path(String suffix) {
        return "/api/catalog/sessions/" + sessionId + "/attendance" + suffix;
    }

    @Test
    void staffMarkPeopleOneByOneOnceTheSessionHasStarted() {
        assertProblem(putEmpty(path("/" + ada.id())), 409, "state");
        clock.set(Instant.parse("2026-03-09T16:30:00Z"));
        Response marked = putEmpty(path("/" + ada.id()));
        assertThat(marked.status()).as(marked.raw().body()).isEqualTo(200);
        assertThat(marked.json().path("attendedCount").asInt()).isEqualTo(1);
        assertThat(putEmpty(path("/" + ada.id())).json().path("attendedCount").asInt()).as("idempotent").isEqualTo(1);
        assertThat(putEmpty(path("/" + ada.id()), "Authorization", ada.token()).status()).isEqualTo(403);
        assertThat(putEmpty(path("/" + outsider.id())).status()).as("not of the cohort").isEqualTo(404);
        assertThat(get(path("")).json()).extracting(n -> n.path("memberId").asString()).containsExactly(ada.id());
        assertThat(delete(path("/" + ada.id())).status()).isEqualTo(204);
        assertThat(get("/api/catalog/sessions/" + sessionId).json().path("attendedCount").asInt()).isZero();

        List<ProgressRecorded> events = awaitEvents(ada.libraryId(), 3).stream() // LibraryJoinedCohort, then the marks
                .filter(e -> e.is(Events.PROGRESS_RECORDED)).map(e -> e.payloadAs(Events.PROGRESS_RECORDED)).toList();
        assertThat(events).extracting(ProgressRecorded::done).containsExactly(true, false);
        assertThat(events.get(0).kind()).isEqualTo(ProgressRecorded.KIND_SESSION_ATTENDED);
        assertThat(events.get(0).memberId()).isEqualTo(ada.id());
        assertThat(events.get(0).sessionId()).isEqualTo(sessionId);
        assertThat(events.get(0).webinarId()).isEqualTo(webinarId);
    }

    @Test
    void aPreviewShowsMatchedUnmatchedAndBadRowsByLineAndSavesNothing() {
        clock.set(Instant.parse("2026-03-09T16:30:00Z"));
        byte[] file = csv(
                "\uFEFFName,Email",                                   // line 1: header, email in column 2
                "Ada," + ada.email().toUpperCase(),                   // 2: matched (any case)
                "Nobody,nobody@elsewhere.test",                       // 3: unmatched
                "Broken,not-an-email",                                // 4: bad
                "",                                                   // 5: blank, skipped
                "\"Ben, the second\"," + ben.email(),                 // 6: matched, quoted name with a comma
                "Outsider," + outsider.email(),                       // 7: unmatched: another cohort
                "Ada again," + ada.email(),                           // 8: the same person once
                "Empty,");                                            // 9: bad
        Response preview = upload(path("/csv/preview"), file);
        assertThat(preview.status()).as(preview.raw().body()).isEqualTo(200);
        JsonNode body = preview.json();
        assertThat(body.path("rows").asInt()).isEqualTo(7);
        assertThat(body.path("matched")).extracting(n -> n.path("memberId").asString())
                .containsExactly(ada.id(), ben.id());
        assertThat(body.path("matched")).extracting(n -> n.path("line").asInt()).containsExactly(2, 6);
        assertThat(body.path("unmatched")).extracting(n -> n.path("line").asInt()).containsExactly(3, 7);
        assertThat(body.path("errors")).extracting(n -> n.path("field").asString())
                .containsExactly("line 4", "line 9");
        assertThat(body.path("errors").get(0).path("message").asString()).contains("not-an-email");
        assertThat(get(path("")).json()).isEmpty();

        // Committing the same file is refused whole, naming the bad lines; nothing is recorded.
        Response refused = upload(path("/csv"), file);
        assertProblem(refused, 400, "line 4", "line 9");
        assertThat(get(path("")).json()).isEmpty();
    }

    @Test
    void aCommittedFileRecordsEveryoneInOneWriteAndUnmatchedRowsOnlyWhenAskedToSkip() {
        clock.set(Instant.parse("2026-03-09T16:30:00Z"));
        putEmpty(path("/" + cy.id()));
        byte[] file = csv("email", ada.email(), ben.email(), cy.email(), "stranger@elsewhere.test");
        assertProblem(upload(path("/csv"), file), 400, "line 5");
        assertThat(get(path("")).json()).hasSize(1);

        Response committed = upload(path("/csv?skipUnmatched=true"), file);
        assertThat(committed.status()).as(committed.raw().body()).isEqualTo(200);
        assertThat(committed.json().path("added").asInt()).isEqualTo(2);
        assertThat(committed.json().path("alreadyAttended").asInt()).isEqualTo(1);
        assertThat(committed.json().path("unmatchedSkipped").asInt()).isEqualTo(1);
        assertThat(committed.json().path("attendedCount").asInt()).isEqualTo(3);
        assertThat(get(path("")).json()).extracting(n -> n.path("memberId").asString())
                .containsExactlyInAnyOrder(ada.id(), ben.id(), cy.id());
        // Again: nothing new.
        assertThat(upload(path("/csv?skipUnmatched=true"), file).json().path("added").asInt()).isZero();

        List<ProgressRecorded> adaAndBen = awaitEvents(ada.libraryId(), 3).stream()
                .filter(e -> e.is(Events.PROGRESS_RECORDED)).map(e -> e.payloadAs(Events.PROGRESS_RECORDED)).toList();
        assertThat(adaAndBen).extracting(ProgressRecorded::memberId).containsExactlyInAnyOrder(ada.id(), ben.id());
    }

    @Test
    void filesOverTheLimitsAreRefused() {
        clock.set(Instant.parse("2026-03-09T16:30:00Z"));
        StringBuilder many = new StringBuilder("email\n");
        for (int i = 0; i <= 10_000; i++) {
            many.append("person").append(i).append("@example.org\n");
        }
        Response tooManyRows = upload(path("/csv/preview"), many.toString().getBytes(StandardCharsets.UTF_8));
        assertProblem(tooManyRows, 400, "file");
        assertThat(tooManyRows.json().path("errors").get(0).path("message").asString()).contains("10000 rows");

        byte[] big = new byte[5 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        assertProblem(upload(path("/csv"), big), 413);
        assertProblem(upload(path("/csv"), new byte[] {(byte) 0xC3, (byte) 0x28}), 400, "file");
        assertProblem(upload(path("/csv"), new byte[0]), 400, "file");
        assertThat(get(path("")).json()).isEmpty();
    }
}
