package org.outward.notes.note;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.outward.notes.Fixtures;
import org.outward.notes.MultipartBody;
import org.outward.notes.NotesIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Issue 3 for notes: every route of the note package x every kind of caller -> expected status
 * class, over real HTTP. A refused write must change nothing (document, files, note count). The
 * table must cover every route the note package maps: a new route without a row fails the build.
 * Routes of other packages must belong to a package with a matrix test of its own. The refusal rule
 * (docs/api.md): a note the caller may not read does not exist for them (404, the same answer as for an
 * unknown id, whatever the method); 403 is for a note they may read but not change, for staff (read-only on
 * notes) and for a body naming another library or cohort.
 */
class NoteAuthorizationMatrixTest extends NotesIntegrationTest {

    enum Who { NO_TOKEN, STAFF, OWNER, SAME_COHORT, OTHER_COHORT }

    /** Packages whose routes another matrix test covers (PART B: themes, calibrations, reports). */
    private static final Set<String> COVERED_ELSEWHERE = Set.of(
            "org.outward.notes.theme", "org.outward.notes.calibration", "org.outward.notes.export",
            "org.outward.platform.deadletter", "org.outward.notes.search");

    /** A request on fixture notes of library "owner" (one shared with the cohort, one private). */
    interface Call {
        HttpResponse<String> send(NoteAuthorizationMatrixTest test, Fixture fixture, String authorization)
                throws Exception;
    }

    record Fixture(String libraryId, String sharedId, String privateId, String sharedAttachment,
            String privateAttachment) {
    }

    record Route(String method, String pattern, String scenario, boolean write, Call call,
            Map<Who, Integer> expected) {
    }

    private static Map<Who, Integer> expect(int none, int staff, int owner, int sameCohort, int otherCohort) {
        Map<Who, Integer> map = new EnumMap<>(Who.class);
        map.put(Who.NO_TOKEN, none);
        map.put(Who.STAFF, staff);
        map.put(Who.OWNER, owner);
        map.put(Who.SAME_COHORT, sameCohort);
        map.put(Who.OTHER_COHORT, otherCohort);
        return map;
    }

