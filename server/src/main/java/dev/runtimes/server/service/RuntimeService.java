package dev.runtimes.server.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.runtimes.server.domain.Runtime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.UUID;

/** The rules of a runtime's life. */
@ApplicationScoped
public class RuntimeService {
    private static final JsonMapper LABELS_JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final Clock clock;

    RuntimeService(Clock clock) {
        this.clock = clock;
    }

    /** A new idle runtime owned by {@code ownerId} in the workspace. */
    @Transactional
    public UUID create(UUID workspaceId, UUID ownerId, NewRuntime spec) {
        Instant now = clock.instant();
        Runtime runtime = new Runtime();
        runtime.id = UUID.randomUUID();
        runtime.workspaceId = workspaceId;
        runtime.projectId = spec.projectId();
        runtime.key = spec.key();
        runtime.name = spec.name();
        runtime.description = spec.description();
        runtime.ownerId = ownerId;
        runtime.status = "idle";
        runtime.labelIndex = new HashMap<>(spec.labels());
        runtime.labelsJson = labelsJson(spec);
        runtime.config = spec.config().canonicalJson();
        runtime.configDigest = spec.config().digest();
        runtime.configVersion = spec.config().version();
        runtime.createdAt = now;
        runtime.updatedAt = now;
        runtime.persist();
        return runtime.id;
    }

    @Transactional
    public void delete(UUID runtimeId) {
        Runtime.deleteById(runtimeId);
    }

    private static String labelsJson(NewRuntime spec) {
        try {
            return LABELS_JSON.writeValueAsString(spec.labels());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }
}
