package dev.runtimes.contract.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtimes.contract.harness.ContractSpec;
import dev.runtimes.contract.harness.Json;
import dev.runtimes.contract.hostile.HostileRequest.Param;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Makes hostile requests from the spec: every operation, its parameters and its body schema are
 * read from the document, so an operation added to the spec is fuzzed without a line here. Each
 * request starts as a valid call of an operation (drawn evenly) and gets one mutation: a hostile
 * parameter value, a hostile body value, a broken body, hostile headers or hostile credentials.
 */
final class RequestGenerator {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String JSON = "application/json";

    /** Bytes no string encodes to: invalid UTF-8, an encoded slash, an encoded NUL, an encoded percent. */
    private static final List<String> RAW_BYTES = List.of("%FF", "%C0%AF", "a%2Fb", "%00", "%E2%82", "..%2F..", "%25");

    /** An operation of the spec with what the generator needs of it. */
    private record Model(
            ContractSpec.Operation operation, List<Parameter> parameters, Schema<?> body, List<JsonNode> examples) {}

    /** A request under construction. */
    private static final class Draft {
        final List<Param> path = new ArrayList<>();
        final List<Param> query = new ArrayList<>();
        final List<Param> headers = new ArrayList<>();
        byte[] body;
        String mutation = "valid";

        void header(String name, String value) {
            headers.removeIf(h -> h.name().equalsIgnoreCase(name));
            if (value != null) {
                headers.add(Param.of(name, value));
            }
        }

        void json(JsonNode node) {
            body = node.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    private final List<Model> models = new ArrayList<>();
    private final Fixture fixture;

    RequestGenerator(ContractSpec spec, Fixture fixture) {
        this.fixture = fixture;
        spec.document()
                .getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> models.add(model(spec, item, operation))));
    }

    List<String> operationIds() {
        return models.stream().map(m -> m.operation().id()).toList();
    }

    HostileRequest next(SplittableRandom random) {
        Model model = models.get(random.nextInt(models.size()));
        Draft draft = baseline(model, random);
        List<Consumer<Draft>> mutations = new ArrayList<>();
        if (!model.parameters().isEmpty()) {
            mutations.add(d -> mutateParameter(model, d, random));
            mutations.add(d -> mutateParameter(model, d, random));
        }
        if (model.body() != null) {
            mutations.add(d -> mutateBodyValue(model, d, random));
            mutations.add(d -> mutateBodyValue(model, d, random));
            mutations.add(d -> breakBody(d, random));
        }
        mutations.add(d -> mutateHeaders(d, random));
        mutations.add(d -> mutateCredentials(model, d, random));
        mutations.get(random.nextInt(mutations.size())).accept(draft);
        return new HostileRequest(
                model.operation(),
                draft.mutation,
                List.copyOf(draft.path),
                List.copyOf(draft.query),
                List.copyOf(draft.headers),
                draft.body);
    }

    private Draft baseline(Model model, SplittableRandom random) {
        Draft draft = new Draft();
        String operationId = model.operation().id();
        for (Parameter parameter : model.parameters()) {
            String known = fixture.value(operationId, parameter.getName(), random);
            if ("path".equals(parameter.getIn())) {
                draft.path.add(Param.of(
                        parameter.getName(),
                        known != null ? known : text(SchemaValues.valid(parameter.getSchema(), random))));
            } else if ("query".equals(parameter.getIn())
                    && (Boolean.TRUE.equals(parameter.getRequired()) || random.nextInt(3) == 0)) {
                addQuery(
                        draft,
                        parameter.getName(),
                        known != null
                                ? Json.MAPPER.valueToTree(known)
                                : SchemaValues.valid(parameter.getSchema(), random));
            }
        }
        draft.header(
                "Authorization",
                "Bearer " + fixture.allowedToken(model.operation().operatorOnly()));
        if (model.body() != null) {
            draft.header("Content-Type", JSON);
            boolean example = !model.examples().isEmpty() && random.nextBoolean();
            draft.json(
                    example
                            ? model.examples()
                                    .get(random.nextInt(model.examples().size()))
                            : SchemaValues.valid(model.body(), random));
        }
        return draft;
    }

