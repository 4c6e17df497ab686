package dev.runtimes.server.web.conformance;

import dev.runtimes.server.error.FieldProblem;
import dev.runtimes.server.web.json.JsonNames;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a Bean Validation violation of a request into a {@link FieldProblem} with the wire location. */
public final class ConstraintProblems {
    private ConstraintProblems() {}

    /** The problem, or empty when the violation is not the request's fault (e.g. a return value). */
    public static Optional<FieldProblem> of(ConstraintViolation<?> violation, Method resourceMethod) {
        List<Object> location = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return Optional.empty();
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                int index = node.as(Path.ParameterNode.class).getParameterIndex();
                Optional<RequestParameters.Parameter> parameter = RequestParameters.at(resourceMethod, index);
                location.addAll(
                        parameter.map(RequestParameters.Parameter::location).orElse(List.of("body")));
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null) {
                    location.add(node.getIndex());
                }
                if (node.getKey() != null) {
                    location.add(node.getKey().toString());
                }
                if (node.getName() != null && node.getKind() == ElementKind.PROPERTY) {
                    location.add(JsonNames.of(node.getName()));
                }
            }
        }
        return Optional.of(new FieldProblem(location, violation.getMessage(), type(violation)));
    }

    private static String type(ConstraintViolation<?> violation) {
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        return switch (constraint.annotationType().getSimpleName()) {
            case "NotNull", "NotEmpty", "NotBlank" -> "missing";
            case "Min", "DecimalMin", "Positive", "PositiveOrZero" -> "too_small";
            case "Max", "DecimalMax", "Negative", "NegativeOrZero" -> "too_large";
            case "Size" -> sizeType(violation);
            case "Pattern" -> "pattern_mismatch";
            default -> "invalid_value";
        };
    }

    private static String sizeType(ConstraintViolation<?> violation) {
        Object value = violation.getInvalidValue();
        int size = value instanceof CharSequence text
                ? text.length()
                : value instanceof Collection<?> collection
                        ? collection.size()
                        : value instanceof Map<?, ?> map ? map.size() : 0;
        Object min = violation.getConstraintDescriptor().getAttributes().get("min");
        return min instanceof Integer lower && size < lower ? "too_short" : "too_long";
    }
}
