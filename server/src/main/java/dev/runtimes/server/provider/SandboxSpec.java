package dev.runtimes.server.provider;

import java.util.Map;
import java.util.UUID;

/**
 * What a new sandbox is made of.
 *
 * @param sandboxId our ledger id of the sandbox
 * @param env the runtime's {@code runtime_server.env}
 * @param tokenHash hex SHA-256 of the sandbox token, so the sandbox can check the token without
 *     ever holding it
 */
public record SandboxSpec(UUID sandboxId, Map<String, String> env, int cpuCores, int memoryMb, String tokenHash) {}
