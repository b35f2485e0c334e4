package org.outward.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.notification.support.Api;
import org.outward.notification.support.TestEvents;
import org.outward.notification.unsubscribe.UnsubscribeProperties;
import org.outward.notification.unsubscribe.UnsubscribeTokens;
import org.outward.platform.roster.RosterMirror;
import org.outward.platform.test.HttpFrom;
import org.outward.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The unsubscribe rate limit keys on the real client, over real HTTP from distinct local addresses: behind the
 * gateway (a trusted proxy: 127.0.0.1 by default) each forwarded client has its own bucket, so one client's flood
 * does not block another's one-click unsubscribe; a peer that is not a trusted proxy (127.0.0.2, 127.0.0.3) is
 * limited as itself, whatever X-Forwarded-For it sends, so it can neither pick a fresh bucket nor spend someone
 * else's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnsubscribeBehindProxyTest extends ServiceTest {

    @Autowired
    UnsubscribeTokens tokens;
    @Autowired
    UnsubscribeProperties unsubscribe;

    private final CohortFixture f = new CohortFixture();
    private MemberAdded wes;
    private MemberAdded xia;
    private TestEvents events;

    @BeforeAll
    void roster() {
        events = new TestEvents(broker.getBrokersAsString());
        LibraryJoinedCohort library = f.library("Proxy", "UTC");
        wes = f.member("Wes", library);
        xia = f.member("Xia", library);
        CohortFixture.publish(events, List.of(library), List.of(wes, xia));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(Query.query(Criteria.where("_id")
                .in(wes.memberId(), xia.memberId())), RosterMirror.PEOPLE) == 2
                && mongo.exists(Query.query(Criteria.where("_id").is(library.libraryId())), RosterMirror.LIBRARIES));
    }

    @AfterAll
    void close() {
        events.close();
    }

    /** Each test starts at the top of a rate-limit minute (the clock only moves forward), so no window ends mid-test. */
    @BeforeEach
    void startOfAMinute() {
        long intoMinute = clock.millis() % 60_000;
        testClock().advance(Duration.ofMillis(60_000 - intoMinute + 10));
    }

    private String url(String token) {
        return "http://127.0.0.1:" + port + UnsubscribeTokens.PATH + "?token=" + token;
    }

    private static String someAddress() {
        return "198.51." + (100 + (int) (Math.random() * 100)) + "." + (1 + (int) (Math.random() * 250));
    }

    /** Sends junk unsubscribe requests until refused; at most twice the limit (a window may end meanwhile). */
    private int floodUntilRefused(java.util.function.Supplier<HttpFrom> client) {
        for (int i = 1; i <= 2 * unsubscribe.requestsPerMinute() + 1; i++) {
            HttpFrom.Response response = client.get().postForm(url("junk-" + i), "List-Unsubscribe=One-Click");
            if (response.status() == 429) {
                return i;
            }
            assertThat(response.status()).isEqualTo(400);
        }
        throw new AssertionError("never refused");
    }

    private String kind(MemberAdded member, String kind) {
        return new Api(port).as(TestTokens.builder().subject("sub-" + member.memberId()).email(member.email())
                .roles("library-member").library(member.libraryId()).cohort(member.cohortId()).sign())
                .get("/api/notifications/preferences/me").json().get("kinds").get(kind).asString();
    }

    @Test
    void behindTheGatewayOneClientsFloodDoesNotBlockAnothersOneClickUnsubscribe() {
        HttpFrom gateway = HttpFrom.address("127.0.0.1");
        String flooder = someAddress();
        String reader = "203.0.113." + (1 + (int) (Math.random() * 250));

        int refusedAt = floodUntilRefused(() -> gateway.header("X-Forwarded-For", flooder));
        assertThat(refusedAt).isGreaterThan(unsubscribe.requestsPerMinute());
        HttpFrom.Response stillRefused = gateway.header("X-Forwarded-For", flooder)
                .postForm(url(tokens.issue(wes.memberId(), "themes")), "List-Unsubscribe=One-Click");
        assertThat(stillRefused.status()).isEqualTo(429);
        assertThat(stillRefused.header("Retry-After")).isNotBlank();

        HttpFrom.Response oneClick = gateway.header("X-Forwarded-For", reader)
                .postForm(url(tokens.issue(wes.memberId(), "themes")), "List-Unsubscribe=One-Click");
        assertThat(oneClick.status()).as(oneClick.body()).isEqualTo(200);
        assertThat(kind(wes, "themes")).isEqualTo("off");

        // What the client wrote itself, left of what the gateway appended, is not believed either.
        HttpFrom.Response chained = gateway.header("X-Forwarded-For", flooder + ", " + reader)
                .postForm(url("junk"), "List-Unsubscribe=One-Click");
        assertThat(chained.status()).as("counted for the reader, not the flooder").isEqualTo(400);
    }

    @Test
    void aPeerThatIsNotATrustedProxyCannotChooseItsBucket() {
        // Every request names another client: were the header believed, none would ever be refused.
        HttpFrom untrusted = HttpFrom.address("127.0.0.2");
        int refusedAt = floodUntilRefused(() -> untrusted.header("X-Forwarded-For", someAddress())
                .header("Forwarded", "for=" + someAddress()));
        assertThat(refusedAt).isGreaterThan(unsubscribe.requestsPerMinute());

        // Nor can it spend someone else's: it floods naming Xia's address, and Xia (behind the gateway) gets through.
        String xiasAddress = someAddress();
        HttpFrom spoofer = HttpFrom.address("127.0.0.3").header("X-Forwarded-For", xiasAddress);
        assertThat(floodUntilRefused(() -> spoofer)).isGreaterThan(unsubscribe.requestsPerMinute());
        HttpFrom.Response oneClick = HttpFrom.address("127.0.0.1").header("X-Forwarded-For", xiasAddress)
                .postForm(url(tokens.issue(xia.memberId(), "calibrations")), "List-Unsubscribe=One-Click");
        assertThat(oneClick.status()).as(oneClick.body()).isEqualTo(200);
        assertThat(kind(xia, "calibrations")).isEqualTo("off");
    }
}
