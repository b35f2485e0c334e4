package org.outward.notes.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.outward.notes.NotesIntegrationTest;
import org.outward.notes.note.NoteListQuery;
import org.outward.platform.test.ApiDocsRules;
import tools.jackson.databind.JsonNode;

/**
 * The service's own OpenAPI document (what the gateway shows at /api/docs) keeps the API's documentation rules
 * over every operation ({@link ApiDocsRules}), and documents the real filters of the note list.
 */
class ApiDocsTest extends NotesIntegrationTest {

    /** The POSTs that change something that exists instead of creating a resource. */
    private static final Set<String> ACTIONS = Set.of("POST /api/notes/{id}/attachments");

    private JsonNode docs() throws Exception {
        HttpResponse<String> response = send("GET", "/v3/api-docs", null, null, null, null); // no token: public
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response);
    }

    @Test
    void everyOperationKeepsTheDocumentationRules() throws Exception {
        JsonNode docs = docs();

        assertThat(ApiDocsRules.operations(docs)).hasSizeGreaterThan(8)
                .contains("POST /api/notes", "DELETE /api/notes/{id}", "POST /api/notes/calibrations");
        assertThat(ApiDocsRules.violations(docs, path -> false, ACTIONS)).isEmpty();
    }

    /** Every filter NoteListQuery binds is a documented query parameter, and nothing else is. */
    @Test
    void theNoteListDocumentsItsRealFilters() throws Exception {
        JsonNode list = docs().path("paths").path("/api/notes").path("get");
        Map<String, JsonNode> documented = new HashMap<>();
        list.path("parameters").forEach(parameter -> documented.put(parameter.path("name").asString(), parameter));
        Set<String> bound = Arrays.stream(NoteListQuery.class.getRecordComponents())
                .map(component -> component.getName()).collect(Collectors.toSet());

        assertThat(bound).contains("libraryId", "cohortId", "from", "to", "segment", "tag", "q", "page", "size");
        assertThat(documented.keySet()).isEqualTo(bound);
        documented.forEach((name, parameter) -> {
            assertThat(parameter.path("in").asString()).as(name).isEqualTo("query");
            assertThat(parameter.path("required").asBoolean(false)).as(name).isFalse();
            assertThat(parameter.path("description").asString()).as(name).isNotBlank();
        });
        assertThat(documented.get("from").path("schema").path("format").asString()).isEqualTo("date");
        assertThat(documented.get("size").path("schema").path("maximum").asInt()).isEqualTo(100);
    }
}
