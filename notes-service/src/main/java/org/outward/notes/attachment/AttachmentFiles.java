package org.outward.notes.attachment;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

/**
 * Attachment bytes in GridFS (bucket {@value #BUCKET}). Uploads are copied through in chunks of
 * {@value #CHUNK_SIZE} bytes, hashing on the way, so no file is ever whole in memory. Files are
 * written BEFORE the note that references them; a file no note references is an orphan that
 * {@code OrphanFileSweeper} removes after a grace period.
 */
@Component
public class AttachmentFiles {

    public static final String BUCKET = "attachments";
    static final int CHUNK_SIZE = 255 * 1024;
    static final int BATCH_CHUNKS = 16;

    private final GridFSBucket bucket;
    private final Clock clock;
    private final DistributionSummary uploads;

    public AttachmentFiles(MongoDatabaseFactory mongo, Clock clock, MeterRegistry registry) {
        this.bucket = GridFSBuckets.create(mongo.getMongoDatabase(), BUCKET);
        this.clock = clock;
        // outward_uploads_bytes_count and _sum: files stored and their bytes, for storage growth.
        this.uploads = DistributionSummary.builder("outward.uploads").baseUnit("bytes")
                .description("Attachment files stored in GridFS")
                .serviceLevelObjectives(64 * 1024, 1024 * 1024, 10 * 1024 * 1024, 50 * 1024 * 1024)
                .register(registry);
    }

    public StoredFile store(InputStream content, String safeName, String contentType) throws IOException {
        MessageDigest sha256 = sha256();
        GridFSUploadOptions options = new GridFSUploadOptions().chunkSizeBytes(CHUNK_SIZE)
                .metadata(new Document("contentType", contentType).append("storedAt", Date.from(clock.instant())));
        long size = 0;
        ObjectId id;
        try (DigestInputStream in = new DigestInputStream(content, sha256);
                var out = bucket.openUploadStream(safeName, options)) {
            id = out.getObjectId();
            byte[] buffer = new byte[64 * 1024];
            int read;
            try {
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    size += read;
                }
            } catch (IOException | RuntimeException e) {
                out.abort(); // removes the chunks written so far
                throw e;
            }
        }
        uploads.record(size);
        return new StoredFile(id.toHexString(), size, HexFormat.of().formatHex(sha256.digest()));
    }

    public Optional<GridFSFile> find(String fileId) {
        if (!ObjectId.isValid(fileId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(bucket.find(Filters.eq("_id", new ObjectId(fileId))).first());
    }

    /**
     * Streams the file chunk by chunk. The cursor fetches {@value #BATCH_CHUNKS} chunks (about 4 MB)
     * per round trip, so reading a 100 MB file never holds more than that (without a batch size some
     * servers answer with every chunk at once).
     */
    public InputStream open(String fileId) {
        return bucket.openDownloadStream(new ObjectId(fileId)).batchSize(BATCH_CHUNKS);
    }

    /** Best effort: a file that is already gone is fine. */
    public void delete(String fileId) {
        try {
            bucket.delete(new ObjectId(fileId));
        } catch (com.mongodb.MongoGridFSException e) {
            // already deleted (or never completed): nothing to do
        }
    }

    /**
     * Ids of files stored before {@code cutoff} (by the service's clock, kept in the file's metadata),
     * oldest first, at most {@code limit}.
     */
    public List<String> storedBefore(Instant cutoff, int limit) {
        List<String> ids = new ArrayList<>();
        bucket.find(Filters.lt("metadata.storedAt", Date.from(cutoff))).sort(new Document("metadata.storedAt", 1))
                .limit(limit)
                .forEach(file -> ids.add(file.getObjectId().toHexString()));
        return ids;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
