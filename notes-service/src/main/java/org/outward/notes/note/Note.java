package org.outward.notes.note;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A conversation note as stored in the {@code notes} collection (one document per note, which
 * also carries the note's pending events). Attachments, themes and calibrations will hang off
 * this aggregate later.
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
        Visibility visibility,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
