package org.outward.notification.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.CohortCreated;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.MilestoneData;
import org.outward.contracts.catalog.SessionScheduled;
import org.outward.notification.support.Api;
import org.outward.platform.test.TestTokens;

/** The personal .ics feed: signed link, public, registered sessions and cohort milestones, revocable, rate limited. */
class CalendarFeedTest extends CalendarTestSupport {

    @Test
    void aMemberSubscribesToTheirSessionsAndMilestonesAndCanRevokeTheLink() throws Exception {
        LibraryJoinedCohort library = library("feed", cohortId, "America/New_York");
        MemberAdded ana = member("ana", library);
        events().publish(Events.COHORT_CREATED, cohortId, new CohortCreated(cohortId, "Feed cohort", "feed-" + suffix,
                LocalDate.parse("2027-01-04"), LocalDate.parse("2028-07-03"), List.of(
                        new MilestoneData(MilestoneData.COHORT_START, LocalDate.parse("2027-01-04"), "Cohort starts"),
                        new MilestoneData(MilestoneData.REPORT_DUE, LocalDate.parse("2027-07-04"), "Report due"),
                        new MilestoneData(MilestoneData.COHORT_END, LocalDate.parse("2028-07-03"), "Cohort ends")), 1));
        SessionScheduled mine = session("Registered one", Instant.parse("2027-02-01T15:00:00Z"), "America/New_York");
        SessionScheduled other = session("Not registered", Instant.parse("2027-02-02T15:00:00Z"), "America/New_York");
        schedule(mine);
        schedule(other);
        register(mine.sessionId(), ana, Instant.parse("2026-12-01T00:00:00Z"));

        Api member = new Api(port).as(TestTokens.builder().subject("user-ana-" + suffix)
                .email(ana.email()).roles("library-member").library(library.libraryId()).cohort(cohortId).sign());
        Api.Response link = member.get("/api/notifications/calendar/me");
        assertThat(link.status()).as(link.body()).isEqualTo(200);
        String url = link.json().path("url").asString();
        assertThat(url).startsWith("https://outward.example" + CalendarController.FEED_PATH).endsWith(".ics");
        assertThat(link.json().path("webcal").asString()).startsWith("webcal://outward.example/");
        String path = url.substring("https://outward.example".length());

        Api anonymous = new Api(port);
        await().atMost(WAIT).until(() -> anonymous.get(path).body().contains("Cohort ends"));
        Api.Response feed = anonymous.get(path);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.contentType()).startsWith("text/calendar");
        Calendar calendar = parse(feed.body());
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("PUBLISH");
        List<VEvent> entries = calendar.getComponents("VEVENT");
        assertThat(entries).extracting(e -> e.getProperty("SUMMARY").orElseThrow().getValue())
                .containsExactlyInAnyOrder("Live session: Registered one", "Cohort starts", "Report due",
                        "Cohort ends");
        VEvent session = entries.stream().filter(e -> e.getProperty("UID").orElseThrow().getValue()
                .equals("session-" + mine.sessionId() + "@outward.local")).findFirst().orElseThrow();
        assertThat(session.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20270201T100000");
        VEvent report = entries.stream().filter(e -> e.getProperty("SUMMARY").orElseThrow().getValue()
                .equals("Report due")).findFirst().orElseThrow();
        assertThat(report.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20270704");
        assertThat(parse(calendar.toString())).isEqualTo(calendar);

        // A new link ends the old one; a forged or garbled one never worked.
        Api.Response renewed = member.post("/api/notifications/calendar/me/renew", "");
        String newPath = renewed.json().path("url").asString().substring("https://outward.example".length());
        assertThat(newPath).isNotEqualTo(path);
        assertThat(anonymous.get(path).status()).isEqualTo(404);
        assertThat(anonymous.get(newPath).status()).isEqualTo(200);
        String token = newPath.substring(CalendarController.FEED_PATH.length(), newPath.length() - 4);
        String forged = token.substring(0, token.indexOf('.')) + ".AAAA";
        assertThat(anonymous.get(CalendarController.FEED_PATH + forged + ".ics").status()).isEqualTo(404);

        // Rate limited per client (40 a minute in these tests): a flood is answered 429 with Retry-After.
        Api.Response last = null;
        for (int i = 0; i < 90 && (last == null || last.status() != 429); i++) {
            last = anonymous.get(newPath);
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.retryAfter()).isNotBlank();
    }
}
