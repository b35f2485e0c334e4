package org.outward.notification.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.outward.notification.recipient.Library;
import org.outward.notification.recipient.Recipient;
import org.outward.notification.recipient.RosterReadModel;
import org.outward.notification.unsubscribe.RateLimiter;
import org.outward.notification.unsubscribe.UnsubscribeProperties;
import org.outward.platform.errors.ForbiddenException;
import org.outward.platform.proxy.ClientAddressResolver;
import org.outward.platform.errors.NotFoundException;
import org.outward.platform.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The personal calendar feed: a member reads their subscribe link (and can replace it, ending the old one); the
 * feed itself is public like the unsubscribe link (a calendar app cannot sign in), the signed token in the path is
 * the credential, and it is rate limited per client. It holds the sessions the person registered for and their
 * cohort's milestones, and stops answering once they are no longer on the roster.
 */
@RestController
@Tag(name = "Calendar")
public class CalendarController {

    public static final String FEED_PATH = "/api/notifications/calendar/feed/";
    static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final FeedTokens tokens;
    private final RosterReadModel roster;
    private final SessionCalendars sessions;
    private final Milestones milestones;
    private final CalendarFiles files;
    private final RateLimiter limiter;
    private final UnsubscribeProperties links;
    private final ClientAddressResolver clients;

    public CalendarController(FeedTokens tokens, RosterReadModel roster, SessionCalendars sessions,
            Milestones milestones, CalendarFiles files, RateLimiter limiter, UnsubscribeProperties links,
            ClientAddressResolver clients) {
        this.clients = clients;
        this.tokens = tokens;
        this.roster = roster;
        this.sessions = sessions;
        this.milestones = milestones;
        this.files = files;
        this.limiter = limiter;
        this.links = links;
    }

    /** @param url the https link to subscribe to; {@code webcal} the same for apps that want that scheme */
    public record FeedLink(String url, String webcal) {
    }

    @GetMapping("/api/notifications/calendar/me")
    @Operation(summary = "Your calendar feed's subscribe link")
    public FeedLink mine(Caller caller) {
        return link(tokens.current(me(caller).memberId()));
    }

    @PostMapping("/api/notifications/calendar/me/renew")
    @Operation(summary = "A new subscribe link; every older one stops working")
    public FeedLink renew(Caller caller) {
        return link(tokens.renew(me(caller).memberId()));
    }

    @GetMapping(FEED_PATH + "{token}.ics")
    @Operation(summary = "The feed (public: the signed token is the credential; rate limited)")
    public ResponseEntity<?> feed(@PathVariable String token, HttpServletRequest request) {
        // Behind the gateway the peer is the gateway: the client is the address it forwarded (outward.proxy).
        String client = clients.resolve(request.getRemoteAddr(),
                name -> java.util.Collections.list(request.getHeaders(name)));
        long wait = limiter.tryAcquire("calendar:" + client);
        if (wait > 0) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many requests; try again in " + wait + " seconds.");
            problem.setTitle("Too many requests");
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER,
                    String.valueOf(wait)).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        Optional<Recipient> recipient = tokens.verify(token).flatMap(roster::recipient);
        Optional<Library> library = recipient.flatMap(r -> roster.library(r.libraryId()));
        if (recipient.isEmpty() || !RosterReadModel.reachable(recipient.get(), library)) {
            throw new NotFoundException("Calendar feed", "this link");
        }
        String cohortId = library.map(Library::cohortId).orElse(recipient.get().cohortId());
        List<CalendarSession> registered = sessions.registeredBy(recipient.get().memberId());
        String cohortName = Optional.ofNullable(milestones.name(cohortId)).orElse("Outward");
        String ics = files.feed("Outward: " + cohortName, registered, milestones.of(cohortId));
        return ResponseEntity.ok().contentType(CALENDAR)
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
                .body(ics);
    }

    private Recipient me(Caller caller) {
        return roster.byEmail(caller.email())
                .orElseThrow(() -> new ForbiddenException("You are not on the program's roster here."));
    }

    private FeedLink link(String token) {
        String url = links.baseUrl() + FEED_PATH + token + ".ics";
        return new FeedLink(url, url.replaceFirst("^https?://", "webcal://"));
    }
}
