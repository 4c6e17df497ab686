package dev.runtimes.contract.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runtimes.client.ListRuntimesParams;
import dev.runtimes.client.NotFoundException;
import dev.runtimes.client.Page;
import dev.runtimes.client.RuntimesClient;
import dev.runtimes.client.model.Runtime;
import dev.runtimes.client.model.RuntimeStatus;
import dev.runtimes.contract.client.Tenants.Tenant;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's pages and auto-paging against the server, booted from its jar on a real port. */
@QuarkusTest
class ClientPagingTest {
    @TestHTTPResource("/")
    URL server;

    Tenants tenants;

    @BeforeEach
    void tenants() {
        tenants = new Tenants(server);
    }

    @Test
    void autoPagingWalks250RuntimesAtSevenAPageNewestFirst() {
        Tenant tenant = tenants.tenant();
        List<UUID> newestFirst = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            newestFirst.add(0, tenants.runtime(tenant, "rt-" + i, Map.of()));
        }
        ListRuntimesParams sevenAPage = ListRuntimesParams.builder().limit(7).build();

        List<UUID> walked =
                runtimes(tenant).listAll(sevenAPage).map(Runtime::getId).toList();

        assertEquals(newestFirst, walked);
        List<Integer> pageSizes = new ArrayList<>();
        for (Page<Runtime> page = runtimes(tenant).list(sevenAPage); ; page = page.nextPage()) {
            pageSizes.add(page.items().size());
            if (!page.hasNextPage()) {
                break;
            }
        }
        assertEquals(36, pageSizes.size());
        assertTrue(pageSizes.subList(0, 35).stream().allMatch(size -> size == 7));
        assertEquals(5, pageSizes.get(35));
    }

    @Test
    void everyPageKeepsTheFilters() {
        Tenant tenant = tenants.tenant();
        List<String> labelledNewestFirst = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            boolean labelled = i % 3 != 0;
            tenants.runtime(tenant, "rt-" + i, labelled ? Map.of("team", "ml") : Map.of("team", "web"));
            if (labelled) {
                labelledNewestFirst.add(0, "rt-" + i);
            }
        }

        List<String> walked = runtimes(tenant)
                .listAll(ListRuntimesParams.builder()
                        .label("team", "ml")
                        .states(RuntimeStatus.IDLE, RuntimeStatus.PAUSED)
                        .ownedByMe(true)
                        .projectId(tenant.defaultProjectId())
                        .limit(3)
                        .build())
                .map(Runtime::getKey)
                .toList();

        assertEquals(20, walked.size());
        assertEquals(labelledNewestFirst, walked);
    }

    @Test
    void autoPagingFetchesTheFirstPageAtTheCall() {
        Tenant tenant = tenants.tenant();

        NotFoundException e = assertThrows(
                NotFoundException.class,
                () -> client(tenant.token())
                        .runtimes(tenant.org(), "no-such-workspace")
                        .listAll(ListRuntimesParams.all()));

        assertEquals("Workspace '" + tenant.org() + "/no-such-workspace' was not found.", e.detail());
    }

    private dev.runtimes.client.Runtimes runtimes(Tenant tenant) {
        return client(tenant.token()).runtimes(tenant.org(), tenant.workspace());
    }

    private RuntimesClient client(String token) {
        return RuntimesClient.builder().baseUrl(server.toString()).token(token).build();
    }
}
