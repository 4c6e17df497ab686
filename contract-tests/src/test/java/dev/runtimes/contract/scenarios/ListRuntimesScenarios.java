package dev.runtimes.contract.scenarios;

import static dev.runtimes.contract.harness.Json.object;
import static dev.runtimes.contract.scenarios.Tenants.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtimes.contract.harness.Call;
import dev.runtimes.contract.harness.Channel;
import dev.runtimes.contract.harness.Credentials;

/** {@code listRuntimes}: the seed page's operation. */
public interface ListRuntimesScenarios extends Scenarios {

    default Call listOf(Tenants.Tenant tenant) {
        return Call.to("listRuntimes")
                .path("org", tenant.org())
                .path("workspace", tenant.workspace())
                .as(tenant.owner().key());
    }

    @Scenario
    default void aNewWorkspaceListsAnEmptyLastPage(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        JsonNode page = send(
                        channel,
                        listOf(tenant)
                                .query("state", "idle", "running")
                                .query("owner", "me")
                                .query("limit", 50))
                .hasStatus(200)
                .body();
        assertThat(page.path("items").isArray() && page.path("items").isEmpty())
                .as("items of %s", page)
                .isTrue();
        assertThat(page.path("next_cursor").isNull())
                .as("next_cursor of %s", page)
                .isTrue();
    }

    @Scenario
    default void theKeyIsAlsoAcceptedInTheXApiKeyHeader(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        send(channel, listOf(tenant).as(Credentials.apiKey(tenant.owner().token())))
                .hasStatus(200);
    }

    @Scenario
    default void anAlteredCursorIs400(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        send(channel, listOf(tenant).query("cursor", "eyJ2IjoxfQ.bm90LXNpZ25lZA"))
                .isError(400, "invalid_request_error");
    }

    @Scenario
    default void missingUnknownExpiredOrOtherSchemeCredentialsAre401(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        String expired = tenants()
                .key(tenant.owner().userId(), object("name", "old", "expires_at", "2020-01-01T00:00:00Z"))
                .path("token")
                .asText();
        for (Credentials credentials : new Credentials[] {
            Credentials.NONE,
            Credentials.bearer("rtk_unknown"),
            Credentials.bearer(expired),
            Credentials.authorization("Basic " + tenant.owner().token()),
            target().operator()
        }) {
            send(channel, listOf(tenant).as(credentials)).isError(401, "authentication_error");
        }
    }

    @Scenario
    default void aKeyRestrictedToAnotherWorkspaceIs403(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        String elsewhere = tenants().workspace(tenant.org());
        String restricted = tenants()
                .key(tenant.owner().userId(), object("name", "ci", "org", tenant.org(), "workspace", elsewhere))
                .path("token")
                .asText();
        send(channel, listOf(tenant).as(Credentials.bearer(restricted))).isError(403, "forbidden_error");
    }

    @Scenario
    default void unknownOrHiddenWorkspacesAre404(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        Tenants.Tenant stranger = tenants().tenant();
        send(channel, listOf(tenant).path("workspace", unique("missing"))).isError(404, "not_found_error");
        send(channel, listOf(tenant).path("org", stranger.org()).path("workspace", stranger.workspace()))
                .isError(404, "not_found_error");
    }

    @Scenario
    default void invalidParametersAre422WithTheirLocation(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        send(channel, listOf(tenant).query("limit", 0)).isValidationError("query", "limit");
        send(channel, listOf(tenant).query("limit", 101)).isValidationError("query", "limit");
        send(channel, listOf(tenant).query("limit", "abc").verbatim()).isValidationError("query", "limit");
        send(channel, listOf(tenant).query("project_id", "nope").verbatim()).isValidationError("query", "project_id");
        send(channel, listOf(tenant).query("state", "bogus").verbatim()).isValidationError("query", "state", "0");
    }

    @Scenario
    default void severalStatesAreRepeatedNeverCommaSeparated(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        send(channel, listOf(tenant).query("state", "idle", "running")).hasStatus(200);
        send(channel, listOf(tenant).query("state", "idle,running").verbatim())
                .hasProblem("invalid_enum", "query", "state", "0");
    }
}
