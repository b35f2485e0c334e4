package org.outward.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A replayed dead letter reaches only the consumer group that gave up on it; other records pass untouched. */
class ReplayFilterTest {

    private final ReplayFilter filter = new ReplayFilter();

    @Test
    void onlyTheNamedGroupTakesAReplay() {
        ConsumerRecord<Object, Object> replay = new ConsumerRecord<>("outward.notes.notes", 0, 7, "k", "v");
        replay.headers().add(DeadLetterReplayer.GROUP_HEADER, "notification-service".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<Object, Object> plain = new ConsumerRecord<>("outward.notes.notes", 0, 8, "k", "v");

        assertThat(filter.intercept(replay, consumerOf("notification-service"))).isSameAs(replay);
        assertThat(filter.intercept(replay, consumerOf("notes-service-themes"))).isNull();
        assertThat(filter.intercept(plain, consumerOf("notes-service-themes"))).isSameAs(plain);
    }

    @SuppressWarnings("unchecked")
    private static Consumer<Object, Object> consumerOf(String group) {
        Consumer<Object, Object> consumer = mock(Consumer.class);
        when(consumer.groupMetadata()).thenReturn(new ConsumerGroupMetadata(group));
        return consumer;
    }
}
