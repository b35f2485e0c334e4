package org.outward.notes.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.outward.notes.NotesIntegrationTest;

/** Bodies over 1 MB (1,048,576 bytes) get 413 problem+json whether or not they declare their length. */
class BodySizeLimitTest extends NotesIntegrationTest {

    private static final int LIMIT = 1024 * 1024;

    @Test
    void declaredLengthOverTheLimitIs413AndNothingIsStored() throws Exception {
        String libraryId = newLibraryId();

        HttpResponse<String> response = postJson(noteOfExactly(libraryId, LIMIT + 1));

        assertProblem(response, 413);
        assertThat(json(response).get("detail").asString()).contains(Integer.toString(LIMIT));
        assertThat(notesOf(libraryId)).isZero();
    }

    @Test
    void bodyOfExactlyTheLimitIsAccepted() throws Exception {
        String libraryId = newLibraryId();

        HttpResponse<String> response = postJson(noteOfExactly(libraryId, LIMIT));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(notesOf(libraryId)).isEqualTo(1);
    }

    @Test
    void streamedBodyOverTheLimitIs413AndNothingIsStored() throws Exception {
        String libraryId = newLibraryId();

        HttpResponse<String> response = postChunked(
                noteOfExactly(libraryId, LIMIT + 200_000).getBytes(StandardCharsets.UTF_8));

        assertProblem(response, 413);
        assertThat(notesOf(libraryId)).isZero();
    }

    @Test
    void streamedBodyWithinTheLimitIsAccepted() throws Exception {
        String libraryId = newLibraryId();

        HttpResponse<String> response = postChunked(noteOfExactly(libraryId, LIMIT).getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(json(response).get("libraryId").asString()).isEqualTo(libraryId);
        assertThat(notesOf(libraryId)).isEqualTo(1);
    }

    /**
     * A valid note padded with an ignored field to exactly {@code bytes} bytes of JSON, so the size
     * is the only thing that can make it fail.
     */
    private static String noteOfExactly(String libraryId, int bytes) {
        Map<String, Object> note = validNote(libraryId);
        note.put("padding", "");
        String json = JSON.writeValueAsString(note);
        int missing = bytes - json.getBytes(StandardCharsets.UTF_8).length;
        assertThat(missing).isNotNegative();
        note.put("padding", "x".repeat(missing));
        String padded = JSON.writeValueAsString(note);
        assertThat(padded.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
        return padded;
    }
}
