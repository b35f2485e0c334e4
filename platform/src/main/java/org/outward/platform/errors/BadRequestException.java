package org.outward.platform.errors;

import java.util.List;

/** Input that fails a rule the annotations cannot express: 400 with the fields named. */
public class BadRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public BadRequestException(String field, String message) {
        super(message);
        this.errors = List.of(new FieldError(field, message));
    }

    /** Several bad fields at once (for example the bad lines of an uploaded file), reported together. */
    public BadRequestException(String message, List<FieldError> errors) {
        super(message);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a bad request names at least one field");
        }
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
