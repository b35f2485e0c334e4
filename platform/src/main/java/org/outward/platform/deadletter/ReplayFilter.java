package org.outward.platform.deadletter;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * A replayed dead letter is meant for the one consumer group that gave up on it: every other group reading the topic
 * skips it (it processed, or dead-lettered and recorded, the original already).
 */
public class ReplayFilter implements RecordInterceptor<Object, Object> {

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
            Consumer<Object, Object> consumer) {
        Header header = record.headers().lastHeader(DeadLetterReplayer.GROUP_HEADER);
        if (header == null || header.value() == null) {
            return record;
        }
        String target = new String(header.value(), StandardCharsets.UTF_8);
        return target.equals(consumer.groupMetadata().groupId()) ? record : null;
    }
}
