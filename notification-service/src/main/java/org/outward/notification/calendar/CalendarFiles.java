package org.outward.notification.calendar;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.outward.contracts.catalog.MilestoneData;
import org.outward.notification.delivery.DeliveryProperties;
import org.springframework.stereotype.Component;

/**
 * iCalendar (RFC 5545) files, built with ical4j: one session's invitation ({@code METHOD:REQUEST}, or
 * {@code CANCEL} when it is called off) and a person's feed ({@code METHOD:PUBLISH}). A session's UID is its id at
 * this service's domain, the same in every invitation and in the feed, and its SEQUENCE is the catalog's (one
 * more with every change), so a calendar replaces the entry it has instead of adding another. The session's time
 * zone goes along as a VTIMEZONE and its times as local times with TZID, so calendars show the planned wall-clock
 * time even across a daylight-saving change.
 */
@Component
public class CalendarFiles {

    static final String PRODUCT = "-//Outward//Program calendar 1.0//EN";

    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();
    private final DeliveryProperties mail;
    private final Clock clock;

    public CalendarFiles(DeliveryProperties mail, Clock clock) {
        this.mail = mail;
        this.clock = clock;
    }

    /** The invitation for one person: REQUEST for a scheduled or changed session, CANCEL for a cancelled one. */
    public String invitation(CalendarSession session, String email, String name) {
        Calendar calendar = calendar(session.cancelled() ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(zones.getTimeZone(session.timeZone()).getVTimeZone());
        VEvent event = event(session);
        event.add(new Organizer(URI.create("mailto:" + organizerAddress())).add(new Cn("Outward program staff")));
        Attendee attendee = new Attendee(URI.create("mailto:" + email)).add(Role.REQ_PARTICIPANT)
                .add(session.cancelled() ? PartStat.DECLINED : PartStat.NEEDS_ACTION).add(Rsvp.FALSE);
        if (name != null && !name.isBlank()) {
            attendee.add(new Cn(name));
        }
        event.add(attendee);
        calendar.add(event);
        return write(calendar);
    }

    /** A person's feed: the sessions they registered for and their cohort's milestones. */
    public String feed(String title, List<CalendarSession> sessions, List<Milestones.Dated> milestones) {
        Calendar calendar = calendar(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", title));
        Set<String> zoneIds = new LinkedHashSet<>();
        sessions.forEach(session -> zoneIds.add(session.timeZone()));
        zoneIds.forEach(zone -> calendar.add(zones.getTimeZone(zone).getVTimeZone()));
        sessions.forEach(session -> calendar.add(event(session)));
        milestones.forEach(milestone -> calendar.add(milestone(milestone)));
        return write(calendar);
    }

    /** CRLF line ends and lines folded at 75 octets, as RFC 5545 wants (Calendar.toString does not fold). */
    private static String write(Calendar calendar) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            new net.fortuna.ical4j.data.CalendarOutputter(false).output(calendar, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The stable UID of a session's entry. */
    public String uid(String sessionId) {
        return "session-" + sessionId + "@" + mail.messageIdDomain();
    }

    private Calendar calendar(net.fortuna.ical4j.model.property.Method method) {
        Calendar calendar = new Calendar();
        calendar.add(new net.fortuna.ical4j.model.property.ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(method);
        return calendar;
    }

    private VEvent event(CalendarSession session) {
        ZoneId zone = ZoneId.of(session.timeZone());
        ZonedDateTime start = session.startsAt().atZone(zone);
        VEvent event = new VEvent(false);
        event.add(new Uid(uid(session.sessionId())));
        event.add(new Sequence(session.sequence()));
        event.add(new DtStamp(stamp()));
        event.add(new DtStart<>(start));
        event.add(new DtEnd<>(session.endsAt().atZone(zone)));
        event.add(new Summary("Live session: " + session.title()));
        String description = "Live session of the webinar \"" + session.title() + "\".\nJoin: " + session.joinUrl();
        if (session.cancelled()) {
            description = "Cancelled" + (session.cancelReason() == null ? "" : ": " + session.cancelReason())
                    + "\n" + description;
        }
        event.add(new Description(description));
        event.add(new Location(session.joinUrl()));
        event.add(new Url(URI.create(session.joinUrl())));
        event.add(session.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        return event;
    }

    private VEvent milestone(Milestones.Dated milestone) {
        MilestoneData data = milestone.milestone();
        VEvent event = new VEvent(false);
        event.add(new Uid("milestone-" + milestone.cohortId() + "-" + data.kind() + "-" + data.on() + "@"
                + mail.messageIdDomain()));
        event.add(new DtStamp(stamp()));
        event.add(new DtStart<>(data.on()));
        event.add(new DtEnd<>(data.on().plusDays(1)));
        event.add(new Summary(data.title()));
        event.add(ImmutableTransp.TRANSPARENT);
        return event;
    }

    private Instant stamp() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private String organizerAddress() {
        String from = mail.from();
        int open = from.indexOf('<');
        int close = from.indexOf('>');
        return open >= 0 && close > open ? from.substring(open + 1, close).strip() : from.strip();
    }
}
