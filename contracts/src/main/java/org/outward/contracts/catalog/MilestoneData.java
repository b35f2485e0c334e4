package org.outward.contracts.catalog;

import java.time.LocalDate;

/**
 * One date of a cohort's program.
 *
 * @param kind  {@code cohort-start}, {@code cohort-end}, {@code calibration-expected} or {@code report-due}
 * @param on    the calendar date (no time zone: it is the same day everywhere)
 * @param title what people see, for example "Community-stage calibration expected"
 */
public record MilestoneData(String kind, LocalDate on, String title) {

    public static final String COHORT_START = "cohort-start";
    public static final String COHORT_END = "cohort-end";
    public static final String CALIBRATION_EXPECTED = "calibration-expected";
    public static final String REPORT_DUE = "report-due";
}
