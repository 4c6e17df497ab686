package dev.runtimes.contract.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A validating proxy's verdict on an exchange. Stoplight Prism in proxy mode (without
 * {@code --errors}, {@code .ci/prism-proxy}) forwards every request as it is and names what it
 * finds wrong with the request and with the server's answer in the answer's {@code sl-violations}
 * header, a JSON array of {@code {location, severity, code, message}}. A server answered directly
 * carries no such header, and the check passes.
 *
 * <p>Any violation in the answer fails the call: the server said something the spec does not
 * allow. A violation in the request is the point of a negative scenario, so it passes when the
 * server refused the request too (a 4xx); a request the proxy finds invalid and the server took,
 * or failed on, fails the call: the spec and the server disagree on what a valid request is.
 */
final class ValidatingProxy {
    static final String HEADER = "sl-violations";

    private ValidatingProxy() {}

    static void judge(Outcome outcome) {
        outcome.header(HEADER).ifPresent(header -> {
            List<JsonNode> violations = Json.parse(header).valueStream().toList();
            assertThat(violations)
                    .as("violations of the answer found by the validating proxy in %s", outcome)
                    .noneMatch(v -> v.path("location").path(0).asText().equals("response"));
            if (outcome.status() < 400 || outcome.status() >= 500) {
                assertThat(violations)
                        .as(
                                "a request the validating proxy finds invalid was answered %d: %s",
                                outcome.status(), outcome)
                        .isEmpty();
            }
        });
    }
}
