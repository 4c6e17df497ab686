package dev.runtimes.server.service;

import dev.runtimes.server.domain.Organizations;
import dev.runtimes.server.domain.Runtime;
import dev.runtimes.server.domain.Runtimes;
import dev.runtimes.server.domain.Sandbox;
import dev.runtimes.server.domain.Sandboxes;
import dev.runtimes.server.error.ErrorKind;
import dev.runtimes.server.error.ServiceException;
import dev.runtimes.server.events.EventLog;
import dev.runtimes.server.events.EventType;
import dev.runtimes.server.provider.ConfiguredProvider;
import dev.runtimes.server.provider.ProviderException;
import dev.runtimes.server.provider.ProviderTimeoutException;
import dev.runtimes.server.provider.ProvisionedSandbox;
import dev.runtimes.server.provider.SandboxGoneException;
import dev.runtimes.server.provider.SandboxSpec;
import dev.runtimes.server.tenancy.Caller;
import dev.runtimes.server.tenancy.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The state machine of a runtime: idle → running (start), running → paused (pause), paused →
 * running (resume), running or paused → idle (reset), and delete from any status. Each transition
 * completes or is undone; the sandbox ledger says which.
 */
@ApplicationScoped
public class LifecycleService {
    private static final Logger LOG = Logger.getLogger(LifecycleService.class);
    private static final String SANDBOX_TOKEN_PREFIX = "sbx_";

    private final RuntimeClaims claims;
    private final ConfiguredProvider provider;
    private final SandboxLedger ledger;
    private final RuntimeLookup lookup;
    private final RuntimeViews views;
    private final RuntimeLimits limits;
    private final Runtimes runtimes;
    private final Sandboxes sandboxes;
    private final Organizations organizations;
    private final EventLog events;
    private final Clock clock;

