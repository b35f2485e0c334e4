package org.outward.platform.errors;

/** The request clashes with the current state, for example a duplicate slug: 409. */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field whose value clashes, or null. */
    public String field() {
        return field;
    }
}
