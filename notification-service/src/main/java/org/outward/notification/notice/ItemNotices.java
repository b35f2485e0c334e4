package org.outward.notification.notice;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.outward.contracts.EventEnvelope;
import org.outward.notification.delivery.EmailOutbox;
import org.outward.notification.delivery.OutgoingEmail;
import org.outward.notification.digest.DigestClaims;
import org.outward.notification.digest.DigestContent;
import org.outward.notification.digest.DigestRenderer;
import org.outward.notification.feed.Audience;
import org.outward.notification.feed.FeedItem;
import org.outward.notification.feed.FeedStore;
import org.outward.notification.preference.Frequency;
import org.outward.notification.preference.PreferenceStore;
import org.outward.notification.preference.Preferences;
import org.outward.notification.recipient.Library;
import org.outward.notification.recipient.Recipient;
import org.outward.notification.recipient.RosterReadModel;
import org.outward.notification.unsubscribe.UnsubscribeTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Immediate notices for news other than webinars (a note shared in the cohort, themes, calibrations), sent to
 * those who chose "immediate" for that kind. Each is keyed {@code <eventId>:<memberId>} and claims the item for
 * that recipient first, so it never shows up again in a digest.
 */
@Component
public class ItemNotices {

    private static final Logger log = LoggerFactory.getLogger(ItemNotices.class);

    private final RosterReadModel roster;
    private final PreferenceStore preferences;
    private final FeedStore feed;
    private final DigestClaims claims;
    private final DigestRenderer renderer;
    private final EmailOutbox outbox;
    private final UnsubscribeTokens tokens;
    private final WebProperties web;

    public ItemNotices(RosterReadModel roster, PreferenceStore preferences, FeedStore feed, DigestClaims claims,
            DigestRenderer renderer, EmailOutbox outbox, UnsubscribeTokens tokens, WebProperties web) {
        this.roster = roster;
        this.preferences = preferences;
        this.feed = feed;
        this.claims = claims;
        this.renderer = renderer;
        this.outbox = outbox;
        this.tokens = tokens;
        this.web = web;
    }

    public void notify(EventEnvelope envelope, FeedItem item) {
        Map<String, Library> libraries = roster.libraries();
        Map<String, Document> stored = preferences.allStored();
        int queued = 0;
        for (Recipient recipient : roster.activeRecipients()) {
            Optional<Library> library = Optional.ofNullable(
                    recipient.libraryId() == null ? null : libraries.get(recipient.libraryId()));
            if (!RosterReadModel.reachable(recipient, library) || !Audience.canSee(recipient, item)) {
                continue;
            }
            Preferences prefs = PreferenceStore.of(recipient, library,
                    Optional.ofNullable(stored.get(recipient.memberId())));
            if (prefs.frequency(item.kind()) != Frequency.IMMEDIATE) {
                continue;
            }
            String key = envelope.id() + ":" + recipient.memberId();
            if (!claims.claimOne(recipient.memberId(), item.id(), key)) {
                continue; // already in a digest (or another notice) of this person
            }
            List<DigestContent.Group> groups = DigestContent.groups(List.of(item), libraries,
                    feed.librarySharedThemes(), web.baseUrl(), prefs.zone(), 1);
            UnsubscribeTokens.Links unsubscribe = tokens.links(recipient.memberId(), item.kind().key());
            RenderedEmail email = renderer.render(recipient, library, null, groups, unsubscribe.page(),
                    "you asked to hear about " + item.kind().label().toLowerCase(java.util.Locale.ROOT)
                            + " as they happen");
            if (outbox.enqueue(new OutgoingEmail(key, item.kind().key(), recipient.memberId(), recipient.email(),
                    recipient.name(), email.subject(), email.text(), email.html(), envelope.correlationId(),
                    envelope.id().toString(), tokens.listUnsubscribeHeader(unsubscribe.oneClick())))) {
                queued++;
            }
        }
        log.info("immediate notices item={} event={} queued={}", item.id(), envelope.id(), queued);
    }
}
