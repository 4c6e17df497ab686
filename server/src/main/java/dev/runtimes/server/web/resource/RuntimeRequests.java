package dev.runtimes.server.web.resource;

import dev.runtimes.server.api.model.CreateRuntimeRequest;
import dev.runtimes.server.api.model.RuntimeConfig;
import dev.runtimes.server.api.model.RuntimeServerSettings;
import dev.runtimes.server.api.model.RuntimeStatus;
import dev.runtimes.server.api.model.SandboxResources;
import dev.runtimes.server.api.model.SandboxSettings;
import dev.runtimes.server.api.model.UpdateRuntimeRequest;
import dev.runtimes.server.domain.RuntimeState;
import dev.runtimes.server.service.DurableConfig;
import dev.runtimes.server.service.NewRuntime;
import dev.runtimes.server.service.RuntimeService;
import dev.runtimes.server.web.conformance.SentMembers;
import java.util.Optional;

/**
 * Turns request bodies and parameters into what the services take; absent parts stay {@code null}
 * for defaults.
 */
final class RuntimeRequests {
    private RuntimeRequests() {}

    static NewRuntime newRuntime(CreateRuntimeRequest request) {
        return new NewRuntime(
                request.getKey(),
                request.getName(),
                request.getDescription(),
                request.getProject(),
                request.getLabels(),
                config(request.getConfig()));
    }

    /** A merge patch of the runtime: an absent member is left as it is, a {@code null} description removes it. */
    static RuntimeService.RuntimeChanges changes(UpdateRuntimeRequest request, SentMembers sent) {
        boolean removesDescription = sent.has("description") && request.getDescription() == null;
        return new RuntimeService.RuntimeChanges(
                request.getName(), removesDescription ? "" : request.getDescription(), request.getLabels());
    }

    /** The {@code state} filter's value; {@link RuntimeMapper} maps it back. */
    static RuntimeState state(RuntimeStatus status) {
        return switch (status) {
            case IDLE -> RuntimeState.IDLE;
            case RUNNING -> RuntimeState.RUNNING;
            case PAUSED -> RuntimeState.PAUSED;
        };
    }

    private static DurableConfig config(RuntimeConfig config) {
        Optional<RuntimeConfig> given = Optional.ofNullable(config);
        Optional<SandboxSettings> sandbox = given.map(RuntimeConfig::getSandbox);
        Optional<SandboxResources> resources = given.map(RuntimeConfig::getResources);
        return DurableConfig.of(
                given.map(RuntimeConfig::getVersion).map(Object::toString).orElse(null),
                sandbox.map(SandboxSettings::getTimeoutSeconds).orElse(null),
                resources.map(SandboxResources::getCpuCores).orElse(null),
                resources.map(SandboxResources::getMemoryMb).orElse(null),
                given.map(RuntimeConfig::getRuntimeServer)
                        .map(RuntimeServerSettings::getEnv)
                        .orElse(null));
    }
}
