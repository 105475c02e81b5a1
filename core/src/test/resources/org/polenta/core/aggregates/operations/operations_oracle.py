"""Writes the expected answers of Polenta's operations tests by running Gnocchi 4.4's own code.

Run from a directory outside the repository (so the installed gnocchi package is imported):
    /usr/bin/python3 operations_oracle.py OUTPUT_DIR
It writes parser.jsonl (OperationsSchema: the validated tree or voluptuous/pyparsing's failure),
evaluator.jsonl (operations.evaluate over fixed grids) and processor.jsonl (processor.aggregated with fill
and overlap options). Non-finite numbers are written as the strings "nan", "inf" and "-inf".
"""
import json
import math
import os
import sys
import types

import numpy
import voluptuous
import webob.exc

from gnocchi import carbonara
from gnocchi.rest.aggregates import api as agg_api
from gnocchi.rest.aggregates import exceptions
from gnocchi.rest.aggregates import operations
from gnocchi.rest.aggregates import processor

SCHEMA = voluptuous.Schema({"operations": agg_api.OperationsSchema}, required=True)


def number(v):
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def validate(ops):
    return SCHEMA({"operations": ops})["operations"]


PARSER_CASES = [
    ["metric", "a", "mean"], ["metric", ["a", "mean"], ["b", "max"]], ["metric", ["a", "mean"]],
    "(metric a mean)", "(metric (a mean) (b mean))", "(aggregate mean (metric (a mean) (b mean)))",
    "(rolling mean 2 (metric a mean))", "(resample mean 60 (metric a mean))",
    "(resample max '1 minute' (metric a mean))", ["resample", "max", "1 minute", ["metric", "a", "mean"]],
    ["resample", "mean", 0.5, ["metric", "a", "mean"]], ["resample", "mean", True, ["metric", "a", "mean"]],
    ["rolling", "sum", "3", ["metric", "a", "mean"]], ["rolling", "sum", 2.7, ["metric", "a", "mean"]],
    ["rolling", "sum", True, ["metric", "a", "mean"]],
    "(+ (metric a mean) 2)", ["+", ["metric", "a", "mean"], 2], ["*", 1.5, ["metric", "a", "mean"]],
    ["+", ["metric", "a", "mean"], True], ["+", ["metric", "a", "mean"], "1_0"], ["+", ["metric", "a", "mean"], " 7 "],
    ["+", ["metric", "a", "mean"], "nan"], ["+", ["metric", "a", "mean"], "-inf"], ["+", ["metric", "a", "mean"], "1e400"],
    ["clip", ["metric", "a", "mean"], 1], ["clip", ["metric", "a", "mean"], 1, 2],
    ["clip_min", ["metric", "a", "mean"], -1], ["clip_max", 3, ["metric", "a", "mean"]],
    ["abs", "nan"], ["neg", ["metric", "a", "mean"]], ["absolute", ["negative", ["metric", "a", "mean"]]],
    ["rateofchange", ["metric", "a", "mean"]], ["≥", ["metric", "a", "mean"], 3], ["÷", ["metric", "a", "mean"], 3],
    ["aggregate", "rate:mean", ["metric", "a", "mean"]], ["aggregate", "count", ["metric", "a", "mean"]],
    "(metric a  mean)(x)", "(metric a mean) trailing", "  (metric\ta\nmean)  ", "(a b))",
    [], {"foo": "bar"}, ["metric"], 5, 1.5, True, None, [["metric", "a", "mean"]], "((metric a mean))",
    "(rolling blah 2 (metric a mean))", "(rolling mean (metric a mean))", "(rolling mean 0 (metric a mean))",
    "(rolling mean 2.5 (metric a mean))", "(notexist (absolute (metric a mean)))",
    "(resample mean invalid (metric (a mean) (b mean)))", "(resample mean -5 (metric a mean))",
    "(resample mean 0 (metric a mean))", "(resample mean Y (metric a mean))",
    ["metric", "a"], ["metric", "a", "b", "c"], ["metric", ["a"]], ["metric", 1, "mean"],
    ["metric", ["a", "mean"], "b"], ["metric", ["a", "mean"], ["b"]], ["metric", ["a", 5]], ["metric", []],
    ["+", 1], ["+", ["metric", "a", "mean"], None], ["+", ["metric", "a"], 1], ["abs", ["metric", "a"]],
    ["aggregate", "mean", ["metric", ["a", "mean"], "x"]], ["abs", ["foo", 1]], ["abs", ["+", 1]],
    [5, 1], [["a"], 1], [None, 1], [True, 1], [1.5, 2], [{"a": 1}, 2],
    ["aggregate", "mean", ["metric", "a", "mean"], ["metric", "b", "mean"]], ["aggregate", "last", ["metric", "a", "mean"]],
    ["rateofchange", ["metric", "a", "mean"], 1], ["clip", ["metric", "a", "mean"]],
    "(+ (metric a mean) true)", "(a \"b c\" d)", "(a 'b c')", "(a,b)",
    "", "  ", "x", "a b", "(a (b c)", "(metroc foo bar", "(a (b) c", "(a\n(b", ")",
]


