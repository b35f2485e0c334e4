package org.outward.notification.unsubscribe;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param secret           HMAC key of unsubscribe tokens (env OUTWARD_UNSUBSCRIBE_SECRET); its development value
 *                         is refused outside the local stack (outward.development-secrets)
 * @param ttl              how long a link in an email keeps working
 * @param baseUrl          public base URL the unsubscribe links point at (the gateway), https in production
 * @param mailto           optional address for mailto unsubscribe in List-Unsubscribe, or blank
 * @param requestsPerMinute requests one client address may make to the unsubscribe endpoint per minute
 */
@ConfigurationProperties("outward.unsubscribe")
public record UnsubscribeProperties(String secret, Duration ttl, String baseUrl, String mailto,
        Integer requestsPerMinute) {

    public UnsubscribeProperties {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("outward.unsubscribe.secret must be set (env OUTWARD_UNSUBSCRIBE_SECRET)");
        }
        ttl = ttl == null ? Duration.ofDays(60) : ttl;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.trim();
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        mailto = mailto == null ? "" : mailto.trim();
        requestsPerMinute = requestsPerMinute == null ? 30 : requestsPerMinute;
    }
}
