package org.outward.notes.note;

/**
 * The text extracted from one attachment, for the note's page: the listing leaves it out (it can be long).
 * {@code text} is null while there is none (an image, or an extraction that failed and waits for its retry).
 */
public record AttachmentText(String attachmentId, String name, String extraction, String text) {

    static AttachmentText of(Attachment attachment) {
        return new AttachmentText(attachment.id(), attachment.name(), attachment.extraction().wireName(),
                attachment.text());
    }
}
