package dev.runtimes.contract.harness;

import static java.util.Map.entry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.runtimes.client.api.EventsApi;
import dev.runtimes.client.api.OperatorsApi;
import dev.runtimes.client.api.RuntimesApi;
import dev.runtimes.client.invoker.ApiClient;
import dev.runtimes.client.invoker.ApiException;
import dev.runtimes.client.invoker.ApiResponse;
import dev.runtimes.client.model.APIErrorPayload;
import dev.runtimes.client.model.AddMemberRequest;
import dev.runtimes.client.model.CreateApiKeyRequest;
import dev.runtimes.client.model.CreateOrganizationRequest;
import dev.runtimes.client.model.CreateProjectRequest;
import dev.runtimes.client.model.CreateRuntimeRequest;
import dev.runtimes.client.model.CreateUserRequest;
import dev.runtimes.client.model.CreateWorkspaceRequest;
import dev.runtimes.client.model.EventType;
import dev.runtimes.client.model.KeepaliveRequest;
import dev.runtimes.client.model.OwnerFilter;
import dev.runtimes.client.model.RuntimeStatus;
import dev.runtimes.client.model.StartRuntimeRequest;
import dev.runtimes.client.model.UpdateOrganizationRequest;
import dev.runtimes.client.model.UpdateRuntimeRequest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The client channel: each operation of the spec bound to its method of the generated client.
 * A new operation in the spec needs one line in {@link #BINDINGS}.
 */
final class ClientCalls {
    /** Calls one operation's {@code ...WithHttpInfo} method with the call's values. */
    @FunctionalInterface
    interface Binding {
        ApiResponse<?> send(ApiClient client, ClientArguments arguments) throws ApiException;
    }

    static final String CLIENT_VERSION = "X-Runtimes-Client-Version";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final Map<String, Binding> BINDINGS = Map.ofEntries(
            entry(
                    "listEvents",
                    (client, a) -> new EventsApi(client)
                            .listEventsWithHttpInfo(
                                    a.path("org"),
                                    a.path("workspace"),
                                    a.header(CLIENT_VERSION),
                                    a.query("runtime_id", Function.identity()),
                                    a.queryList("type", EventType::fromValue),
                                    a.query("after", Function.identity()),
                                    a.query("limit", Integer::valueOf))),
            // The generated method reads the whole answer: the suite calls it for refusals only.
            entry(
                    "streamEvents",
                    (client, a) -> new EventsApi(client)
                            .streamEventsWithHttpInfo(
                                    a.path("org"),
                                    a.path("workspace"),
                                    a.header(CLIENT_VERSION),
                                    a.query("runtime_id", Function.identity()),
                                    a.queryList("type", EventType::fromValue),
                                    a.query("after", Function.identity()),
                                    a.header("Last-Event-ID"))),
            entry(
                    "listRuntimes",
                    (client, a) -> new RuntimesApi(client)
                            .listRuntimesWithHttpInfo(
                                    a.path("org"),
                                    a.path("workspace"),
                                    a.header(CLIENT_VERSION),
                                    a.header("If-None-Match"),
                                    a.queryList("state", RuntimeStatus::fromValue),
                                    a.query("project_id", UUID::fromString),
                                    a.query("owner", OwnerFilter::fromValue),
                                    a.queryList("label", Function.identity()),
                                    a.query("limit", Integer::valueOf),
                                    a.query("cursor", Function.identity()))),
            entry(
                    "createRuntime",
                    (client, a) -> new RuntimesApi(client)
                            .createRuntimeWithHttpInfo(
                                    a.path("org"),
                                    a.path("workspace"),
                                    a.body(CreateRuntimeRequest.class),
                                    a.header(CLIENT_VERSION),
                                    a.header(IDEMPOTENCY_KEY))),
            entry(
                    "getRuntime",
                    (client, a) -> new RuntimesApi(client)
                            .getRuntimeWithHttpInfo(
                                    a.path("org"),
                                    a.path("workspace"),
                                    a.path("runtime_id"),
                                    a.header(CLIENT_VERSION),
                                    a.header("If-None-Match"))),
            entry(
                    "updateRuntime",
                    (client, a) -> new RuntimesApi(client)
                            .updateRuntimeWithHttpInfo(
                                    a.path("org"),
                                    a.path("workspace"),
                                    a.path("runtime_id"),
                                    a.body(UpdateRuntimeRequest.class),
                                    a.header(CLIENT_VERSION))),
            entry(
                    "deleteRuntime",
                    (client, a) -> new RuntimesApi(client)
                            .deleteRuntimeWithHttpInfo(
                                    a.path("org"),
                                    a.path("workspace"),
                                    a.path("runtime_id"),
                                    a.header(CLIENT_VERSION),
                                    a.header(IDEMPOTENCY_KEY))),
            entry(
                    "startRuntime",
                    (client, a) -> new RuntimesApi(client)
                            .startRuntimeWithHttpInfo(
                                    a.path("org"),
                                    a.path("workspace"),
                                    a.path("runtime_id"),
                                    a.header(CLIENT_VERSION),
                                    a.header(IDEMPOTENCY_KEY),
                                    a.body(StartRuntimeRequest.class))),
            entry(
                    "pauseRuntime",
                    (client, a) -> new RuntimesApi(client)
                            .pauseRuntimeWithHttpInfo(
                                    a.path("org"),
                                    a.path("workspace"),
                                    a.path("runtime_id"),
                                    a.header(CLIENT_VERSION))),
            entry(
                    "resumeRuntime",
                    (client, a) -> new RuntimesApi(client)
                            .resumeRuntimeWithHttpInfo(
                                    a.path("org"),
                                    a.path("workspace"),
                                    a.path("runtime_id"),
                                    a.header(CLIENT_VERSION))),
            entry(
                    "resetRuntime",
                    (client, a) -> new RuntimesApi(client)
                            .resetRuntimeWithHttpInfo(
                                    a.path("org"),
                                    a.path("workspace"),
                                    a.path("runtime_id"),
                                    a.header(CLIENT_VERSION),
                                    a.header(IDEMPOTENCY_KEY))),
            entry(
                    "keepaliveRuntime",
                    (client, a) -> new RuntimesApi(client)
                            .keepaliveRuntimeWithHttpInfo(
                                    a.path("org"),
                                    a.path("workspace"),
                                    a.path("runtime_id"),
                                    a.body(KeepaliveRequest.class),
                                    a.header(CLIENT_VERSION))),
            entry(
                    "createOrganization",
                    (client, a) -> new OperatorsApi(client)
                            .createOrganizationWithHttpInfo(a.body(CreateOrganizationRequest.class))),
            entry(
                    "updateOrganization",
                    (client, a) -> new OperatorsApi(client)
                            .updateOrganizationWithHttpInfo(a.path("org"), a.body(UpdateOrganizationRequest.class))),
            entry(
                    "createWorkspace",
                    (client, a) -> new OperatorsApi(client)
                            .createWorkspaceWithHttpInfo(a.path("org"), a.body(CreateWorkspaceRequest.class))),
            entry(
                    "createProject",
                    (client, a) -> new OperatorsApi(client)
                            .createProjectWithHttpInfo(
                                    a.path("org"), a.path("workspace"), a.body(CreateProjectRequest.class))),
            entry(
                    "createUser",
                    (client, a) -> new OperatorsApi(client).createUserWithHttpInfo(a.body(CreateUserRequest.class))),
            entry(
                    "addMember",
                    (client, a) -> new OperatorsApi(client)
                            .addMemberWithHttpInfo(a.path("org"), a.body(AddMemberRequest.class))),
            entry(
                    "createApiKey",
                    (client, a) -> new OperatorsApi(client)
                            .createApiKeyWithHttpInfo(a.pathUuid("user_id"), a.body(CreateApiKeyRequest.class))),
            entry(
                    "revokeApiKey",
                    (client, a) -> new OperatorsApi(client).revokeApiKeyWithHttpInfo(a.pathUuid("key_id"))));

    /** The client's own mapper writes the decoded models back, nulls included, for the assertions. */
    private static final ObjectMapper TREES =
            new ApiClient().getObjectMapper().copy().setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private ClientCalls() {}

    static Outcome send(String baseUrl, Call call) {
        Binding binding = Optional.ofNullable(BINDINGS.get(call.operation().id()))
                .orElseThrow(() -> new IllegalStateException(
                        "No client binding for " + call.operation().id() + ": add one to ClientCalls.BINDINGS"));
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl);
        client.setReadTimeout(Duration.ofSeconds(30));
        client.setRequestInterceptor(request -> intercept(request, baseUrl, call));
        try {
            ApiResponse<?> response = binding.send(client, new ClientArguments(call, client.getObjectMapper()));
            JsonNode body =
                    response.getData() == null ? MissingNode.getInstance() : TREES.valueToTree(response.getData());
            return new Outcome(call, Channel.CLIENT, response.getStatusCode(), response.getHeaders(), body);
        } catch (ApiException e) {
            if (e.getCode() == 0) {
                throw new IllegalStateException("The client could not reach " + baseUrl + " for " + call, e);
            }
            // The generated client reports every status outside 2xx as an exception; a 304 has no body.
            if (e.getCode() == 304) {
                return new Outcome(
                        call, Channel.CLIENT, 304, e.getResponseHeaders().map(), MissingNode.getInstance());
            }
            return new Outcome(
                    call,
                    Channel.CLIENT,
                    e.getCode(),
                    e.getResponseHeaders().map(),
                    TREES.valueToTree(envelope(client.getObjectMapper(), call, e)));
        }
    }

    /** Every error answer must decode into the client's {@code APIErrorPayload}. */
    private static APIErrorPayload envelope(ObjectMapper mapper, Call call, ApiException e) {
        try {
            return mapper.readValue(e.getResponseBody(), APIErrorPayload.class);
        } catch (JsonProcessingException | IllegalArgumentException notAnEnvelope) {
            throw new AssertionError(
                    "The client cannot read the " + e.getCode() + " answer to " + call + " as APIErrorPayload: "
                            + e.getResponseBody(),
                    notAnEnvelope);
        }
    }

    /** Authenticates the request and, for a verbatim call, puts its exact bytes on the wire. */
    private static void intercept(HttpRequest.Builder request, String baseUrl, Call call) {
        if (call.credentials().present()) {
            request.header(call.credentials().header(), call.credentials().value());
        }
        if (call.isVerbatim()) {
            request.uri(URI.create(baseUrl + call.pathAndQuery()));
            String body = call.bodyText();
            if (body != null) {
                request.setHeader("Content-Type", call.mediaType());
            }
            request.method(
                    call.operation().method(),
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        }
    }
}
