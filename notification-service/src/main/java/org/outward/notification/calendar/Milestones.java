package org.outward.notification.calendar;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.outward.contracts.catalog.CohortCreated;
import org.outward.contracts.catalog.CohortUpdated;
import org.outward.contracts.catalog.MilestoneData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Each cohort's program milestones ({@value #COLLECTION}), as its latest cohort event says (by cohort version). */
@Component
public class Milestones {

    public static final String COLLECTION = "calendar.cohorts";

    private static final Logger log = LoggerFactory.getLogger(Milestones.class);

    /** A milestone of one cohort. */
    public record Dated(String cohortId, MilestoneData milestone) {
    }

    private final MongoTemplate mongo;

    public Milestones(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void cohort(CohortCreated cohort) {
        store(cohort.cohortId(), cohort.name(), cohort.milestones(), cohort.version());
    }

    /** New name or dates: the milestones over them replace the stored ones unless those are newer. */
    public void cohort(CohortUpdated cohort) {
        store(cohort.cohortId(), cohort.name(), cohort.milestones(), cohort.version());
    }

    void store(String cohortId, String name, List<MilestoneData> milestones, long version) {
        Update update = new Update().set("name", name).set("version", version).set("milestones", milestones.stream()
                .map(m -> new Document("kind", m.kind()).append("on", m.on().toString()).append("title", m.title()))
                .toList()).set("storedAt", new Date());
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is(cohortId).and("version").lte(version)), update,
                    COLLECTION);
            log.info("cohort={} milestones stored at version {}", cohortId, version);
        } catch (DuplicateKeyException e) {
            log.info("cohort={} milestones kept: newer than version {}", cohortId, version);
        }
    }

    public List<Dated> of(String cohortId) {
        Document doc = cohortId == null ? null : mongo.findById(cohortId, Document.class, COLLECTION);
        if (doc == null) {
            return List.of();
        }
        return doc.getList("milestones", Document.class, List.of()).stream()
                .map(m -> new Dated(cohortId, new MilestoneData(m.getString("kind"), LocalDate.parse(m.getString("on")),
                        m.getString("title"))))
                .toList();
    }

    public String name(String cohortId) {
        Document doc = cohortId == null ? null : mongo.findById(cohortId, Document.class, COLLECTION);
        return doc == null ? null : doc.getString("name");
    }
}
