"""Cross-metric aggregation benchmark (issue 4): POST /v1/aggregates by metric ids and by resources with groupby.

Runs the same load against any Gnocchi-v1 URL with basic auth, so that Polenta and the real Gnocchi 4.4.2 are
measured alike, one after the other:

    /usr/bin/python3 bin/bench/aggregates_queries.py --url http://127.0.0.1:8043 --label polenta

The load, through the API: an archive policy (60 s over 7 days, 3600 s over 30 days; mean and max), a resource
type, N resources (default 1000) in P projects (default 100), each with one metric "cpu", plus 10 standalone
metrics; then one day of measures for every metric (one point a minute, 1440 a metric) in batches through
/v1/batch/resources/metrics/measures and /v1/batch/metrics/measures. It waits until /v1/status shows no backlog
(Gnocchi's metricd, Polenta's processors), so every read meets aggregated data.

The shapes, each run with several clients for a fixed time after an untimed warm-up, once the server has had
--settle seconds to finish its own background work after the load (p50/p99 in ms, requests per second):
  mean_of_10_metrics   (a) ["aggregate", "mean", ["metric", [id, "mean"] x 10]] for the day at granularity 60
  groupby_project      (b) CloudKitty's collector for one tenant: ["aggregate", "max", ["metric", "cpu", "mean"]]
                       at granularity 3600, groupby id, user_id and project_id, use_history=True, search on the
                       type and one project_id (10 resources, 10 groups)
  groupby_all          (b) the same as the admin sends it, the search on the type only (1000 groups)

Gnocchi 4.4 has no noauth mode, so a tenant's query is sent by the admin (`admin:`) with the tenant's search, to
both servers alike. Every answer is checked against the values the load implies (every point of every group), so
a fast wrong answer cannot pass for a fast right one; the check runs outside the timed part.
"""
import argparse
import base64
import http.client
import json
import multiprocessing
import random
import socket
import statistics
import sys
import time
import urllib.parse
import uuid

TYPE = "bench_agg_instance"
POLICY = "bench-agg-60s7d-1h30d"
NAMESPACE = uuid.UUID("3b0c7a52-1f8e-4b3e-9a57-0d6c2f3e4a11")
POINTS = 1440          # one a minute for a day
STANDALONE = 10


def project(i):
    return str(uuid.uuid5(NAMESPACE, "project-%d" % i))


def resource_id(n):
    return str(uuid.uuid5(NAMESPACE, "resource-%d" % n))


def cpu_value(n, minute):
    return ((n * 37 + minute * 11) % 1000) / 10.0


def standalone_value(k, minute):
    return ((k * 53 + minute * 7) % 500) / 4.0


def iso(t):
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(t))


class Client:
    def __init__(self, url, auth):
        parsed = urllib.parse.urlsplit(url)
        self.host, self.port = parsed.hostname, parsed.port or 80
        self.prefix = parsed.path.rstrip("/")
        self.headers = {"Accept": "application/json", "Content-Type": "application/json",
                        "Authorization": "Basic " + base64.b64encode(auth.encode()).decode()}
        self.conn = None

    def request(self, method, path, body=None):
        data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=300)
                self.conn.connect()
                self.conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            try:
                self.conn.request(method, self.prefix + path, body=data, headers=self.headers)
                response = self.conn.getresponse()
                payload = response.read()
                if response.will_close:
                    self.conn.close()
                    self.conn = None
                return response.status, payload
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = None
                if attempt == 1:
                    raise


# ------------------------------------------------------------------------------------------------ load

def create_resources(args):
    url, auth, projects, numbers = args
    client = Client(url, auth)
    failures = 0
    for n in numbers:
        p = n % projects
        status, payload = client.request("POST", "/v1/resource/" + TYPE, {
            "id": resource_id(n), "project_id": project(p), "user_id": "user-%d" % p,
            "host": "host-%d" % (n % 50), "metrics": {"cpu": {"archive_policy_name": POLICY}}})
        if status not in (201, 409):
            failures += 1
            if failures < 5:
                print("create failed: %d %s" % (status, payload[:200]), file=sys.stderr)
    return failures


def send_measures(args):
    url, auth, day, kind, batch = args
    client = Client(url, auth)
    if kind == "resources":
        body = {resource_id(n): {"cpu": [{"timestamp": iso(day + 60 * i), "value": cpu_value(n, i)}
                                         for i in range(POINTS)]} for n in batch}
        path = "/v1/batch/resources/metrics/measures"
    else:
        body = {mid: [{"timestamp": iso(day + 60 * i), "value": standalone_value(k, i)} for i in range(POINTS)]
                for k, mid in batch}
        path = "/v1/batch/metrics/measures"
    status, payload = client.request("POST", path, body)
    if status != 202:
        print("measures failed: %d %s" % (status, payload[:300]), file=sys.stderr)
        return 1
    return 0


