package dev.runtimes.contract.harness;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The committed list of documented (operation, status) pairs that no scenario can produce yet,
 * each with the issue that will make it real ({@code src/test/resources/known-gaps.txt}). The
 * coverage gate fails on a gap that is not listed and on a listed gap that is now covered, so
 * the list can only shrink.
 */
public final class KnownGaps {
    public static final String RESOURCE = "known-gaps.txt";

    /** Why a pair cannot be produced yet, and which issue closes the gap. */
    public record Gap(Coverage.Pair pair, int issue, String reason) {}

    private final Map<Coverage.Pair, Gap> gaps = new LinkedHashMap<>();

    private KnownGaps(String text) {
        text.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .forEach(line -> {
                    String[] fields = line.split("\\s+", 4);
                    if (fields.length < 4 || !fields[2].startsWith("#")) {
                        throw new IllegalStateException(
                                RESOURCE + ": expected 'operation status #issue reason', got '" + line + "'");
                    }
                    Coverage.Pair pair = new Coverage.Pair(fields[0], Integer.parseInt(fields[1]));
                    gaps.put(pair, new Gap(pair, Integer.parseInt(fields[2].substring(1)), fields[3]));
                });
    }

    public static KnownGaps load() {
        return parse(ContractSpec.text(RESOURCE));
    }

    public static KnownGaps parse(String text) {
        return new KnownGaps(text);
    }

    public Optional<Gap> gap(Coverage.Pair pair) {
        return Optional.ofNullable(gaps.get(pair));
    }

    public Iterable<Gap> all() {
        return gaps.values();
    }
}
