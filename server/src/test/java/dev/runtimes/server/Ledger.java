package dev.runtimes.server;

import dev.runtimes.server.domain.CreditCharge;
import dev.runtimes.server.domain.Organization;
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

    /** The usage rows of the credit ledger for the sandbox, oldest first, as {@code cause:credits}. */
    public static List<String> charges(String sandboxId) {
        return QuarkusTransaction.requiringNew()
                .call(() ->
                        CreditCharge.<CreditCharge>list("sandboxId = ?1 order by createdAt", UUID.fromString(sandboxId))
                                .stream()
                                .map(charge -> charge.cause + ":" + charge.credits)
                                .toList());
    }

    /** The organization's credit balance now. */
    public static Long balance(UUID organizationId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Organization.<Organization>findById(organizationId).creditBalance);
    }

    /**
     * The organization's usage rows summed, and its sandboxes' billed credits summed: the two
     * always agree.
     */
    public static long[] chargedAndBilled(UUID organizationId) {
        return QuarkusTransaction.requiringNew().call(() -> new long[] {
            sum("select coalesce(sum(credits), 0) from credit_ledger where organization_id = ?1", organizationId),
            sum("select coalesce(sum(billed_credits), 0) from sandboxes where organization_id = ?1", organizationId)
        });
    }

    private static long sum(String sql, UUID organizationId) {
        return ((Number) Sandbox.getEntityManager()
                        .createNativeQuery(sql)
                        .setParameter(1, organizationId)
                        .getSingleResult())
                .longValue();
    }
}
