package org.outward.platform.errors;

/** The addressed resource does not exist (or the caller may not know that it does): 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String id) {
        super(what + " " + id + " was not found");
    }
}
