package org.outward.catalog.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.outward.catalog.support.CatalogIntegrationTest;
import org.outward.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every route of the service x every kind of caller -> the expected status class, over real HTTP.
 * A refused write must leave the database as it was. The table must cover every handler mapping:
 * a new route without a rule here fails the build. The refusal rule (docs/api.md): another library's or
 * cohort's data does not exist for a member (404, reads and writes alike, the same answer as for an unknown
 * id); 403 means "staff only".
 */
class AuthorizationMatrixTest extends CatalogIntegrationTest {

    enum Who { NONE, STAFF, OWN, NEIGHBOUR, OTHER_COHORT }

    enum Expect {
        OK, UNAUTHORIZED, FORBIDDEN, NOT_FOUND;

        boolean matches(int status) {
            return switch (this) {
                case OK -> status >= 200 && status < 300;
                case UNAUTHORIZED -> status == 401;
                case FORBIDDEN -> status == 403;
                case NOT_FOUND -> status == 404;
            };
        }
    }

    /** One concrete request; made fresh for each caller, so a successful write never spoils the next. */
    record Call(String path, Object body, String... headers) {
    }

    /** A rule: the route (method and pattern as mapped) and what each caller gets. */
    record Rule(String method, String pattern, String note, Supplier<Call> call, Map<Who, Expect> expected) {

        boolean isWrite() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + pattern + (note.isEmpty() ? "" : " (" + note + ")");
        }
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private String cohort;
    private String library;
    private String neighbour;
    private String otherCohort;
    private String otherLibrary;
    private String member;
    private String webinar;
    private String draft;
    private final List<Rule> rules = new ArrayList<>();

    @BeforeAll
    void fixtures() {
        cohort = newCohort();
        library = newLibrary(cohort);
        neighbour = newLibrary(cohort);
        otherCohort = newCohort();
        otherLibrary = newLibrary(otherCohort);
        member = newMember(library);
        // The callers' own roster entries, before any fingerprint of the database is taken.
        memberOf(library, cohort);
        memberOf(neighbour, cohort);
        memberOf(otherLibrary, otherCohort);
        webinar = newWebinar(true);
        draft = newWebinar(false);
        defineRules();
    }

    // ---- fixtures (made as staff) ----

    private String created(Response response) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    private ObjectNode cohortBody() {
        ObjectNode body = object();
        body.put("name", "Matrix cohort");
        body.put("slug", unique("matrix"));
        body.put("startsOn", "2026-01-01");
        body.put("endsOn", "2027-06-30");
        return body;
    }

    private String newCohort() {
        return created(post("/api/catalog/cohorts", cohortBody()));
    }

    private ObjectNode libraryBody() {
        ObjectNode body = object();
        body.put("name", unique("Matrix library"));
        body.put("city", "Springfield");
        body.put("state", "IL");
        body.put("contactEmail", "director@example.org");
        body.put("timeZone", "America/Chicago");
        return body;
    }

    private String newLibrary(String cohortId) {
        return created(post("/api/catalog/cohorts/" + cohortId + "/libraries", libraryBody()));
    }

    private ObjectNode personBody() {
        ObjectNode body = object();
        body.put("name", "Matrix Person");
        body.put("email", unique("person") + "@example.org");
        return body;
    }

    private String newMember(String libraryId) {
        return created(post("/api/catalog/libraries/" + libraryId + "/members", personBody()));
    }

    private ObjectNode webinarBody() {
        ObjectNode body = object();
        body.put("title", "Matrix webinar");
        body.put("slug", unique("matrix"));
        body.put("summary", "Summary.");
        body.put("seriesPosition", 50);
        body.put("durationMinutes", 60);
        body.putArray("resources").addObject().put("title", "Worksheet").put("kind", "worksheet")
                .put("url", "https://example.org/w.pdf");
        return body;
    }

    private String newWebinar(boolean published) {
        String id = created(post("/api/catalog/webinars", webinarBody()));
        if (published) {
            assertThat(postEmpty("/api/catalog/webinars/" + id + "/publish").status()).isEqualTo(200);
        }
        return id;
    }

    // ---- the table ----

