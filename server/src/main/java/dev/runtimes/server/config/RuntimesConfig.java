package dev.runtimes.server.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Every {@code runtimes.*} setting, with its default. */
@ConfigMapping(prefix = "runtimes")
public interface RuntimesConfig {

    Admin admin();

    Bootstrap bootstrap();

    Metering metering();

    Cursor cursor();

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
    }

    interface Cursor {
        /**
         * The key that signs list cursors. Without one, a key is generated once and kept in the
         * database, so every replica on that database shares it.
         */
        Optional<String> secret();
    }
}
