package dev.runtimes.contract.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.runtimes.contract.harness.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Values for a schema of the spec: a valid one, and hostile ones — the wrong type, the numbers
 * just outside and far outside the bounds, strings one past the limit and far past it, strings
 * that break the pattern or the format, and unicode a database or a parser may choke on.
 * Whether a value is allowed is not decided here: the spec's validator judges each request.
 */
final class SchemaValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Unicode that is valid text but hard on every layer: NUL, a lone surrogate, emoji, RTL, BOM. */
    static final List<String> UNICODE = List.of(
            "\u0000",
            "nul\u0000byte",
            "\ud800",
            "lone\udc00low",
            "\uD83D\uDE80\uD83D\uDE80",
            "\u202Egnp.exe",
            "\uFEFFbom",
            "e\u0301\u0301\u0301",
            "\u0627\u0644\u0639\u0631\u0628\u064A\u0629",
            "\u4E2D\u6587",
            "tab\tnew\nline\r",
            "\u2028\u2029",
            "\uFFFF\uFFFE",
            "%00%2F..%2F",
            "../../etc/passwd",
            "' OR 1=1 --",
            "${jndi:ldap://x}",
            "<script>alert(1)</script>");

    private SchemaValues() {}

    /** A value the schema allows, varied so that creates do not all collide. */
    static JsonNode valid(Schema<?> schema, SplittableRandom random) {
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            List<?> values = schema.getEnum().stream().filter(v -> v != null).toList();
            return Json.MAPPER.valueToTree(values.get(random.nextInt(values.size())));
        }
        String type = type(schema);
        return switch (type) {
            case "object" -> validObject(schema, random);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (schema.getItems() != null && random.nextBoolean()) {
                    array.add(valid(schema.getItems(), random));
                }
                yield array;
            }
            case "integer", "number" -> NODES.numberNode(validNumber(schema, random));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.textNode(validString(schema, random));
        };
    }

    /** Hostile values for a value of this schema, each with a short label for the report. */
    static List<Labelled> hostile(Schema<?> schema, SplittableRandom random) {
        List<Labelled> values = new ArrayList<>();
        String type = type(schema);
        values.add(new Labelled("null", NODES.nullNode()));
        if (!type.equals("string")) {
            values.add(new Labelled(
                    "string instead of " + type, NODES.textNode(UNICODE.get(random.nextInt(UNICODE.size())))));
        }
        if (!type.equals("integer") && !type.equals("number")) {
            values.add(new Labelled("number instead of " + type, NODES.numberNode(random.nextInt(-5, 100_000))));
        }
        if (!type.equals("boolean")) {
            values.add(new Labelled("boolean instead of " + type, NODES.booleanNode(true)));
        }
        if (!type.equals("array")) {
            values.add(new Labelled(
                    "array instead of " + type, NODES.arrayNode().add(1).add("x")));
        }
        if (!type.equals("object")) {
            values.add(
                    new Labelled("object instead of " + type, NODES.objectNode().put("a", 1)));
        }
        switch (type) {
            case "integer", "number" -> numbers(schema, values);
            case "string" -> strings(schema, random, values);
            case "array" -> arrays(schema, random, values);
            case "object" -> maps(schema, random, values);
            default -> {}
        }
        return values;
    }

    /** A hostile value and what makes it hostile. */
    record Labelled(String label, JsonNode value) {
        /** The value as a query or path parameter carries it: text as it is, anything else as JSON. */
        String asParameter() {
            if (value.isTextual()) {
                return value.asText();
            }
            return value instanceof POJONode pojo && pojo.getPojo() instanceof RawValue raw
                    ? String.valueOf(raw.rawValue())
                    : value.toString();
        }
    }

    static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getProperties() != null || schema.getAdditionalProperties() != null) {
            return "object";
        }
        return schema.getItems() != null ? "array" : "string";
    }

    private static ObjectNode validObject(Schema<?> schema, SplittableRandom random) {
        ObjectNode object = NODES.objectNode();
        Map<String, Schema> properties = schema.getProperties();
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        if (properties != null) {
            properties.forEach((name, property) -> {
                if (required.contains(name) || random.nextInt(3) == 0) {
                    object.set(name, valid(property, random));
                }
            });
        } else if (schema.getAdditionalProperties() instanceof Schema<?> values && random.nextBoolean()) {
            object.set("k" + random.nextInt(100), valid(values, random));
        }
        return object;
    }

    private static long validNumber(Schema<?> schema, SplittableRandom random) {
        long min = schema.getMinimum() == null ? 0 : schema.getMinimum().longValue();
        long max =
                schema.getMaximum() == null ? min + 10_000 : schema.getMaximum().longValue();
        if (schema.getDefault() instanceof Number number && random.nextBoolean()) {
            return number.longValue();
        }
        // nextLong's bound is exclusive: at the end of the type, the range stops one short of it.
        return max == Long.MAX_VALUE ? random.nextLong(min, max) : random.nextLong(min, max + 1);
    }

    private static String validString(Schema<?> schema, SplittableRandom random) {
        if ("uuid".equals(schema.getFormat())) {
            return UUID.randomUUID().toString();
        }
        if ("date-time".equals(schema.getFormat())) {
            return "2030-01-0" + (1 + random.nextInt(9)) + "T00:00:00Z";
        }
        String example = schema.getExample() == null ? "x" : schema.getExample().toString();
        String varied = example + "-" + Long.toString(random.nextLong(1L << 40), 36);
        int max = schema.getMaxLength() == null ? Integer.MAX_VALUE : schema.getMaxLength();
        boolean fits = varied.length() <= max && (schema.getPattern() == null || varied.matches(schema.getPattern()));
        return fits ? varied : example;
    }

    private static void numbers(Schema<?> schema, List<Labelled> values) {
        BigDecimal min = schema.getMinimum();
        BigDecimal max = schema.getMaximum();
        if (min != null) {
            values.add(new Labelled("minimum", NODES.numberNode(min)));
            values.add(new Labelled("below minimum", NODES.numberNode(min.subtract(BigDecimal.ONE))));
        }
        if (max != null) {
            values.add(new Labelled("maximum", NODES.numberNode(max)));
            values.add(new Labelled("above maximum", NODES.numberNode(max.add(BigDecimal.ONE))));
        }
        values.add(new Labelled("negative", NODES.numberNode(-1)));
        values.add(new Labelled("zero", NODES.numberNode(0)));
        values.add(new Labelled("int32 overflow", NODES.numberNode(2_147_483_648L)));
        values.add(new Labelled("int64 max", NODES.numberNode(Long.MAX_VALUE)));
        values.add(new Labelled("int64 overflow", NODES.rawValueNode(new RawValue("92233720368547758080"))));
        values.add(new Labelled("fraction", NODES.numberNode(60.5)));
        values.add(new Labelled("exponent", NODES.rawValueNode(new RawValue("6e1"))));
        values.add(new Labelled("huge exponent", NODES.rawValueNode(new RawValue("1e400"))));
        values.add(new Labelled("negative zero", NODES.rawValueNode(new RawValue("-0"))));
        values.add(new Labelled("number as string", NODES.textNode(min == null ? "1" : min.toPlainString())));
    }

    private static void strings(Schema<?> schema, SplittableRandom random, List<Labelled> values) {
        Integer min = schema.getMinLength();
        Integer max = schema.getMaxLength();
        values.add(new Labelled("empty string", NODES.textNode("")));
        if (min != null && min > 1) {
            values.add(new Labelled("below minLength", NODES.textNode("a".repeat(min - 1))));
        }
        if (max != null) {
            values.add(new Labelled("maxLength", NODES.textNode("a".repeat(max))));
            values.add(new Labelled("above maxLength", NODES.textNode("a".repeat(max + 1))));
            values.add(new Labelled("maxLength of emoji", NODES.textNode("\uD83D\uDE80".repeat(max))));
        }
        values.add(new Labelled("huge string", NODES.textNode("x".repeat(20_000 + random.nextInt(80_000)))));
        values.add(new Labelled("whitespace", NODES.textNode("   ")));
        values.add(new Labelled("upper case", NODES.textNode("UPPER-Case")));
        values.add(new Labelled("leading hyphen", NODES.textNode("-lead")));
        values.add(new Labelled("spaces", NODES.textNode("a b")));
        values.add(new Labelled(
                "uuid upper case", NODES.textNode(UUID.randomUUID().toString().toUpperCase())));
        values.add(new Labelled(
                "uuid without hyphens",
                NODES.textNode(UUID.randomUUID().toString().replace("-", ""))));
        values.add(new Labelled("nil uuid", NODES.textNode("00000000-0000-0000-0000-000000000000")));
        values.add(new Labelled("date without zone", NODES.textNode("2030-01-01T00:00:00")));
        values.add(new Labelled("impossible date", NODES.textNode("2030-13-45T99:99:99Z")));
        values.add(new Labelled("far future date", NODES.textNode("+999999999-12-31T23:59:59Z")));
        values.add(new Labelled("year zero", NODES.textNode("0000-01-01T00:00:00Z")));
        values.add(new Labelled("past date", NODES.textNode("1970-01-01T00:00:00Z")));
        for (String text : UNICODE) {
            values.add(new Labelled("unicode " + escape(text), NODES.textNode(text)));
        }
        if (schema.getEnum() != null) {
            values.add(new Labelled(
                    "enum upper case",
                    NODES.textNode(String.valueOf(schema.getEnum().get(0)).toUpperCase())));
            values.add(new Labelled(
                    "enum with space", NODES.textNode(" " + schema.getEnum().get(0))));
        }
    }

    private static void arrays(Schema<?> schema, SplittableRandom random, List<Labelled> values) {
        Schema<?> items = schema.getItems();
        int max = schema.getMaxItems() == null ? 200 : schema.getMaxItems();
        ArrayNode tooMany = NODES.arrayNode();
        for (int i = 0; i <= max; i++) {
            tooMany.add(items == null ? NODES.textNode("x") : valid(items, random));
        }
        values.add(new Labelled("above maxItems", tooMany));
        if (items != null) {
            for (Labelled item : hostile(items, random)) {
                values.add(
                        new Labelled("item " + item.label(), NODES.arrayNode().add(item.value())));
            }
        }
    }

    private static void maps(Schema<?> schema, SplittableRandom random, List<Labelled> values) {
        values.add(new Labelled("empty object", NODES.objectNode()));
        if (!(schema.getAdditionalProperties() instanceof Schema<?> entry)) {
            return;
        }
        int max = schema.getMaxProperties() == null ? 200 : schema.getMaxProperties();
        ObjectNode tooMany = NODES.objectNode();
        for (int i = 0; i <= max; i++) {
            tooMany.set("k" + i, valid(entry, random));
        }
        values.add(new Labelled("above maxProperties", tooMany));
        for (String key : List.of(
                "",
                " ",
                "bad key!",
                "-lead",
                "a".repeat(64),
                "k".repeat(5000),
                "\u0000",
                "\ud800",
                "\u00e9t\u00e9",
                "_x",
                "1abc",
                "a/b.c_d-e")) {
            values.add(new Labelled(
                    "map key " + escape(key.length() > 20 ? key.substring(0, 20) + "…" : key),
                    NODES.objectNode().set(key, valid(entry, random))));
        }
        for (Labelled value : hostile(entry, random)) {
            values.add(new Labelled(
                    "map value " + value.label(), NODES.objectNode().set("k", value.value())));
        }
    }

    /** Control and unusual characters written as escapes, so the report stays readable. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> {
            if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }
}
