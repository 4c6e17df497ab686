package dev.runtimes.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtimes.client.model.PauseReason;
import dev.runtimes.client.model.Runtime;
import dev.runtimes.client.model.RuntimeStatus;
import dev.runtimes.client.model.SandboxState;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A newer server's answer decodes: its enum values and fields are ones this client does not know.
 * Our server only sends what the spec allows, so a {@link CannedServer} sends the newer answer.
 */
class DecodingTest {
    private static final String NEWER_PAGE = """
            {"items": [{
               "id": "5d0f6a2e-3c1b-4e8f-9a7d-2b6c8e1f4a90", "key": "notebook-gpu", "name": "Notebook (GPU)",
               "description": null, "project_id": "0b3c52f4-8a7e-4b0a-9a4c-7f9d1c2e5a10",
               "project_key": "default", "project_name": "Default",
               "status": "hibernating",
               "labels": {"team": "ml"},
               "config_digest": "sha256:9f2c4b7e1a0d3c6f8e5b2a9d7c4e1f0a3b6c9d2e5f8a1b4c7d0e3f6a9b2c5d8e",
               "config_version": "v3", "owned_by_me": true, "created_by": "ada",
               "created_at": "2026-11-29T09:12:03.512344Z", "updated_at": "2026-11-29T10:00:41.100021Z",
               "region": {"name": "eu-west", "zone": 2},
               "instance": {
                 "sandbox_id": "8e4b1c7a-2f3d-4a5b-9c6d-7e8f9a0b1c2d", "provider": "firecracker",
                 "provider_sandbox_id": "fc-1", "sandbox_url": null,
                 "state": "hibernated", "pause_reason": "maintenance",
                 "created_at": "2026-11-29T10:00:41.100021Z", "expires_at": null,
                 "total_runtime_seconds": 1210, "actual_runtime_limit_seconds": null,
                 "billed_credits": 55, "running_credits": 0, "estimated_total_credits": 55,
                 "gpu": "a100"}}],
             "next_cursor": null,
             "total_estimate": 1}""";

    @Test
    void unknownEnumValuesAndFieldsFromANewerServerDecode() throws IOException {
        try (CannedServer server = CannedServer.start()) {
            server.answer(200, NEWER_PAGE);

            Page<Runtime> page = server.client(RetryPolicy.none(), new RecordingSleeper())
                    .runtimes("acme", "research")
                    .list(ListRuntimesParams.all());

            Runtime item = page.items().get(0);
            assertThat(item.getKey()).isEqualTo("notebook-gpu");
            assertThat(item.getStatus()).isEqualTo(RuntimeStatus.UNKNOWN_DEFAULT_OPEN_API);
            assertThat(item.getLabels()).containsEntry("team", "ml");
            assertThat(item.getInstance().getState()).isEqualTo(SandboxState.UNKNOWN_DEFAULT_OPEN_API);
            // Nullable enums too (client/src/main/openapi-templates/modelEnum.mustache).
            assertThat(item.getInstance().getPauseReason()).isEqualTo(PauseReason.UNKNOWN_DEFAULT_OPEN_API);
            assertThat(item.getInstance().getBilledCredits()).isEqualTo(55L);
            assertThat(page.hasNextPage()).isFalse();
        }
    }
}
