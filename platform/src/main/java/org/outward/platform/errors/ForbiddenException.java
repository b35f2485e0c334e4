package org.outward.platform.errors;

/** The caller is known but may not do this: 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
