package org.outward.platform.retention;

import java.time.Duration;
import java.util.Objects;
import org.springframework.data.domain.Sort;

/**
 * "Documents of this collection are kept {@code keep} after their {@code field} date": enforced by the
 * {@link RetentionSweeper} (on any MongoDB, including the embedded one, which ignores TTL) and by a TTL index on the
 * field (on a real MongoDB, which then deletes on its own within a minute of expiry).
 *
 * @param collection the collection, or a prefix ending in {@code *} for a family ({@code inbox*}: {@code inbox},
 *                   {@code inbox.themes} ...)
 * @param direction  of the TTL index, which also serves sorted reads on the field
 */
public record RetentionRule(String collection, String field, Duration keep, Sort.Direction direction) {

    public RetentionRule {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(field, "field");
        if (keep == null || keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("the retention of " + collection + " must be positive");
        }
    }

    public RetentionRule(String collection, String field, Duration keep) {
        this(collection, field, keep, Sort.Direction.ASC);
    }

    boolean covers(String name) {
        return collection.endsWith("*") ? name.startsWith(collection.substring(0, collection.length() - 1))
                : name.equals(collection);
    }
}
