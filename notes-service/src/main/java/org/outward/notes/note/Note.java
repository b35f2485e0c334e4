package org.outward.notes.note;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A conversation note as stored in the {@code notes} collection (one document per note, which
 * also carries the note's pending events and its attachments' metadata and extracted text).
 */
public record Note(
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
        List<Attachment> attachments,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Note {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    boolean hasBody() {
        return body != null && !body.isBlank();
    }
}
