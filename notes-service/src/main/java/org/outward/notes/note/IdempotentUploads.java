package org.outward.notes.note;

import org.outward.platform.concurrency.ETags;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.outward.platform.errors.BadRequestException;
import org.outward.platform.errors.ConflictException;
import org.outward.platform.errors.NotFoundException;
import org.outward.platform.errors.UnprocessableException;
import org.outward.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/notes} with an {@code Idempotency-Key} header: a retry (after a timeout, say) gets the first
 * response again, same status, body, Location and ETag, and never creates a second note. The key is the caller's
 * own ({@code <subject>|<key>}); the same key with a different body or other files is refused with 422; a retry while
 * the first request is still running gets 409 (try again in a moment). Without the header an upload is as before.
 */
@Component
class IdempotentUploads {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final Logger log = LoggerFactory.getLogger(IdempotentUploads.class);

    private final UploadKeys keys;
    private final NoteService notes;
    private final IdempotencyProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();

    IdempotentUploads(UploadKeys keys, NoteService notes, IdempotencyProperties properties) {
        this.keys = keys;
        this.notes = notes;
        this.properties = properties;
    }

    /**
     * @param fingerprint what the request asks for (computed only when a key is given)
     * @param create      makes the note with the given id
     */
    ResponseEntity<NoteView> upload(Caller caller, String key, Supplier<String> fingerprint,
            Function<String, NoteView> create) {
        if (key == null) {
            return created(create.apply(UUID.randomUUID().toString()), null);
        }
        if (!KEY.matcher(key).matches()) {
            throw new BadRequestException(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        String id = caller.subject() + "|" + key;
        UploadKeys.Start start = keys.start(id, fingerprint.get(), properties.staleAfter());
        if (start instanceof UploadKeys.Start.Proceed proceed) {
            NoteView view;
            try {
                view = create.apply(proceed.noteId());
            } catch (RuntimeException e) {
                // A request that took over from a stalled one may meet the note the stalled one made after all.
                view = existing(caller, proceed.noteId());
                if (view == null) {
                    keys.release(id, proceed.startedAt());
                    throw e;
                }
            }
            return done(id, view);
        }
        if (start instanceof UploadKeys.Start.Done done) {
            log.info("upload repeated key={} note={}: first response returned", key, done.noteId());
            return created(json.readValue(done.response(), NoteView.class), done.etag());
        }
        if (start instanceof UploadKeys.Start.Busy busy) {
            NoteView made = existing(caller, busy.noteId());
            if (made != null) {
                return done(id, made); // the first request stored the note and died before recording the response
            }
            throw new ConflictException(HEADER, "A request with this key is still being processed; retry in a moment.");
        }
        throw new UnprocessableException(HEADER, "was used before for a different request (another body or other "
                + "files); use a new key for a new note");
    }

    private ResponseEntity<NoteView> done(String id, NoteView view) {
        keys.done(id, json.writeValueAsString(view), ETags.of(view.version()));
        return created(view, null);
    }

    private NoteView existing(Caller caller, String noteId) {
        try {
            return notes.get(caller, noteId);
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** @param replayedETag the first response's ETag when this repeats it, else null */
    private static ResponseEntity<NoteView> created(NoteView note, String replayedETag) {
        ResponseEntity.BodyBuilder response = ResponseEntity.created(URI.create("/api/notes/" + note.id()));
        if (replayedETag != null) {
            response.eTag(replayedETag).header(REPLAYED_HEADER, "true");
        } else {
            response.eTag(ETags.of(note.version()));
        }
        return response.body(note);
    }

    /** The request's identity: its metadata as canonical JSON, and each file's name, size and SHA-256. */
    static String fingerprint(UploadNoteRequest request, List<MultipartFile> files) {
        MessageDigest digest = sha256();
        digest.update(JsonMapper.builder().build().writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
        for (MultipartFile file : files) {
            digest.update(("\n" + file.getOriginalFilename() + "\n" + file.getSize() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(contentHash(file));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static byte[] contentHash(MultipartFile file) {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(file.getInputStream(), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
