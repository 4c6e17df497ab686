package dev.runtimes.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtimes.client.api.OperatorsApi;
import dev.runtimes.client.model.CreateOrganizationRequest;
import dev.runtimes.client.model.Organization;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Retry behaviour against a {@link CannedServer}: our server cannot answer 429, 502 or 504 yet, so
 * a real local HTTP peer gives those answers. The waits are recorded by a {@link RecordingSleeper}
 * instead of being slept.
 */
class RetryTest {
    private static final String ORGANIZATION = """
            {"id": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "slug": "acme", "name": "Acme",
             "credit_balance": null, "member_limit": null, "created_at": "2026-11-29T09:00:00Z"}""";

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private CannedServer server;

    @BeforeEach
    void start() throws IOException {
        server = CannedServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void rateLimitedReadWaitsWhatRetryAfterSays() {
        server.error(429, "rate_limit_error", "Retry-After", "2")
                .error(429, "rate_limit_error", "Retry-After", "3")
                .answer(200, Json.page(null, "after-wait"));

        var page = list(RetryPolicy.defaults());

        assertThat(page.items()).extracting("key").containsExactly("after-wait");
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3));
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void upstreamFailuresBackOffExponentiallyWithJitter() {
        server.error(502, "bad_gateway_error")
                .error(504, "gateway_timeout_error")
                .error(502, "bad_gateway_error")
                .answer(200, Json.page(null, "recovered"));
        RetryPolicy policy = RetryPolicy.builder()
                .initialDelay(Duration.ofSeconds(1))
                .maxDelay(Duration.ofSeconds(3))
                .build();

        assertThat(list(policy).items()).extracting("key").containsExactly("recovered");

        List<Duration> waits = sleeper.waits();
        assertThat(waits).hasSize(3);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(waits.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(waits.get(2)).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(3));
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastFailure() {
        server.error(502, "bad_gateway_error").error(502, "bad_gateway_error").error(504, "gateway_timeout_error");

        assertThatThrownBy(() -> list(RetryPolicy.builder().maxAttempts(3).build()))
                .isInstanceOf(UpstreamException.class)
                .hasFieldOrPropertyWithValue("status", 504);
        assertThat(server.requests()).hasSize(3);
        assertThat(sleeper.waits()).hasSize(2);
    }

    @Test
    void noWaitEndsAfterMaxElapsed() {
        server.error(429, "rate_limit_error", "Retry-After", "5");

        RetryPolicy policy =
                RetryPolicy.builder().maxElapsed(Duration.ofSeconds(3)).build();

        assertThatThrownBy(() -> list(policy))
                .isInstanceOfSatisfying(
                        RateLimitException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(5)));
        assertThat(server.requests()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void retriesOffSendsOnce() {
        server.error(502, "bad_gateway_error");

        assertThatThrownBy(() -> list(RetryPolicy.none())).isInstanceOf(UpstreamException.class);
        assertThat(server.requests()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "429, insufficient_credits_error",
        "500, internal_error",
        "404, not_found_error",
        "409, conflict_error",
    })
    void answersThatAnotherTryCannotChangeAreNotRetried(int status, String type) {
        server.error(status, type).answer(200, Json.page(null));

        assertThatThrownBy(() -> list(RetryPolicy.defaults()))
                .isInstanceOfSatisfying(
                        RuntimesApiException.class, e -> assertThat(e.type()).isEqualTo(type));
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void connectionFailuresAreRetried() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RuntimesClient client = RuntimesClient.builder()
                .baseUrl("http://127.0.0.1:" + closedPort)
                .token(CannedServer.TOKEN)
                .sleeper(sleeper)
                .build();

        assertThatThrownBy(() -> client.runtimes("acme", "research").list(ListRuntimesParams.all()))
                .isInstanceOf(RuntimesConnectionException.class);
        assertThat(sleeper.waits()).hasSize(3);
    }

    @Test
    void mutationWithoutIdempotencyKeyIsSentOnce() {
        server.error(502, "bad_gateway_error").answer(201, ORGANIZATION);
        RuntimesClient client = server.client(RetryPolicy.defaults(), sleeper);

        assertThatThrownBy(() -> createOrganization(client, null)).isInstanceOf(UpstreamException.class);
        assertThat(server.requests()).hasSize(1);
        assertThat(server.requests().get(0).header(Transport.IDEMPOTENCY_KEY)).isNull();
    }

    @Test
    void mutationWithIdempotencyKeyIsRetriedWithTheSameKey() {
        server.error(504, "gateway_timeout_error").answer(201, ORGANIZATION);
        RuntimesClient client = server.client(RetryPolicy.defaults(), sleeper);

        Organization created = createOrganization(client, "create-acme-1");

        assertThat(created.getSlug()).isEqualTo("acme");
        assertThat(server.requests())
                .extracting(request -> request.header(Transport.IDEMPOTENCY_KEY))
                .containsExactly("create-acme-1", "create-acme-1");
    }

    @Test
    void interruptionWhileWaitingStopsTheRetries() {
        server.error(429, "rate_limit_error", "Retry-After", "1");
        RuntimesClient client = server.client(RetryPolicy.defaults(), duration -> {
            throw new InterruptedException();
        });

        try {
            assertThatThrownBy(() -> client.runtimes("acme", "research").list(ListRuntimesParams.all()))
                    .isExactlyInstanceOf(RuntimesException.class)
                    .satisfies(e -> assertThat(e.getSuppressed()).hasOnlyElementsOfType(RateLimitException.class));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(server.requests()).hasSize(1);
    }

    private Page<?> list(RetryPolicy policy) {
        return server.client(policy, sleeper).runtimes("acme", "research").list(ListRuntimesParams.all());
    }

    /** A POST of the generated API sent the way facade mutations are: through {@link Transport#write}. */
    private static Organization createOrganization(RuntimesClient client, String idempotencyKey) {
        OperatorsApi operators = new OperatorsApi(client.apiClient());
        CreateOrganizationRequest request =
                new CreateOrganizationRequest().slug("acme").name("Acme");
        return client.transport()
                .write(idempotencyKey, headers -> operators.createOrganizationWithHttpInfo(request, headers));
    }
}
