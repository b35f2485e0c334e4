package org.outward.notes.note;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Rejects dates after today. "Today" is taken in the earliest time zone in use (UTC+14): the
 * uploader's zone is not known here, and a library must be able to date a conversation with its
 * own local date, which can be one day ahead of the date in UTC (Guam, for example). A date that is
 * in the future everywhere on Earth is rejected.
 *
 * <p>Created by Spring's constraint-validator factory, which injects the {@link Clock} bean.
 */
public class NotAfterTodayValidator implements ConstraintValidator<NotAfterToday, LocalDate> {

    /** The zone where each calendar day starts first. */
    static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    private final Clock clock;

    public NotAfterTodayValidator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
        return value == null || !value.isAfter(latestToday(clock));
    }

    /** The latest date that is "today" somewhere right now. */
    static LocalDate latestToday(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), EARLIEST_ZONE);
    }
}