    private static Map<Who, Expect> expect(Expect staff, Expect own, Expect neighbour, Expect otherCohort) {
        Map<Who, Expect> map = new EnumMap<>(Who.class);
        map.put(Who.NONE, Expect.UNAUTHORIZED);
        map.put(Who.STAFF, staff);
        map.put(Who.OWN, own);
        map.put(Who.NEIGHBOUR, neighbour);
        map.put(Who.OTHER_COHORT, otherCohort);
        return map;
    }

    private static final Map<Who, Expect> EVERYONE = expect(Expect.OK, Expect.OK, Expect.OK, Expect.OK);
    private static final Map<Who, Expect> STAFF_ONLY =
            expect(Expect.OK, Expect.FORBIDDEN, Expect.FORBIDDEN, Expect.FORBIDDEN);
    private static final Map<Who, Expect> OWN_COHORT =
            expect(Expect.OK, Expect.OK, Expect.OK, Expect.NOT_FOUND);
    private static final Map<Who, Expect> OWN_LIBRARY_READ =
            expect(Expect.OK, Expect.OK, Expect.NOT_FOUND, Expect.NOT_FOUND);
    private static final Map<Who, Expect> OWN_LIBRARY_WRITE =
            expect(Expect.OK, Expect.OK, Expect.NOT_FOUND, Expect.NOT_FOUND);
    private static final Map<Who, Expect> PUBLISHED_ONLY =
            expect(Expect.OK, Expect.NOT_FOUND, Expect.NOT_FOUND, Expect.NOT_FOUND);

    private void rule(String method, String pattern, String note, Supplier<Call> call, Map<Who, Expect> expected) {
        rules.add(new Rule(method, pattern, note, call, expected));
    }

    private void defineRules() {
        String w = "/api/catalog/webinars";
        rule("POST", w, "", () -> new Call(w, webinarBody()), STAFF_ONLY);
        rule("GET", w, "published", () -> new Call(w, null), EVERYONE);
        rule("GET", w, "drafts", () -> new Call(w + "?status=draft", null), STAFF_ONLY);
        rule("GET", w + "/{id}", "published", () -> new Call(w + "/" + webinar, null), EVERYONE);
        rule("GET", w + "/{id}", "draft", () -> new Call(w + "/" + draft, null), PUBLISHED_ONLY);
        rule("PUT", w + "/{id}", "", () -> {
            String fresh = newWebinar(false);
            return new Call(w + "/" + fresh, webinarBody(), "If-Match", "\"1\"");
        }, STAFF_ONLY);
        rule("POST", w + "/{id}/publish", "", () -> new Call(w + "/" + newWebinar(false) + "/publish", null),
                STAFF_ONLY);
        rule("POST", w + "/{id}/archive", "", () -> new Call(w + "/" + newWebinar(true) + "/archive", null),
                STAFF_ONLY);
        rule("POST", w + "/reorder", "", () -> {
            ObjectNode body = object();
            body.putArray("ids").add(newWebinar(false));
            return new Call(w + "/reorder", body);
        }, STAFF_ONLY);
        rule("GET", "/api/catalog/topics", "", () -> new Call("/api/catalog/topics", null), EVERYONE);

        String c = "/api/catalog/cohorts";
        rule("POST", c, "", () -> new Call(c, cohortBody()), STAFF_ONLY);
        rule("GET", c, "", () -> new Call(c, null), EVERYONE);
        rule("GET", c + "/{id}", "", () -> new Call(c + "/" + cohort, null), OWN_COHORT);
        rule("POST", c + "/{cohortId}/libraries", "", () -> new Call(c + "/" + cohort + "/libraries", libraryBody()),
                STAFF_ONLY);
        rule("GET", c + "/{cohortId}/libraries", "", () -> new Call(c + "/" + cohort + "/libraries", null),
                OWN_COHORT);
        rule("GET", c + "/{cohortId}/progress", "json", () -> new Call(c + "/" + cohort + "/progress", null),
                STAFF_ONLY);
        rule("GET", c + "/{cohortId}/progress", "csv",
                () -> new Call(c + "/" + cohort + "/progress", null, "Accept", "text/csv"), STAFF_ONLY);

        String l = "/api/catalog/libraries";
        rule("GET", l + "/{id}", "", () -> new Call(l + "/" + library, null), OWN_LIBRARY_READ);
        rule("DELETE", l + "/{id}", "own library", () -> new Call(l + "/" + library, null),
                expect(Expect.OK, Expect.FORBIDDEN, Expect.FORBIDDEN, Expect.FORBIDDEN));
        rule("POST", l + "/{libraryId}/members", "", () -> new Call(l + "/" + library + "/members", personBody()),
                STAFF_ONLY);
        rule("GET", l + "/{libraryId}/members", "", () -> new Call(l + "/" + library + "/members", null),
                OWN_LIBRARY_READ);
        rule("GET", l + "/{libraryId}/progress", "", () -> new Call(l + "/" + library + "/progress", null),
                OWN_LIBRARY_READ);
        String p = l + "/{libraryId}/progress/{webinarId}";
        String mine = l + "/" + library + "/progress/" + webinar;
        rule("PUT", p + "/watched", "", () -> new Call(mine + "/watched", null), OWN_LIBRARY_WRITE);
        rule("DELETE", p + "/watched", "", () -> new Call(mine + "/watched", null), OWN_LIBRARY_WRITE);
        rule("PUT", p + "/resources/{resourceKey}", "", () -> new Call(mine + "/resources/worksheet", null),
                OWN_LIBRARY_WRITE);
        rule("DELETE", p + "/resources/{resourceKey}", "", () -> new Call(mine + "/resources/worksheet", null),
                OWN_LIBRARY_WRITE);

        String m = "/api/catalog/members";
        rule("GET", m, "by email", () -> new Call(m + "?email=someone@example.org", null), STAFF_ONLY);
        rule("GET", m + "/{id}", "", () -> new Call(m + "/" + member, null), OWN_LIBRARY_READ);
        rule("DELETE", m + "/{id}", "", () -> new Call(m + "/" + newMember(library), null), STAFF_ONLY);
        rule("POST", "/api/catalog/staff", "", () -> new Call("/api/catalog/staff", personBody()), STAFF_ONLY);
        rule("GET", "/api/catalog/staff", "", () -> new Call("/api/catalog/staff", null), STAFF_ONLY);
    }

