package org.outward.notification.digest;

import java.util.List;
import java.util.Optional;
import org.outward.notification.delivery.OutgoingEmail;
import org.outward.notification.feed.FeedItem;
import org.outward.notification.notice.RenderedEmail;
import org.outward.notification.notice.WebProperties;
import org.outward.notification.preference.Frequency;
import org.outward.notification.preference.Preferences;
import org.outward.notification.recipient.Library;
import org.outward.notification.recipient.Recipient;
import org.outward.notification.unsubscribe.UnsubscribeTokens;
import org.springframework.stereotype.Component;

/** Turns a window's items into the digest email: grouped content, both parts rendered, unsubscribe link. */
@Component
class DigestAssembly {

    private final DigestRenderer renderer;
    private final UnsubscribeTokens tokens;
    private final WebProperties web;
    private final DigestProperties properties;

    DigestAssembly(DigestRenderer renderer, UnsubscribeTokens tokens, WebProperties web, DigestProperties properties) {
        this.renderer = renderer;
        this.tokens = tokens;
        this.web = web;
        this.properties = properties;
    }

    List<DigestContent.Group> groups(DigestSnapshot snapshot, Preferences prefs, List<FeedItem> items) {
        return DigestContent.groups(items, snapshot.libraries, snapshot.sharedThemes(), web.baseUrl(), prefs.zone(),
                properties.maxItemsPerGroup());
    }

    OutgoingEmail email(DigestSnapshot snapshot, Recipient recipient, Optional<Library> library, Preferences prefs,
            Frequency frequency, String key, List<FeedItem> items) {
        String what = frequency.key() + " digest";
        // The body links to the web page (it asks before unsubscribing); the header is the one-click POST address.
        UnsubscribeTokens.Links unsubscribe = tokens.links(recipient.memberId(), frequency.key());
        RenderedEmail email = renderer.render(recipient, library, what, groups(snapshot, prefs, items),
                unsubscribe.page(), "you chose a " + what + " of Outward news");
        return new OutgoingEmail(key, "digest-" + frequency.key(), recipient.memberId(), recipient.email(),
                recipient.name(), email.subject(), email.text(), email.html(), null, null,
                tokens.listUnsubscribeHeader(unsubscribe.oneClick()));
    }

    /** The subject the digest would have, without an unsubscribe link (preview). */
    String subject(Recipient recipient, Optional<Library> library, Frequency frequency,
            List<DigestContent.Group> groups) {
        return renderer.render(recipient, library, frequency.key() + " digest", groups, "", "").subject();
    }
}
