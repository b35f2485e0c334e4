package org.outward.notes.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.outward.notes.theme.PublicKnowledgeTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call the public-knowledge routes (themes, calibrations, reports): every route of these packages x
 * every kind of caller, over real HTTP, and a refused write changes nothing. A route of these packages without a
 * row here fails the build, so a new route cannot ship without a rule. The refusal rule (docs/api.md): another
 * library's or cohort's data does not exist for a member (404, the same answer as for an unknown id); 403 is for
 * what the caller may not do (staff recording a calibration, a body naming another library).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicKnowledgeAuthorizationMatrixTest extends PublicKnowledgeTestSupport {

    /** The packages whose routes this matrix owns (the note package has its own matrix). */
    private static final List<String> PACKAGES = List.of("org.outward.notes.theme", "org.outward.notes.calibration",
            "org.outward.notes.export");

    enum Who { NOBODY, STAFF, OWNER, SAME_COHORT, OTHER_COHORT }

    enum Outcome { OK, UNAUTHORIZED, FORBIDDEN, NOT_FOUND }

    record Row(String method, String pattern, String path, Supplier<String> body, Map<Who, Outcome> expected) {
    }

    private final String owner = newLibraryId();
    private final String neighbour = newLibraryId();
    private final String stranger = newLibraryId();
    private final String cohort = newCohortId();
    private final String otherCohort = newCohortId();
    private String ownNote;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @BeforeAll
    void notes() {
        ownNote = storeNote(owner, cohort, "private", "Own", "Rents went up.", LocalDate.parse("2025-05-01"));
    }

    private static Map<Who, Outcome> expect(Outcome nobody, Outcome staff, Outcome owner, Outcome sameCohort,
            Outcome otherCohort) {
        Map<Who, Outcome> map = new EnumMap<>(Who.class);
        map.put(Who.NOBODY, nobody);
        map.put(Who.STAFF, staff);
        map.put(Who.OWNER, owner);
        map.put(Who.SAME_COHORT, sameCohort);
        map.put(Who.OTHER_COHORT, otherCohort);
        return map;
    }

    private List<Row> table() {
        Outcome ok = Outcome.OK;
        Outcome e401 = Outcome.UNAUTHORIZED;
        Outcome e403 = Outcome.FORBIDDEN;
        Outcome e404 = Outcome.NOT_FOUND;
        return List.of(
                new Row("GET", "/api/notes/themes", "/api/notes/themes?libraryId=" + owner, null,
                        expect(e401, ok, ok, e404, e404)),
                new Row("GET", "/api/notes/themes/cohort", "/api/notes/themes/cohort?cohortId=" + cohort, null,
                        expect(e401, ok, ok, ok, e404)),
                // A member reads the library's notes shared with their own cohort: another cohort's member gets an
                // empty set (ThemesIntegrationTest checks the content), revealing nothing.
                new Row("GET", "/api/notes/themes/shared", "/api/notes/themes/shared?libraryId=" + owner, null,
                        expect(e401, ok, ok, ok, ok)),
                // Recording a stage is the library's own judgement: staff read it but do not record it.
                new Row("POST", "/api/notes/calibrations", "/api/notes/calibrations",
                        () -> JSON.writeValueAsString(Map.of("libraryId", owner, "stage", "growth",
                                "reasons", "Momentum.", "supportingNoteIds", List.of(ownNote))),
                        expect(e401, e403, ok, e403, e403)),
                new Row("GET", "/api/notes/calibrations", "/api/notes/calibrations?libraryId=" + owner, null,
                        expect(e401, ok, ok, e404, e404)),
                // Addressed by id: a library the caller may not see does not exist for them.
                new Row("GET", "/api/notes/reports/{libraryId}", "/api/notes/reports/" + owner, null,
                        expect(e401, ok, ok, e404, e404)));
    }

    private String token(Who who) {
        return switch (who) {
            case NOBODY -> null;
            case STAFF -> staffToken();
            case OWNER -> member(owner, cohort);
            case SAME_COHORT -> member(neighbour, cohort);
            case OTHER_COHORT -> member(stranger, otherCohort);
        };
    }

    private long calibrationsOfOwner() {
        Document document = mongo.findOne(Query.query(Criteria.where("_id").is(owner)), Document.class,
                "calibrations");
        return document == null ? 0 : document.getList("history", Document.class).size();
    }

    @Test
    void everyRouteAndCallerGetsWhatTheTableSays() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Row row : table()) {
            for (Map.Entry<Who, Outcome> cell : row.expected().entrySet()) {
                long before = calibrationsOfOwner();
                HttpResponse<String> response = send(row.method(), row.path(), token(cell.getKey()),
                        row.body() == null ? null : row.body().get(), null);
                Outcome actual = switch (response.statusCode() / 100 == 2 ? 200 : response.statusCode()) {
                    case 200 -> Outcome.OK;
                    case 401 -> Outcome.UNAUTHORIZED;
                    case 403 -> Outcome.FORBIDDEN;
                    case 404 -> Outcome.NOT_FOUND;
                    default -> null;
                };
                String where = row.method() + " " + row.path() + " as " + cell.getKey();
                if (actual != cell.getValue()) {
                    failures.add(where + ": expected " + cell.getValue() + ", got " + response.statusCode() + " "
                            + response.body());
                    continue;
                }
                if (actual != Outcome.OK) {
                    assertProblem(response, response.statusCode());
                    if (!row.method().equals("GET")) {
                        assertThat(calibrationsOfOwner()).as("refused write changed nothing: " + where)
                                .isEqualTo(before);
                    }
                } else if (!row.method().equals("GET")) {
                    assertThat(calibrationsOfOwner()).as(where).isEqualTo(before + 1);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /**
     * The refusal rule itself: every row that refuses a member of another cohort with 404 answers exactly the same
     * (status, title, detail up to the id) for a library or cohort that exists nowhere.
     */
    @Test
    void aRefusalDoesNotTellWhetherTheLibraryOrCohortExists() throws Exception {
        String unknownLibrary = newLibraryId();
        String unknownCohort = newCohortId();
        List<Row> refused = table().stream().filter(row -> row.expected().get(Who.OTHER_COHORT) == Outcome.NOT_FOUND)
                .toList();
        assertThat(refused).hasSizeGreaterThanOrEqualTo(4);
        for (Row row : refused) {
            String realId = row.path().contains(owner) ? owner : cohort;
            String fakeId = realId.equals(owner) ? unknownLibrary : unknownCohort;
            assertThat(row.path()).contains(realId);
            HttpResponse<String> existing = send(row.method(), row.path(), token(Who.OTHER_COHORT),
                    row.body() == null ? null : row.body().get(), null);
            HttpResponse<String> missing = send(row.method(), row.path().replace(realId, fakeId),
                    token(Who.OTHER_COHORT), row.body() == null ? null : row.body().get(), null);
            assertProblem(existing, 404);
            assertProblem(missing, 404);
            assertThat(JSON.readTree(existing.body()).path("title").asString())
                    .isEqualTo(JSON.readTree(missing.body()).path("title").asString());
            assertThat(JSON.readTree(existing.body()).path("detail").asString().replace(realId, "<id>"))
                    .as(row.method() + " " + row.pattern())
                    .isEqualTo(JSON.readTree(missing.body()).path("detail").asString().replace(fakeId, "<id>"));
        }
    }

    @Test
    void everyRouteOfThesePackagesHasARow() {
        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (PACKAGES.contains(handler.getBeanType().getPackageName())) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        routes.add("ANY " + pattern);
                    }
                    methods.forEach(method -> routes.add(method.name() + " " + pattern));
                }
            }
        });
        Set<String> covered = new TreeSet<>();
        table().forEach(row -> covered.add(row.method() + " " + row.pattern()));

        assertThat(routes).as("routes of " + PACKAGES).isNotEmpty();
        assertThat(covered).as("every route needs a row in the matrix").containsAll(routes);
        assertThat(routes).as("every row names a real route").containsAll(covered);
    }
}
