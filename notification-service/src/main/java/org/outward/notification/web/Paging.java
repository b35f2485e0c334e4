package org.outward.notification.web;

import org.outward.platform.errors.BadRequestException;

/**
 * Page and size as given in a query string. Parsed here rather than by Spring's conversion so that
 * a bad value gets the same problem+json, with the field named, as every other invalid input.
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public static Paging of(String page, String size) {
        int p = parse("page", page, 0);
        int s = parse("size", size, DEFAULT_SIZE);
        if (p < 0) {
            throw new BadRequestException("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new BadRequestException("size", "must be between 1 and " + MAX_SIZE);
        }
        return new Paging(p, s);
    }

    public long skip() {
        return (long) page * size;
    }

    private static int parse(String field, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException(field, "must be a whole number");
        }
    }
}
