"""Samples/s from Ceilometer to durable storage and to queryable aggregates, on the two paths issue 5 compares.

  ceilometer_paths.py gnocchi GNOCCHI_URL SAMPLES RESOURCES [THREADS]
      today's path: Ceilometer's gnocchi:// publisher (GnocchiPublisher, basic auth as "admin") posting
      batches of 50 samples (the polling agent's batch_size) from THREADS threads (notification agent
      workers) into the real Gnocchi. Durable: every publish_samples call returned (Gnocchi answered 202, the
      measures are in its incoming storage). Queryable: /v1/status shows no measures left to process.

  ceilometer_paths.py polenta AMQP_URL EXCHANGE ROUTING_KEY API_URL ADMIN_URL SAMPLES RESOURCES
      the listener: messages exactly as Ceilometer's notifier:// publisher sends them (the payload built by
      ceilometer.publisher.utils.meter_message_from_counter, signed, in oslo.messaging's 2.0 envelope, 50 samples a
      message), published on EXCHANGE with ROUTING_KEY to the queue a running listener consumes. Durable: the
      listener's "stored" counter (acknowledged only after Cassandra has the points) reached SAMPLES.
      Queryable: /v1/status shows no measures left to process.

Both first file one sample per resource (first sight: resources and metrics are created, timed apart), then
SAMPLES samples over RESOURCES instances x 4 meters, one minute apart per resource. Prints one JSON line.

WATCH="name=pid,name=pid" adds, per named process, the CPU seconds it spent over the whole call (cpu_s) and its
resident size at the end (rss_mb).
"""
import base64
import datetime
import json
import os
import sys
import threading
import time
import urllib.request
import uuid

from ceilometer import sample as sample_mod

METERS = [("cpu", "cumulative", "ns"), ("memory.usage", "gauge", "MB"), ("vcpus", "gauge", "vcpu"),
          ("memory", "gauge", "MB")]
BASE = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)
PER_MESSAGE = 50


def samples(resource_ids, start_round, count):
    """count samples: every resource, every meter, then the next minute."""
    out = []
    rnd = start_round
    while len(out) < count:
        ts = (BASE + datetime.timedelta(minutes=rnd)).isoformat()
        for rid in resource_ids:
            for name, kind, unit in METERS:
                out.append(sample_mod.Sample(
                    name=name, type=kind, unit=unit, volume=float(rnd * 1000 + len(out) % 97),
                    user_id="bench-user", project_id="bench-project", resource_id=rid, timestamp=ts,
                    resource_metadata={"host": "compute-1", "display_name": "vm-" + rid[:8], "image_ref": "img",
                                       "flavor": {"id": "f1", "name": "m1.small"}},
                    source="openstack"))
                if len(out) == count:
                    return out
        rnd += 1
    return out


def http_json(url, user="admin"):
    req = urllib.request.Request(url, headers={
        "Authorization": "basic " + base64.b64encode((user + ":").encode()).decode()})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.load(resp)


def backlog(api_url):
    return http_json(api_url.rstrip("/") + "/v1/status")["storage"]["summary"]["measures"]


def wait_until(predicate, timeout=1800, pause=0.1):
    deadline = time.time() + timeout

    def holds():
        # A loaded machine sometimes answers a poll with an error: that poll says "not yet", not "failed".
        try:
            return predicate()
        except (OSError, ValueError, KeyError):
            return False
    while not holds():
        if time.time() > deadline:
            raise SystemExit("timed out")
        time.sleep(pause)
    return time.time()


def chunks(items, size):
    return [items[i:i + size] for i in range(0, len(items), size)]