def backlog(client):
    status, payload = client.request("GET", "/v1/status?details=false")
    if status != 200:
        raise SystemExit("GET /v1/status: %d %s" % (status, payload[:300]))
    return json.loads(payload)["storage"]["summary"]["measures"]


def load(url, auth, resources, projects, clients, day):
    client = Client(url, auth)
    status, payload = client.request("POST", "/v1/archive_policy", {
        "name": POLICY, "back_window": 0, "aggregation_methods": ["mean", "max"],
        "definition": [{"granularity": "60s", "timespan": "7 days"},
                       {"granularity": "3600s", "timespan": "30 days"}]})
    if status not in (201, 409):
        raise SystemExit("cannot create the archive policy: %d %s" % (status, payload[:300]))
    status, payload = client.request("POST", "/v1/resource_type", {
        "name": TYPE, "attributes": {"host": {"type": "string", "required": False}}})
    if status not in (201, 409):
        raise SystemExit("cannot create the resource type: %d %s" % (status, payload[:300]))
    begin = time.monotonic()
    with multiprocessing.Pool(clients) as pool:
        failures = sum(pool.map(create_resources,
                                [(url, auth, projects, range(s, resources, clients)) for s in range(clients)]))
    created = time.monotonic()
    standalone = []
    for k in range(STANDALONE):
        status, payload = client.request("POST", "/v1/metric",
                                         {"archive_policy_name": POLICY, "name": "bench-agg-%d" % k})
        if status != 201:
            raise SystemExit("cannot create a metric: %d %s" % (status, payload[:300]))
        standalone.append(json.loads(payload)["id"])
    jobs = [(url, auth, day, "resources", list(range(s, min(s + 25, resources)))) for s in range(0, resources, 25)]
    jobs.append((url, auth, day, "metrics", list(enumerate(standalone))))
    with multiprocessing.Pool(clients) as pool:
        failures += sum(pool.map(send_measures, jobs))
    sent = time.monotonic()
    while backlog(client) > 0:
        time.sleep(1)
    done = time.monotonic()
    points = (resources + STANDALONE) * POINTS
    return standalone, {
        "step": "load", "resources": resources, "projects": projects, "failures": failures,
        "create_seconds": round(created - begin, 1), "points": points,
        "ingest_points_per_s": round(points / (sent - created), 1),
        "end_to_end_points_per_s": round(points / (done - created), 1),
        "drain_seconds_after_ingest": round(done - sent, 1)}


# ------------------------------------------------------------------------------------------------ shapes

def close(a, b):
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def check_series(rows, expected, granularity):
    if len(rows) != len(expected):
        return "%d points, %d expected" % (len(rows), len(expected))
    for (ts, g, v), (ets, ev) in zip(rows, expected):
        if g != granularity or not close(v, ev) or ts[:19] != ets[:19]:
            return "point %s %s %s, expected %s %s" % (ts, g, v, ets, ev)
    return None


def hourly_cpu(n, day):
    return [(iso(day + 3600 * h), sum(cpu_value(n, m) for m in range(60 * h, 60 * h + 60)) / 60.0)
            for h in range(24)]


def shapes(resources, projects, day, standalone):
    window = "start=%s&stop=%s" % (urllib.parse.quote(iso(day)), urllib.parse.quote(iso(day + 86400)))
    mean10 = [(iso(day + 60 * i), sum(standalone_value(k, i) for k in range(STANDALONE)) / STANDALONE)
              for i in range(POINTS)]
    hourly = {}

    def expected_hourly(n):
        if n not in hourly:
            hourly[n] = hourly_cpu(n, day)
        return hourly[n]

    def mean_of_10_metrics(rng):
        body = {"operations": ["aggregate", "mean", ["metric"] + [[m, "mean"] for m in standalone]]}

        def check(answer):
            return check_series(answer["measures"]["aggregated"], mean10, 60.0)
        return "/v1/aggregates?%s&granularity=60" % window, body, check

    def groups_check(numbers):
        wanted = {resource_id(n): n for n in numbers}

        def check(answer):
            if not isinstance(answer, list) or len(answer) != len(wanted):
                return "%s groups, %d expected" % (len(answer) if isinstance(answer, list) else answer, len(wanted))
            for entry in answer:
                group = entry["group"]
                n = wanted.get(group.get("id"))
                if n is None or group.get("project_id") != project(n % projects) \
                        or group.get("user_id") != "user-%d" % (n % projects):
                    return "unexpected group %s" % group
                problem = check_series(entry["measures"]["measures"]["aggregated"], expected_hourly(n), 3600.0)
                if problem:
                    return "group %s: %s" % (group["id"], problem)
            return None
        return check

    cloudkitty = "/v1/aggregates?%s&granularity=3600&groupby=id&groupby=user_id&groupby=project_id&use_history=True"
    operations = ["aggregate", "max", ["metric", "cpu", "mean"]]

    def groupby_project(rng):
        p = rng.randrange(projects)
        body = {"operations": operations, "resource_type": TYPE,
                "search": {"and": [{"=": {"type": TYPE}}, {"=": {"project_id": project(p)}}]}}
        return cloudkitty % window, body, groups_check(range(p, resources, projects))

    def groupby_all(rng):
        body = {"operations": operations, "resource_type": TYPE, "search": {"=": {"type": TYPE}}}
        return cloudkitty % window, body, groups_check(range(resources))

    return {"mean_of_10_metrics": mean_of_10_metrics, "groupby_project": groupby_project,
            "groupby_all": groupby_all}


