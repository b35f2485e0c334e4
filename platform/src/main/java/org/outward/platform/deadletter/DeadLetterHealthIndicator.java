package org.outward.platform.deadletter;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health detail {@code deadLetters}: how many records this service gave up on and nobody replayed yet. Always UP
 * when MongoDB answers: a dead letter is work for staff, not a reason to restart or unroute the service.
 */
public class DeadLetterHealthIndicator extends AbstractHealthIndicator {

    private final DeadLetters deadLetters;

    public DeadLetterHealthIndicator(DeadLetters deadLetters) {
        super("Counting dead letters failed");
        this.deadLetters = deadLetters;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("open", deadLetters.refresh()).withDetail("total", deadLetters.count("all"));
    }
}
