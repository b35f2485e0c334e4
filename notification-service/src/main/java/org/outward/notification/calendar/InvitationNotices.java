package org.outward.notification.calendar;

import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.outward.contracts.EventEnvelope;
import org.outward.notification.delivery.EmailOutbox;
import org.outward.notification.delivery.OutgoingEmail;
import org.outward.notification.notice.RenderedEmail;
import org.outward.notification.preference.NewsKind;
import org.outward.notification.preference.PreferenceStore;
import org.outward.notification.recipient.Library;
import org.outward.notification.recipient.Recipient;
import org.outward.notification.recipient.RosterReadModel;
import org.outward.notification.unsubscribe.UnsubscribeTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Invitation emails with the session's iCalendar file: REQUEST when scheduled or changed, CANCEL when called off.
 * Invited are the library-team members of the session's cohort (staff run sessions, they are not invited) who did
 * not switch live-session email off. Each email is keyed {@code <eventId>:<memberId>}: a redelivered event adds
 * only what is missing, and each change of the session (a new event) reaches everyone again, with the same UID and
 * a higher SEQUENCE.
 */
@Component
public class InvitationNotices {

    public static final String KIND = "session-invitation";

    private static final Logger log = LoggerFactory.getLogger(InvitationNotices.class);

    private final RosterReadModel roster;
    private final PreferenceStore preferences;
    private final CalendarFiles files;
    private final SessionEmails emails;
    private final EmailOutbox outbox;
    private final UnsubscribeTokens tokens;

    public InvitationNotices(RosterReadModel roster, PreferenceStore preferences, CalendarFiles files,
            SessionEmails emails, EmailOutbox outbox, UnsubscribeTokens tokens) {
        this.roster = roster;
        this.preferences = preferences;
        this.files = files;
        this.emails = emails;
        this.outbox = outbox;
        this.tokens = tokens;
    }

    public void send(EventEnvelope envelope, CalendarSession session, SessionEmails.Occasion occasion) {
        Map<String, Library> libraries = roster.libraries();
        Map<String, Document> stored = preferences.allStored();
        int queued = 0;
        int existing = 0;
        int skipped = 0;
        for (Recipient recipient : roster.libraryMembers()) {
            if (!session.cohortId().equals(recipient.cohortId())) {
                continue;
            }
            Optional<Library> library = Optional.ofNullable(recipient.libraryId() == null ? null
                    : libraries.get(recipient.libraryId()));
            if (library.isPresent() && !session.cohortId().equals(library.get().cohortId())) {
                continue;
            }
            if (!SessionAudience.wants(recipient, library, stored)) {
                skipped++;
                continue;
            }
            String unsubscribe = tokens.url(recipient.memberId(), NewsKind.SESSION_REMINDERS.key());
            RenderedEmail email = emails.render(occasion, session, recipient, library, unsubscribe);
            String ics = files.invitation(session, recipient.email(), recipient.name());
            boolean added = outbox.enqueue(new OutgoingEmail(envelope.id() + ":" + recipient.memberId(), KIND,
                    recipient.memberId(), recipient.email(), recipient.name(), email.subject(), email.text(),
                    email.html(), envelope.correlationId(), envelope.id().toString(),
                    tokens.listUnsubscribeHeader(unsubscribe), ics));
            if (added) {
                queued++;
            } else {
                existing++;
            }
        }
        log.info("session invitation session={} event={} occasion={} sequence={} queued={} alreadyQueued={}"
                + " notForThem={}", session.sessionId(), envelope.id(), occasion, session.sequence(), queued,
                existing, skipped);
    }
}
