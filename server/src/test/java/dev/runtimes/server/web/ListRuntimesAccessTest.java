package dev.runtimes.server.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import dev.runtimes.server.Tenants;
import dev.runtimes.server.Tenants.Member;
import dev.runtimes.server.Tenants.Tenant;
import dev.runtimes.server.TestClock;
import dev.runtimes.server.domain.Membership;
import dev.runtimes.server.domain.Workspace;
import dev.runtimes.server.tenancy.TenancyService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Authentication and tenancy of the list across two organizations with two workspaces each: no
 * row of another tenant ever appears, and hidden workspaces look exactly like missing ones.
 */
@QuarkusTest
class ListRuntimesAccessTest {
    @Inject
    Tenants tenants;

    @Inject
    TenancyService tenancy;

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    Tenant a;
    Workspace a2;
    Tenant b;
    Workspace b2;
    UUID runtimeA1;
    UUID runtimeA2;

    @BeforeEach
    void twoOrganizationsWithTwoWorkspacesEach() {
        a = tenants.tenant();
        a2 = tenants.workspace(a);
        b = tenants.tenant();
        b2 = tenants.workspace(b);
        runtimeA1 = tenants.runtime(a, "a1");
        runtimeA2 = tenants.runtime(
                new Tenant(
                        a.org(),
                        a.orgId(),
                        a2.slug(),
                        a2.id(),
                        tenancy.defaultProject(a2.id()).id(),
                        a.owner()),
                "a2");
        tenants.runtime(b, "b1");
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    private static Response list(String token, String org, String workspace) {
        return given().header("X-API-Key", token).get("/api/v1/org/" + org + "/ws/" + workspace + "/runtimes");
    }

    private static List<String> ids(Response response) {
        return response.then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    @Test
    void eachWorkspaceListsOnlyItsOwnRuntimes() {
        assertThat(ids(list(a.owner().token(), a.org(), a.workspace()))).containsExactly(runtimeA1.toString());
        assertThat(ids(list(a.owner().token(), a.org(), a2.slug()))).containsExactly(runtimeA2.toString());
    }

    @Test
    void anotherOrganizationLooksExactlyLikeAMissingOne() {
        String hidden = list(a.owner().token(), b.org(), b.workspace())
                .then()
                .statusCode(404)
                .extract()
                .asString();
        String missingWorkspace = list(a.owner().token(), a.org(), "no-such-ws")
                .then()
                .statusCode(404)
                .extract()
                .asString();
        String missingOrg = list(a.owner().token(), "no-such-org", b.workspace())
                .then()
                .statusCode(404)
                .extract()
                .asString();
        assertThat(hidden)
                .isEqualTo(missingOrg.replace("no-such-org", b.org()))
                .contains("\"type\":\"not_found_error\"")
                .doesNotContain(runtimeA1.toString());
        assertThat(missingWorkspace).contains("\"code\":404");
    }

    @Test
    void memberOfTwoOrganizationsSeesEach() {
        Member both = tenants.member(a.orgId(), Membership.MEMBER);
        tenancy.addMember(b.orgId(), both.userId(), Membership.MEMBER);
        assertThat(ids(list(both.token(), a.org(), a.workspace()))).containsExactly(runtimeA1.toString());
        assertThat(ids(list(both.token(), b.org(), b.workspace()))).hasSize(1).doesNotContain(runtimeA1.toString());
    }

    @Test
    void keyRestrictedToAnotherWorkspaceIs403() {
        String restricted = tenants.key(a.owner().userId(), a.orgId(), a2.id(), null);
        assertThat(ids(list(restricted, a.org(), a2.slug()))).containsExactly(runtimeA2.toString());
        list(restricted, a.org(), a.workspace())
                .then()
                .statusCode(403)
                .body("code", is(403))
                .body("type", is("forbidden_error"));
    }

    @Test
    void keyRestrictedToAnotherOrganizationIs403() {
        Member both = tenants.member(a.orgId(), Membership.MEMBER);
        tenancy.addMember(b.orgId(), both.userId(), Membership.MEMBER);
        String onlyB = tenants.key(both.userId(), b.orgId(), null, null);
        list(onlyB, b.org(), b2.slug()).then().statusCode(200);
        list(onlyB, a.org(), a.workspace()).then().statusCode(403).body("type", is("forbidden_error"));
    }

    @Test
    void expiredKeyIs401() {
        clock.set(Instant.parse("2026-06-01T00:00:00Z"));
        String expiring =
                tenants.key(a.owner().userId(), null, null, clock.instant().plusSeconds(60));
        list(expiring, a.org(), a.workspace()).then().statusCode(200);
        clock.advance(Duration.ofSeconds(60));
        list(expiring, a.org(), a.workspace())
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                .body("type", is("authentication_error"));
    }

    /** Stored keys with secrets of 200 and 201 characters: only the first is within the spec's bound. */
    @Test
    void aTokenOverTheSpecsBoundOf200CharactersIs401() {
        String atBound = "rtk_" + "x".repeat(196);
        String tooLong = "rtk_" + "y".repeat(197);
        tenancy.createApiKey(a.owner().userId(), "at the bound", atBound, null, null, null);
        tenancy.createApiKey(a.owner().userId(), "over the bound", tooLong, null, null, null);

        assertThat(ids(list(atBound, a.org(), a.workspace()))).contains(runtimeA1.toString());
        list(tooLong, a.org(), a.workspace()).then().statusCode(401).body("type", is("authentication_error"));
        given().header("Authorization", "Bearer " + tooLong)
                .get(a.runtimesPath())
                .then()
                .statusCode(401)
                .body("type", is("authentication_error"));
    }

    @Test
    void revokedKeyIs401AtOnce() {
        Member member = tenants.member(a.orgId(), Membership.MEMBER);
        list(member.token(), a.org(), a.workspace()).then().statusCode(200);
        tenancy.revokeApiKey(member.keyId());
        list(member.token(), a.org(), a.workspace()).then().statusCode(401);
    }

    /** Another replica's revocation reaches this one when its entry for the key ages out. */
    @Test
    void aKeyRevokedElsewhereIsRefusedWithinTheCachesTimeToLive() throws SQLException {
        clock.set(Instant.now());
        Member member = tenants.member(a.orgId(), Membership.MEMBER);
        list(member.token(), a.org(), a.workspace()).then().statusCode(200);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement revoke =
                        connection.prepareStatement("update api_keys set revoked_at = now() where id = ?")) {
            revoke.setObject(1, member.keyId());
            revoke.executeUpdate();
        }
        clock.advance(Duration.ofSeconds(5).minusMillis(1));
        list(member.token(), a.org(), a.workspace()).then().statusCode(200);
        clock.advance(Duration.ofMillis(1));
        list(member.token(), a.org(), a.workspace()).then().statusCode(401);
    }

    /** A key this replica knows costs the list no statement of its own: the key table may be locked. */
    @Test
    void aKnownKeyListsWithTheKeyTableLocked() throws Exception {
        list(a.owner().token(), a.org(), a.workspace()).then().statusCode(200);
        try (Connection connection = dataSource.getConnection();
                Statement lock = connection.createStatement()) {
            connection.setAutoCommit(false);
            lock.execute("lock table api_keys, memberships, workspaces in access exclusive mode");
            try {
                // Without the cache the list would wait on the lock: bounded here, so the test fails rather than hangs.
                List<String> ids = CompletableFuture.supplyAsync(
                                () -> ids(list(a.owner().token(), a.org(), a.workspace())))
                        .get(10, TimeUnit.SECONDS);
                assertThat(ids).containsExactly(runtimeA1.toString());
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void cursorOfAnotherWorkspaceIs400() {
        for (int i = 0; i < 3; i++) {
            tenants.runtime(b, "more-" + i);
        }
        String foreign = given().header("X-API-Key", b.owner().token())
                .queryParam("limit", 1)
                .get("/api/v1/org/" + b.org() + "/ws/" + b.workspace() + "/runtimes")
                .jsonPath()
                .getString("next_cursor");
        assertThat(foreign).isNotNull();
        given().header("X-API-Key", a.owner().token())
                .queryParam("limit", 1)
                .queryParam("cursor", foreign)
                .get("/api/v1/org/" + a.org() + "/ws/" + a.workspace() + "/runtimes")
                .then()
                .statusCode(400)
                .body("type", is("invalid_request_error"));
    }
}
