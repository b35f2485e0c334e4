package org.outward.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.outward.platform.lifecycle.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Consumer lag of this service's consumer groups, per topic and partition, as the broker sees it:
 * {@code outward_kafka_consumer_lag{group,topic,partition}}. It covers every partition of every topic a group's
 * listeners consume (named topics, topics matching a listener's pattern, explicitly assigned partitions), not
 * only the partitions the group has committed on: a group stuck before its first commit must show its backlog.
 * Lag is the log end offset minus the group's committed offset; where the group has committed nothing on a
 * partition (or its commit points before records that retention already deleted), it is the log end minus the
 * partition's beginning offset, which is where the services' consumers start ({@code auto-offset-reset:
 * earliest}): the records still on the broker that the group has not consumed.
 * <p>
 * Measured with the admin client every {@code interval}, so it is right even for partitions this instance does
 * not own (every instance of a service reports the same figures: aggregate with max, not sum). The Kafka client's
 * own {@code records-lag} metrics only cover the partitions an instance fetches, and only after a refresh.
 */
public class ConsumerLag extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);
    private static final long TIMEOUT_SECONDS = 10;

    private final Map<String, Object> adminConfig;
    private final KafkaListenerEndpointRegistry listeners;
    private final Duration interval;
    private final MultiGauge lag;
    private Admin admin;

    public ConsumerLag(Map<String, Object> adminConfig, KafkaListenerEndpointRegistry listeners, MeterRegistry registry,
            Duration interval) {
        super("consumer-lag", 1);
        this.adminConfig = adminConfig;
        this.listeners = listeners;
        this.interval = interval;
        this.lag = MultiGauge.builder("outward.kafka.consumer.lag")
                .description("Records of a partition not yet consumed by a consumer group of this service")
                .register(registry);
    }

    /** One measurement of every group of this service's listeners. */
    public Map<TopicPartitionOfGroup, Long> measure() throws Exception {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        Map<String, Set<TopicPartition>> consumed = consumedPartitions();
        Set<TopicPartition> all = consumed.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        if (all.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, Long> ends = offsets(all, OffsetSpec.latest());
        Map<TopicPartition, Long> beginnings = offsets(all, OffsetSpec.earliest());
        Map<TopicPartitionOfGroup, Long> result = new LinkedHashMap<>();
        for (Map.Entry<String, Set<TopicPartition>> group : consumed.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            for (TopicPartition partition : group.getValue()) {
                Long end = ends.get(partition);
                Long beginning = beginnings.get(partition);
                if (end == null || beginning == null) {
                    continue;
                }
                OffsetAndMetadata commit = committed.get(partition);
                long position = commit == null ? beginning : Math.max(beginning, commit.offset());
                result.put(new TopicPartitionOfGroup(group.getKey(), partition.topic(), partition.partition()),
                        Math.max(0, end - position));
            }
        }
        return result;
    }

    /** The partitions each group's listeners consume, of the topics that exist now. */
    private Map<String, Set<TopicPartition>> consumedPartitions() throws Exception {
        Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, Set<String>> topics = new TreeMap<>();
        Map<String, Set<TopicPartition>> partitions = new TreeMap<>();
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            String group = container.getGroupId();
            if (group == null) {
                continue;
            }
            ContainerProperties properties = container.getContainerProperties();
            Set<String> groupTopics = topics.computeIfAbsent(group, g -> new TreeSet<>());
            Set<TopicPartition> groupPartitions = partitions.computeIfAbsent(group, g -> new LinkedHashSet<>());
            if (properties.getTopics() != null) {
                Arrays.stream(properties.getTopics()).filter(existing::contains).forEach(groupTopics::add);
            }
            Pattern pattern = properties.getTopicPattern();
            if (pattern != null) {
                existing.stream().filter(t -> pattern.matcher(t).matches()).forEach(groupTopics::add);
            }
            if (properties.getTopicPartitions() != null) {
                Arrays.stream(properties.getTopicPartitions()).filter(tp -> existing.contains(tp.getTopic()))
                        .forEach(tp -> groupPartitions.add(new TopicPartition(tp.getTopic(), tp.getPartition())));
            }
        }
        Set<String> described = topics.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        Map<String, TopicDescription> descriptions = described.isEmpty() ? Map.of()
                : admin.describeTopics(described).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        topics.forEach((group, names) -> names.forEach(name -> descriptions.get(name).partitions().forEach(
                p -> partitions.get(group).add(new TopicPartition(name, p.partition())))));
        partitions.values().removeIf(Set::isEmpty);
        return partitions;
    }

    private Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> spec)))
                .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    @Override
    protected Duration runOnce() {
        try {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            measure().forEach((key, value) -> rows.add(MultiGauge.Row.of(Tags.of("group", key.group(),
                    "topic", key.topic(), "partition", String.valueOf(key.partition())), value)));
            lag.register(rows, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("could not measure consumer lag (will retry in {}): {}", interval, e.getMessage());
        }
        return interval;
    }

    @Override
    protected Duration pauseAfterFailure() {
        return interval;
    }

    @Override
    public void stop() {
        super.stop();
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }

    public record TopicPartitionOfGroup(String group, String topic, int partition) {
    }
}
