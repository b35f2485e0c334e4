package org.outward.notification.delivery;

import java.time.Duration;
import org.outward.notification.recipient.RosterReadModel;
import org.outward.platform.lifecycle.BackgroundLoop;
import org.outward.platform.observability.TraceContexts;
import org.outward.platform.web.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The background sender: claims due emails in batches (each email atomically, so several threads and
 * instances can run side by side and never take the same email), sends a batch over one SMTP connection
 * and records each email's outcome. {@code outward.mail.senders} threads, each rescheduled after its pass.
 * It starts only after the whole context (listeners, web server) is up and stops first, finishing the
 * emails in hand.
 */
@Component
public class DeliveryWorker extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final EmailOutbox outbox;
    private final SmtpMailer mailer;
    private final DeliveryProperties properties;
    private final RetryPolicy retry;
    private final RosterReadModel roster;
    private final DeliveryMetrics metrics;
    private final TraceContexts traces;

    public DeliveryWorker(EmailOutbox outbox, SmtpMailer mailer, DeliveryProperties properties, RosterReadModel roster,
            DeliveryMetrics metrics, TraceContexts traces) {
        // The email in hand finishes on stop (bounded by the SMTP timeouts); an unfinished one is retried by
        // whoever claims it after its lease.
        super("email-sender", properties.senders());
        this.outbox = outbox;
        this.mailer = mailer;
        this.properties = properties;
        this.retry = RetryPolicy.from(properties);
        this.roster = roster;
        this.metrics = metrics;
        this.traces = traces;
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
        // Queued while they were on the roster, but removed since (an email may wait out an SMTP outage for hours).
        java.util.Set<String> gone = roster.noLongerReachable(batch.stream().map(ClaimedEmail::recipientId).toList());
        for (ClaimedEmail email : batch) {
            if (gone.contains(email.recipientId())) {
                outbox.markCancelled(email, "the recipient is no longer on the roster");
                log.info("email cancelled key={} kind={} recipient={}: no longer on the roster", email.key(),
                        email.kind(), email.recipientId());
            } else if (email.attempts() > properties.maxAttempts()) {
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
        long started = System.nanoTime();
        long startedMicros = TraceContexts.nowMicros();
        java.util.Map<String, Exception> failures = mailer.sendAll(toSend);
        metrics.smtp(java.time.Duration.ofNanos(System.nanoTime() - started), failures.isEmpty());
        long endedMicros = TraceContexts.nowMicros();
        for (ClaimedEmail email : toSend) {
            // Each email's send joins the trace of the event that queued it.
            traces.record(email.traceparent(), "smtp send", java.util.Map.of("outward.email.kind",
                    String.valueOf(email.kind()), "outward.email.attempt", String.valueOf(email.attempts())),
                    startedMicros, endedMicros, failures.get(email.key()));
        }
        for (ClaimedEmail email : toSend) {
            RequestIds.set(email.correlationId());
            try {
                Exception failure = failures.get(email.key());
                if (failure != null) {
                    failed(email, SmtpFailures.classify(failure));
                } else if (outbox.markSent(email)) {
                    metrics.sent(email.kind());
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
            metrics.failed(email.kind());
            log.warn("email failed key={} kind={} recipient={} attempts={} permanent={}: {}", email.key(),
                    email.kind(), email.recipientId(), email.attempts(), failure.permanent(), failure.reason());
        } else {
            Duration wait = retry.backoffAfter(email.attempts());
            outbox.markForRetry(email, failure, wait);
            metrics.retried(email.kind());
            log.info("email deferred key={} kind={} attempts={} retry in {}: {}", email.key(), email.kind(),
                    email.attempts(), wait, failure.reason());
        }
    }

    @Override
    protected Duration runOnce() {
        int handled = deliverDue(properties.batchSize());
        // More may be due behind a full batch: go on at once.
        return handled >= properties.batchSize() ? Duration.ZERO : properties.pollInterval();
    }

    /** MongoDB unreachable or similar: nothing was lost, the emails are still stored. */
    @Override
    protected Duration pauseAfterFailure() {
        return properties.pollInterval();
    }

    @Override
    protected boolean enabled() {
        return properties.senderEnabled();
    }
}
