package org.outward.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.outward.contracts.Events;
import org.outward.contracts.catalog.LibraryJoinedCohort;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.notification.digest.DigestJob;
import org.outward.notification.preference.PreferenceStore;
import org.outward.platform.roster.RosterMirror;
import org.outward.notification.support.Api;
import org.outward.notification.support.TestEvents;
import org.outward.notification.unsubscribe.UnsubscribeTokens;
import org.outward.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route x every kind of caller, over real HTTP: no token, program staff, a member of the library the
 * data is about, a member of another library of the same cohort, a member of another cohort. Staff-only
 * routes refuse members with 403; "me" routes serve each caller their own record; unsubscribe is public
 * (its signed token is the credential). Refused writes change nothing. A route the table does not cover
 * fails the test, so a new endpoint cannot ship without a rule. The refusal rule (docs/api.md): this service has
 * no route that reads one library's data by its id; 403 here always means "staff only", and it never depends on
 * whether the person or thing named exists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends ServiceTest {

    enum Expect { OK, UNAUTHORIZED, FORBIDDEN, NOT_FOUND }

    private static final Expect OK = Expect.OK;
    private static final Expect E401 = Expect.UNAUTHORIZED;
    private static final Expect E403 = Expect.FORBIDDEN;
    private static final List<String> CALLERS = List.of("none", "staff", "owner", "peer", "outsider");

    /** Routes that are the platform's, public by design: error page and the OpenAPI document. */
    private static final List<String> PLATFORM_ROUTES = List.of("/error", "/v3/api-docs");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    UnsubscribeTokens unsubscribeTokens;

    private final CohortFixture cohortA = new CohortFixture();
    private final CohortFixture cohortB = new CohortFixture();
    private LibraryJoinedCohort owning;
    private LibraryJoinedCohort other;
    private LibraryJoinedCohort far;
    private MemberAdded owner;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private TestEvents events;

    record Route(String method, String pattern, Supplier<String> path, String body, String contentType,
            List<Expect> expected, boolean write) {
    }

    @BeforeAll
    void roster() {
        events = new TestEvents(broker.getBrokersAsString());
        owning = cohortA.library("Owning", "America/Chicago");
        other = cohortA.library("Other", "America/Chicago");
        far = cohortB.library("Far", "UTC");
        tokens.put("staff", TestTokens.staff());
        tokens.put("owner", TestTokens.member(owning.libraryId(), cohortA.cohort));
        tokens.put("peer", TestTokens.member(other.libraryId(), cohortA.cohort));
        tokens.put("outsider", TestTokens.member(far.libraryId(), cohortB.cohort));
        owner = new MemberAdded("m-owner-" + cohortA.suffix, "member@" + owning.libraryId() + ".test", "Owner",
                MemberAdded.ROLE_LIBRARY_MEMBER, owning.libraryId(), cohortA.cohort, null);
        List<MemberAdded> members = List.of(owner,
                new MemberAdded("m-peer-" + cohortA.suffix, "member@" + other.libraryId() + ".test", "Peer",
                        MemberAdded.ROLE_LIBRARY_MEMBER, other.libraryId(), cohortA.cohort, null),
                new MemberAdded("m-far-" + cohortB.suffix, "member@" + far.libraryId() + ".test", "Far",
                        MemberAdded.ROLE_LIBRARY_MEMBER, far.libraryId(), cohortB.cohort, null),
                new MemberAdded("s-staff-" + cohortA.suffix, "staff@outward.test", "Staff",
                        MemberAdded.ROLE_PROGRAM_STAFF, null, null, null));
        CohortFixture.publish(events, List.of(owning, other, far), members);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(Query.query(Criteria.where("_id")
                .in(members.stream().map(MemberAdded::memberId).toList())), RosterMirror.PEOPLE) == 4
                && mongo.count(Query.query(Criteria.where("_id").in(owning.libraryId(), other.libraryId(),
                        far.libraryId())), RosterMirror.LIBRARIES) == 3);
    }

    @AfterAll
    void close() {
        events.close();
    }

    private List<Route> table() {
        String unsubscribe = UnsubscribeTokens.PATH + "?token=" + unsubscribeTokens.issue(owner.memberId(), "themes");
        List<Route> routes = new ArrayList<>();
        List<Expect> staffOnly = List.of(E401, OK, E403, E403, E403);
        List<Expect> anyRecipient = List.of(E401, OK, OK, OK, OK);
        List<Expect> everyone = List.of(OK, OK, OK, OK, OK);
        routes.add(new Route("GET", "/api/notifications/deliveries",
                () -> "/api/notifications/deliveries?recipient=" + owner.memberId(), null, null, staffOnly, false));
        routes.add(new Route("GET", "/api/notifications/recipients", () -> "/api/notifications/recipients", null, null,
                staffOnly, false));
        routes.add(new Route("GET", "/api/notifications/activity", () -> "/api/notifications/activity", null, null,
                staffOnly, false));
        routes.add(new Route("POST", "/api/notifications/digests/run", () -> "/api/notifications/digests/run", "{}",
                "application/json", staffOnly, true));
        routes.add(new Route("GET", "/api/notifications/digests/preview",
                () -> "/api/notifications/digests/preview?recipient=" + owner.memberId(), null, null, staffOnly, false));
        routes.add(new Route("GET", "/api/notifications/preferences/me", () -> "/api/notifications/preferences/me",
                null, null, anyRecipient, false));
        routes.add(new Route("PUT", "/api/notifications/preferences/me", () -> "/api/notifications/preferences/me",
                "{\"hour\":9}", "application/json", anyRecipient, true));
        routes.add(new Route("GET", UnsubscribeTokens.PATH, () -> unsubscribe, null, null, everyone, false));
        routes.add(new Route("POST", UnsubscribeTokens.PATH, () -> unsubscribe, "List-Unsubscribe=One-Click",
                "application/x-www-form-urlencoded", everyone, true));
        return routes;
    }

    @Test
    void everyRouteAnswersEveryCallerAsTheRulesSay() {
        Api api = new Api(port);
        List<String> failures = new ArrayList<>();
        for (Route route : table()) {
            for (int i = 0; i < CALLERS.size(); i++) {
                String caller = CALLERS.get(i);
                Expect expected = route.expected().get(i);
                long[] before = state();
                Api.Response response = api.as(tokens.get(caller)).send(route.method(), route.path().get(),
                        route.body(), route.contentType());
                Expect actual = classify(response.status());
                if (actual != expected) {
                    failures.add(route.method() + " " + route.pattern() + " as " + caller + ": expected " + expected
                            + " got " + response.status());
                }
                if (expected != OK) {
                    assertThat(response.contentType()).as(route.pattern() + " " + caller)
                            .startsWith("application/problem+json");
                    if (route.write()) {
                        assertThat(state()).as("refused " + route.method() + " " + route.pattern() + " as " + caller
                                + " changed nothing").containsExactly(before);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** A staff-only refusal is the same for a recipient who exists and for one who does not. */
    @Test
    void aRefusalDoesNotTellWhetherTheRecipientExists() {
        Api api = new Api(port).as(tokens.get("outsider"));
        for (String path : List.of("/api/notifications/deliveries?recipient=",
                "/api/notifications/digests/preview?recipient=")) {
            Api.Response existing = api.get(path + owner.memberId());
            Api.Response missing = api.get(path + "nobody-" + cohortA.suffix);
            assertThat(existing.status()).as(path).isEqualTo(403);
            assertThat(missing.status()).as(path).isEqualTo(403);
            assertThat(existing.json().path("detail").asString()).isEqualTo(missing.json().path("detail").asString());
        }
    }

    @Test
    void theTableCoversEveryRouteOfTheService() {
        Set<String> table = new TreeSet<>();
        table().forEach(route -> table.add(route.method() + " " + route.pattern()));
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<String> patterns = info.getPatternValues();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                if (PLATFORM_ROUTES.stream().anyMatch(pattern::startsWith)) {
                    continue;
                }
                if (methods.isEmpty()) {
                    served.add("* " + pattern);
                }
                methods.forEach(method -> served.add(method.name() + " " + pattern));
            }
        });
        assertThat(served).isNotEmpty();
        assertThat(table).containsAll(served);
        assertThat(served).containsAll(table);
    }

    /** What a refused write could have changed: digest schedules, preferences (with their content). */
    private long[] state() {
        return new long[] {
                mongo.getCollection(DigestJob.SCHEDULES).countDocuments(),
                mongo.getCollection(PreferenceStore.COLLECTION).countDocuments(),
                mongo.getCollection(PreferenceStore.COLLECTION).find().into(new ArrayList<>()).toString().hashCode()};
    }

    private static Expect classify(int status) {
        if (status >= 200 && status < 300) {
            return OK;
        }
        return switch (status) {
            case 401 -> E401;
            case 403 -> E403;
            case 404 -> Expect.NOT_FOUND;
            default -> throw new AssertionError("unexpected status " + status);
        };
    }
}
