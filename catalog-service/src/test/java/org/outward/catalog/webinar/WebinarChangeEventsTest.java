package org.outward.catalog.webinar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.outward.catalog.support.CatalogIntegrationTest;
import org.outward.contracts.DecodedEvent;
import org.outward.contracts.Events;
import org.outward.contracts.Topics;
import org.outward.contracts.catalog.LinkData;
import org.outward.contracts.catalog.ResourceData;
import org.outward.contracts.catalog.WebinarArchived;
import org.outward.contracts.catalog.WebinarUpdated;
import tools.jackson.databind.node.ObjectNode;

/** Exactly which events edits, archiving and reordering emit, with their content and keys. */
class WebinarChangeEventsTest extends CatalogIntegrationTest {

    private String create(String slug, int position) {
        Response created = post("/api/catalog/webinars", WebinarRequests.valid(slug, position, "Title"));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    @Test
    void editEmitsWebinarUpdatedWithTheNewContent() {
        clock.set(Instant.parse("2026-08-01T10:00:00Z"));
        String slug = unique("upd");
        String id = create(slug, 2);
        Instant editedAt = clock.advance(Duration.ofMinutes(10));
        ObjectNode body = WebinarRequests.valid(slug, 7, "Edited title");
        body.putArray("topics").add("strategy");

        assertThat(put("/api/catalog/webinars/" + id, body, "If-Match", "\"1\"").status()).isEqualTo(200);

        List<ConsumerRecord<String, String>> records = probe().await(r -> id.equals(r.key()), 1, EVENT_TIMEOUT);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).topic()).isEqualTo(Topics.CATALOG_WEBINARS);
        DecodedEvent<?> event = codec.decode(records.get(0).value());
        assertThat(event.type()).isEqualTo(Events.WEBINAR_UPDATED);
        assertThat(event.envelope().subject()).isEqualTo(id);
        assertThat(event.payloadAs(Events.WEBINAR_UPDATED)).isEqualTo(new WebinarUpdated(id, slug, "Edited title",
                "How to turn outward: start from the community's aspirations.", List.of("strategy"), 7, 60,
                List.of(new LinkData("YouTube", "https://www.youtube.com/watch?v=abc123")),
                List.of(new ResourceData("ask-exercise-worksheet", "Ask exercise worksheet", "worksheet", "https://example.org/ask.pdf"),
                        new ResourceData("facilitator-guide", "Facilitator guide", "facilitator-guide", "http://example.org/guide.pdf")),
                "draft", 2, editedAt));

        // A refused edit emits nothing: once a later event for the same key arrived, nothing came in between.
        assertThat(put("/api/catalog/webinars/" + id, body, "If-Match", "\"1\"").status()).isEqualTo(412);
        assertThat(postEmpty("/api/catalog/webinars/" + id + "/publish").status()).isEqualTo(200);
        List<DecodedEvent<?>> events = awaitEvents(id, 2);
        assertThat(events).extracting(e -> (Object) e.type())
                .containsExactly(Events.WEBINAR_UPDATED, Events.WEBINAR_PUBLISHED);
    }

    @Test
    void archiveEmitsWebinarArchivedOnce() {
        clock.set(Instant.parse("2026-08-02T10:00:00Z"));
        String slug = unique("arc");
        String id = create(slug, 1);
        assertThat(postEmpty("/api/catalog/webinars/" + id + "/publish").status()).isEqualTo(200);
        Instant archivedAt = clock.advance(Duration.ofDays(3));

        assertThat(postEmpty("/api/catalog/webinars/" + id + "/archive").status()).isEqualTo(200);
        assertThat(postEmpty("/api/catalog/webinars/" + id + "/archive").status()).isEqualTo(200);
        // marker: publishing again comes after, on the same key and partition
        assertThat(postEmpty("/api/catalog/webinars/" + id + "/publish").status()).isEqualTo(200);

        List<DecodedEvent<?>> events = awaitEvents(id, 3);
        assertThat(events).extracting(e -> (Object) e.type())
                .containsExactly(Events.WEBINAR_PUBLISHED, Events.WEBINAR_ARCHIVED, Events.WEBINAR_PUBLISHED);
        assertThat(events.get(1).payloadAs(Events.WEBINAR_ARCHIVED))
                .isEqualTo(new WebinarArchived(id, slug, "Title", 3, archivedAt));
        assertThat(events.get(2).payloadAs(Events.WEBINAR_PUBLISHED).webinarVersion()).isEqualTo(4);
    }

    @Test
    void reorderEmitsWebinarUpdatedOnlyForWebinarsThatMoved() {
        String a = create(unique("oa"), 1);
        String b = create(unique("ob"), 2);
        String c = create(unique("oc"), 3);
        ObjectNode body = object();
        body.putArray("ids").add(a).add(c).add(b); // a stays at 1

        assertThat(post("/api/catalog/webinars/reorder", body).status()).isEqualTo(200);

        assertThat(awaitEvents(c, 1)).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(Events.WEBINAR_UPDATED);
            assertThat(event.payloadAs(Events.WEBINAR_UPDATED).seriesPosition()).isEqualTo(2);
            assertThat(event.payloadAs(Events.WEBINAR_UPDATED).webinarVersion()).isEqualTo(2);
        });
        assertThat(awaitEvents(b, 1)).singleElement().satisfies(event ->
                assertThat(event.payloadAs(Events.WEBINAR_UPDATED).seriesPosition()).isEqualTo(3));
        // a did not move: no write, so no outbox entry to send
        org.bson.Document stored = mongo.findById(a, org.bson.Document.class, "webinars");
        assertThat(stored.getList("outbox", org.bson.Document.class, List.of())).isEmpty();
        assertThat(((Number) stored.get("version")).longValue()).isEqualTo(1);
    }
}
