package org.outward.catalog.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The local stack's demo data loads through this API the way its loader does it (look up, create
 * when missing, publish drafts), and loading it a second time creates and changes nothing.
 */
class DemoDataTest extends CatalogIntegrationTest {

    private static final Path DEMO = Path.of("..", "local-stack", "src", "main", "resources", "demo", "demo-data.json");

    private int created;

    @Test
    void loadsAndLoadingAgainChangesNothing() throws Exception {
        assumeTrue(Files.exists(DEMO), "the local-stack module is not next to this one");
        JsonNode demo = JSON.readTree(Files.readString(DEMO));

        load(demo);
        assertThat(created).as("the first load creates things").isPositive();
        String before = fingerprint();

        created = 0;
        load(demo);

        assertThat(created).as("the second load creates nothing").isZero();
        assertThat(fingerprint()).as("and changes nothing").isEqualTo(before);
        for (JsonNode webinar : demo.get("webinars")) {
            JsonNode page = get("/api/catalog/webinars?slug=" + webinar.get("slug").asString()).json();
            assertThat(page.path("total").asLong()).isEqualTo(1);
            assertThat(page.path("items").get(0).path("status").asString()).isEqualTo("published");
        }
    }

    private void load(JsonNode demo) {
        for (JsonNode staff : demo.get("staff")) {
            ensure("/api/catalog/members?email=" + enc(staff.get("email").asString()), n -> true, "/api/catalog/staff",
                    staff);
        }
        String cohortId = ensure("/api/catalog/cohorts?slug=" + enc(demo.get("cohort").get("slug").asString()),
                n -> true, "/api/catalog/cohorts", demo.get("cohort"));
        for (JsonNode library : demo.get("libraries")) {
            ObjectNode body = (ObjectNode) library.deepCopy();
            body.remove("members");
            String name = library.get("name").asString();
            String libraryId = ensure("/api/catalog/cohorts/" + cohortId + "/libraries",
                    n -> n.get("name").asString().equalsIgnoreCase(name),
                    "/api/catalog/cohorts/" + cohortId + "/libraries", body);
            for (JsonNode member : library.get("members")) {
                ensure("/api/catalog/members?email=" + enc(member.get("email").asString()), n -> true,
                        "/api/catalog/libraries/" + libraryId + "/members", member);
            }
        }
        for (JsonNode webinar : demo.get("webinars")) {
            String id = ensure("/api/catalog/webinars?status=all&slug=" + enc(webinar.get("slug").asString()),
                    n -> true, "/api/catalog/webinars", webinar);
            if ("draft".equals(get("/api/catalog/webinars/" + id).json().path("status").asString())) {
                assertThat(postEmpty("/api/catalog/webinars/" + id + "/publish").status()).isEqualTo(200);
            }
        }
    }

    private String ensure(String listPath, Predicate<JsonNode> match, String createPath, JsonNode body) {
        Response listed = get(listPath);
        assertThat(listed.status()).as(listed.raw().body()).isEqualTo(200);
        JsonNode json = listed.json();
        JsonNode items = json.isArray() ? json : json.get("items");
        for (JsonNode item : StreamSupport.stream(items.spliterator(), false).toList()) {
            if (match.test(item)) {
                return item.get("id").asString();
            }
        }
        Response response = post(createPath, body);
        assertThat(response.status()).as(createPath + ": " + response.raw().body()).isEqualTo(201);
        created++;
        return response.json().path("id").asString();
    }

    private String fingerprint() {
        StringBuilder all = new StringBuilder();
        for (String collection : List.of("webinars", "cohorts", "libraries", "members")) {
            Query query = new Query();
            query.fields().exclude("outbox");
            mongo.find(query, Document.class, collection).stream().map(Document::toJson).sorted()
                    .forEach(all::append);
        }
        return all.toString();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
