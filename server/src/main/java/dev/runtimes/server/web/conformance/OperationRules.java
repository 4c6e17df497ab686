package dev.runtimes.server.web.conformance;

import dev.runtimes.server.web.OperationTraits;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the spec says of one operation's request: its parameters and its body, read from the
 * generated interface method the resource implements.
 */
public record OperationRules(List<Parameter> parameters, Optional<Body> body) {

    /** One parameter: where it travels ({@code path}, {@code query}, {@code header}), its wire name and its rule. */
    public record Parameter(String source, String name, boolean required, boolean repeated, ValueRule rule) {
        public List<Object> location() {
            return List.of(source, name);
        }

        /** Whether a value keeps the parameter's rule (for a repeated one, its elements' rule). */
        public boolean admits(String text) {
            ValueRule value = repeated ? rule.element().orElseThrow() : rule;
            return value.checkText(text, location()).isEmpty();
        }
    }

    /** The request body: the object it must be, and whether it must be sent. */
    public record Body(ObjectRule object, boolean required) {}

    private static final Map<Method, OperationRules> BY_METHOD = new ConcurrentHashMap<>();

    /** Read once per method: stages ask on every request, and the answer never changes. */
    public static OperationRules of(Method resourceMethod) {
        OperationRules known = BY_METHOD.get(resourceMethod);
        if (known == null) {
            known = read(OperationTraits.generated(resourceMethod));
            BY_METHOD.put(resourceMethod, known);
        }
        return known;
    }

    /** The parameter at this place and of this name. */
    public Optional<Parameter> parameter(String source, String name) {
        return parameters.stream()
                .filter(p -> p.source().equals(source) && p.name().equals(name))
                .findFirst();
    }

    /** The header parameter of this name as the first operation of the generated interface that takes it declares it. */
    public static Parameter header(Class<?> api, String name) {
        return Arrays.stream(api.getMethods())
                .flatMap(method -> of(method).parameter("header", name).stream())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(api.getSimpleName() + " has no header " + name));
    }

    private static OperationRules read(Method method) {
        Annotation[][] annotations = method.getParameterAnnotations();
        AnnotatedType[] types = method.getAnnotatedParameterTypes();
        List<Parameter> parameters = new ArrayList<>();
        Optional<Body> body = Optional.empty();
        for (int i = 0; i < annotations.length; i++) {
            if (Arrays.stream(annotations[i]).anyMatch(Context.class::isInstance)) {
                continue;
            }
            ValueRule rule = ValueRule.of(annotations[i], types[i]);
            boolean required = Arrays.stream(annotations[i]).anyMatch(NotNull.class::isInstance);
            Optional<Parameter> parameter = parameter(annotations[i], rule, required);
            if (parameter.isPresent()) {
                parameters.add(parameter.get());
            } else if (rule.object().isPresent()) {
                body = Optional.of(new Body(rule.object().get(), required));
            }
        }
        return new OperationRules(List.copyOf(parameters), body);
    }

    private static Optional<Parameter> parameter(Annotation[] annotations, ValueRule rule, boolean required) {
        boolean repeated = rule.kind() == ValueRule.Kind.LIST;
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return Optional.of(new Parameter("query", query.value(), required, repeated, rule));
            }
            if (annotation instanceof PathParam path) {
                return Optional.of(new Parameter("path", path.value(), true, false, rule));
            }
            if (annotation instanceof HeaderParam header) {
                return Optional.of(new Parameter("header", header.value(), required, repeated, rule));
            }
        }
        return Optional.empty();
    }
}
