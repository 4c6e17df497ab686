package dev.runtimes.contract.scenarios;

import static dev.runtimes.contract.harness.Json.object;
import static dev.runtimes.contract.scenarios.Tenants.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtimes.contract.harness.Call;
import dev.runtimes.contract.harness.Channel;

/** The operator surface for organizations, workspaces and projects. */
public interface OrganizationScenarios extends Scenarios {

    @Scenario
    default void createOrganizationAnswers201WithTheOrganization(Channel channel) {
        String slug = unique("org");
        JsonNode org = send(
                        channel,
                        Call.to("createOrganization")
                                .as(target().operator())
                                .body(object("slug", slug, "name", "Acme Research", "credit_balance", 10000)))
                .hasStatus(201)
                .body();
        assertThat(org.path("slug").asText()).isEqualTo(slug);
        assertThat(org.path("name").asText()).isEqualTo("Acme Research");
        assertThat(org.path("credit_balance").asLong()).isEqualTo(10000);
        assertThat(org.path("member_limit").isNull())
                .as("member_limit of %s", org)
                .isTrue();
    }

    @Scenario
    default void createOrganizationRefusesATakenSlugWith409(Channel channel) {
        String taken = tenants().organization();
        send(
                        channel,
                        Call.to("createOrganization")
                                .as(target().operator())
                                .body(object("slug", taken, "name", "Again")))
                .isError(409, "already_exists_error");
    }

    @Scenario
    default void createOrganizationRefusesABadSlugWith422(Channel channel) {
        send(
                        channel,
                        Call.to("createOrganization")
                                .as(target().operator())
                                .body(object("slug", "Not A Slug", "name", "Acme")))
                .isValidationError("body", "slug");
    }

    @Scenario
    default void updateOrganizationReplacesEverySetting(Channel channel) {
        String org = tenants().organization();
        Call limits = Call.to("updateOrganization")
                .path("org", org)
                .as(target().operator())
                .body(object(
                        "credit_balance",
                        500,
                        "member_limit",
                        3,
                        "max_runtime_limit_seconds",
                        7200,
                        "default_runtime_limit_seconds",
                        1800));
        JsonNode updated = send(channel, limits).hasStatus(200).body();
        assertThat(updated.path("credit_balance").asLong()).isEqualTo(500);
        assertThat(updated.path("member_limit").asInt()).isEqualTo(3);
        assertThat(updated.path("max_runtime_limit_seconds").asInt()).isEqualTo(7200);
        assertThat(updated.path("default_runtime_limit_seconds").asInt()).isEqualTo(1800);

        Call cleared = Call.to("updateOrganization")
                .path("org", org)
                .as(target().operator())
                .body(object("credit_balance", null, "member_limit", null));
        JsonNode unmetered = send(channel, cleared).hasStatus(200).body();
        assertThat(unmetered.path("max_runtime_limit_seconds").isNull())
                .as("max_runtime_limit_seconds of %s", unmetered)
                .isTrue();
        assertThat(unmetered.path("credit_balance").isNull())
                .as("credit_balance of %s", unmetered)
                .isTrue();
        assertThat(unmetered.path("member_limit").isNull())
                .as("member_limit of %s", unmetered)
                .isTrue();
    }

    @Scenario
    default void updateOrganizationOfAnUnknownOrganizationIs404(Channel channel) {
        send(
                        channel,
                        Call.to("updateOrganization")
                                .path("org", unique("missing"))
                                .as(target().operator())
                                .body(object("credit_balance", 1, "member_limit", 1)))
                .isError(404, "not_found_error");
    }

    @Scenario
    default void updateOrganizationRefusesANegativeBalanceWith422(Channel channel) {
        String org = tenants().organization();
        send(
                        channel,
                        Call.to("updateOrganization")
                                .path("org", org)
                                .as(target().operator())
                                .body(object("credit_balance", -1, "member_limit", null)))
                .isValidationError("body", "credit_balance");
    }

    @Scenario
    default void createWorkspaceAnswers201WithItsDefaultProject(Channel channel) {
        String org = tenants().organization();
        String slug = unique("ws");
        JsonNode workspace = send(
                        channel,
                        Call.to("createWorkspace")
                                .path("org", org)
                                .as(target().operator())
                                .body(object("slug", slug, "name", "Research")))
                .hasStatus(201)
                .body();
        assertThat(workspace.path("org").asText()).isEqualTo(org);
        assertThat(workspace.path("slug").asText()).isEqualTo(slug);
        assertThat(workspace.path("default_project_id").asText()).isNotBlank();
    }

    @Scenario
    default void createWorkspaceRefusesATakenSlugWith409(Channel channel) {
        String org = tenants().organization();
        String taken = tenants().workspace(org);
        send(
                        channel,
                        Call.to("createWorkspace")
                                .path("org", org)
                                .as(target().operator())
                                .body(object("slug", taken, "name", "Again")))
                .isError(409, "already_exists_error");
    }

    @Scenario
    default void createWorkspaceInAnUnknownOrganizationIs404(Channel channel) {
        send(
                        channel,
                        Call.to("createWorkspace")
                                .path("org", unique("missing"))
                                .as(target().operator())
                                .body(object("slug", unique("ws"), "name", "Research")))
                .isError(404, "not_found_error");
    }

    @Scenario
    default void createWorkspaceRefusesAnEmptyNameWith422(Channel channel) {
        String org = tenants().organization();
        send(
                        channel,
                        Call.to("createWorkspace")
                                .path("org", org)
                                .as(target().operator())
                                .body(object("slug", unique("ws"), "name", "")))
                .isValidationError("body", "name");
    }

    @Scenario
    default void createProjectAnswers201(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        String key = unique("project");
        JsonNode project = send(
                        channel,
                        Call.to("createProject")
                                .path("org", tenant.org())
                                .path("workspace", tenant.workspace())
                                .as(target().operator())
                                .body(object("key", key, "name", "Analytics")))
                .hasStatus(201)
                .body();
        assertThat(project.path("key").asText()).isEqualTo(key);
        assertThat(project.path("is_default").asBoolean(true)).isFalse();
    }

    @Scenario
    default void createProjectRefusesATakenKeyWith409(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        Call project = Call.to("createProject")
                .path("org", tenant.org())
                .path("workspace", tenant.workspace())
                .as(target().operator())
                .body(object("key", unique("project"), "name", "Analytics"));
        send(Channel.RAW, project).hasStatus(201);
        send(channel, project).isError(409, "already_exists_error");
    }

    @Scenario
    default void createProjectInAnUnknownWorkspaceIs404(Channel channel) {
        String org = tenants().organization();
        send(
                        channel,
                        Call.to("createProject")
                                .path("org", org)
                                .path("workspace", unique("missing"))
                                .as(target().operator())
                                .body(object("key", unique("project"), "name", "Analytics")))
                .isError(404, "not_found_error");
    }

    @Scenario
    default void createProjectRefusesABadKeyWith422(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        send(
                        channel,
                        Call.to("createProject")
                                .path("org", tenant.org())
                                .path("workspace", tenant.workspace())
                                .as(target().operator())
                                .body(object("key", "-starts-with-a-hyphen", "name", "Analytics")))
                .isValidationError("body", "key");
    }
}
