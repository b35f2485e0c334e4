package org.outward.contracts;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads events in the one wire format. Producers and consumers of every service use
 * this class, so a payload record and its JSON cannot drift apart between services.
 *
 * <p>Unknown JSON fields are ignored on read: adding an optional field is a compatible change and
 * needs no new version. Removing or renaming a field is not, and gets a new version.
 */
public final class EventCodec {

    private final JsonMapper mapper;
    private final Clock clock;

    public EventCodec(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public EventCodec() {
        this(Clock.systemUTC());
    }

    /** A new envelope with a fresh id and the current time. */
    public <T extends Record> EventEnvelope envelope(EventType<T> type, String source, String subject,
                                                     String correlationId, T payload) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(payload, "payload");
        JsonNode data = mapper.valueToTree(payload);
        return new EventEnvelope(UUID.randomUUID(), type.name(), type.version(), clock.instant(), source,
                subject, correlationId, data);
    }

    public String encode(EventEnvelope envelope) {
        return mapper.writeValueAsString(envelope);
    }

    /**
     * Parses and checks one record's value.
     *
     * @throws InvalidEventException when the record can never be processed (a poison record)
     * @throws UnknownEventTypeException (an InvalidEventException) when the envelope is sound but its type or version
     *                                   is not known to this build
     */
    public DecodedEvent<?> decode(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidEventException("empty record value");
        }
        EventEnvelope envelope;
        try {
            envelope = mapper.readValue(json, EventEnvelope.class);
        } catch (JacksonException e) {
            throw new InvalidEventException("malformed event JSON: " + e.getOriginalMessage(), e);
        }
        requirePresent(envelope.id(), "id");
        requirePresent(envelope.type(), "type");
        requirePresent(envelope.occurredAt(), "occurredAt");
        requirePresent(envelope.source(), "source");
        requirePresent(envelope.subject(), "subject");
        requirePresent(envelope.data(), "data");
        EventType<?> type = Events.find(envelope.type(), envelope.version())
                .orElseThrow(() -> new UnknownEventTypeException(envelope.type(), envelope.version()));
        return decodeAs(envelope, type);
    }

    private <T extends Record> DecodedEvent<T> decodeAs(EventEnvelope envelope, EventType<T> type) {
        try {
            T payload = mapper.treeToValue(envelope.data(), type.payloadClass());
            return new DecodedEvent<>(envelope, type, payload);
        } catch (JacksonException e) {
            throw new InvalidEventException("data does not match " + type.qualifiedName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    private static void requirePresent(Object value, String field) {
        if (value == null || (value instanceof JsonNode node && node.isNull())) {
            throw new InvalidEventException("missing envelope field '" + field + "'");
        }
    }
}
