package dev.runtimes.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runtimes.client.api.RuntimesApi;
import dev.runtimes.client.invoker.ApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * The entry point of the runtimes API client.
 *
 * <pre>{@code
 * RuntimesClient client = RuntimesClient.builder()
 *         .baseUrl("https://runtimes.example.com")
 *         .token(System.getenv("RUNTIMES_TOKEN"))
 *         .build();
 * client.runtimes("acme", "research").listAll(ListRuntimesParams.all()).forEach(System.out::println);
 * }</pre>
 *
 * <p>Every request carries the token as {@code Authorization: Bearer}, {@code User-Agent:
 * runtimes-java/<version>} and {@code X-Runtimes-Client-Version: <version>}. Answers from a newer
 * server decode: unknown fields are ignored, an unknown enum value becomes the enum's {@code
 * UNKNOWN_DEFAULT_OPEN_API} (or {@code null} for a nullable one such as {@code pause_reason}).
 *
 * <p>Thread-safe; build one and share it.
 */
public final class RuntimesClient {
    static final String CLIENT_VERSION_HEADER = "X-Runtimes-Client-Version";

    private final ApiClient apiClient;
    private final Transport transport;
    private final ErrorDecoder errors;
    private final Sleeper sleeper;

    private RuntimesClient(ApiClient apiClient, Transport transport, ErrorDecoder errors, Sleeper sleeper) {
        this.apiClient = apiClient;
        this.transport = transport;
        this.errors = errors;
        this.sleeper = sleeper;
    }

    /** @return a builder; {@link Builder#baseUrl} and {@link Builder#token} are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the version of this library, as sent in {@code X-Runtimes-Client-Version} */
    public static String version() {
        return ClientVersion.VALUE;
    }

    /**
     * @param org the organization's slug
     * @param workspace the workspace's slug
     * @return the runtimes of that workspace
     */
    public Runtimes runtimes(String org, String workspace) {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(workspace, "workspace");
        return new Runtimes(
                transport,
                new RuntimesApi(apiClient),
                org,
                workspace,
                new Events(transport, apiClient, errors, sleeper, org, workspace));
    }

    ApiClient apiClient() {
        return apiClient;
    }

    Transport transport() {
        return transport;
    }

    /** Configures a {@link RuntimesClient}. */
    public static final class Builder {
        private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
        private URI baseUrl;
        private String token;
        private Duration connectTimeout;
        private Duration requestTimeout = Duration.ofSeconds(30);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private HttpClient httpClient;
        private Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());

        private Builder() {}

        /**
         * @param baseUrl where the API answers, e.g. {@code https://runtimes.example.com}
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = URI.create(Objects.requireNonNull(baseUrl, "baseUrl").replaceAll("/+$", ""));
            return this;
        }

        /**
         * @param token the API key, sent as {@code Authorization: Bearer <token>}
         * @return this builder
         */
        public Builder token(String token) {
            this.token = Objects.requireNonNull(token, "token");
            return this;
        }

        /**
         * @param connectTimeout the longest wait for a connection (default 10 s); not with {@link
         *     #httpClient}, which brings its own
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * @param requestTimeout the longest wait for the answer to one request (default 30 s); a
         *     request that times out counts as a connection failure
         * @return this builder
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
            return this;
        }

        /**
         * @param retryPolicy when to send a request again (default {@link RetryPolicy#defaults()});
         *     {@link RetryPolicy#none()} turns retries off
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * @param httpClient the HTTP client to send requests with, e.g. one with a proxy or TLS
         *     settings of your own; by default the client makes its own
         * @return this builder
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * @param sleeper what waits between retries (default {@link Thread#sleep}); tests pass one
         *     that records the waits
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * @return the client
         * @throws IllegalStateException when the base URL or the token is missing, or a connect
         *     timeout is given with an {@link #httpClient}
         */
        public RuntimesClient build() {
            if (baseUrl == null || token == null) {
                throw new IllegalStateException("baseUrl and token are required");
            }
            if (httpClient != null && connectTimeout != null) {
                throw new IllegalStateException("set the connect timeout on the HttpClient you pass");
            }
            HttpClient http = httpClient != null
                    ? httpClient
                    : HttpClient.newBuilder()
                            .connectTimeout(connectTimeout != null ? connectTimeout : DEFAULT_CONNECT_TIMEOUT)
                            .build();
            ObjectMapper mapper = mapper();
            ApiClient apiClient = new ApiClient(HttpClient.newBuilder(), mapper, baseUrl.toString()) {
                // The generated client builds an HttpClient from its builder for each API class; share ours.
                @Override
                public HttpClient getHttpClient() {
                    return http;
                }
            };
            apiClient.setReadTimeout(requestTimeout);
            apiClient.setRequestInterceptor(request -> request.setHeader("Authorization", "Bearer " + token)
                    .setHeader("User-Agent", "runtimes-java/" + version())
                    .setHeader(CLIENT_VERSION_HEADER, version()));
            ErrorDecoder errors = new ErrorDecoder(mapper);
            return new RuntimesClient(apiClient, new Transport(retryPolicy, sleeper, errors), errors, sleeper);
        }

        private static ObjectMapper mapper() {
            ObjectMapper mapper = ApiClient.createDefaultObjectMapper();
            // A newer server may send fields this client does not know; they must never break decoding.
            mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            return mapper;
        }
    }
}
