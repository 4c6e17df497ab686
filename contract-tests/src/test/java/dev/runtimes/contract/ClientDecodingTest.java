package dev.runtimes.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.runtimes.client.api.RuntimesApi;
import dev.runtimes.client.invoker.ApiClient;
import dev.runtimes.client.invoker.ApiException;
import dev.runtimes.client.model.APIErrorPayload;
import dev.runtimes.client.model.ErrorType;
import dev.runtimes.client.model.PauseReason;
import dev.runtimes.client.model.Runtime;
import dev.runtimes.client.model.RuntimeListResponse;
import dev.runtimes.client.model.RuntimeStatus;
import dev.runtimes.client.model.SandboxState;
import dev.runtimes.contract.harness.ContractSpec;
import dev.runtimes.contract.harness.LocalHttpServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every response shape of the spec decodes through the generated client: every example, every
 * enum value, nulls, and what a newer server may send (enum values and fields this client does
 * not know yet), both decoded directly and served over HTTP to the client's own call path.
 */
class ClientDecodingTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper CLIENT = new ApiClient().getObjectMapper();
    private static final ObjectMapper WRITE_BACK = CLIENT.copy().setSerializationInclusion(JsonInclude.Include.ALWAYS);
    private static final Comparator<JsonNode> SAME_NUMBERS =
            (a, b) -> a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;
    private static final String UNKNOWN = "UNKNOWN_DEFAULT_OPEN_API";

    @Test
    void everyEnumValueOfTheSpecIsAKnownConstantOfTheClient() throws Exception {
        int checked = 0;
        for (Map.Entry<String, JsonNode> schema : schemas().properties()) {
            if (!schema.getValue().has("enum")) {
                continue;
            }
            Class<?> type = Class.forName("dev.runtimes.client.model." + schema.getKey());
            for (JsonNode value : schema.getValue().path("enum")) {
                Object decoded = CLIENT.treeToValue(value, type);
                if (value.isNull()) {
                    assertThat(decoded).as("null of %s", schema.getKey()).isNull();
                } else {
                    assertThat(decoded).as("%s of %s", value, schema.getKey()).isNotNull();
                    assertThat(((Enum<?>) decoded).name()).isNotEqualTo(UNKNOWN);
                    assertThat((JsonNode) CLIENT.valueToTree(decoded)).isEqualTo(value);
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(30);
    }

    static Stream<Arguments> examples() throws IOException {
        JsonNode spec = YAML.readTree(ContractSpec.text(ContractSpec.RESOURCE));
        List<Arguments> examples = new ArrayList<>();
        spec.path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(operation -> operation
                                .getValue()
                                .path("responses")
                                .properties()
                                .forEach(response -> collect(
                                        spec,
                                        path.getKey() + " " + operation.getKey() + " " + response.getKey(),
                                        response.getValue(),
                                        examples))));
        spec.path("components")
                .path("responses")
                .properties()
                .forEach(response ->
                        collect(spec, "components/responses/" + response.getKey(), response.getValue(), examples));
        return examples.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleOfTheSpecDecodesAndWritesBackUnchanged(String where, String schema, JsonNode example)
            throws Exception {
        Object decoded = CLIENT.treeToValue(example, Class.forName("dev.runtimes.client.model." + schema));
        JsonNode written = WRITE_BACK.valueToTree(decoded);
        assertThat(example.equals(SAME_NUMBERS, written))
                .as("%s as %s:%n%s%nwritten back as%n%s", where, schema, example, written)
                .isTrue();
    }

    @Test
    void aPageFromANewerServerDecodesWithUnknownValuesAndFields() throws Exception {
        String page = """
                {"items": [
                  {"id": "5d0f6a2e-3c1b-4e8f-9a7d-2b6c8e1f4a90", "key": "gpu", "name": "GPU",
                   "description": null, "project_id": "0b3c52f4-8a7e-4b0a-9a4c-7f9d1c2e5a10",
                   "project_key": "default", "project_name": "Default", "status": "hibernating",
                   "labels": {}, "config_digest": "sha256:9f2c", "config_version": "v3",
                   "owned_by_me": true, "created_by": "ada", "created_at": "2026-11-29T09:12:03Z",
                   "updated_at": "2026-11-29T10:00:41Z", "region": "eu-west",
                   "instance": {"sandbox_id": "8e4b1c7a-2f3d-4a5b-9c6d-7e8f9a0b1c2d", "provider": "local",
                     "provider_sandbox_id": "local-1", "sandbox_url": null, "state": "frozen",
                     "pause_reason": "maintenance", "created_at": "2026-11-29T10:00:41Z", "expires_at": null,
                     "total_runtime_seconds": 10, "actual_runtime_limit_seconds": null, "billed_credits": 0,
                     "running_credits": 0, "estimated_total_credits": 0, "gpu": {"model": "h100"}}},
                  {"id": "1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d", "key": "etl", "name": "ETL",
                   "description": null, "project_id": "0b3c52f4-8a7e-4b0a-9a4c-7f9d1c2e5a10",
                   "project_key": "default", "project_name": "Default", "status": "idle", "labels": {},
                   "config_digest": "sha256:4c1e", "config_version": "v2", "owned_by_me": false,
                   "created_by": "grace", "created_at": "2026-11-28T17:45:00Z",
                   "updated_at": "2026-11-28T17:45:00Z", "instance": null}],
                 "next_cursor": null, "total_estimate": 2}
                """;
        try (LocalHttpServer server = new LocalHttpServer(request -> new LocalHttpServer.Answer(200, page))) {
            RuntimeListResponse decoded =
                    runtimes(server).listRuntimes("example", "example", null, null, null, null, null, null, 50, null);

            Runtime newer = decoded.getItems().get(0);
            assertThat(newer.getStatus()).isEqualTo(RuntimeStatus.UNKNOWN_DEFAULT_OPEN_API);
            assertThat(newer.getInstance().getState()).isEqualTo(SandboxState.UNKNOWN_DEFAULT_OPEN_API);
            assertThat(newer.getInstance().getPauseReason()).isEqualTo(PauseReason.UNKNOWN_DEFAULT_OPEN_API);
            assertThat(newer.getConfigVersion()).isEqualTo("v3");
            assertThat(newer.getInstance().getSandboxUrl()).isNull();
            assertThat(newer.getInstance().getActualRuntimeLimitSeconds()).isNull();

            Runtime idle = decoded.getItems().get(1);
            assertThat(idle.getStatus()).isEqualTo(RuntimeStatus.IDLE);
            assertThat(idle.getInstance()).isNull();
            assertThat(idle.getDescription()).isNull();
            assertThat(decoded.getNextCursor()).isNull();
        }
    }

    @Test
    void anErrorOfATypeTheClientDoesNotKnowDecodesAsAnEnvelope() {
        String error = """
                {"code": 409, "detail": "The runtime is being migrated.", "type": "migration_in_progress_error",
                 "errors": null, "retry_after_seconds": 30}
                """;
        try (LocalHttpServer server = new LocalHttpServer(request -> new LocalHttpServer.Answer(409, error))) {
            assertThatThrownBy(() -> runtimes(server)
                            .listRuntimes("example", "example", null, null, null, null, null, null, null, null))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.getCode()).isEqualTo(409);
                        APIErrorPayload payload = decode(e.getResponseBody(), APIErrorPayload.class);
                        assertThat(payload.getType()).isEqualTo(ErrorType.UNKNOWN_DEFAULT_OPEN_API);
                        assertThat(payload.getCode()).isEqualTo(409);
                        assertThat(payload.getDetail()).isEqualTo("The runtime is being migrated.");
                        assertThat(payload.getErrors()).isNull();
                    });
        }
    }

    private static RuntimesApi runtimes(LocalHttpServer server) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.baseUrl());
        return new RuntimesApi(client);
    }

    private static <T> T decode(String json, Class<T> type) {
        try {
            return CLIENT.readValue(json, type);
        } catch (IOException e) {
            throw new AssertionError("Cannot decode " + json, e);
        }
    }

    private static JsonNode schemas() throws IOException {
        return YAML.readTree(ContractSpec.text(ContractSpec.RESOURCE))
                .path("components")
                .path("schemas");
    }

    /** Every example of a response's JSON content, with the name of its schema. */
    private static void collect(JsonNode spec, String where, JsonNode response, List<Arguments> into) {
        JsonNode content = response.path("content").path("application/json");
        String ref = content.path("schema").path("$ref").asText("");
        if (ref.isEmpty()) {
            return;
        }
        String schema = ref.substring(ref.lastIndexOf('/') + 1);
        if (content.has("example")) {
            into.add(Arguments.of(where, schema, content.get("example")));
        }
        content.path("examples")
                .properties()
                .forEach(example -> into.add(Arguments.of(
                        where + " " + example.getKey(),
                        schema,
                        resolved(spec, example.getValue()).path("value"))));
    }

    /** The example itself, or the shared one under {@code components/examples} it refers to. */
    private static JsonNode resolved(JsonNode spec, JsonNode example) {
        String ref = example.path("$ref").asText("");
        return ref.isEmpty() ? example : spec.at(ref.substring(1));
    }
}
