package dev.runtimes.server;

import dev.runtimes.server.domain.AppUser;
import dev.runtimes.server.domain.Membership;
import dev.runtimes.server.domain.Organization;
import dev.runtimes.server.domain.Project;
import dev.runtimes.server.domain.Workspace;
import dev.runtimes.server.service.DurableConfig;
import dev.runtimes.server.service.LifecycleService;
import dev.runtimes.server.service.NewRuntime;
import dev.runtimes.server.service.RuntimeRef;
import dev.runtimes.server.service.RuntimeService;
import dev.runtimes.server.tenancy.ApiKeyAuthenticator;
import dev.runtimes.server.tenancy.Caller;
import dev.runtimes.server.tenancy.TenancyService;
import dev.runtimes.server.tenancy.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Builds tenants for tests through the same services the product uses. */
@ApplicationScoped
public class Tenants {
    private final TenancyService tenancy;
    private final RuntimeService runtimes;
    private final LifecycleService lifecycle;
    private final ApiKeyAuthenticator authenticator;

    Tenants(
            TenancyService tenancy,
            RuntimeService runtimes,
            LifecycleService lifecycle,
            ApiKeyAuthenticator authenticator) {
        this.tenancy = tenancy;
        this.runtimes = runtimes;
        this.lifecycle = lifecycle;
        this.authenticator = authenticator;
    }

    /** A caller: a user, their API key and the scope it names. */
    public record Member(UUID userId, String name, String token, UUID keyId) {}

    /** An organization with one workspace, its default project and an owner. */
    public record Tenant(
            String org, UUID orgId, String workspace, UUID workspaceId, UUID defaultProjectId, Member owner) {
        /** The path of the workspace's runtimes collection. */
        public String runtimesPath() {
            return "/api/v1/org/" + org + "/ws/" + workspace + "/runtimes";
        }
    }

    public Tenant tenant() {
        String suffix = unique();
        Organization org = tenancy.createOrganization("org-" + suffix, "Org " + suffix, null, null);
        Workspace workspace = tenancy.createWorkspace(org.id, "ws-" + suffix, "Workspace " + suffix);
        Project project = tenancy.defaultProject(workspace.id());
        Member owner = member(org.id, Membership.OWNER);
        return new Tenant(org.slug, org.id, workspace.slug(), workspace.id(), project.id(), owner);
    }

    public Workspace workspace(Tenant tenant) {
        String slug = "ws-" + unique();
        return tenancy.createWorkspace(tenant.orgId(), slug, "Workspace " + slug);
    }

    public Member member(UUID orgId, String role) {
        AppUser user = tenancy.createUser("user-" + unique());
        tenancy.addMember(orgId, user.id(), role);
        String token = Tokens.generate();
        UUID keyId =
                tenancy.createApiKey(user.id(), "test", token, null, null, null).id();
        return new Member(user.id(), user.name(), token, keyId);
    }

    /** A new key of the user, restricted as given, with its secret. */
    public String key(UUID userId, UUID orgId, UUID workspaceId, Instant expiresAt) {
        String token = Tokens.generate();
        tenancy.createApiKey(userId, "test", token, orgId, workspaceId, expiresAt);
        return token;
    }

    /** A new idle runtime, created through the same ensure as {@code POST /runtimes}. */
    public UUID runtime(Tenant tenant, Member owner, String key, UUID projectId, Map<String, String> labels) {
        NewRuntime spec =
                new NewRuntime(key, "Runtime " + key, null, projectId.toString(), labels, DurableConfig.defaults());
        return runtimes.ensure(caller(tenant, owner), tenant.org(), tenant.workspace(), spec)
                .view()
                .row()
                .id();
    }

    public UUID runtime(Tenant tenant, String key) {
        return runtime(tenant, tenant.owner(), key, tenant.defaultProjectId(), Map.of());
    }

    /** Deletes the runtime as its owner, the way {@code DELETE /runtimes/{id}} does. */
    public void delete(Tenant tenant, UUID runtimeId) {
        lifecycle.delete(
                caller(tenant, tenant.owner()), new RuntimeRef(tenant.org(), tenant.workspace(), runtimeId.toString()));
    }

    /** The member as the API sees them when they call the tenant's workspace with their key. */
    public Caller caller(Tenant tenant, Member member) {
        return authenticator.authenticate(member.token(), tenant.org(), tenant.workspace());
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
