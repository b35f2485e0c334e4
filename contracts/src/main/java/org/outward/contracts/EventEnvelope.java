package org.outward.contracts;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * How every event looks on the wire (JSON). {@code subject} is the id of the aggregate the event is
 * about and is also the Kafka record key. {@code correlationId} carries the X-Request-Id of the
 * request that caused the event, so one request can be followed to the emails it caused.
 *
 * @param id            unique per event; consumers dedupe by it
 * @param type          event type name, for example {@code WebinarPublished}
 * @param version       version of that type's payload
 * @param occurredAt    when the state change happened (UTC)
 * @param source        the producing service, for example {@code catalog-service}
 * @param subject       aggregate id, also the Kafka key
 * @param correlationId request id of the cause, or null when there was no request
 * @param data          the type's payload as JSON
 */
public record EventEnvelope(
        UUID id,
        String type,
        int version,
        Instant occurredAt,
        String source,
        String subject,
        String correlationId,
        JsonNode data) {
}
