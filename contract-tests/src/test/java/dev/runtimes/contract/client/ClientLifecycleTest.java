package dev.runtimes.contract.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtimes.client.ConflictException;
import dev.runtimes.client.InsufficientCreditsException;
import dev.runtimes.client.NotFoundException;
import dev.runtimes.client.Runtimes;
import dev.runtimes.client.RuntimesClient;
import dev.runtimes.client.model.CreateRuntimeRequest;
import dev.runtimes.client.model.PauseReason;
import dev.runtimes.client.model.Runtime;
import dev.runtimes.client.model.RuntimeStatus;
import dev.runtimes.client.model.SandboxState;
import dev.runtimes.client.model.StartedRuntime;
import dev.runtimes.client.model.UpdateRuntimeRequest;
import dev.runtimes.contract.client.Tenants.Tenant;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A runtime's whole life through the client facade, against the server and a real sandbox. */
@QuarkusTest
class ClientLifecycleTest {
    @TestHTTPResource("/")
    URL server;

    @Test
    void aRuntimeLivesThroughTheFacade() {
        Runtimes runtimes = runtimesOf(new Tenants(server).tenant());
        CreateRuntimeRequest create = new CreateRuntimeRequest().key("notebook").name("Notebook");

        Runtime created = runtimes.create(create);
        assertThat(created.getStatus()).isEqualTo(RuntimeStatus.IDLE);
        assertThat(runtimes.create(create).getId()).isEqualTo(created.getId());
        assertThat(runtimes.update("notebook", new UpdateRuntimeRequest().labels(Map.of("team", "ml")))
                        .getLabels())
                .containsEntry("team", "ml");
        // Only the name: the labels stay (an unset map is not sent as an empty one).
        Runtime renamed = runtimes.update("notebook", new UpdateRuntimeRequest().name("Notebook 2"));
        assertThat(renamed.getName()).isEqualTo("Notebook 2");
        assertThat(renamed.getLabels()).containsExactlyEntriesOf(Map.of("team", "ml"));

        StartedRuntime started = runtimes.start("notebook");
        assertThat(started.getSandboxToken()).startsWith("sbx_");
        assertThat(started.getRuntime().getInstance().getState()).isEqualTo(SandboxState.RUNNING);
        assertThatThrownBy(() -> runtimes.start("notebook")).isInstanceOf(ConflictException.class);

        OffsetDateTime expiresAt = runtimes.keepalive(created.getId().toString(), 3600);
        assertThat(expiresAt).isAfter(OffsetDateTime.now());

        Runtime paused = runtimes.pause("notebook");
        assertThat(paused.getStatus()).isEqualTo(RuntimeStatus.PAUSED);
        assertThat(paused.getInstance().getPauseReason()).isEqualTo(PauseReason.USER);
        assertThat(runtimes.resume("notebook").getStatus()).isEqualTo(RuntimeStatus.RUNNING);
        Runtime reset = runtimes.reset("notebook");
        assertThat(reset.getStatus()).isEqualTo(RuntimeStatus.IDLE);
        assertThat(reset.getInstance()).isNull();
        assertThat(runtimes.get("notebook").getStatus()).isEqualTo(RuntimeStatus.IDLE);

        runtimes.start("notebook");
        runtimes.delete("notebook");
        assertThatThrownBy(() -> runtimes.get("notebook")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anOrganizationWithoutCreditsCannotStart() {
        Tenants tenants = new Tenants(server);
        Tenant tenant = tenants.tenant();
        tenants.creditBalance(tenant, 0);
        Runtimes runtimes = runtimesOf(tenant);
        runtimes.create(new CreateRuntimeRequest().key("notebook").name("Notebook"));

        assertThatThrownBy(() -> runtimes.start("notebook"))
                .isInstanceOfSatisfying(InsufficientCreditsException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.detail()).contains("has no credits left");
                    assertThat(e.requestId()).isPresent();
                });
        assertThat(runtimes.get("notebook").getStatus()).isEqualTo(RuntimeStatus.IDLE);
    }

    private Runtimes runtimesOf(Tenant tenant) {
        return RuntimesClient.builder()
                .baseUrl(server.toString())
                .token(tenant.token())
                .build()
                .runtimes(tenant.org(), tenant.workspace());
    }
}
