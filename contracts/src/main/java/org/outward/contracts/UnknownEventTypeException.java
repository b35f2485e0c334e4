package org.outward.contracts;

/**
 * A well-formed envelope whose type or version this build does not know: a newer producer's event. Consumers skip
 * and log it rather than dead-letter it (see docs/events.md, "Delivery"): producers publish a new type or version
 * only once every consumer that needs it accepts it, so a consumer that does not know one has no use for it.
 */
public class UnknownEventTypeException extends InvalidEventException {

    private final String type;
    private final int version;

    public UnknownEventTypeException(String type, int version) {
        super("unknown event type or version: " + type + ".v" + version);
        this.type = type;
        this.version = version;
    }

    public String type() {
        return type;
    }

    public int version() {
        return version;
    }
}
