package org.outward.notes.note;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code Idempotency-Key}s of note uploads, one document per (caller, key) in {@value #COLLECTION} with
 * {@code _id = <caller subject>|<key>}: MongoDB's unique {@code _id} lets exactly one of any number of concurrent
 * requests with the same key begin. The record holds a fingerprint of the request, the id the note gets (chosen when
 * the key is first seen, so a note is created at most once: its own {@code _id} is unique too) and, once done, the
 * response to repeat.
 */
@Component
class UploadKeys {

    static final String COLLECTION = "upload_keys";

    private final MongoTemplate mongo;
    private final Clock clock;

    UploadKeys(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Where a key stands when a request with it arrives. */
    sealed interface Start {
        /** This request is the one to do it, creating the note with this id. */
        record Proceed(String noteId, Instant startedAt) implements Start {
        }

        /** Done before: repeat this response. */
        record Done(String noteId, String response, String etag) implements Start {
        }

        /** The key was used for a different request. */
        record Mismatch() implements Start {
        }

        /** Another request with this key is being processed now. */
        record Busy(String noteId) implements Start {
        }
    }

    /**
     * @param staleAfter a request that began this long ago and left no note has died: this one takes over, with the
     *                   same note id
     */
    Start start(String id, String fingerprint, Duration staleAfter) {
        Instant now = clock.instant();
        String noteId = UUID.randomUUID().toString();
        try {
            mongo.insert(new Document("_id", id).append("fingerprint", fingerprint).append("noteId", noteId)
                    .append("status", "started").append("createdAt", Date.from(now))
                    .append("startedAt", Date.from(now)), COLLECTION);
            return new Start.Proceed(noteId, now);
        } catch (DuplicateKeyException e) {
            Document existing = mongo.findById(id, Document.class, COLLECTION);
            if (existing == null) {
                return start(id, fingerprint, staleAfter); // expired in between
            }
            if (!fingerprint.equals(existing.getString("fingerprint"))) {
                return new Start.Mismatch();
            }
            if ("done".equals(existing.getString("status"))) {
                return new Start.Done(existing.getString("noteId"), existing.getString("response"),
                        existing.getString("etag"));
            }
            Date startedAt = existing.getDate("startedAt");
            if (startedAt.toInstant().plus(staleAfter).isBefore(now)) {
                Document taken = mongo.findAndModify(Query.query(Criteria.where("_id").is(id)
                                .and("startedAt").is(startedAt)), new Update().set("startedAt", Date.from(now)),
                        FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
                if (taken != null) {
                    return new Start.Proceed(taken.getString("noteId"), now);
                }
            }
            return new Start.Busy(existing.getString("noteId"));
        }
    }

    void done(String id, String response, String etag) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("status", "done")
                .set("response", response).set("etag", etag).set("doneAt", Date.from(clock.instant())), COLLECTION);
    }

    /** The request failed without a note (bad input, say): the key is free for a corrected retry. */
    void release(String id, Instant startedAt) {
        mongo.remove(Query.query(Criteria.where("_id").is(id).and("status").is("started")
                .and("startedAt").is(Date.from(startedAt))), COLLECTION);
    }
}
