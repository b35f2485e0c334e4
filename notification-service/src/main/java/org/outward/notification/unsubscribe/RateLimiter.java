package org.outward.notification.unsubscribe;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A fixed-window counter per client address (one minute), in memory: the unsubscribe endpoint needs no
 * sign-in, so this keeps it from being used to hammer the service or to try tokens. Per instance; each
 * instance allows the configured rate.
 */
@Component
public class RateLimiter {

    private static final int MAX_CLIENTS = 10_000;

    private final UnsubscribeProperties properties;
    private final Clock clock;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    public RateLimiter(UnsubscribeProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** @return seconds to wait, or 0 when the request may go on */
    public long tryAcquire(String client) {
        long minute = clock.millis() / 60_000;
        if (windows.size() > MAX_CLIENTS) {
            prune(minute);
        }
        long[] window = windows.compute(client, (k, w) -> {
            if (w == null || w[0] != minute) {
                return new long[] {minute, 1};
            }
            w[1]++;
            return w;
        });
        if (window[1] <= properties.requestsPerMinute()) {
            return 0;
        }
        return Math.max(1, 60 - (clock.millis() / 1000) % 60);
    }

    private void prune(long minute) {
        for (Iterator<long[]> it = windows.values().iterator(); it.hasNext(); ) {
            if (it.next()[0] != minute) {
                it.remove();
            }
        }
    }
}
