package dev.runtimes.server.provider;

import dev.runtimes.server.config.RuntimesConfig;
import dev.runtimes.server.metrics.RuntimesMetrics;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The provider {@code runtimes.provider.kind} names, with every call bounded by
 * {@code runtimes.provider.timeout}: a call that overruns is interrupted and reported as a
 * {@link ProviderTimeoutException}.
 */
@ApplicationScoped
public class ConfiguredProvider {
    private static final Logger LOG = Logger.getLogger(ConfiguredProvider.class);

    private final String kind;
    private final SandboxProvider provider;
    private final Duration timeout;
    private final ExecutorService calls;
    private final RuntimesMetrics metrics;

    ConfiguredProvider(@Any Instance<SandboxProvider> providers, RuntimesConfig config, RuntimesMetrics metrics) {
        this.metrics = metrics;
        this.kind = config.provider().kind();
        Instance<SandboxProvider> named = providers.select(Identifier.Literal.of(kind));
        if (!named.isResolvable()) {
            throw new IllegalStateException("runtimes.provider.kind '" + kind + "' names no sandbox provider");
        }
        this.provider = named.get();
        this.timeout = config.provider().timeout();
        AtomicInteger threads = new AtomicInteger();
        this.calls = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "sandbox-provider-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The provider's kind, as the ledger records it. */
    public String kind() {
        return kind;
    }

    public Duration timeout() {
        return timeout;
    }

    public ProvisionedSandbox provision(SandboxSpec spec) {
        return bounded("provision", () -> provider.provision(spec));
    }

    public void pause(String providerSandboxId) {
        bounded("pause", () -> {
            provider.pause(providerSandboxId);
            return null;
        });
    }

    public void resume(String providerSandboxId) {
        bounded("resume", () -> {
            provider.resume(providerSandboxId);
            return null;
        });
    }

    public void kill(String providerSandboxId) {
        bounded("kill", () -> {
            provider.kill(providerSandboxId);
            return null;
        });
    }

    public SandboxStatus inspect(String providerSandboxId) {
        return bounded("inspect", () -> provider.inspect(providerSandboxId));
    }

    /** Runs the call within the timeout and records its latency and outcome. */
    private <T> T bounded(String operation, Callable<T> call) {
        long start = System.nanoTime();
        RuntimesMetrics.Outcome outcome = RuntimesMetrics.Outcome.FAILURE;
        try {
            T result = withinTimeout(call);
            outcome = RuntimesMetrics.Outcome.SUCCESS;
            return result;
        } catch (ProviderTimeoutException e) {
            outcome = RuntimesMetrics.Outcome.TIMEOUT;
            throw e;
        } finally {
            metrics.providerCall(kind, operation, outcome, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private <T> T withinTimeout(Callable<T> call) {
        Future<T> future = calls.submit(call);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ProviderTimeoutException(timeout);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderException("the call was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProviderException failure) {
                throw failure;
            }
            LOG.errorf(e.getCause(), "Sandbox provider '%s' failed unexpectedly", kind);
            throw new ProviderException("it failed unexpectedly", null, e.getCause());
        }
    }

    @PreDestroy
    void stop() {
        calls.shutdownNow();
    }
}
