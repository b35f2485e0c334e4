package org.outward.notification.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param from            the From header, for example {@code Outward <no-reply@outward.local>}
 * @param messageIdDomain right-hand side of the Message-IDs this service makes
 * @param senderEnabled   whether this instance runs the background sender
 * @param pollInterval    pause between looks for due emails when none was due
 * @param lease           how long a claimed email belongs to its sender; longer than any SMTP timeout
 * @param initialBackoff  wait after the first failed attempt; doubles with every further one
 * @param maxBackoff      the longest wait between attempts
 * @param maxAttempts     attempts before an email is given up as FAILED
 * @param batchSize       emails claimed and sent over one SMTP connection per pass
 * @param senders         sender threads of this instance (each claims its own emails)
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
        Integer senders) {

    public DeliveryProperties {
        from = from == null || from.isBlank() ? "Outward <no-reply@outward.local>" : from;
        messageIdDomain = messageIdDomain == null || messageIdDomain.isBlank() ? "outward.local" : messageIdDomain;
        senderEnabled = senderEnabled == null || senderEnabled;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
        maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        batchSize = batchSize == null ? 50 : batchSize;
        senders = senders == null || senders < 1 ? 2 : senders;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("outward.mail.max-attempts must be at least 1");
        }
    }
}