def parser_cases(out):
    for case in PARSER_CASES:
        try:
            out.write(json.dumps({"input": case, "repr": repr(validate(case))}) + "\n")
        except voluptuous.Invalid as e:
            out.write(json.dumps({"input": case, "error": {
                "cause": "Invalid input", "reason": str(e), "detail": [str(p) for p in e.path]}}) + "\n")
        except webob.exc.HTTPBadRequest as e:
            out.write(json.dumps({"input": case, "error": e.detail}) + "\n")


def grid(seconds):
    return numpy.array([numpy.datetime64(1425652380 + s, "s") for s in seconds]).astype("datetime64[ns]")


NAN = float("nan")
GRIDS = {
    "small": {"granularity": 1, "seconds": [0, 1, 2, 3, 5, 8],
              "columns": [[43.1, 12.0, -16.0, NAN, 9.0, 11.0], [2.0, 4.0, 5.0, 10.0, NAN, 15.0]]},
    "minutes": {"granularity": 60, "seconds": [0, 60, 120, 180, 240, 300, 360, 420, 480, 540],
                "columns": [[1.5, -2.25, 3.0, 4.0, 0.0, 7.5, -8.0, 9.0, 10.0, 0.1],
                            [0.2, 0.3, -0.7, 11.0, 13.0, 2.5, 2.5, -1.0, 6.0, 5.0],
                            [100.0, 90.0, 80.0, 70.0, 60.0, 50.0, 40.0, 30.0, 20.0, 10.0]]},
    "empty": {"granularity": 5, "seconds": [], "columns": [[], []]},
}
REFS = [["a", "mean"], ["b", "mean"], ["c", "max"]]
ALL = ["metric", ["a", "mean"], ["b", "mean"]]
ALL3 = ["metric", ["a", "mean"], ["b", "mean"], ["c", "max"]]
A = ["metric", "a", "mean"]
B = ["metric", "b", "mean"]
METHODS = ["mean", "median", "std", "min", "max", "sum", "var", "count"]

EVALUATOR_OPS = (
    [A, B, ALL, ["metric", ["b", "mean"], ["a", "mean"]]]
    + [["aggregate", m, ALL] for m in METHODS + ["rate:" + m for m in METHODS]]
    + [["rolling", m, w, ALL] for m in ["mean", "sum", "max", "min", "median", "std", "count", "rate:mean"]
       for w in [1, 2, 3]]
    + [["rolling", "mean", 10, ALL], ["rolling", "sum", 11, ALL]]
    + [["resample", m, s, ALL] for m in ["mean", "max", "min", "sum", "count", "median", "std", "rate:sum"]
       for s in [2, 120, "3 minutes"]]
    + [[op, ALL] for op in ["abs", "neg", "cos", "sin", "tan", "floor", "ceil", "rateofchange"]]
    + [[op, ALL, 2.5] for op in ["+", "-", "*", "/", "%", "**", "=", "<", ">", "<=", ">=", "!=",
                                 "clip_min", "clip_max"]]
    + [[op, -3.0, A] for op in ["-", "/", "%", "**", "<", "clip_min"]]
    + [[op, A, B] for op in ["+", "-", "*", "/", "%", "**", "eq", "lt", "gt", "le", "ge", "ne"]]
    + [["/", A, 0], ["%", ALL, 0], ["**", ALL, 0.5], ["/", 1, ALL]]
    + [["clip", ALL, 0, 5], ["clip", ALL, 1], ["clip", ALL, 10, 0], ["clip", A, B, 5]]
    + [["+", ["aggregate", "mean", ALL], 1], ["-", ["aggregate", "max", ALL], ["aggregate", "min", ALL]],
       ["*", ALL, ["aggregate", "mean", ALL]], ["aggregate", "sum", ["*", ALL, 2]],
       ["negative", ["absolute", ["aggregate", "mean", ALL]]], ["rateofchange", ["aggregate", "mean", ALL]],
       ["resample", "mean", 120, ["rolling", "max", 2, ALL]], ["aggregate", "mean", ["resample", "sum", 180, ALL3]],
       ["+", ["resample", "mean", 120, A], B], ["+", ["rateofchange", A], B], ["aggregate", "rate:max", ALL3],
       ["+", 1, 2], ["abs", -4], ["clip", 3, 1, 2], ["resample", "var", 120, ALL], ["aggregate", "mean", 3],
       ["rateofchange", 3], ["rolling", "mean", 2, 3]]
)


