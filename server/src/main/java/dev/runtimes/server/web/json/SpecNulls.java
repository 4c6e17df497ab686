package dev.runtimes.server.web.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.runtimes.server.api.model.APIErrorPayload;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Holds {@code null}, absence and unknown members in request bodies to the spec. Jackson takes an explicit
 * {@code null} as an absent property and an absent one as {@code null}; the spec tells them
 * apart. A property that is not {@code nullable} may not be {@code null}, nor may a map's value
 * (a 422 {@code invalid_type} on it), and a required property that is {@code nullable} must
 * still be present (a 422 {@code missing}). The generated models say which is which: the
 * server's template marks nullable properties {@link Nullable}, and required ones carry
 * {@code @JsonProperty(required = true)}.
 *
 * <p>A request object takes only the members its schema names (the spec's request schemas say
 * {@code additionalProperties: false}; a map is no model and takes any key): Jackson would drop
 * the others, a misspelt name among them, without a word. Each is a 422 {@code unknown_field}.
 */
@Singleton
public class SpecNulls implements ObjectMapperCustomizer {
    private static final String MODELS = APIErrorPayload.class.getPackageName();

    /** A required property that is absent, though it may be {@code null}. */
    public static final class MissingProperty extends MismatchedInputException {
        MissingProperty(JsonParser parser, Class<?> type) {
            super(parser, "is required (null is allowed)", type);
        }
    }

    /** Members of an object that its model does not name, all of them. */
    public static final class UnknownMembers extends MismatchedInputException {
        private final transient List<String> names;

        UnknownMembers(JsonParser parser, Class<?> type, List<String> names) {
            super(parser, "is not a member of this object", type);
            this.names = names;
        }

        public List<String> names() {
            return names;
        }
    }

    /** What the spec says of one property. */
    private record Rule(String name, Class<?> type, boolean nullable, boolean required) {
        static Rule of(BeanPropertyDefinition property) {
            AnnotatedMethod getter = property.getGetter();
            JsonProperty json = getter.getAnnotation(JsonProperty.class);
            return new Rule(
                    property.getName(),
                    getter.getRawReturnType(),
                    getter.hasAnnotation(Nullable.class),
                    json != null && json.required());
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("spec-nulls");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(
                    DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
                if (!isModel(description.getBeanClass())) {
                    return deserializer;
                }
                Set<String> names = description.findProperties().stream()
                        .map(BeanPropertyDefinition::getName)
                        .collect(Collectors.toSet());
                List<Rule> rules = description.findProperties().stream()
                        .filter(BeanPropertyDefinition::hasGetter)
                        .map(Rule::of)
                        .toList();
                return new Checked(deserializer, description.getBeanClass(), names, rules);
            }
        });
        mapper.registerModule(module);
    }

    /** A generated model, or one of the {@link MergePatches} that extend one. */
    private static boolean isModel(Class<?> type) {
        return type.getPackageName().equals(MODELS)
                || (type.getSuperclass() != null
                        && type.getSuperclass().getPackageName().equals(MODELS));
    }

    /** Reads the object as a tree, checks it against the rules, then hands it to the model's own deserializer. */
    private static final class Checked extends DelegatingDeserializer {
        private final Class<?> model;
        private final Set<String> names;
        private final List<Rule> rules;

        Checked(JsonDeserializer<?> delegate, Class<?> model, Set<String> names, List<Rule> rules) {
            super(delegate);
            this.model = model;
            this.names = names;
            this.rules = rules;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Checked(delegate, model, names, rules);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = context.readTree(parser);
            if (tree.isObject()) {
                List<String> unknown = new ArrayList<>();
                tree.fieldNames().forEachRemaining(name -> {
                    if (!names.contains(name)) {
                        unknown.add(name);
                    }
                });
                if (!unknown.isEmpty()) {
                    throw new UnknownMembers(parser, model, List.copyOf(unknown));
                }
                check(tree, parser);
            }
            JsonParser replay = tree.traverse(parser.getCodec());
            replay.nextToken();
            return super.deserialize(replay, context);
        }

        private void check(JsonNode object, JsonParser parser) throws MismatchedInputException {
            for (Rule rule : rules) {
                JsonNode value = object.get(rule.name());
                if (value == null) {
                    if (rule.required() && rule.nullable()) {
                        throw at(new MissingProperty(parser, rule.type()), rule);
                    }
                } else if (value.isNull() && !rule.nullable()) {
                    throw at(notNull(parser, rule.type()), rule);
                } else if (Map.class.isAssignableFrom(rule.type()) && value.isObject()) {
                    for (Iterator<Map.Entry<String, JsonNode>> entries = value.fields(); entries.hasNext(); ) {
                        Map.Entry<String, JsonNode> entry = entries.next();
                        if (entry.getValue().isNull()) {
                            MismatchedInputException problem = notNull(parser, String.class);
                            problem.prependPath(null, entry.getKey());
                            throw at(problem, rule);
                        }
                    }
                }
            }
        }

        private static MismatchedInputException notNull(JsonParser parser, Class<?> type) {
            return MismatchedInputException.from(parser, type, "must not be null");
        }

        private MismatchedInputException at(MismatchedInputException problem, Rule rule) {
            problem.prependPath(model, rule.name());
            return problem;
        }
    }
}