    LifecycleService(
            RuntimeClaims claims,
            ConfiguredProvider provider,
            SandboxLedger ledger,
            RuntimeLookup lookup,
            RuntimeViews views,
            RuntimeLimits limits,
            Runtimes runtimes,
            Sandboxes sandboxes,
            Organizations organizations,
            EventLog events,
            Clock clock) {
        this.claims = claims;
        this.provider = provider;
        this.ledger = ledger;
        this.lookup = lookup;
        this.views = views;
        this.limits = limits;
        this.runtimes = runtimes;
        this.sandboxes = sandboxes;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    /** A started runtime and the secret of its new sandbox, which is stored only as a hash. */
    public record Started(RuntimeView view, String sandboxToken) {}

    public Started start(Caller caller, RuntimeRef ref, Integer limitSeconds) {
        Claim claim = claims.claim(caller, ref, Operation.START);
        UUID sandboxId = UUID.randomUUID();
        String token = Tokens.generate(SANDBOX_TOKEN_PREFIX);
        String tokenHash = Tokens.hash(token);
        DurableConfig config = claim.config();
        ProvisionedSandbox sandbox;
        try {
            sandbox = provider.provision(
                    new SandboxSpec(sandboxId, config.env(), config.cpuCores(), config.memoryMb(), tokenHash));
        } catch (ProviderException e) {
            String reason =
                    (e instanceof ProviderTimeoutException ? "start timed out: " : "start failed: ") + e.getMessage();
            claims.complete(
                    claim, (runtime, now) -> ledger.failedStart(now, claim, sandboxId, e.providerSandboxId(), reason));
            throw failed(claim, e);
        }
        completeOrUndo(
                claim,
                recorded(
                        EventType.SANDBOX_STARTED,
                        claim,
                        (runtime, now) -> ledger.started(
                                runtime,
                                now,
                                claim,
                                sandboxId,
                                sandbox,
                                limits.resolve(
                                        organizations
                                                .byId(claim.organizationId())
                                                .orElseThrow(),
                                        limitSeconds),
                                tokenHash)),
                () -> provider.kill(sandbox.providerSandboxId()));
        return new Started(view(caller, claim, ref), token);
    }

    public RuntimeView pause(Caller caller, RuntimeRef ref) {
        Claim claim = claims.claim(caller, ref, Operation.PAUSE);
        run(
                claim,
                provider::pause,
                recorded(
                        EventType.SANDBOX_PAUSED,
                        claim,
                        (runtime, now) -> ledger.paused(runtime, now, SandboxLedger.PAUSED_BY_USER)),
                provider::resume);
        return view(caller, claim, ref);
    }

    /** Pauses the sandbox of a runtime a sweep claimed, recording why. */
    void autoPause(Claim claim, AutoPause cause) {
        run(
                claim,
                provider::pause,
                recorded(
                        EventType.SANDBOX_PAUSED, claim, (runtime, now) -> ledger.paused(runtime, now, cause.reason())),
                provider::resume);
    }

    public RuntimeView resume(Caller caller, RuntimeRef ref) {
        Claim claim = claims.claim(caller, ref, Operation.RESUME);
        run(claim, provider::resume, recorded(EventType.SANDBOX_RESUMED, claim, ledger::resumed), provider::pause);
        return view(caller, claim, ref);
    }

    public RuntimeView reset(Caller caller, RuntimeRef ref) {
        Claim claim = claims.claim(caller, ref, Operation.RESET);
        run(
                claim,
                provider::kill,
                recorded(
                        EventType.SANDBOX_RESET,
                        claim,
                        (runtime, now) -> ledger.killed(runtime, now, "reset on request")),
                none());
        return view(caller, claim, ref);
    }

    /** Deletes the runtime and kills its sandbox, which stays in the ledger. */
    public void delete(Caller caller, RuntimeRef ref) {
        Claim claim = claims.claim(caller, ref, Operation.DELETE);
        run(claim, provider::kill, recorded(EventType.RUNTIME_DELETED, claim, ledger::deleted), none());
    }

    /** Pushes the running sandbox's {@code expires_at}; returns the new one. */
    public Instant keepalive(Caller caller, RuntimeRef ref, int extendSeconds) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Runtime runtime = lookup.findOwned(caller, ref).runtime();
            Instant now = clock.instant();
            // A sweep that claimed the runtime is pausing it: the pause wins, the keepalive is refused.
            if (claims.held(runtime, now)) {
                throw RuntimeClaims.busy(runtime);
            }
            if (!Runtime.RUNNING.equals(runtime.status)) {
                throw Operation.refused(runtime, "kept alive");
            }
            Sandbox sandbox = sandboxes.byId(runtime.currentSandboxId).orElseThrow();
            Instant expiresAt = sandbox.keepAlive(now, Duration.ofSeconds(extendSeconds));
            sandboxes.update(sandbox);
            runtime.updatedAt = now;
            runtimes.update(runtime);
            events.record(EventType.SANDBOX_EXPIRY_EXTENDED, runtime, caller.userName(), now);
            return expiresAt;
        });
    }

    /**
     * Calls the provider on the claimed runtime's sandbox (when it has one) and records the
     * outcome. On failure the provider's {@code undo} brings the sandbox back to what the ledger
     * says; a sandbox the provider no longer has is recorded killed.
     */
    private void run(Claim claim, Consumer<String> action, BiConsumer<Runtime, Instant> change, Consumer<String> undo) {
        String sandbox = claim.providerSandboxId();
        if (sandbox != null) {
            try {
                action.accept(sandbox);
            } catch (SandboxGoneException e) {
                claims.complete(
                        claim,
                        recorded(
                                EventType.SANDBOX_KILLED,
                                claim,
                                (runtime, now) -> ledger.killed(
                                        runtime,
                                        now,
                                        "gone when a " + claim.operation().noun() + " was attempted: "
                                                + e.getMessage())));
                throw new ServiceException(
                        ErrorKind.BAD_GATEWAY,
                        "The sandbox of runtime '" + claim.runtimeKey() + "' is gone: " + e.getMessage()
                                + "; the sandbox is recorded as killed and the runtime is idle.");
            } catch (ProviderException e) {
                quietly(() -> undo.accept(sandbox));
                claims.complete(claim, (runtime, now) -> {});
                throw failed(claim, e);
            }
        }
        completeOrUndo(claim, change, () -> undo.accept(sandbox));
    }

    /** The change, then its event, last in the change's transaction. */
    private BiConsumer<Runtime, Instant> recorded(EventType type, Claim claim, BiConsumer<Runtime, Instant> change) {
        return (runtime, now) -> {
            change.accept(runtime, now);
            events.record(type, runtime, claim.actor(), now);
        };
    }

    private void completeOrUndo(Claim claim, BiConsumer<Runtime, Instant> change, Runnable undo) {
        try {
            claims.complete(claim, change);
        } catch (RuntimeException e) {
            quietly(undo);
            throw e;
        }
    }

    private RuntimeView view(Caller caller, Claim claim, RuntimeRef ref) {
        return views.view(caller.userId(), claim.workspaceId(), claim.runtimeId(), ref);
    }

    private ServiceException failed(Claim claim, ProviderException e) {
        Operation operation = claim.operation();
        String prefix = "The sandbox provider '" + provider.kind() + "' ";
        String subject = operation.providerAction() + " runtime '" + claim.runtimeKey() + "'";
        if (e instanceof ProviderTimeoutException timeout) {
            return new ServiceException(
                    ErrorKind.GATEWAY_TIMEOUT,
                    prefix + "did not " + subject + " within "
                            + timeout.timeout().toSeconds() + " seconds; " + operation.outcomeOnFailure() + ".");
        }
        return new ServiceException(
                ErrorKind.BAD_GATEWAY,
                prefix + "failed to " + subject + ": " + e.getMessage() + "; " + operation.outcomeOnFailure() + ".");
    }

    private static void quietly(Runnable undo) {
        try {
            undo.run();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not undo a sandbox change; the next reconciliation finds what is left");
        }
    }

    private static Consumer<String> none() {
        return sandbox -> {};
    }
}
