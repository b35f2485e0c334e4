package org.outward.contracts;

import java.util.Objects;

/**
 * One versioned event type: its name and version on the wire, the topic it travels on and the
 * record its {@code data} maps to. A breaking change gets a new version, never a changed record.
 */
public record EventType<T extends Record>(String name, int version, String topic, Class<T> payloadClass) {

    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payloadClass, "payloadClass");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
    }

    /** "WebinarPublished.v1": how logs and headers name the type. */
    public String qualifiedName() {
        return name + ".v" + version;
    }
}
