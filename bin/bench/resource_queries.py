"""Resource-index benchmark: the six query shapes of issue 3 over N resources in P projects.

Runs the same load against Polenta in noauth mode (identity from X-User-Id, X-Project-Id and X-Roles) and
against the real Gnocchi 4.4.2 in basic mode (--basic-admin), one after the other:

    /usr/bin/python3 bin/bench/resource_queries.py --url http://127.0.0.1:8043 --label polenta
    /usr/bin/python3 bin/bench/resource_queries.py --url http://127.0.0.1:8042 --label gnocchi --basic-admin

Gnocchi 4.4 has no noauth mode, and in basic mode it filters nobody's listing. Its tenant listing (keystone
mode) is the listing with the policy filter auth_helper adds, {"or": [project_id = P, creator like "%:P"]}: with
--basic-admin the admin sends exactly that search, the same SQL without a token check (which favours Gnocchi).

It creates a resource type, loads the resources through the API (several client processes, keep-alive),
then runs each query shape with several clients for a fixed time and prints one JSON line per step:
p50/p99 latency in milliseconds and requests per second. Every answer is checked for its status and for
the rows it must hold, so a fast wrong answer cannot pass for a fast right one.
"""
import argparse
import http.client
import json
import multiprocessing
import random
import statistics
import sys
import time
import urllib.parse
import uuid

TYPE = "bench_instance"
ADMIN = {"X-User-Id": "bench-admin", "X-Project-Id": "bench-admin-project", "X-Roles": "admin"}
NAMESPACE = uuid.UUID("6a1b8a86-6f1c-4c11-9d3e-6d7c3c1e2b10")


def project(i):
    return str(uuid.uuid5(NAMESPACE, "project-%d" % i))


def tenant(i):
    return {"X-User-Id": "user-%d" % i, "X-Project-Id": project(i), "X-Roles": "member"}


def use_basic_admin():
    ADMIN.clear()
    ADMIN["Authorization"] = "Basic YWRtaW46"  # admin, empty password
    global BASIC_ADMIN
    BASIC_ADMIN = True


BASIC_ADMIN = False


class Client:
    def __init__(self, url):
        parsed = urllib.parse.urlsplit(url)
        self.host, self.port = parsed.hostname, parsed.port or 80
        self.prefix = parsed.path.rstrip("/")
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        all_headers = {"Accept": "application/json"}
        all_headers.update(headers or {})
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            all_headers["Content-Type"] = "application/json"
        for attempt in range(3):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
            try:
                self.conn.request(method, self.prefix + path, body=data, headers=all_headers)
                response = self.conn.getresponse()
                payload = response.read()
                return response.status, payload, response.getheader("Link")
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise


def resource_body(n, projects):
    p = n % projects
    body = {
        "id": str(uuid.uuid5(NAMESPACE, "resource-%d" % n)),
        "project_id": project(p),
        "user_id": "user-%d" % p,
        "started_at": "2026-01-01T00:00:00",
        "host": "host-%d" % (n % 500),
        "display_name": "vm-%d" % n,
        "flavor_id": "m1.%s" % ("small", "medium", "large", "xlarge")[n % 4],
    }
    # One resource in ten has ended. (Gnocchi 4.4 answers 500 to an explicit "ended_at": null.)
    if n % 10 == 0:
        body["ended_at"] = "2026-02-01T00:00:00"
    return body


def load_worker(args):
    url, projects, numbers, basic_admin = args
    if basic_admin:
        use_basic_admin()
    client = Client(url)
    failures = 0
    for n in numbers:
        status, payload, _ = client.request("POST", "/v1/resource/" + TYPE, resource_body(n, projects), ADMIN)
        if status not in (201, 409):
            failures += 1
            if failures < 5:
                print("create failed: %d %s" % (status, payload[:200]), file=sys.stderr)
    return failures


def load(url, resources, projects, clients):
    client = Client(url)
    status, payload, _ = client.request("POST", "/v1/resource_type", {
        "name": TYPE,
        "attributes": {
            "host": {"type": "string", "required": False},
            "display_name": {"type": "string", "required": False},
            "flavor_id": {"type": "string", "required": False},
        }}, ADMIN)
    if status not in (201, 409):
        raise SystemExit("cannot create the resource type: %d %s" % (status, payload[:300]))
    chunks = [(url, projects, range(start, resources, clients), BASIC_ADMIN) for start in range(clients)]
    begin = time.monotonic()
    with multiprocessing.Pool(clients) as pool:
        failures = sum(pool.map(load_worker, chunks))
    seconds = time.monotonic() - begin
    return {"step": "load", "resources": resources, "projects": projects, "seconds": round(seconds, 1),
            "creates_per_s": round(resources / seconds, 1), "failures": failures}


