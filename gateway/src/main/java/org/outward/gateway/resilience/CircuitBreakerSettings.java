package org.outward.gateway.resilience;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The circuit breaker every route gets ({@code outward.gateway.circuit-breaker.*}): over the last
 * {@code slidingWindow} calls (at least {@code minimumCalls}), when {@code failureRatePercent} failed
 * (service unreachable, timed out), the route is "open" for {@code openFor}: calls fail at once with 503
 * instead of waiting for connect timeouts, then a few trial calls decide whether to close it again.
 */
@ConfigurationProperties("outward.gateway.circuit-breaker")
public record CircuitBreakerSettings(Integer slidingWindow, Integer minimumCalls, Float failureRatePercent,
        Duration openFor, Integer trialCalls) {

    public CircuitBreakerSettings {
        slidingWindow = slidingWindow == null ? 20 : slidingWindow;
        minimumCalls = minimumCalls == null ? 10 : minimumCalls;
        failureRatePercent = failureRatePercent == null ? 50f : failureRatePercent;
        openFor = openFor == null ? Duration.ofSeconds(10) : openFor;
        trialCalls = trialCalls == null ? 3 : trialCalls;
    }
}
