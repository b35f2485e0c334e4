package org.outward.catalog.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.outward.catalog.support.CatalogIntegrationTest;
import org.outward.platform.test.ApiDocsRules;
import tools.jackson.databind.JsonNode;

/**
 * The service's own OpenAPI document (what the gateway shows at /api/docs) keeps the API's documentation rules
 * over every operation ({@link ApiDocsRules}): no token-built caller as a parameter, creates 201 with Location,
 * deletes 204, each operation's security named.
 */
class ApiDocsTest extends CatalogIntegrationTest {

    /** The POSTs that change something that exists instead of creating a resource. */
    private static final Set<String> ACTIONS = Set.of(
            "POST /api/catalog/webinars/{id}/publish",
            "POST /api/catalog/webinars/{id}/archive",
            "POST /api/catalog/webinars/reorder");

    private JsonNode docs() {
        Response response = get("/v3/api-docs", "Authorization", NO_TOKEN);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    @Test
    void everyOperationKeepsTheDocumentationRules() {
        JsonNode docs = docs();

        assertThat(ApiDocsRules.operations(docs)).hasSizeGreaterThan(20)
                .contains("POST /api/catalog/webinars", "DELETE /api/catalog/members/{id}");
        assertThat(ApiDocsRules.violations(docs, path -> false, ACTIONS)).isEmpty();
    }
}
