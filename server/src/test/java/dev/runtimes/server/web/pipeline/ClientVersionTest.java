package dev.runtimes.server.web.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.runtimes.server.RuntimeApi;
import dev.runtimes.server.Tenants;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The minimum client version (setting {@code runtimes.client.minimum-version}, 0.1.0 by default). */
@QuarkusTest
class ClientVersionTest {
    @Inject
    Tenants tenants;

    RuntimeApi api;

    @BeforeEach
    void createTenant() {
        Tenants.Tenant tenant = tenants.tenant();
        api = new RuntimeApi(tenant, tenant.owner());
    }

    @Test
    void anOlderClientIs426NamingTheMinimum() {
        api.request()
                .header(ClientVersionFilter.HEADER, "0.0.9")
                .get(api.path(""))
                .then()
                .statusCode(426)
                .body("code", is(426))
                .body("type", is("upgrade_required_error"))
                .body("detail", is("Client version 0.0.9 is no longer supported; upgrade to 0.1.0 or later."))
                .body("errors", nullValue());
    }

    @Test
    void anOldClientIsRefusedBeforeItsRequestIsLookedAt() {
        api.request()
                .header(ClientVersionFilter.HEADER, "0.0.1-beta.2")
                .post(api.path("/no-such-runtime/start"))
                .then()
                .statusCode(426)
                .body("detail", is("Client version 0.0.1-beta.2 is no longer supported; upgrade to 0.1.0 or later."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.1.0", "0.1.0-SNAPSHOT", "0.10.0", "1.0.0+build.7"})
    void theMinimumAndNewerClientsPass(String version) {
        api.request()
                .header(ClientVersionFilter.HEADER, version)
                .get(api.path(""))
                .then()
                .statusCode(200);
    }

    @Test
    void requestsWithoutTheHeaderPass() {
        api.request().get(api.path("")).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2", "v1.2.3", "1.2.3.4", "latest"})
    void aMalformedVersionIs422AtTheHeader(String version) {
        api.request()
                .header(ClientVersionFilter.HEADER, version)
                .get(api.path(""))
                .then()
                .statusCode(422)
                .body("type", is("validation_error"))
                .body("errors[0].loc", org.hamcrest.Matchers.contains("header", ClientVersionFilter.HEADER))
                .body("errors[0].type", is("pattern_mismatch"));
    }

    @Test
    void versionsCompareByTheirNumbers() {
        ClientVersion minimum = ClientVersion.parse("1.9.0").orElseThrow();
        assertThat(ClientVersion.parse("1.10.0").orElseThrow()).isGreaterThan(minimum);
        assertThat(ClientVersion.parse("1.9.0-rc.1").orElseThrow()).isEqualByComparingTo(minimum);
        assertThat(ClientVersion.parse("1.8.99").orElseThrow()).isLessThan(minimum);
        assertThat(ClientVersion.parse("2.0.0").orElseThrow()).isGreaterThan(minimum);
        assertThat(ClientVersion.parse("1.9")).isEmpty();
    }
}
