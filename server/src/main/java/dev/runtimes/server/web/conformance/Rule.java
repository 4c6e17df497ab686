package dev.runtimes.server.web.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtimes.server.error.FieldProblem;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the spec says of one value, as the generator writes it from the spec ({@code rule.mustache}
 * on every model's {@code RULE} and every operation's {@code Request} in its interface's {@code OPERATIONS}). A value is checked as query
 * text or as JSON. {@code min} and {@code max} bound an integer's value, and the length of a string
 * or the size of a list or a map.
 */
public record Rule(
        Kind kind,
        long min,
        long max,
        Pattern pattern,
        List<String> allowed,
        Rule key,
        Rule element,
        Map<String, Member> members) {

    /** A value's JSON type, with what a value of another type is told. */
    public enum Kind {
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

    /** A member of an object: {@code required} as the spec lists it, {@code nullable} as it marks it. */
    public record Member(String name, boolean required, boolean nullable, Rule rule) {}

    public static final Rule BOOLEAN = of(Kind.BOOLEAN, 0, 0, null);
    public static final Rule UUID = of(Kind.UUID, 0, 0, null);
    public static final Rule DATE_TIME = of(Kind.DATE_TIME, 0, 0, null);

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    /** RFC 3339: a four-digit year, which ISO 8601's expanded years (and PostgreSQL's range) exceed. */
    private static final Pattern FOUR_DIGIT_YEAR = Pattern.compile("[0-9]{4}-.*");

    public static Rule int32(long min, long max) {
        return of(Kind.INT32, Math.max(min, Integer.MIN_VALUE), Math.min(max, Integer.MAX_VALUE), null);
    }

    public static Rule int64(long min, long max) {
        return of(Kind.INT64, min, max, null);
    }

    public static Rule string(long minLength, long maxLength, String pattern) {
        return of(Kind.STRING, minLength, maxLength, pattern == null ? null : Pattern.compile(pattern));
    }

    /** An enum, whose generated constants write the spec's values. */
    public static Rule oneOf(Object[] values) {
        List<String> allowed = Arrays.stream(values).map(Object::toString).toList();
        return new Rule(Kind.ENUM, 0, 0, null, allowed, null, null, null);
    }

    public static Rule list(long minItems, long maxItems, Rule element) {
        return new Rule(Kind.LIST, minItems, maxItems, null, List.of(), null, element, null);
    }

    /** A map, whose keys match {@code keyPattern} (the spec's {@code x-property-names}) when there is one. */
    public static Rule map(long minProperties, long maxProperties, String keyPattern, Rule value) {
        Rule key = string(0, Integer.MAX_VALUE, keyPattern);
        return new Rule(Kind.MAP, minProperties, maxProperties, null, List.of(), key, value, null);
    }

    /** An object of these members, in the spec's order; it takes no other member. */
    public static Rule object(Member... members) {
        Map<String, Member> byName = new LinkedHashMap<>();
        Arrays.stream(members).forEach(member -> byName.put(member.name(), member));
        return new Rule(Kind.OBJECT, 0, 0, null, List.of(), null, null, byName);
    }

    private static Rule of(Kind kind, long min, long max, Pattern pattern) {
        return new Rule(kind, min, max, pattern, List.of(), null, null, null);
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
            problems.add(new FieldProblem(at, "must be " + kind.expected, "invalid_type"));
            return;
        }
        switch (kind) {
            case INT32, INT64 -> problems.addAll(checkInteger(value.bigIntegerValue(), at));
            case BOOLEAN -> {}
            case UUID, DATE_TIME -> {
                if (kind == Kind.UUID ? !isUuid(value.textValue()) : !isDateTime(value.textValue())) {
                    problems.add(new FieldProblem(at, "must be " + kind.expected, "invalid_type"));
                }
            }
            case ENUM -> problems.addAll(checkEnum(value.textValue(), at));
            case STRING ->
                problems.addAll(
                        hasNul(value.textValue()) ? List.of(nulProblem(at)) : checkString(value.textValue(), at));
            case LIST -> {
                sizeProblem(value.size(), at, problems);
                for (int i = 0; i < value.size(); i++) {
                    checkMember(value.get(i), append(at, i), problems);
                }
            }
            case MAP -> checkEntries(value, at, problems);
            case OBJECT -> checkMembers(value, at, problems);
        }
    }

    private List<FieldProblem> checkInteger(BigInteger value, List<Object> at) {
        if (value.compareTo(BigInteger.valueOf(min)) < 0) {
            return List.of(new FieldProblem(at, "must be greater than or equal to " + min, "too_small"));
        }
        if (value.compareTo(BigInteger.valueOf(max)) > 0) {
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
        sizeProblem(text.length(), at, problems);
        if (pattern != null && !pattern.matcher(text).matches()) {
            problems.add(new FieldProblem(at, "must match \"" + pattern.pattern() + "\"", "pattern_mismatch"));
        }
        return problems;
    }

    /** The length of a string, or how many elements a list (or a repeated parameter) has. */
    void sizeProblem(int size, List<Object> at, List<FieldProblem> problems) {
        if (size < min || size > max) {
            String message = "size must be between " + min + " and " + max;
            problems.add(new FieldProblem(at, message, size < min ? "too_short" : "too_long"));
        }
    }

    private void checkEntries(JsonNode map, List<Object> at, List<FieldProblem> problems) {
        sizeProblem(map.size(), at, problems);
        for (Iterator<Map.Entry<String, JsonNode>> entries = map.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            List<Object> here = append(at, entry.getKey());
            if (hasNul(entry.getKey())) {
                problems.add(nulProblem(here));
                continue;
            }
            List<FieldProblem> name = key.checkString(entry.getKey(), here);
            name.forEach(problem -> problems.add(new FieldProblem(here, "name " + problem.message(), problem.type())));
            if (name.isEmpty()) {
                checkMember(entry.getValue(), here, problems);
            }
        }
    }

    /** Unknown members first, then each member in the spec's order. */
    private void checkMembers(JsonNode object, List<Object> at, List<FieldProblem> problems) {
        object.fieldNames().forEachRemaining(name -> {
            if (!members.containsKey(name)) {
                problems.add(new FieldProblem(append(at, name), "is not a member of this object", "unknown_field"));
            }
        });
        members.forEach((name, member) -> {
            JsonNode value = object.get(name);
            List<Object> here = append(at, name);
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

    /** An element of a list or a value of a map: never {@code null} in this spec. */
    private void checkMember(JsonNode value, List<Object> at, List<FieldProblem> problems) {
        if (value.isNull()) {
            problems.add(new FieldProblem(at, "must not be null", "invalid_type"));
        } else {
            element.checkJson(value, at, problems);
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
            return java.util.UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

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
}
