package dev.runtimes.contract.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answer to a call, the same shape whichever channel sent it: the status, the headers and
 * the body as a JSON tree (for the client, the decoded model written back as JSON, nulls
 * included).
 */
public final class Outcome {
    /** A stack frame, an exception's name or a fully qualified class name. */
    private static final Pattern JAVA_LEAK = Pattern.compile("(\\bat [\\w$.]+\\([\\w$]*\\.java:\\d+\\))"
            + "|(\\b[A-Z]\\w*(Exception|Error)\\b)" + "|(\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][\\w$]*)");
    /** SQL text or a database's own message. */
    private static final Pattern SQL_LEAK = Pattern.compile(
            "(?i)(\\bselect\\b.+\\bfrom\\b)|(\\binsert\\s+into\\b)|(\\bupdate\\s+\\w+\\s+set\\b)|(\\bdelete\\s+from\\b)"
                    + "|(\\bSQL\\s*State\\b)|(\\bviolates\\b.+\\bconstraint\\b)|(\\bjdbc\\b)|(\\bERROR:\\s)");

    /** The incident id a 500's detail names. */
    private static final Pattern INCIDENT = Pattern.compile("\\bincident id ([A-Za-z0-9._-]+)");

    private final Call call;
    private final Channel channel;
    private final int status;
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final JsonNode body;

    public Outcome(Call call, Channel channel, int status, Map<String, List<String>> headers, JsonNode body) {
        this.call = call;
        this.channel = channel;
        this.status = status;
        this.headers.putAll(headers);
        this.body = body;
    }

    public int status() {
        return status;
    }

    public JsonNode body() {
        return body;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name))
                .flatMap(values -> values.stream().findFirst());
    }

    /** The answer has this status; says what was sent and received otherwise. */
    public Outcome hasStatus(int expected) {
        assertThat(status).as("status of %s", this).isEqualTo(expected);
        return this;
    }

    /** The answer has one of these statuses. */
    public Outcome hasStatusIn(Integer... expected) {
        assertThat(status).as("status of %s", this).isIn((Object[]) expected);
        return this;
    }

    /**
     * The answer is the canonical error envelope with this status and type, and its detail is a
     * sentence for people: no stack trace, no SQL, no Java class name.
     */
    public Outcome isError(int expectedStatus, String expectedType) {
        hasStatus(expectedStatus);
        assertThat(body.path("code").asInt()).as("code of %s", this).isEqualTo(expectedStatus);
        assertThat(body.path("type").asText()).as("type of %s", this).isEqualTo(expectedType);
        assertCleanDetail(body.path("detail").asText());
        if (expectedStatus == 422) {
            assertThat(body.path("errors").isArray() && !body.path("errors").isEmpty())
                    .as("a 422 lists its problems in errors: %s", this)
                    .isTrue();
        }
        if (expectedStatus == 401) {
            assertThat(header("WWW-Authenticate"))
                    .as("a 401 names its scheme: %s", this)
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }
        return this;
    }

    /**
     * The 500 envelope: our fault, with nothing of it in the detail but the incident id, which is
     * the request id the answer carries in {@code X-Request-Id}.
     */
    public Outcome isInternalError() {
        isError(500, "internal_error");
        Matcher incident = INCIDENT.matcher(body.path("detail").asText());
        assertThat(incident.find()).as("incident id in %s", this).isTrue();
        assertThat(header("X-Request-Id")).as("X-Request-Id of %s", this).hasValue(incident.group(1));
        return this;
    }

    /** A validation failure that names this location (e.g. {@code query, limit}) among its problems. */
    public Outcome isValidationError(String... location) {
        isError(422, "validation_error");
        List<List<String>> locations = body.path("errors").findValues("loc").stream()
                .map(loc -> loc.valueStream().map(JsonNode::asText).toList())
                .toList();
        assertThat(locations).as("error locations of %s", this).contains(List.of(location));
        return this;
    }

    /** A validation failure that lists a problem of this type at this location. */
    public Outcome hasProblem(String type, String... location) {
        isValidationError(location);
        List<String> types = body.path("errors")
                .valueStream()
                .filter(item -> item.path("loc")
                        .valueStream()
                        .map(JsonNode::asText)
                        .toList()
                        .equals(List.of(location)))
                .map(item -> item.path("type").asText())
                .toList();
        assertThat(types)
                .as("problem types at %s in %s", List.of(location), this)
                .contains(type);
        return this;
    }

    /** The detail of an error is for people: no stack trace, no SQL, no Java class name. */
    public static void assertCleanDetail(String detail) {
        assertThat(detail).as("error detail").isNotBlank();
        assertThat(JAVA_LEAK.matcher(detail).find())
                .as("error detail leaks Java internals: %s", detail)
                .isFalse();
        assertThat(SQL_LEAK.matcher(detail).find())
                .as("error detail leaks SQL: %s", detail)
                .isFalse();
    }

    @Override
    public String toString() {
        return call + " via " + channel + " -> " + status + " " + body;
    }
}
