"""Side-by-side table of two aggregates_queries.py outputs (Gnocchi first, Polenta second), with the target of
issue 4: for every shape, Polenta's p50 at most a tenth of Gnocchi's, and every answer right."""
import json
import sys

TARGET = 0.1


def read(path):
    return {row["step"]: row for row in (json.loads(line) for line in open(path) if line.strip())}


def main(gnocchi_path, polenta_path):
    gnocchi, polenta = read(gnocchi_path), read(polenta_path)
    print("| step | Gnocchi p50 / p99 ms (req/s) | Polenta p50 / p99 ms (req/s) | p50 ratio | p99 ratio | target |")
    print("|---|---|---|---|---|---|")
    met = True
    for step, g in gnocchi.items():
        p = polenta.get(step)
        if p is None:
            continue
        if step == "load":
            print("| load: ingest points/s, end to end points/s | %s, %s | %s, %s | | | |" % (
                g["ingest_points_per_s"], g["end_to_end_points_per_s"],
                p["ingest_points_per_s"], p["end_to_end_points_per_s"]))
            continue
        if step == "loadavg":
            print("| load average after the run | %s | %s | | | |" % (g["loadavg"], p["loadavg"]))
            continue
        r50, r99 = p["p50_ms"] / g["p50_ms"], p["p99_ms"] / g["p99_ms"]
        ok = r50 <= TARGET and not p["wrong"] and not g["wrong"]
        met &= ok
        print("| %s | %.1f / %.1f (%.1f) | %.1f / %.1f (%.1f) | %.3f | %.3f | %s |" % (
            step, g["p50_ms"], g["p99_ms"], g["req_per_s"], p["p50_ms"], p["p99_ms"], p["req_per_s"], r50, r99,
            "met" if ok else "NOT met"))
    print()
    print("every shape within target" if met else "some shape misses its target")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
