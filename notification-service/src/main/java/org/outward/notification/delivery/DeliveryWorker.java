package org.outward.notification.delivery;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.outward.platform.web.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The background sender: claims due emails in batches (each email atomically, so several threads and
 * instances can run side by side and never take the same email), sends a batch over one SMTP connection
 * and records each email's outcome. {@code outward.mail.senders} threads, each rescheduled after its pass.
 * It starts only after the whole context (listeners, web server) is up and stops first, finishing the
 * emails in hand.
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
            // A batch is at most batchSize emails: its last lease must not run out while the first ones are sent.
            java.util.List<ClaimedEmail> batch = outbox.claimDue(properties.lease(), limit - handled);
            if (batch.isEmpty()) {
                break;
            }
            deliver(batch);
            handled += batch.size();
        }
        return handled;
    }

    private void deliver(java.util.List<ClaimedEmail> batch) {
        java.util.List<ClaimedEmail> toSend = new java.util.ArrayList<>();
        for (ClaimedEmail email : batch) {
            if (email.attempts() > properties.maxAttempts()) {
                // Only reachable when a sender died holding the last attempt: it may or may not have gone out.
                outbox.markFailed(email, new DeliveryFailure(true, "lease expired during the last attempt"));
                log.warn("email failed key={} kind={} attempts={}: lease expired during the last attempt",
                        email.key(), email.kind(), email.attempts());
            } else {
                toSend.add(email);
            }
        }
        if (toSend.isEmpty()) {
            return;
        }
        java.util.Map<String, Exception> failures = mailer.sendAll(toSend);
        for (ClaimedEmail email : toSend) {
            RequestIds.set(email.correlationId());
            try {
                Exception failure = failures.get(email.key());
                if (failure != null) {
                    failed(email, SmtpFailures.classify(failure));
                } else if (outbox.markSent(email)) {
                    log.info("email sent key={} kind={} recipient={} attempts={}", email.key(), email.kind(),
                            email.recipientId(), email.attempts());
                } else {
                    log.warn("email sent key={} but its claim had been taken over (lease {} too short?)",
                            email.key(), properties.lease());
                }
            } finally {
                RequestIds.set(null);
            }
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
            log.warn("delivery pass failed (will retry): {}", e.toString());
        } catch (Error e) {
            // Never let the sender die silently (a scheduled task's error only ends up in its Future).
            log.error("delivery pass failed (will retry)", e);
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
        java.util.concurrent.atomic.AtomicInteger number = new java.util.concurrent.atomic.AtomicInteger();
        executor = Executors.newScheduledThreadPool(properties.senders(), r -> {
            Thread thread = new Thread(r, "email-sender-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        for (int i = 0; i < properties.senders(); i++) {
            executor.schedule(this::loop, 0, TimeUnit.MILLISECONDS);
        }
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
