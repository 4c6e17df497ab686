package dev.runtimes.server.tenancy;

import java.util.UUID;

/**
 * Who is calling: the user behind the API key, the scope the key is restricted to, and the
 * workspace the request names.
 *
 * @param organizationId the only organization the key may act in, or {@code null}
 * @param workspaceId the only workspace the key may act in, or {@code null}
 */
public record Caller(
        UUID userId,
        String userName,
        UUID apiKeyId,
        UUID organizationId,
        UUID workspaceId,
        NamedWorkspace namedWorkspace) {}
