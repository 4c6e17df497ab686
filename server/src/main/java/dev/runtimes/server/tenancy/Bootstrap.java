package dev.runtimes.server.tenancy;

import dev.runtimes.server.config.RuntimesConfig;
import dev.runtimes.server.domain.ApiKeys;
import dev.runtimes.server.domain.AppUser;
import dev.runtimes.server.domain.Membership;
import dev.runtimes.server.domain.Memberships;
import dev.runtimes.server.domain.Organization;
import dev.runtimes.server.domain.Organizations;
import dev.runtimes.server.domain.Users;
import dev.runtimes.server.domain.Workspaces;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Gives a fresh install org {@code example}, workspace {@code example}, its default project, an
 * owning user and an API key, so the first call works. Running it again changes nothing. What a
 * person starting the server needs to call it, the generated key or the confirmation that the
 * chosen one is active, is logged by {@link #announce()} once the start is over.
 */
@ApplicationScoped
public class Bootstrap {
    public static final String SLUG = "example";
    private static final Logger LOG = Logger.getLogger(Bootstrap.class);

    private final RuntimesConfig config;
    private final TenancyService tenancy;
    private final Organizations organizations;
    private final Workspaces workspaces;
    private final Users users;
    private final Memberships memberships;
    private final ApiKeys apiKeys;
    private final int port;
    private String announcement;

    Bootstrap(
            RuntimesConfig config,
            TenancyService tenancy,
            Organizations organizations,
            Workspaces workspaces,
            Users users,
            Memberships memberships,
            ApiKeys apiKeys,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
        this.config = config;
        this.tenancy = tenancy;
        this.organizations = organizations;
        this.workspaces = workspaces;
        this.users = users;
        this.memberships = memberships;
        this.apiKeys = apiKeys;
        this.port = port;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        Optional<String> configured = config.bootstrap().token();
        if (configured.isPresent()) {
            ensureExample(configured.get());
            announcement = String.format(
                    "The bootstrap API key of runtimes.bootstrap.token (RUNTIMES_BOOTSTRAP_TOKEN) is active"
                            + " for org '%s', workspace '%s'.%n  Try: %s",
                    SLUG, SLUG, curl("$RUNTIMES_BOOTSTRAP_TOKEN"));
        } else if (config.bootstrap().generateToken()
                && organizations.bySlug(SLUG).isEmpty()) {
            String token = Tokens.generate();
            ensureExample(token);
            announcement = String.format(
                    "Bootstrap API key for org '%s', workspace '%s' (shown this once, keep it): %s%n  Try: %s",
                    SLUG, SLUG, token, curl(token));
        }
    }

    /** Logs the bootstrap key this start made, or that the chosen one is active; nothing otherwise. */
    public void announce() {
        if (announcement != null) {
            LOG.info(announcement);
        }
    }

    private String curl(String token) {
        return String.format(
                "curl -H \"Authorization: Bearer %s\" 'http://localhost:%d/api/v1/org/%s/ws/%s/runtimes?limit=50'",
                token, port, SLUG, SLUG);
    }

    private void ensureExample(String token) {
        Organization org =
                organizations.bySlug(SLUG).orElseGet(() -> tenancy.createOrganization(SLUG, "Example", null, null));
        workspaces.bySlug(org.id, SLUG).orElseGet(() -> tenancy.createWorkspace(org.id, SLUG, "Example"));
        AppUser owner = users.byName(SLUG).orElseGet(() -> tenancy.createUser(SLUG));
        if (!memberships.exists(org.id, owner.id())) {
            tenancy.addMember(org.id, owner.id(), Membership.OWNER);
        }
        if (!apiKeys.existsWithTokenHash(Tokens.hash(token))) {
            tenancy.createApiKey(owner.id(), "bootstrap", token, null, null, null);
        }
    }
}
