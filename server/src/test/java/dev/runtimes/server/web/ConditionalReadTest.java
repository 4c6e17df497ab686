package dev.runtimes.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimes.server.RuntimeApi;
import dev.runtimes.server.Tenants;
import dev.runtimes.server.web.edge.RequestIds;
import dev.runtimes.server.web.pipeline.RateLimitFilter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ETag on list and get; If-None-Match answers 304 without a body while nothing changed. */
@QuarkusTest
class ConditionalReadTest {
    @Inject
    Tenants tenants;

    RuntimeApi api;

    @BeforeEach
    void createTenant() {
        Tenants.Tenant tenant = tenants.tenant();
        api = new RuntimeApi(tenant, tenant.owner());
        api.createIdle("nb");
    }

    @Test
    void theETagIsAStrongTagOfTheExactBody() throws Exception {
        assertTagsItsBody(api.get("nb"));
    }

    /** Answers larger than a thread's buffer for tagging (64 KiB), then a small one after them. */
    @Test
    void largeAnswersAreTaggedByTheirExactBodiesToo() throws Exception {
        String labels = IntStream.range(0, 32)
                .mapToObj(i -> "\"label-" + i + "\":\"" + "v".repeat(256) + "\"")
                .collect(Collectors.joining(",", "{", "}"));
        for (int i = 0; i < 8; i++) {
            api.create("{\"key\":\"big-" + i + "\",\"name\":\"Big\",\"labels\":" + labels + "}")
                    .then()
                    .statusCode(201);
        }
        for (int round = 0; round < 3; round++) {
            Response large = api.request().get(api.path(""));
            assertThat(large.asByteArray().length).isGreaterThan(64 * 1024);
            assertTagsItsBody(large);
            assertTagsItsBody(api.get("nb"));
        }
    }

    private static void assertTagsItsBody(Response answer) throws Exception {
        answer.then().statusCode(200);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(answer.asByteArray());
        assertThat(answer.header("ETag")).isEqualTo("\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
    }

    @Test
    void anUnchangedRuntimeIs304WithoutABodyButWithItsHeaders() {
        String tag = api.get("nb").then().statusCode(200).extract().header("ETag");
        Response notModified = api.request().header("If-None-Match", tag).get(api.path("/nb"));
        notModified.then().statusCode(304);
        assertThat(notModified.asByteArray()).isEmpty();
        assertThat(notModified.header("ETag")).isEqualTo(tag);
        assertThat(notModified.header(RequestIds.HEADER)).isNotBlank();
        assertThat(notModified.header(RateLimitFilter.LIMIT_HEADER)).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"W/%s", "\"0123456789abcdef0123456789abcdef\", %s", "*"})
    void ifNoneMatchComparesWeaklyAndTakesListsAndTheWildcard(String ifNoneMatch) {
        String tag = api.get("nb").then().extract().header("ETag");
        api.request()
                .header("If-None-Match", ifNoneMatch.formatted(tag))
                .get(api.path("/nb"))
                .then()
                .statusCode(304);
    }

    @Test
    void aChangedRuntimeIs200WithANewTag() {
        String tag = api.get("nb").then().extract().header("ETag");
        api.update("nb", "{\"name\":\"Renamed\"}").then().statusCode(200);
        String newTag = api.request()
                .header("If-None-Match", tag)
                .get(api.path("/nb"))
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertThat(newTag).isNotEqualTo(tag);
    }

    @Test
    void anUnchangedListIs304AndANewRuntimeChangesIt() {
        String tag =
                api.request().get(api.path("")).then().statusCode(200).extract().header("ETag");
        Response notModified = api.request().header("If-None-Match", tag).get(api.path(""));
        notModified.then().statusCode(304);
        assertThat(notModified.asByteArray()).isEmpty();

        api.createIdle("second");
        api.request().header("If-None-Match", tag).get(api.path("")).then().statusCode(200);
    }

    @Test
    void errorsCarryNoETag() {
        Response missing = api.request().header("If-None-Match", "*").get(api.path("/missing"));
        missing.then().statusCode(404);
        assertThat(missing.header("ETag")).isNull();
    }
}
