package org.outward.notes.attachment;

/** A file written to GridFS: its id (hex ObjectId), length in bytes and SHA-256 (hex). */
public record StoredFile(String fileId, long size, String sha256) {
}
