package dev.runtimes.server.web.conformance;

import java.util.List;
import java.util.Optional;

/**
 * What the spec says of one operation's request: its parameters in the operation's order, and its
 * body (the object it must be, and whether it must be sent). The generator writes one for each
 * operation, in its {@link dev.runtimes.server.web.Operation}.
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

    /** The parameter at this place and of this name. */
    public Optional<Parameter> parameter(String source, String name) {
        return parameters.stream()
                .filter(p -> p.source().equals(source) && p.name().equals(name))
                .findFirst();
    }
}
