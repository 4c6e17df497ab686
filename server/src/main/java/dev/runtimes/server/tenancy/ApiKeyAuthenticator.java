package dev.runtimes.server.tenancy;

import dev.runtimes.server.domain.ApiKey;
import dev.runtimes.server.service.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
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

    /**
     * One query: the key by the hash of its secret, with its user's name. A read outside any
     * transaction: no BEGIN, COMMIT or flush on a path every request takes.
     */
    public Caller authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            throw ServiceException.unauthenticated();
        }
        String hash = Tokens.hash(token);
        Object[] found = ApiKey.getEntityManager()
                .createQuery(
                        "select k, u.name from ApiKey k, AppUser u where u.id = k.userId and k.tokenHash = :hash",
                        Object[].class)
                .setParameter("hash", hash)
                .getResultStream()
                .findFirst()
                .orElseThrow(ServiceException::unauthenticated);
        ApiKey key = (ApiKey) found[0];
        Instant now = clock.instant();
        // The lookup went by hash; the constant-time comparison keeps index timing out of the answer.
        if (!Tokens.sameSecret(hash, key.tokenHash)
                || key.revokedAt != null
                || (key.expiresAt != null && !key.expiresAt.isAfter(now))) {
            throw ServiceException.unauthenticated();
        }
        return new Caller(key.userId, (String) found[1], key.id, key.organizationId, key.workspaceId);
    }
}
