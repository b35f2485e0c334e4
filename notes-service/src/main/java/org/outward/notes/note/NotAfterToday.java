package org.outward.notes.note;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link java.time.LocalDate} that is not after today, as told by the application's {@code Clock}
 * bean (so tests control "today"). Checked together with the other bean-validation rules, so a
 * future date is reported alongside every other bad field. Null is valid (use {@code @NotNull}).
 */
@Documented
@Constraint(validatedBy = NotAfterTodayValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface NotAfterToday {

    String message() default "must not be in the future";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
