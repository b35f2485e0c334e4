package org.outward.catalog.roster;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import org.outward.catalog.support.Slugs;

/** A new cohort: a group of libraries going through the series together between two dates. */
@CreateCohortRequest.EndsAfterStart
public record CreateCohortRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String slug,
        @NotNull LocalDate startsOn,
        @NotNull LocalDate endsOn) {

    /** endsOn must be after startsOn; reported on the endsOn field so the client can point at it. */
    @Documented
    @Constraint(validatedBy = EndsAfterStartValidator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface EndsAfterStart {

        String message() default "must be after startsOn";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static class EndsAfterStartValidator implements ConstraintValidator<EndsAfterStart, CreateCohortRequest> {

        @Override
        public boolean isValid(CreateCohortRequest request, ConstraintValidatorContext context) {
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
