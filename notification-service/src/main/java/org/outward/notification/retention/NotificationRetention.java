package org.outward.notification.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long notification-service keeps what it stores (the inbox: see the platform's {@code outward.retention.inbox}).
 * The lower bounds, checked at start by {@link RetentionConfiguration}, are what dedupe needs; see docs/retention.md.
 *
 * @param digestClaims "this item went to this person in that email", and items given back by failed digests
 * @param emails       the email outbox and delivery log (the idempotency key of every email)
 * @param emailBodies  the text and HTML of emails that are SENT or FAILED (the rest of the record stays)
 * @param feedItems    the news items digests are built from
 */
@ConfigurationProperties("outward.retention")
public record NotificationRetention(Duration digestClaims, Duration emails, Duration emailBodies,
        Duration feedItems) {

    public NotificationRetention {
        digestClaims = digestClaims == null ? Duration.ofDays(90) : digestClaims;
        emails = emails == null ? Duration.ofDays(90) : emails;
        emailBodies = emailBodies == null ? Duration.ofDays(14) : emailBodies;
        feedItems = feedItems == null ? Duration.ofDays(180) : feedItems;
    }
}
