package org.outward.notification.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.outward.contracts.EventEnvelope;
import org.outward.contracts.Events;
import org.outward.contracts.Topics;
import org.outward.contracts.catalog.CohortUpdated;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.contracts.catalog.MemberRemoved;
import org.outward.notification.ServiceTest;
import org.outward.notification.recipient.RosterReadModel;
import org.outward.notification.support.Api;
import org.outward.notification.support.Mailbox;
import org.outward.notification.support.TestEvents;
import org.outward.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Account invitations over the real wires (roster events from Kafka, emails to GreenMail): someone put on the roster
 * gets one email with the sign-in link, as soon as they may sign in; staff can send it again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountInvitationTest extends ServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    private RosterReadModel roster;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String cohortId = "cohort-inv-" + suffix;
    private TestEvents events;

    private TestEvents events() {
        if (events == null) {
            events = new TestEvents(broker.getBrokersAsString());
        }
        return events;
    }

    @AfterAll
    void close() {
        if (events != null) {
            events.close();
        }
    }

    /** Dated by the service's clock (tests move it forward): a roster event of just now, as far as it can tell. */
    private <T extends Record> EventEnvelope publish(org.outward.contracts.EventType<T> type, String subject,
            T payload) {
        EventEnvelope envelope = TestEvents.at(events().envelope(type, subject, payload), clock.instant());
        events().send(type.topic(), envelope);
        return envelope;
    }

    private LibraryJoinedCohort library(String name) {
        return new LibraryJoinedCohort("lib-" + name + "-" + suffix, cohortId, "Cohort " + suffix, name + " Library",
                name, "IL", "America/Chicago", "contact@" + name + ".test");
    }

    private MemberAdded member(String name, LibraryJoinedCohort library) {
        return new MemberAdded("m-" + name + "-" + suffix, name + "-" + suffix + "@library.test", name + " Reader",
                MemberAdded.ROLE_LIBRARY_MEMBER, library.libraryId(), cohortId, null);
    }

    private static List<MimeMessage> invitations(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> Mailbox.to(m).equals(address))
                .filter(m -> Mailbox.header(m, "X-Outward-Kind").equals(AccountInvitations.KIND)).toList();
    }

    /** The text/plain body. */
    private static String text(MimeMessage message) throws Exception {
        return plain(message.getContent());
    }

    private static String plain(Object content) throws Exception {
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                jakarta.mail.BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
                String nested = part.isMimeType("multipart/*") ? plain(part.getContent()) : null;
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    @Test
    void aNewMemberGetsOneInvitationWithTheSignInLinkAndTheCurrentCohortName() throws Exception {
        LibraryJoinedCohort library = library("oak");
        publish(Events.LIBRARY_JOINED_COHORT, library.libraryId(), library);
        publish(Events.COHORT_UPDATED, cohortId, new CohortUpdated(cohortId, "Renamed " + suffix, cohortId,
                java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2027, 6, 30), List.of(), 2));
        await().atMost(WAIT).until(() -> roster.library(library.libraryId())
                .map(l -> l.cohortName().equals("Renamed " + suffix)).orElse(false));
        MemberAdded ana = member("ana", library);
        EventEnvelope added = publish(Events.MEMBER_ADDED, ana.memberId(), ana);

        await().atMost(WAIT).until(() -> invitations(ana.email()).size() == 1);
        MimeMessage invitation = invitations(ana.email()).get(0);
        assertThat(invitation.getSubject()).isEqualTo("You are invited to Outward");
        assertThat(Mailbox.key(invitation)).isEqualTo("account-invitation:" + ana.memberId());
        String body = text(invitation);
        assertThat(body).contains("https://outward.example/bff/login?returnTo=/", ana.email(), "oak Library",
                "Renamed " + suffix);
        assertThat(Mailbox.header(invitation, "List-Unsubscribe")).as("not news: nothing to unsubscribe from")
                .isEmpty();

        // Redelivered, and an unrelated later roster event as a marker: still one invitation.
        events().send(Topics.CATALOG_ROSTER, added);
        MemberAdded marker = member("marker", library);
        publish(Events.MEMBER_ADDED, marker.memberId(), marker);
        await().atMost(WAIT).until(() -> invitations(marker.email()).size() == 1);
        assertThat(invitations(ana.email())).hasSize(1);
    }

    @Test
    void aMemberWhoseLibraryArrivesLaterIsInvitedThenAndAReplayedOldAdditionInvitesNobody() {
        LibraryJoinedCohort late = library("late");
        MemberAdded bo = member("bo", late);
        publish(Events.MEMBER_ADDED, bo.memberId(), bo);
        await().atMost(WAIT).until(() -> roster.recipient(bo.memberId()).isPresent());
        assertThat(invitations(bo.email())).as("cannot sign in yet: library unknown").isEmpty();

        publish(Events.LIBRARY_JOINED_COHORT, late.libraryId(), late);
        await().atMost(WAIT).until(() -> invitations(bo.email()).size() == 1);

        // An addition from long ago (a new database reading the roster topic from its start) invites nobody.
        LibraryJoinedCohort old = library("old");
        publish(Events.LIBRARY_JOINED_COHORT, old.libraryId(), old);
        MemberAdded cy = member("cy", old);
        events().send(Topics.CATALOG_ROSTER, TestEvents.at(events().envelope(Events.MEMBER_ADDED, cy.memberId(), cy),
                clock.instant().minus(Duration.ofDays(30))));
        MemberAdded marker = member("marker2", old);
        publish(Events.MEMBER_ADDED, marker.memberId(), marker);
        await().atMost(WAIT).until(() -> invitations(marker.email()).size() == 1);
        assertThat(roster.recipient(cy.memberId())).isPresent();
        assertThat(invitations(cy.email())).isEmpty();
    }

    @Test
    void staffSendItAgainButNotToSomeoneWhoMayNotSignIn() {
        LibraryJoinedCohort library = library("elm");
        publish(Events.LIBRARY_JOINED_COHORT, library.libraryId(), library);
        MemberAdded dee = member("dee", library);
        publish(Events.MEMBER_ADDED, dee.memberId(), dee);
        await().atMost(WAIT).until(() -> invitations(dee.email()).size() == 1);
        Api staff = new Api(port).as(TestTokens.staff());

        Api.Response again = staff.post("/api/notifications/invitations/" + dee.memberId(), "");
        assertThat(again.status()).as(again.body()).isEqualTo(202);
        assertThat(again.json().path("email").asString()).isEqualTo(dee.email());
        assertThat(again.json().path("key").asString()).startsWith("account-invitation:" + dee.memberId() + ":again:");
        await().atMost(WAIT).until(() -> invitations(dee.email()).size() == 2);
        assertThat(invitations(dee.email())).extracting(Mailbox::key).contains(again.json().path("key").asString());

        Api.Response unknown = staff.post("/api/notifications/invitations/nobody-" + suffix, "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        publish(Events.MEMBER_REMOVED, dee.memberId(), new MemberRemoved(dee.memberId(), dee.email(),
                library.libraryId(), cohortId, clock.instant()));
        await().atMost(WAIT).until(() -> roster.recipient(dee.memberId()).map(r -> r.removed()).orElse(false));
        Api.Response removed = staff.post("/api/notifications/invitations/" + dee.memberId(), "");
        assertThat(removed.status()).isEqualTo(409);
        assertThat(removed.contentType()).startsWith("application/problem+json");
        assertThat(removed.json().path("detail").asString()).contains("no longer on the program's roster");
        assertThat(removed.json().path("errors").get(0).path("field").asString()).isEqualTo("memberId");
        assertThat(invitations(dee.email())).hasSize(2);
    }
}
