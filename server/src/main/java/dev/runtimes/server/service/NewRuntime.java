package dev.runtimes.server.service;

import java.util.Map;
import java.util.UUID;

/** What a new runtime is made of. */
public record NewRuntime(
        UUID projectId,
        String key,
        String name,
        String description,
        Map<String, String> labels,
        DurableConfig config) {}
