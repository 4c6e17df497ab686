package dev.runtimes.server.domain;

import java.util.Optional;
import java.util.UUID;

/** Tells an id from a key where an API accepts either. */
public final class Uuids {
    private Uuids() {}

    public static Optional<UUID> parse(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
