"""Side-by-side table of two resource_queries.py outputs (Gnocchi first, Polenta second), with the targets
of issue 3: for every query shape, Polenta's p50 at most Gnocchi's and its p99 at most twice Gnocchi's."""
import json
import sys


def read(path):
    return {row["step"]: row for row in (json.loads(line) for line in open(path) if line.strip())}


def main(gnocchi_path, polenta_path):
    gnocchi, polenta = read(gnocchi_path), read(polenta_path)
    print("| step | Gnocchi p50 / p99 ms | Polenta p50 / p99 ms | p50 ratio | p99 ratio | target |")
    print("|---|---|---|---|---|---|")
    met = True
    for step, g in gnocchi.items():
        p = polenta.get(step)
        if p is None:
            continue
        if step == "load":
            print("| load (creates/s) | %s | %s | %.2f | | |" % (g["creates_per_s"], p["creates_per_s"],
                                                              p["creates_per_s"] / g["creates_per_s"]))
            continue
        r50, r99 = p["p50_ms"] / g["p50_ms"], p["p99_ms"] / g["p99_ms"]
        ok = r50 <= 1 and r99 <= 2 and not p["wrong"]
        met &= ok
        print("| %s | %.1f / %.1f | %.1f / %.1f | %.2f | %.2f | %s |" % (
            step, g["p50_ms"], g["p99_ms"], p["p50_ms"], p["p99_ms"], r50, r99, "met" if ok else "NOT met"))
    print()
    print("every shape within target" if met else "some shape misses its target")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
