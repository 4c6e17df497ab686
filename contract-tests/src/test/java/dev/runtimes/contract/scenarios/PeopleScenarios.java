package dev.runtimes.contract.scenarios;

import static dev.runtimes.contract.harness.Json.object;
import static dev.runtimes.contract.scenarios.Tenants.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtimes.contract.harness.Call;
import dev.runtimes.contract.harness.Channel;
import dev.runtimes.contract.harness.Credentials;
import java.util.UUID;

/** The operator surface for users, memberships and API keys. */
public interface PeopleScenarios extends Scenarios {

    @Scenario
    default void createUserAnswers201WithItsId(Channel channel) {
        String name = unique("ada");
        JsonNode user = send(
                        channel, Call.to("createUser").as(target().operator()).body(object("name", name)))
                .hasStatus(201)
                .body();
        assertThat(user.path("name").asText()).isEqualTo(name);
        assertThat(UUID.fromString(user.path("id").asText())).isNotNull();
    }

    @Scenario
    default void createUserRefusesATakenNameWith409(Channel channel) {
        Call user = Call.to("createUser").as(target().operator()).body(object("name", unique("grace")));
        send(Channel.RAW, user).hasStatus(201);
        send(channel, user).isError(409, "already_exists_error");
    }

    @Scenario
    default void createUserRefusesABadNameWith422(Channel channel) {
        send(channel, Call.to("createUser").as(target().operator()).body(object("name", " spaces not allowed")))
                .isValidationError("body", "name");
    }

    @Scenario
    default void addMemberAnswers201WithTheMembership(Channel channel) {
        String org = tenants().organization();
        String userId = tenants().user();
        JsonNode member = send(
                        channel,
                        Call.to("addMember")
                                .path("org", org)
                                .as(target().operator())
                                .body(object("user_id", userId, "role", "member")))
                .hasStatus(201)
                .body();
        assertThat(member.path("user_id").asText()).isEqualTo(userId);
        assertThat(member.path("org").asText()).isEqualTo(org);
        assertThat(member.path("role").asText()).isEqualTo("member");
    }

    @Scenario
    default void addMemberTwiceIs409(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        send(
                        channel,
                        Call.to("addMember")
                                .path("org", tenant.org())
                                .as(target().operator())
                                .body(object("user_id", tenant.owner().userId(), "role", "member")))
                .isError(409, "already_exists_error");
    }

    @Scenario
    default void addMemberOfAnUnknownUserIs404(Channel channel) {
        String org = tenants().organization();
        send(
                        channel,
                        Call.to("addMember")
                                .path("org", org)
                                .as(target().operator())
                                .body(object("user_id", UUID.randomUUID(), "role", "member")))
                .isError(404, "not_found_error");
    }

    @Scenario
    default void addMemberWithoutAUserIs422(Channel channel) {
        String org = tenants().organization();
        send(
                        channel,
                        Call.to("addMember")
                                .path("org", org)
                                .as(target().operator())
                                .body(object("user_id", null, "role", "owner")))
                .isValidationError("body", "user_id");
    }

    @Scenario
    default void createApiKeyAnswers201WithItsSecretOnce(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        JsonNode key = send(
                        channel,
                        Call.to("createApiKey")
                                .path("user_id", tenant.owner().userId())
                                .as(target().operator())
                                .body(object(
                                        "name",
                                        "ci",
                                        "org",
                                        tenant.org(),
                                        "workspace",
                                        tenant.workspace(),
                                        "expires_at",
                                        "2099-01-01T00:00:00Z")))
                .hasStatus(201)
                .body();
        assertThat(key.path("org").asText()).isEqualTo(tenant.org());
        assertThat(key.path("workspace").asText()).isEqualTo(tenant.workspace());
        send(Channel.RAW, list(tenant, Credentials.bearer(key.path("token").asText())))
                .hasStatus(200);
    }

    @Scenario
    default void createApiKeyForAnUnknownUserIs404(Channel channel) {
        send(
                        channel,
                        Call.to("createApiKey")
                                .path("user_id", UUID.randomUUID())
                                .as(target().operator())
                                .body(object("name", "ci")))
                .isError(404, "not_found_error");
    }

    @Scenario
    default void createApiKeyRestrictedToAWorkspaceWithoutItsOrgIs422(Channel channel) {
        String userId = tenants().user();
        send(
                        channel,
                        Call.to("createApiKey")
                                .path("user_id", userId)
                                .as(target().operator())
                                .body(object("name", "ci", "workspace", "research")))
                .isValidationError("body", "workspace");
    }

    @Scenario
    default void revokeApiKeyAnswers204AndTheKeyStopsWorking(Channel channel) {
        Tenants.Tenant tenant = tenants().tenant();
        Call revoke =
                Call.to("revokeApiKey").path("key_id", tenant.owner().keyId()).as(target().operator());
        send(channel, revoke).hasStatus(204);
        send(channel, list(tenant, tenant.owner().key())).isError(401, "authentication_error");
        send(channel, revoke).hasStatus(204);
    }

    @Scenario
    default void revokeApiKeyOfAnUnknownKeyIs404(Channel channel) {
        send(channel, Call.to("revokeApiKey").path("key_id", UUID.randomUUID()).as(target().operator()))
                .isError(404, "not_found_error");
    }

    @Scenario
    default void revokeApiKeyWithAMalformedIdIs422(Channel channel) {
        send(
                        channel,
                        Call.to("revokeApiKey")
                                .path("key_id", "not-a-uuid")
                                .as(target().operator())
                                .verbatim())
                .isValidationError("path", "key_id");
    }

    private static Call list(Tenants.Tenant tenant, Credentials credentials) {
        return Call.to("listRuntimes")
                .path("org", tenant.org())
                .path("workspace", tenant.workspace())
                .as(credentials);
    }
}