def encode_values(values):
    values = numpy.asarray(values, dtype=float)
    return [[number(v) for v in column] for column in values.T]


def evaluator_cases(out):
    for name, g in GRIDS.items():
        columns = numpy.array(g["columns"], dtype=float)
        width = len(columns)
        refs = REFS[:width]
        values = columns.T if columns.size else numpy.empty((0, width))
        for raw in EVALUATOR_OPS:
            if width < 3 and '["c", "max"]' in json.dumps(raw):
                continue
            case = {"grid": name, "operations": raw}
            try:
                ops = validate(raw)
                gran, times, result, aggregated = operations.evaluate(
                    ops, numpy.timedelta64(g["granularity"], "s"), grid(g["seconds"]), values, False, refs)
                if isinstance(result, numpy.ndarray):
                    case["result"] = {
                        "granularity": gran / numpy.timedelta64(1, "s"),
                        "times": [int(t) for t in numpy.asarray(times).astype("datetime64[ns]").astype("int64")],
                        "columns": encode_values(result), "aggregated": bool(aggregated)}
                else:
                    case["result"] = {"scalar": number(result), "aggregated": bool(aggregated)}
            except exceptions.UnAggregableTimeseries as e:
                case["error"] = {"kind": "unaggregable", "reason": e.reason}
            except Exception as e:
                case["error"] = {"kind": type(e).__name__}
            out.write(json.dumps(case) + "\n")


SERIES = {
    "x": {"granularity": 60, "seconds": [0, 60, 120, 180, 300], "values": [1.0, 2.0, 3.0, 4.0, 6.0]},
    "y": {"granularity": 60, "seconds": [60, 120, 240, 300, 360], "values": [10.0, 20.0, 40.0, 50.0, 60.0]},
    "z": {"granularity": 60, "seconds": [600, 660], "values": [7.0, 8.0]},
}
IDS = {"x": "3f8b2a6e-0c1d-4e2f-9a3b-5c6d7e8f9a0b", "y": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
       "z": "f0e1d2c3-b4a5-4968-8776-655443322110"}
PROCESSOR_CASES = [
    (["x", "y"], fill, overlap, start, stop, ops)
    for fill in [None, "null", "dropna", 0.0, -1.5]
    for overlap in [100.0, 50.0, 0.0]
    for (start, stop) in [(None, None), (60, None), (None, 301), (30, 400)]
    for ops in ["metric", "aggregate"]
] + [
    (["x", "z"], fill, overlap, None, None, ops)
    for fill in [None, "null", "dropna", 5.0] for overlap in [100.0, 0.0] for ops in ["metric", "aggregate"]
]


def processor_cases(out):
    for names, fill, overlap, start, stop, kind in PROCESSOR_CASES:
        refs_and_series = []
        for n in names:
            s = SERIES[n]
            metric = types.SimpleNamespace(id=IDS[n])
            ref = processor.MetricReference(metric, "mean")
            ts = carbonara.AggregatedTimeSerie.from_data(
                carbonara.Aggregation("mean", numpy.timedelta64(s["granularity"], "s"), None),
                grid(s["seconds"]), numpy.array(s["values"]))
            refs_and_series.append((ref, ts))
        metric_node = ["metric"] + [[IDS[n], "mean"] for n in names]
        ops = metric_node if kind == "metric" else ["aggregate", "sum", metric_node]
        case = {"series": {IDS[n]: SERIES[n] for n in names}, "order": [IDS[n] for n in names], "fill": fill,
                "needed_overlap": overlap, "start": start, "stop": stop, "operations": ops}
        to_ts = (lambda s: None if s is None else numpy.datetime64(1425652380 + s, "s").astype("datetime64[ns]"))
        try:
            result = processor.aggregated(refs_and_series, validate(ops), to_ts(start), to_ts(stop), overlap, fill)

            def rows(measures):
                return [[int(numpy.datetime64(t, "ns").astype("int64")), g / numpy.timedelta64(1, "s"), number(v)]
                        for t, g, v in measures]
            if "aggregated" in result:
                case["result"] = {"aggregated": rows(result["aggregated"])}
            else:
                case["result"] = {m: {a: rows(ms) for a, ms in by_agg.items()} for m, by_agg in result.items()}
        except exceptions.UnAggregableTimeseries as e:
            case["error"] = {"reason": e.reason, "detail": [list(k) for k in e.references]}
        out.write(json.dumps(case) + "\n")


if __name__ == "__main__":
    numpy.seterr(all="ignore")
    import warnings
    warnings.simplefilter("ignore")
    target = sys.argv[1]
    with open(os.path.join(target, "parser.jsonl"), "w") as f:
        parser_cases(f)
    with open(os.path.join(target, "evaluator.jsonl"), "w") as f:
        evaluator_cases(f)
    with open(os.path.join(target, "processor.jsonl"), "w") as f:
        processor_cases(f)
