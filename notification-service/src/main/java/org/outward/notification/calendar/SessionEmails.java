package org.outward.notification.calendar;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.outward.notification.notice.RenderedEmail;
import org.outward.notification.notice.WebProperties;
import org.outward.notification.recipient.Library;
import org.outward.notification.recipient.Recipient;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The texts of live-session emails (templates {@code templates/email/session.{txt,html}.mustache}). Times are shown
 * on the reader's clock (their library's time zone), with the session's own zone named when it differs.
 */
@Component
public class SessionEmails {

    /** What an email is about. */
    public enum Occasion {
        INVITED("You are invited to a live session.", "Invitation"),
        CHANGED("A live session you were invited to has changed.", "Updated"),
        CANCELLED("A live session you were invited to is cancelled.", "Cancelled"),
        DAY_BEFORE("A reminder: the live session you registered for is tomorrow.", "Tomorrow"),
        HOUR_BEFORE("A reminder: the live session you registered for starts in one hour.", "In one hour");

        private final String headline;
        private final String subjectPrefix;

        Occasion(String headline, String subjectPrefix) {
            this.headline = headline;
            this.subjectPrefix = subjectPrefix;
        }
    }

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy, h:mm a zzz", Locale.US);

    private final WebProperties web;
    private final Template text;
    private final Template html;

    public SessionEmails(WebProperties web) {
        this.web = web;
        Mustache.Compiler base = Mustache.compiler().nullValue("").emptyStringIsFalse(true);
        this.text = compile(base.escapeHTML(false), "templates/email/session.txt.mustache");
        this.html = compile(base.escapeHTML(true), "templates/email/session.html.mustache");
    }

    public RenderedEmail render(Occasion occasion, CalendarSession session, Recipient recipient,
            Optional<Library> library, String unsubscribeUrl) {
        ZoneId readerZone = readerZone(session, library);
        String when = WHEN.format(session.startsAt().atZone(readerZone));
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", recipient.name() == null || recipient.name().isBlank() ? "there" : recipient.name());
        model.put("libraryName", library.map(Library::name).orElse("your library"));
        model.put("headline", occasion.headline);
        model.put("title", session.title());
        model.put("when", when + " (" + session.durationMinutes() + " minutes)");
        if (!readerZone.getId().equals(session.timeZone())) {
            model.put("otherZone", WHEN.format(session.localStart()) + " where it is planned ("
                    + session.timeZone() + ")");
        }
        if (!session.cancelled() && isHttp(session.joinUrl())) {
            model.put("joinUrl", session.joinUrl());
        }
        if (session.cancelled() && session.cancelReason() != null) {
            model.put("note", "Reason: " + session.cancelReason());
        } else if (occasion == Occasion.INVITED || occasion == Occasion.CHANGED) {
            model.put("note", "Register in the Outward web app to get reminders the day before and an hour before.");
        }
        model.put("unsubscribeUrl", unsubscribeUrl);
        model.put("preferencesUrl", web.baseUrl() + "/settings/notifications");
        String subject = occasion.subjectPrefix + ": " + session.title() + ", " + when;
        return new RenderedEmail(subject, text.execute(model), html.execute(model));
    }

    /** The reader's clock: their library's zone, else the session's. */
    static ZoneId readerZone(CalendarSession session, Optional<Library> library) {
        return library.map(Library::timeZone).filter(SessionEmails::validZone).map(ZoneId::of)
                .orElse(ZoneId.of(session.timeZone()));
    }

    private static boolean validZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isHttp(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }

    private static Template compile(Mustache.Compiler compiler, String path) {
        try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(),
                StandardCharsets.UTF_8)) {
            return compiler.compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
