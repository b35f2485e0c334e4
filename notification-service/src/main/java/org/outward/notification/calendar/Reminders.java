package org.outward.notification.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
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
 * Reminders before the sessions people registered for: the day before at the same time on the reader's clock
 * (their library's time zone; across a daylight-saving change that is 23 or 25 hours before, not 24) and one hour
 * before. Nothing is scheduled ahead: each pass looks at the sessions starting soon and works out what is due now,
 * from the current state of session, registration, library and preferences. So a moved session simply has other
 * due times, a cancelled one or a withdrawn registration has none, and a library's new time zone moves its people's
 * day-before reminder.
 *
 * <p>Exactly once: a reminder's email key is {@code reminder:<session>:<member>:<start>:<day|hour>}, and the email
 * outbox refuses a second email with a key it has. The start (epoch seconds) is part of the key: a rescheduled
 * session gets new reminders for its new time, and the keys of the old time are never made again, so those are
 * never sent. A reminder is sent only inside its window (the day-before one until the hour-before one is due, that
 * one until the start), so a pass after an outage sends the one that still makes sense, not a stale one; and the
 * day-before one only to people who registered before it was due.
 */
@Component
public class Reminders {

    public static final String KIND = "session-reminder";

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    /** The day-before reminder of a session this far ahead can be due (a day of 25 hours, plus margin). */
    private static final Duration HORIZON = Duration.ofHours(26);

    enum Which {
        DAY_BEFORE("day"), HOUR_BEFORE("hour");

        private final String key;

        Which(String key) {
            this.key = key;
        }
    }

    private final SessionCalendars sessions;
    private final RosterReadModel roster;
    private final PreferenceStore preferences;
    private final SessionEmails emails;
    private final EmailOutbox outbox;
    private final UnsubscribeTokens tokens;
    private final Clock clock;

    public Reminders(SessionCalendars sessions, RosterReadModel roster, PreferenceStore preferences,
            SessionEmails emails, EmailOutbox outbox, UnsubscribeTokens tokens, Clock clock) {
        this.sessions = sessions;
        this.roster = roster;
        this.preferences = preferences;
        this.emails = emails;
        this.outbox = outbox;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** One pass: queues every reminder due now that was not queued before; returns how many it queued. */
    public int runOnce() {
        Instant now = clock.instant();
        List<Document> soon = sessions.startingBetween(now, now.plus(HORIZON));
        if (soon.isEmpty()) {
            return 0;
        }
        Map<String, Library> libraries = roster.libraries();
        Map<String, Document> stored = preferences.allStored();
        int queued = 0;
        for (Document doc : soon) {
            CalendarSession session = SessionCalendars.of(doc);
            for (Document registration : doc.getList("registrants", Document.class, List.of())) {
                String memberId = registration.getString("memberId");
                Date at = registration.getDate("at");
                Optional<Recipient> recipient = roster.recipient(memberId);
                if (recipient.isEmpty()) {
                    continue;
                }
                Optional<Library> library = Optional.ofNullable(recipient.get().libraryId() == null ? null
                        : libraries.get(recipient.get().libraryId()));
                Optional<Which> due = due(session, SessionEmails.readerZone(session, library),
                        at == null ? Instant.EPOCH : at.toInstant(), now);
                if (due.isEmpty() || !SessionAudience.wants(recipient.get(), library, stored)) {
                    continue;
                }
                if (send(session, recipient.get(), library, due.get())) {
                    queued++;
                }
            }
        }
        if (queued > 0) {
            log.info("session reminders queued={}", queued);
        }
        return queued;
    }

    /** The reminder due at {@code now} for someone who registered at {@code registeredAt}, if any. */
    static Optional<Which> due(CalendarSession session, ZoneId readerZone, Instant registeredAt, Instant now) {
        Instant start = session.startsAt();
        Instant hourBefore = start.minus(Duration.ofHours(1));
        Instant dayBefore = start.atZone(readerZone).minusDays(1).toInstant();
        if (!now.isBefore(start)) {
            return Optional.empty();
        }
        if (!now.isBefore(hourBefore)) {
            return Optional.of(Which.HOUR_BEFORE);
        }
        if (!now.isBefore(dayBefore) && !registeredAt.isAfter(dayBefore)) {
            return Optional.of(Which.DAY_BEFORE);
        }
        return Optional.empty();
    }

    static String key(CalendarSession session, String memberId, Which which) {
        return "reminder:" + session.sessionId() + ":" + memberId + ":" + session.startsAt().getEpochSecond() + ":"
                + which.key;
    }

    private boolean send(CalendarSession session, Recipient recipient, Optional<Library> library, Which which) {
        String key = key(session, recipient.memberId(), which);
        if (outbox.exists(key)) {
            return false;
        }
        // The body links to the web page (it asks first); List-Unsubscribe is the one-click address.
        UnsubscribeTokens.Links unsubscribe = tokens.links(recipient.memberId(), NewsKind.SESSION_REMINDERS.key());
        RenderedEmail email = emails.render(which == Which.DAY_BEFORE ? SessionEmails.Occasion.DAY_BEFORE
                : SessionEmails.Occasion.HOUR_BEFORE, session, recipient, library, unsubscribe.page());
        boolean added = outbox.enqueue(new OutgoingEmail(key, KIND, recipient.memberId(), recipient.email(),
                recipient.name(), email.subject(), email.text(), email.html(), null, null,
                tokens.listUnsubscribeHeader(unsubscribe.oneClick())));
        if (added) {
            log.info("session reminder session={} member={} which={} startsAt={}", session.sessionId(),
                    recipient.memberId(), which, session.startsAt());
        }
        return added;
    }
}
