package dev.runtimes.server.tenancy;

import dev.runtimes.server.domain.ApiKey;
import dev.runtimes.server.domain.ApiKeys;
import dev.runtimes.server.domain.AppUser;
import dev.runtimes.server.domain.Membership;
import dev.runtimes.server.domain.Memberships;
import dev.runtimes.server.domain.Organization;
import dev.runtimes.server.domain.Organizations;
import dev.runtimes.server.domain.Project;
import dev.runtimes.server.domain.Projects;
import dev.runtimes.server.domain.Users;
import dev.runtimes.server.domain.Workspace;
import dev.runtimes.server.domain.Workspaces;
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

    private final Organizations organizations;
    private final Workspaces workspaces;
    private final Projects projects;
    private final Users users;
    private final Memberships memberships;
    private final ApiKeys apiKeys;
    private final Clock clock;
    private final Event<KnownKeys.TenancyChanged> changes;

    TenancyService(
            Organizations organizations,
            Workspaces workspaces,
            Projects projects,
            Users users,
            Memberships memberships,
            ApiKeys apiKeys,
            Clock clock,
            Event<KnownKeys.TenancyChanged> changes) {
        this.organizations = organizations;
        this.workspaces = workspaces;
        this.projects = projects;
        this.users = users;
        this.memberships = memberships;
        this.apiKeys = apiKeys;
        this.clock = clock;
        this.changes = changes;
    }

    public Organization createOrganization(String slug, String name, Long creditBalance, Integer memberLimit) {
        if (organizations.bySlug(slug).isPresent()) {
            throw alreadyExists("Organization '" + slug + "' already exists.");
        }
        Organization org = new Organization();
        org.id = UUID.randomUUID();
        org.slug = slug;
        org.name = name;
        org.creditBalance = creditBalance;
        org.memberLimit = memberLimit;
        org.createdAt = now();
        organizations.insert(org);
        return org;
    }

    /** A workspace with its default project. */
    public Workspace createWorkspace(UUID organizationId, String slug, String name) {
        if (workspaces.bySlug(organizationId, slug).isPresent()) {
            throw alreadyExists("Workspace '" + slug + "' already exists in this organization.");
        }
        Workspace workspace = new Workspace(UUID.randomUUID(), organizationId, slug, name, now());
        workspaces.insert(workspace);
        insertProject(workspace.id(), DEFAULT_PROJECT_KEY, "Default", true);
        changes.fire(new KnownKeys.TenancyChanged());
        return workspace;
    }

    public Project defaultProject(UUID workspaceId) {
        return projects.defaultOf(workspaceId).orElseThrow();
    }

    public Project createProject(UUID workspaceId, String key, String name) {
        if (projects.byKey(workspaceId, key).isPresent()) {
            throw alreadyExists("Project '" + key + "' already exists in this workspace.");
        }
        return insertProject(workspaceId, key, name, false);
    }

    public AppUser createUser(String name) {
        if (users.byName(name).isPresent()) {
            throw alreadyExists("User '" + name + "' already exists.");
        }
        AppUser user = new AppUser(UUID.randomUUID(), name, now());
        users.insert(user);
        return user;
    }

    public Membership addMember(UUID organizationId, UUID userId, String role) {
        if (memberships.exists(organizationId, userId)) {
            throw alreadyExists("The user is already a member of this organization.");
        }
        Membership membership = new Membership(organizationId, userId, role, now());
        memberships.insert(membership);
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
        ApiKey key = new ApiKey(
                UUID.randomUUID(), userId, name, Tokens.hash(secret), organizationId, workspaceId, expiresAt, now());
        apiKeys.insert(key);
        return key;
    }

    public void revokeApiKey(UUID keyId) {
        if (!apiKeys.exists(keyId)) {
            throw ServiceException.notFound("API key " + keyId + " was not found.");
        }
        if (apiKeys.revoke(keyId, now())) {
            changes.fire(new KnownKeys.TenancyChanged());
        }
    }

    private Project insertProject(UUID workspaceId, String key, String name, boolean isDefault) {
        Project project = new Project(UUID.randomUUID(), workspaceId, key, name, isDefault, now());
        projects.insert(project);
        return project;
    }

    private Instant now() {
        return clock.instant();
    }

    private static ServiceException alreadyExists(String detail) {
        return new ServiceException(ErrorKind.ALREADY_EXISTS, detail);
    }
}
