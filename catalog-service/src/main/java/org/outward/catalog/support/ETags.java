package org.outward.catalog.support;

import org.outward.platform.errors.PreconditionFailedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Versions as entity tags: a read returns {@code ETag: "<version>"}, a write sends it back in
 * {@code If-Match}. A missing If-Match where one is required is 428, a malformed or stale one 412.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names, or null when there is no header or it is "*" (any version). */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new PreconditionFailedException("If-Match must be an entity tag returned by this service.");
        }
    }

    /** Like {@link #expectedVersion} but the header must be there ("*" still means any version: null). */
    public static Long requiredVersion(String ifMatch) {
        Long version = expectedVersion(ifMatch);
        if (version == null && (ifMatch == null || ifMatch.isBlank())) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED,
                    "Send the webinar's ETag in If-Match; read it first with GET.");
            problem.setTitle("Precondition required");
            throw new ErrorResponseException(HttpStatus.PRECONDITION_REQUIRED, problem, null);
        }
        return version;
    }

    public static void check(Long expected, long current) {
        if (expected != null && expected != current) {
            throw new PreconditionFailedException("The resource has changed (version " + current
                    + "); read it again and retry.");
        }
    }
}
