package dev.runtimes.server.web;

import dev.runtimes.server.api.EventsApi;
import dev.runtimes.server.api.OperatorsApi;
import dev.runtimes.server.api.RuntimesApi;
import dev.runtimes.server.web.conformance.Request;
import jakarta.ws.rs.container.ResourceInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the spec says of one operation, as {@code api.mustache} writes it into each generated
 * interface's {@code OPERATIONS}: the security schemes it may be called with (its {@code security},
 * or the document's), the 2xx statuses it documents, its traits ({@code x-idempotency-key},
 * {@code x-etag}, {@code x-lifecycle-quota}) and its request's rules. The stages read nothing else,
 * so an extension changed in the spec changes what they do after a rebuild.
 */
public record Operation(
        List<String> securedBy,
        int[] successStatuses,
        boolean takesIdempotencyKey,
        boolean entityTagged,
        boolean lifecycleQuota,
        Request request) {
    /** The operator token's scheme; every other scheme of the spec presents an API key. */
    public static final String OPERATOR_TOKEN = "operatorToken";

    /** The operation of the matched resource method, which is named by its operationId; none before matching. */
    public static Optional<Operation> of(ResourceInfo resource) {
        return resource == null || resource.getResourceMethod() == null
                ? Optional.empty()
                : Optional.ofNullable(ById.ALL.get(resource.getResourceMethod().getName()));
    }

    /** The header parameter of this name, as the operations that take it declare it. */
    public static Request.Parameter header(String name) {
        return ById.ALL.values().stream()
                .flatMap(operation -> operation.request().parameter("header", name).stream())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no operation takes the header " + name));
    }

    /** Apart from {@link Operation}, which the generated interfaces call while they are initialized. */
    private static final class ById {
        static final Map<String, Operation> ALL = Stream.of(
                        RuntimesApi.OPERATIONS, EventsApi.OPERATIONS, OperatorsApi.OPERATIONS)
                .flatMap(operations -> operations.entrySet().stream())
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
