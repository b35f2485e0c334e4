package org.outward.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.outward.notification.recipient.RosterReadModel;
import org.outward.platform.lifecycle.BackgroundLoop;
import org.outward.platform.observability.TraceContexts;
import org.outward.platform.web.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The background sender: one loop claims a batch of due emails (each email atomically, so instances never take the
 * same one) and hands it to {@code outward.mail.connections} senders, each sending over a kept SMTP connection of its
 * own, one email at a time, recording each outcome as soon as it is known. Before each email the lease is renewed
 * when less than the worst SMTP time is left, and right before the server takes the email its claim is checked
 * once more ({@link EmailOutbox#commit}): a sender whose claim was taken over never sends. One claimer rather than
 * one per connection: the due-query then runs once per batch instead of once per connection, and the connections
 * do not race each other for the same emails. It starts after the whole context (listeners, web server) is up and
 * stops first, finishing the emails in hand.
 */
@Component
public class DeliveryWorker extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final EmailOutbox outbox;
    private final SmtpMailer mailer;
    private final DeliveryProperties properties;
    private final RetryPolicy retry;
    private final List<FailedEmailListener> failedListeners;
    private final RosterReadModel roster;
    private final Clock clock;
    private final DeliveryMetrics metrics;
    private final TraceContexts traces;
    private final Duration worstCaseSend;
    private volatile long nextSettle;
    private volatile ExecutorService senders;

    public DeliveryWorker(EmailOutbox outbox, SmtpMailer mailer, SmtpConnections connections,
            DeliveryProperties properties, List<FailedEmailListener> failedListeners, RosterReadModel roster,
            Clock clock, DeliveryMetrics metrics, TraceContexts traces) {
        super("email-sender", 1);
        this.outbox = outbox;
        this.mailer = mailer;
        this.properties = properties;
        this.retry = RetryPolicy.from(properties);
        this.failedListeners = failedListeners;
        this.roster = roster;
        this.clock = clock;
        this.metrics = metrics;
        this.traces = traces;
        this.worstCaseSend = connections.worstCaseSend();
        if (properties.lease().compareTo(worstCaseSend) <= 0) {
            // A lease that can run out while one email is with the server would have it settled as in doubt (or
            // re-claimed) under a sender that is merely slow.
            throw new IllegalStateException("outward.mail.lease (" + properties.lease() + ") must be longer than the "
                    + "worst time one email can take with the SMTP timeouts (" + worstCaseSend + ")");
        }
    }

    /**
     * Sends due emails until none is due or {@code limit} were handled.
     *
     * @return how many emails were attempted
     */
    public int deliverDue(int limit) {
        settleInDoubtNowAndThen();
        int handled = 0;
        while (handled < limit) {
            List<ClaimedEmail> batch = outbox.claimDue(properties.lease(), Math.min(properties.batchSize(),
                    limit - handled));
            if (batch.isEmpty()) {
                break;
            }
            sendAll(batch);
            handled += batch.size();
        }
        return handled;
    }

    /** Over up to {@code connections} connections at once; sequentially when the loop is not running (tests). */
    private void sendAll(List<ClaimedEmail> claimed) {
        List<ClaimedEmail> batch = withoutTheGone(claimed);
        ExecutorService pool = senders;
        int parallel = Math.min(properties.connections(), batch.size());
        if (pool == null || parallel <= 1) {
            batch.forEach(this::deliver);
            return;
        }
        Queue<ClaimedEmail> queue = new ConcurrentLinkedQueue<>(batch);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            running.add(pool.submit(() -> {
                ClaimedEmail email;
                while ((email = queue.poll()) != null) {
                    deliver(email);
                }
            }));
        }
        for (Future<?> sender : running) {
            try {
                sender.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                // One sender's database error: its emails stay claimed and are retried after their lease.
                log.warn("a sender failed: {}", e.getCause().toString());
            }
        }
    }

    /** Queued while they were on the roster, but removed since (an email may wait out an SMTP outage for hours). */
    private List<ClaimedEmail> withoutTheGone(List<ClaimedEmail> batch) {
        java.util.Set<String> gone = roster.noLongerReachable(batch.stream().map(ClaimedEmail::recipientId).toList());
        if (gone.isEmpty()) {
            return batch;
        }
        List<ClaimedEmail> rest = new ArrayList<>();
        for (ClaimedEmail email : batch) {
            if (gone.contains(email.recipientId())) {
                outbox.markCancelled(email, "the recipient is no longer on the roster");
                log.info("email cancelled key={} kind={} recipient={}: no longer on the roster", email.key(),
                        email.kind(), email.recipientId());
            } else {
                rest.add(email);
            }
        }
        return rest;
    }

    private void deliver(ClaimedEmail claimed) {
        RequestIds.set(claimed.correlationId());
        try {
            if (claimed.attempts() > properties.maxAttempts()) {
                // Its senders died before sending it, max-attempts times over: give up like any exhausted email.
                failed(claimed, new DeliveryFailure(true, "gave up after " + (claimed.attempts() - 1)
                        + " attempts whose senders stopped before sending"));
                return;
            }
            ClaimedEmail email = claimed;
            if (Duration.between(clock.instant(), email.leaseUntil()).compareTo(worstCaseSend) < 0) {
                email = outbox.renew(email, properties.lease());
                if (email == null) {
                    log.info("email skipped key={}: its claim was taken over meanwhile", claimed.key());
                    return;
                }
            }
            ClaimedEmail owned = email;
            long started = System.nanoTime();
            long startedMicros = TraceContexts.nowMicros();
            SmtpMailer.Result result = mailer.send(owned, () -> outbox.commit(owned, properties.lease()));
            metrics.smtp(Duration.ofNanos(System.nanoTime() - started),
                    result.outcome() == SmtpMailer.Outcome.ACCEPTED);
            // The send joins the trace of the event that queued the email.
            traces.record(owned.traceparent(), "smtp send", java.util.Map.of("outward.email.kind",
                    String.valueOf(owned.kind()), "outward.email.attempt", String.valueOf(owned.attempts())),
                    startedMicros, TraceContexts.nowMicros(),
                    result.outcome() == SmtpMailer.Outcome.ACCEPTED ? null : result.failure());
            switch (result.outcome()) {
                case ACCEPTED -> sent(owned, false);
                case IN_DOUBT -> {
                    log.warn("email in doubt key={} kind={}: no answer after the final dot ({}); counted as sent, "
                            + "never sent again", owned.key(), owned.kind(), result.failure().toString());
                    sent(owned, true);
                }
                case FENCED -> log.warn("email not sent key={}: its claim was lost before the server took it ({})",
                        owned.key(), result.failure().getMessage());
                case NOT_DELIVERED -> failed(owned, SmtpFailures.classify(result.failure()));
            }
        } finally {
            RequestIds.set(null);
        }
    }

    private void sent(ClaimedEmail email, boolean inDoubt) {
        if (outbox.markSent(email, inDoubt)) {
            metrics.sent(email.kind());
            log.info("email sent key={} kind={} recipient={} attempts={}", email.key(), email.kind(),
                    email.recipientId(), email.attempts());
        } else {
            log.warn("email sent key={} but its state could not be recorded: claim lost after commit", email.key());
        }
    }

    private void failed(ClaimedEmail email, DeliveryFailure failure) {
        if (failure.permanent() || retry.exhausted(email.attempts())) {
            if (outbox.markFailed(email, failure)) {
                metrics.failed(email.kind());
                log.warn("email failed key={} kind={} recipient={} attempts={} permanent={}: {}", email.key(),
                        email.kind(), email.recipientId(), email.attempts(), failure.permanent(), failure.reason());
                for (FailedEmailListener listener : failedListeners) {
                    listener.failed(email.key(), email.kind(), email.recipientId());
                }
            }
        } else {
            Duration wait = retry.backoffAfter(email.attempts());
            outbox.markForRetry(email, failure, wait);
            metrics.retried(email.kind());
            log.info("email deferred key={} kind={} attempts={} retry in {}: {}", email.key(), email.kind(),
                    email.attempts(), wait, failure.reason());
        }
    }

    /** Settling needs a scan of the sending emails: once per half lease is often enough. */
    private void settleInDoubtNowAndThen() {
        long now = System.nanoTime();
        if (now - nextSettle < 0) {
            return;
        }
        nextSettle = now + properties.lease().dividedBy(2).toNanos();
        long settled = outbox.settleInDoubt();
        if (settled > 0) {
            log.warn("settled {} emails in doubt (committed to the server, outcome never recorded) as sent", settled);
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

    @Override
    public synchronized void start() {
        if (enabled() && senders == null) {
            AtomicInteger number = new AtomicInteger();
            senders = Executors.newFixedThreadPool(properties.connections(), r -> {
                Thread thread = new Thread(r, "email-connection-" + number.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        super.start();
    }

    @Override
    public void stop() {
        super.stop(); // waits for the pass in hand, which waits for its senders
        ExecutorService pool;
        synchronized (this) {
            pool = senders;
            senders = null;
        }
        if (pool != null) {
            pool.shutdown();
        }
    }

}
