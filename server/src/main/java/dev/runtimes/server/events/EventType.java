package dev.runtimes.server.events;

import java.util.Arrays;
import java.util.Optional;

/** What happened to a runtime; {@link #wire()} is the spec's name of the type. */
public enum EventType {
    RUNTIME_CREATED("runtime.created"),
    RUNTIME_UPDATED("runtime.updated"),
    RUNTIME_DELETED("runtime.deleted"),
    SANDBOX_STARTED("sandbox.started"),
    SANDBOX_PAUSED("sandbox.paused"),
    SANDBOX_RESUMED("sandbox.resumed"),
    SANDBOX_RESET("sandbox.reset"),
    SANDBOX_EXPIRY_EXTENDED("sandbox.expiry_extended"),
    SANDBOX_KILLED("sandbox.killed");

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<EventType> of(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }
}
