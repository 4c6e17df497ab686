package dev.runtimes.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimes.client.model.Runtime;
import dev.runtimes.client.model.RuntimeStatus;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the client puts on the wire, as a {@link CannedServer} receives it. */
class RequestsTest {
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
    void everyRequestCarriesTheTokenAndTheClientVersion() {
        server.answer(200, Json.page(null));

        runtimes().list(ListRuntimesParams.all());

        CannedServer.Received request = server.requests().get(0);
        assertThat(RuntimesClient.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + CannedServer.TOKEN);
        assertThat(request.header("User-Agent")).isEqualTo("runtimes-java/" + RuntimesClient.version());
        assertThat(request.header("X-Runtimes-Client-Version")).isEqualTo(RuntimesClient.version());
    }

    @Test
    void filtersBecomeTheDocumentedQueryParameters() {
        server.answer(200, Json.page(null));
        UUID project = UUID.fromString("0b3c52f4-8a7e-4b0a-9a4c-7f9d1c2e5a10");

        runtimes()
                .list(ListRuntimesParams.builder()
                        .states(RuntimeStatus.RUNNING, RuntimeStatus.PAUSED)
                        .projectId(project)
                        .ownedByMe(true)
                        .label("team", "ml")
                        .label("env", "prod/eu")
                        .limit(7)
                        .cursor("abc")
                        .build());

        CannedServer.Received request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.uri().getPath()).isEqualTo("/api/v1/org/acme/ws/research/runtimes");
        assertThat(request.uri().getRawQuery())
                .isEqualTo("state=running&state=paused&project_id=" + project
                        + "&owner=me&label=team%3Aml&label=env%3Aprod%2Feu&limit=7&cursor=abc");
    }

    @Test
    void autoPagingFetchesTheFirstPageAtOnceAndTheOthersWhenReached() {
        server.answer(200, Json.page("page-2", "a", "b"))
                .answer(200, Json.page("page-3", "c"))
                .answer(200, Json.page(null, "d"));

        Stream<Runtime> all = runtimes()
                .listAll(ListRuntimesParams.builder()
                        .states(RuntimeStatus.IDLE)
                        .limit(2)
                        .build());
        assertThat(server.requests()).hasSize(1);

        assertThat(all.map(Runtime::getKey)).containsExactly("a", "b", "c", "d");
        List<String> queries = server.requests().stream()
                .map(request -> request.uri().getRawQuery())
                .toList();
        assertThat(queries)
                .containsExactly(
                        "state=idle&limit=2", "state=idle&limit=2&cursor=page-2", "state=idle&limit=2&cursor=page-3");
    }

    @Test
    void onePageOffersTheNextAndAnIterableOverAll() {
        server.answer(200, Json.page("page-2", "a")).answer(200, Json.page(null, "b"));

        Page<Runtime> first = runtimes().list(ListRuntimesParams.all());

        assertThat(first.items()).extracting(Runtime::getKey).containsExactly("a");
        assertThat(first.nextCursor()).contains("page-2");
        assertThat(first.autoPagingIterable()).extracting(Runtime::getKey).containsExactly("a", "b");
    }

    @Test
    void requestsGoThroughTheGivenHttpClient() {
        // Only the given client follows redirects; the client's own never does.
        server.answer(302, "", "Location", "/moved").answer(200, Json.page(null, "moved"));
        RuntimesClient client = RuntimesClient.builder()
                .baseUrl(server.baseUrl())
                .token(CannedServer.TOKEN)
                .httpClient(HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.ALWAYS)
                        .build())
                .build();

        Page<Runtime> page = client.runtimes("acme", "research").list(ListRuntimesParams.all());

        assertThat(page.items()).extracting(Runtime::getKey).containsExactly("moved");
        assertThat(server.requests())
                .extracting(request -> request.uri().getPath())
                .containsExactly("/api/v1/org/acme/ws/research/runtimes", "/moved");
    }

    private Runtimes runtimes() {
        return server.client(RetryPolicy.none(), new RecordingSleeper()).runtimes("acme", "research");
    }
}
