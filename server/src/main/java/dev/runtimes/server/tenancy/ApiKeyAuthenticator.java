package dev.runtimes.server.tenancy;

import dev.runtimes.server.domain.ApiKey;
import dev.runtimes.server.domain.AppUser;
import dev.runtimes.server.service.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** Turns the secret a request presents into the caller, or refuses it. */
@ApplicationScoped
public class ApiKeyAuthenticator {
    private static final int MAX_TOKEN_LENGTH = 200;

    private final Clock clock;

    ApiKeyAuthenticator(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public Caller authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            throw ServiceException.unauthenticated();
        }
        String hash = Tokens.hash(token);
        ApiKey key = ApiKey.findByTokenHash(hash).orElseThrow(ServiceException::unauthenticated);
        Instant now = clock.instant();
        // The lookup went by hash; the constant-time comparison keeps index timing out of the answer.
        if (!Tokens.sameSecret(hash, key.tokenHash)
                || key.revokedAt != null
                || (key.expiresAt != null && !key.expiresAt.isAfter(now))) {
            throw ServiceException.unauthenticated();
        }
        AppUser user = AppUser.findById(key.userId);
        return new Caller(user.id, user.name, key.id, key.organizationId, key.workspaceId);
    }
}
