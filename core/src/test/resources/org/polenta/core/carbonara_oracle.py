"""Reference answers from Gnocchi's own code, for CarbonaraComparisonIT.

Reads a JSON list of cases on stdin and, for each case, prints "case N" followed by
"point TIMESTAMP_NS GRANULARITY VALUE" lines (VALUE as Python repr, GRANULARITY in ns or a calendar
letter) or one "error MESSAGE" line. Cases:
  {"op": "aggregate", "points": [[ns, v], ...], "granularity": ns, "method": "mean"}
      carbonara grouping of raw points, as metricd does on a fresh metric.
  {"op": "resample", "points": [[ns, v], ...], "granularity": ns, "method": m, "sampling": ns | "Y"...}
      AggregatedTimeSerie.resample of a stored series, as a measures read with resample does.
  {"op": "cross", "series": [{"id": s, "granularity": ns, "points": [[ns, v], ...]}, ...],
   "aggregation": m, "reaggregation": r, "start": ns|null, "stop": ns|null,
   "needed_overlap": float, "fill": null|"null"|"dropna"|float, "sampling": ns|null}
      rest/aggregates/processor.aggregated(), as /v1/aggregation/metric does for several metrics.
"""
import json
import sys

import numpy

# Gnocchi 4.4.2 still uses numpy.int, which numpy >= 1.24 removed.
if not hasattr(numpy, "int"):
    numpy.int = int

from gnocchi import carbonara  # noqa: E402
from gnocchi.rest.aggregates import exceptions  # noqa: E402
from gnocchi.rest.aggregates import processor  # noqa: E402


def ns(value):
    return numpy.timedelta64(int(value), "ns")


def series_of(points):
    timestamps = numpy.array([int(p[0]) for p in points], dtype="datetime64[ns]")
    values = numpy.array([float(p[1]) for p in points], dtype="float64")
    return timestamps, values


def emit(ts, granularity):
    for t, v in ts:
        stamp = int((t - carbonara.UNIX_UNIVERSAL_START64) / numpy.timedelta64(1, "ns"))
        print("point %d %s %r" % (stamp, granularity, float(v)))


def granularity_text(g):
    if isinstance(g, str):
        return g
    return str(int(g / numpy.timedelta64(1, "ns")))


def aggregate(case):
    timestamps, values = series_of(case["points"])
    serie = carbonara.TimeSerie.from_data(timestamps, values)
    g = ns(case["granularity"])
    agg = carbonara.AggregatedTimeSerie.from_grouped_serie(
        serie.group_serie(g), carbonara.Aggregation(case["method"], g, None))
    emit(agg, granularity_text(g))


def sampling_of(value):
    return value if isinstance(value, str) else ns(value)


def resample(case):
    timestamps, values = series_of(case["points"])
    g = ns(case["granularity"])
    stored = carbonara.AggregatedTimeSerie.from_data(
        carbonara.Aggregation(case["method"], g, None), timestamps, values)
    sampling = sampling_of(case["sampling"])
    emit(stored.resample(sampling), granularity_text(sampling))


class Ref(object):
    def __init__(self, name, aggregation):
        self.name = name
        self.aggregation = aggregation
        self.resource = None
        self.lookup_key = [name, aggregation]


def cross(case):
    aggregation = case["aggregation"]
    refs_and_series = []
    for s in case["series"]:
        timestamps, values = series_of(s["points"])
        g = ns(s["granularity"])
        refs_and_series.append((Ref(s["id"], aggregation), carbonara.AggregatedTimeSerie.from_data(
            carbonara.Aggregation(aggregation, g, None), timestamps, values)))
    metrics = ["metric"] + [[s["id"], aggregation] for s in case["series"]]
    if case.get("sampling") is not None:
        inner = ["resample", aggregation, sampling_of(case["sampling"]), metrics]
    else:
        inner = metrics
    start = None if case.get("start") is None else numpy.datetime64(int(case["start"]), "ns")
    stop = None if case.get("stop") is None else numpy.datetime64(int(case["stop"]), "ns")
    fill = case.get("fill")
    try:
        result = processor.aggregated(
            refs_and_series, ["aggregate", case["reaggregation"], inner], start, stop,
            case["needed_overlap"], fill)
    except exceptions.UnAggregableTimeseries as e:
        print("error %s" % e.reason)
        return
    for t, g, v in result["aggregated"]:
        stamp = int((t - carbonara.UNIX_UNIVERSAL_START64) / numpy.timedelta64(1, "ns"))
        print("point %d %s %r" % (stamp, granularity_text(g), float(v)))


OPERATIONS = {"aggregate": aggregate, "resample": resample, "cross": cross}


def main():
    cases = json.load(sys.stdin)
    for i, case in enumerate(cases):
        print("case %d" % i)
        try:
            OPERATIONS[case["op"]](case)
        except Exception as e:  # reported, so the Java side can tell a crash from a difference
            print("error %s: %s" % (type(e).__name__, str(e).replace("\n", " ")))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
