"""Side-by-side table of two query-benchmark outputs (resource_queries.py, aggregates_queries.py): Gnocchi
first, Polenta second, one JSON line per step. A step with latencies is judged against the targets given
(Polenta's p50 at most --p50 times Gnocchi's, its p99 at most --p99 times, every answer right); any other step
(the load, the load average) is shown as it is."""
import argparse
import json


def read(path):
    return {row["step"]: row for row in (json.loads(line) for line in open(path) if line.strip())}


def figures(row):
    return ", ".join("%s %s" % (k, v) for k, v in row.items() if k not in ("step", "label"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gnocchi")
    parser.add_argument("polenta")
    parser.add_argument("--p50", type=float, required=True, help="largest p50 ratio that meets the target")
    parser.add_argument("--p99", type=float, default=None, help="largest p99 ratio that meets the target")
    args = parser.parse_args()
    gnocchi, polenta = read(args.gnocchi), read(args.polenta)
    print("| step | Gnocchi p50 / p99 ms (req/s) | Polenta p50 / p99 ms (req/s) | p50 ratio | p99 ratio | target |")
    print("|---|---|---|---|---|---|")
    met = True
    for step, g in gnocchi.items():
        p = polenta.get(step)
        if p is None:
            continue
        if "p50_ms" not in g:
            print("| %s | %s | %s | | | |" % (step, figures(g), figures(p)))
            continue
        r50, r99 = p["p50_ms"] / g["p50_ms"], p["p99_ms"] / g["p99_ms"]
        ok = r50 <= args.p50 and (args.p99 is None or r99 <= args.p99) and not p["wrong"] and not g["wrong"]
        met &= ok
        print("| %s | %.1f / %.1f (%.1f) | %.1f / %.1f (%.1f) | %.3f | %.3f | %s |" % (
            step, g["p50_ms"], g["p99_ms"], g["req_per_s"], p["p50_ms"], p["p99_ms"], p["req_per_s"], r50, r99,
            "met" if ok else "NOT met"))
    print()
    print("every shape within target" if met else "some shape misses its target")


if __name__ == "__main__":
    main()
