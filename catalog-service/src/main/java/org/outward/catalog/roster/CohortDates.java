package org.outward.catalog.roster;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/** A request that gives a cohort's dates: creating it and changing it check them the same way. */
public interface CohortDates {

    LocalDate startsOn();

    LocalDate endsOn();

    /** endsOn must be after startsOn; reported on the endsOn field so the client can point at it. */
    @Documented
    @Constraint(validatedBy = EndsAfterStartValidator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface EndsAfterStart {

        String message() default "must be after startsOn";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    class EndsAfterStartValidator implements ConstraintValidator<EndsAfterStart, CohortDates> {

        @Override
        public boolean isValid(CohortDates request, ConstraintValidatorContext context) {
            if (request == null || request.startsOn() == null || request.endsOn() == null
                    || request.endsOn().isAfter(request.startsOn())) {
                return true; // missing dates are reported by @NotNull
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("endsOn")
                    .addConstraintViolation();
            return false;
        }
    }
}
