package org.outward.platform.errors;

import java.util.List;

/** Input that fails a rule the annotations cannot express: 400 with the fields named. */
public class BadRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public BadRequestException(String field, String message) {
        super(message);
        this.errors = List.of(new FieldError(field, message));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