    private static void mutateParameter(Model model, Draft draft, SplittableRandom random) {
        Parameter parameter =
                model.parameters().get(random.nextInt(model.parameters().size()));
        if ("header".equals(parameter.getIn())) {
            mutateHeaderParameter(parameter, draft, random);
            return;
        }
        String name = parameter.getName();
        boolean inPath = "path".equals(parameter.getIn());
        List<Param> list = inPath ? draft.path : draft.query;
        int kind = random.nextInt(10);
        if (kind == 0) {
            String raw = pick(RAW_BYTES, random);
            list.removeIf(p -> p.name().equals(name));
            list.add(new Param(name, raw, true));
            draft.mutation = parameter.getIn() + " " + name + ": raw bytes " + raw;
        } else if (kind == 1 && !inPath) {
            list.removeIf(p -> p.name().equals(name));
            list.add(Param.of(name, text(SchemaValues.valid(parameter.getSchema(), random))));
            list.add(Param.of(
                    name,
                    pick(SchemaValues.hostile(parameter.getSchema(), random), random)
                            .asParameter()));
            draft.mutation = "query " + name + ": duplicated";
        } else if (kind == 2) {
            list.removeIf(p -> p.name().equals(name));
            if (inPath) {
                list.add(Param.of(name, ""));
            }
            draft.mutation = parameter.getIn() + " " + name + ": missing";
        } else {
            SchemaValues.Labelled value = pick(SchemaValues.hostile(parameter.getSchema(), random), random);
            list.removeIf(p -> p.name().equals(name));
            if (inPath) {
                list.add(Param.of(name, value.asParameter()));
            } else {
                addQuery(draft, name, value.value());
            }
            draft.mutation = parameter.getIn() + " " + name + ": " + value.label();
        }
    }

    /** A header parameter of the spec travels as a header: missing, given twice, raw bytes or a hostile value. */
    private static void mutateHeaderParameter(Parameter parameter, Draft draft, SplittableRandom random) {
        String name = parameter.getName();
        draft.header(name, null);
        int kind = random.nextInt(10);
        if (kind == 0) {
            String raw = pick(RAW_BYTES, random);
            draft.headers.add(Param.of(name, headerValue(URLDecoder.decode(raw, StandardCharsets.UTF_8))));
            draft.mutation = "header " + name + ": raw bytes " + raw;
        } else if (kind == 1) {
            draft.headers.add(Param.of(name, headerValue(text(SchemaValues.valid(parameter.getSchema(), random)))));
            draft.headers.add(Param.of(
                    name,
                    headerValue(pick(SchemaValues.hostile(parameter.getSchema(), random), random)
                            .asParameter())));
            draft.mutation = "header " + name + ": duplicated";
        } else if (kind == 2) {
            draft.mutation = "header " + name + ": missing";
        } else {
            SchemaValues.Labelled value = pick(SchemaValues.hostile(parameter.getSchema(), random), random);
            draft.headers.add(Param.of(name, headerValue(value.asParameter())));
            draft.mutation = "header " + name + ": " + value.label();
        }
    }

    /**
     * Text as a header can hold it: without the control characters no client sends (CR and LF
     * would end the header) and without the whitespace around it, which is not part of a
     * header's value (RFC 9110 §5.5). The JDK's client sends the rest in US-ASCII
     * ({@link HostileRequest}).
     */
    private static String headerValue(String text) {
        return text.replaceAll("[\\x00-\\x08\\x0A-\\x1F\\x7F]", "").replaceAll("^[ \\t]+|[ \\t]+$", "");
    }

    private static void mutateBodyValue(Model model, Draft draft, SplittableRandom random) {
        ObjectNode body = draft.body == null
                ? NODES.objectNode()
                : (ObjectNode) Json.parse(new String(draft.body, StandardCharsets.UTF_8));
        List<Site> sites = new ArrayList<>();
        sites(model.body(), new ArrayList<>(), sites);
        Site site = pick(sites, random);
        int kind = random.nextInt(8);
        if (kind == 0 && site.required()) {
            remove(body, site.pointer());
            draft.mutation = "body " + String.join(".", site.pointer()) + ": missing";
        } else if (kind == 1) {
            ObjectNode parent = parent(body, site.pointer());
            parent.set("unknown_" + random.nextInt(100), NODES.textNode("surplus"));
            draft.mutation = "body " + String.join(".", site.pointer()) + ": unknown sibling";
        } else {
            SchemaValues.Labelled value = pick(SchemaValues.hostile(site.schema(), random), random);
            parent(body, site.pointer()).set(site.pointer().get(site.pointer().size() - 1), value.value());
            draft.mutation = "body " + String.join(".", site.pointer()) + ": " + value.label();
        }
        draft.json(body);
    }