    /**
     * The DELETE of the own library must not remove the library every other rule relies on when staff
     * succeed, so staff get a fresh one for that rule.
     */
    private Call callFor(Rule rule, Who who) {
        if (rule.method().equals("DELETE") && rule.pattern().equals("/api/catalog/libraries/{id}")
                && who == Who.STAFF) {
            return new Call("/api/catalog/libraries/" + newLibrary(cohort), null);
        }
        return rule.call().get();
    }

    private String token(Who who) {
        return switch (who) {
            case NONE -> NO_TOKEN;
            case STAFF -> STAFF;
            case OWN -> memberOf(library, cohort);
            case NEIGHBOUR -> memberOf(neighbour, cohort);
            case OTHER_COHORT -> memberOf(otherLibrary, otherCohort);
        };
    }

    @TestFactory
    Stream<DynamicTest> everyRouteForEveryCaller() {
        return rules.stream().flatMap(rule -> rule.expected().entrySet().stream().map(entry ->
                DynamicTest.dynamicTest(rule + " as " + entry.getKey() + " -> " + entry.getValue(), () -> {
                    Call call = callFor(rule, entry.getKey());
                    String before = rule.isWrite() && entry.getValue() != Expect.OK ? fingerprint() : null;
                    List<String> headers = new ArrayList<>(List.of(call.headers()));
                    headers.add("Authorization");
                    headers.add(token(entry.getKey()));
                    Response response = request(rule.method(), call.path(), call.body(),
                            headers.toArray(String[]::new));
                    assertThat(entry.getValue().matches(response.status()))
                            .as("%s %s as %s: got %s %s", rule.method(), call.path(), entry.getKey(),
                                    response.status(), response.raw().body())
                            .isTrue();
                    if (before != null) {
                        assertThat(fingerprint()).as("a refused write changes nothing").isEqualTo(before);
                    }
                })));
    }

