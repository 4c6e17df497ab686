package dev.runtimes.server.service;

import dev.runtimes.server.config.RuntimesConfig;
import dev.runtimes.server.domain.CursorCodec;
import dev.runtimes.server.domain.DatabaseException;
import dev.runtimes.server.domain.ServerSecrets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/** The cursor codec, keyed by the configured secret or by one generated once and shared in the database. */
@ApplicationScoped
public class CursorKeys {
    private static final String SECRET_NAME = "cursor-signing-key";

    private final RuntimesConfig config;
    private final ServerSecrets secrets;
    private final Clock clock;
    private volatile CursorCodec codec;

    CursorKeys(RuntimesConfig config, ServerSecrets secrets, Clock clock) {
        this.config = config;
        this.secrets = secrets;
        this.clock = clock;
    }

    public CursorCodec codec() {
        CursorCodec current = codec;
        if (current == null) {
            byte[] secret = config.cursor()
                    .secret()
                    .map(s -> s.getBytes(StandardCharsets.UTF_8))
                    .orElseGet(this::sharedSecret);
            current = new CursorCodec(secret);
            codec = current;
        }
        return current;
    }

    private byte[] sharedSecret() {
        String value;
        try {
            value = QuarkusTransaction.requiringNew().call(this::findOrCreate);
        } catch (DatabaseException anotherReplicaCreatedItFirst) {
            value = QuarkusTransaction.requiringNew()
                    .call(() -> secrets.value(SECRET_NAME).orElseThrow());
        }
        return Base64.getDecoder().decode(value);
    }

    private String findOrCreate() {
        return secrets.value(SECRET_NAME).orElseGet(() -> {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String value = Base64.getEncoder().encodeToString(bytes);
            secrets.insert(SECRET_NAME, value, clock.instant());
            return value;
        });
    }
}
