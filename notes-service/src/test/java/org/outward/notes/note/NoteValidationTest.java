package org.outward.notes.note;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.outward.notes.NotesIntegrationTest;

/** Every rule of the upload body gives 400 problem+json naming the field, and nothing is stored. */
class NoteValidationTest extends NotesIntegrationTest {

    static Stream<Arguments> badFields() {
        return Stream.of(
                bad("libraryId", "blank", note -> note.put("libraryId", "  ")),
                bad("libraryId", "too long", note -> note.put("libraryId", "l".repeat(65))),
                bad("cohortId", "blank", note -> note.put("cohortId", " ")),
                bad("cohortId", "too long", note -> note.put("cohortId", "c".repeat(65))),
                bad("title", "missing", note -> note.remove("title")),
                bad("title", "empty", note -> note.put("title", "")),
                bad("title", "201 characters", note -> note.put("title", "t".repeat(201))),
                bad("body", "missing", note -> note.remove("body")),
                bad("body", "blank", note -> note.put("body", " \n ")),
                bad("body", "100001 characters", note -> note.put("body", "b".repeat(100_001))),
                bad("conversationDate", "missing", note -> note.remove("conversationDate")),
                bad("conversationDate", "not a date", note -> note.put("conversationDate", "2025-02-30")),
                bad("conversationDate", "in the future", note -> note.put("conversationDate", "2025-06-17")),
                bad("place", "missing", note -> note.remove("place")),
                bad("place", "too long", note -> note.put("place", "p".repeat(201))),
                bad("facilitator", "missing", note -> note.remove("facilitator")),
                bad("facilitator", "blank", note -> note.put("facilitator", "")),
                bad("participants", "negative", note -> note.put("participants", -1)),
                bad("participants", "over 10000", note -> note.put("participants", 10_001)),
                bad("participants", "not a number", note -> note.put("participants", "many")),
                bad("segments[1]", "blank entry", note -> note.put("segments", List.of("teens", " "))),
                bad("segments", "too many", note -> note.put("segments", numbered(51))),
                bad("tags[0]", "too long entry", note -> note.put("tags", List.of("x".repeat(101)))),
                bad("tags", "not a list", note -> note.put("tags", Map.of("a", "b"))),
                bad("visibility", "unknown value", note -> note.put("visibility", "public")),
                bad("visibility", "wrong case", note -> note.put("visibility", "Cohort")),
                bad("webinarId", "blank", note -> note.put("webinarId", " ")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badFields")
    void badFieldIsNamedAndNothingStored(String field, String why, Consumer<Map<String, Object>> change)
            throws Exception {
        String libraryId = newLibraryId();
        Map<String, Object> note = validNote(libraryId);
        change.accept(note);

        HttpResponse<String> response = post(note);

        assertProblem(response, 400);
        assertThat(errorFields(response)).containsExactly(field);
        assertThat(notesOf(libraryId)).isZero();
    }

    @Test
    void everyBadFieldIsNamedInOneProblem() throws Exception {
        String libraryId = newLibraryId();
        Map<String, Object> note = validNote(libraryId);
        note.put("title", "");
        note.remove("body");
        note.put("conversationDate", "2030-01-01");
        note.put("participants", -5);
        note.put("tags", List.of(""));

        HttpResponse<String> response = post(note);

        assertProblem(response, 400);
        assertThat(errorFields(response))
                .containsExactly("body", "conversationDate", "participants", "tags[0]", "title");
        assertThat(json(response).get("errors").valueStream()
                .filter(error -> error.get("field").asString().equals("conversationDate"))
                .findFirst().orElseThrow().get("message").asString()).isEqualTo("must not be in the future");
        assertThat(notesOf(libraryId)).isZero();
    }

    @Test
    void emptyObjectNamesEveryRequiredField() throws Exception {
        HttpResponse<String> response = postJson("{}");

        assertProblem(response, 400);
        assertThat(errorFields(response))
                .containsExactly("body", "conversationDate", "facilitator", "place", "title");
    }

    /** Today is judged in the earliest time zone (UTC+14): a local "today" anywhere is accepted. */
    @Test
    void conversationDateMayBeTodayAnywhereButNotLater() throws Exception {
        CLOCK.set(Instant.parse("2025-06-15T09:59:59Z")); // 23:59:59 on the 15th at UTC+14
        String libraryId = newLibraryId();

        assertThat(post(withDate(libraryId, "2025-06-15")).statusCode()).isEqualTo(201);
        HttpResponse<String> tomorrow = post(withDate(libraryId, "2025-06-16"));
        assertProblem(tomorrow, 400);
        assertThat(errorFields(tomorrow)).containsExactly("conversationDate");

        CLOCK.set(Instant.parse("2025-06-15T10:00:00Z")); // the 16th has begun at UTC+14
        assertThat(post(withDate(libraryId, "2025-06-16")).statusCode()).isEqualTo(201);
        assertThat(notesOf(libraryId)).isEqualTo(2);
    }

    @Test
    void malformedJsonIs400Problem() throws Exception {
        String libraryId = newLibraryId();
        String json = JSON.writeValueAsString(validNote(libraryId));

        HttpResponse<String> response = postJson(json.substring(0, json.length() - 10));

        assertProblem(response, 400);
        assertThat(json(response).get("title").asString()).isEqualTo("Malformed request body");
        assertThat(notesOf(libraryId)).isZero();
    }

    @Test
    void emptyBodyIs400Problem() throws Exception {
        assertProblem(postJson(""), 400);
    }

    @Test
    void nonJsonContentTypeIs415Problem() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/notes"))
                .header("Content-Type", "text/plain")
                .header("Authorization", memberOf(newLibraryId()))
                .POST(HttpRequest.BodyPublishers.ofString("hello"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertProblem(response, 415);
    }

    private static Map<String, Object> withDate(String libraryId, String date) {
        Map<String, Object> note = validNote(libraryId);
        note.put("conversationDate", date);
        return note;
    }

    private static List<String> numbered(int count) {
        return IntStream.range(0, count).mapToObj(i -> "segment " + i).toList();
    }

    private static Arguments bad(String field, String why, Consumer<Map<String, Object>> change) {
        return Arguments.of(field, why, change);
    }
}