    private static void breakBody(Draft draft, SplittableRandom random) {
        String valid = draft.body == null ? "{}" : new String(draft.body, StandardCharsets.UTF_8);
        List<Map.Entry<String, byte[]>> broken = List.of(
                Map.entry("empty", new byte[0]),
                Map.entry("truncated", valid.substring(0, valid.length() / 2).getBytes(StandardCharsets.UTF_8)),
                Map.entry("not JSON", "key=value&name=x".getBytes(StandardCharsets.UTF_8)),
                Map.entry("trailing comma", "{\"name\":\"x\",}".getBytes(StandardCharsets.UTF_8)),
                Map.entry("single quotes", "{'name':'x'}".getBytes(StandardCharsets.UTF_8)),
                Map.entry("NaN", "{\"extend_seconds\":NaN,\"name\":NaN}".getBytes(StandardCharsets.UTF_8)),
                Map.entry("comment", ("/* c */" + valid).getBytes(StandardCharsets.UTF_8)),
                Map.entry("trailing garbage", (valid + " ]}").getBytes(StandardCharsets.UTF_8)),
                Map.entry("two documents", (valid + valid).getBytes(StandardCharsets.UTF_8)),
                Map.entry("byte order mark", ("\uFEFF" + valid).getBytes(StandardCharsets.UTF_8)),
                Map.entry("UTF-16", valid.getBytes(StandardCharsets.UTF_16)),
                Map.entry("invalid UTF-8", invalidUtf8()),
                Map.entry("array", "[]".getBytes(StandardCharsets.UTF_8)),
                Map.entry("string", "\"text\"".getBytes(StandardCharsets.UTF_8)),
                Map.entry("number", "42".getBytes(StandardCharsets.UTF_8)),
                Map.entry("null", "null".getBytes(StandardCharsets.UTF_8)),
                Map.entry("deep arrays", "[".repeat(100_000).getBytes(StandardCharsets.UTF_8)),
                Map.entry(
                        "deep objects",
                        ("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)).getBytes(StandardCharsets.UTF_8)),
                Map.entry("duplicated keys", duplicatedKeys(valid).getBytes(StandardCharsets.UTF_8)),
                Map.entry("padding", (" ".repeat(200_000) + valid).getBytes(StandardCharsets.UTF_8)));
        Map.Entry<String, byte[]> chosen = pick(broken, random);
        draft.body = chosen.getValue();
        draft.mutation = "body: " + chosen.getKey();
    }

    private static void mutateHeaders(Draft draft, SplittableRandom random) {
        List<Map.Entry<String, String>> headers = List.of(
                Map.entry("Content-Type", "text/plain"),
                Map.entry("Content-Type", "application/xml"),
                Map.entry("Content-Type", "application/x-www-form-urlencoded"),
                Map.entry("Content-Type", "multipart/form-data; boundary=x"),
                Map.entry("Content-Type", "application/json; charset=utf-16"),
                Map.entry("Content-Type", "application/json; charset=nonsense"),
                Map.entry("Content-Type", "application/json; charset=UTF-8; profile=x"),
                Map.entry("Content-Type", "garbage"),
                Map.entry("Content-Type", "APPLICATION/JSON"),
                Map.entry("Accept", "text/html"),
                Map.entry("Accept", "application/xml"),
                Map.entry("Accept", "application/json;q=0"),
                Map.entry("Accept", "*/*"),
                Map.entry("Accept", "garbage/"),
                Map.entry("X-Request-Id", "r".repeat(65)),
                Map.entry("X-Request-Id", "with space"),
                Map.entry("X-Request-Id", "caf\u00e9"),
                Map.entry("X-Request-Id", ""),
                Map.entry("X-Request-Id", "fuzz-" + random.nextInt(1_000_000)),
                Map.entry("X-Runtimes-Client-Version", "not-a-version"),
                Map.entry("X-Runtimes-Client-Version", "0.0.0"),
                Map.entry("X-Runtimes-Client-Version", "99999999999999999999.0.0"),
                Map.entry("X-Runtimes-Client-Version", "1.0.0-SNAPSHOT+build.7"),
                Map.entry("Idempotency-Key", ""),
                Map.entry("Idempotency-Key", "k".repeat(300)),
                Map.entry("Idempotency-Key", "cl\u00e9"),
                Map.entry("X-Junk", "j".repeat(6_000)),
                Map.entry("Content-Encoding", "gzip"),
                Map.entry("Transfer-Encoding", "chunked"),
                Map.entry("X-HTTP-Method-Override", "DELETE"),
                Map.entry("Forwarded", "for=\"[::1]\";proto=gopher"));
        Map.Entry<String, String> chosen = pick(headers, random);
        if (chosen.getKey().equals("Content-Type") && random.nextInt(4) == 0) {
            draft.header("Content-Type", null);
            draft.mutation = "header Content-Type: absent";
            return;
        }
        draft.header(chosen.getKey(), chosen.getValue());
        draft.mutation = "header " + chosen.getKey() + ": " + HostileRequest.shorten(chosen.getValue());
    }

    private void mutateCredentials(Model model, Draft draft, SplittableRandom random) {
        String valid = fixture.allowedToken(model.operation().operatorOnly());
        String wrongSurface = fixture.allowedToken(!model.operation().operatorOnly());
        List<Map.Entry<String, List<Param>>> credentials = List.of(
                Map.entry("none", List.of()),
                Map.entry("scheme only", List.of(Param.of("Authorization", "Bearer"))),
                Map.entry("empty token", List.of(Param.of("Authorization", "Bearer "))),
                Map.entry("lower-case scheme", List.of(Param.of("Authorization", "bearer " + valid))),
                Map.entry("padded token", List.of(Param.of("Authorization", "Bearer   " + valid + "  "))),
                Map.entry("basic scheme", List.of(Param.of("Authorization", "Basic dXNlcjpwYXNz"))),
                Map.entry(
                        "unknown token",
                        List.of(Param.of("Authorization", "Bearer rtk_" + Long.toString(random.nextLong(), 36)))),
                Map.entry("huge token", List.of(Param.of("Authorization", "Bearer " + "t".repeat(5_000)))),
                Map.entry("latin-1 token", List.of(Param.of("Authorization", "Bearer caf\u00e9"))),
                Map.entry("X-API-Key", List.of(Param.of("X-API-Key", valid))),
                Map.entry("X-API-Key unknown", List.of(Param.of("X-API-Key", "nope"))),
                Map.entry(
                        "X-API-Key and a bad Authorization",
                        List.of(Param.of("X-API-Key", valid), Param.of("Authorization", "Bearer nope"))),
                Map.entry(
                        "two Authorization headers",
                        List.of(
                                Param.of("Authorization", "Bearer nope"),
                                Param.of("Authorization", "Bearer " + valid))),
                Map.entry("the other surface's token", List.of(Param.of("Authorization", "Bearer " + wrongSurface))),
                Map.entry("a member's key", List.of(Param.of("Authorization", "Bearer " + fixture.memberToken()))),
                Map.entry("a revoked key", List.of(Param.of("Authorization", "Bearer " + fixture.revokedToken()))));
        Map.Entry<String, List<Param>> chosen = pick(credentials, random);
        draft.headers.removeIf(h -> h.name().equalsIgnoreCase("Authorization"));
        draft.headers.addAll(chosen.getValue());
        draft.mutation = "credentials: " + chosen.getKey();
    }

    /** A place in a body schema where a value goes, with the schema of that value. */
    private record Site(List<String> pointer, Schema<?> schema, boolean required) {}

    private static void sites(Schema<?> schema, List<String> pointer, List<Site> sites) {
        if (schema.getProperties() != null) {
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            schema.getProperties().forEach((name, property) -> {
                List<String> child = new ArrayList<>(pointer);
                child.add(name);
                sites.add(new Site(child, property, required.contains(name)));
                sites(property, child, sites);
            });
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> entry) {
            List<String> child = new ArrayList<>(pointer);
            child.add("some_key");
            sites.add(new Site(child, entry, false));
        }
    }

    private static ObjectNode parent(ObjectNode body, List<String> pointer) {
        ObjectNode node = body;
        for (String name : pointer.subList(0, pointer.size() - 1)) {
            if (!(node.get(name) instanceof ObjectNode)) {
                node.set(name, NODES.objectNode());
            }
            node = (ObjectNode) node.get(name);
        }
        return node;
    }

    private static void remove(ObjectNode body, List<String> pointer) {
        parent(body, pointer).remove(pointer.get(pointer.size() - 1));
    }

    private static void addQuery(Draft draft, String name, JsonNode value) {
        if (value.isArray()) {
            value.forEach(item -> draft.query.add(Param.of(name, text(item))));
        } else {
            draft.query.add(Param.of(name, new SchemaValues.Labelled("", value).asParameter()));
        }
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static String duplicatedKeys(String valid) {
        return valid.startsWith("{") && valid.length() > 2
                ? "{\"name\":\"first\"," + valid.substring(1)
                : "{\"a\":1,\"a\":2}";
    }

    private static byte[] invalidUtf8() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{\"name\":\"".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC0, (byte) 0xAF, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        out.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static <T> T pick(List<T> list, SplittableRandom random) {
        return list.get(random.nextInt(list.size()));
    }

    private static Model model(ContractSpec spec, PathItem item, Operation operation) {
        List<Parameter> parameters = new ArrayList<>();
        Optional.ofNullable(item.getParameters()).ifPresent(parameters::addAll);
        Optional.ofNullable(operation.getParameters()).ifPresent(parameters::addAll);
        MediaType json = operation.getRequestBody() == null
                ? null
                : operation.getRequestBody().getContent().get(JSON);
        List<JsonNode> examples = new ArrayList<>();
        if (json != null) {
            Optional.ofNullable(json.getExample())
                    .map(Json.MAPPER::valueToTree)
                    .ifPresent(e -> examples.add((JsonNode) e));
            Optional.ofNullable(json.getExamples())
                    .ifPresent(all -> all.values().forEach(e -> examples.add(Json.MAPPER.valueToTree(e.getValue()))));
        }
        return new Model(
                spec.operation(operation.getOperationId()),
                List.copyOf(parameters),
                json == null ? null : json.getSchema(),
                List.copyOf(examples));
    }
}
