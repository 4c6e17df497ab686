package dev.runtimes.server.service;

import dev.runtimes.server.error.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules of the spec that OpenAPI 3.0 cannot state on a schema (it has no rule for map keys,
 * and the generated models check no map values), written in the descriptions of
 * {@code RuntimeLabels} and {@code RuntimeServerSettings}.
 */
final class InputRules {
    private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,62}");
    private static final int LABEL_VALUE_MAX = 256;
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final int ENV_VALUE_MAX = 512;

    private InputRules() {}

    static List<FieldProblem> labels(Map<String, String> labels) {
        return entries(labels, List.of("body", "labels"), LABEL_KEY, LABEL_VALUE_MAX);
    }

    static List<FieldProblem> env(Map<String, String> env) {
        return entries(env, List.of("body", "config", "runtime_server", "env"), ENV_NAME, ENV_VALUE_MAX);
    }

    private static List<FieldProblem> entries(
            Map<String, String> entries, List<Object> location, Pattern keyPattern, int valueMax) {
        List<FieldProblem> problems = new ArrayList<>();
        if (entries == null) {
            return problems;
        }
        entries.forEach((key, value) -> {
            List<Object> at = new ArrayList<>(location);
            at.add(key);
            if (!keyPattern.matcher(key).matches()) {
                problems.add(new FieldProblem(
                        List.copyOf(at), "name must match \"^" + keyPattern.pattern() + "$\"", "pattern_mismatch"));
            } else if (value == null) {
                problems.add(new FieldProblem(List.copyOf(at), "must be a string", "invalid_type"));
            } else if (value.length() > valueMax) {
                problems.add(new FieldProblem(List.copyOf(at), "size must be between 0 and " + valueMax, "too_long"));
            }
        });
        return problems;
    }
}
