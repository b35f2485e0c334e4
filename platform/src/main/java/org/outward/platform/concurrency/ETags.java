package org.outward.platform.concurrency;

import org.outward.platform.errors.PreconditionFailedException;
import org.outward.platform.errors.PreconditionRequiredException;

/**
 * Versions as entity tags, the one way every service does optimistic concurrency over HTTP: a read answers
 * {@code ETag: "<version>"}, a change sends it back in {@code If-Match}. A missing If-Match where one is required
 * is 428, a malformed or stale one 412; {@code *} means "whatever the current version is". Weak tags
 * ({@code W/"3"}) and lists ({@code "2", "3"}) are understood as RFC 9110 allows.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an If-Match header names, or null when there is no header or it is {@code *} (any version). A
     * list of tags is taken as its first one.
     */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        return version(ifMatch.split(",")[0]);
    }

    /** Like {@link #expectedVersion} but the header must be there ({@code *} still means any version: null). */
    public static Long requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw required();
        }
        return expectedVersion(ifMatch);
    }

    /** 412 unless {@code expected} (from {@link #expectedVersion}) is null or the current version. */
    public static void check(Long expected, long current) {
        if (expected != null && expected != current) {
            throw new PreconditionFailedException("The resource has changed (version " + current
                    + "); read it again and retry.");
        }
    }

    /**
     * The version If-Match names when it is the current one (any tag of a list, or {@code *}); missing is 428,
     * another version or garbage 412.
     */
    public static long require(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw required();
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return current;
            }
            Long named = parse(tag);
            if (named != null && named == current) {
                return current;
            }
        }
        throw new PreconditionFailedException("The resource is at version " + current + ", not " + ifMatch.strip()
                + "; read it again and apply your change again.");
    }

    private static long version(String tag) {
        Long version = parse(tag.strip());
        if (version == null) {
            throw new PreconditionFailedException("If-Match must be an entity tag returned by this service.");
        }
        return version;
    }

    private static Long parse(String tag) {
        String value = tag.startsWith("W/") ? tag.substring(2) : tag;
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static PreconditionRequiredException required() {
        return new PreconditionRequiredException("Send the ETag you read (GET) in If-Match, so that a change made"
                + " meanwhile is not overwritten.");
    }
}
