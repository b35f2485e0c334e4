package org.outward.notification.delivery;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.outward.platform.web.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * The background sender: claims due emails one at a time (atomically, so several instances can run
 * side by side and never take the same email), sends each over SMTP and records the outcome. One
 * thread, rescheduled after each pass, so passes never overlap within an instance. It starts only
 * after the whole context (listeners, web server) is up and stops first, finishing the email in hand.
 */
@Component
public class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final EmailOutbox outbox;
    private final SmtpMailer mailer;
    private final DeliveryProperties properties;
    private final RetryPolicy retry;
    private volatile boolean running;
    private ScheduledExecutorService executor;

    public DeliveryWorker(EmailOutbox outbox, SmtpMailer mailer, DeliveryProperties properties) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.properties = properties;
        this.retry = RetryPolicy.from(properties);
    }

    /**
     * Sends due emails until none is due or {@code limit} were handled.
     *
     * @return how many emails were attempted
     */
    public int deliverDue(int limit) {
        int handled = 0;
        while (handled < limit) {
            Optional<ClaimedEmail> claimed = outbox.claimNext(properties.lease());
            if (claimed.isEmpty()) {
                break;
            }
            deliver(claimed.get());
            handled++;
        }
        return handled;
    }

    private void deliver(ClaimedEmail email) {
        RequestIds.set(email.correlationId());
        try {
            if (email.attempts() > properties.maxAttempts()) {
                // Only reachable when a sender died holding the last attempt: it may or may not have gone out.
                outbox.markFailed(email, new DeliveryFailure(true, "lease expired during the last attempt"));
                log.warn("email failed key={} kind={} attempts={}: lease expired during the last attempt",
                        email.key(), email.kind(), email.attempts());
                return;
            }
            try {
                mailer.send(email);
            } catch (MailException e) {
                failed(email, SmtpFailures.classify(e));
                return;
            }
            if (outbox.markSent(email)) {
                log.info("email sent key={} kind={} recipient={} attempts={}", email.key(), email.kind(),
                        email.recipientId(), email.attempts());
            } else {
                log.warn("email sent key={} but its claim had been taken over (lease {} too short?)", email.key(),
                        properties.lease());
            }
        } finally {
            RequestIds.set(null);
        }
    }

    private void failed(ClaimedEmail email, DeliveryFailure failure) {
        if (failure.permanent() || retry.exhausted(email.attempts())) {
            outbox.markFailed(email, failure);
            log.warn("email failed key={} kind={} recipient={} attempts={} permanent={}: {}", email.key(),
                    email.kind(), email.recipientId(), email.attempts(), failure.permanent(), failure.reason());
        } else {
            Duration wait = retry.backoffAfter(email.attempts());
            outbox.markForRetry(email, failure, wait);
            log.info("email deferred key={} kind={} attempts={} retry in {}: {}", email.key(), email.kind(),
                    email.attempts(), wait, failure.reason());
        }
    }

    private void loop() {
        if (!running) {
            return;
        }
        long next = properties.pollInterval().toMillis();
        try {
            int handled = deliverDue(properties.batchSize());
            if (handled >= properties.batchSize()) {
                next = 0; // more may be due: go on at once
            }
        } catch (RuntimeException e) {
            // MongoDB unreachable or similar: nothing was lost, the emails are still stored.
            log.warn("delivery pass failed (will retry): {}", e.getMessage());
        } finally {
            MDC.clear();
        }
        if (running) {
            executor.schedule(this::loop, next, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void start() {
        if (!properties.senderEnabled()) {
            log.info("email sender disabled (outward.mail.sender-enabled=false)");
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "email-sender");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        executor.schedule(this::loop, 0, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            executor.shutdown();
            try {
                // The email in hand finishes (bounded by the SMTP timeouts); an unfinished one is retried
                // by whoever claims it after its lease.
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
