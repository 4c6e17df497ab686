"""Medians of the benchmark runs (bench/run.sh's latency.csv and runs.csv), as Markdown tables."""
import csv
import statistics
import sys

out = sys.argv[1]
latency = list(csv.DictReader(open(f"{out}/latency.csv")))
runs = list(csv.DictReader(open(f"{out}/runs.csv")))
sizes = list(dict.fromkeys(r["size"] for r in latency))
cases = list(dict.fromkeys(r["case"] for r in latency))
median = lambda rows, key: statistics.median(float(r[key]) for r in rows)
figures = {(s, c): {k: median([r for r in latency if r["size"] == s and r["case"] == c], k)
                    for k in ("p50", "p99", "wrk_p99")}
           for s in sizes for c in cases if any(r["size"] == s and r["case"] == c for r in latency)}
HEALTH, FIRST = cases[0], "first page"

print(f"Medians of {len(runs)} runs. Targets of each list case: p50 at most 1 ms, p99 at most 1.5 times the first "
      "page's and 2 times `/q/health/live`'s, of the same size.\n")
print("| case | " + " | ".join(f"{s}: p50 | {s}: p99 | {s}: wrk's p99" for s in sizes) + " | missed |")
print("|---|" + "---|---|---|" * len(sizes) + "---|")
for c in cases:
    cells, missed = [], []
    for s in sizes:
        f = figures.get((s, c))
        if f is None:
            cells.append(" | | ")
            continue
        cells.append(f"{f['p50']:.2f} | {f['p99']:.2f} | {f['wrk_p99']:.2f}")
        if c == HEALTH:
            continue
        for name, fails in (("p50", f["p50"] > 1),
                            ("p99 > 1.5x first", f["p99"] > 1.5 * figures[(s, FIRST)]["p99"]),
                            ("p99 > 2x health", f["p99"] > 2 * figures[(s, HEALTH)]["p99"])):
            if fails:
                missed.append(f"{s} {name}")
    print(f"| {c} | " + " | ".join(cells) + f" | {', '.join(missed)} |")
print("\n| size | connections | server (req/s) | pgbench, same query (tps) | server / pgbench | start to first 200 (ms) | RSS (MB) |")
print("|---|---|---|---|---|---|---|")
for s in sizes:
    rows = [r for r in runs if r["size"] == s]
    for c in ("16", "64"):
        ratio = statistics.median(float(r["srv" + c]) / float(r["pg" + c]) for r in rows)
        print(f"| {s} | {c} | {median(rows, 'srv' + c):.0f} | {median(rows, 'pg' + c):.0f} | {ratio:.2f} "
              f"| {median(rows, 'startup_ms'):.0f} | {median(rows, 'rss_mb'):.0f} |")
