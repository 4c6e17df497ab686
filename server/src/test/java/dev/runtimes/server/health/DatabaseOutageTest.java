package dev.runtimes.server.health;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import dev.runtimes.server.Tenants;
import dev.runtimes.server.Tenants.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Readiness follows the database: down while PostgreSQL is unreachable (a real outage, the
 * connection cut by a proxy) or its schema is not migrated, up again on its own afterwards.
 * Liveness never depends on the database: restarting a replica would not bring it back.
 */
@QuarkusTest
@TestProfile(DatabaseBehindProxy.class)
class DatabaseOutageTest {
    private static final String DATASOURCE_CHECK = "Database connections health check";

    @Inject
    Flyway flyway;

    @Inject
    Tenants tenants;

    /** Leaves the database reachable and migrated for whatever runs next, even after a failure. */
    @AfterEach
    void databaseIsBack() throws IOException {
        DatabaseBehindProxy.proxy.restore();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            flyway.migrate();
            return true;
        });
    }

    @Test
    void readinessIsDownWhileTheDatabaseIsUnreachableAndRecoversByItself() throws IOException {
        Tenant tenant = tenants.tenant();
        ready().statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == '" + DATASOURCE_CHECK + "' }.status", is("UP"))
                .body("checks.find { it.name == '" + MigrationsCheck.NAME + "' }.status", is("UP"));

        DatabaseBehindProxy.proxy.cut();

        ready().statusCode(503)
                .body("status", is("DOWN"))
                .body("checks.find { it.name == '" + DATASOURCE_CHECK + "' }.status", is("DOWN"))
                .body("checks.find { it.name == '" + MigrationsCheck.NAME + "' }.status", is("DOWN"));
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        given().header("Authorization", "Bearer " + tenant.owner().token())
                .header("X-Request-Id", "during-outage")
                .get(tenant.runtimesPath())
                .then()
                .statusCode(502)
                .header("X-Request-Id", "during-outage")
                .body("type", is("bad_gateway_error"))
                .body(
                        "detail",
                        is("The database is unavailable; incident id during-outage"
                                + " (the X-Request-Id of this answer)."));

        DatabaseBehindProxy.proxy.restore();

        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
        ready().statusCode(200).body("checks.status", everyItem(is("UP")));
    }

    @Test
    void readinessIsDownUntilTheMigrationsAreApplied() {
        flyway.clean();
        int migrations = flyway.info().pending().length;

        ready().statusCode(503)
                .body("status", is("DOWN"))
                .body("checks.find { it.name == '" + DATASOURCE_CHECK + "' }.status", is("UP"))
                .body("checks.find { it.name == '" + MigrationsCheck.NAME + "' }.status", is("DOWN"))
                .body("checks.find { it.name == '" + MigrationsCheck.NAME + "' }.data.version", is("none"))
                .body("checks.find { it.name == '" + MigrationsCheck.NAME + "' }.data.pending", is(migrations));

        flyway.migrate();

        ready().statusCode(200)
                .body("checks.find { it.name == '" + MigrationsCheck.NAME + "' }.data.pending", is(0))
                .body("checks.name", hasItem(MigrationsCheck.NAME));
        Tenant tenant = tenants.tenant();
        given().header("Authorization", "Bearer " + tenant.owner().token())
                .get(tenant.runtimesPath())
                .then()
                .statusCode(200);
    }

    private static ValidatableResponse ready() {
        return given().get("/q/health/ready").then();
    }
}
