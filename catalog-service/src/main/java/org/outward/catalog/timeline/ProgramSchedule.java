package org.outward.catalog.timeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.outward.contracts.catalog.MilestoneData;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The program's fixed dates within a cohort ({@code outward.program.*}): when a community-stage calibration is
 * expected and when a report is due, in months after the cohort's start. A date past the cohort's end is due on its
 * last day (a short cohort still owes its last calibration and report), and the same kind never falls twice on
 * one day.
 *
 * @param calibrationsAfterMonths months after the start a calibration is expected (0: a baseline at the start)
 * @param reportsAfterMonths      months after the start a report is due
 */
@ConfigurationProperties("outward.program")
public record ProgramSchedule(List<Integer> calibrationsAfterMonths, List<Integer> reportsAfterMonths) {

    public ProgramSchedule {
        calibrationsAfterMonths = calibrationsAfterMonths == null ? List.of(0, 6, 12, 18)
                : List.copyOf(calibrationsAfterMonths);
        reportsAfterMonths = reportsAfterMonths == null ? List.of(6, 12, 18) : List.copyOf(reportsAfterMonths);
        if (calibrationsAfterMonths.stream().anyMatch(m -> m < 0) || reportsAfterMonths.stream().anyMatch(m -> m < 0)) {
            throw new IllegalArgumentException("outward.program months must not be negative");
        }
    }

    /** The cohort's milestones in date order (start first, end last on equal dates). */
    public List<MilestoneData> milestones(LocalDate startsOn, LocalDate endsOn) {
        List<MilestoneData> result = new ArrayList<>();
        result.add(new MilestoneData(MilestoneData.COHORT_START, startsOn, "Cohort starts"));
        result.addAll(dates(startsOn, endsOn, calibrationsAfterMonths, MilestoneData.CALIBRATION_EXPECTED,
                "Community-stage calibration expected"));
        result.addAll(dates(startsOn, endsOn, reportsAfterMonths, MilestoneData.REPORT_DUE, "Report due"));
        result.add(new MilestoneData(MilestoneData.COHORT_END, endsOn, "Cohort ends"));
        result.sort(Comparator.comparing(MilestoneData::on).thenComparing(m -> order(m.kind())));
        return List.copyOf(result);
    }

    private static List<MilestoneData> dates(LocalDate startsOn, LocalDate endsOn, List<Integer> months, String kind,
            String title) {
        Set<LocalDate> days = new LinkedHashSet<>();
        for (int month : months) {
            LocalDate day = startsOn.plusMonths(month);
            days.add(day.isAfter(endsOn) ? endsOn : day);
        }
        return days.stream().map(day -> new MilestoneData(kind, day, title)).toList();
    }

    private static int order(String kind) {
        return switch (kind) {
            case MilestoneData.COHORT_START -> 0;
            case MilestoneData.CALIBRATION_EXPECTED -> 1;
            case MilestoneData.REPORT_DUE -> 2;
            default -> 3;
        };
    }
}
