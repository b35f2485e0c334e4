package org.outward.notes.note;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.notes.MultipartBody;
import org.outward.notes.NotesIntegrationTest;
import org.outward.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/notes} with {@code Idempotency-Key}: a retry returns the first result and never makes a second
 * note, for JSON and multipart; the key is the caller's own; another body under the same key is refused; concurrent
 * duplicates make one note.
 */
class IdempotentUploadTest extends NotesIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.outward.platform.roster.RosterMirror mirror;

    @Test
    void aRetryWithTheSameKeyGetsTheFirstResponseAndNoSecondNote() throws Exception {
        String libraryId = newLibraryId();
        String body = JSON.writeValueAsString(validNote(libraryId));
        String key = "upload-" + UUID.randomUUID();

        HttpResponse<String> first = postWithKey(body, key, memberOf(libraryId));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        HttpResponse<String> retry = postWithKey(body, key, memberOf(libraryId));

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(notesOf(libraryId)).isEqualTo(1);

        // The first result, even after the note changed meanwhile.
        String id = json(first).get("id").asString();
        Map<String, Object> edited = validNote(libraryId);
        edited.put("title", "Edited after the upload");
        assertThat(send("PUT", "/api/notes/" + id, memberOf(libraryId), "application/json",
                JSON.writeValueAsBytes(edited), "\"1\"").statusCode()).isEqualTo(200);
        assertThat(postWithKey(body, key, memberOf(libraryId)).body()).isEqualTo(first.body());

        // Without a key, the same body is a new note, as before.
        assertThat(postWithKey(body, null, memberOf(libraryId)).statusCode()).isEqualTo(201);
        assertThat(notesOf(libraryId)).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndTheKeyIsEachCallersOwn() throws Exception {
        String libraryId = newLibraryId();
        String key = "upload-" + UUID.randomUUID();
        Map<String, Object> note = validNote(libraryId);
        assertThat(postWithKey(JSON.writeValueAsString(note), key, memberOf(libraryId)).statusCode()).isEqualTo(201);

        note.put("title", "Another conversation");
        HttpResponse<String> reused = postWithKey(JSON.writeValueAsString(note), key, memberOf(libraryId));
        assertProblem(reused, 422);
        assertThat(errorFields(reused)).containsExactly("Idempotency-Key");
        assertThat(notesOf(libraryId)).isEqualTo(1);

        // Another member of the same library may use the same key string for a note of their own.
        String colleagueId = "colleague-" + UUID.randomUUID();
        mirror.memberAdded(new MemberAdded(colleagueId, colleagueId + "@library.test", "Colleague",
                MemberAdded.ROLE_LIBRARY_MEMBER, libraryId, COHORT, null), java.time.Instant.EPOCH);
        String colleague = "Bearer " + TestTokens.builder().subject(colleagueId).email(colleagueId + "@library.test")
                .roles("library-member").library(libraryId).cohort(COHORT).sign();
        assertThat(postWithKey(JSON.writeValueAsString(note), key, colleague).statusCode()).isEqualTo(201);
        assertThat(notesOf(libraryId)).isEqualTo(2);

        assertProblem(postWithKey(JSON.writeValueAsString(note), "bad key with spaces", memberOf(libraryId)), 400);
        // A request refused for its body does not use up its key: the corrected retry goes through.
        String fresh = "upload-" + UUID.randomUUID();
        Map<String, Object> invalid = validNote(libraryId);
        invalid.put("title", "");
        assertProblem(postWithKey(JSON.writeValueAsString(invalid), fresh, memberOf(libraryId)), 400);
        assertThat(postWithKey(JSON.writeValueAsString(note), fresh, memberOf(libraryId)).statusCode()).isEqualTo(201);
    }

    @Test
    void multipartUploadsAreIdempotentToo() throws Exception {
        String libraryId = newLibraryId();
        String key = "upload-" + UUID.randomUUID();
        byte[] markdown = "## Concerns\n\nThe bus stops at 7 pm.".getBytes(StandardCharsets.UTF_8);
        String note = JSON.writeValueAsString(validNote(libraryId));

        HttpResponse<String> first = postMultipartWithKey(new MultipartBody().json("note", note)
                .file("files", "bus.md", "text/markdown", markdown), key, libraryId);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        HttpResponse<String> retry = postMultipartWithKey(new MultipartBody().json("note", note)
                .file("files", "bus.md", "text/markdown", markdown), key, libraryId);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(notesOf(libraryId)).isEqualTo(1);
        assertThat(json(first).get("attachments")).hasSize(1);

        // Same metadata, other file content under the same key: refused.
        HttpResponse<String> other = postMultipartWithKey(new MultipartBody().json("note", note)
                .file("files", "bus.md", "text/markdown", "## Other".getBytes(StandardCharsets.UTF_8)), key, libraryId);
        assertProblem(other, 422);
        assertThat(notesOf(libraryId)).isEqualTo(1);
    }

    @Test
    void concurrentDuplicatesMakeOneNote() throws Exception {
        String libraryId = newLibraryId();
        String body = JSON.writeValueAsString(validNote(libraryId));
        String key = "upload-" + UUID.randomUUID();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                    return postWithKey(body, key, memberOf(libraryId));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        go.countDown();
        List<HttpResponse<String>> responses = requests.stream().map(CompletableFuture::join).toList();

        assertThat(notesOf(libraryId)).isEqualTo(1);
        // Each got the one note, or was told the first is still in progress (409) and may retry.
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(201, 409));
        List<String> created = responses.stream().filter(r -> r.statusCode() == 201)
                .map(r -> json(r).get("id").asString()).distinct().toList();
        assertThat(created).hasSize(1);
        responses.stream().filter(r -> r.statusCode() == 409).forEach(r -> assertProblem(r, 409));
        JsonNode retried = json(postWithKey(body, key, memberOf(libraryId)));
        assertThat(retried.get("id").asString()).isEqualTo(created.get(0));
    }

    private HttpResponse<String> postWithKey(String json, String key, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/notes"))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postMultipartWithKey(MultipartBody body, String key, String libraryId)
            throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/notes"))
                .header("Content-Type", body.contentType())
                .header("Authorization", memberOf(libraryId))
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
