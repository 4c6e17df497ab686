package dev.runtimes.server.ops;

import io.restassured.path.json.JsonPath;
import java.util.UUID;

/** Organizations and API keys made on a packaged server's operator surface. */
final class OperatorSurface {
    private OperatorSurface() {}

    /** A new organization with one workspace, {@code main}; its slug. */
    static String organization(ServerProcess server, Long balance) {
        String org = "it-" + UUID.randomUUID().toString().substring(0, 8);
        server.operator(
                "/api/v1/admin/orgs", "{\"slug\":\"" + org + "\",\"name\":\"IT\",\"credit_balance\":" + balance + "}");
        server.operator("/api/v1/admin/orgs/" + org + "/workspaces", "{\"slug\":\"main\",\"name\":\"Main\"}");
        return org;
    }

    /** The API key of a new owner of the organization. */
    static String ownerKey(ServerProcess server, String org) {
        return ownerApiKey(server, org).getString("token");
    }

    /** The same, as {@code createApiKey} answered it: its {@code id} and its {@code token}. */
    static JsonPath ownerApiKey(ServerProcess server, String org) {
        String user = server.operator("/api/v1/admin/users", "{\"name\":\"" + org + "-owner\"}")
                .getString("id");
        server.operator("/api/v1/admin/orgs/" + org + "/members", "{\"user_id\":\"" + user + "\",\"role\":\"owner\"}");
        return server.operator("/api/v1/admin/users/" + user + "/api-keys", "{\"name\":\"it\"}");
    }
}
