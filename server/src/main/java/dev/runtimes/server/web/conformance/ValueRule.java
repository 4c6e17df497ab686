package dev.runtimes.server.web.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtimes.server.error.FieldProblem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What the spec says of one value: its JSON type and its bounds, as the generated interfaces and
 * models carry them (the generator turns {@code minimum} into {@code @Min}, {@code maxLength} into
 * {@code @Size}, an {@code enum} into a Java enum). A value is checked as query text or as JSON.
 */
record ValueRule(
        Kind kind,
        Optional<BigInteger> minimum,
        Optional<BigInteger> maximum,
        Optional<Size> size,
        Optional<java.util.regex.Pattern> pattern,
        List<String> allowed,
        Optional<ValueRule> key,
        Optional<ValueRule> element,
        Optional<ObjectRule> object) {

    /** A value's JSON type, with what a value of another type is told. */
    enum Kind {
        INT32("a number"),
        INT64("a number"),
        BOOLEAN("true or false"),
        STRING("a string"),
        UUID("a UUID string"),
        DATE_TIME("an RFC 3339 date-time string"),
        ENUM("a string"),
        LIST("an array"),
        MAP("an object"),
        OBJECT("an object");

        private final String expected;

        Kind(String expected) {
            this.expected = expected;
        }
    }

    private static final BigInteger[] INT32_RANGE = {
        BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE)
    };
    private static final BigInteger[] INT64_RANGE = {
        BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE)
    };
    private static final java.util.regex.Pattern INTEGER = java.util.regex.Pattern.compile("-?[0-9]+");

    /** The rule of a parameter, a property or an element: its declared annotations and its annotated type. */
    static ValueRule of(Annotation[] declared, AnnotatedType type) {
        List<Annotation> rules = Stream.concat(Arrays.stream(declared), Arrays.stream(type.getAnnotations()))
                .toList();
        Class<?> raw = raw(type.getType());
        Kind kind = kindOf(raw);
        AnnotatedType[] arguments = type instanceof AnnotatedParameterizedType parameterized
                ? parameterized.getAnnotatedActualTypeArguments()
                : new AnnotatedType[0];
        Optional<ValueRule> key =
                kind == Kind.MAP ? Optional.of(of(new Annotation[0], arguments[0])) : Optional.empty();
        Optional<ValueRule> element = switch (kind) {
            case LIST -> Optional.of(of(new Annotation[0], arguments[0]));
            case MAP -> Optional.of(of(new Annotation[0], arguments[1]));
            default -> Optional.empty();
        };
        return new ValueRule(
                kind,
                find(rules, Min.class).map(min -> BigInteger.valueOf(min.value())),
                find(rules, Max.class).map(max -> BigInteger.valueOf(max.value())),
                find(rules, Size.class),
                find(rules, Pattern.class).map(p -> java.util.regex.Pattern.compile(p.regexp())),
                raw.isEnum()
                        ? Arrays.stream(raw.getEnumConstants())
                                .map(Object::toString)
                                .toList()
                        : List.of(),
                key,
                element,
                kind == Kind.OBJECT ? Optional.of(ObjectRule.of(raw)) : Optional.empty());
    }

    /** A query, path or header value: text that must read as this value. */
    List<FieldProblem> checkText(String text, List<Object> at) {
        return switch (kind) {
            case INT32, INT64 ->
                INTEGER.matcher(text).matches()
                        ? checkInteger(new BigInteger(text), at)
                        : List.of(new FieldProblem(at, "must be an integer", "invalid_type"));
            case BOOLEAN ->
                text.equals("true") || text.equals("false")
                        ? List.of()
                        : List.of(new FieldProblem(at, "must be true or false", "invalid_type"));
            case UUID -> isUuid(text) ? List.of() : List.of(new FieldProblem(at, "must be a UUID", "invalid_format"));
            case ENUM -> checkEnum(text, at);
            default -> checkString(text, at);
        };
    }

    /** A value of a JSON body, not {@code null}. */
    void checkJson(JsonNode value, List<Object> at, List<FieldProblem> problems) {
        boolean typed = switch (kind) {
            case INT32, INT64 -> value.isNumber();
            case BOOLEAN -> value.isBoolean();
            case STRING, UUID, DATE_TIME, ENUM -> value.isTextual();
            case LIST -> value.isArray();
            case MAP, OBJECT -> value.isObject();
        };
        if (!typed || (value.isNumber() && !value.isIntegralNumber())) {
            problems.add(wrongType(at));
            return;
        }
        switch (kind) {
            case INT32, INT64 -> problems.addAll(checkInteger(value.bigIntegerValue(), at));
            case BOOLEAN -> {}
            case UUID -> {
                if (!isUuid(value.textValue())) {
                    problems.add(wrongType(at));
                }
            }
            case DATE_TIME -> {
                if (!isDateTime(value.textValue())) {
                    problems.add(wrongType(at));
                }
            }
            case ENUM -> problems.addAll(checkEnum(value.textValue(), at));
            case STRING ->
                problems.addAll(
                        hasNul(value.textValue()) ? List.of(nulProblem(at)) : checkString(value.textValue(), at));
            case LIST -> checkElements(value, at, problems);
            case MAP -> checkEntries(value, at, problems);
            case OBJECT -> object.orElseThrow().check(value, at, problems);
        }
    }

    FieldProblem wrongType(List<Object> at) {
        return new FieldProblem(at, "must be " + kind.expected, "invalid_type");
    }

    private List<FieldProblem> checkInteger(BigInteger value, List<Object> at) {
        BigInteger[] range = kind == Kind.INT64 ? INT64_RANGE : INT32_RANGE;
        BigInteger min = minimum.orElse(range[0]).max(range[0]);
        BigInteger max = maximum.orElse(range[1]).min(range[1]);
        if (value.compareTo(min) < 0) {
            return List.of(new FieldProblem(at, "must be greater than or equal to " + min, "too_small"));
        }
        if (value.compareTo(max) > 0) {
            return List.of(new FieldProblem(at, "must be less than or equal to " + max, "too_large"));
        }
        return List.of();
    }

    private List<FieldProblem> checkEnum(String text, List<Object> at) {
        return allowed.contains(text)
                ? List.of()
                : List.of(new FieldProblem(at, "must be one of: " + String.join(", ", allowed), "invalid_enum"));
    }

    private List<FieldProblem> checkString(String text, List<Object> at) {
        List<FieldProblem> problems = new ArrayList<>(0);
        sizeProblem(text.length(), at).ifPresent(problems::add);
        if (pattern.isPresent() && !pattern.get().matcher(text).matches()) {
            problems.add(new FieldProblem(at, "must match \"" + pattern.get().pattern() + "\"", "pattern_mismatch"));
        }
        return problems;
    }

    /** How many times a repeated parameter may be given. */
    Optional<FieldProblem> checkCount(int count, List<Object> at) {
        return sizeProblem(count, at);
    }

    private Optional<FieldProblem> sizeProblem(int length, List<Object> at) {
        if (size.isEmpty()
                || (length >= size.get().min() && length <= size.get().max())) {
            return Optional.empty();
        }
        String message = "size must be between " + size.get().min() + " and "
                + size.get().max();
        return Optional.of(new FieldProblem(at, message, length < size.get().min() ? "too_short" : "too_long"));
    }

    private void checkElements(JsonNode array, List<Object> at, List<FieldProblem> problems) {
        sizeProblem(array.size(), at).ifPresent(problems::add);
        for (int i = 0; i < array.size(); i++) {
            checkMember(array.get(i), append(at, i), problems);
        }
    }

    private void checkEntries(JsonNode map, List<Object> at, List<FieldProblem> problems) {
        sizeProblem(map.size(), at).ifPresent(problems::add);
        for (Iterator<Map.Entry<String, JsonNode>> entries = map.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            List<Object> here = append(at, entry.getKey());
            if (hasNul(entry.getKey())) {
                problems.add(nulProblem(here));
                continue;
            }
            List<FieldProblem> name = key.orElseThrow().checkString(entry.getKey(), here);
            name.forEach(problem -> problems.add(new FieldProblem(here, "name " + problem.message(), problem.type())));
            if (name.isEmpty()) {
                checkMember(entry.getValue(), here, problems);
            }
        }
    }

    /** An element of a list or a value of a map: never {@code null} in this spec. */
    private void checkMember(JsonNode value, List<Object> at, List<FieldProblem> problems) {
        if (value.isNull()) {
            problems.add(new FieldProblem(at, "must not be null", "invalid_type"));
        } else {
            element.orElseThrow().checkJson(value, at, problems);
        }
    }

    /** PostgreSQL cannot store the NUL character, and OpenAPI 3.0 has no rule for it: the spec says so in words. */
    private static boolean hasNul(String text) {
        return text.indexOf('\0') >= 0;
    }

    private static FieldProblem nulProblem(List<Object> at) {
        return new FieldProblem(at, "must not contain the NUL character (U+0000)", "invalid_value");
    }

    static List<Object> append(List<Object> at, Object next) {
        List<Object> longer = new ArrayList<>(at.size() + 1);
        longer.addAll(at);
        longer.add(next);
        return List.copyOf(longer);
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** RFC 3339: a four-digit year, which ISO 8601's expanded years (and PostgreSQL's range) exceed. */
    private static final java.util.regex.Pattern FOUR_DIGIT_YEAR = java.util.regex.Pattern.compile("[0-9]{4}-.*");

    private static boolean isDateTime(String text) {
        if (!FOUR_DIGIT_YEAR.matcher(text).matches()) {
            return false;
        }
        try {
            OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static final Map<Class<?>, Kind> SCALARS = Map.of(
            Integer.class, Kind.INT32,
            int.class, Kind.INT32,
            Long.class, Kind.INT64,
            long.class, Kind.INT64,
            Boolean.class, Kind.BOOLEAN,
            boolean.class, Kind.BOOLEAN,
            String.class, Kind.STRING,
            UUID.class, Kind.UUID,
            OffsetDateTime.class, Kind.DATE_TIME);

    private static Kind kindOf(Class<?> raw) {
        if (raw.isEnum()) {
            return Kind.ENUM;
        }
        if (List.class.isAssignableFrom(raw)) {
            return Kind.LIST;
        }
        if (Map.class.isAssignableFrom(raw)) {
            return Kind.MAP;
        }
        return SCALARS.getOrDefault(raw, Kind.OBJECT);
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
    }

    private static <A extends Annotation> Optional<A> find(List<Annotation> annotations, Class<A> kind) {
        return annotations.stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }
}