    static final List<Route> ROUTES = List.of(
            new Route("POST", "/api/notes", "JSON note naming the owner's library", true,
                    (t, f, auth) -> t.send("POST", "/api/notes", auth, "application/json",
                            JSON.writeValueAsBytes(validNote(f.libraryId())), null),
                    expect(401, 403, 201, 403, 403)),
            new Route("POST", "/api/notes", "multipart note naming the owner's library", true,
                    (t, f, auth) -> {
                        MultipartBody body = new MultipartBody()
                                .json("note", JSON.writeValueAsString(validNote(f.libraryId())))
                                .file("files", "n.pdf", null, Fixtures.pdf("Matrix " + java.util.UUID.randomUUID()));
                        return t.send("POST", "/api/notes", auth, body.contentType(), body.bytes(), null);
                    },
                    expect(401, 403, 201, 403, 403)),
            new Route("GET", "/api/notes", "list of the owner's library", false,
                    (t, f, auth) -> t.send("GET", "/api/notes?libraryId=" + f.libraryId(), auth, null, null, null),
                    expect(401, 200, 200, 200, 200)),
            new Route("GET", "/api/notes/{id}", "shared note", false,
                    (t, f, auth) -> t.send("GET", "/api/notes/" + f.sharedId(), auth, null, null, null),
                    expect(401, 200, 200, 200, 404)),
            new Route("GET", "/api/notes/{id}", "private note", false,
                    (t, f, auth) -> t.send("GET", "/api/notes/" + f.privateId(), auth, null, null, null),
                    expect(401, 200, 200, 404, 404)),
            new Route("GET", "/api/notes/{id}/attachments/{attachmentId}", "shared note's file", false,
                    (t, f, auth) -> t.send("GET", "/api/notes/" + f.sharedId() + "/attachments/"
                            + f.sharedAttachment(), auth, null, null, null),
                    expect(401, 200, 200, 200, 404)),
            new Route("GET", "/api/notes/{id}/attachments/{attachmentId}", "private note's file", false,
                    (t, f, auth) -> t.send("GET", "/api/notes/" + f.privateId() + "/attachments/"
                            + f.privateAttachment(), auth, null, null, null),
                    expect(401, 200, 200, 404, 404)),
            new Route("GET", "/api/notes/{id}/attachments/{attachmentId}/text", "shared note's file text", false,
                    (t, f, auth) -> t.send("GET", "/api/notes/" + f.sharedId() + "/attachments/"
                            + f.sharedAttachment() + "/text", auth, null, null, null),
                    expect(401, 200, 200, 200, 404)),
            new Route("GET", "/api/notes/{id}/attachments/{attachmentId}/text", "private note's file text", false,
                    (t, f, auth) -> t.send("GET", "/api/notes/" + f.privateId() + "/attachments/"
                            + f.privateAttachment() + "/text", auth, null, null, null),
                    expect(401, 200, 200, 404, 404)),
            new Route("PUT", "/api/notes/{id}", "edit shared note", true,
                    (t, f, auth) -> t.send("PUT", "/api/notes/" + f.sharedId(), auth, "application/json",
                            JSON.writeValueAsBytes(validNote(f.libraryId())), "\"1\""),
                    expect(401, 403, 200, 403, 404)),
            new Route("PUT", "/api/notes/{id}", "edit private note", true,
                    (t, f, auth) -> t.send("PUT", "/api/notes/" + f.privateId(), auth, "application/json",
                            JSON.writeValueAsBytes(validNote(f.libraryId())), "\"1\""),
                    expect(401, 403, 200, 404, 404)),
            new Route("DELETE", "/api/notes/{id}", "delete shared note", true,
                    (t, f, auth) -> t.send("DELETE", "/api/notes/" + f.sharedId(), auth, null, null, null),
                    expect(401, 403, 204, 403, 404)),
            new Route("DELETE", "/api/notes/{id}", "delete private note", true,
                    (t, f, auth) -> t.send("DELETE", "/api/notes/" + f.privateId(), auth, null, null, null),
                    expect(401, 403, 204, 404, 404)),
            new Route("POST", "/api/notes/{id}/attachments", "add a file to the shared note", true,
                    (t, f, auth) -> {
                        MultipartBody body = new MultipartBody().file("files", "more.odt", null,
                                Fixtures.odt("More " + java.util.UUID.randomUUID()));
                        return t.send("POST", "/api/notes/" + f.sharedId() + "/attachments", auth,
                                body.contentType(), body.bytes(), "\"1\"");
                    },
                    expect(401, 403, 200, 403, 404)));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Route route : ROUTES) {
            for (Who who : Who.values()) {
                cases.add(Arguments.of(route.method() + " " + route.pattern() + " (" + route.scenario() + ")", who,
                        route));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cases")
    void callerGetsTheExpectedStatus(String name, Who who, Route route) throws Exception {
        Fixture fixture = fixture();
        String library2 = newLibraryId();
        String authorization = switch (who) {
            case NO_TOKEN -> null;
            case STAFF -> staff();
            case OWNER -> memberOf(fixture.libraryId());
            case SAME_COHORT -> memberOf(library2);
            case OTHER_COHORT -> memberOf(newLibraryId(), "another-cohort");
        };
        Document sharedBefore = content(fixture.sharedId());
        Document privateBefore = content(fixture.privateId());
        long notesBefore = notesOf(fixture.libraryId());
        long filesBefore = attachmentFiles();

        HttpResponse<String> response = route.call().send(this, fixture, authorization);

        int expected = route.expected().get(who);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertProblem(response, expected);
        }
        if (route.write() && expected >= 400) {
            assertThat(content(fixture.sharedId())).isEqualTo(sharedBefore);
            assertThat(content(fixture.privateId())).isEqualTo(privateBefore);
            assertThat(notesOf(fixture.libraryId())).isEqualTo(notesBefore);
            assertThat(notesOf(library2)).isZero();
            assertThat(attachmentFiles()).isEqualTo(filesBefore);
        }
        if (route.method().equals("GET") && route.pattern().equals("/api/notes") && expected == 200) {
            List<String> ids = json(response).get("items").valueStream().map(i -> i.get("id").asString()).toList();
            boolean seesPrivate = who == Who.STAFF || who == Who.OWNER;
            boolean seesShared = who != Who.OTHER_COHORT;
            assertThat(ids.contains(fixture.privateId())).isEqualTo(seesPrivate);
            assertThat(ids.contains(fixture.sharedId())).isEqualTo(seesShared);
        }
    }

    static Stream<Arguments> refusedAsUnknown() {
        return ROUTES.stream().filter(route -> route.expected().get(Who.OTHER_COHORT) == 404)
                .map(route -> Arguments.of(route.method() + " " + route.pattern() + " (" + route.scenario() + ")",
                        route));
    }

    /**
     * The refusal rule itself: a member of another cohort gets exactly the same answer (status, title, detail up
     * to the id) for a note that exists as for one that exists nowhere.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedAsUnknown")
    void aRefusalDoesNotTellWhetherTheNoteExists(String name, Route route) throws Exception {
        Fixture real = fixture();
        Fixture unknown = new Fixture(real.libraryId(), unknownId(), unknownId(), unknownId(), unknownId());
        String outsider = memberOf(newLibraryId(), "another-cohort");

        HttpResponse<String> existing = route.call().send(this, real, outsider);
        HttpResponse<String> missing = route.call().send(this, unknown, outsider);

        assertProblem(existing, 404);
        assertProblem(missing, 404);
        JsonNode a = json(existing);
        JsonNode b = json(missing);
        assertThat(a.path("title").asString()).isEqualTo(b.path("title").asString());
        assertThat(withoutIds(a.path("detail").asString(), real))
                .isEqualTo(withoutIds(b.path("detail").asString(), unknown));
    }

    private static String unknownId() {
        return java.util.UUID.randomUUID().toString();
    }

    private static String withoutIds(String text, Fixture fixture) {
        return text.replace(fixture.sharedId(), "<id>").replace(fixture.privateId(), "<id>")
                .replace(fixture.sharedAttachment(), "<id>").replace(fixture.privateAttachment(), "<id>");
    }

    @Test
    void everyRouteOfTheNotePackageHasARowAndEveryOtherRouteAMatrixOfItsOwn() {
        Set<String> covered = new TreeSet<>();
        ROUTES.forEach(route -> covered.add(route.method() + " " + route.pattern()));
        Set<String> missing = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            String pkg = handler.getBeanType().getPackageName();
            if (!pkg.startsWith("org.outward.")) {
                return; // framework endpoints (error page, api docs)
            }
            for (String pattern : info.getPatternValues()) {
                for (var method : info.getMethodsCondition().getMethods()) {
                    String route = method.name() + " " + pattern;
                    if (pkg.equals(NoteController.class.getPackageName())) {
                        if (!covered.contains(route)) {
                            missing.add(route);
                        }
                    } else if (!COVERED_ELSEWHERE.contains(pkg)) {
                        missing.add(route + " (" + pkg + ")");
                    }
                }
                if (info.getMethodsCondition().getMethods().isEmpty()) {
                    missing.add("ANY " + pattern + " (" + pkg + ")");
                }
            }
        });
        assertThat(missing).as("routes without an authorization rule").isEmpty();
        assertThat(covered).as("rows for routes that no longer exist").allSatisfy(route ->
                assertThat(mappings.getHandlerMethods().keySet().stream().anyMatch(info ->
                        info.getPatternValues().contains(route.substring(route.indexOf(' ') + 1))
                                && info.getMethodsCondition().getMethods().stream()
                                        .anyMatch(m -> m.name().equals(route.substring(0, route.indexOf(' '))))))
                        .isTrue());
    }

    /** A fresh library with a cohort-shared note and a private note, each with one attachment. */
    private Fixture fixture() throws Exception {
        String libraryId = newLibraryId();
        JsonNode shared = upload(libraryId, "cohort");
        JsonNode secret = upload(libraryId, "private");
        return new Fixture(libraryId, shared.get("id").asString(), secret.get("id").asString(),
                shared.get("attachments").get(0).get("id").asString(),
                secret.get("attachments").get(0).get("id").asString());
    }

    private JsonNode upload(String libraryId, String visibility) throws Exception {
        Map<String, Object> note = validNote(libraryId);
        note.put("visibility", visibility);
        MultipartBody body = new MultipartBody().json("note", JSON.writeValueAsString(note))
                .file("files", visibility + ".txt", "text/plain",
                        (visibility + " words " + java.util.UUID.randomUUID()).getBytes());
        HttpResponse<String> response = postMultipart(memberOf(libraryId), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    /** The stored note without its outbox (which the relay drains concurrently). */
    private Document content(String id) {
        Document document = storedNote(id);
        if (document != null) {
            document.remove("outbox");
        }
        return document;
    }
}
