package org.outward.notes.theme;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * What theme computation reads of a note: who raised it, when, which version, its body and the text extracted
 * from each of its attachments.
 *
 * @param version     the note's version: its sentence vectors are stored under it
 * @param attachments the extracted text of each attachment that has one, in the note's order
 */
public record NoteText(String id, String libraryId, String title, LocalDate conversationDate, long version,
        String body, List<String> attachments) {

    public NoteText {
        body = body == null ? "" : body;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A note of version 0 without attachments. */
    public NoteText(String id, String libraryId, String title, LocalDate conversationDate, String body) {
        this(id, libraryId, title, conversationDate, 0, body, List.of());
    }

    /** The same note under another id. */
    public NoteText withId(String other) {
        return new NoteText(other, libraryId, title, conversationDate, version, body, attachments);
    }

    /** The body, then each attachment's text after a blank line. */
    public String text() {
        StringBuilder text = new StringBuilder(body);
        attachments.forEach(a -> text.append("\n\n").append(a));
        return text.toString();
    }

    /**
     * A digest of the text themes read. A retried extraction adds an attachment's text without a new note version,
     * so stored vectors are checked against this too.
     */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(body.getBytes(StandardCharsets.UTF_8));
            for (String attachment : attachments) {
                digest.update((byte) 0);
                digest.update(attachment.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
