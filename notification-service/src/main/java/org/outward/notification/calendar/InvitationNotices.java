package org.outward.notification.calendar;

import java.time.Clock;
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
 * not switch live-session email off. Each email is keyed by session, SEQUENCE and person
 * ({@code session-invitation:<session>:<sequence>:<member>}): a redelivered event adds only what is missing, each
 * change of the session (a new SEQUENCE) reaches everyone again with the same UID, and someone who joins the roster
 * after a session was scheduled ({@link #catchUp}) gets the invitation to its current state once, whichever of the
 * two comes first.
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
    private final SessionCalendars sessions;
    private final Clock clock;

    public InvitationNotices(RosterReadModel roster, PreferenceStore preferences, CalendarFiles files,
            SessionEmails emails, EmailOutbox outbox, UnsubscribeTokens tokens, SessionCalendars sessions,
            Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
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
            if (enqueue(envelope, session, occasion, recipient, library)) {
                queued++;
            } else {
                existing++;
            }
        }
        log.info("session invitation session={} event={} occasion={} sequence={} queued={} alreadyQueued={}"
                + " notForThem={}", session.sessionId(), envelope.id(), occasion, session.sequence(), queued,
                existing, skipped);
    }

    /**
     * Invitations to the cohort's sessions that are still ahead, for a person who was not (or not reachably) on the
     * roster when they were scheduled: each at its current state, once. Someone who had theirs already gets nothing.
     *
     * @return how many were queued
     */
    public int catchUp(EventEnvelope cause, Recipient recipient) {
        if (recipient.cohortId() == null || !recipient.isLibraryMember()) {
            return 0;
        }
        Optional<Library> library = roster.library(recipient.libraryId());
        if (!SessionAudience.wants(recipient, library, preferences.allStored())) {
            return 0;
        }
        int queued = 0;
        for (CalendarSession session : sessions.upcomingOf(recipient.cohortId(), clock.instant())) {
            SessionEmails.Occasion occasion = session.sequence() == 0 ? SessionEmails.Occasion.INVITED
                    : SessionEmails.Occasion.CHANGED;
            if (!outbox.exists(key(session, recipient.memberId()))
                    && enqueue(cause, session, occasion, recipient, library)) {
                queued++;
            }
        }
        if (queued > 0) {
            log.info("session invitations caught up member={} cohort={} queued={} cause={}", recipient.memberId(),
                    recipient.cohortId(), queued, cause.type());
        }
        return queued;
    }

    static String key(CalendarSession session, String memberId) {
        return KIND + ":" + session.sessionId() + ":" + session.sequence() + ":" + memberId;
    }

    private boolean enqueue(EventEnvelope cause, CalendarSession session, SessionEmails.Occasion occasion,
            Recipient recipient, Optional<Library> library) {
        // The body links to the web page (it asks first); List-Unsubscribe is the one-click address.
        UnsubscribeTokens.Links unsubscribe = tokens.links(recipient.memberId(), NewsKind.SESSION_REMINDERS.key());
        RenderedEmail email = emails.render(occasion, session, recipient, library, unsubscribe.page());
        String ics = files.invitation(session, recipient.email(), recipient.name());
        return outbox.enqueue(new OutgoingEmail(key(session, recipient.memberId()), KIND, recipient.memberId(),
                recipient.email(), recipient.name(), email.subject(), email.text(), email.html(),
                cause.correlationId(), cause.id().toString(), tokens.listUnsubscribeHeader(unsubscribe.oneClick()), ics));
    }
}
