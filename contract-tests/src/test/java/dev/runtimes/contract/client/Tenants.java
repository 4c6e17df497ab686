package dev.runtimes.contract.client;

import dev.runtimes.client.api.OperatorsApi;
import dev.runtimes.client.invoker.ApiClient;
import dev.runtimes.client.invoker.ApiException;
import dev.runtimes.client.model.AddMemberRequest;
import dev.runtimes.client.model.ApiKeyCreated;
import dev.runtimes.client.model.CreateApiKeyRequest;
import dev.runtimes.client.model.CreateOrganizationRequest;
import dev.runtimes.client.model.CreateUserRequest;
import dev.runtimes.client.model.CreateWorkspaceRequest;
import dev.runtimes.client.model.MemberRole;
import dev.runtimes.client.model.WorkspaceRecord;
import dev.runtimes.server.service.DurableConfig;
import dev.runtimes.server.service.NewRuntime;
import dev.runtimes.server.service.RuntimeService;
import java.net.URL;
import java.util.Map;
import java.util.UUID;

/**
 * Tenants for the client tests, made the way an operator makes them: through the operator API
 * over HTTP (with the generated client). Runtimes are created through the server's service,
 * because the API cannot create them yet.
 */
final class Tenants {
    /** The operator token of the server's test profile ({@code %test.runtimes.admin.token}). */
    private static final String OPERATOR_TOKEN = "test-operator-token";

    /** An organization with one workspace and its owner, who holds an unrestricted key. */
    record Tenant(String org, String workspace, UUID workspaceId, UUID defaultProjectId, UUID ownerId, String token) {}

    private final OperatorsApi operators;
    private final RuntimeService runtimes;

    Tenants(URL server, RuntimeService runtimes) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.toString().replaceAll("/+$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + OPERATOR_TOKEN));
        this.operators = new OperatorsApi(client);
        this.runtimes = runtimes;
    }

    Tenant tenant() {
        String suffix = unique();
        String org = operator(() -> operators.createOrganization(
                        new CreateOrganizationRequest().slug("org-" + suffix).name("Org " + suffix)))
                .getSlug();
        WorkspaceRecord workspace = workspace(org);
        UUID owner = operator(() -> operators.createUser(new CreateUserRequest().name("user-" + suffix)))
                .getId();
        operator(() ->
                operators.addMember(org, new AddMemberRequest().userId(owner).role(MemberRole.OWNER)));
        String token = key(owner, new CreateApiKeyRequest()).getToken();
        return new Tenant(org, workspace.getSlug(), workspace.getId(), workspace.getDefaultProjectId(), owner, token);
    }

    /** Another workspace of the tenant's organization. */
    String otherWorkspace(Tenant tenant) {
        return workspace(tenant.org()).getSlug();
    }

    /** A new key of the tenant's owner, restricted to one workspace of its organization. */
    String keyRestrictedTo(Tenant tenant, String workspace) {
        return key(tenant.ownerId(), new CreateApiKeyRequest().org(tenant.org()).workspace(workspace))
                .getToken();
    }

    /** A key of the tenant's owner that the operator revoked. */
    String revokedKey(Tenant tenant) {
        ApiKeyCreated key = key(tenant.ownerId(), new CreateApiKeyRequest());
        operator(() -> operators.revokeApiKeyWithHttpInfo(key.getId()));
        return key.getToken();
    }

    UUID runtime(Tenant tenant, String key, Map<String, String> labels) {
        return runtimes.create(
                tenant.workspaceId(),
                tenant.ownerId(),
                new NewRuntime(
                        tenant.defaultProjectId(), key, "Runtime " + key, null, labels, DurableConfig.defaults()));
    }

    private WorkspaceRecord workspace(String org) {
        String slug = "ws-" + unique();
        return operator(() -> operators.createWorkspace(
                org, new CreateWorkspaceRequest().slug(slug).name("Workspace " + slug)));
    }

    private ApiKeyCreated key(UUID userId, CreateApiKeyRequest request) {
        return operator(() -> operators.createApiKey(userId, request.name("client tests")));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @FunctionalInterface
    private interface OperatorCall<T> {
        T call() throws ApiException;
    }

    private static <T> T operator(OperatorCall<T> call) {
        try {
            return call.call();
        } catch (ApiException e) {
            throw new IllegalStateException("operator call failed: " + e.getMessage(), e);
        }
    }
}
