package dev.runtimes.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtimes.server.api.EventsApi;
import dev.runtimes.server.api.OperatorsApi;
import dev.runtimes.server.api.RuntimesApi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The operation traits of the spec, its {@code x-} extensions, security schemes and documented 2xx statuses, reach
 * the generated {@link Operation} of every operation, which is all the stages read; and an operation that documents the
 * {@code Idempotency-Key} or {@code ETag} header has the trait that makes it true.
 */
class TraitsInSpecTest {
    private static final Map<String, Predicate<Operation>> TRAITS = Map.of(
            "x-idempotency-key", Operation::takesIdempotencyKey,
            "x-etag", Operation::entityTagged,
            "x-lifecycle-quota", Operation::lifecycleQuota);

    @Test
    void everyGeneratedOperationCarriesTheTraitsAndSuccessStatusesOfItsOperation() {
        List<String> wrong = new ArrayList<>();
        List<JsonNode> operations = operations();
        for (JsonNode operation : operations) {
            String id = operation.path("operationId").asText();
            Operation generated = generated(id);
            TRAITS.forEach((extension, trait) -> {
                if (operation.path(extension).asBoolean() != trait.test(generated)) {
                    wrong.add(id + " " + extension);
                }
            });
            int[] documented = names(operation.path("responses")).stream()
                    .filter(status -> status.startsWith("2"))
                    .mapToInt(Integer::parseInt)
                    .toArray();
            JsonNode security = operation.has("security")
                    ? operation.path("security")
                    : SpecResponses.spec().path("security");
            List<String> schemes = new ArrayList<>();
            security.forEach(requirement -> schemes.addAll(names(requirement)));
            if (!schemes.equals(generated.securedBy())) {
                wrong.add(id + " security");
            }
            if (!Arrays.equals(generated.successStatuses(), documented)) {
                wrong.add(id + " success statuses");
            }
        }
        assertThat(operations).hasSizeGreaterThan(15);
        assertThat(wrong).isEmpty();
    }

    @Test
    void anOperationThatDocumentsTheHeadersHasTheTraitThatSendsOrTakesThem() {
        List<String> wrong = new ArrayList<>();
        for (JsonNode operation : operations()) {
            String id = operation.path("operationId").asText();
            boolean declaresKey = operation.path("parameters").findValuesAsText("$ref").stream()
                    .anyMatch(ref -> ref.equals("#/components/parameters/IdempotencyKey"));
            if (declaresKey && !operation.path("x-idempotency-key").asBoolean()) {
                wrong.add(id + " declares Idempotency-Key without x-idempotency-key");
            }
            boolean documentsTag =
                    operation.path("responses").path("200").path("headers").has("ETag");
            if (documentsTag != operation.path("x-etag").asBoolean()) {
                wrong.add(id + " documents ETag on its 200 answer only with x-etag");
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static List<JsonNode> operations() {
        List<JsonNode> operations = new ArrayList<>();
        SpecResponses.spec()
                .path("paths")
                .forEach(path -> path.forEach(operation -> {
                    if (operation.has("operationId")) {
                        operations.add(operation);
                    }
                }));
        return operations;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Operation generated(String operationId) {
        return Stream.of(RuntimesApi.OPERATIONS, OperatorsApi.OPERATIONS, EventsApi.OPERATIONS)
                .flatMap(operations -> Stream.ofNullable(operations.get(operationId)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no generated operation " + operationId));
    }
}
