package dev.runtimes.contract.hostile;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import dev.runtimes.contract.harness.ContractSpec;
import dev.runtimes.contract.harness.Json;
import dev.runtimes.contract.harness.Outcome;
import dev.runtimes.contract.hostile.HostileRequest.Param;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Judges one answer to a hostile request against the spec: never a 5xx; a status the operation
 * documents, with the body, content type and headers the spec gives it; the canonical error
 * envelope with the type of its status and a clean detail; the request id; and no 2xx for a
 * request the spec forbids (the spec's own validator says which requests it forbids).
 */
final class ResponseJudge {
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Map<Integer, List<String>> ERROR_TYPES = Map.ofEntries(
            Map.entry(400, List.of("invalid_request_error")),
            Map.entry(401, List.of("authentication_error")),
            Map.entry(403, List.of("forbidden_error")),
            Map.entry(404, List.of("not_found_error")),
            Map.entry(405, List.of("method_not_allowed_error")),
            Map.entry(409, List.of("conflict_error", "already_exists_error")),
            Map.entry(413, List.of("payload_too_large_error")),
            Map.entry(415, List.of("unsupported_media_type_error")),
            Map.entry(422, List.of("validation_error")),
            Map.entry(426, List.of("upgrade_required_error")),
            Map.entry(429, List.of("rate_limit_error", "insufficient_credits_error")));

    /**
     * The server's longest request line ({@code quarkus.http.limits.max-initial-line-length}) and
     * largest headers ({@code quarkus.http.limits.max-header-size}). Vert.x refuses a longer line,
     * larger headers, or a request whose framing is ambiguous, with a bare 414, 431 or 400 before
     * any of the server's code runs: Quarkus does not let an application answer those
     * (quarkusio/quarkus#55082), so they cannot carry the envelope, as the spec says.
     */
    static final int REQUEST_LINE_LIMIT = 131_072;

    static final int HEADER_LIMIT = 20 * 1024;

    /** What the JDK's client adds to the headers of a request (Host, Content-Length, User-Agent). */
    private static final int CLIENT_HEADERS = 512;

    /**
     * The spec's validator as the judge of requests. The authentication scheme's case does not
     * matter (RFC 9110), and neither does {@code Accept} (the spec's "Media types": every answer
     * is JSON); missing credentials do.
     */
    private final OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForSpecificationUrl(
                    ContractSpec.RESOURCE)
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.request.security.invalid", ValidationReport.Level.IGNORE)
                    .withLevel("validation.request.accept", ValidationReport.Level.IGNORE)
                    .build())
            .build();

    /** What the spec says of a request before it is sent. */
    record Expectation(boolean forbidden, boolean offOperation) {}

    Expectation expect(HostileRequest request) {
        SimpleRequest.Builder builder =
                new SimpleRequest.Builder(request.operation().method(), request.encodedPath());
        request.query().forEach(p -> builder.withQueryParam(p.name(), decoded(p)));
        request.headers().forEach(h -> builder.withHeader(h.name(), h.value()));
        if (request.body() != null) {
            builder.withBody(request.body());
        }
        ValidationReport report = validator.validateRequest(builder.build());
        // An empty path segment names another path (the server joins the slashes).
        boolean offOperation = request.path().stream().anyMatch(p -> p.value().isEmpty())
                || report.getMessages().stream()
                        .anyMatch(m -> m.getKey().equals("validation.request.path.missing")
                                || m.getKey().equals("validation.request.operation.notAllowed"));
        // An operation without a body ignores the Content-Type of a request that has none.
        boolean forbidden = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .anyMatch(
                        m -> request.operation().hasBody() || !m.getKey().startsWith("validation.request.contentType"));
        return new Expectation(forbidden, offOperation);
    }

    /** Whether the request was refused by the HTTP layer below the server, as {@link #REQUEST_LINE_LIMIT} says. */
    static boolean refusedByTransport(HostileRequest request, HttpResponse<String> response) {
        int headerBytes = request.headers().stream()
                .mapToInt(h -> h.name().length() + h.value().length() + 4)
                .sum();
        boolean beyondLimits =
                request.operation().method().length() + request.target().length() + 10 > REQUEST_LINE_LIMIT
                        || headerBytes + CLIENT_HEADERS > HEADER_LIMIT
                        || request.header("Transfer-Encoding") != null;
        return beyondLimits
                && List.of(400, 414, 431).contains(response.statusCode())
                && response.headers().firstValue("X-Request-Id").isEmpty();
    }

    private static boolean eventStream(HttpResponse<String> response) {
        return response.statusCode() == 200
                && response.headers()
                        .firstValue("Content-Type")
                        .filter(type -> type.startsWith("text/event-stream"))
                        .isPresent();
    }

    /** Every way the answer breaks the spec; empty when it conforms. */
    List<String> problems(HostileRequest request, Expectation expected, HttpResponse<String> response) {
        List<String> problems = new ArrayList<>();
        int status = response.statusCode();
        if (status >= 500) {
            problems.add("a " + status + " answer");
        }
        if (expected.forbidden() && status < 300 && !expected.offOperation()) {
            problems.add("a " + status + " answer to a request the spec forbids");
        }
        // A path or method the spec does not have: no operation documents the answer, which must
        // still not be a 5xx, and an error must still be the envelope.
        if (!expected.offOperation()) {
            SimpleResponse.Builder answer = SimpleResponse.Builder.status(status);
            if (!response.body().isEmpty()) {
                answer.withBody(response.body());
            }
            response.headers().map().forEach(answer::withHeader);
            validator
                    .validateResponse(
                            canonicalPath(request.operation()),
                            Request.Method.valueOf(request.operation().method()),
                            answer.build())
                    .getMessages()
                    .stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    // An accepted event stream never ends: only its head was read (Wire), so no body.
                    .filter(m -> !(eventStream(response) && m.getKey().equals("validation.response.body.missing")))
                    .forEach(m -> problems.add("spec: " + m.getMessage()));
        }
        requestId(request, response, problems);
        if (status >= 400) {
            envelope(status, response, problems);
        }
        return problems;
    }

    private static void requestId(HostileRequest request, HttpResponse<String> response, List<String> problems) {
        String id = response.headers().firstValue("X-Request-Id").orElse(null);
        String sent = request.header("X-Request-Id");
        if (id == null || !REQUEST_ID.matcher(id).matches()) {
            problems.add("X-Request-Id missing or malformed: " + id);
        } else if (sent != null && REQUEST_ID.matcher(sent).matches() && !sent.equals(id)) {
            problems.add("X-Request-Id " + sent + " not echoed: " + id);
        }
    }

    private static void envelope(int status, HttpResponse<String> response, List<String> problems) {
        JsonNode body;
        try {
            body = Json.parse(response.body());
        } catch (IllegalArgumentException e) {
            problems.add("error body is not JSON");
            return;
        }
        if (body.path("code").asInt() != status) {
            problems.add("envelope code " + body.path("code") + " for status " + status);
        }
        List<String> types = ERROR_TYPES.getOrDefault(status, List.of());
        if (!types.contains(body.path("type").asText())) {
            problems.add("envelope type " + body.path("type") + " for status " + status);
        }
        try {
            Outcome.assertCleanDetail(body.path("detail").asText());
        } catch (AssertionError e) {
            problems.add("detail: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (status == 422
                && (!body.path("errors").isArray() || body.path("errors").isEmpty())) {
            problems.add("a 422 without errors");
        }
        if (status == 401
                && !response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")) {
            problems.add("a 401 without a Bearer challenge");
        }
    }

    /** The operation's path with a plain value in each parameter, so the validator finds it whatever was sent. */
    private static String canonicalPath(ContractSpec.Operation operation) {
        return operation.path().replaceAll("\\{[^}]+}", "p");
    }

    private static String decoded(Param param) {
        try {
            return URLDecoder.decode(param.wire(), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return param.wire();
        }
    }
}
