"""The issue-5 table from the JSON lines of ceilometer_paths.py, one file per path, as bin/polenta bench-listener
writes them.

  listener_compare.py GNOCCHI.jsonl LABEL=POLENTA.jsonl [LABEL=POLENTA.jsonl ...]

The first run after each Polenta start is left out (its JVMs compile the hot paths while it runs, on the same
2 cores); Gnocchi's runs are all kept. Ratios divide Polenta's median by Gnocchi's median.
"""
import json
import statistics
import sys


def runs(path):
    return [json.loads(line) for line in open(path) if line.startswith("{")]


def spread(values):
    return "%s - %s (median %s)" % (f"{min(values):,}", f"{max(values):,}", f"{round(statistics.median(values)):,}")


def processes(results, key):
    names = results[0].get(key, {}).keys() if results else []
    parts = []
    for name in names:
        values = [r[key][name] for r in results if r.get(key, {}).get(name) is not None]
        if values:
            parts.append("%s %s-%s" % (name, min(values), max(values)))
    return ", ".join(parts) or "-"


def main():
    gnocchi = runs(sys.argv[1])
    if not gnocchi:
        raise SystemExit("no Gnocchi runs in " + sys.argv[1])
    g_durable = statistics.median(r["durable_samples_per_s"] for r in gnocchi)
    g_queryable = statistics.median(r["queryable_samples_per_s"] for r in gnocchi)
    print("| path | runs | durable samples/s | queryable samples/s | durable ratio | queryable ratio "
          "| CPU-s a run | RSS MB |")
    print("|---|---|---|---|---|---|---|---|")
    print("| Ceilometer gnocchi:// -> Gnocchi 4.4.2, %d threads, %d samples | %d | %s | %s | 1 | 1 | - | - |" % (
        gnocchi[0]["threads"], gnocchi[0]["samples"], len(gnocchi),
        spread([r["durable_samples_per_s"] for r in gnocchi]),
        spread([r["queryable_samples_per_s"] for r in gnocchi])))
    for arg in sys.argv[2:]:
        label, path = arg.split("=", 1)
        warm = runs(path)[1:]
        if not warm:
            print("| %s | 0 | - | - | - | - | - | - |" % label)
            continue
        durable = [r["durable_samples_per_s"] for r in warm]
        queryable = [r["queryable_samples_per_s"] for r in warm]
        print("| %s, %d samples | %d | %s | %s | %.1f | %.1f | %s | %s |" % (
            label, warm[0]["samples"], len(warm), spread(durable), spread(queryable),
            statistics.median(durable) / g_durable, statistics.median(queryable) / g_queryable,
            processes(warm, "cpu_s"), processes(warm, "rss_mb")))


if __name__ == "__main__":
    main()
