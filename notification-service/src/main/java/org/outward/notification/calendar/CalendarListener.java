package org.outward.notification.calendar;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.outward.contracts.Events;
import org.outward.contracts.Topics;
import org.outward.contracts.catalog.SessionCancelled;
import org.outward.contracts.catalog.SessionRescheduled;
import org.outward.contracts.catalog.SessionScheduled;
import org.outward.platform.kafka.UnhandledEvents;
import org.outward.platform.kafka.EventConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Sessions and registrations from the catalog: the read model first, then the invitations of that very event (none
 * for a stale event, one older than the session's stored SEQUENCE: calendars must never be turned back).
 * Cohort milestones (for the calendar feeds) come from the roster topic under a consumer group of their own, so
 * this service's roster handling and this never wait for each other.
 */
@Component
class CalendarListener {

    private final EventConsumer consumer;
    /** The roster topic is read by this service's roster listener too: this group keeps an inbox of its own. */
    private final EventConsumer rosterConsumer;
    private final SessionCalendars sessions;
    private final Milestones milestones;
    private final InvitationNotices invitations;

    CalendarListener(EventConsumer consumer, SessionCalendars sessions, Milestones milestones,
            InvitationNotices invitations) {
        this.consumer = consumer;
        this.rosterConsumer = consumer.named("calendar");
        this.sessions = sessions;
        this.milestones = milestones;
        this.invitations = invitations;
    }

    @KafkaListener(topics = Topics.CATALOG_SESSIONS, groupId = "${spring.application.name}")
    void onSession(ConsumerRecord<String, String> record) {
        consumer.consume(record, event -> {
            if (event.is(Events.SESSION_SCHEDULED)) {
                SessionScheduled e = event.payloadAs(Events.SESSION_SCHEDULED);
                if (sessions.scheduled(e)) {
                    invitations.send(event.envelope(), new CalendarSession(e.sessionId(), e.webinarId(), e.webinarTitle(),
                        e.cohortId(), e.startsAt(), e.durationMinutes(), e.timeZone(), e.joinUrl(), e.sequence(),
                        "scheduled", null, List.of()), SessionEmails.Occasion.INVITED);
                }
            } else if (event.is(Events.SESSION_RESCHEDULED)) {
                SessionRescheduled e = event.payloadAs(Events.SESSION_RESCHEDULED);
                if (sessions.rescheduled(e)) {
                    invitations.send(event.envelope(), new CalendarSession(e.sessionId(), e.webinarId(), e.webinarTitle(),
                        e.cohortId(), e.startsAt(), e.durationMinutes(), e.timeZone(), e.joinUrl(), e.sequence(),
                        "rescheduled", null, List.of()), SessionEmails.Occasion.CHANGED);
                }
            } else if (event.is(Events.SESSION_CANCELLED)) {
                SessionCancelled e = event.payloadAs(Events.SESSION_CANCELLED);
                if (!sessions.cancelled(e)) {
                    return;
                }
                String joinUrl = sessions.find(e.sessionId()).map(CalendarSession::joinUrl).orElse(null);
                invitations.send(event.envelope(), new CalendarSession(e.sessionId(), e.webinarId(), e.webinarTitle(),
                        e.cohortId(), e.startsAt(), e.durationMinutes(), e.timeZone(),
                        joinUrl == null ? "https://invalid.invalid/" : joinUrl, e.sequence(), CalendarSession.CANCELLED,
                        e.reason(), List.of()), SessionEmails.Occasion.CANCELLED);
            } else if (event.is(Events.SESSION_REGISTERED)) {
                var e = event.payloadAs(Events.SESSION_REGISTERED);
                sessions.registered(e.sessionId(), e.memberId(), e.registeredAt());
            } else if (event.is(Events.SESSION_UNREGISTERED)) {
                var e = event.payloadAs(Events.SESSION_UNREGISTERED);
                sessions.unregistered(e.sessionId(), e.memberId());
            } else {
                UnhandledEvents.skipOrReject(record, event);
            }
        });
    }

    /**
     * Only CohortCreated and CohortUpdated (told by the record's type header) are read here: everything else on the
     * roster topic, poison included, is the roster mirror's group to handle and dead-letter, once.
     */
    @KafkaListener(topics = Topics.CATALOG_ROSTER, groupId = "${spring.application.name}-calendar")
    void onRoster(ConsumerRecord<String, String> record) {
        org.apache.kafka.common.header.Header header = record.headers().lastHeader("x-event-type");
        String type = header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
        if (!Events.COHORT_CREATED.qualifiedName().equals(type) && !Events.COHORT_UPDATED.qualifiedName().equals(type)) {
            return;
        }
        rosterConsumer.consume(record, event -> {
            if (event.is(Events.COHORT_CREATED)) {
                milestones.cohort(event.payloadAs(Events.COHORT_CREATED));
            } else if (event.is(Events.COHORT_UPDATED)) {
                milestones.cohort(event.payloadAs(Events.COHORT_UPDATED));
            }
            // Libraries and people are the roster read model's; nothing else on this topic is about the calendar.
        });
    }
}
