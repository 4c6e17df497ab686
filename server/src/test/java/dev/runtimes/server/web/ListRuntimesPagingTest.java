package dev.runtimes.server.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimes.server.Tenants;
import dev.runtimes.server.Tenants.Tenant;
import dev.runtimes.server.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Walks of the list: order, page sizes, the last page, and writes between pages. */
@QuarkusTest
class ListRuntimesPagingTest {
    @Inject
    Tenants tenants;

    @Inject
    TestClock clock;

    Tenant tenant;

    @BeforeEach
    void createTenant() {
        tenant = tenants.tenant();
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    /** Creates runtimes one microsecond apart, oldest first; returns their ids newest first. */
    private List<UUID> createRuntimes(int count, Instant start) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clock.set(start.plus(Duration.ofNanos(1000L * i)));
            ids.add(0, tenants.runtime(tenant, "rt-" + i));
        }
        return ids;
    }

    private JsonPath page(Integer limit, String cursor) {
        var request = given().header("Authorization", "Bearer " + tenant.owner().token());
        if (limit != null) {
            request.queryParam("limit", limit);
        }
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get(tenant.runtimesPath())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** All ids of a walk, with the number of pages it took. */
    private record Walk(List<UUID> ids, int pages) {}

    private Walk walk(int limit) {
        List<UUID> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = page(limit, cursor);
            pages++;
            List<String> pageIds = page.getList("items.id");
            assertThat(pageIds).as("no page is empty unless the whole list is").isNotEmpty();
            pageIds.forEach(id -> ids.add(UUID.fromString(id)));
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        return new Walk(ids, pages);
    }

    @ParameterizedTest
    @CsvSource({"7, 3, 3", "6, 3, 2", "3, 3, 1", "2, 3, 1", "1, 1, 1", "5, 1, 5"})
    void walkReturnsEveryRuntimeOnceNewestFirst(int count, int limit, int expectedPages) {
        List<UUID> expected = createRuntimes(count, Instant.parse("2026-01-01T00:00:00.000001Z"));
        Walk walk = walk(limit);
        assertThat(walk.ids()).containsExactlyElementsOf(expected);
        assertThat(walk.pages()).isEqualTo(expectedPages);
    }

    @Test
    void emptyWorkspaceIsOneEmptyPage() {
        JsonPath page = page(null, null);
        assertThat(page.getList("items")).isEmpty();
        assertThat(page.getString("next_cursor")).isNull();
    }

    @Test
    void defaultLimitIsFifty() {
        createRuntimes(51, Instant.parse("2026-02-01T00:00:00Z"));
        JsonPath first = page(null, null);
        assertThat(first.getList("items")).hasSize(50);
        assertThat(page(null, first.getString("next_cursor")).getList("items")).hasSize(1);
    }

    @Test
    void runtimesCreatedInTheSameMicrosecondAreOrderedById() {
        clock.set(Instant.parse("2026-03-01T12:00:00.123456Z"));
        Set<UUID> created = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            created.add(tenants.runtime(tenant, "same-" + i));
        }
        Walk walk = walk(2);
        assertThat(walk.ids()).containsExactlyInAnyOrderElementsOf(created);
        List<UUID> sortedDescending =
                created.stream().sorted((a, b) -> compareLikePostgres(b, a)).toList();
        assertThat(walk.ids()).containsExactlyElementsOf(sortedDescending);
    }

    @Test
    void walkIsExactUnderInsertsAndDeletesBetweenPages() {
        Instant start = Instant.parse("2026-04-01T00:00:00Z");
        List<UUID> stable = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            clock.set(start.plusSeconds(i));
            stable.add(0, tenants.runtime(tenant, "stable-" + i));
        }
        UUID victim = stable.remove(stable.size() - 1);
        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        int round = 0;
        do {
            JsonPath page = page(2, cursor);
            page.getList("items.id", String.class).forEach(id -> seen.add(UUID.fromString(id)));
            cursor = page.getString("next_cursor");
            // Between pages: a newer runtime, one among those not yet walked, and a deletion.
            clock.set(start.plusSeconds(100 + round));
            tenants.runtime(tenant, "newer-" + round);
            clock.set(start.plusMillis(4500 + round));
            tenants.runtime(tenant, "among-" + round);
            if (round == 0) {
                tenants.delete(tenant, victim);
            }
            round++;
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().doesNotContain(victim);
        assertThat(seen.stream().filter(stable::contains).toList()).containsExactlyElementsOf(stable);
    }

    /** PostgreSQL orders uuids by their bytes, unsigned. */
    private static int compareLikePostgres(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
