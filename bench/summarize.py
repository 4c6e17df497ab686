"""Medians of the benchmark runs, as a Markdown table."""
import csv
import statistics
import sys

rows = list(csv.DictReader(open(sys.argv[1])))
median = lambda key: statistics.median(float(r[key]) for r in rows)
ratio = lambda a, b: statistics.median(float(r[a]) / float(r[b]) for r in rows)
print(f"Medians of {len(rows)} runs.\n")
print("| case | p50 (ms) | p99 (ms) | wrk's p99, corrected (ms) |\n|---|---|---|---|")
for case, name in [("first", "first page"), ("deep", "page 10,000 (by cursor)"),
                   ("running", "`state=running`"), ("project", "`project_id`")]:
    print(f"| {name} | {median(case + '_p50'):.2f} | {median(case + '_p99'):.2f} | {median(case + '_wrk_p99'):.2f} |")
print(f"\nDeep page p99 / first page p99: {ratio('deep_p99', 'first_p99'):.2f}\n")
print("| connections | server (req/s) | pgbench, same query (tps) | server / pgbench |\n|---|---|---|---|")
for c in ("16", "64"):
    print(f"| {c} | {median('srv' + c):.0f} | {median('pg' + c):.0f} | {ratio('srv' + c, 'pg' + c):.2f} |")
print(f"\nStart to first 200 of the list: {median('startup_ms'):.0f} ms. RSS after the throughput runs: {median('rss_mb'):.0f} MB.")
