package dev.runtimes.contract.client;

import dev.runtimes.client.api.OperatorsApi;
import dev.runtimes.client.api.RuntimesApi;
import dev.runtimes.client.invoker.ApiClient;
import dev.runtimes.client.invoker.ApiException;
import dev.runtimes.client.model.AddMemberRequest;
import dev.runtimes.client.model.ApiKeyCreated;
import dev.runtimes.client.model.CreateApiKeyRequest;
import dev.runtimes.client.model.CreateOrganizationRequest;
import dev.runtimes.client.model.CreateRuntimeRequest;
import dev.runtimes.client.model.CreateUserRequest;
import dev.runtimes.client.model.CreateWorkspaceRequest;
import dev.runtimes.client.model.MemberRole;
import dev.runtimes.client.model.UpdateOrganizationRequest;
import dev.runtimes.client.model.WorkspaceRecord;
import java.net.URL;
import java.util.Map;
import java.util.UUID;

/**
 * Tenants for the client tests, made the way an operator makes them: through the operator API
 * over HTTP (with the generated client); runtimes are created by their owner through the API.
 */
final class Tenants {
    /** The operator token of the server's test profile ({@code %test.runtimes.admin.token}). */
    private static final String OPERATOR_TOKEN = "test-operator-token";

    /** An organization with one workspace and its owner, who holds an unrestricted key. */
    record Tenant(String org, String workspace, UUID workspaceId, UUID defaultProjectId, UUID ownerId, String token) {}

    private final String baseUri;
    private final OperatorsApi operators;

    Tenants(URL server) {
        this.baseUri = server.toString().replaceAll("/+$", "");
        this.operators = new OperatorsApi(client(OPERATOR_TOKEN));
    }

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUri);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    Tenant tenant() {
        String suffix = unique();
        String org = succeed(() -> operators.createOrganization(
                        new CreateOrganizationRequest().slug("org-" + suffix).name("Org " + suffix)))
                .getSlug();
        WorkspaceRecord workspace = workspace(org);
        UUID owner = succeed(() -> operators.createUser(new CreateUserRequest().name("user-" + suffix)))
                .getId();
        succeed(() ->
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
        succeed(() -> operators.revokeApiKeyWithHttpInfo(key.getId()));
        return key.getToken();
    }

    /** Sets the organization's credit balance; its other settings are cleared (unlimited). */
    void creditBalance(Tenant tenant, long credits) {
        succeed(() ->
                operators.updateOrganization(tenant.org(), new UpdateOrganizationRequest().creditBalance(credits)));
    }

    UUID runtime(Tenant tenant, String key, Map<String, String> labels) {
        RuntimesApi runtimes = new RuntimesApi(client(tenant.token()));
        return succeed(() -> runtimes.createRuntime(
                        tenant.org(),
                        tenant.workspace(),
                        new CreateRuntimeRequest()
                                .key(key)
                                .name("Runtime " + key)
                                .labels(labels),
                        null,
                        null))
                .getId();
    }

    private WorkspaceRecord workspace(String org) {
        String slug = "ws-" + unique();
        return succeed(() -> operators.createWorkspace(
                org, new CreateWorkspaceRequest().slug(slug).name("Workspace " + slug)));
    }

    private ApiKeyCreated key(UUID userId, CreateApiKeyRequest request) {
        return succeed(() -> operators.createApiKey(userId, request.name("client tests")));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @FunctionalInterface
    private interface ApiCall<T> {
        T call() throws ApiException;
    }

    private static <T> T succeed(ApiCall<T> call) {
        try {
            return call.call();
        } catch (ApiException e) {
            throw new IllegalStateException("API call failed: " + e.getMessage(), e);
        }
    }
}
