package org.outward.notification.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.outward.notification.ServiceTest;
import org.outward.notification.support.Api;
import org.outward.notification.unsubscribe.UnsubscribeTokens;
import org.outward.platform.security.JwtSettings;
import org.outward.platform.test.ApiDocsRules;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.JsonNode;

/**
 * The service's own OpenAPI document (what the gateway shows at /api/docs) keeps the API's documentation rules
 * over every operation ({@link ApiDocsRules}); the public unsubscribe routes need no token and document both
 * answers of their errors (a page for browsers, problem+json for other clients).
 */
class ApiDocsTest extends ServiceTest {

    /** The POSTs that do something instead of creating a resource. */
    private static final Set<String> ACTIONS = Set.of(
            "POST /api/notifications/digests/run",
            "POST " + UnsubscribeTokens.PATH);

    @Autowired
    JwtSettings security;

    private JsonNode docs() {
        Api.Response response = new Api(port).as(null).accepting("application/json").get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    /** The paths the service's security chain opens, read from the same setting. */
    private Predicate<String> isPublic() {
        return path -> security.publicPaths().stream()
                .anyMatch(pattern -> PathPatternParser.defaultInstance.parse(pattern)
                        .matches(PathContainer.parsePath(path)));
    }

    @Test
    void everyOperationKeepsTheDocumentationRules() {
        JsonNode docs = docs();

        assertThat(ApiDocsRules.operations(docs)).hasSizeGreaterThan(6)
                .contains("GET " + UnsubscribeTokens.PATH, "POST " + UnsubscribeTokens.PATH);
        assertThat(security.publicPaths()).contains(UnsubscribeTokens.PATH);
        assertThat(ApiDocsRules.violations(docs, isPublic(), ACTIONS)).isEmpty();
    }

    @Test
    void theUnsubscribeRoutesDocumentAPageAndProblemJson() {
        JsonNode path = docs().path("paths").path(UnsubscribeTokens.PATH);
        for (String method : List.of("get", "post")) {
            JsonNode responses = path.path(method).path("responses");
            assertThat(path.path(method).path("security").isArray()).isTrue();
            assertThat(path.path(method).path("security").isEmpty()).as(method + " is public").isTrue();
            assertThat(responses.path("200").path("content").has("text/html")).as(method).isTrue();
            for (String error : List.of("400", "429")) {
                JsonNode content = responses.path(error).path("content");
                assertThat(content.has("text/html")).as(method + " " + error).isTrue();
                assertThat(content.has("application/problem+json")).as(method + " " + error).isTrue();
            }
        }
    }
}
