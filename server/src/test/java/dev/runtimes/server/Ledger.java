package dev.runtimes.server;

import dev.runtimes.server.domain.Rows;
import dev.runtimes.server.domain.Sandbox;
import dev.runtimes.server.domain.Sandboxes;
import io.quarkus.arc.Arc;
import java.util.List;
import java.util.UUID;

/** Reads the sandbox ledger the way it is stored, to check what the server recorded. */
public final class Ledger {
    private static final String SANDBOXES = "select " + Sandboxes.COLUMNS + " from sandboxes";

    private Ledger() {}

    /** Every sandbox the runtime ever had, oldest first. */
    public static List<Sandbox> sandboxesOf(String runtimeId) {
        return rows().list(
                        SANDBOXES + " where runtime_id = ? order by created_at",
                        Sandboxes::read,
                        UUID.fromString(runtimeId));
    }

    /** Every sandbox of the organization. */
    public static List<Sandbox> sandboxesOfOrganization(UUID organizationId) {
        return rows().list(SANDBOXES + " where organization_id = ?", Sandboxes::read, organizationId);
    }

    public static Sandbox sandbox(String sandboxId) {
        return rows().first(SANDBOXES + " where id = ?", Sandboxes::read, UUID.fromString(sandboxId))
                .orElse(null);
    }

    /** The usage rows of the credit ledger for the sandbox, oldest first, as {@code cause:credits}. */
    public static List<String> charges(String sandboxId) {
        return rows().list(
                        "select cause, credits from credit_ledger where sandbox_id = ? order by created_at",
                        rs -> rs.getString(1) + ":" + rs.getLong(2),
                        UUID.fromString(sandboxId));
    }

    /** The organization's credit balance now; {@code null} when it is not metered. */
    public static Long balance(UUID organizationId) {
        return rows().list(
                        "select credit_balance from organizations where id = ?",
                        rs -> rs.getObject(1, Long.class),
                        organizationId)
                .get(0);
    }

    /** Every usage row of the credit ledger summed. */
    public static long creditsCharged() {
        return sum("select coalesce(sum(credits), 0) from credit_ledger");
    }

    /**
     * The organization's usage rows summed, and its sandboxes' billed credits summed: the two
     * always agree.
     */
    public static long[] chargedAndBilled(UUID organizationId) {
        return new long[] {
            sum("select coalesce(sum(credits), 0) from credit_ledger where organization_id = ?", organizationId),
            sum("select coalesce(sum(billed_credits), 0) from sandboxes where organization_id = ?", organizationId)
        };
    }

    private static long sum(String sql, Object... args) {
        return rows().first(sql, rs -> rs.getLong(1), args).orElseThrow();
    }

    private static Rows rows() {
        return Arc.container().instance(Rows.class).get();
    }
}
