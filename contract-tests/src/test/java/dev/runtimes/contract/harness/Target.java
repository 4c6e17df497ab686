package dev.runtimes.contract.harness;

import java.util.Optional;

/**
 * A server the suite runs against: where it answers, the operator token that lets the suite
 * create its own tenants, and what else this binding can do to it.
 */
public final class Target {
    private final String name;
    private final String baseUrl;
    private final String operatorToken;
    private final DatabaseFaults database;
    private final boolean localSandboxes;
    private final Coverage coverage = new Coverage(ContractSpec.get());
    private Runnable eventPurge = () -> {};
    private Target replica;

    /**
     * @param database how to cause real database faults under the server, or {@code null} when
     *     the suite cannot reach the target's database (a remote deployment)
     */
    public Target(String name, String baseUrl, String operatorToken, DatabaseFaults database) {
        this(name, baseUrl, operatorToken, database, false);
    }

    /**
     * @param database how to cause real database faults under the server, or {@code null}
     * @param localSandboxes whether the server's local provider runs its built-in sandbox program
     *     on this machine, so that a {@link SandboxGate} can hold a sandbox's start
     */
    public Target(String name, String baseUrl, String operatorToken, DatabaseFaults database, boolean localSandboxes) {
        this.name = name;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.operatorToken = operatorToken;
        this.database = database;
        this.localSandboxes = localSandboxes;
    }

    /**
     * Sends the call through the channel, records the answer's status for the coverage table and
     * fails on what a validating proxy in front of the target found wrong with the exchange.
     */
    public Outcome send(Channel channel, Call call) {
        Outcome outcome = channel.exchange(baseUrl, call);
        coverage.record(call.operation(), outcome.status(), channel);
        ValidatingProxy.judge(outcome);
        return outcome;
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Credentials operator() {
        return Credentials.bearer(operatorToken);
    }

    public Optional<DatabaseFaults> database() {
        return Optional.ofNullable(database);
    }

    public boolean localSandboxes() {
        return localSandboxes;
    }

    /**
     * Runs the server's purge of the events older than its retention now, where the binding can
     * reach into the server (in process); elsewhere the server purges at its own interval (the
     * packaged binding gives it one second), which a scenario waits for.
     */
    public void purgeEvents() {
        eventPurge.run();
    }

    /** @return this target, whose {@link #purgeEvents} runs {@code purge} */
    public Target purgingEventsWith(Runnable purge) {
        this.eventPurge = purge;
        return this;
    }

    /** Another server on the same database, when the binding runs two: for scenarios across replicas. */
    public Optional<Target> replica() {
        return Optional.ofNullable(replica);
    }

    /** @return this target, with a second server at {@code baseUrl} on the same database */
    public Target withReplica(String baseUrl) {
        this.replica = new Target(name + " replica", baseUrl, operatorToken, database, localSandboxes);
        return this;
    }

    public Coverage coverage() {
        return coverage;
    }
}
