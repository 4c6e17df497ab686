package dev.runtimes.contract.scenarios;

import static dev.runtimes.contract.harness.Json.object;
import static dev.runtimes.contract.scenarios.Tenants.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runtimes.contract.harness.Call;
import dev.runtimes.contract.harness.Channel;
import dev.runtimes.contract.harness.ContractSpec;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

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

    default Call updateOf(String org, JsonNode patch) {
        return Call.to("updateOrganization")
                .path("org", org)
                .as(target().operator())
                .body(patch);
    }

    @Scenario
    default void updateOrganizationSetsAndClearsEverySetting(Channel channel) {
        String org = tenants().organization();
        JsonNode updated = send(channel, updateOf(org, SETTINGS)).hasStatus(200).body();
        assertThat(settingsOf(updated).toString()).isEqualTo(SETTINGS.toString());

        ObjectNode cleared = object(
                "credit_balance",
                null,
                "member_limit",
                null,
                "max_runtime_limit_seconds",
                null,
                "default_runtime_limit_seconds",
                null);
        JsonNode unmetered =
                send(channel, updateOf(org, cleared).verbatim()).hasStatus(200).body();
        assertThat(settingsOf(unmetered).toString()).isEqualTo(cleared.toString());
    }

    @Scenario
    default void updateOrganizationIsAMergePatch(Channel channel) {
        String org = tenants().organization();
        send(channel, updateOf(org, SETTINGS)).hasStatus(200);

        JsonNode toppedUp = send(channel, updateOf(org, object("credit_balance", 20000)))
                .hasStatus(200)
                .body();
        ObjectNode expected = SETTINGS.deepCopy().put("credit_balance", 20000);
        assertThat(settingsOf(toppedUp).toString())
                .as("only the balance changes")
                .isEqualTo(expected.toString());

        JsonNode unlimited = send(
                        channel, updateOf(org, object("member_limit", null)).verbatim())
                .hasStatus(200)
                .body();
        expected.putNull("member_limit");
        assertThat(settingsOf(unlimited).toString())
                .as("null clears the member limit alone")
                .isEqualTo(expected.toString());

        JsonNode unchanged =
                send(channel, updateOf(org, object())).hasStatus(200).body();
        assertThat(settingsOf(unchanged).toString())
                .as("an empty patch changes nothing")
                .isEqualTo(expected.toString());
    }

    /** Every setting of an organization, none of them the default. */
    ObjectNode SETTINGS = object(
            "credit_balance",
            500,
            "member_limit",
            3,
            "max_runtime_limit_seconds",
            7200,
            "default_runtime_limit_seconds",
            1800);

    private static ObjectNode settingsOf(JsonNode organization) {
        ObjectNode settings = object();
        SETTINGS.fieldNames().forEachRemaining(name -> settings.set(name, organization.path(name)));
        return settings;
    }

    @Scenario
    default void organizationNumbersTakeTheirMaximumAndNoMore(Channel channel) {
        Schema<?> request =
                ContractSpec.get().document().getComponents().getSchemas().get("CreateOrganizationRequest");
        for (String name : List.of(
                "credit_balance", "member_limit", "max_runtime_limit_seconds", "default_runtime_limit_seconds")) {
            BigDecimal maximum = request.getProperties().get(name).getMaximum();
            assertThat(maximum).as("maximum of %s", name).isNotNull();
            Call atMaximum = Call.to("createOrganization")
                    .as(target().operator())
                    .body(object("slug", unique("org"), "name", "Largest", name, maximum.toBigIntegerExact()));
            assertThat(send(channel, atMaximum).hasStatus(201).body().path(name).decimalValue())
                    .isEqualByComparingTo(maximum);
            Call beyond = Call.to("createOrganization")
                    .as(target().operator())
                    .body(object(
                            "slug",
                            unique("org"),
                            "name",
                            "Too large",
                            name,
                            maximum.toBigIntegerExact().add(BigInteger.ONE)))
                    .verbatim();
            send(channel, beyond).hasProblem("too_large", "body", name);
        }
    }

    @Scenario
    default void anIntegerBeyondItsTypeIs422TooLarge(Channel channel) {
        Call overflow = Call.to("createOrganization")
                .as(target().operator())
                .body(object(
                        "slug",
                        unique("org"),
                        "name",
                        "Overflow",
                        "credit_balance",
                        new BigInteger("9223372036854775808")))
                .verbatim();
        send(channel, overflow).hasProblem("too_large", "body", "credit_balance");
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
                                .body(object("credit_balance", -1)))
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
