package dev.runtimes.server.service;

import dev.runtimes.server.config.RuntimesConfig;
import dev.runtimes.server.domain.CursorCodec;
import dev.runtimes.server.domain.ServerSecret;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/** The cursor codec, keyed by the configured secret or by one generated once and shared in the database. */
@ApplicationScoped
public class CursorKeys {
    private static final String SECRET_NAME = "cursor-signing-key";

    private final RuntimesConfig config;
    private final Clock clock;
    private volatile CursorCodec codec;

    CursorKeys(RuntimesConfig config, Clock clock) {
        this.config = config;
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
        } catch (PersistenceException anotherReplicaCreatedItFirst) {
            value = QuarkusTransaction.requiringNew()
                    .call(() -> ServerSecret.<ServerSecret>findById(SECRET_NAME).value);
        }
        return Base64.getDecoder().decode(value);
    }

    private String findOrCreate() {
        ServerSecret existing = ServerSecret.findById(SECRET_NAME);
        if (existing != null) {
            return existing.value;
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        ServerSecret secret = new ServerSecret();
        secret.name = SECRET_NAME;
        secret.value = Base64.getEncoder().encodeToString(bytes);
        secret.createdAt = clock.instant();
        secret.persistAndFlush();
        return secret.value;
    }
}
