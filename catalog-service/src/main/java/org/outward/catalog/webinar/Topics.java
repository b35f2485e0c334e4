package org.outward.catalog.webinar;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/**
 * The controlled list of topic tags. A fixed list (not free text) so that filtering by topic finds
 * every webinar about it; extend it here, the API reports it at GET /api/catalog/topics.
 */
public final class Topics {

    public static final List<String> ALL = List.of(
            "turning-outward",
            "community-conversations",
            "facilitation",
            "note-taking",
            "public-knowledge",
            "themes",
            "partnerships",
            "calibration",
            "community-stages",
            "action",
            "strategy",
            "momentum",
            "sustainability",
            "demo");

    private Topics() {
    }

    public static boolean isKnown(String topic) {
        return topic != null && ALL.contains(topic);
    }

    /** One of {@link Topics#ALL}. Null is valid: pair with NotNull. */
    @Documented
    @Constraint(validatedBy = Topic.Validator.class)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Topic {

        String message() default "must be one of the topics listed at /api/catalog/topics";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<Topic, String> {

            @Override
            public boolean isValid(String value, ConstraintValidatorContext context) {
                return value == null || isKnown(value);
            }
        }
    }
}
