package dev.runtimes.server.web.conformance;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.runtimes.server.error.FieldProblem;
import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the spec says of a JSON object, read from its generated model: each member's rule, whether
 * it is required and whether it may be {@code null}. The spec's request objects take no other
 * member ({@code additionalProperties: false}); a map is no model and takes any key.
 */
record ObjectRule(Map<String, Member> members) {

    /** One member: {@code required} as the spec lists it, {@code nullable} as the server's template marks it. */
    record Member(ValueRule rule, boolean required, boolean nullable) {}

    /** Read once per model: the rules never change. */
    private static final Map<Class<?>, ObjectRule> BY_MODEL = new ConcurrentHashMap<>();

    static ObjectRule of(Class<?> model) {
        ObjectRule known = BY_MODEL.get(model);
        if (known == null) {
            known = read(model);
            BY_MODEL.put(model, known);
        }
        return known;
    }

    /** The members in the spec's order, which is the order of the model's fields. */
    private static ObjectRule read(Class<?> model) {
        Map<String, Member> members = new LinkedHashMap<>();
        for (Field field : model.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            Method getter = getter(model, field.getName());
            JsonProperty json = getter.getAnnotation(JsonProperty.class);
            boolean nullable = getter.isAnnotationPresent(Nullable.class);
            members.put(
                    json.value(),
                    new Member(
                            ValueRule.of(getter.getAnnotations(), getter.getAnnotatedReturnType()),
                            json.required() || getter.isAnnotationPresent(NotNull.class),
                            nullable));
        }
        return new ObjectRule(Collections.unmodifiableMap(members));
    }

    void check(JsonNode object, List<Object> at, List<FieldProblem> problems) {
        object.fieldNames().forEachRemaining(name -> {
            if (!members.containsKey(name)) {
                problems.add(new FieldProblem(
                        ValueRule.append(at, name), "is not a member of this object", "unknown_field"));
            }
        });
        members.forEach((name, member) -> {
            JsonNode value = object.get(name);
            List<Object> here = ValueRule.append(at, name);
            if (value == null) {
                if (member.required()) {
                    problems.add(new FieldProblem(
                            here, member.nullable() ? "is required (null is allowed)" : "must not be null", "missing"));
                }
            } else if (value.isNull()) {
                if (!member.nullable()) {
                    problems.add(new FieldProblem(here, "must not be null", "invalid_type"));
                }
            } else {
                member.rule().checkJson(value, here, problems);
            }
        });
    }

    private static Method getter(Class<?> model, String field) {
        try {
            return model.getMethod("get" + Character.toUpperCase(field.charAt(0)) + field.substring(1));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(model.getSimpleName() + " has no getter for " + field, e);
        }
    }
}
