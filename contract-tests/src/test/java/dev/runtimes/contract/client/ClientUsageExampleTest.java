package dev.runtimes.contract.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runtimes.client.ListRuntimesParams;
import dev.runtimes.client.NotFoundException;
import dev.runtimes.client.Page;
import dev.runtimes.client.Runtimes;
import dev.runtimes.client.RuntimesClient;
import dev.runtimes.client.model.Runtime;
import dev.runtimes.client.model.RuntimeStatus;
import dev.runtimes.contract.client.Tenants.Tenant;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The usage example of {@code docs/client.md}: it runs here against the server, and the block in
 * the document must be the code between the {@code tag::usage} markers below, line for line.
 */
@QuarkusTest
class ClientUsageExampleTest {
    private static final Path SOURCE =
            Path.of("src/test/java/dev/runtimes/contract/client/ClientUsageExampleTest.java");
    private static final Path DOCUMENT = Path.of("../docs/client.md");

    @TestHTTPResource("/")
    URL server;

    @Test
    void exampleRunsAgainstTheServer() {
        Tenants tenants = new Tenants(server);
        Tenant tenant = tenants.tenant();
        tenants.runtime(tenant, "notebook", Map.of("team", "ml"));
        tenants.runtime(tenant, "website", Map.of("team", "web"));
        tenants.runtime(tenant, "trainer", Map.of("team", "ml"));
        String baseUrl = server.toString();
        String token = tenant.token();
        String org = tenant.org();
        String workspace = tenant.workspace();

        // tag::usage[]
        RuntimesClient client = RuntimesClient.builder()
                .baseUrl(baseUrl) // e.g. "https://runtimes.example.com"
                .token(token) // an API key
                .build();
        Runtimes runtimes = client.runtimes(org, workspace);

        // One page: the newest idle or running runtimes labelled team:ml, 20 at most.
        Page<Runtime> page = runtimes.list(ListRuntimesParams.builder()
                .states(RuntimeStatus.IDLE, RuntimeStatus.RUNNING)
                .label("team", "ml")
                .limit(20)
                .build());
        List<String> keys = page.items().stream().map(Runtime::getKey).toList();

        // Every runtime of the workspace, the next pages fetched as the stream reaches them.
        long idle = runtimes.listAll(ListRuntimesParams.all())
                .filter(runtime -> runtime.getStatus() == RuntimeStatus.IDLE)
                .count();

        // Failures are typed exceptions built from the server's error envelope.
        try {
            client.runtimes(org, "no-such-workspace").list(ListRuntimesParams.all());
        } catch (NotFoundException e) {
            System.err.println(e.getMessage()); // 404 not_found_error: Workspace '...' was not found.
        }
        // end::usage[]

        assertEquals(List.of("trainer", "notebook"), keys);
        assertEquals(3, idle);
    }

    @Test
    void documentShowsTheExampleAsItRuns() throws IOException {
        String source = Files.readString(SOURCE);
        Matcher tagged = Pattern.compile("(?s)\\n( *)// tag::usage\\[]\\n(.*?)\\n *// end::usage\\[]")
                .matcher(source);
        assertTrue(tagged.find(), "the usage markers are in " + SOURCE);
        String indent = tagged.group(1);
        String example = tagged.group(2)
                .lines()
                .map(line -> line.startsWith(indent) ? line.substring(indent.length()) : line)
                .collect(Collectors.joining("\n"));

        String document = Files.readString(DOCUMENT);

        assertTrue(
                document.contains("```java\n" + example + "\n```\n"), DOCUMENT + " must show the example of " + SOURCE);
    }
}
