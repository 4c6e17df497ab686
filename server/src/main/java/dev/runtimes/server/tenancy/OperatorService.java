package dev.runtimes.server.tenancy;

import dev.runtimes.server.domain.ApiKey;
import dev.runtimes.server.domain.AppUser;
import dev.runtimes.server.domain.Membership;
import dev.runtimes.server.domain.Organization;
import dev.runtimes.server.domain.Organizations;
import dev.runtimes.server.domain.Project;
import dev.runtimes.server.domain.Users;
import dev.runtimes.server.domain.Workspace;
import dev.runtimes.server.domain.Workspaces;
import dev.runtimes.server.error.FieldProblem;
import dev.runtimes.server.error.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The operator surface: tenancy addressed by slugs and ids as the operator API names them. */
@ApplicationScoped
@Transactional
public class OperatorService {
    private final TenancyService tenancy;
    private final Organizations organizations;
    private final Workspaces workspaces;
    private final Users users;

    OperatorService(TenancyService tenancy, Organizations organizations, Workspaces workspaces, Users users) {
        this.tenancy = tenancy;
        this.organizations = organizations;
        this.workspaces = workspaces;
        this.users = users;
    }

    public record CreatedWorkspace(Workspace workspace, UUID defaultProjectId) {}

    public record IssuedKey(ApiKey key, String token) {}

    /** What an operator sets on an organization; {@code null} leaves a level to the platform or unlimited. */
    public record OrganizationSettings(
            Long creditBalance, Integer memberLimit, Long maxRuntimeLimitSeconds, Long defaultRuntimeLimitSeconds) {
        /** Which settings a change names; the others stay as they are. */
        public record Given(
                boolean creditBalance, boolean memberLimit, boolean maxRuntimeLimit, boolean defaultRuntimeLimit) {
            static final Given ALL = new Given(true, true, true, true);
        }

        void applyTo(Organization org, Given given) {
            if (given.creditBalance()) {
                org.creditBalance = creditBalance;
            }
            if (given.memberLimit()) {
                org.memberLimit = memberLimit;
            }
            if (given.maxRuntimeLimit()) {
                org.maxRuntimeLimitSeconds = maxRuntimeLimitSeconds;
            }
            if (given.defaultRuntimeLimit()) {
                org.defaultRuntimeLimitSeconds = defaultRuntimeLimitSeconds;
            }
        }
    }

    public Organization createOrganization(String slug, String name, OrganizationSettings settings) {
        Organization org = tenancy.createOrganization(slug, name, settings.creditBalance(), settings.memberLimit());
        settings.applyTo(org, OrganizationSettings.Given.ALL);
        organizations.update(org);
        return org;
    }

    /** Sets the settings the change names ({@code null} clears one) and leaves the others as they are. */
    public Organization updateOrganization(
            String slug, OrganizationSettings settings, OrganizationSettings.Given given) {
        Organization org = organization(slug);
        settings.applyTo(org, given);
        organizations.update(org);
        return org;
    }

    public CreatedWorkspace createWorkspace(String orgSlug, String slug, String name) {
        Workspace workspace = tenancy.createWorkspace(organization(orgSlug).id, slug, name);
        return new CreatedWorkspace(
                workspace, tenancy.defaultProject(workspace.id()).id());
    }

    public Project createProject(String orgSlug, String workspaceSlug, String key, String name) {
        return tenancy.createProject(workspace(orgSlug, workspaceSlug).id(), key, name);
    }

    public AppUser createUser(String name) {
        return tenancy.createUser(name);
    }

    public Membership addMember(String orgSlug, UUID userId, String role) {
        Organization org = organization(orgSlug);
        return tenancy.addMember(org.id, user(userId).id(), role);
    }

    /** A new key with a fresh secret, restricted to the organization and workspace when named. */
    public IssuedKey issueApiKey(UUID userId, String name, String orgSlug, String workspaceSlug, Instant expiresAt) {
        AppUser user = user(userId);
        if (workspaceSlug != null && orgSlug == null) {
            throw ServiceException.invalid(List.of(new FieldProblem(
                    List.of("body", "workspace"), "a workspace restriction needs its org", "missing")));
        }
        UUID orgId = orgSlug == null ? null : organization(orgSlug).id;
        UUID workspaceId =
                workspaceSlug == null ? null : workspace(orgSlug, workspaceSlug).id();
        String token = Tokens.generate();
        return new IssuedKey(tenancy.createApiKey(user.id(), name, token, orgId, workspaceId, expiresAt), token);
    }

    public void revokeApiKey(UUID keyId) {
        tenancy.revokeApiKey(keyId);
    }

    private Organization organization(String slug) {
        return organizations
                .bySlug(slug)
                .orElseThrow(() -> ServiceException.notFound("Organization '" + slug + "' was not found."));
    }

    private Workspace workspace(String orgSlug, String slug) {
        return workspaces
                .bySlug(organization(orgSlug).id, slug)
                .orElseThrow(
                        () -> ServiceException.notFound("Workspace '" + orgSlug + "/" + slug + "' was not found."));
    }

    private AppUser user(UUID id) {
        return users.byId(id).orElseThrow(() -> ServiceException.notFound("User " + id + " was not found."));
    }
}
