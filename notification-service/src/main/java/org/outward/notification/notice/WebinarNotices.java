package org.outward.notification.notice;

import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.outward.contracts.EventEnvelope;
import org.outward.contracts.catalog.WebinarPublished;
import org.outward.notification.delivery.EmailOutbox;
import org.outward.notification.delivery.OutgoingEmail;
import org.outward.notification.digest.DigestClaims;
import org.outward.notification.preference.Frequency;
import org.outward.notification.preference.NewsKind;
import org.outward.notification.preference.PreferenceStore;
import org.outward.notification.unsubscribe.UnsubscribeTokens;
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
 * still missing. Only those whose preference for new webinars is "immediate" get it (the default); the
 * webinar's item is claimed for them first, so it never shows up again in one of their digests.
 */
@Component
public class WebinarNotices {

    public static final String KIND = "webinar-published";

    private static final Logger log = LoggerFactory.getLogger(WebinarNotices.class);

    private final RosterReadModel roster;
    private final WebinarEmailRenderer renderer;
    private final EmailOutbox outbox;
    private final PreferenceStore preferences;
    private final DigestClaims claims;
    private final UnsubscribeTokens tokens;

    public WebinarNotices(RosterReadModel roster, WebinarEmailRenderer renderer, EmailOutbox outbox,
            PreferenceStore preferences, DigestClaims claims, UnsubscribeTokens tokens) {
        this.roster = roster;
        this.renderer = renderer;
        this.outbox = outbox;
        this.preferences = preferences;
        this.claims = claims;
        this.tokens = tokens;
    }

    /** @param itemId the webinar's item in the feed, claimed for each person emailed */
    public void published(EventEnvelope envelope, WebinarPublished webinar, String itemId) {
        int queued = 0;
        int existing = 0;
        int skipped = 0;
        Map<String, Library> libraries = roster.libraries();
        Map<String, Document> stored = preferences.allStored();
        for (Recipient recipient : roster.libraryMembers()) {
            Optional<Library> library = Optional.ofNullable(
                    recipient.libraryId() == null ? null : libraries.get(recipient.libraryId()));
            if (!RosterReadModel.reachable(recipient, library) || PreferenceStore.of(recipient, library,
                    Optional.ofNullable(stored.get(recipient.memberId()))).frequency(NewsKind.NEW_WEBINAR)
                    != Frequency.IMMEDIATE) {
                skipped++;
                continue;
            }
            String key = envelope.id() + ":" + recipient.memberId();
            if (!claims.claimOne(recipient.memberId(), itemId, key)) {
                skipped++;
                continue;
            }
            UnsubscribeTokens.Links unsubscribe = tokens.links(recipient.memberId(), NewsKind.NEW_WEBINAR.key());
            RenderedEmail email = renderer.render(webinar, recipient, library, unsubscribe.page());
            boolean added = outbox.enqueue(new OutgoingEmail(key, KIND, recipient.memberId(), recipient.email(),
                    recipient.name(), email.subject(), email.text(), email.html(), envelope.correlationId(),
                    envelope.id().toString(), tokens.listUnsubscribeHeader(unsubscribe.oneClick())));
            if (added) {
                queued++;
            } else {
                existing++;
            }
        }
        log.info("webinar notice webinar={} event={} queued={} alreadyQueued={} notForThem={}",
                webinar.webinarId(), envelope.id(), queued, existing, skipped);
    }
}
