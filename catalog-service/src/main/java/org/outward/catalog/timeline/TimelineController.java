package org.outward.catalog.timeline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.outward.catalog.roster.CohortService;
import org.outward.catalog.roster.CohortView;
import org.outward.catalog.session.SessionService;
import org.outward.catalog.session.SessionView;
import org.outward.platform.errors.NotFoundException;
import org.outward.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The cohort's timeline for its people and staff (others: 404). */
@RestController
@Tag(name = "Roster")
public class TimelineController {

    private final CohortService cohorts;
    private final SessionService sessions;

    public TimelineController(CohortService cohorts, SessionService sessions) {
        this.cohorts = cohorts;
        this.sessions = sessions;
    }

    @GetMapping("/api/catalog/cohorts/{cohortId}/timeline")
    @Operation(summary = "The cohort's milestones: start and end, live sessions, calibrations expected, reports due"
            + " (members: their own cohort)")
    public Timeline timeline(Caller caller, @PathVariable String cohortId) {
        if (!caller.canAccessCohort(cohortId)) {
            throw new NotFoundException("Cohort", cohortId);
        }
        CohortView cohort = cohorts.get(cohortId);
        List<Milestone> milestones = new ArrayList<>();
        cohorts.milestones(cohort).forEach(m -> milestones.add(new Milestone(m.kind(), m.on(), null, m.title(), null,
                null, null)));
        for (SessionView session : sessions.ofCohort(cohortId)) {
            milestones.add(new Milestone("session", session.localStart().toLocalDate(), session.startsAt(),
                    "Live session: " + session.webinarTitle(), session.id(), session.webinarId(),
                    session.state().wireName()));
        }
        // By day; on one day the start comes first, the end last, sessions by their time in between.
        milestones.sort(Comparator.comparing(Milestone::on).thenComparing(TimelineController::rank)
                .thenComparing(m -> m.startsAt() == null ? Instant.MIN : m.startsAt()));
        return new Timeline(cohort.id(), cohort.name(), cohort.startsOn(), cohort.endsOn(), List.copyOf(milestones));
    }

    private static int rank(Milestone milestone) {
        return switch (milestone.kind()) {
            case "cohort-start" -> 0;
            case "session" -> 1;
            case "calibration-expected" -> 2;
            case "report-due" -> 3;
            default -> 4;
        };
    }
}
