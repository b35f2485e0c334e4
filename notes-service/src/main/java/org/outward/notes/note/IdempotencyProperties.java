package org.outward.notes.note;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param staleAfter an upload with an {@code Idempotency-Key} that began this long ago and left no note is taken to
 *                   have died: a retry with the key then does it (with the same note id); before that a retry gets 409
 */
@ConfigurationProperties("outward.notes.idempotency")
record IdempotencyProperties(Duration staleAfter) {

    IdempotencyProperties {
        staleAfter = staleAfter == null ? Duration.ofMinutes(10) : staleAfter;
    }
}
