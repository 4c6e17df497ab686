package dev.runtimes.server.web.conformance;

import dev.runtimes.server.error.FieldProblem;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Tells why a raw parameter value cannot become its Java type. Quarkus REST reports a failed
 * conversion without naming the parameter; this finds it again to build a precise {@code loc}.
 */
public final class ParameterConversion {
    private ParameterConversion() {}

    public static Optional<FieldProblem> problem(RequestParameters.Parameter parameter, String raw) {
        Class<?> type = parameter.type();
        try {
            if (type == Integer.class || type == int.class) {
                Integer.parseInt(raw);
            } else if (type == Long.class || type == long.class) {
                Long.parseLong(raw);
            } else if (type == Boolean.class || type == boolean.class) {
                if (!raw.equals("true") && !raw.equals("false")) {
                    return problem(parameter, "must be true or false", "invalid_type");
                }
            } else if (type == UUID.class) {
                if (!UUID.fromString(raw).toString().equalsIgnoreCase(raw)) {
                    return problem(parameter, "must be a UUID", "invalid_format");
                }
            } else if (type.isEnum()) {
                List<String> allowed = Arrays.stream(type.getEnumConstants())
                        .map(Object::toString)
                        .toList();
                if (!allowed.contains(raw)) {
                    return problem(
                            parameter,
                            "must be one of: " + allowed.stream().collect(Collectors.joining(", ")),
                            "invalid_enum");
                }
            }
            return Optional.empty();
        } catch (NumberFormatException e) {
            if (raw.matches("-?[0-9]+")) {
                return Optional.of(IntegerRange.problem(parameter.location(), type, raw.startsWith("-")));
            }
            return problem(parameter, "must be an integer", "invalid_type");
        } catch (IllegalArgumentException e) {
            return problem(parameter, "must be a UUID", "invalid_format");
        }
    }

    private static Optional<FieldProblem> problem(RequestParameters.Parameter parameter, String message, String type) {
        return Optional.of(new FieldProblem(parameter.location(), message, type));
    }
}
