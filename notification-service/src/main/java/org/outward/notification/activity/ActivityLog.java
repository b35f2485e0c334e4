package org.outward.notification.activity;

import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.outward.notification.web.PageResponse;
import org.outward.notification.web.Paging;
import org.outward.platform.inbox.Inbox;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What events this service has seen, newest first. The platform's inbox already records every
 * processed event (for dedupe); this only reads it, so no second copy can drift from it.
 */
@Component
public class ActivityLog {

    private final MongoTemplate mongo;

    public ActivityLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        mongo.indexOps(Inbox.COLLECTION).createIndex(new Index().on("type", Sort.Direction.ASC)
                .on("processedAt", Sort.Direction.DESC));
        mongo.indexOps(Inbox.COLLECTION).createIndex(new Index().on("subject", Sort.Direction.ASC));
    }

    public PageResponse<ActivityEntry> find(String type, String subject, Paging paging) {
        Criteria criteria = new Criteria();
        if (type != null && !type.isBlank()) {
            criteria = criteria.and("type").is(type);
        }
        if (subject != null && !subject.isBlank()) {
            criteria = criteria.and("subject").is(subject);
        }
        Query query = new Query(criteria);
        long total = mongo.count(query, Inbox.COLLECTION);
        query.with(Sort.by(Sort.Order.desc("processedAt"), Sort.Order.asc("_id")))
                .skip(paging.skip()).limit(paging.size());
        List<ActivityEntry> items = mongo.find(query, Document.class, Inbox.COLLECTION).stream()
                .map(ActivityLog::toEntry).toList();
        return new PageResponse<>(items, paging.page(), paging.size(), total);
    }

    private static ActivityEntry toEntry(Document doc) {
        return new ActivityEntry(doc.getString("_id"), doc.getString("type"), doc.getInteger("version", 1),
                doc.getString("subject"), doc.getString("source"), doc.getString("topic"),
                doc.getString("correlationId"), instant(doc, "occurredAt"), instant(doc, "processedAt"));
    }

    private static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
