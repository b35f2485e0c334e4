package org.outward.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpoint;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.kafka.support.converter.MessageConverter;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Consumer lag against a real broker, for groups whose listeners are registered but not running, the state of a
 * group stuck before its first commit: every partition of the topics a group consumes is reported, counted from
 * the committed offset where there is one and from the partition's beginning where there is none.
 */
class ConsumerLagTest {

    private static final String FRESH = "lag.fresh";
    private static final String PARTIAL = "lag.partial";
    private static final String DEAD = "lag.fresh.DLT";

    private static EmbeddedKafkaKraftBroker broker;
    private static Admin admin;
    private static ConsumerLag lag;

    @BeforeAll
    static void setUp() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, 3, FRESH, PARTIAL);
        broker.afterPropertiesSet();
        broker.addTopics(new NewTopic(DEAD, 1, (short) 1));
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            // Three records on partition 0, two on partition 1, none on partition 2, for both topics.
            for (String topic : List.of(FRESH, PARTIAL)) {
                for (int i = 0; i < 3; i++) {
                    producer.send(new ProducerRecord<>(topic, 0, "k", "r" + i)).get();
                }
                for (int i = 0; i < 2; i++) {
                    producer.send(new ProducerRecord<>(topic, 1, "k", "r" + i)).get();
                }
            }
            producer.send(new ProducerRecord<>(DEAD, 0, "k", "dead")).get();
        }
        // The partial group committed on partition 0 only; retention (here deleteRecords) dropped the first
        // record of partition 1, which the group never read.
        admin.alterConsumerGroupOffsets("partial",
                Map.of(new TopicPartition(PARTIAL, 0), new OffsetAndMetadata(1))).all().get();
        admin.deleteRecords(Map.of(new TopicPartition(PARTIAL, 1), RecordsToDelete.beforeOffset(1))).all().get();

        KafkaListenerEndpointRegistry registry = new KafkaListenerEndpointRegistry();
        ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class)));
        registry.registerListenerContainer(new Endpoint("fresh", "fresh", List.of(FRESH), null), factory, false);
        registry.registerListenerContainer(new Endpoint("partial", "partial", List.of(PARTIAL), null), factory,
                false);
        registry.registerListenerContainer(new Endpoint("dead", "dead", List.of(), Pattern.compile("lag\\..*\\.DLT")),
                factory, false);
        lag = new ConsumerLag(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                registry, new SimpleMeterRegistry(), Duration.ofMinutes(1));
    }

    @AfterAll
    static void tearDown() {
        lag.stop();
        admin.close();
        broker.destroy();
    }

    @Test
    void aGroupThatHasCommittedNothingShowsEveryRecordOfEveryPartitionAsLag() throws Exception {
        assertThat(lagOf("fresh")).isEqualTo(Map.of(FRESH + "-0", 3L, FRESH + "-1", 2L, FRESH + "-2", 0L));
    }

    @Test
    void lagCountsFromTheCommitWhereThereIsOneAndFromTheBeginningOfWhatIsLeftElsewhere() throws Exception {
        assertThat(lagOf("partial")).isEqualTo(Map.of(PARTIAL + "-0", 2L, PARTIAL + "-1", 1L, PARTIAL + "-2", 0L));
    }

    @Test
    void aPatternListenerCoversTheMatchingTopicsOnly() throws Exception {
        assertThat(lagOf("dead")).isEqualTo(Map.of(DEAD + "-0", 1L));
    }

    private static Map<String, Long> lagOf(String group) throws Exception {
        Map<String, Long> result = new TreeMap<>();
        lag.measure().forEach((key, value) -> {
            if (key.group().equals(group)) {
                result.put(key.topic() + "-" + key.partition(), value);
            }
        });
        return result;
    }

    /** A listener endpoint without a handler method: only its group and topics matter here. */
    private record Endpoint(String id, String groupId, Collection<String> topics, Pattern topicPattern)
            implements KafkaListenerEndpoint {

        @Override
        public String getId() {
            return id;
        }

        @Override
        public String getGroupId() {
            return groupId;
        }

        @Override
        public String getGroup() {
            return null;
        }

        @Override
        public Collection<String> getTopics() {
            return topics;
        }

        @Override
        public TopicPartitionOffset[] getTopicPartitionsToAssign() {
            return null;
        }

        @Override
        public Pattern getTopicPattern() {
            return topicPattern;
        }

        @Override
        public String getClientIdPrefix() {
            return null;
        }

        @Override
        public Integer getConcurrency() {
            return 1;
        }

        @Override
        public Boolean getAutoStartup() {
            return false;
        }

        @Override
        public void setupListenerContainer(MessageListenerContainer container, MessageConverter converter) {
            container.setupMessageListener((MessageListener<String, String>) record -> { });
        }

        @Override
        public boolean isSplitIterables() {
            return false;
        }
    }
}
