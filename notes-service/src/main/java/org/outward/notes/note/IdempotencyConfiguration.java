package org.outward.notes.note;

import java.time.Duration;
import org.outward.platform.retention.RetentionRule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Upload idempotency keys and how long they are kept (docs/retention.md). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencyProperties.class)
class IdempotencyConfiguration {

    @Bean
    RetentionRule uploadKeysRetention(IdempotencyProperties properties,
            @Value("${outward.retention.idempotency-keys:24h}") Duration keep) {
        Duration minimum = Duration.ofHours(1).compareTo(properties.staleAfter().multipliedBy(2)) > 0
                ? Duration.ofHours(1) : properties.staleAfter().multipliedBy(2);
        if (keep.compareTo(minimum) < 0) {
            throw new IllegalArgumentException("outward.retention.idempotency-keys (" + keep + ") must be at least "
                    + minimum + ": a client's retry after a timeout must still find its key");
        }
        return new RetentionRule(UploadKeys.COLLECTION, "createdAt", keep);
    }
}
