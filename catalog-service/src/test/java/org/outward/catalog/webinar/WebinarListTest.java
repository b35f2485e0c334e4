package org.outward.catalog.webinar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.outward.catalog.support.CatalogIntegrationTest;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/**
 * Listing sees the whole collection, so this class starts from an empty one (after the relay has
 * sent what other classes left pending) and builds a catalog of its own.
 */
class WebinarListTest extends CatalogIntegrationTest {

    private String slugA;
    private String slugB;
    private String slugC;
    private String slugDraft;

    @BeforeAll
    void catalog() {
        await().atMost(EVENT_TIMEOUT).until(() ->
                !mongo.exists(Query.query(Criteria.where("outbox.0").exists(true)), "webinars"));
        mongo.remove(new Query(), "webinars");

        String suffix = unique("list");
        slugA = "a-" + suffix;
        slugB = "b-" + suffix;
        slugC = "c-" + suffix;
        slugDraft = "draft-" + suffix;
        // Created out of order: the list orders by series position, then title.
        publish(create(slugC, 2, "Zeta"));
        publish(create(slugB, 2, "Alpha"));
        publish(create(slugA, 1, "Omega"));
        create(slugDraft, 1, "Draft only");
    }

    private String create(String slug, int position, String title) {
        Response created = post("/api/catalog/webinars", WebinarRequests.valid(slug, position, title));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private void publish(String id) {
        assertThat(postEmpty("/api/catalog/webinars/" + id + "/publish").status()).isEqualTo(200);
    }

    private static List<String> slugs(JsonNode page) {
        return page.path("items").valueStream().map(item -> item.path("slug").asString()).toList();
    }

    @Test
    void listsPublishedWebinarsBySeriesPositionThenTitle() {
        Response response = get("/api/catalog/webinars");

        assertThat(response.status()).isEqualTo(200);
        JsonNode page = response.json();
        assertThat(slugs(page)).containsExactly(slugA, slugB, slugC);
        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("size").asInt()).isEqualTo(20);
        assertThat(page.path("total").asLong()).isEqualTo(3);
        assertThat(page.path("items").get(0).path("status").asString()).isEqualTo("published");
    }

    @Test
    void filtersByStatus() {
        assertThat(slugs(get("/api/catalog/webinars?status=draft").json())).containsExactly(slugDraft);
        JsonNode all = get("/api/catalog/webinars?status=all").json();
        assertThat(slugs(all)).containsExactly(slugDraft, slugA, slugB, slugC);
        assertThat(all.path("total").asLong()).isEqualTo(4);
        assertThat(slugs(get("/api/catalog/webinars?status=published").json())).containsExactly(slugA, slugB, slugC);
    }

    @Test
    void findsOneBySlug() {
        JsonNode draft = get("/api/catalog/webinars?status=all&slug=" + slugDraft).json();
        assertThat(slugs(draft)).containsExactly(slugDraft);
        assertThat(draft.path("total").asLong()).isEqualTo(1);

        assertThat(slugs(get("/api/catalog/webinars?slug=" + slugDraft).json()))
                .as("a draft is not among the published").isEmpty();
        JsonNode none = get("/api/catalog/webinars?status=all&slug=no-such-slug").json();
        assertThat(slugs(none)).isEmpty();
        assertThat(none.path("total").asLong()).isZero();
    }

    @Test
    void pages() {
        JsonNode first = get("/api/catalog/webinars?status=all&page=0&size=3").json();
        JsonNode second = get("/api/catalog/webinars?status=all&page=1&size=3").json();
        JsonNode beyond = get("/api/catalog/webinars?status=all&page=5&size=3").json();

        assertThat(slugs(first)).containsExactly(slugDraft, slugA, slugB);
        assertThat(slugs(second)).containsExactly(slugC);
        assertThat(second.path("page").asInt()).isEqualTo(1);
        assertThat(second.path("size").asInt()).isEqualTo(3);
        assertThat(second.path("total").asLong()).isEqualTo(4);
        assertThat(slugs(beyond)).isEmpty();
        assertThat(beyond.path("total").asLong()).isEqualTo(4);
    }

    @Test
    void refusesBadParameters() {
        assertProblem(get("/api/catalog/webinars?size=0"), 400, "size");
        assertProblem(get("/api/catalog/webinars?size=101"), 400, "size");
        assertThat(get("/api/catalog/webinars?size=100").status()).isEqualTo(200);
        assertProblem(get("/api/catalog/webinars?page=-1"), 400, "page");
        assertProblem(get("/api/catalog/webinars?status=bogus"), 400, "status");
        assertProblem(get("/api/catalog/webinars?size=many"), 400);
    }
}
