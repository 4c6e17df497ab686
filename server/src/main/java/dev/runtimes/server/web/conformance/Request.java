package dev.runtimes.server.web.conformance;

import dev.runtimes.server.api.EventsApi;
import dev.runtimes.server.api.OperatorsApi;
import dev.runtimes.server.api.RuntimesApi;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the spec says of one operation's request: its parameters in the operation's order, and its
 * body (the object it must be, and whether it must be sent). The generator writes one for each
 * operation, in each interface's {@code REQUESTS}.
 */
public record Request(Rule body, boolean bodyRequired, List<Parameter> parameters) {

    /** One parameter: where it travels ({@code path}, {@code query}, {@code header}), its wire name and its rule. */
    public record Parameter(String source, String name, boolean required, Rule rule) {
        public List<Object> location() {
            return List.of(source, name);
        }

        /** A parameter that may be given more than once: a list, whose elements each keep the element rule. */
        public boolean repeated() {
            return rule.kind() == Rule.Kind.LIST;
        }

        /** Whether a value keeps the parameter's rule (for a repeated one, its elements' rule). */
        public boolean admits(String text) {
            return (repeated() ? rule.element() : rule)
                    .checkText(text, location())
                    .isEmpty();
        }
    }

    public static Request of(Rule body, boolean bodyRequired, Parameter... parameters) {
        return new Request(body, bodyRequired, List.of(parameters));
    }

    /** The operation's request, by the name of the resource method that implements it (its operationId). */
    public static Optional<Request> implementedBy(Method resourceMethod) {
        return Optional.ofNullable(ByOperation.ALL.get(resourceMethod.getName()));
    }

    /** The header parameter of this name, as the operations that take it declare it. */
    public static Parameter header(String name) {
        return ByOperation.ALL.values().stream()
                .flatMap(request -> request.parameter("header", name).stream())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no operation takes the header " + name));
    }

    /** The parameter at this place and of this name. */
    public Optional<Parameter> parameter(String source, String name) {
        return parameters.stream()
                .filter(p -> p.source().equals(source) && p.name().equals(name))
                .findFirst();
    }

    /** Apart from {@link Request}, which the generated interfaces call while they are initialized. */
    private static final class ByOperation {
        static final Map<String, Request> ALL = Stream.of(
                        RuntimesApi.REQUESTS, EventsApi.REQUESTS, OperatorsApi.REQUESTS)
                .flatMap(requests -> requests.entrySet().stream())
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
