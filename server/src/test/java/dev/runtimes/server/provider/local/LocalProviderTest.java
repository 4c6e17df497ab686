package dev.runtimes.server.provider.local;

import static dev.runtimes.server.SandboxProcesses.awaitTrue;
import static dev.runtimes.server.SandboxProcesses.gone;
import static dev.runtimes.server.SandboxProcesses.pid;
import static dev.runtimes.server.SandboxProcesses.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtimes.server.provider.ProvisionedSandbox;
import dev.runtimes.server.provider.SandboxGoneException;
import dev.runtimes.server.provider.SandboxSpec;
import dev.runtimes.server.provider.SandboxStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The local provider on its own: what each call does to the real process. */
@QuarkusTest
class LocalProviderTest {
    @Inject
    @Identifier("local")
    LocalProvider provider;

    @Test
    void eachCallLeavesTheProcessInTheStateItReports() {
        ProvisionedSandbox sandbox =
                provider.provision(new SandboxSpec(UUID.randomUUID(), Map.of(), 1, 128, "0".repeat(64)));
        long pid = pid(sandbox.providerSandboxId());
        assertThat(provider.inspect(sandbox.providerSandboxId())).isEqualTo(SandboxStatus.RUNNING);

        provider.pause(sandbox.providerSandboxId());
        assertThat(state(pid)).isEqualTo('T');
        assertThat(provider.inspect(sandbox.providerSandboxId())).isEqualTo(SandboxStatus.PAUSED);

        provider.resume(sandbox.providerSandboxId());
        assertThat(state(pid)).isIn('S', 'R');

        provider.pause(sandbox.providerSandboxId());
        provider.kill(sandbox.providerSandboxId());
        awaitTrue(() -> gone(pid), "a killed paused sandbox to end");
        assertThat(provider.inspect(sandbox.providerSandboxId())).isEqualTo(SandboxStatus.GONE);
        provider.kill(sandbox.providerSandboxId());
    }

    @Test
    void aProcessThatReusedThePidIsNotTheSandbox() throws Exception {
        Process stranger = new ProcessBuilder("sleep", "30").start();
        try {
            String impostor = "local-" + stranger.pid() + "-1";
            assertThat(provider.inspect(impostor)).isEqualTo(SandboxStatus.GONE);
            assertThatThrownBy(() -> provider.pause(impostor)).isInstanceOf(SandboxGoneException.class);
            provider.kill(impostor);
            assertThat(stranger.isAlive()).isTrue();
            assertThat(state(stranger.pid())).isIn('S', 'R');
            assertThat(provider.inspect("docker-1234")).isEqualTo(SandboxStatus.GONE);
        } finally {
            stranger.destroyForcibly().waitFor();
        }
    }
}
