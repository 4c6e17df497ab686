package dev.runtimes.contract.harness;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The contract as the suite reads it: every operation with its method, path and documented statuses. */
public final class ContractSpec {
    /** The contract, copied onto the test classpath by this module's pom. */
    public static final String RESOURCE = "openapi/runtimes-api.yaml";

    private static final ContractSpec INSTANCE = new ContractSpec(load(RESOURCE));

    /** One operation of the spec. */
    public record Operation(
            String id,
            String method,
            String path,
            List<Integer> statuses,
            List<String> pathParameters,
            boolean hasBody,
            boolean operatorOnly) {

        public boolean documents(int status) {
            return statuses.contains(status);
        }
    }

    private final Map<String, Operation> operations = new LinkedHashMap<>();
    private final OpenAPI api;

    private ContractSpec(OpenAPI api) {
        this.api = api;
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    List<String> pathParameters = new ArrayList<>();
                    parameters(item, operation).stream()
                            .filter(p -> "path".equals(p.getIn()))
                            .forEach(p -> pathParameters.add(p.getName()));
                    boolean operatorOnly = operation.getSecurity() != null
                            && operation.getSecurity().stream().anyMatch(r -> r.containsKey("operatorToken"));
                    operations.put(
                            operation.getOperationId(),
                            new Operation(
                                    operation.getOperationId(),
                                    method.name(),
                                    path,
                                    operation.getResponses().keySet().stream()
                                            .map(Integer::valueOf)
                                            .sorted()
                                            .toList(),
                                    List.copyOf(pathParameters),
                                    operation.getRequestBody() != null,
                                    operatorOnly));
                }));
    }

    public static ContractSpec get() {
        return INSTANCE;
    }

    /** The whole document, every reference resolved: parameters, schemas and examples of each operation. */
    public OpenAPI document() {
        return api;
    }

    public Collection<Operation> operations() {
        return operations.values();
    }

    public Operation operation(String id) {
        return Optional.ofNullable(operations.get(id))
                .orElseThrow(() -> new IllegalArgumentException("The spec has no operation " + id));
    }

    /** The spec's text, as committed in openapi/. */
    public static String text(String resource) {
        try (InputStream in = ContractSpec.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OpenAPI load(String resource) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        var result = new OpenAPIV3Parser().readContents(text(resource), null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalStateException("Cannot read " + resource + ": " + result.getMessages());
        }
        return result.getOpenAPI();
    }

    private static List<Parameter> parameters(PathItem item, io.swagger.v3.oas.models.Operation operation) {
        List<Parameter> all = new ArrayList<>();
        Optional.ofNullable(item.getParameters()).ifPresent(all::addAll);
        Optional.ofNullable(operation.getParameters()).ifPresent(all::addAll);
        return all;
    }
}
