package org.outward.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.outward.contracts.EventCodec;
import org.outward.contracts.Topics;
import org.outward.platform.errors.ProblemHandler;
import org.outward.platform.health.MongoPingHealthIndicator;
import org.outward.platform.inbox.Inbox;
import org.outward.platform.kafka.EventConsumer;
import org.outward.platform.kafka.KafkaErrorHandling;
import org.outward.platform.outbox.OutboxEvents;
import org.outward.platform.outbox.OutboxProperties;
import org.outward.platform.outbox.OutboxRelay;
import org.outward.platform.proxy.ClientAddressResolver;
import org.outward.platform.proxy.ProxySettings;
import org.outward.platform.web.BodySizeLimitFilter;
import org.outward.platform.web.RequestIdFilter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;

/**
 * Wires the shared plumbing into every service: event codec, outbox relay, inbox dedupe, the Kafka
 * error handler with its dead-letter topics, the request-id filter and the problem+json handler.
 * A service names its outbox collections in {@code outward.outbox.collections} and its own name in
 * {@code spring.application.name} (the events' source).
 */
// Before WebMvc's and Mongo health's auto-configuration: Boot's problem-details handler and its Mongo health
// indicator back off only when ours already exist.
@AutoConfiguration(beforeName = {
        "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
        "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration"})
@EnableConfigurationProperties({OutboxProperties.class, ProxySettings.class})
public class PlatformAutoConfiguration {

    /** The client's address behind the trusted proxies ({@code outward.proxy.*}; none unless configured). */
    @Bean
    @ConditionalOnMissingBean
    ClientAddressResolver clientAddressResolver(ProxySettings settings) {
        return ClientAddressResolver.of(settings);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec(Clock clock) {
        return new EventCodec(clock);
    }

    @Bean
    OutboxEvents outboxEvents(EventCodec codec, @Value("${spring.application.name}") String source) {
        return new OutboxEvents(codec, source);
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties) {
        return new OutboxRelay(mongo, kafka, properties);
    }

    @Bean
    Inbox inbox(MongoTemplate mongo, Clock clock) {
        return new Inbox(mongo, clock);
    }

    @Bean
    EventConsumer eventConsumer(EventCodec codec, Inbox inbox) {
        return new EventConsumer(codec, inbox);
    }

    /**
     * Whatever the configuration says, producers are idempotent and wait for all in-sync replicas
     * (the default was not effective in some 3.x clients, KAFKA-13598), and never block a caller
     * for long when the broker is away: the relay retries instead.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer idempotentProducer() {
        return factory -> factory.updateConfigs(Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000));
    }

    @Bean
    CommonErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> template,
            @Value("${outward.kafka.retry-max-elapsed:30s}") Duration maxElapsed) {
        return KafkaErrorHandling.errorHandler(template, maxElapsed);
    }

    /**
     * Creates every topic (and its dead-letter topic) if missing; a no-op when they exist. The roster topic is
     * compacted instead of expiring: the latest event of each member and library is kept for good, so a consumer that
     * reads it from the start (a new service's roster mirror, the gateway and the identity provider at every start)
     * learns the whole roster, however old. ({@code spring.kafka.admin.modify-topic-configs} brings an existing topic
     * in line.)
     */
    @Bean
    KafkaAdmin.NewTopics outwardTopics(@Value("${outward.kafka.partitions:3}") int partitions,
            @Value("${outward.kafka.replication-factor:1}") short replicas) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .flatMap(topic -> java.util.stream.Stream.of(topic, topic + Topics.DEAD_LETTER_SUFFIX))
                .map(topic -> {
                    TopicBuilder builder = TopicBuilder.name(topic).partitions(partitions).replicas(replicas);
                    return topic.equals(Topics.CATALOG_ROSTER) ? builder.compact().build() : builder.build();
                })
                .toArray(NewTopic[]::new));
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Named like Boot's, which then backs off; see {@link MongoPingHealthIndicator} for why. */
    @Bean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    /** Right after the request-id filter, so a 413 carries the request id. */
    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            @Value("${outward.web.max-body-size:1MB}") DataSize maxBodySize,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(maxBodySize.toBytes(), resolver));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    ProblemHandler problemHandler() {
        return new ProblemHandler();
    }
}
