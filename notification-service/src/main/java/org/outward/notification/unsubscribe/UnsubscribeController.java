package org.outward.notification.unsubscribe;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.outward.notification.preference.Frequency;
import org.outward.notification.preference.NewsKind;
import org.outward.notification.preference.PreferenceStore;
import org.outward.notification.preference.Preferences;
import org.outward.notification.recipient.Recipient;
import org.outward.notification.recipient.RosterReadModel;
import org.outward.platform.errors.BadRequestException;
import org.outward.platform.errors.TooManyRequestsException;
import org.outward.platform.proxy.ClientAddressResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * One-click unsubscribe (RFC 8058), public: the signed token in the link is the only credential.
 * {@code GET} shows a small page offering a lower frequency or off; {@code POST} with
 * {@code List-Unsubscribe=One-Click} (what mail clients send) turns the token's scope off, and with
 * {@code choice=daily|weekly|off} (the page's buttons) sets that. The scope is a kind of news, or a digest
 * frequency (then every kind currently at that frequency changes). Rate limited per client address: the peer,
 * or behind the gateway (a trusted proxy, {@code outward.proxy.trusted}) the address it forwarded.
 *
 * <p>Errors speak the client's language: a browser (it asks for {@code text/html}) gets a small page, every other
 * client (mail clients posting One-Click, scripts) RFC 9457 {@code application/problem+json} like the rest of the
 * API.
 */
@RestController
@Tag(name = "Unsubscribe")
class UnsubscribeController {

    private static final Logger log = LoggerFactory.getLogger(UnsubscribeController.class);
    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    private final UnsubscribeTokens tokens;
    private final RateLimiter limiter;
    private final ClientAddressResolver clients;
    private final RosterReadModel roster;
    private final PreferenceStore preferences;

    UnsubscribeController(UnsubscribeTokens tokens, RateLimiter limiter, ClientAddressResolver clients,
            RosterReadModel roster, PreferenceStore preferences) {
        this.tokens = tokens;
        this.limiter = limiter;
        this.clients = clients;
        this.roster = roster;
        this.preferences = preferences;
    }

    @GetMapping(UnsubscribeTokens.PATH)
    @Operation(summary = "Page offering a lower frequency or off (public, signed token)")
    @ApiResponse(responseCode = "200", description = "The page", content = @Content(mediaType = "text/html"))
    @ApiResponse(responseCode = "400", description = "The link is not valid or has expired", content = {
            @Content(mediaType = "text/html"),
            @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))})
    @ApiResponse(responseCode = "429", description = "Too many requests from this client address", content = {
            @Content(mediaType = "text/html"),
            @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))})
    ResponseEntity<String> page(@RequestParam(required = false) String token, HttpServletRequest request) {
        Optional<ResponseEntity<String>> refused = refuse(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<Target> target = target(token);
        if (target.isEmpty()) {
            return invalid(request);
        }
        Target t = target.get();
        Frequency current = t.current();
        StringBuilder buttons = new StringBuilder();
        for (Frequency lower : current.lower()) {
            if (lower == Frequency.IMMEDIATE) {
                continue;
            }
            buttons.append("<button type=\"submit\" name=\"choice\" value=\"").append(lower.key()).append("\">")
                    .append(lower == Frequency.OFF ? "Turn these emails off" : "Send them in the " + lower.key()
                            + " digest instead").append("</button> ");
        }
        String body = "<p>You get " + HtmlUtils.htmlEscape(t.label()) + " " + describe(current) + ".</p>"
                + (buttons.isEmpty() ? "<p>These emails are already off.</p>"
                        : "<form method=\"post\" action=\"" + UnsubscribeTokens.PATH + "?token="
                                + HtmlUtils.htmlEscape(token) + "\">" + buttons + "</form>");
        return html(HttpStatus.OK, "Email preferences", body);
    }

    @PostMapping(UnsubscribeTokens.PATH)
    @Operation(summary = "One-click unsubscribe (List-Unsubscribe=One-Click) or a chosen lower frequency (public)")
    @ApiResponse(responseCode = "200", description = "Saved", content = @Content(mediaType = "text/html"))
    @ApiResponse(responseCode = "400", description = "The link is not valid or has expired, or the choice is not "
            + "daily, weekly or off", content = {
            @Content(mediaType = "text/html"),
            @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))})
    @ApiResponse(responseCode = "429", description = "Too many requests from this client address", content = {
            @Content(mediaType = "text/html"),
            @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class))})
    ResponseEntity<String> unsubscribe(@RequestParam(required = false) String token,
            @RequestParam(required = false) String choice,
            @RequestParam(name = "List-Unsubscribe", required = false) String oneClick, HttpServletRequest request) {
        Optional<ResponseEntity<String>> refused = refuse(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<Target> target = target(token);
        if (target.isEmpty()) {
            return invalid(request);
        }
        Target t = target.get();
        Frequency to = Frequency.OFF;
        if (choice != null && !choice.isBlank()) {
            Optional<Frequency> chosen = Frequency.fromKey(choice);
            if (chosen.isEmpty() || chosen.get() == Frequency.IMMEDIATE) {
                if (!wantsHtml(request)) {
                    throw new BadRequestException("choice", "must be daily, weekly or off");
                }
                return html(HttpStatus.BAD_REQUEST, "Not changed", "<p>Choose daily, weekly or off.</p>");
            }
            to = chosen.get();
        }
        preferences.setKinds(t.recipient(), t.kinds(), to);
        log.info("unsubscribe member={} scope={} to={} oneClick={}", t.recipient().memberId(), t.scope(), to.key(),
                "One-Click".equals(oneClick));
        return html(HttpStatus.OK, "Preferences saved", "<p>Done: " + HtmlUtils.htmlEscape(t.label()) + " "
                + describe(to) + " from now on.</p>");
    }

    /** Whose preferences, which kinds, and how they are sent now. */
    private record Target(Recipient recipient, String scope, List<NewsKind> kinds, String label, Frequency current) {
    }

    private Optional<Target> target(String token) {
        return tokens.verify(token).flatMap(claims -> roster.recipient(claims.memberId()).flatMap(recipient -> {
            Preferences prefs = preferences.of(recipient);
            Optional<NewsKind> kind = NewsKind.fromKey(claims.scope());
            if (kind.isPresent()) {
                return Optional.of(new Target(recipient, claims.scope(), List.of(kind.get()),
                        "emails about " + kind.get().label().toLowerCase(java.util.Locale.ROOT),
                        prefs.frequency(kind.get())));
            }
            Optional<Frequency> digest = Frequency.fromKey(claims.scope()).filter(Frequency::isDigest);
            if (digest.isEmpty()) {
                return Optional.empty();
            }
            List<NewsKind> kinds = Arrays.stream(NewsKind.values())
                    .filter(k -> prefs.frequency(k) == digest.get()).toList();
            return Optional.of(new Target(recipient, claims.scope(), kinds, "the " + digest.get().key() + " digest",
                    kinds.isEmpty() ? Frequency.OFF : digest.get()));
        }));
    }

    private static String describe(Frequency frequency) {
        return switch (frequency) {
            case IMMEDIATE -> "as they happen";
            case DAILY -> "in the daily digest";
            case WEEKLY -> "in the weekly digest";
            case OFF -> "not at all";
        };
    }

    private Optional<ResponseEntity<String>> refuse(HttpServletRequest request) {
        // Behind the gateway the peer is the gateway: the client is the address it forwarded (outward.proxy).
        String client = clients.resolve(request.getRemoteAddr(),
                name -> java.util.Collections.list(request.getHeaders(name)));
        long wait = limiter.tryAcquire(client);
        if (wait == 0) {
            return Optional.empty();
        }
        if (!wantsHtml(request)) {
            throw new TooManyRequestsException(wait);
        }
        ResponseEntity<String> response = ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(wait)).contentType(HTML)
                .body(page("Too many requests", "<p>Please try again in a minute.</p>"));
        return Optional.of(response);
    }

    private static ResponseEntity<String> invalid(HttpServletRequest request) {
        if (!wantsHtml(request)) {
            throw new BadRequestException("token", "is not valid or has expired");
        }
        return html(HttpStatus.BAD_REQUEST, "Link not valid",
                "<p>This unsubscribe link is not valid or has expired. Sign in to Outward to change your email "
                        + "preferences.</p>");
    }

    /**
     * A browser names HTML before any JSON type in its Accept header; a client that sends nothing, only
     * {@code *}{@code /*} (curl, mail clients) or prefers JSON gets problem+json.
     */
    static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = new java.util.ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return false;
        }
        // Stable: for equal quality the client's order decides.
        types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.getQualityValue() <= 0 || type.isWildcardType() || type.isWildcardSubtype()) {
                continue;
            }
            if (type.equalsTypeAndSubtype(MediaType.TEXT_HTML)
                    || type.equalsTypeAndSubtype(MediaType.APPLICATION_XHTML_XML)) {
                return true;
            }
            if (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")) {
                return false;
            }
        }
        return false;
    }

    private static ResponseEntity<String> html(HttpStatus status, String title, String body) {
        return ResponseEntity.status(status).contentType(HTML).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(page(title, body));
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>" + title
                + "</title></head><body style=\"font-family:Georgia,serif;max-width:560px;margin:40px auto;\"><h1>"
                + title + "</h1>" + body + "</body></html>";
    }
}
