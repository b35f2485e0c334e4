package org.outward.notes.note;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.outward.notes.Fixtures;
import org.outward.notes.MultipartBody;
import org.outward.notes.NotesIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Multipart uploads: GridFS, type from content, SHA-256, text extraction, download. */
class AttachmentUploadTest extends NotesIntegrationTest {

    @Test
    void noteWithDocumentsStoresEachFileWithItsDetectedTypeHashAndText() throws Exception {
        String libraryId = newLibraryId();
        Map<String, Object> note = validNote(libraryId);
        note.remove("body");
        byte[] pdf = Fixtures.pdf("Riders asked for a later bus on route nine");
        byte[] docx = Fixtures.docx("Teens want a maker space open on weekends");
        byte[] odt = Fixtures.odt("Seniors trust the branch staff more than the city");
        byte[] markdown = "## Concerns\n\nRent keeps rising near the river.".getBytes(StandardCharsets.UTF_8);
        byte[] png = Fixtures.png();
        MultipartBody body = new MultipartBody().json("note", JSON.writeValueAsString(note))
                // Client-declared types are ignored: everything is sent as octet-stream.
                .file("files", "transit.pdf", "application/octet-stream", pdf)
                .file("files", "youth.docx", "application/octet-stream", docx)
                .file("files", "trust.odt", "application/octet-stream", odt)
                .file("files", "housing.md", "application/octet-stream", markdown)
                .file("files", "photo.png", "application/octet-stream", png);

        HttpResponse<String> response = postMultipart(memberOf(libraryId), body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode view = json(response);
        assertThat(view.get("body").isNull()).isTrue();
        assertThat(view.get("extraction").asString()).isEqualTo("done");
        JsonNode attachments = view.get("attachments");
        assertThat(attachments.valueStream().map(a -> a.get("type").asString())).containsExactly(
                "application/pdf",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.oasis.opendocument.text", "text/markdown", "image/png");
        assertThat(attachments.valueStream().map(a -> a.get("sha256").asString())).containsExactly(
                sha256(pdf), sha256(docx), sha256(odt), sha256(markdown), sha256(png));
        assertThat(attachments.valueStream().map(a -> a.get("size").asLong())).containsExactly(
                (long) pdf.length, (long) docx.length, (long) odt.length, (long) markdown.length, (long) png.length);
        assertThat(attachments.valueStream().map(a -> a.get("extraction").asString()))
                .containsExactly("done", "done", "done", "done", "none");

        List<Document> stored = storedNote(view.get("id").asString()).getList("attachments", Document.class);
        assertThat(stored.get(0).getString("text")).contains("later bus on route nine");
        assertThat(stored.get(1).getString("text")).contains("maker space open on weekends");
        assertThat(stored.get(2).getString("text")).contains("trust the branch staff");
        assertThat(stored.get(3).getString("text")).contains("Rent keeps rising");
        assertThat(stored.get(4).getString("text")).isNull();

        // The note's page shows each file's text; an image has none.
        String noteId = view.get("id").asString();
        JsonNode pdfText = json(get("/api/notes/" + noteId + "/attachments/" + attachments.get(0).get("id").asString()
                + "/text", memberOf(libraryId)));
        assertThat(pdfText.get("name").asString()).isEqualTo("transit.pdf");
        assertThat(pdfText.get("extraction").asString()).isEqualTo("done");
        assertThat(pdfText.get("text").asString()).contains("later bus on route nine");
        JsonNode pngText = json(get("/api/notes/" + noteId + "/attachments/" + attachments.get(4).get("id").asString()
                + "/text", memberOf(libraryId)));
        assertThat(pngText.get("extraction").asString()).isEqualTo("none");
        assertThat(pngText.get("text").isNull()).isTrue();
        assertThat(get("/api/notes/" + noteId + "/attachments/no-such-file/text", memberOf(libraryId)).statusCode())
                .isEqualTo(404);

        // The extracted text is searchable.
        JsonNode found = json(get("/api/notes?libraryId=" + libraryId + "&q=MAKER+weekends", memberOf(libraryId)));
        assertThat(found.get("total").asLong()).isEqualTo(1);
    }

    @Test
    void theNotePartMayComeWithoutContentTypeAsBrowsersSendIt() throws Exception {
        String libraryId = newLibraryId();
        Map<String, Object> note = validNote(libraryId);
        note.put("title", "");
        note.put("participants", -1);
        HttpResponse<String> invalid = postMultipart(memberOf(libraryId), new MultipartBody()
                .part("note", null, null, JSON.writeValueAsBytes(note)));
        assertProblem(invalid, 400);
        assertThat(errorFields(invalid)).containsExactly("participants", "title");

        HttpResponse<String> created = postMultipart(memberOf(libraryId), new MultipartBody()
                .part("note", null, null, JSON.writeValueAsBytes(validNote(libraryId))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("libraryId").asString()).isEqualTo(libraryId);
    }

    @Test
    void downloadServesTheBytesWithTheDetectedTypeAndASafeFileName() throws Exception {
        String libraryId = newLibraryId();
        byte[] pdf = Fixtures.pdf("Library hours after six");
        MultipartBody body = new MultipartBody().json("note", JSON.writeValueAsString(validNote(libraryId)))
                .file("files", "../../etc/Bericht \u00fcber \u202Eflow\u0007.pdf", "text/plain", pdf);
        JsonNode view = json(postMultipart(memberOf(libraryId), body));
        JsonNode attachment = view.get("attachments").get(0);
        assertThat(attachment.get("name").asString()).isEqualTo("Bericht \u00fcber flow.pdf");

        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(uri(attachment.get("url").asString()))
                .header("Authorization", memberOf(libraryId)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"Bericht _ber flow.pdf\"; filename*=UTF-8''Bericht%20%C3%BCber%20flow.pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void aProgramRenamedToTxtIsRefusedAndNothingIsStored() throws Exception {
        String libraryId = newLibraryId();
        long files = attachmentFiles();
        MultipartBody body = new MultipartBody().json("note", JSON.writeValueAsString(validNote(libraryId)))
                .file("files", "notes.txt", "text/plain", "Plain words.".getBytes(StandardCharsets.UTF_8))
                .file("files", "minutes.txt", "text/plain", Fixtures.executable());

        HttpResponse<String> response = postMultipart(memberOf(libraryId), body);

        assertProblem(response, 415);
        assertThat(errorFields(response)).containsExactly("files[1]");
        assertThat(notesOf(libraryId)).isZero();
        assertThat(attachmentFiles()).isEqualTo(files);
    }

    @Test
    void theSameFileTwiceInOneNoteIs409AndNothingIsStored() throws Exception {
        String libraryId = newLibraryId();
        long files = attachmentFiles();
        long chunks = attachmentChunks();
        byte[] docx = Fixtures.docx("The same minutes");
        MultipartBody body = new MultipartBody().json("note", JSON.writeValueAsString(validNote(libraryId)))
                .file("files", "minutes.docx", null, docx)
                .file("files", "minutes (copy).docx", null, docx);

        HttpResponse<String> response = postMultipart(memberOf(libraryId), body);

        assertProblem(response, 409);
        assertThat(errorFields(response)).containsExactly("files[1]");
        assertThat(json(response).get("detail").asString()).contains("files[0]").contains(sha256(docx));
        assertThat(notesOf(libraryId)).isZero();
        assertThat(attachmentFiles()).isEqualTo(files);
        assertThat(attachmentChunks()).isEqualTo(chunks);
    }

    @Test
    void addingAFileTheNoteAlreadyHasIs409() throws Exception {
        String libraryId = newLibraryId();
        byte[] odt = Fixtures.odt("Youth council minutes");
        JsonNode view = json(postMultipart(memberOf(libraryId), new MultipartBody()
                .json("note", JSON.writeValueAsString(validNote(libraryId))).file("files", "a.odt", null, odt)));
        String id = view.get("id").asString();
        long files = attachmentFiles();

        MultipartBody again = new MultipartBody().file("files", "b.odt", null, odt);
        HttpResponse<String> response = send("POST", "/api/notes/" + id + "/attachments", memberOf(libraryId),
                again.contentType(), again.bytes(), "\"1\"");

        assertProblem(response, 409);
        assertThat(attachmentFiles()).isEqualTo(files);

        MultipartBody other = new MultipartBody().file("files", "c.pdf", null, Fixtures.pdf("Second file"));
        HttpResponse<String> added = send("POST", "/api/notes/" + id + "/attachments", memberOf(libraryId),
                other.contentType(), other.bytes(), "\"1\"");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(json(added).get("attachments")).hasSize(2);
        assertThat(json(added).get("version").asLong()).isEqualTo(2);
        assertThat(attachmentFiles()).isEqualTo(files + 1);
    }

    @Test
    void badUploadsGetAProblemAndLeaveNothingBehind() throws Exception {
        String libraryId = newLibraryId();
        long files = attachmentFiles();
        long chunks = attachmentChunks();
        String note = JSON.writeValueAsString(validNote(libraryId));
        Map<String, Object> future = validNote(libraryId);
        future.put("conversationDate", "2030-01-01");
        Map<String, Object> otherLibrary = validNote(newLibraryId());
        byte[] pdf = Fixtures.pdf("Anything");

        // Empty file.
        HttpResponse<String> empty = postMultipart(memberOf(libraryId), new MultipartBody().json("note", note)
                .file("files", "empty.txt", "text/plain", new byte[0]));
        assertProblem(empty, 400);
        assertThat(errorFields(empty)).containsExactly("files[0]");

        // No body and no file.
        Map<String, Object> bodiless = validNote(libraryId);
        bodiless.remove("body");
        HttpResponse<String> nothing = postMultipart(memberOf(libraryId),
                new MultipartBody().json("note", JSON.writeValueAsString(bodiless)));
        assertProblem(nothing, 400);
        assertThat(errorFields(nothing)).containsExactly("body");

        // A file over the per-file limit, and a request over the per-request limit.
        HttpResponse<String> oversize = postMultipart(memberOf(libraryId), new MultipartBody().json("note", note)
                .file("files", "big.txt", "text/plain", "a".repeat(MAX_FILE + 1).getBytes(StandardCharsets.UTF_8)));
        assertProblem(oversize, 413);
        byte[] half = "b".repeat(MAX_FILE - 10).getBytes(StandardCharsets.UTF_8);
        byte[] otherHalf = "c".repeat(MAX_FILE - 10).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> overRequest = postMultipart(memberOf(libraryId), new MultipartBody().json("note", note)
                .file("files", "b.txt", "text/plain", half).file("files", "c.txt", "text/plain", otherHalf));
        assertProblem(overRequest, 413);

        // A conversation date in the future.
        HttpResponse<String> later = postMultipart(memberOf(libraryId), new MultipartBody()
                .json("note", JSON.writeValueAsString(future)).file("files", "a.pdf", null, pdf));
        assertProblem(later, 400);
        assertThat(errorFields(later)).containsExactly("conversationDate");

        // Another library's id.
        HttpResponse<String> foreign = postMultipart(memberOf(libraryId), new MultipartBody()
                .json("note", JSON.writeValueAsString(otherLibrary)).file("files", "a.pdf", null, pdf));
        assertProblem(foreign, 403);
        assertThat(notesOf((String) otherLibrary.get("libraryId"))).isZero();

        // A body cut off in the middle of a file.
        MultipartBody cut = new MultipartBody().json("note", note).file("files", "a.pdf", null, pdf);
        HttpResponse<String> truncated = send("POST", "/api/notes", memberOf(libraryId), cut.contentType(),
                cut.truncated(), null);
        assertProblem(truncated, 400);

        // Metadata that is not JSON, or with a bad field (the part has no Content-Type, as browsers send it).
        HttpResponse<String> notJson = postMultipart(memberOf(libraryId), new MultipartBody()
                .part("note", null, null, "{\"title\":".getBytes(StandardCharsets.UTF_8)));
        assertProblem(notJson, 400);
        assertThat(errorFields(notJson)).containsExactly("note");
        Map<String, Object> badDate = validNote(libraryId);
        badDate.put("conversationDate", "2025-02-30");
        HttpResponse<String> wrongType = postMultipart(memberOf(libraryId), new MultipartBody()
                .part("note", null, null, JSON.writeValueAsBytes(badDate)).file("files", "a.pdf", null, pdf));
        assertProblem(wrongType, 400);
        assertThat(errorFields(wrongType)).containsExactly("conversationDate");

        // No metadata part.
        HttpResponse<String> noNote = postMultipart(memberOf(libraryId),
                new MultipartBody().file("files", "a.pdf", null, pdf));
        assertProblem(noNote, 400);

        assertThat(notesOf(libraryId)).isZero();
        assertThat(attachmentFiles()).isEqualTo(files);
        assertThat(attachmentChunks()).isEqualTo(chunks);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
