package org.outward.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The program workflow on the whole stack, through the gateway: people put on the roster get an account invitation
 * with the sign-in link; a scheduled session reaches the cohort as an iCalendar invitation, people who join later
 * too; a member registers and subscribes to their personal feed, fetched without a token through the gateway and
 * parsed as a calendar client would; staff edit the cohort (the feed's milestones follow), move the member to
 * another library (their token then acts for the new one only) and send an invitation again. Everything this test
 * makes is its own (unique names): the stack is shared.
 */
@ExtendWith(SystemStack.class)
class ProgramWorkflowIT {

    /** A generous deadline for what travels through Kafka, not a speed assertion. */
    private static final Duration PROPAGATION = Duration.ofSeconds(90);

    private static LocalStack stack;
    private static Http staff;
    private static Http anonymous;

    @BeforeAll
    static void boot() {
        stack = SystemStack.stack();
        staff = new Http(stack.config().gatewayUrl())
                .withToken(Http.devToken(stack.config().identityUrl(), DemoData.STAFF_EMAIL, DemoData.DEV_PASSWORD));
        anonymous = new Http(stack.config().gatewayUrl());
    }

    @Test
    void invitationsSessionsTheFeedAndRosterEditsWorkEndToEnd() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(ZoneId.of("America/Chicago"));
        String cohort = created(staff.post("/api/catalog/cohorts", Map.of("name", "Workflow " + run,
                "slug", "workflow-" + run, "startsOn", today.minusMonths(1).toString(),
                "endsOn", today.plusMonths(17).toString())));
        String oak = library(cohort, "Oak " + run, "America/Chicago");
        String elm = library(cohort, "Elm " + run, "America/New_York");
        JsonNode ana = member(oak, "ana-" + run);

        // The account invitation: the sign-in link under the web address (the gateway here).
        Map<String, Object> welcome = awaitEmail(ana, "You are invited to Outward");
        assertThat((String) welcome.get("text")).contains(stack.config().gatewayUrl() + "/bff/login?returnTo=/",
                "Oak " + run, "Workflow " + run);

        // A live session a month ahead, 10:00 in Chicago: Ana's invitation carries the iCalendar REQUEST.
        String webinar = publishedWebinar(run);
        String start = today.plusDays(30) + "T10:00";
        String session = created(staff.post("/api/catalog/webinars/" + webinar + "/sessions", Map.of(
                "cohortId", cohort, "start", start, "durationMinutes", 60, "timeZone", "America/Chicago",
                "joinUrl", "https://meet.example.org/" + run)));
        String uid = "session-" + session + "@outward.local";
        VEvent invited = event(awaitCalendar(ana, uid, "REQUEST"));
        assertThat(invited.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("0");
        assertThat(invited.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("America/Chicago");

        // Bo joins afterwards: an account invitation, and the session's invitation too.
        JsonNode bo = member(elm, "bo-" + run);
        awaitEmail(bo, "You are invited to Outward");
        assertThat(event(awaitCalendar(bo, uid, "REQUEST")).getProperty("UID").orElseThrow().getValue()).isEqualTo(uid);

        // Ana registers and subscribes; the feed is public (the signed token in the path is the key).
        Http asAna = signedIn(ana);
        assertThat(asAna.put("/api/catalog/sessions/" + session + "/registrations/me", "", Map.of()).status())
                .isEqualTo(200);
        String url = asAna.get("/api/notifications/calendar/me").body().get("url").asString();
        assertThat(url).startsWith(stack.config().gatewayUrl() + "/api/notifications/calendar/feed/").endsWith(".ics");
        String feedPath = url.substring(stack.config().gatewayUrl().length());
        // Polled gently: the feed is rate limited per client.
        Calendar feed = await().atMost(PROPAGATION).pollInterval(Duration.ofSeconds(2)).until(() -> feed(feedPath),
                c -> c != null
                && uids(c).contains(uid) && summaries(c).contains("Cohort ends"));
        assertThat(feed.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("PUBLISH");
        assertThat(parse(feed.toString())).as("round trip").isEqualTo(feed);
        assertThat(anonymous.get(feedPath.replace(".ics", "x.ics")).status()).as("a forged link").isEqualTo(404);

        // Staff move the cohort's end: the feed's last milestone moves with it.
        Http.Response read = staff.get("/api/catalog/cohorts/" + cohort);
        String newEnd = today.plusMonths(18).toString();
        Http.Response changed = staff.put("/api/catalog/cohorts/" + cohort, Map.of("name", "Workflow " + run,
                "startsOn", today.minusMonths(1).toString(), "endsOn", newEnd),
                Map.of("If-Match", read.headers().firstValue("ETag").orElseThrow()));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(staff.put("/api/catalog/cohorts/" + cohort, Map.of("name", "Stale " + run,
                "startsOn", today.toString(), "endsOn", newEnd), Map.of("If-Match", "\"1\"")).status())
                .as("the old ETag").isEqualTo(412);
        String endDate = newEnd.replace("-", "");
        await().atMost(PROPAGATION).pollInterval(Duration.ofSeconds(2)).until(() -> Optional.ofNullable(feed(feedPath)).map(c -> c.getComponents("VEVENT")
                .stream().map(e -> (VEvent) e).anyMatch(e -> e.getProperty("SUMMARY").orElseThrow().getValue()
                        .equals("Cohort ends") && e.getProperty("DTSTART").orElseThrow().getValue().equals(endDate)))
                .orElse(false));

        // Staff move Ana to Elm: the same token acts for Elm only, everywhere the roster is read.
        assertThat(asAna.get("/api/catalog/libraries/" + oak).status()).isEqualTo(200);
        Http.Response moved = staff.put("/api/catalog/members/" + ana.get("id").asString(), Map.of(
                "name", ana.get("name").asString(), "email", ana.get("email").asString(), "libraryId", elm),
                Map.of("If-Match", "\"1\""));
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertThat(moved.body().get("libraryId").asString()).isEqualTo(elm);
        assertThat(asAna.get("/api/catalog/libraries/" + oak).status()).isEqualTo(404);
        assertThat(asAna.get("/api/catalog/libraries/" + elm).status()).isEqualTo(200);
        await().atMost(PROPAGATION).until(() -> asAna.get("/api/notes?libraryId=" + elm).status() == 200
                && asAna.get("/api/notifications/preferences/me").status() == 200
                && staff.get("/api/notifications/recipients").raw().contains(elm));
        assertThat(asAna.get("/api/catalog/sessions/" + session).status()).as("still her cohort's session")
                .isEqualTo(200);
        assertThat(asAna.get("/api/notifications/calendar/me").body().get("url").asString()).as("same feed")
                .isEqualTo(url);

        // Staff send Ana's invitation again: a second one arrives.
        Http.Response again = staff.post("/api/notifications/invitations/" + ana.get("id").asString(), null);
        assertThat(again.status()).as(again.raw()).isEqualTo(202);
        await().atMost(PROPAGATION).until(() -> emails(ana, "You are invited to Outward").size() == 2);
    }

    // ---- roster and catalog, as staff through the gateway ----

    private static String library(String cohort, String name, String zone) {
        return created(staff.post("/api/catalog/cohorts/" + cohort + "/libraries", Map.of("name", name,
                "city", "Springfield", "state", "IL", "contactEmail", "director@workflow.example", "timeZone", zone)));
    }

    private static JsonNode member(String library, String name) {
        Http.Response created = staff.post("/api/catalog/libraries/" + library + "/members", Map.of(
                "name", name, "email", name + "@workflow-test.example", "teamRole", "Librarian"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body();
    }

    private static String publishedWebinar(String run) {
        String id = created(staff.post("/api/catalog/webinars", Map.of("title", "Live workflow " + run,
                "slug", "live-workflow-" + run, "summary", "Held live for the workflow test.",
                "topics", List.of("community-conversations"), "seriesPosition", 7, "durationMinutes", 60)));
        assertThat(staff.post("/api/catalog/webinars/" + id + "/publish", null).status()).isEqualTo(200);
        return id;
    }

    private static String created(Http.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.body().get("id").asString();
    }

    /** A dev token for the member, once the identity provider and the services let them in. */
    private static Http signedIn(JsonNode member) {
        String email = member.get("email").asString();
        String token = await().atMost(PROPAGATION).ignoreExceptions().until(() -> Http.devToken(
                stack.config().identityUrl(), email, DemoData.DEV_PASSWORD), t -> t != null);
        Http http = new Http(stack.config().gatewayUrl()).withToken(token);
        await().atMost(PROPAGATION).until(() -> http.get("/api/notifications/preferences/me").status() == 200
                && http.get("/api/notes").status() == 200);
        return http;
    }

    // ---- email and calendars ----

    private static List<Map<String, Object>> emails(JsonNode member, String subject) {
        String email = member.get("email").asString();
        return stack.emails().stream()
                .filter(m -> String.valueOf(m.get("subject")).contains(subject))
                .filter(m -> ((List<?>) m.get("to")).stream().anyMatch(to -> email.equalsIgnoreCase(to.toString())))
                .toList();
    }

    private static Map<String, Object> awaitEmail(JsonNode member, String subject) {
        await().atMost(PROPAGATION).until(() -> !emails(member, subject).isEmpty());
        return emails(member, subject).get(0);
    }

    /** The member's invitation whose iCalendar part has this UID and METHOD, parsed. */
    private static Calendar awaitCalendar(JsonNode member, String uid, String method) {
        String email = member.get("email").asString();
        return await().atMost(PROPAGATION).until(() -> stack.caughtEmails().stream()
                .filter(m -> m.to().stream().anyMatch(email::equalsIgnoreCase))
                .flatMap(m -> m.parts().stream())
                .filter(part -> part.startsWith("Content-Type: text/calendar") || part.contains("\nContent-Type: text/calendar"))
                .map(part -> part.substring(part.indexOf("\n\n") + 2))
                .map(ProgramWorkflowIT::parseQuietly)
                .filter(c -> c != null && uids(c).contains(uid)
                        && c.getProperty("METHOD").orElseThrow().getValue().equals(method))
                .findFirst().orElse(null), c -> c != null);
    }

    private static Calendar feed(String path) {
        Http.Response response = anonymous.get(path);
        return response.status() == 200 ? parseQuietly(response.raw()) : null;
    }

    private static VEvent event(Calendar calendar) {
        return (VEvent) calendar.getComponent("VEVENT").orElseThrow();
    }

    private static List<String> uids(Calendar calendar) {
        return calendar.getComponents("VEVENT").stream()
                .map(e -> ((VEvent) e).getProperty("UID").orElseThrow().getValue()).toList();
    }

    private static List<String> summaries(Calendar calendar) {
        return calendar.getComponents("VEVENT").stream()
                .map(e -> ((VEvent) e).getProperty("SUMMARY").orElseThrow().getValue()).toList();
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static Calendar parseQuietly(String ics) {
        try {
            return parse(ics);
        } catch (Exception e) {
            return null;
        }
    }
}
