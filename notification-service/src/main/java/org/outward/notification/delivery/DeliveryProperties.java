package org.outward.notification.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param from            the From header, for example {@code Outward <no-reply@outward.local>}
 * @param messageIdDomain right-hand side of the Message-IDs this service makes
 * @param senderEnabled   whether this instance runs the background sender
 * @param pollInterval    pause between looks for due emails when none was due
 * @param lease           how long a claimed email belongs to its sender; must be longer than the worst time one email
 *                        can take with the SMTP timeouts (checked at start), renewed per email while a batch is sent
 * @param initialBackoff  wait after the first failed attempt; doubles with every further one
 * @param maxBackoff      the longest wait between attempts
 * @param maxAttempts     attempts before an email is given up as FAILED
 * @param batchSize       emails claimed at once by one sender, then sent one by one over its connection
 * @param connections     parallel SMTP connections of this instance: one sender thread each, kept open between
 *                        emails
 * @param connectionIdleTimeout a kept connection unused this long is closed rather than reused
 */
@ConfigurationProperties("outward.mail")
public record DeliveryProperties(
        String from,
        String messageIdDomain,
        Boolean senderEnabled,
        Duration pollInterval,
        Duration lease,
        Duration initialBackoff,
        Duration maxBackoff,
        Integer maxAttempts,
        Integer batchSize,
        Integer connections,
        Duration connectionIdleTimeout) {

    public DeliveryProperties {
        from = from == null || from.isBlank() ? "Outward <no-reply@outward.local>" : from;
        messageIdDomain = messageIdDomain == null || messageIdDomain.isBlank() ? "outward.local" : messageIdDomain;
        senderEnabled = senderEnabled == null || senderEnabled;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        lease = lease == null ? Duration.ofMinutes(5) : lease;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
        maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        batchSize = batchSize == null ? 50 : batchSize;
        connections = connections == null || connections < 1 ? 4 : connections;
        connectionIdleTimeout = connectionIdleTimeout == null ? Duration.ofSeconds(30) : connectionIdleTimeout;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("outward.mail.max-attempts must be at least 1");
        }
    }
}
