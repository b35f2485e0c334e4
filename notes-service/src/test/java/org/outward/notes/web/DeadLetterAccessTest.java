package org.outward.notes.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.outward.contracts.Topics;
import org.outward.notes.NotesIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * notes-service records what its consumer (the theme engine's group) dead-letters, and only staff may list and
 * replay it: the authorization matrix of the platform's dead-letter routes in this service.
 */
class DeadLetterAccessTest extends NotesIntegrationTest {

    private static final String PATH = "/api/notes/dead-letters";

    @Test
    void aPoisonRecordIsRecordedAndOnlyStaffMaySeeOrReplayIt() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(Topics.NOTES_NOTES, key, "not an event")).get();
        }
        JsonNode letter = await().atMost(Duration.ofSeconds(60)).until(() -> find(key), java.util.Objects::nonNull);
        assertThat(letter.get("topic").asString()).isEqualTo(Topics.NOTES_NOTES);
        assertThat(letter.get("group").asString()).isEqualTo("notes-service-themes");
        assertThat(letter.get("reason").asString()).contains("malformed event JSON");

        String member = memberOf(newLibraryId());
        for (String[] route : new String[][] {{"GET", PATH}, {"POST", PATH + "/replay?topic=outward.none"},
                {"POST", PATH + "/" + letter.get("id").asString() + "/replay"}}) {
            assertThat(send(route[0], route[1], null, null, null, null).statusCode()).as("%s anonymous", route[1])
                    .isEqualTo(401);
            assertThat(send(route[0], route[1], member, null, null, null).statusCode()).as("%s member", route[1])
                    .isEqualTo(403);
        }
        assertThat(send("POST", PATH + "/replay?topic=outward.none", staff(), null, null, null).statusCode())
                .isEqualTo(200);
        assertThat(send("POST", PATH + "/no-such-id/replay", staff(), null, null, null).statusCode()).isEqualTo(404);
        HttpResponse<String> replayed = send("POST", PATH + "/" + letter.get("id").asString() + "/replay", staff(),
                null, null, null);
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(json(replayed).get("status").asString()).isEqualTo("replayed");
    }

    private JsonNode find(String key) throws Exception {
        HttpResponse<String> list = get(PATH + "?status=all&size=100");
        assertThat(list.statusCode()).isEqualTo(200);
        for (JsonNode item : json(list).get("items")) {
            if (key.equals(item.path("key").asString(null))) {
                return item;
            }
        }
        return null;
    }
}
