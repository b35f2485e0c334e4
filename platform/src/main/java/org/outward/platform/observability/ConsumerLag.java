package org.outward.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.outward.platform.lifecycle.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Consumer lag of this service's consumer groups, per topic and partition, as the broker sees it (committed
 * offset against the log end): {@code outward_kafka_consumer_lag{group,topic,partition}}. Measured with the
 * admin client every {@code interval}, so it is right even for partitions this instance does not own (every
 * instance of a service reports the same figures: aggregate with max, not sum). The Kafka client's own
 * {@code records-lag} metrics only cover the partitions an instance fetches, and only after a refresh.
 */
public class ConsumerLag extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);

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
        Set<String> groups = listeners.getListenerContainers().stream()
                .map(MessageListenerContainer::getGroupId).filter(g -> g != null)
                .collect(Collectors.toCollection(TreeSet::new));
        Map<TopicPartitionOfGroup, Long> result = new java.util.LinkedHashMap<>();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            if (committed.isEmpty()) {
                continue;
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                    committed.keySet().stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                    .all().get(10, TimeUnit.SECONDS);
            committed.forEach((partition, offset) -> {
                ListOffsetsResult.ListOffsetsResultInfo end = ends.get(partition);
                if (offset != null && end != null) {
                    result.put(new TopicPartitionOfGroup(group, partition.topic(), partition.partition()),
                            Math.max(0, end.offset() - offset.offset()));
                }
            });
        }
        return result;
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
