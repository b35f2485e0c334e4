package org.outward.notes.note;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A note as the API shows it. Attachments are listed without their extracted text (it can be
 * long); {@code extraction} sums up their state: {@code none}, {@code done} or {@code failed}
 * (at least one attachment's text could not be extracted yet; it is retried).
 */
public record NoteView(
        String id,
        String libraryId,
        String cohortId,
        String title,
        String body,
        LocalDate conversationDate,
        String place,
        String facilitator,
        Integer participants,
        List<String> segments,
        List<String> tags,
        String webinarId,
        Visibility visibility,
        List<AttachmentView> attachments,
        String extraction,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    /** {@code url} downloads the bytes, with the detected type and the file name. */
    public record AttachmentView(String id, String name, String type, long size, String sha256, String extraction,
            int extractionAttempts, String url) {
    }

    static NoteView of(Note note) {
        List<AttachmentView> attachments = note.attachments().stream()
                .map(a -> new AttachmentView(a.id(), a.name(), a.type(), a.size(), a.sha256(),
                        a.extraction().wireName(), a.attempts(),
                        "/api/notes/" + note.id() + "/attachments/" + a.id()))
                .toList();
        return new NoteView(note.id(), note.libraryId(), note.cohortId(), note.title(), note.body(),
                note.conversationDate(), note.place(), note.facilitator(), note.participants(), note.segments(),
                note.tags(), note.webinarId(), note.visibility(), attachments, extraction(note), note.version(),
                note.createdAt(), note.updatedAt());
    }

    static String extraction(Note note) {
        if (note.attachments().stream().anyMatch(a -> a.extraction() == Attachment.Extraction.FAILED)) {
            return Attachment.Extraction.FAILED.wireName();
        }
        if (note.attachments().stream().anyMatch(a -> a.extraction() == Attachment.Extraction.DONE)) {
            return Attachment.Extraction.DONE.wireName();
        }
        return Attachment.Extraction.NONE.wireName();
    }
}
