package org.outward.catalog.progress;

import static org.outward.catalog.support.Documents.date;
import static org.outward.catalog.support.Documents.longValue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.outward.catalog.roster.MemberService;
import org.outward.catalog.roster.MemberView;
import org.outward.catalog.support.Times;
import org.outward.catalog.webinar.WebinarService;
import org.outward.catalog.webinar.WebinarStatus;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.ProgressRecorded;
import org.outward.platform.concurrency.VersionedWrites;
import org.outward.platform.errors.ConflictException;
import org.outward.platform.errors.NotFoundException;
import org.outward.platform.outbox.OutboxEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * A person's own "I watched the recording" marks, one document per person and webinar in {@value #COLLECTION}
 * (id {@code memberId:webinarId}), each written with its ProgressRecorded ({@code recording-watched}). Attending a
 * live session is the other way to have a webinar done; it is recorded with the session (see Attendance).
 */
@Service
public class PersonalProgress implements InitializingBean {

    static final String COLLECTION = "member_progress";

    private static final Logger log = LoggerFactory.getLogger(PersonalProgress.class);

    private final MongoTemplate mongo;
    private final MemberService members;
    private final WebinarService webinars;
    private final OutboxEvents outbox;
    private final Clock clock;

    public PersonalProgress(MongoTemplate mongo, MemberService members, WebinarService webinars, OutboxEvents outbox,
            Clock clock) {
        this.mongo = mongo;
        this.members = members;
        this.webinars = webinars;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("cohortId", Sort.Direction.ASC).named("cohort"));
    }

    /** @return whether the person has the recording marked watched now */
    public boolean recordWatched(String memberId, String webinarId, boolean watched, String recordedBy) {
        MemberView member = members.get(memberId);
        if (!MemberAdded.ROLE_LIBRARY_MEMBER.equals(member.role())) {
            throw new ConflictException("memberId", "Progress is kept for library-team members only.");
        }
        webinars.find(webinarId).filter(found -> found.status() == WebinarStatus.PUBLISHED)
                .orElseThrow(() -> new NotFoundException("Webinar", webinarId));
        String id = memberId + ":" + webinarId;
        return VersionedWrites.retry("The progress", () -> {
            Document current = mongo.findById(id, Document.class, COLLECTION);
            boolean now = current != null && Boolean.TRUE.equals(current.getBoolean("watched"));
            if (now == watched) {
                return Optional.of(now);
            }
            Instant at = Times.now(clock);
            var entries = List.of(outbox.entry(Events.PROGRESS_RECORDED, member.libraryId(), new ProgressRecorded(
                    member.libraryId(), member.cohortId(), webinarId, ProgressRecorded.KIND_RECORDING_WATCHED, null,
                    watched, recordedBy, at, memberId, null)));
            if (current == null) {
                Document document = new Document("_id", id).append("memberId", memberId)
                        .append("libraryId", member.libraryId()).append("cohortId", member.cohortId())
                        .append("webinarId", webinarId).append("watched", watched).append("version", 1L)
                        .append("updatedAt", date(at));
                OutboxEvents.attach(document, entries);
                try {
                    mongo.insert(document, COLLECTION);
                } catch (DuplicateKeyException e) {
                    return Optional.<Boolean>empty();
                }
            } else {
                Update update = new Update().set("watched", watched).set("libraryId", member.libraryId())
                        .set("cohortId", member.cohortId()).set("updatedAt", date(at)).inc("version", 1L);
                OutboxEvents.push(update, entries);
                if (mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("version")
                        .is(longValue(current, "version"))), update, FindAndModifyOptions.options(), Document.class,
                        COLLECTION) == null) {
                    return Optional.<Boolean>empty();
                }
            }
            log.info("personal progress member={} webinar={} watched={}", memberId, webinarId, watched);
            return Optional.of(watched);
        });
    }

    /** memberId:webinarId of every recording watched in the cohort. */
    java.util.Set<String> watchedInCohort(String cohortId) {
        Query query = Query.query(Criteria.where("cohortId").is(cohortId).and("watched").is(true));
        query.fields().include("_id");
        java.util.Set<String> keys = new java.util.HashSet<>();
        mongo.find(query, Document.class, COLLECTION).forEach(d -> keys.add(d.getString("_id")));
        return keys;
    }
}
