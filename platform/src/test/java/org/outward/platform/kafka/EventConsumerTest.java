package org.outward.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClients;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.outward.platform.observability.EventMetrics;
import org.outward.contracts.DecodedEvent;
import org.outward.contracts.EventCodec;
import org.outward.contracts.Events;
import org.outward.contracts.InvalidEventException;
import org.outward.contracts.Topics;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.platform.inbox.Inbox;
import org.outward.platform.test.TestMongo;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Dedupe by event id against a real MongoDB wire server, and refusal of records that can never be processed. */
class EventConsumerTest {

    private final EventCodec codec = new EventCodec();
    private final MongoTemplate mongo = mongo();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EventConsumer consumer = new EventConsumer(codec, new Inbox(mongo, java.time.Clock.systemUTC()),
            new EventMetrics(registry));
    private final List<DecodedEvent<?>> handled = new ArrayList<>();

    private static MongoTemplate mongo() {
        String uri = TestMongo.uniqueUri();
        return new MongoTemplate(MongoClients.create(uri), uri.substring(uri.lastIndexOf('/') + 1));
    }

    private String memberAdded(String memberId) {
        return codec.encode(codec.envelope(Events.MEMBER_ADDED, "catalog-service", memberId, "req-1",
                new MemberAdded(memberId, "x@lib.example", "X", MemberAdded.ROLE_LIBRARY_MEMBER, "l", "c", null)));
    }

    private static ConsumerRecord<String, String> record(String key, String value, long offset) {
        return new ConsumerRecord<>(Topics.CATALOG_ROSTER, 0, offset, key, value);
    }

    @Test
    void aRedeliveredEventIsHandledOnce() {
        String value = memberAdded("m-1");

        consumer.consume(record("m-1", value, 0), handled::add);
        consumer.consume(record("m-1", value, 0), handled::add);

        assertThat(handled).hasSize(1);
        assertThat(handled.get(0).payloadAs(Events.MEMBER_ADDED).memberId()).isEqualTo("m-1");
        assertThat(mongo.getCollection(Inbox.COLLECTION).countDocuments()).isEqualTo(1);
        // outward_events_consumed_total{topic,outcome}: one processed, one skipped as a duplicate.
        assertThat(registry.get("outward.events.consumed").tag("topic", Topics.CATALOG_ROSTER)
                .tag("outcome", "processed").counter().count()).isEqualTo(1);
        assertThat(registry.get("outward.events.consumed").tag("topic", Topics.CATALOG_ROSTER)
                .tag("outcome", "duplicate").counter().count()).isEqualTo(1);
    }

    @Test
    void anEventWhoseHandlerFailedIsHandledAgainOnRedelivery() {
        String value = memberAdded("m-2");

        assertThatThrownBy(() -> consumer.consume(record("m-2", value, 0), event -> {
            throw new IllegalStateException("database away");
        })).isInstanceOf(IllegalStateException.class);
        consumer.consume(record("m-2", value, 0), handled::add);

        assertThat(handled).hasSize(1);
    }

    @Test
    void poisonRecordsAreRefusedAndNotRecorded() {
        assertThatThrownBy(() -> consumer.consume(record("m-3", "{oops", 0), handled::add))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> consumer.consume(record("another-key", memberAdded("m-3"), 1), handled::add))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("differs from subject");
        assertThat(handled).isEmpty();
    }

    @Test
    void anEventOfATypeOrVersionThisBuildDoesNotKnowIsSkippedAndCountedNotRefused() {
        String newer = memberAdded("m-4").replace("\"version\":1", "\"version\":2");
        String unknown = memberAdded("m-5").replace("\"MemberAdded\"", "\"MemberRenamed\"");

        consumer.consume(record("m-4", newer, 0), handled::add);
        consumer.consume(record("m-5", unknown, 1), handled::add);

        assertThat(handled).isEmpty();
        assertThat(registry.counter(EventMetrics.SKIPPED, "topic", Topics.CATALOG_ROSTER).count()).isEqualTo(2);
        assertThat(mongo.getCollection(Inbox.COLLECTION).countDocuments()).isZero();
    }
}
