package org.outward.notes.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.outward.notes.theme.PublicKnowledgeTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call the search routes: every route of the search package x every kind of caller, over real HTTP, on a
 * private note of library "owner". A search answers every signed-in caller (what it finds is the caller's to read,
 * NoteSearchIntegrationTest checks that); "more like this" of a note the caller may not read is a 404, as reading
 * it is. A route of the package without a row fails the build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoteSearchAuthorizationMatrixTest extends PublicKnowledgeTestSupport {

    enum Who { NOBODY, STAFF, OWNER, SAME_COHORT, OTHER_COHORT }

    record Row(String pattern, String path, Map<Who, Integer> expected) {
    }

    private final String owner = newLibraryId();
    private final String cohort = newCohortId();
    private String privateNote;
    private String sharedNote;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @BeforeAll
    void notes() {
        privateNote = storeNote(owner, cohort, "private", "Own", "Rents went up.", LocalDate.parse("2025-05-01"));
        sharedNote = storeNote(owner, cohort, "cohort", "Shared", "Buses stop at six.", LocalDate.parse("2025-05-01"));
    }

    private static Map<Who, Integer> expect(int nobody, int staff, int owner, int sameCohort, int otherCohort) {
        Map<Who, Integer> map = new EnumMap<>(Who.class);
        map.put(Who.NOBODY, nobody);
        map.put(Who.STAFF, staff);
        map.put(Who.OWNER, owner);
        map.put(Who.SAME_COHORT, sameCohort);
        map.put(Who.OTHER_COHORT, otherCohort);
        return map;
    }

    private List<Row> table() {
        return List.of(
                new Row("/api/notes/search", "/api/notes/search?q=rents", expect(401, 200, 200, 200, 200)),
                new Row("/api/notes/{id}/similar", "/api/notes/" + privateNote + "/similar",
                        expect(401, 200, 200, 404, 404)),
                new Row("/api/notes/{id}/similar", "/api/notes/" + sharedNote + "/similar",
                        expect(401, 200, 200, 200, 404)));
    }

    private String token(Who who) {
        return switch (who) {
            case NOBODY -> null;
            case STAFF -> staffToken();
            case OWNER -> member(owner, cohort);
            case SAME_COHORT -> member(newLibraryId(), cohort);
            case OTHER_COHORT -> member(newLibraryId(), newCohortId());
        };
    }

    @Test
    void everyRouteAndCallerGetsWhatTheTableSays() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Row row : table()) {
            for (Map.Entry<Who, Integer> cell : row.expected().entrySet()) {
                HttpResponse<String> response = send("GET", row.path(), token(cell.getKey()), null, null, null);
                if (response.statusCode() != cell.getValue()) {
                    failures.add(row.path() + " as " + cell.getKey() + ": expected " + cell.getValue() + ", got "
                            + response.statusCode() + " " + response.body());
                } else if (response.statusCode() != 200) {
                    assertProblem(response, response.statusCode());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyRouteOfThePackageHasARow() {
        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getPackageName().equals(NoteSearchController.class.getPackageName())) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                assertThat(methods).as("search routes are reads").containsExactly(RequestMethod.GET);
                routes.addAll(info.getPatternValues());
            }
        });
        Set<String> covered = new TreeSet<>();
        table().forEach(row -> covered.add(row.pattern()));
        assertThat(routes).isNotEmpty().isEqualTo(covered);
    }
}
