package org.outward.catalog.webinar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.outward.catalog.support.CatalogIntegrationTest;
import org.outward.contracts.DecodedEvent;
import org.outward.contracts.Events;
import org.outward.contracts.Topics;
import org.outward.contracts.catalog.LinkData;
import org.outward.contracts.catalog.ResourceData;
import org.outward.contracts.catalog.WebinarPublished;
import tools.jackson.databind.JsonNode;

class WebinarEventsTest extends CatalogIntegrationTest {

    @Test
    void publishingEmitsOneWebinarPublishedKeyedByTheWebinar() {
        clock.set(Instant.parse("2026-04-01T12:00:00Z"));
        String slug = unique("event");
        String id = post("/api/catalog/webinars", WebinarRequests.valid(slug, 3, "Community conversations"))
                .json().path("id").asString();
        Instant publishedAt = clock.advance(Duration.ofMinutes(5));
        String requestId = unique("req");

        Response published = postEmpty("/api/catalog/webinars/" + id + "/publish", "X-Request-Id", requestId);
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.header("X-Request-Id")).isEqualTo(requestId);

        List<ConsumerRecord<String, String>> records =
                probe().await(r -> id.equals(r.key()), 1, EVENT_TIMEOUT);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(record.topic()).isEqualTo(Topics.CATALOG_WEBINARS);
        DecodedEvent<?> event = codec.decode(record.value());
        assertThat(event.type()).isEqualTo(Events.WEBINAR_PUBLISHED);
        assertThat(event.envelope().subject()).isEqualTo(id);
        assertThat(event.envelope().source()).isEqualTo("catalog-service");
        assertThat(event.envelope().correlationId()).isEqualTo(requestId);
        assertThat(event.envelope().occurredAt()).isEqualTo(publishedAt);
        assertThat(new String(record.headers().lastHeader("x-event-id").value(), StandardCharsets.UTF_8))
                .isEqualTo(event.envelope().id().toString());

        WebinarPublished payload = event.payloadAs(Events.WEBINAR_PUBLISHED);
        assertThat(payload.webinarId()).isEqualTo(id);
        assertThat(payload.slug()).isEqualTo(slug);
        assertThat(payload.title()).isEqualTo("Community conversations");
        assertThat(payload.summary()).startsWith("How to turn outward");
        assertThat(payload.topics()).containsExactly("turning-outward", "community-conversations");
        assertThat(payload.seriesPosition()).isEqualTo(3);
        assertThat(payload.durationMinutes()).isEqualTo(60);
        assertThat(payload.recordings())
                .containsExactly(new LinkData("YouTube", "https://www.youtube.com/watch?v=abc123"));
        assertThat(payload.resources()).containsExactly(
                new ResourceData("ask-exercise-worksheet", "Ask exercise worksheet", "worksheet", "https://example.org/ask.pdf"),
                new ResourceData("facilitator-guide", "Facilitator guide", "facilitator-guide", "http://example.org/guide.pdf"));
        assertThat(payload.webinarVersion()).isEqualTo(2);
        assertThat(payload.publishedAt()).isEqualTo(publishedAt);

        // The relay removes the entry once Kafka has it.
        awaitOutboxEmpty(id);

        // Publishing again writes nothing, so there is nothing to relay ...
        assertThat(postEmpty("/api/catalog/webinars/" + id + "/publish").status()).isEqualTo(200);
        assertThat(pendingOutbox(id)).isEmpty();

        // ... and once a later event on the same (single-partition) topic has arrived, none came before it.
        publishMarker();
        assertThat(recordsSeen(id)).hasSize(1);
    }

    @Test
    void creatingADraftEmitsNothing() {
        String id = post("/api/catalog/webinars", WebinarRequests.valid(unique("quiet"))).json().path("id").asString();

        assertThat(pendingOutbox(id)).isEmpty();
        publishMarker();
        assertThat(recordsSeen(id)).isEmpty();
    }

    private void publishMarker() {
        JsonNode marker = post("/api/catalog/webinars", WebinarRequests.valid(unique("marker"))).json();
        String markerId = marker.path("id").asString();
        assertThat(postEmpty("/api/catalog/webinars/" + markerId + "/publish").status()).isEqualTo(200);
        assertThat(awaitEvents(markerId, 1)).hasSize(1);
    }

    private List<Document> pendingOutbox(String id) {
        return mongo.findById(id, Document.class, "webinars").getList("outbox", Document.class, List.of());
    }

    private void awaitOutboxEmpty(String id) {
        await().atMost(EVENT_TIMEOUT).until(() -> pendingOutbox(id).isEmpty());
    }
}
