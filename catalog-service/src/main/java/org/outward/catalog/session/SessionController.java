package org.outward.catalog.session;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.outward.catalog.roster.MemberService;
import org.outward.catalog.roster.MemberView;
import org.outward.platform.concurrency.ETags;
import org.outward.platform.errors.ForbiddenException;
import org.outward.platform.errors.NotFoundException;
import org.outward.platform.security.Caller;
import org.outward.platform.security.StaffOnly;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Live sessions: staff schedule, reschedule (If-Match) and cancel them; the library teams of the session's cohort
 * see them and register themselves ({@code me}), staff register anyone of the cohort. Someone outside the cohort
 * gets 404 for the session, as if it did not exist.
 */
@RestController
@RequestMapping("/api/catalog")
@Tag(name = "Sessions")
public class SessionController {

    /** The path segment that names the caller instead of a member id. */
    static final String ME = "me";

    private final SessionService sessions;
    private final Registrations registrations;
    private final MemberService members;

    public SessionController(SessionService sessions, Registrations registrations, MemberService members) {
        this.sessions = sessions;
        this.registrations = registrations;
        this.members = members;
    }

    @PostMapping("/webinars/{webinarId}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Schedule a live session of a webinar for a cohort (staff): SessionScheduled")
    public ResponseEntity<SessionView> schedule(@StaffOnly Caller caller, @PathVariable String webinarId,
            @Valid @RequestBody ScheduleSessionRequest request) {
        SessionView created = sessions.schedule(webinarId, request);
        return ResponseEntity.created(URI.create("/api/catalog/sessions/" + created.id()))
                .eTag(ETags.of(created.version())).body(created);
    }

    @GetMapping("/webinars/{webinarId}/sessions")
    @Operation(summary = "A webinar's sessions (members: their cohort's)")
    public List<SessionView> ofWebinar(Caller caller, @PathVariable String webinarId) {
        if (caller.isStaff()) {
            return sessions.ofWebinar(webinarId, null);
        }
        return caller.cohortId() == null ? List.of() : sessions.ofWebinar(webinarId, caller.cohortId());
    }

    @GetMapping("/cohorts/{cohortId}/sessions")
    @Operation(summary = "A cohort's sessions by start (members: their own cohort)")
    public List<SessionView> ofCohort(Caller caller, @PathVariable String cohortId) {
        if (!caller.canAccessCohort(cohortId)) {
            throw new NotFoundException("Cohort", cohortId);
        }
        return sessions.ofCohort(cohortId);
    }

    @GetMapping("/sessions/{id}")
    @Operation(summary = "One session (members: their cohort's)")
    public ResponseEntity<SessionView> get(Caller caller, @PathVariable String id) {
        SessionView session = visible(caller, id);
        return ResponseEntity.ok().eTag(ETags.of(session.version())).body(session);
    }

    @PutMapping("/sessions/{id}")
    @Operation(summary = "Reschedule or change a session (staff, If-Match required): SessionRescheduled")
    public ResponseEntity<SessionView> reschedule(@StaffOnly Caller caller, @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody RescheduleSessionRequest request) {
        Long expected = ETags.requiredVersion(ifMatch);
        SessionView changed = sessions.reschedule(id, request, expected);
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(changed);
    }

    @PostMapping("/sessions/{id}/cancel")
    @Operation(summary = "Cancel a session (staff; If-Match optional): SessionCancelled")
    public ResponseEntity<SessionView> cancel(@StaffOnly Caller caller, @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody(required = false) CancelSessionRequest request) {
        SessionView cancelled = sessions.cancel(id, request == null ? null : request.reason(),
                ETags.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(cancelled.version())).body(cancelled);
    }

    @PutMapping("/sessions/{id}/registrations/{memberId}")
    @Operation(summary = "Register for a session (members: 'me'; staff: anyone of the cohort): SessionRegistered;"
            + " 409 when full")
    public SessionView register(Caller caller, @PathVariable String id, @PathVariable String memberId) {
        visible(caller, id);
        return registrations.register(id, registrant(caller, memberId).id());
    }

    @DeleteMapping("/sessions/{id}/registrations/{memberId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Take a registration back (members: 'me'; staff: anyone): SessionUnregistered")
    public void unregister(Caller caller, @PathVariable String id, @PathVariable String memberId) {
        visible(caller, id);
        registrations.unregister(id, registrant(caller, memberId).id());
    }

    @GetMapping("/sessions/{id}/registrations")
    @Operation(summary = "Who registered, in order (staff)")
    public List<SessionDocuments.Entry> registrations(@StaffOnly Caller caller, @PathVariable String id) {
        return registrations.of(id);
    }

    /** The session, or 404 for a caller outside its cohort. */
    private SessionView visible(Caller caller, String id) {
        SessionView session = sessions.get(id);
        if (!caller.canAccessCohort(session.cohortId())) {
            throw new NotFoundException("Session", id);
        }
        return session;
    }

    /** Members act for themselves only (anyone else: 404); staff name anyone. */
    private MemberView registrant(Caller caller, String memberId) {
        MemberView self = ME.equals(memberId) || !caller.isStaff() ? self(caller) : null;
        if (ME.equals(memberId)) {
            return self;
        }
        if (!caller.isStaff() && !self.id().equals(memberId)) {
            // Someone else's registration is theirs: as for any data of another person, 404 (docs/api.md).
            throw new NotFoundException("Member", memberId);
        }
        return members.get(memberId);
    }

    private MemberView self(Caller caller) {
        return members.findByEmail(caller.email() == null ? "" : caller.email()).stream().findFirst()
                .orElseThrow(() -> new ForbiddenException("Your account is not on the roster."));
    }
}