def gnocchi(url, count, resources, threads=4):
    from ceilometer import service
    from ceilometer import gnocchi_client
    from ceilometer.publisher import gnocchi as gnocchi_publisher
    from urllib import parse
    conf = service.prepare_service(argv=["bench"], config_files=[])
    # gnocchiclient's basic-auth plugin: what a Ceilometer pointed at a basic-auth Gnocchi is configured with.
    conf.set_override("auth_type", "gnocchi-basic", group="service_credentials")
    from keystoneauth1 import loading
    loading.register_auth_conf_options(conf, "service_credentials")
    for opt in loading.get_auth_plugin_conf_options("gnocchi-basic"):
        conf.register_opt(opt, group="service_credentials")
    conf.set_override("user", "admin", group="service_credentials")
    conf.set_override("endpoint", url, group="service_credentials")
    # The resource cache a deployment configures (oslo.cache, [cache] enabled): without it the publisher PATCHes
    # every resource of every batch, and Gnocchi's figure would be a third of what it can do.
    import oslo_cache
    oslo_cache.configure(conf)
    conf.set_override("enabled", True, group="cache")
    conf.set_override("backend", "dogpile.cache.memory", group="cache")
    gnocchi_client.upgrade_resource_types(conf)
    publisher = gnocchi_publisher.GnocchiPublisher(conf, parse.urlsplit("gnocchi://"))
    # The filtered service project is looked up in Keystone once and cached; there is no Keystone here.
    publisher._gnocchi_project_id = "no-such-project"
    ids = [str(uuid.uuid4()) for _ in range(resources)]
    first = samples(ids, 0, resources * len(METERS))
    t0 = time.time()
    for batch in chunks(first, PER_MESSAGE):
        publisher.publish_samples(batch)
    first_sight = time.time() - t0
    wait_until(lambda: backlog(url) == 0)
    steady = samples(ids, 1, count)
    batches = chunks(steady, PER_MESSAGE)
    lock = threading.Lock()

    def worker():
        while True:
            with lock:
                if not batches:
                    return
                batch = batches.pop()
            publisher.publish_samples(batch)

    t0 = time.time()
    workers = [threading.Thread(target=worker) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    durable = time.time()
    queryable = wait_until(lambda: backlog(url) == 0, pause=0.5)
    return {"path": "gnocchi-publisher", "samples": count, "resources": resources, "threads": threads,
            "first_sight_s": round(first_sight, 2), "durable_s": round(durable - t0, 2),
            "durable_samples_per_s": round(count / (durable - t0)), "queryable_s": round(queryable - t0, 2),
            "queryable_samples_per_s": round(count / (queryable - t0))}


def polenta(amqp_url, exchange, routing_key, api_url, admin_url, count, resources):
    import kombu
    from ceilometer.publisher import utils

    def envelopes(batch):
        payload = [utils.meter_message_from_counter(s, "") for s in batch]
        message = {"message_id": str(uuid.uuid4()), "publisher_id": "telemetry.publisher.bench",
                   "event_type": "metering", "priority": "SAMPLE", "payload": payload,
                   "timestamp": "2025-01-01 00:00:00.000000", "_unique_id": uuid.uuid4().hex}
        return json.dumps({"oslo.version": "2.0", "oslo.message": json.dumps(message)})

    def stored():
        return http_json(admin_url.rstrip("/") + "/admin/metrics")["counters"]["polenta.listener.stored"]["count"]

    conn = kombu.Connection(amqp_url)
    producer = kombu.Producer(conn.channel(), exchange=kombu.Exchange(exchange, type="topic", durable=False))

    def publish(bodies):
        for body in bodies:
            producer.publish(body, routing_key=routing_key, content_type="application/json",
                             content_encoding="utf-8", delivery_mode=2, priority=0, serializer=None)

    ids = [str(uuid.uuid4()) for _ in range(resources)]
    first = [envelopes(b) for b in chunks(samples(ids, 0, resources * len(METERS)), PER_MESSAGE)]
    base = stored()
    t0 = time.time()
    publish(first)
    wait_until(lambda: stored() >= base + resources * len(METERS))
    first_sight = time.time() - t0
    wait_until(lambda: backlog(api_url) == 0)
    # Bodies are built before the clock starts: Ceilometer's cost of building them is not the listener's.
    bodies = [envelopes(b) for b in chunks(samples(ids, 1, count), PER_MESSAGE)]
    base = stored()
    t0 = time.time()
    publish(bodies)
    published = time.time()
    durable = wait_until(lambda: stored() >= base + count, pause=0.05)
    queryable = wait_until(lambda: backlog(api_url) == 0, pause=0.5)
    return {"path": "polenta-listener", "samples": count, "resources": resources,
            "first_sight_s": round(first_sight, 2), "publish_s": round(published - t0, 2),
            "durable_s": round(durable - t0, 2), "durable_samples_per_s": round(count / (durable - t0)),
            "queryable_s": round(queryable - t0, 2), "queryable_samples_per_s": round(count / (queryable - t0))}


def watched():
    """name -> pid from WATCH."""
    pairs = [item.split("=", 1) for item in os.environ.get("WATCH", "").split(",") if "=" in item]
    return {name: int(pid) for name, pid in pairs}


def cpu_seconds(pid):
    fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid):
    for line in open("/proc/%d/status" % pid):
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024)
    return None


def main():
    watch = watched()
    cpu_before = {name: cpu_seconds(pid) for name, pid in watch.items()}
    mode = sys.argv[1]
    if mode == "gnocchi":
        url, count, resources = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
        threads = int(sys.argv[5]) if len(sys.argv) > 5 else 4
        result = gnocchi(url, count, resources, threads)
    elif mode == "polenta":
        amqp_url, exchange, key, api_url, admin_url = sys.argv[2:7]
        result = polenta(amqp_url, exchange, key, api_url, admin_url, int(sys.argv[7]), int(sys.argv[8]))
    else:
        raise SystemExit(__doc__)
    if watch:
        result["cpu_s"] = {name: round(cpu_seconds(pid) - cpu_before[name], 1) for name, pid in watch.items()}
        result["rss_mb"] = {name: rss_mb(pid) for name, pid in watch.items()}
    result["loadavg"] = open("/proc/loadavg").read().split()[:3]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
