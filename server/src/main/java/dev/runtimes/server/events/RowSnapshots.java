package dev.runtimes.server.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.runtimes.server.domain.RuntimeRow;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A runtime's list row as stored with its event: the recorded figures, from which the live ones
 * are derived at the moment of the event, as the list derives them at the moment of a read.
 */
@RegisterForReflection(targets = {RuntimeRow.class, RuntimeRow.SandboxRow.class})
final class RowSnapshots {
    private static final JsonMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private RowSnapshots() {}

    static String write(RuntimeRow row) {
        try {
            return JSON.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a runtime row always serializes", e);
        }
    }

    static RuntimeRow read(String json) {
        try {
            return JSON.readValue(json, RuntimeRow.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored runtime row is not readable", e);
        }
    }
}
