package org.outward.notes.note;

import java.time.Instant;

/**
 * An attachment of a note, as stored inside the note's document; the bytes are in GridFS under
 * {@code fileId}.
 *
 * @param name       sanitized file name (a label only)
 * @param type       detected from the content
 * @param sha256     hex SHA-256 of the bytes, computed while streaming them to GridFS
 * @param extraction {@code none} (no text to extract: images), {@code done} or {@code failed}
 * @param attempts   extraction attempts so far
 * @param retryAt    when a failed extraction is tried again; null when done or given up
 * @param text       extracted text, or null
 */
public record Attachment(String id, String fileId, String name, String type, long size, String sha256,
        Extraction extraction, int attempts, Instant retryAt, String text) {

    public enum Extraction {
        NONE("none"), DONE("done"), FAILED("failed");

        private final String wireName;

        Extraction(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        static Extraction fromWireName(String name) {
            for (Extraction value : values()) {
                if (value.wireName.equals(name)) {
                    return value;
                }
            }
            throw new IllegalArgumentException("unknown extraction state: " + name);
        }
    }

    Attachment withExtraction(Extraction state, int attemptCount, Instant retry, String extracted) {
        return new Attachment(id, fileId, name, type, size, sha256, state, attemptCount, retry, extracted);
    }
}
