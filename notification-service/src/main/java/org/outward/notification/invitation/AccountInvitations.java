package org.outward.notification.invitation;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.outward.contracts.DecodedEvent;
import org.outward.contracts.EventEnvelope;
import org.outward.contracts.Events;
import org.outward.notification.delivery.EmailOutbox;
import org.outward.notification.delivery.OutgoingEmail;
import org.outward.notification.notice.RenderedEmail;
import org.outward.notification.notice.WebProperties;
import org.outward.notification.recipient.Library;
import org.outward.notification.recipient.Recipient;
import org.outward.notification.recipient.RosterReadModel;
import org.outward.platform.roster.RosterChangeHandler;
import org.outward.platform.web.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The email that tells someone added to the roster that they may now sign in, with the link to the sign-in. Sent
 * once per person ({@code account-invitation:<member>}) when the roster mirror stored their MemberAdded, or, when
 * their library was not known here yet, the LibraryJoinedCohort that makes them reachable. Staff can send it
 * again ({@link #resend}: a new email each time). Only to people who may sign in (the roster's one rule), and not
 * for a roster event replayed long after the fact ({@link InvitationProperties#maxAge}). Not a kind of news: it
 * carries no unsubscribe link, and preferences do not switch it off.
 */
@Component
public class AccountInvitations implements RosterChangeHandler {

    public static final String KIND = "account-invitation";

    private static final Logger log = LoggerFactory.getLogger(AccountInvitations.class);

    private final RosterReadModel roster;
    private final EmailOutbox outbox;
    private final WebProperties web;
    private final InvitationProperties properties;
    private final Clock clock;
    private final Template text;
    private final Template html;

    public AccountInvitations(RosterReadModel roster, EmailOutbox outbox, WebProperties web,
            InvitationProperties properties, Clock clock) {
        this.roster = roster;
        this.outbox = outbox;
        this.web = web;
        this.properties = properties;
        this.clock = clock;
        Mustache.Compiler base = Mustache.compiler().nullValue("").emptyStringIsFalse(true);
        this.text = compile(base.escapeHTML(false), "templates/email/invitation.txt.mustache");
        this.html = compile(base.escapeHTML(true), "templates/email/invitation.html.mustache");
    }

    @Override
    public void stored(DecodedEvent<?> event) {
        Instant notBefore = clock.instant().minus(properties.maxAge());
        if (event.is(Events.MEMBER_ADDED) && !event.envelope().occurredAt().isBefore(notBefore)) {
            roster.recipient(event.envelope().subject()).ifPresent(person -> first(person, event.envelope()));
        } else if (event.is(Events.LIBRARY_JOINED_COHORT) && !event.envelope().occurredAt().isBefore(notBefore)) {
            // Its people whose own roster entry is recent too: those who could not be invited before it came.
            for (Recipient person : roster.membersOf(event.envelope().subject())) {
                if (person.asOf() != null && !person.asOf().isBefore(notBefore)) {
                    first(person, event.envelope());
                }
            }
        }
    }

    /** The first invitation, unless they have it or cannot sign in (yet). */
    private void first(Recipient person, EventEnvelope cause) {
        Optional<Library> library = roster.library(person.libraryId());
        if (!RosterReadModel.reachable(person, library)) {
            log.info("account invitation member={} not sent: not reachable (yet)", person.memberId());
            return;
        }
        if (enqueue(KIND + ":" + person.memberId(), person, library, cause.correlationId(), cause.id().toString())) {
            log.info("account invitation queued member={} cause={}", person.memberId(), cause.type());
        }
    }

    /**
     * The invitation once more, as a new email (staff asked for it), to someone the caller found reachable.
     *
     * @return the queued email's key
     */
    public String resend(Recipient person, Optional<Library> library) {
        String key = KIND + ":" + person.memberId() + ":again:" + UUID.randomUUID();
        enqueue(key, person, library, RequestIds.current(), null);
        log.info("account invitation queued again member={} key={}", person.memberId(), key);
        return key;
    }

    private boolean enqueue(String key, Recipient person, Optional<Library> library, String correlationId,
            String causeEventId) {
        RenderedEmail email = render(person, library);
        return outbox.enqueue(new OutgoingEmail(key, KIND, person.memberId(), person.email(), person.name(),
                email.subject(), email.text(), email.html(), correlationId, causeEventId));
    }

    RenderedEmail render(Recipient person, Optional<Library> library) {
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", person.name() == null || person.name().isBlank() ? "there" : person.name());
        model.put("email", person.email());
        model.put("signInUrl", signInUrl());
        if (person.isStaff()) {
            model.put("staff", true);
        } else {
            model.put("libraryName", library.map(Library::name).orElse("your library"));
            model.put("cohortName", library.map(Library::cohortName).filter(n -> !n.isBlank()).orElse(null));
        }
        return new RenderedEmail("You are invited to Outward", text.execute(model), html.execute(model));
    }

    public String signInUrl() {
        return web.baseUrl() + properties.signInPath();
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
