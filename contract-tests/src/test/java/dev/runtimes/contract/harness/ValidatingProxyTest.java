package dev.runtimes.contract.harness;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a validating proxy's {@code sl-violations} header makes of an exchange. */
class ValidatingProxyTest {
    private static final String REQUEST_VIOLATION =
            "[{\"location\":[\"request\",\"body\"],\"severity\":\"Error\",\"code\":\"required\","
                    + "\"message\":\"Request body must have required property 'slug'\"}]";
    private static final String RESPONSE_VIOLATION =
            "[{\"location\":[\"response\",\"body\",\"id\"],\"severity\":\"Error\",\"code\":\"format\","
                    + "\"message\":\"Response body property id must match format \\\"uuid\\\"\"}]";

    @Test
    void anAnswerWithoutTheHeaderPasses() {
        assertThatCode(() -> ValidatingProxy.judge(outcome(201, null))).doesNotThrowAnyException();
    }

    @Test
    void aRequestViolationTheServerRefusedTooPasses() {
        assertThatCode(() -> ValidatingProxy.judge(outcome(422, REQUEST_VIOLATION)))
                .doesNotThrowAnyException();
    }

    @Test
    void aRequestViolationTheServerTookFails() {
        assertThatThrownBy(() -> ValidatingProxy.judge(outcome(201, REQUEST_VIOLATION)))
                .hasMessageContaining("finds invalid was answered 201");
    }

    @Test
    void aRequestViolationTheServerFailedOnFails() {
        assertThatThrownBy(() -> ValidatingProxy.judge(outcome(500, REQUEST_VIOLATION)))
                .hasMessageContaining("finds invalid was answered 500");
    }

    @Test
    void aResponseViolationFailsWhateverTheStatus() {
        assertThatThrownBy(() -> ValidatingProxy.judge(outcome(422, RESPONSE_VIOLATION)))
                .hasMessageContaining("violations of the answer");
    }

    private static Outcome outcome(int status, String violations) {
        Map<String, List<String>> headers =
                violations == null ? Map.of() : Map.of(ValidatingProxy.HEADER, List.of(violations));
        return new Outcome(Call.to("createOrganization"), Channel.RAW, status, headers, MissingNode.getInstance());
    }
}
