package org.outward.platform.lifecycle;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;

/**
 * A background job that runs pass after pass on daemon threads of its own (outbox relay, email sender, digest
 * scheduler...): each pass says how long to wait before the next. It starts after the rest of the context
 * (listeners, web server) and stops first, letting the pass in hand finish. A pass that throws is logged and
 * followed by another after {@link #pauseAfterFailure()}: the work it left is still stored, so nothing is lost,
 * and an {@link Error} never kills the loop silently. A stopped loop can be started again (Spring pauses and
 * restarts lifecycles, for example between test contexts), so the executor is made at every start.
 */
public abstract class BackgroundLoop implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final int threads;
    private volatile boolean running;
    private ScheduledExecutorService executor;

    protected BackgroundLoop(String name, int threads) {
        this.name = name;
        this.threads = threads;
    }

    /** One pass of the job; returns how long this thread waits before its next pass. */
    protected abstract Duration runOnce();

    /** The wait after a pass that threw. */
    protected abstract Duration pauseAfterFailure();

    /** Whether to run at all (a loop switched off by configuration does not start). */
    protected boolean enabled() {
        return true;
    }

    /** The wait before the first pass. */
    protected Duration initialDelay() {
        return Duration.ZERO;
    }

    /** How long {@link #stop()} waits for the passes in hand. */
    protected Duration stopTimeout() {
        return Duration.ofSeconds(30);
    }

    private void pass() {
        if (!running) {
            return;
        }
        Duration next;
        try {
            next = runOnce();
        } catch (RuntimeException | Error e) {
            log.warn("{} pass failed (will retry): {}", name, e.toString());
            next = pauseAfterFailure();
        } finally {
            MDC.clear();
        }
        schedule(next);
    }

    private synchronized void schedule(Duration delay) {
        if (running && executor != null) {
            try {
                executor.schedule(this::pass, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // stopped meanwhile: the next start schedules new passes
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        if (!enabled()) {
            log.info("{} is switched off by configuration", name);
            return;
        }
        AtomicInteger number = new AtomicInteger();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread thread = new Thread(r, threads == 1 ? name : name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // On stop, a pass waiting for its turn is dropped rather than awaited (it may be a minute away);
        // only passes already running are let finish.
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor = pool;
        running = true;
        for (int i = 0; i < threads; i++) {
            schedule(initialDelay());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService current;
        synchronized (this) {
            running = false;
            current = executor;
            executor = null;
        }
        if (current == null) {
            return;
        }
        current.shutdown();
        try {
            current.awaitTermination(stopTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
