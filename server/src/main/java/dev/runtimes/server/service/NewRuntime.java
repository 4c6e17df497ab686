package dev.runtimes.server.service;

import java.util.Map;

/**
 * What a new runtime is made of.
 *
 * @param project the project's key or id, or {@code null} for the workspace's default project
 * @param labels the labels, or {@code null} for none
 */
public record NewRuntime(
        String key,
        String name,
        String description,
        String project,
        Map<String, String> labels,
        DurableConfig config) {}
