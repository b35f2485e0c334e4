package org.outward.platform.errors;

import java.util.List;

/** The request is well-formed but cannot be carried out as it stands, for example a reused idempotency key: 422. */
public class UnprocessableException extends RuntimeException {

    private final List<FieldError> errors;

    public UnprocessableException(String field, String message) {
        super(message);
        this.errors = List.of(new FieldError(field, message));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
