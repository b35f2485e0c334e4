package org.outward.platform.concurrency;

import java.util.Optional;
import java.util.function.Supplier;
import org.outward.platform.errors.ConflictException;

/**
 * Read, check, write only if still as read: the one retry loop for changes to a single MongoDB document without
 * transactions. Each attempt reads the document, checks the request against it (If-Match with
 * {@link ETags#check}, business rules) and writes with a filter on what it read (its version, a count ...),
 * answering empty when that filter matched nothing because someone wrote in between. Then it is tried again on the
 * fresh state: a client that sent If-Match gets 412 from its check then, one that did not gets its change applied
 * to the latest version. Losing every attempt is 409, "try again".
 */
public final class VersionedWrites {

    /** Enough for a handful of people clicking at once; a hotter document needs another design. */
    public static final int ATTEMPTS = 5;

    private VersionedWrites() {
    }

    /**
     * @param what    names the document in the 409 ("The session", "Library 1234")
     * @param attempt one read-check-write; empty when the conditional write matched nothing
     */
    public static <T> T retry(String what, Supplier<Optional<T>> attempt) {
        for (int i = 0; i < ATTEMPTS; i++) {
            Optional<T> written = attempt.get();
            if (written.isPresent()) {
                return written.get();
            }
        }
        throw new ConflictException(null, what + " changed while it was being written; try again.");
    }
}
