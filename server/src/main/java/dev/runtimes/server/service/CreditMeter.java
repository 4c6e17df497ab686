package dev.runtimes.server.service;

import dev.runtimes.server.config.RuntimesConfig;
import dev.runtimes.server.domain.CreditLedger;
import dev.runtimes.server.domain.Organizations;
import dev.runtimes.server.domain.Sandbox;
import dev.runtimes.server.metrics.RuntimesMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Charges sandboxes for their running time, inside the caller's transaction, with the sandbox's
 * runtime locked. A charge is what the sandbox owes in whole credits for all its running time so
 * far, less what it was billed: the fraction of a credit left over is owed at the next charge, and
 * a credit once billed is never owed again, whichever replica charges and however often.
 */
@ApplicationScoped
class CreditMeter {
    static final String METERING = "metering";
    static final String PAUSE = "pause";
    static final String KILL = "kill";

    private final double creditsPerSecond;
    private final CreditLedger ledger;
    private final Organizations organizations;
    private final RuntimesMetrics metrics;
    private final TransactionSynchronizationRegistry transactions;

    CreditMeter(
            RuntimesConfig config,
            CreditLedger ledger,
            Organizations organizations,
            RuntimesMetrics metrics,
            TransactionSynchronizationRegistry transactions) {
        this.creditsPerSecond = config.metering().creditsPerSecond();
        this.ledger = ledger;
        this.organizations = organizations;
        this.metrics = metrics;
        this.transactions = transactions;
    }

    /**
     * Moves what the sandbox owes at {@code now} into its billed credits and writes the usage row;
     * the credits, which the caller then {@linkplain #debit debits} from the organization. The
     * caller writes the sandbox.
     */
    long charge(Sandbox sandbox, Instant now, String cause) {
        long credits = SandboxFigures.of(sandbox, now, creditsPerSecond).runningCredits();
        sandbox.meteredAt = now;
        if (credits > 0) {
            sandbox.billedCredits += credits;
            ledger.insert(sandbox, credits, cause, now);
        }
        return credits;
    }

    /** The final charge of a run that ends (pause or kill), debited at once. */
    void chargeFinal(Sandbox sandbox, Instant now, String cause) {
        debit(new TreeMap<>(Map.of(sandbox.organizationId, charge(sandbox, now, cause))));
    }

    /**
     * Takes the credits from the balances of metered organizations. Organizations are updated in
     * one order, so transactions that debit several never wait for each other in a cycle.
     */
    void debit(SortedMap<UUID, Long> creditsByOrganization) {
        long total = 0;
        for (Map.Entry<UUID, Long> debit : creditsByOrganization.entrySet()) {
            if (debit.getValue() > 0) {
                organizations.debit(debit.getKey(), debit.getValue());
                total += debit.getValue();
            }
        }
        if (total > 0) {
            long charged = total;
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        metrics.creditsCharged(charged);
                    }
                }
            });
        }
    }
}
