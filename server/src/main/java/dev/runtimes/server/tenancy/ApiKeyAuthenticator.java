package dev.runtimes.server.tenancy;

import dev.runtimes.server.domain.Rows;
import dev.runtimes.server.error.Credentials;
import dev.runtimes.server.error.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Turns the secret a request presents into the caller, or refuses it. */
@ApplicationScoped
public class ApiKeyAuthenticator {
    /** The spec's bound on a presented token (security schemes {@code bearerAuth}, {@code apiKeyHeader}). */
    private static final int MAX_TOKEN_LENGTH = 200;

    /**
     * The key with its user, and the workspace the request names when the user is a member of its
     * organization: one statement on the path of every request.
     */
    private static final String FIND_KEY = """
            select k.token_hash, k.revoked_at, k.expires_at, k.user_id, u.name, k.id, k.organization_id,
                   k.workspace_id, w.id, w.organization_id
              from api_keys k
              join users u on u.id = k.user_id
              left join memberships m on m.user_id = k.user_id
                    and m.organization_id = (select o.id from organizations o where o.slug = ?)
              left join workspaces w on w.organization_id = m.organization_id and w.slug = ?
             where k.token_hash = ?
            """;

    private final Rows rows;
    private final KnownKeys knownKeys;
    private final Clock clock;

    ApiKeyAuthenticator(Rows rows, KnownKeys knownKeys, Clock clock) {
        this.rows = rows;
        this.knownKeys = knownKeys;
        this.clock = clock;
    }

    /**
     * The key by the hash of its secret, with its user's name and the workspace
     * {@code org}/{@code workspace} as the user may see it: from {@link KnownKeys}, or one query
     * outside any transaction (no BEGIN, COMMIT or flush on a path every request takes).
     */
    public Caller authenticate(String token, String org, String workspace) {
        if (token == null || token.isBlank()) {
            throw ServiceException.unauthenticated(Credentials.Problem.MISSING, Credentials.API_KEY);
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw invalid();
        }
        Instant now = clock.instant();
        KnownKeys.Lookup lookup = new KnownKeys.Lookup(Tokens.hash(token), org, workspace);
        StoredKey key = knownKeys.find(lookup, now).orElseGet(() -> {
            StoredKey found = read(lookup);
            knownKeys.keep(lookup, found, now);
            return found;
        });
        // The lookup went by hash; the constant-time comparison keeps index timing out of the answer.
        if (!Tokens.sameSecret(lookup.tokenHash(), key.tokenHash())
                || key.revokedAt() != null
                || (key.expiresAt() != null && !key.expiresAt().isAfter(now))) {
            throw invalid();
        }
        return key.caller();
    }

    private StoredKey read(KnownKeys.Lookup lookup) {
        String org = lookup.org();
        String workspace = lookup.workspace();
        return rows.first(
                        FIND_KEY,
                        rs -> new StoredKey(
                                rs.getString(1),
                                Rows.instant(rs, 2),
                                Rows.instant(rs, 3),
                                new Caller(
                                        rs.getObject(4, UUID.class),
                                        rs.getString(5),
                                        rs.getObject(6, UUID.class),
                                        rs.getObject(7, UUID.class),
                                        rs.getObject(8, UUID.class),
                                        new NamedWorkspace(org, workspace, visibleWorkspace(rs)))),
                        org,
                        workspace,
                        lookup.tokenHash())
                .orElseThrow(ApiKeyAuthenticator::invalid);
    }

    private static ServiceException invalid() {
        return ServiceException.unauthenticated(Credentials.Problem.INVALID, Credentials.API_KEY);
    }

    private static AccessibleWorkspace visibleWorkspace(ResultSet rs) throws SQLException {
        UUID id = rs.getObject(9, UUID.class);
        return id == null ? null : new AccessibleWorkspace(id, rs.getObject(10, UUID.class));
    }
}
