package org.outward.contracts;

/** A record that can never be processed: malformed JSON, a missing field, an unknown type or version. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
