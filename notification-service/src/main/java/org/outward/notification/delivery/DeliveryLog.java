package org.outward.notification.delivery;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.outward.notification.web.PageResponse;
import org.outward.notification.web.Paging;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Read side of the email outbox, newest first. Bodies are never read out. */
@Component
public class DeliveryLog {

    private final MongoTemplate mongo;

    public DeliveryLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * @param status    only emails in this state, or null for all
     * @param recipient a member id or an email address, or null for all
     */
    public PageResponse<Delivery> find(EmailStatus status, String recipient, Paging paging) {
        return find(status, recipient, null, paging);
    }

    /** @param kind only emails of this kind ({@code webinar-published}, {@code digest-daily} ...), or null */
    public PageResponse<Delivery> find(EmailStatus status, String recipient, String kind, Paging paging) {
        Criteria criteria = new Criteria();
        if (kind != null && !kind.isBlank()) {
            criteria = criteria.and("kind").is(kind.trim());
        }
        if (status != null) {
            criteria = criteria.and("status").is(status.name());
        }
        if (recipient != null && !recipient.isBlank()) {
            criteria = criteria.orOperator(Criteria.where("recipientId").is(recipient),
                    Criteria.where("to").is(recipient));
        }
        Query query = new Query(criteria);
        long total = mongo.count(query, EmailOutbox.COLLECTION);
        query.with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id")))
                .skip(paging.skip()).limit(paging.size());
        query.fields().include("kind", "recipientId", "to", "subject", "status", "attempts", "lastError",
                "createdAt", "nextAttemptAt", "sentAt", "inDoubt");
        List<Delivery> items = mongo.find(query, Document.class, EmailOutbox.COLLECTION).stream()
                .map(DeliveryLog::toDelivery).toList();
        return new PageResponse<>(items, paging.page(), paging.size(), total);
    }

    private static Delivery toDelivery(Document doc) {
        return new Delivery(doc.getString("_id"), doc.getString("kind"), doc.getString("recipientId"),
                doc.getString("to"), doc.getString("subject"), EmailStatus.valueOf(doc.getString("status")),
                doc.getInteger("attempts", 0), doc.getString("lastError"), instant(doc, "createdAt"),
                instant(doc, "nextAttemptAt"), instant(doc, "sentAt"), Boolean.TRUE.equals(doc.getBoolean("inDoubt")));
    }

    private static Instant instant(Document doc, String field) {
        Date date = doc.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
