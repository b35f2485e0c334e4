package org.outward.gateway.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Browser sessions ({@code outward.session.*}): stored in MongoDB (shared by every gateway instance) and kept
 * in a small local cache so a request does not cost a database round trip.
 *
 * @param idleTimeout   a session unused this long ends (env OUTWARD_SESSION_IDLE_TIMEOUT)
 * @param cacheTtl      how long an instance answers from its local copy before reading the store again; also
 *                      the longest an ended session keeps working on the other instances
 * @param cacheSize     sessions kept locally at most
 * @param touchInterval how often the last-access time of a session in use is written back (it only moves the
 *                      idle expiry, so a write per request would be waste)
 */
@ConfigurationProperties("outward.session")
public record SessionSettings(Duration idleTimeout, Duration cacheTtl, Integer cacheSize, Duration touchInterval) {

    public SessionSettings {
        idleTimeout = idleTimeout == null ? Duration.ofHours(2) : idleTimeout;
        cacheTtl = cacheTtl == null ? Duration.ofSeconds(2) : cacheTtl;
        cacheSize = cacheSize == null ? 10_000 : cacheSize;
        touchInterval = touchInterval == null ? Duration.ofSeconds(60) : touchInterval;
        if (touchInterval.compareTo(idleTimeout) >= 0) {
            throw new IllegalArgumentException("outward.session.touch-interval must be shorter than the idle timeout");
        }
    }
}
