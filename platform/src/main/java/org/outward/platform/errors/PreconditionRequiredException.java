package org.outward.platform.errors;

/** A change that must name the version it was based on came without If-Match: 428. */
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException(String message) {
        super(message);
    }
}
