package org.outward.catalog.webinar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.outward.catalog.support.CatalogIntegrationTest;
import org.outward.platform.search.SearchAnalyzer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Free-text search, topic filter, sorting and stable pages. Every webinar here carries a word of
 * its own ({@link #marker}) so the class needs no empty collection: each query includes it.
 */
class WebinarSearchTest extends CatalogIntegrationTest {

    private final String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "x";

    private String cafe;
    private String partners;
    private String worksheet;
    private String draft;

    @BeforeAll
    void catalog() {
        clock.set(Instant.parse("2026-07-01T09:00:00Z"));
        cafe = publish(create(unique("cafe"), 3, "Café conversations " + marker, "Hosting community talks.",
                List.of("community-conversations"), "Agenda"));
        clock.advance(Duration.ofHours(1));
        partners = publish(create(unique("partners"), 1, "Working with partners " + marker,
                "Finding organisations that share the community's aspirations.", List.of("partnerships"),
                "Partner map"));
        clock.advance(Duration.ofHours(1));
        worksheet = publish(create(unique("sheet"), 2, "Public knowledge " + marker,
                "Turning what you hear into public knowledge.", List.of("public-knowledge", "themes"),
                "Théme tracking worksheets"));
        clock.advance(Duration.ofHours(1));
        draft = create(unique("draft"), 4, "Unpublished conversation " + marker, "Not yet.",
                List.of("community-conversations"), "Notes");
    }

    private String create(String slug, int position, String title, String summary, List<String> topics,
            String resourceTitle) {
        ObjectNode body = WebinarRequests.valid(slug, position, title);
        body.put("summary", summary);
        var topicArray = body.putArray("topics");
        topics.forEach(topicArray::add);
        body.putArray("resources").addObject().put("title", resourceTitle).put("kind", "worksheet")
                .put("url", "https://example.org/" + slug + ".pdf");
        Response created = post("/api/catalog/webinars", body);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private String publish(String id) {
        assertThat(postEmpty("/api/catalog/webinars/" + id + "/publish").status()).isEqualTo(200);
        return id;
    }

    private List<String> ids(String query, String... headers) {
        Response response = get("/api/catalog/webinars?" + query, headers);
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        return response.json().path("items").valueStream().map(item -> item.path("id").asString()).toList();
    }

    @Test
    void searchesTitlesSummariesTopicsAndResourceTitles() {
        assertThat(ids("sort=position&q=" + marker)).containsExactly(partners, worksheet, cafe);
        assertThat(ids("q=aspirations+" + marker)).as("summary").containsExactly(partners);
        assertThat(ids("q=themes+" + marker)).as("topic").containsExactly(worksheet);
        assertThat(ids("q=agenda+" + marker)).as("resource title").containsExactly(cafe);
    }

    @Test
    void foldsCaseAndAccentsAndStemsLikeNoteSearch() {
        assertThat(ids("q=CAFE+" + marker)).containsExactly(cafe);
        assertThat(ids("q=caf%C3%A9+" + marker)).containsExactly(cafe);
        assertThat(ids("q=theme+worksheet+" + marker)).as("accent and plural in the resource title")
                .containsExactly(worksheet);
        assertThat(ids("q=conversation+" + marker)).containsExactly(cafe);
        assertThat(ids("q=hosted+" + marker)).as("-ed and -ing meet").containsExactly(cafe);
        assertThat(ids("q=partner+" + marker)).containsExactly(partners);
        assertThat(ids("q=organised+" + marker)).as("Porter stems (organisations), as in note search")
                .containsExactly(partners);
        assertThat(SearchAnalyzer.distinctTerms("Hosting community talks"))
                .as("the catalog stores the analyser's terms").isSubsetOf(storedTerms(cafe));
    }

    @Test
    void aSearchRanksByWordScoreWithTitleMatchesFirst() {
        // "knowledge" is in the worksheet's title and summary, and nowhere else.
        assertThat(ids("q=knowledge+" + marker)).containsExactly(worksheet);
        // "community": twice for the café (summary and topic), once in the partners' summary ("community's"):
        // the better match ranks first, whatever the series position says.
        assertThat(ids("q=community+" + marker)).containsExactly(cafe, partners);
        assertThat(ids("sort=position&q=community+" + marker)).containsExactly(partners, cafe);
        Response relevanceWithoutText = get("/api/catalog/webinars?sort=relevance");
        assertThat(relevanceWithoutText.status()).isEqualTo(400);
    }

    private List<String> storedTerms(String id) {
        return mongo.findById(id, org.bson.Document.class, "webinars").getList("searchTerms", String.class);
    }

    @Test
    void everyWordMustMatch() {
        assertThat(ids("q=partners+agenda+" + marker)).isEmpty();
        assertThat(ids("q=the+of+" + marker)).as("stop words are ignored").hasSize(3);
        assertThat(ids("q=%2C%2C%2C")).as("nothing searchable").isEmpty();
    }

    @Test
    void statusAndTopicCombineWithSearch() {
        assertThat(ids("status=all&q=conversation+" + marker)).containsExactlyInAnyOrder(cafe, draft);
        assertThat(ids("status=draft&q=" + marker)).containsExactly(draft);
        assertThat(ids("topic=community-conversations&q=" + marker)).containsExactly(cafe);
        assertThat(ids("status=all&topic=community-conversations&sort=position&q=" + marker))
                .containsExactly(cafe, draft);
        assertThat(ids("topic=themes&q=" + marker)).containsExactly(worksheet);
    }

    @Test
    void membersSearchPublishedWebinarsOnly() {
        String member = newMember();
        assertThat(ids("q=conversation+" + marker, "Authorization", member)).containsExactly(cafe);
    }

    @Test
    void sortsByDateNewestFirst() {
        assertThat(ids("sort=date&q=" + marker)).containsExactly(worksheet, partners, cafe);
        assertThat(ids("sort=position&q=" + marker)).containsExactly(partners, worksheet, cafe);
    }

    @Test
    void pagesAreStableWhenEverythingElseIsEqual() {
        String same = "zz" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "x";
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(create(unique("same"), 9, "Same title " + same, "Same.", List.of("demo"), "Same"));
        }
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            paged.addAll(ids("status=draft&size=2&page=" + page + "&q=" + same));
        }
        assertThat(paged).hasSize(7).containsExactlyInAnyOrderElementsOf(created);
        assertThat(paged).as("ties are broken by id").isSorted();
        JsonNode page = get("/api/catalog/webinars?status=draft&size=2&page=1&q=" + same).json();
        assertThat(page.path("total").asLong()).isEqualTo(7);
    }

    @Test
    void refusesBadFilters() {
        assertProblem(get("/api/catalog/webinars?topic=knitting"), 400, "topic");
        assertProblem(get("/api/catalog/webinars?sort=popularity"), 400, "sort");
        assertProblem(get("/api/catalog/webinars?q=" + "a".repeat(201)), 400, "q");
    }
}
