package org.outward.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.outward.contracts.EventCodec;
import org.outward.contracts.Events;
import org.outward.contracts.Topics;
import org.outward.contracts.catalog.MemberAdded;
import org.outward.platform.test.TcpProxy;
import org.outward.platform.web.RequestIds;
import org.outward.platform.test.TestMongo;
import org.outward.platform.test.TopicProbe;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The relay against a real broker that is not there at first: the change is stored with its event, the
 * relay keeps trying, and once the broker is up the event is published exactly once and leaves the outbox.
 */
class OutboxRelayTest {

    private static int kafkaPort;
    private static MongoTemplate mongo;
    private static KafkaTemplate<String, String> kafka;
    private static OutboxRelay relay;
    private static EmbeddedKafkaKraftBroker broker;
    private static TcpProxy kafkaAddress;

    @BeforeAll
    static void setUp() throws Exception {
        // The producer's bootstrap address: nothing listens there until the test opens it.
        kafkaPort = TcpProxy.freePort();
        broker = new EmbeddedKafkaKraftBroker(1, 1, Topics.CATALOG_ROSTER);
        broker.afterPropertiesSet();
        String[] real = broker.getBrokersAsString().split(",")[0].split(":");
        kafkaAddress = new TcpProxy(kafkaPort, real[0], Integer.parseInt(real[1]));
        String uri = TestMongo.uniqueUri();
        mongo = new MongoTemplate(MongoClients.create(uri), uri.substring(uri.lastIndexOf('/') + 1));
        kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + kafkaPort,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));
        relay = new OutboxRelay(mongo, kafka, new OutboxProperties(List.of("members"), Duration.ofMillis(100),
                Duration.ofSeconds(2), Duration.ofMillis(500), 10));
    }

    @AfterAll
    static void tearDown() throws Exception {
        relay.stop();
        kafkaAddress.close();
        kafka.destroy();
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void anEventWrittenWhileKafkaIsDownArrivesExactlyOnceWhenItIsBack() throws Exception {
        OutboxEvents events = new OutboxEvents(new EventCodec(), "catalog-service");
        RequestIds.set("req-42"); // as the request filter does
        OutboxEntry entry = events.entry(Events.MEMBER_ADDED, "m-1",
                new MemberAdded("m-1", "a@lib.example", "Ann", MemberAdded.ROLE_LIBRARY_MEMBER, "l-1", "c-1", "Lead"));
        RequestIds.set(null);
        mongo.insert(OutboxEvents.attach(new Document("_id", "m-1").append("email", "a@lib.example"), List.of(entry)),
                "members");

        assertThat(relay.relayOnce()).as("Kafka is down: nothing published").isEqualTo(-1);
        assertThat(pending()).as("the event is kept").hasSize(1);
        relay.start();

        kafkaAddress.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> pending().isEmpty());
        try (TopicProbe probe = new TopicProbe(broker.getBrokersAsString(), Topics.CATALOG_ROSTER)) {
            // Waits for the event however slow the machine, then a moment more for a duplicate that must not come.
            probe.await(r -> r.key().equals("m-1"), 1, Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> records = probe.drain(Duration.ofSeconds(3));
            assertThat(records).hasSize(1);
            assertThat(records.get(0).key()).isEqualTo("m-1");
            assertThat(records.get(0).value()).isEqualTo(entry.payload());
            assertThat(RequestIds.fromKafkaHeaders(records.get(0).headers())).isEqualTo("req-42");
        }
        assertThat(mongo.findById("m-1", Document.class, "members")).containsEntry("email", "a@lib.example");

        // A stopped relay can be started again (Spring pauses and restarts lifecycles, e.g. between test contexts).
        relay.stop();
        relay.start();
        OutboxEntry second = events.entry(Events.MEMBER_ADDED, "m-2",
                new MemberAdded("m-2", "b@lib.example", "Bo", MemberAdded.ROLE_LIBRARY_MEMBER, "l-1", "c-1", null));
        mongo.insert(OutboxEvents.attach(new Document("_id", "m-2"), List.of(second)), "members");
        try (TopicProbe probe = new TopicProbe(broker.getBrokersAsString(), Topics.CATALOG_ROSTER)) {
            assertThat(probe.await(r -> r.key().equals("m-2"), 1, Duration.ofSeconds(30))).hasSize(1);
        }
    }

    private static List<Document> pending() {
        Document doc = mongo.findOne(Query.query(Criteria.where("_id").is("m-1")), Document.class, "members");
        return doc == null ? List.of() : doc.getList(OutboxEntry.FIELD, Document.class, List.of());
    }
}
