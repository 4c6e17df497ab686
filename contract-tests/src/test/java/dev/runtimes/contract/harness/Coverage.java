package dev.runtimes.contract.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which (operation, documented status) pairs of the spec the scenarios produced, through which
 * channel. An answer with a status the spec does not document for its operation fails at once.
 */
public final class Coverage {
    /** One documented (operation, status) pair. */
    public record Pair(String operationId, int status) {
        @Override
        public String toString() {
            return operationId + " " + status;
        }
    }

    /** One line of the table: a pair, the channels that produced it and its known gap, if any. */
    public record Row(Pair pair, Set<Channel> channels, KnownGaps.Gap gap) {
        public boolean covered() {
            return channels.containsAll(EnumSet.allOf(Channel.class));
        }
    }

    private final ContractSpec spec;
    private final Map<Pair, Set<Channel>> produced = new HashMap<>();
    private final Set<String> scenariosRun = new HashSet<>();

    public Coverage(ContractSpec spec) {
        this.spec = spec;
    }

    public synchronized void record(ContractSpec.Operation operation, int status, Channel channel) {
        assertThat(operation.documents(status))
                .as(
                        "%s answered %d through %s, a status the spec does not document for it (documented: %s)",
                        operation.id(), status, channel, operation.statuses())
                .isTrue();
        produced.computeIfAbsent(new Pair(operation.id(), status), p -> EnumSet.noneOf(Channel.class))
                .add(channel);
    }

    /** A scenario ran: coverage is enforced only when every scenario of the suite did. */
    public synchronized void scenarioRan(String name) {
        scenariosRun.add(name);
    }

    public synchronized boolean allRan(Set<String> scenarios) {
        return scenariosRun.containsAll(scenarios);
    }

    /** Every documented pair of the spec, in spec order, with what produced it. */
    public synchronized List<Row> rows(KnownGaps gaps) {
        List<Row> rows = new ArrayList<>();
        for (ContractSpec.Operation operation : spec.operations()) {
            for (int status : operation.statuses()) {
                Pair pair = new Pair(operation.id(), status);
                rows.add(new Row(
                        pair,
                        Set.copyOf(produced.getOrDefault(pair, EnumSet.noneOf(Channel.class))),
                        gaps.gap(pair).orElse(null)));
            }
        }
        return rows;
    }
}
