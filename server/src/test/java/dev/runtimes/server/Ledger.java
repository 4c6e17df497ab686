package dev.runtimes.server;

import dev.runtimes.server.domain.Sandbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;
import java.util.UUID;

/** Reads the sandbox ledger the way it is stored, to check what the server recorded. */
public final class Ledger {
    private Ledger() {}

    /** Every sandbox the runtime ever had, oldest first. */
    public static List<Sandbox> sandboxesOf(String runtimeId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Sandbox.<Sandbox>list("runtimeId = ?1 order by createdAt", UUID.fromString(runtimeId)));
    }

    public static Sandbox sandbox(String sandboxId) {
        return QuarkusTransaction.requiringNew().call(() -> Sandbox.<Sandbox>findById(UUID.fromString(sandboxId)));
    }
}