def shapes(resources, projects):
    """Each shape: a function (rng) -> (method, path, body, headers, check(rows) -> bool)."""

    def tenant_listing(rng):
        p = rng.randrange(projects)

        def check(rows):
            return 0 < len(rows) and all(r["project_id"] == project(p) for r in rows)
        if BASIC_ADMIN:
            policy_filter = {"or": [{"=": {"project_id": project(p)}}, {"like": {"creator": "%:" + project(p)}}]}
            return ("POST", "/v1/search/resource/%s?limit=100" % TYPE, policy_filter, ADMIN, check)
        return ("GET", "/v1/resource/%s?limit=100" % TYPE, None, tenant(p), check)

    def type_not_ended(rng):
        return ("POST", "/v1/search/resource/%s?limit=100" % TYPE, {"=": {"ended_at": None}}, ADMIN,
                lambda rows: len(rows) == 100 and all(r["ended_at"] is None for r in rows))

    def attribute_equality(rng):
        host = "host-%d" % rng.randrange(500)
        return ("POST", "/v1/search/resource/%s?limit=100" % TYPE, {"=": {"host": host}}, ADMIN,
                lambda rows: len(rows) == min(100, resources // 500) and all(r["host"] == host for r in rows))

    def like(rng):
        prefix = "vm-%d" % rng.randrange(10, 100)
        return ("POST", "/v1/search/resource/%s?limit=100" % TYPE, {"like": {"display_name": prefix + "%"}},
                ADMIN, lambda rows: 0 < len(rows) <= 100 and all(r["display_name"].startswith(prefix) for r in rows))

    def admin_across_projects(rng):
        wanted = {project(rng.randrange(projects)) for _ in range(5)}
        query = {"and": [{"in": {"project_id": sorted(wanted)}}, {"=": {"flavor_id": "m1.small"}}]}
        return ("POST", "/v1/search/resource/%s?limit=100" % TYPE, query, ADMIN,
                lambda rows: all(r["project_id"] in wanted and r["flavor_id"] == "m1.small" for r in rows))

    def paged_scan(rng):
        # One page of a full scan in the default order, from a marker somewhere along it.
        marker = str(uuid.uuid5(NAMESPACE, "resource-%d" % rng.randrange(resources)))
        return ("GET", "/v1/resource/%s?limit=1000&marker=%s" % (TYPE, marker), None, ADMIN,
                lambda rows: marker not in {r["id"] for r in rows})

    return {"tenant_listing": tenant_listing, "type_and_ended_at_null": type_not_ended,
            "attribute_equality": attribute_equality, "like": like,
            "admin_across_projects": admin_across_projects, "paged_scan": paged_scan}


def run_worker(args):
    url, shape_name, resources, projects, seconds, seed, basic_admin = args
    if basic_admin:
        use_basic_admin()
    make = shapes(resources, projects)[shape_name]
    rng = random.Random(seed)
    client = Client(url)
    latencies, wrong = [], 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        method, path, body, headers, check = make(rng)
        begin = time.perf_counter()
        status, payload, _ = client.request(method, path, body, headers)
        latencies.append((time.perf_counter() - begin) * 1000)
        if status != 200 or not check(json.loads(payload)):
            wrong += 1
            if wrong < 3:
                print("%s: unexpected answer %d %s" % (shape_name, status, payload[:200]), file=sys.stderr)
    return latencies, wrong


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def measure(url, shape_name, resources, projects, clients, seconds, warmup=0):
    with multiprocessing.Pool(clients) as pool:
        if warmup > 0:
            # Untimed: caches, JIT and connection pools of a freshly started server warm up on the same shape.
            pool.map(run_worker, [(url, shape_name, resources, projects, warmup, 1000 + i, BASIC_ADMIN)
                                  for i in range(clients)])
        jobs = [(url, shape_name, resources, projects, seconds, i, BASIC_ADMIN) for i in range(clients)]
        results = pool.map(run_worker, jobs)
    latencies = [ms for part, _ in results for ms in part]
    wrong = sum(w for _, w in results)
    return {"step": shape_name, "requests": len(latencies), "wrong": wrong,
            "p50_ms": round(statistics.median(latencies), 2), "p99_ms": round(percentile(latencies, 0.99), 2),
            "req_per_s": round(len(latencies) / seconds, 1)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--label", default="")
    parser.add_argument("--resources", type=int, default=100_000)
    parser.add_argument("--projects", type=int, default=1_000)
    parser.add_argument("--load-clients", type=int, default=8)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--warmup", type=float, default=5, help="untimed seconds of each shape before it is timed")
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--basic-admin", action="store_true",
                        help="authenticate as Gnocchi's basic-mode admin (for the real Gnocchi)")
    args = parser.parse_args()
    if args.basic_admin:
        use_basic_admin()
    out = []
    if not args.skip_load:
        out.append(load(args.url, args.resources, args.projects, args.load_clients))
        print(json.dumps(dict(out[-1], label=args.label)), flush=True)
    for name in shapes(args.resources, args.projects):
        out.append(measure(args.url, name, args.resources, args.projects, args.clients, args.seconds, args.warmup))
        print(json.dumps(dict(out[-1], label=args.label)), flush=True)
    if any(step.get("wrong") or step.get("failures") for step in out):
        sys.exit(1)


if __name__ == "__main__":
    main()
