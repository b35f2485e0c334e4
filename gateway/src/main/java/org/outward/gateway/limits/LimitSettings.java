package org.outward.gateway.limits;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's limits ({@code outward.gateway.*}).
 *
 * @param rateLimit requests per second and burst, per user (token subject) and per client IP
 * @param maxBody   request body limits: notes uploads get their own, everything else the default
 * @param cors      the web-client origins allowed to call the API from a browser
 */
@ConfigurationProperties("outward.gateway")
public record LimitSettings(RateLimit rateLimit, MaxBody maxBody, Cors cors) {

    public LimitSettings {
        rateLimit = rateLimit == null ? new RateLimit(null, null, null, null) : rateLimit;
        maxBody = maxBody == null ? new MaxBody(null, null, null) : maxBody;
        cors = cors == null ? new Cors(null) : cors;
    }

    /** @param enabled off only for benchmarks of the gateway itself */
    public record RateLimit(Boolean enabled, Bucket perUser, Bucket perIp, Integer maxClients) {
        public RateLimit {
            enabled = enabled == null || enabled;
            perUser = perUser == null ? new Bucket(50.0, 100) : perUser;
            perIp = perIp == null ? new Bucket(200.0, 400) : perIp;
            maxClients = maxClients == null ? 100_000 : maxClients;
        }
    }

    /** A token bucket: refilled at {@code requestsPerSecond}, holding at most {@code burst} requests. */
    public record Bucket(Double requestsPerSecond, Integer burst) {
        public Bucket {
            requestsPerSecond = requestsPerSecond == null ? 50.0 : requestsPerSecond;
            burst = burst == null ? Math.max(1, (int) Math.ceil(requestsPerSecond)) : burst;
            if (requestsPerSecond <= 0 || burst < 1) {
                throw new IllegalArgumentException("rate limit needs requests-per-second > 0 and burst >= 1");
            }
        }
    }

    /** @param attendance attendance CSV uploads (catalog: 5 MB file, plus the multipart framing) */
    public record MaxBody(DataSize notes, DataSize standard, DataSize attendance) {
        public MaxBody {
            notes = notes == null ? DataSize.ofMegabytes(110) : notes;
            standard = standard == null ? DataSize.ofMegabytes(1) : standard;
            attendance = attendance == null ? DataSize.ofMegabytes(6) : attendance;
        }

        /** Notes uploads (files) and attendance CSVs may be large; every other API takes small JSON bodies. */
        public long bytesFor(String path) {
            // POST /api/notes itself is the upload (multipart with the files), so the prefix alone is not enough.
            if (path.equals("/api/notes") || path.startsWith("/api/notes/")) {
                return notes.toBytes();
            }
            if (path.startsWith("/api/catalog/sessions/") && path.contains("/attendance/csv")) {
                return attendance.toBytes();
            }
            return standard.toBytes();
        }
    }

    public record Cors(List<String> allowedOrigins) {
        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of("http://localhost:5173") : List.copyOf(allowedOrigins);
        }
    }
}