    /** Every mapped /api route has at least one rule, and every rule names a mapped route. */
    @Test
    void theTableCoversEveryRoute() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api/"))
                .forEach(pattern -> info.getMethodsCondition().getMethods()
                        .forEach(method -> mapped.add(method.name() + " " + pattern))));
        Set<String> covered = rules.stream().map(rule -> rule.method() + " " + rule.pattern())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(mapped).as("routes").isNotEmpty();
        assertThat(covered).as("every route needs a rule in this table").containsAll(mapped);
        assertThat(mapped).as("every rule must name a real route").containsAll(covered);
    }

    @Test
    void badTokensAreRefused() {
        String path = "/api/catalog/topics";
        assertProblem(get(path, "Authorization", bearer(TestTokens.builder().roles("program-staff")
                .expiresAt(Instant.now().minusSeconds(120)).sign())), 401);
        assertProblem(get(path, "Authorization", bearer(TestTokens.builder().roles("program-staff").forged())), 401);
        assertProblem(get(path, "Authorization", bearer(TestTokens.builder().roles("program-staff")
                .audience("someone-else").sign())), 401);
        assertProblem(get(path, "Authorization", bearer(TestTokens.builder().roles("program-staff").unsigned())), 401);
        assertProblem(get(path, "Authorization", bearer(TestTokens.builder().roles("program-staff")
                .hmacWithPublicKey())), 401);
        assertThat(get("/actuator/health", "Authorization", NO_TOKEN).status()).isEqualTo(200);
    }

    @Test
    void aMemberNamingAnotherLibraryInABodyCannotWrite() {
        // The only writes that take a library from the body or path are staff-only or progress (checked above);
        // a member token without a library may not record progress for anyone: the roster does not know it, so it
        // is refused before any library is looked at (403, docs/roster-access.md).
        String noLibrary = bearer(TestTokens.builder().roles("library-member").sign());
        String before = fingerprint();
        assertProblem(putEmpty("/api/catalog/libraries/" + library + "/progress/" + webinar + "/watched",
                "Authorization", noLibrary), 403);
        assertThat(fingerprint()).isEqualTo(before);
    }

    /**
     * The refusal rule itself: every route that refuses a member of another cohort with 404 answers exactly the
     * same (status, title, detail up to the id) for an id that exists nowhere, so a refusal never tells whether
     * another library's, cohort's or person's data exists.
     */
    @TestFactory
    Stream<DynamicTest> aRefusalDoesNotTellWhetherTheDataExists() {
        Map<String, String> unknown = Map.of(library, "library-nobody-has", cohort, "cohort-nobody-has",
                member, "member-nobody-is", draft, "webinar-nobody-made");
        return rules.stream().filter(rule -> rule.expected().get(Who.OTHER_COHORT) == Expect.NOT_FOUND)
                .map(rule -> DynamicTest.dynamicTest(rule.toString(), () -> {
                    Call call = rule.call().get();
                    String fakePath = call.path();
                    String realId = null;
                    for (Map.Entry<String, String> id : unknown.entrySet()) {
                        if (fakePath.contains(id.getKey())) {
                            realId = id.getKey();
                            fakePath = fakePath.replace(id.getKey(), id.getValue());
                        }
                    }
                    assertThat(realId).as("the call names a fixture id").isNotNull();
                    List<String> headers = new ArrayList<>(List.of(call.headers()));
                    headers.add("Authorization");
                    headers.add(token(Who.OTHER_COHORT));
                    String[] asOutsider = headers.toArray(String[]::new);
                    Response existing = request(rule.method(), call.path(), call.body(), asOutsider);
                    Response missing = request(rule.method(), fakePath, call.body(), asOutsider);
                    assertProblem(existing, 404);
                    assertProblem(missing, 404);
                    assertThat(existing.json().path("title").asString())
                            .isEqualTo(missing.json().path("title").asString());
                    assertThat(existing.json().path("detail").asString().replace(realId, "<id>"))
                            .isEqualTo(missing.json().path("detail").asString().replace(unknown.get(realId), "<id>"));
                }));
    }

    /** The whole catalog database as text, without the outbox arrays the relay empties in the background. */
    private String fingerprint() {
        StringBuilder all = new StringBuilder();
        for (String collection : List.of("webinars", "cohorts", "libraries", "members", "progress")) {
            Query query = new Query();
            query.fields().exclude("outbox");
            mongo.find(query, Document.class, collection).stream().map(Document::toJson).sorted()
                    .forEach(json -> all.append(collection).append(json).append('\n'));
        }
        return all.toString();
    }
}