def run_worker(args):
    url, auth, shape_name, resources, projects, day, standalone, seconds, min_requests, warmup, seed = args
    make = shapes(resources, projects, day, standalone)[shape_name]
    rng = random.Random(seed)
    client = Client(url, auth)
    client.request("GET", "/v1/archive_policy/" + POLICY)   # warms the connection, not timed
    # The same requests, untimed and unchecked: a JIT compiles the path and caches fill, on both servers alike.
    warm_until = time.monotonic() + warmup
    while time.monotonic() < warm_until:
        path, body, _ = make(rng)
        client.request("POST", path, json.dumps(body).encode())
    latencies, wrong = [], 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline or len(latencies) < min_requests:
        path, body, check = make(rng)
        data = json.dumps(body).encode()
        begin = time.perf_counter()
        status, payload = client.request("POST", path, data)
        latencies.append((time.perf_counter() - begin) * 1000)
        problem = "status %d: %s" % (status, payload[:300]) if status != 200 else check(json.loads(payload))
        if problem:
            wrong += 1
            if wrong < 3:
                print("%s: wrong answer: %s" % (shape_name, problem), file=sys.stderr)
    return latencies, wrong


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def measure(url, auth, shape_name, resources, projects, day, standalone, clients, seconds, min_requests, warmup):
    jobs = [(url, auth, shape_name, resources, projects, day, standalone, seconds, min_requests, warmup, i)
            for i in range(clients)]
    begin = time.monotonic()
    with multiprocessing.Pool(clients) as pool:
        results = pool.map(run_worker, jobs)
    elapsed = time.monotonic() - begin - warmup
    latencies = [ms for part, _ in results for ms in part]
    return {"step": shape_name, "clients": clients, "requests": len(latencies), "wrong": sum(w for _, w in results),
            "p50_ms": round(statistics.median(latencies), 2), "p99_ms": round(percentile(latencies, 0.99), 2),
            "req_per_s": round(len(latencies) / elapsed, 2)}


def find_standalone(url, auth):
    client = Client(url, auth)
    ids = []
    for k in range(STANDALONE):
        status, payload = client.request("GET", "/v1/metric?name=bench-agg-%d" % k)
        found = json.loads(payload) if status == 200 else []
        if not found:
            raise SystemExit("--skip-load: no metric bench-agg-%d" % k)
        ids.append(found[0]["id"])
    return ids


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--auth", default="admin:")
    parser.add_argument("--label", default="")
    parser.add_argument("--resources", type=int, default=1000)
    parser.add_argument("--projects", type=int, default=100)
    parser.add_argument("--day", type=int, default=None,
                        help="start of the loaded day, epoch seconds (default: yesterday 00:00 UTC)")
    parser.add_argument("--load-clients", type=int, default=4)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--min-requests", type=int, default=3, help="per client, however long they take")
    parser.add_argument("--warmup", type=float, default=5, help="untimed seconds of each shape before measuring it")
    parser.add_argument("--settle", type=float, default=30,
                        help="seconds to wait once the backlog is empty (the storage's own background work after the "
                             "load: flushes, compactions) before measuring")
    parser.add_argument("--shapes", default="mean_of_10_metrics,groupby_project,groupby_all")
    parser.add_argument("--skip-load", action="store_true")
    args = parser.parse_args()
    day = args.day if args.day is not None else (int(time.time()) // 86400 - 1) * 86400
    out = []
    if args.skip_load:
        standalone = find_standalone(args.url, args.auth)
    else:
        standalone, step = load(args.url, args.auth, args.resources, args.projects, args.load_clients, day)
        out.append(step)
        print(json.dumps(dict(step, label=args.label, day=iso(day))), flush=True)
        time.sleep(args.settle)
    for name in args.shapes.split(","):
        out.append(measure(args.url, args.auth, name, args.resources, args.projects, day, standalone,
                           args.clients, args.seconds, args.min_requests, args.warmup))
        print(json.dumps(dict(out[-1], label=args.label)), flush=True)
    if any(step.get("wrong") or step.get("failures") for step in out):
        sys.exit(1)


if __name__ == "__main__":
    main()
