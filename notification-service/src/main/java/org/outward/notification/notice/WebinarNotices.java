package org.outward.notification.notice;

import java.util.Optional;
import org.outward.contracts.EventEnvelope;
import org.outward.contracts.catalog.WebinarPublished;
import org.outward.notification.delivery.EmailOutbox;
import org.outward.notification.delivery.OutgoingEmail;
import org.outward.notification.recipient.Library;
import org.outward.notification.recipient.Recipient;
import org.outward.notification.recipient.RosterReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "A new webinar is out": one email per library-team member of the roster (program staff publish
 * webinars, they are not told about them). Each email is keyed {@code <eventId>:<memberId>}, so running
 * this again for the same event (a redelivery, or a retry after a crash half-way) adds only the emails
 * still missing.
 */
@Component
public class WebinarNotices {

    public static final String KIND = "webinar-published";

    private static final Logger log = LoggerFactory.getLogger(WebinarNotices.class);

    private final RosterReadModel roster;
    private final WebinarEmailRenderer renderer;
    private final EmailOutbox outbox;

    public WebinarNotices(RosterReadModel roster, WebinarEmailRenderer renderer, EmailOutbox outbox) {
        this.roster = roster;
        this.renderer = renderer;
        this.outbox = outbox;
    }

    public void published(EventEnvelope envelope, WebinarPublished webinar) {
        int queued = 0;
        int existing = 0;
        int skipped = 0;
        for (Recipient recipient : roster.libraryMembers()) {
            if (recipient.email() == null || recipient.email().isBlank()) {
                skipped++;
                continue;
            }
            Optional<Library> library = roster.library(recipient.libraryId());
            RenderedEmail email = renderer.render(webinar, recipient, library);
            String key = envelope.id() + ":" + recipient.memberId();
            boolean added = outbox.enqueue(new OutgoingEmail(key, KIND, recipient.memberId(), recipient.email(),
                    recipient.name(), email.subject(), email.text(), email.html(), envelope.correlationId(),
                    envelope.id().toString()));
            if (added) {
                queued++;
            } else {
                existing++;
            }
        }
        log.info("webinar notice webinar={} event={} queued={} alreadyQueued={} withoutAddress={}",
                webinar.webinarId(), envelope.id(), queued, existing, skipped);
    }
}
