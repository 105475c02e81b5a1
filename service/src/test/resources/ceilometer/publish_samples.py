"""Publishes samples through Ceilometer's own notifier:// publisher (SampleNotifierPublisher), as a
ceilometer-polling or -agent-notification pipeline with `publishers: [notifier://...]` does.

usage: publish_samples.py TRANSPORT_URL EXCHANGE TOPIC TELEMETRY_SECRET < samples.json

samples.json: a JSON list of objects with Sample's constructor arguments (name, type, unit, volume, user_id,
project_id, resource_id, timestamp, resource_metadata). EXCHANGE is oslo.messaging's control_exchange
("ceilometer" in a deployment) and TOPIC the publisher's ?topic= ("metering": routing key metering.sample);
tests pass names of their own so that concurrent runs never share a queue. Prints the count sent.
"""
import json
import sys
from urllib import parse

import oslo_messaging

from ceilometer import sample as sample_mod
from ceilometer import service
from ceilometer.publisher import messaging


def main():
    url, exchange, topic, secret = sys.argv[1:5]
    conf = service.prepare_service(argv=["publish_samples"], config_files=[])
    # [publisher] telemetry_secret: each sample is signed with it, as the listener checks.
    conf.set_override("telemetry_secret", secret, group="publisher")
    # What ceilometer.messaging.setup() does with "ceilometer": the exchange oslo.messaging publishes to.
    oslo_messaging.set_transport_defaults(exchange)
    # The URL a pipeline.yaml names. Only topic: this Ceilometer hands every other query option (max_retry,
    # policy) on to the rabbit driver, which refuses them; the caller bounds the run with a timeout instead.
    netloc = parse.urlsplit(url).netloc
    publisher = messaging.SampleNotifierPublisher(
        conf, parse.urlsplit("notifier://%s/?topic=%s" % (netloc, topic)))
    samples = [sample_mod.Sample(source="openstack", **spec) for spec in json.load(sys.stdin)]
    publisher.publish_samples(samples)
    # Nothing left in the publisher's local queue: every sample reached the broker.
    if publisher.local_queue:
        sys.exit("samples left unsent: %r" % publisher.local_queue)
    publisher.notifier.transport.cleanup()
    print(len(samples))


if __name__ == "__main__":
    main()
