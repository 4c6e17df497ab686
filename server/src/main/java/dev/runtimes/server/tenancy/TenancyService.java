package dev.runtimes.server.tenancy;

import dev.runtimes.server.domain.ApiKey;
import dev.runtimes.server.domain.AppUser;
import dev.runtimes.server.domain.Membership;
import dev.runtimes.server.domain.Organization;
import dev.runtimes.server.domain.Project;
import dev.runtimes.server.domain.Workspace;
import dev.runtimes.server.error.ErrorKind;
import dev.runtimes.server.error.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Organizations, workspaces, projects, users, memberships and API keys. */
@ApplicationScoped
@Transactional
public class TenancyService {
    public static final String DEFAULT_PROJECT_KEY = "default";

    private final Clock clock;
    private final Event<KnownKeys.TenancyChanged> changes;

    TenancyService(Clock clock, Event<KnownKeys.TenancyChanged> changes) {
        this.clock = clock;
        this.changes = changes;
    }

    public Organization createOrganization(String slug, String name, Long creditBalance, Integer memberLimit) {
        if (Organization.findBySlug(slug).isPresent()) {
            throw alreadyExists("Organization '" + slug + "' already exists.");
        }
        Organization org = new Organization();
        org.id = UUID.randomUUID();
        org.slug = slug;
        org.name = name;
        org.creditBalance = creditBalance;
        org.memberLimit = memberLimit;
        org.createdAt = now();
        org.persist();
        return org;
    }

    /** A workspace with its default project. */
    public Workspace createWorkspace(UUID organizationId, String slug, String name) {
        if (Workspace.findBySlug(organizationId, slug).isPresent()) {
            throw alreadyExists("Workspace '" + slug + "' already exists in this organization.");
        }
        Workspace workspace = new Workspace();
        workspace.id = UUID.randomUUID();
        workspace.organizationId = organizationId;
        workspace.slug = slug;
        workspace.name = name;
        workspace.createdAt = now();
        workspace.persist();
        persistProject(workspace.id, DEFAULT_PROJECT_KEY, "Default", true);
        changes.fire(new KnownKeys.TenancyChanged());
        return workspace;
    }

    public Project defaultProject(UUID workspaceId) {
        return Project.findDefault(workspaceId).orElseThrow();
    }

    public Project createProject(UUID workspaceId, String key, String name) {
        if (Project.findByKey(workspaceId, key).isPresent()) {
            throw alreadyExists("Project '" + key + "' already exists in this workspace.");
        }
        return persistProject(workspaceId, key, name, false);
    }

    public AppUser createUser(String name) {
        if (AppUser.findByName(name).isPresent()) {
            throw alreadyExists("User '" + name + "' already exists.");
        }
        AppUser user = new AppUser();
        user.id = UUID.randomUUID();
        user.name = name;
        user.createdAt = now();
        user.persist();
        return user;
    }

    public Membership addMember(UUID organizationId, UUID userId, String role) {
        if (Membership.find(organizationId, userId).isPresent()) {
            throw alreadyExists("The user is already a member of this organization.");
        }
        Membership membership = new Membership();
        membership.organizationId = organizationId;
        membership.userId = userId;
        membership.role = role;
        membership.createdAt = now();
        membership.persist();
        changes.fire(new KnownKeys.TenancyChanged());
        return membership;
    }

    /**
     * A new API key for the user, with the given secret.
     *
     * @param organizationId restricts the key to one organization, or {@code null}
     * @param workspaceId restricts the key to one workspace, or {@code null}
     */
    public ApiKey createApiKey(
            UUID userId, String name, String secret, UUID organizationId, UUID workspaceId, Instant expiresAt) {
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.userId = userId;
        key.name = name;
        key.tokenHash = Tokens.hash(secret);
        key.organizationId = organizationId;
        key.workspaceId = workspaceId;
        key.expiresAt = expiresAt;
        key.createdAt = now();
        key.persist();
        return key;
    }

    public void revokeApiKey(UUID keyId) {
        ApiKey key = ApiKey.<ApiKey>findByIdOptional(keyId)
                .orElseThrow(() -> ServiceException.notFound("API key " + keyId + " was not found."));
        if (key.revokedAt == null) {
            key.revokedAt = now();
            changes.fire(new KnownKeys.TenancyChanged());
        }
    }

    private Project persistProject(UUID workspaceId, String key, String name, boolean isDefault) {
        Project project = new Project();
        project.id = UUID.randomUUID();
        project.workspaceId = workspaceId;
        project.key = key;
        project.name = name;
        project.isDefault = isDefault;
        project.createdAt = now();
        project.persist();
        return project;
    }

    private Instant now() {
        return clock.instant();
    }

    private static ServiceException alreadyExists(String detail) {
        return new ServiceException(ErrorKind.ALREADY_EXISTS, detail);
    }
}
