package dev.runtimes.server.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Every {@code runtimes.*} setting, with its default. */
@ConfigMapping(prefix = "runtimes")
public interface RuntimesConfig {

    Admin admin();

    Bootstrap bootstrap();

    Metering metering();

    Expiry expiry();

    RuntimeLimit runtimeLimit();

    Cursor cursor();

    Provider provider();

    Client client();

    RateLimit rateLimit();

    Authentication authentication();

    Events events();

    interface Admin {
        /** The operator token that guards {@code /api/v1/admin}; the surface is closed without it. */
        Optional<String> token();
    }

    interface Bootstrap {
        /** With a token, a fresh install gets org and workspace {@code example} and a key with it. */
        Optional<String> token();

        /**
         * Without a token, whether a fresh install generates one and prints it once (the embedded
         * default run does).
         */
        @WithDefault("false")
        boolean generateToken();
    }

    interface Metering {
        /** Credits charged per second of running sandbox. */
        @WithDefault("0.0552")
        double creditsPerSecond();

        /** How often running sandboxes are charged for the time they ran since their last charge. */
        @WithDefault("30s")
        Duration interval();
    }

    interface Expiry {
        /**
         * How often running sandboxes are looked at for an automatic pause: expired, their
         * organization out of credits or over its member limit.
         */
        @WithDefault("5s")
        Duration sweepInterval();
    }

    /**
     * The platform's levels of a sandbox's runtime limit; an organization's own levels and the
     * start's request come within them.
     */
    interface RuntimeLimit {
        /** The longest runtime limit any sandbox gets, in seconds. */
        @WithDefault("86400")
        long maxSeconds();

        /** The runtime limit of a sandbox whose start and organization name none; absent: the maximum. */
        Optional<Long> defaultSeconds();
    }

    interface Cursor {
        /**
         * The key that signs list cursors. Without one, a key is generated once and kept in the
         * database, so every replica on that database shares it.
         */
        Optional<String> secret();
    }

    interface Provider {
        /**
         * The provider that runs sandboxes, by its {@code kind()}: {@code local} runs each sandbox as
         * a process of this machine.
         */
        @WithDefault("local")
        String kind();

        /**
         * The longest one provider call (provision, pause, resume, kill, inspect) may take; a call
         * that takes longer answers 504 and its transition is undone.
         */
        @WithDefault("30s")
        Duration timeout();

        /**
         * Whether the server kills the live sandboxes of its provider when it stops. Off by default:
         * sandboxes outlive the server and its next start adopts them. The tests turn it on, so that
         * none outlives them.
         */
        @WithDefault("false")
        boolean killAtShutdown();

        Local local();
    }

    interface Local {
        /**
         * The shell command ({@code sh -c}) of every sandbox. It must serve HTTP on
         * {@code 127.0.0.1:$PORT}. Absent: the built-in runtime server, run with this server's Java
         * (a native executable runs itself as that server).
         */
        Optional<String> command();

        /** How long a killed sandbox gets between SIGTERM and SIGKILL. */
        @WithDefault("5s")
        Duration killGrace();

        /**
         * Where the provider keeps the built-in runtime server and each sandbox's output
         * ({@code logs/<sandbox id>.log}). Absent: {@code runtimes-local-provider} in the temporary
         * directory.
         */
        Optional<Path> directory();
    }

    interface Client {
        /**
         * The oldest client library version the API accepts in {@code X-Runtimes-Client-Version};
         * an older one is refused with 426. Requests without the header are not checked.
         */
        @WithDefault("0.1.0")
        String minimumVersion();
    }

    /**
     * The quotas of every API key, shared by all live replicas: each of N replicas admits 1/N of
     * a quota from buckets in its own memory (docs/operations.md, "Rate limits").
     */
    interface RateLimit {
        /** Requests an API key may make per {@link #requestsWindow()}, in a burst or spread out. */
        @WithDefault("100")
        int requests();

        @WithDefault("10s")
        Duration requestsWindow();

        /** Starts and resets an API key may make per {@link #lifecycleWindow()}, besides {@link #requests()}. */
        @WithDefault("10")
        int lifecycle();

        @WithDefault("60s")
        Duration lifecycleWindow();

        /**
         * How often each replica marks itself alive in the database, counts the live replicas and
         * exchanges its buckets' levels with them; a replica that starts among others waits up to
         * this plus a second for them to count it.
         */
        @WithDefault("5s")
        Duration replicaHeartbeat();

        /**
         * A replica unseen for this long no longer shares the quotas; longer than {@link
         * #replicaHeartbeat()}.
         */
        @WithDefault("15s")
        Duration replicaTimeout();
    }

    interface Authentication {
        /**
         * How long a replica answers from what it last read of an API key, its user's membership and
         * the workspace a request names; a change made through another replica takes effect here
         * within this time (docs/operations.md, "Authentication").
         */
        @WithDefault("5s")
        Duration cacheTtl();
    }

    interface Events {
        /** How long events are kept; a cursor older than that is refused as expired. */
        @WithDefault("7d")
        Duration retention();

        /** How often each replica deletes the events older than the retention. */
        @WithDefault("1h")
        Duration purgeInterval();

        /** How long a stream may go without a line: then it gets a keepalive comment. */
        @WithDefault("15s")
        Duration keepalive();

        /**
         * How many events a stream may have sent but not yet written to its connection; a reader
         * that lets more pile up is cut off and resumes by cursor.
         */
        @WithDefault("256")
        int streamBuffer();
    }
}
