package org.outward.notification.notice;

/** Subject and both bodies of one email. */
public record RenderedEmail(String subject, String text, String html) {
}
