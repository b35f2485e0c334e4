package org.outward.notes.search;

import java.time.LocalDate;
import java.util.List;
import org.outward.notes.theme.NoteText;

/**
 * What search reads of a note: who may see it, what filters match, and its text (body and the extracted text of
 * its attachments, with their names for snippets).
 *
 * @param shared whether the note is shared with its cohort (else only its library reads it)
 */
public record NoteSource(String id, String libraryId, String cohortId, boolean shared, String title, String body,
        LocalDate conversationDate, long version, List<String> segments, List<String> tags,
        List<AttachmentText> attachments) {

    /** An attachment that has extracted text. */
    public record AttachmentText(String id, String name, String text) {
    }

    public NoteSource {
        body = body == null ? "" : body;
        title = title == null ? "" : title;
        segments = segments == null ? List.of() : List.copyOf(segments);
        tags = tags == null ? List.of() : List.copyOf(tags);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /**
     * The note as themes read it: the same units, the same text fingerprint, so the sentence vectors themes
     * stored are the ones search uses (and a note version is embedded once for both).
     */
    public NoteText text() {
        return new NoteText(id, libraryId, title, conversationDate, version, body,
                attachments.stream().map(AttachmentText::text).toList());
    }
}
