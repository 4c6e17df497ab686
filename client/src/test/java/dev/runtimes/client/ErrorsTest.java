package dev.runtimes.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.runtimes.client.model.ErrorType;
import dev.runtimes.client.model.ValidationErrorType;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exception each error answer becomes. A {@link CannedServer} gives the answers, because our
 * server cannot produce 426, 429, 502 or 504 yet, nor a body that is not an envelope; the cases
 * our server does produce are checked against it in the contract tests.
 */
class ErrorsTest {
    private CannedServer server;

    @BeforeEach
    void start() throws IOException {
        server = CannedServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({
        "400, invalid_request_error, InvalidRequestException",
        "401, authentication_error, AuthenticationException",
        "403, forbidden_error, ForbiddenException",
        "404, not_found_error, NotFoundException",
        "409, conflict_error, ConflictException",
        "409, already_exists_error, AlreadyExistsException",
        "422, validation_error, ValidationException",
        "426, upgrade_required_error, UpgradeRequiredException",
        "429, rate_limit_error, RateLimitException",
        "429, insufficient_credits_error, InsufficientCreditsException",
        "500, internal_error, ServerErrorException",
        "502, bad_gateway_error, UpstreamException",
        "504, gateway_timeout_error, UpstreamException",
        "405, method_not_allowed_error, RuntimesApiException",
        "413, payload_too_large_error, RuntimesApiException",
    })
    void eachDocumentedAnswerBecomesItsException(int status, String type, String exception) {
        server.error(status, type);

        RuntimesApiException e = failure();

        assertThat(e.getClass().getSimpleName()).isEqualTo(exception);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.type()).isEqualTo(type);
        assertThat(e.errorType()).isEqualTo(ErrorType.fromValue(type)).isNotEqualTo(ErrorType.UNKNOWN_DEFAULT_OPEN_API);
        assertThat(e.detail()).isEqualTo("Canned " + type + ".");
        assertThat(e.validationErrors()).isEmpty();
        assertThat(e.requestId()).isEmpty();
        assertThat(e).hasMessage(status + " " + type + ": Canned " + type + ".");
    }

    @Test
    void validationErrorsAndRequestIdAreKept() {
        server.answer(422, """
                {"code": 422, "type": "validation_error", "detail": "The request has 1 invalid value.",
                 "errors": [{"loc": ["query", "limit"], "msg": "must be less than or equal to 100",
                             "type": "too_large"}]}""", "X-Request-Id", "req-7f3a");

        ValidationException e = catchThrowableOfType(ValidationException.class, this::list);

        assertThat(e.validationErrors()).singleElement().satisfies(item -> {
            assertThat(item.getLoc()).containsExactly("query", "limit");
            assertThat(item.getMsg()).isEqualTo("must be less than or equal to 100");
            assertThat(item.getType()).isEqualTo(ValidationErrorType.TOO_LARGE);
        });
        assertThat(e.requestId()).contains("req-7f3a");
        assertThat(e)
                .hasMessage("422 validation_error: The request has 1 invalid value."
                        + " limit: must be less than or equal to 100 (request id req-7f3a)");
        assertThat(e.validationErrors().get(0))
                .hasToString("ValidationErrorItem{loc=[query, limit], msg=must be less than or equal to 100,"
                        + " type=too_large}");
    }

    @Test
    void theMessageNamesEveryProblemAtItsPlace() {
        server.answer(422, """
                {"code": 422, "type": "validation_error", "detail": "The request has 2 invalid values.",
                 "errors": [{"loc": ["body", "config", "sandbox", "timeout"], "msg": "is not a member of this object",
                             "type": "unknown_field"},
                            {"loc": ["query", "state", 1], "msg": "must be one of: idle, running, paused",
                             "type": "invalid_enum"}]}""");

        ValidationException e = catchThrowableOfType(ValidationException.class, this::list);

        assertThat(e)
                .hasMessage("422 validation_error: The request has 2 invalid values."
                        + " config.sandbox.timeout: is not a member of this object;"
                        + " state[1]: must be one of: idle, running, paused");
    }

    @Test
    void unknownTypeKeepsItsNameAndTheExceptionOfItsStatus() {
        server.answer(409, Json.envelope(409, "lock_timeout_error", "The runtime is locked."));

        RuntimesApiException e = failure();

        assertThat(e).isExactlyInstanceOf(ConflictException.class);
        assertThat(e.type()).isEqualTo("lock_timeout_error");
        assertThat(e.errorType()).isEqualTo(ErrorType.UNKNOWN_DEFAULT_OPEN_API);
        assertThat(e.detail()).isEqualTo("The runtime is locked.");
    }

    @Test
    void emptyBodyStillNamesTheStatus() {
        server.answer(502, "");

        RuntimesApiException e = failure();

        assertThat(e).isExactlyInstanceOf(UpstreamException.class);
        assertThat(e.type()).isNull();
        assertThat(e.errorType()).isEqualTo(ErrorType.UNKNOWN_DEFAULT_OPEN_API);
        assertThat(e.detail()).isEqualTo("The server answered 502 with an empty body.");
    }

    @Test
    void bodyThatIsNotJsonIsQuoted() {
        server.answer(
                504,
                "<html>\n<body><h1>504 Gateway Time-out</h1></body>\n</html>\n",
                "Content-Type",
                "text/html",
                "X-Request-Id",
                "lb-1");

        RuntimesApiException e = failure();

        assertThat(e).isExactlyInstanceOf(UpstreamException.class);
        assertThat(e.detail())
                .isEqualTo("The server answered 504 without an error envelope: "
                        + "<html> <body><h1>504 Gateway Time-out</h1></body> </html>");
        assertThat(e.requestId()).contains("lb-1");
    }

    @Test
    void jsonThatIsNotAnEnvelopeIsQuotedAndShortened() {
        server.answer(500, "\"" + "x".repeat(300) + "\"");

        RuntimesApiException e = failure();

        assertThat(e).isExactlyInstanceOf(ServerErrorException.class);
        assertThat(e.detail())
                .isEqualTo("The server answered 500 without an error envelope: \"" + "x".repeat(199) + "...");
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        server.error(429, "rate_limit_error", "Retry-After", "12");

        RateLimitException e = catchThrowableOfType(RateLimitException.class, this::list);

        assertThat(e.retryAfter()).contains(java.time.Duration.ofSeconds(12));
    }

    @Test
    void successBodyThatCannotBeDecodedIsNeitherRetriedNorAConnectionFailure() {
        server.answer(200, "<html>maintenance</html>", "Content-Type", "text/html");

        RuntimesException e = catchThrowableOfType(RuntimesException.class, this::list);

        assertThat(e).isExactlyInstanceOf(RuntimesException.class);
        assertThat(e.getMessage()).startsWith("The answer could not be decoded");
        assertThat(server.requests()).hasSize(1);
    }

    private RuntimesApiException failure() {
        return catchThrowableOfType(RuntimesApiException.class, this::list);
    }

    private void list() {
        server.client(RetryPolicy.none(), new RecordingSleeper())
                .runtimes("acme", "research")
                .list(ListRuntimesParams.all());
    }
}
