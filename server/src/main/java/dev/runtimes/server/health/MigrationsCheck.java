package dev.runtimes.server.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * Ready only when the database schema is the one this build expects: every migration applied,
 * none failed. Read at every probe, so it recovers as soon as the migrations are in place.
 */
@Readiness
@ApplicationScoped
public class MigrationsCheck implements HealthCheck {
    static final String NAME = "Database migrations";

    private final Flyway flyway;

    MigrationsCheck(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        MigrationInfoService info;
        try {
            info = flyway.info();
        } catch (FlywayException e) {
            return response.down()
                    .withData("error", "the migration history cannot be read")
                    .build();
        }
        MigrationInfo current = info.current();
        int pending = info.pending().length;
        boolean failed = Arrays.stream(info.all()).anyMatch(m -> m.getState().isFailed());
        return response.status(current != null && pending == 0 && !failed)
                .withData(
                        "version",
                        current == null ? "none" : current.getVersion().getVersion())
                .withData("pending", pending)
                .withData("failed", failed)
                .build();
    }
}
