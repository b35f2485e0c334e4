package org.outward.catalog.support;

/** The one shape of slugs (webinars, cohorts): lower-case words of a-z and 0-9 joined by single hyphens. */
public final class Slugs {

    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final String MESSAGE = "must be lower-case letters and digits in words joined by single hyphens";
    public static final int MAX_LENGTH = 100;

    private Slugs() {
    }
}
