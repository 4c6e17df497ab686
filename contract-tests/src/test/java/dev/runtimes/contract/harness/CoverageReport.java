package dev.runtimes.contract.harness;

import java.util.ArrayList;
import java.util.List;

/** The coverage table of one target, and what is wrong with it. */
public final class CoverageReport {
    private final String title;
    private final List<Coverage.Row> rows;
    private final List<String> problems = new ArrayList<>();

    public CoverageReport(Target target, KnownGaps gaps) {
        this.title = "Contract coverage against " + target.name() + " (" + target.baseUrl() + ")";
        this.rows = target.coverage().rows(gaps);
        for (Coverage.Row row : rows) {
            if (!row.covered() && row.gap() == null) {
                problems.add(row.pair() + " was not produced through " + missing(row)
                        + ": add a scenario, or list it in " + KnownGaps.RESOURCE + " with the issue that closes it");
            }
            if (row.covered() && row.gap() != null) {
                problems.add(row.pair() + " is covered now: remove it from " + KnownGaps.RESOURCE);
            }
        }
        for (KnownGaps.Gap gap : gaps.all()) {
            if (rows.stream().noneMatch(row -> row.pair().equals(gap.pair()))) {
                problems.add(gap.pair() + " is listed in " + KnownGaps.RESOURCE + " but the spec does not document it");
            }
        }
    }

    public List<String> problems() {
        return problems;
    }

    public String table() {
        StringBuilder out = new StringBuilder(title).append('\n');
        String format = "  %-20s %-6s %-4s %-6s %s%n";
        out.append(String.format(format, "operation", "status", "raw", "client", ""));
        long covered = 0;
        long known = 0;
        for (Coverage.Row row : rows) {
            String note = "";
            if (row.gap() != null) {
                note = "known gap, issue #" + row.gap().issue() + ": "
                        + row.gap().reason();
                known++;
            } else if (row.covered()) {
                covered++;
            } else {
                note = "MISSING";
            }
            out.append(String.format(
                    format,
                    row.pair().operationId(),
                    row.pair().status(),
                    mark(row, Channel.RAW),
                    mark(row, Channel.CLIENT),
                    note));
        }
        out.append(String.format(
                "  %d documented pairs: %d produced through both channels, %d known gaps, %d problems%n",
                rows.size(), covered, known, problems.size()));
        problems.forEach(problem -> out.append("  PROBLEM: ").append(problem).append('\n'));
        return out.toString();
    }

    private static String mark(Coverage.Row row, Channel channel) {
        return row.channels().contains(channel) ? "yes" : "-";
    }

    private static String missing(Coverage.Row row) {
        return row.channels().isEmpty()
                ? "any channel"
                : row.channels().contains(Channel.RAW) ? "the client" : "raw HTTP";
    }
}
