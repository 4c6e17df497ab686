package dev.runtimes.contract.scenarios;

import static dev.runtimes.contract.harness.Json.object;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runtimes.contract.harness.Call;
import dev.runtimes.contract.harness.Channel;
import dev.runtimes.contract.harness.Credentials;
import dev.runtimes.contract.harness.Target;
import java.util.UUID;

/**
 * Fresh tenants for a scenario, made through the operator API over raw HTTP (so fixture calls
 * are validated like any other), with names no other run uses: the suite also runs against
 * shared deployments.
 */
public final class Tenants {
    /** A user of an organization, with an unrestricted API key. */
    public record Member(String userId, String token, String keyId) {
        public Credentials key() {
            return Credentials.bearer(token);
        }
    }

    /** An organization with one workspace (and its default project) and an owner. */
    public record Tenant(String org, String workspace, String defaultProjectId, Member owner) {}

    private final Target target;

    Tenants(Target target) {
        this.target = target;
    }

    public Tenant tenant() {
        String org = organization();
        JsonNode workspace = operator(Call.to("createWorkspace")
                .path("org", org)
                .body(object("slug", unique("ws"), "name", "Contract workspace")));
        return new Tenant(
                org,
                workspace.path("slug").asText(),
                workspace.path("default_project_id").asText(),
                member(org, "owner"));
    }

    public String organization() {
        return operator(Call.to("createOrganization").body(object("slug", unique("org"), "name", "Contract org")))
                .path("slug")
                .asText();
    }

    public String workspace(String org) {
        return operator(Call.to("createWorkspace")
                        .path("org", org)
                        .body(object("slug", unique("ws"), "name", "Contract workspace")))
                .path("slug")
                .asText();
    }

    public String user() {
        return operator(Call.to("createUser").body(object("name", unique("user"))))
                .path("id")
                .asText();
    }

    public Member member(String org, String role) {
        String userId = user();
        operator(Call.to("addMember").path("org", org).body(object("user_id", userId, "role", role)));
        JsonNode key = operator(Call.to("createApiKey").path("user_id", userId).body(object("name", "contract")));
        return new Member(userId, key.path("token").asText(), key.path("id").asText());
    }

    /** A new key of the user, restricted as given ({@code null} for no restriction). */
    public JsonNode key(String userId, JsonNode request) {
        return operator(Call.to("createApiKey").path("user_id", userId).body(request));
    }

    /** Sets the organization's credit balance; its other settings are cleared (unlimited). */
    public void creditBalance(String org, long credits) {
        target.send(
                        Channel.RAW,
                        Call.to("updateOrganization")
                                .path("org", org)
                                .as(target.operator())
                                .body(object(
                                        "credit_balance",
                                        credits,
                                        "member_limit",
                                        null,
                                        "max_runtime_limit_seconds",
                                        null,
                                        "default_runtime_limit_seconds",
                                        null)))
                .hasStatus(200);
    }

    /** A name no other scenario or run uses. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private JsonNode operator(Call call) {
        return target.send(Channel.RAW, call.as(target.operator()))
                .hasStatus(201)
                .body();
    }
}
