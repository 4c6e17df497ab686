package dev.runtimes.server.web.resource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.runtimes.server.api.model.PauseReason;
import dev.runtimes.server.api.model.Runtime;
import dev.runtimes.server.api.model.RuntimeInstanceData;
import dev.runtimes.server.api.model.RuntimeListResponse;
import dev.runtimes.server.api.model.RuntimeStatus;
import dev.runtimes.server.api.model.SandboxState;
import dev.runtimes.server.config.RuntimesConfig;
import dev.runtimes.server.domain.RuntimeRow;
import dev.runtimes.server.domain.RuntimeState;
import dev.runtimes.server.service.RuntimePage;
import dev.runtimes.server.service.RuntimeView;
import dev.runtimes.server.service.SandboxFigures;
import dev.runtimes.server.web.json.UtcDateTimes;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Maps what the services read to the spec's models. */
@ApplicationScoped
public class RuntimeMapper {
    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {};

    private final ObjectReader labelsReader;
    private final RuntimesConfig config;

    RuntimeMapper(ObjectMapper json, RuntimesConfig config) {
        this.labelsReader = json.readerFor(LABELS);
        this.config = config;
    }

    public RuntimeListResponse toListResponse(RuntimePage page) {
        return new RuntimeListResponse()
                .items(page.rows().stream()
                        .map(row -> toRuntime(row, page.callerId(), page.readAt()))
                        .toList())
                .nextCursor(page.nextCursor());
    }

    public Runtime toRuntime(RuntimeView view) {
        return toRuntime(view.row(), view.callerId(), view.readAt());
    }

    public Runtime toRuntime(RuntimeRow row, UUID callerId, Instant now) {
        return new Runtime()
                .id(row.id())
                .key(row.key())
                .name(row.name())
                .description(row.description())
                .projectId(row.projectId())
                .projectKey(row.projectKey())
                .projectName(row.projectName())
                .status(status(row.status()))
                .labels(labels(row.labelsJson()))
                .configDigest(row.configDigest())
                .configVersion(row.configVersion())
                .ownedByMe(row.ownerId().equals(callerId))
                .createdBy(row.ownerName())
                .createdAt(UtcDateTimes.of(row.createdAt()))
                .updatedAt(UtcDateTimes.of(row.updatedAt()))
                .instance(row.sandbox() == null ? null : toInstance(row.sandbox(), now));
    }

    private static RuntimeStatus status(RuntimeState state) {
        return switch (state) {
            case IDLE -> RuntimeStatus.IDLE;
            case RUNNING -> RuntimeStatus.RUNNING;
            case PAUSED -> RuntimeStatus.PAUSED;
        };
    }

    private RuntimeInstanceData toInstance(RuntimeRow.SandboxRow sandbox, Instant now) {
        SandboxFigures figures =
                SandboxFigures.of(sandbox, now, config.metering().creditsPerSecond());
        return new RuntimeInstanceData()
                .sandboxId(sandbox.id())
                .provider(sandbox.provider())
                .providerSandboxId(sandbox.providerSandboxId())
                // A paused sandbox keeps its address but does not answer there.
                .sandboxUrl("running".equals(sandbox.state()) ? sandbox.sandboxUrl() : null)
                .state(SandboxState.fromValue(sandbox.state()))
                .pauseReason(sandbox.pauseReason() == null ? null : PauseReason.fromValue(sandbox.pauseReason()))
                .createdAt(UtcDateTimes.of(sandbox.createdAt()))
                .expiresAt(UtcDateTimes.of(sandbox.expiresAt()))
                .totalRuntimeSeconds(figures.totalRuntimeSeconds())
                .actualRuntimeLimitSeconds(sandbox.runtimeLimitSeconds())
                .billedCredits(figures.billedCredits())
                .runningCredits(figures.runningCredits())
                .estimatedTotalCredits(figures.estimatedTotalCredits());
    }

    private Map<String, String> labels(String labelsJson) {
        try {
            return labelsReader.readValue(labelsJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored labels are not a JSON object", e);
        }
    }
}
