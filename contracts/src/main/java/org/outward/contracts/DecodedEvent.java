package org.outward.contracts;

/** An envelope whose data has been mapped to its type's payload record. */
public record DecodedEvent<T extends Record>(EventEnvelope envelope, EventType<T> type, T payload) {

    /** The payload as the given type, or an exception when the event is of another type. */
    public <P extends Record> P payloadAs(EventType<P> expected) {
        if (!type.equals(expected)) {
            throw new IllegalStateException("event " + envelope.id() + " is " + type.qualifiedName()
                    + ", not " + expected.qualifiedName());
        }
        return expected.payloadClass().cast(payload);
    }

    public boolean is(EventType<?> other) {
        return type.equals(other);
    }
}
