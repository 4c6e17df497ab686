package dev.runtimes.server.tenancy;

import dev.runtimes.server.config.RuntimesConfig;
import dev.runtimes.server.domain.ApiKey;
import dev.runtimes.server.domain.AppUser;
import dev.runtimes.server.domain.Membership;
import dev.runtimes.server.domain.Organization;
import dev.runtimes.server.domain.Workspace;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Gives a fresh install org {@code example}, workspace {@code example}, its default project, an
 * owning user and an API key, so the first call works. Running it again changes nothing.
 */
@ApplicationScoped
public class Bootstrap {
    public static final String SLUG = "example";
    private static final Logger LOG = Logger.getLogger(Bootstrap.class);

    private final RuntimesConfig config;
    private final TenancyService tenancy;
    private final int port;

    Bootstrap(
            RuntimesConfig config,
            TenancyService tenancy,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
        this.config = config;
        this.tenancy = tenancy;
        this.port = port;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        Optional<String> configured = config.bootstrap().token();
        if (configured.isPresent()) {
            ensureExample(configured.get());
        } else if (config.bootstrap().generateToken()
                && Organization.findBySlug(SLUG).isEmpty()) {
            String token = Tokens.generate();
            ensureExample(token);
            LOG.infof(
                    "Bootstrap API key for org '%s', workspace '%s' (shown this once, keep it): %s%n"
                            + "  Try: curl -H 'Authorization: Bearer %s' 'http://localhost:%d/api/v1/org/%s/ws/%s/runtimes?limit=50'",
                    SLUG, SLUG, token, token, port, SLUG, SLUG);
        }
    }

    private void ensureExample(String token) {
        Organization org =
                Organization.findBySlug(SLUG).orElseGet(() -> tenancy.createOrganization(SLUG, "Example", null, null));
        Workspace.findBySlug(org.id, SLUG).orElseGet(() -> tenancy.createWorkspace(org.id, SLUG, "Example"));
        AppUser owner = AppUser.findByName(SLUG).orElseGet(() -> tenancy.createUser(SLUG));
        if (Membership.find(org.id, owner.id).isEmpty()) {
            tenancy.addMember(org.id, owner.id, Membership.OWNER);
        }
        if (ApiKey.findByTokenHash(Tokens.hash(token)).isEmpty()) {
            tenancy.createApiKey(owner.id, "bootstrap", token, null, null, null);
        }
    }
}
