package org.outward.notes.note;

import org.outward.platform.errors.PreconditionFailedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A note's ETag is its version ({@code "3"}); changes must send it back in {@code If-Match}. */
final class ETags {

    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version {@code If-Match} names, which must be the current one: missing is 428, another
     * version (or garbage) is 412. {@code *} matches any existing note.
     */
    static long require(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return current;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(of(current)) || tag.equals(Long.toString(current))) {
                return current;
            }
        }
        throw new PreconditionFailedException("The note is at version " + current + ", not " + ifMatch
                + "; reload it and apply your change again.");
    }

    static final class PreconditionRequiredException extends ErrorResponseException {
        PreconditionRequiredException() {
            super(HttpStatus.PRECONDITION_REQUIRED, problem(), null);
        }

        private static ProblemDetail problem() {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED,
                    "Send the note's ETag in If-Match, so that a change made meanwhile is not overwritten.");
            problem.setTitle("If-Match required");
            return problem;
        }
    }
}
