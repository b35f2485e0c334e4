package org.outward.platform.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.outward.platform.PlatformAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Dead letters, handled rather than buried, the same way in every service: recorded from the dead-letter topics
 * ({@link DeadLetterRecorder}), listed and replayed by staff at {@code outward.dead-letters.path}
 * ({@link DeadLetterController}), counted in the health detail {@code deadLetters} and the gauge
 * {@value DeadLetters#METRIC}; replays reach only the group that gave up ({@link ReplayFilter}).
 */
@AutoConfiguration(after = PlatformAutoConfiguration.class)
public class DeadLetterAutoConfiguration {

    public static final String LISTENER_FACTORY = "deadLetterListenerFactory";

    @Bean
    DeadLetters deadLetters(MongoTemplate mongo, Clock clock, ObjectProvider<MeterRegistry> meters) {
        return new DeadLetters(mongo, clock, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    DeadLetterRecorder deadLetterRecorder(DeadLetters deadLetters, @Value("${spring.application.name}") String service) {
        return new DeadLetterRecorder(deadLetters, service);
    }

    @Bean
    DeadLetterReplayer deadLetterReplayer(DeadLetters deadLetters, KafkaTemplate<String, String> kafka) {
        return new DeadLetterReplayer(deadLetters, kafka);
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetters deadLetters, DeadLetterReplayer replayer) {
        return new DeadLetterController(deadLetters, replayer);
    }

    @Bean
    DeadLetterHealthIndicator deadLettersHealthIndicator(DeadLetters deadLetters) {
        return new DeadLetterHealthIndicator(deadLetters);
    }

    /** Picked up by Boot's listener container factory (every service listener). */
    @Bean
    ReplayFilter replayFilter() {
        return new ReplayFilter();
    }

    /**
     * The recorder's own containers: a failure (MongoDB away) is retried every 5 s until it works, never
     * dead-lettered itself.
     */
    @Bean(LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> deadLetterListenerFactory(
            ConsumerFactory<Object, Object> consumerFactory) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumerFactory);
        factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(5_000, FixedBackOff.UNLIMITED_ATTEMPTS)));
        return factory;
    }
}
