package org.outward.stack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.outward.stack.DemoData;
import org.outward.stack.Http;
import org.outward.stack.LocalStack;
import org.outward.stack.SystemStack;

/**
 * Every link to Outward in every email the stack caught during the system tests opens a rendered page of the web
 * client after signing in as the email's recipient: no 404, no JSON. Runs after the other system test classes
 * (junit-platform.properties orders classes by @Order), so it sees the emails they caused.
 */
@Order(Integer.MAX_VALUE)
@ExtendWith({Chromium.class, SystemStack.class, ThreadDumps.class})
class EmailLinksIT {

    @Test
    void everyLinkInEveryEmailOpensARenderedPage() {
        LocalStack stack = SystemStack.stack();
        String gateway = stack.config().gatewayUrl();
        // Each distinct link once, with the first recipient it was sent to.
        Map<String, String> linkToRecipient = new LinkedHashMap<>();
        int emails = 0;
        for (Map<String, Object> email : stack.emails()) {
            emails++;
            String recipient = Emails.recipients(email).get(0);
            for (String link : Emails.links(email)) {
                if (link.startsWith(gateway)) {
                    linkToRecipient.putIfAbsent(link, recipient);
                }
            }
        }
        assertThat(emails).as("emails caught during the system tests").isGreaterThan(0);
        assertThat(linkToRecipient.keySet()).as("links to Outward").isNotEmpty()
                .anyMatch(l -> l.contains("/webinars/"))
                .anyMatch(l -> l.contains("/settings/notifications"))
                .anyMatch(l -> l.contains("/unsubscribe?token="));

        Map<String, Set<String>> byRecipient = new LinkedHashMap<>();
        linkToRecipient.forEach((link, who) -> byRecipient.computeIfAbsent(who, k -> new LinkedHashSet<>()).add(link));
        SoftAssertions softly = new SoftAssertions();
        int visited = 0;
        for (Map.Entry<String, Set<String>> entry : byRecipient.entrySet()) {
            String who = canSignIn(stack, entry.getKey()) ? entry.getKey() : DemoData.STAFF_EMAIL;
            try (Browser browser = Browser.open(gateway)) {
                browser.go("/");
                browser.signIn(who);
                for (String link : entry.getValue()) {
                    browser.go(link);
                    visited++;
                    String what = link.substring(gateway.length()) + " (as " + who + ")";
                    softly.assertThat(browser.text().trim()).as(what + ": JSON").doesNotStartWith("{");
                    java.util.Optional<String> gone = gone(stack, link.substring(gateway.length()), who);
                    if (gone.isPresent()) {
                        // A note deleted or made private, a webinar archived since the email was sent (other system
                        // tests do these): the app's own "not found" page is the right answer, and the API agrees.
                        softly.assertThat(browser.h1()).as(what + ", no longer shown to them").isEqualTo(gone.get());
                        continue;
                    }
                    softly.assertThat(browser.h1()).as(what).isNotIn("Page not found", "Note not found",
                            "Webinar not found", "Library not found", "Welcome to Outward",
                            "This page could not be loaded");
                }
            }
        }
        System.out.println("email links: " + emails + " emails, " + linkToRecipient.size() + " distinct links, "
                + visited + " opened for " + byRecipient.size() + " recipients");
        softly.assertAll();
    }

    /**
     * The app's "not found" heading for a link whose note this person can no longer read (the API answers 404), or
     * whose webinar they can no longer find (archived: members see published webinars only).
     */
    private static java.util.Optional<String> gone(LocalStack stack, String path, String who) {
        java.util.regex.Matcher note = java.util.regex.Pattern.compile("^/notes/([^/?#]+)").matcher(path);
        if (note.find() && !note.group(1).equals("new")
                && TestCohort.as(stack, who).get("/api/notes/" + note.group(1)).status() == 404) {
            return java.util.Optional.of("Note not found");
        }
        java.util.regex.Matcher webinar = java.util.regex.Pattern.compile("^/webinars/([^/?#]+)$").matcher(path);
        if (webinar.find() && !webinar.group(1).equals("new")) {
            String status = who.equals(DemoData.STAFF_EMAIL) ? "all" : "published";
            Http.Response found = TestCohort.as(stack, who).get("/api/catalog/webinars?slug="
                    + java.net.URLEncoder.encode(webinar.group(1), java.nio.charset.StandardCharsets.UTF_8)
                    + "&status=" + status);
            if (found.status() == 200 && found.body().get("total").asLong() == 0) {
                return java.util.Optional.of("Webinar not found");
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean canSignIn(LocalStack stack, String email) {
        try {
            return TestCohort.token(stack, email) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
