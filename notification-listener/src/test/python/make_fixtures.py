#!/usr/bin/python3
"""Expected values computed by the real Ceilometer 19 code (Debian python3-ceilometer), for the listener's tests.

Writes, into the directory given as argument:
  signature/signatures.json  - sample dicts with tricky values and the signature compute_signature() gives them
  mapping/publisher-expectations.json - for every meter of Ceilometer's gnocchi_resources.yaml, a sample and what
                               GnocchiPublisher.publish_samples would send for it (type, id, attributes, policy)
Run: /usr/bin/python3 make_fixtures.py ../resources
"""
import json
import os
import random
import sys

from ceilometer.publisher import utils
from ceilometer.publisher import gnocchi as gnocchi_publisher
from ceilometer import sample as sample_mod

SECRET = "change this for valid signing"


def signature_cases(rng):
    cases = []
    base = {
        "source": "openstack", "counter_name": "cpu", "counter_type": "cumulative", "counter_unit": "ns",
        "counter_volume": 16036261440, "user_id": "u1", "project_id": "p1", "resource_id": "r1",
        "timestamp": "2024-01-01T00:00:39.162345", "message_id": "m1", "monotonic_time": 1000.0,
    }
    metadatas = [
        {},
        {"display_name": "vm-0", "flavor": {"id": "1", "name": "m1.tiny", "vcpus": 1, "ram": 512}, "image_ref_url": None},
        {"attachments": [{"attachment_id": "3c34", "device": "/dev/vdb", "server_id": "4e89"}], "size": 8},
        {"unicode": "caf\u00e9 \u2603 \U0001F600", "quote": "it's", "both": "it's \"x\"", "ctl": "a\tb\nc\\d"},
        {"floats": 0.1, "big": 1e22, "small": 1.5e-7, "neg": -2.5, "whole": 3.0, "bool": True, "no": False},
        {"list": ["a", 1, 2.5, None, True, ["n", {"z": 1, "a": "b"}]], "tags": [], "nested": {"deeper": {"x": [1]}}},
        {"unicode_list": ["caf\u00e9", "it's", "\u2603"], "empty": {}, "zero": 0},
    ]
    for i, metadata in enumerate(metadatas):
        msg = dict(base, resource_metadata=metadata, message_id="m%d" % i)
        if i % 2:
            msg["counter_volume"] = 443.25
            msg["monotonic_time"] = None
        cases.append({"secret": SECRET, "sample": msg, "signature": utils.compute_signature(msg, SECRET)})
    # another secret, and the empty secret (no signing)
    msg = dict(base, resource_metadata={"a": "b"})
    cases.append({"secret": "s3cr\u00e9t", "sample": msg, "signature": utils.compute_signature(msg, "s3cr\u00e9t")})
    cases.append({"secret": "", "sample": msg, "signature": utils.compute_signature(msg, "")})
    for case in cases:
        # the JSON round trip the bus imposes must keep the signature valid
        back = json.loads(json.dumps(case["sample"]))
        back["message_signature"] = case["signature"]
        assert utils.verify_signature(back, case["secret"]), case
    return cases


class FakeConf(object):
    pass


def metadata_for(meter, rng):
    return {
        # instance
        "instance_host": "compute-1", "host": "hosthash", "image_ref": "b22923de-6947-4b58-ac0a-6cf1e4b74e3d",
        "launched_at": "2024-01-01T00:00:39.498581", "created_at": "2024-01-01 00:00:22+00:00",
        "deleted_at": None, "display_name": "vm-" + meter, "flavor": {"id": "1", "name": "m1.tiny"},
        "instance_type": "m1.tiny" if rng.random() < 0.5 else None,
        "user_metadata": {"server_group": "sg-1"} if rng.random() < 0.5 else {},
        # disks, vnics
        "disk_name": "vda", "vnic_name": "tapf47cee50-bf", "instance_id": "4e898369-f47c-4e50-bfe5-c244b962c768",
        # image, volume, others
        "name": "name-" + meter, "container_format": "bare", "disk_format": "qcow2", "volume_type": "lvmdriver-1",
        "image_id": "d2ba37c1-0c43-4630-b95b-ea861aa2f31b", "provider": "cinder-1", "node": "node-1",
        "status": "available", "availability_zone": "nova", "protocol": "NFS", "controller": "ctl-1",
        "switch": "sw-1", "port_number_on_switch": 7, "neutron_port_id": "np-1",
    }


def publisher_expectations(rng):
    import yaml
    with open(os.path.join(os.path.dirname(gnocchi_publisher.__file__), "data", "gnocchi_resources.yaml")) as f:
        data = yaml.safe_load(f)
    defs = [gnocchi_publisher.ResourcesDefinition(r, data["archive_policy_default"], None, None)
            for r in data["resources"]]
    metric_map = dict((m, rd) for rd in defs for m in rd.metrics)
    out = []
    for meter in sorted(metric_map):
        rd = metric_map[meter]
        ids = {"instance_disk": "4e898369-f47c-4e50-bfe5-c244b962c768-vda",
               "instance_network_interface": "instance-00000001-4e898369-f47c-4e50-bfe5-c244b962c768-tapf47cee50-bf",
               "swift_account": "AUTH_p1/x"}
        resource_id = ids.get(rd.cfg["resource_type"], "res/%s" % meter if rng.random() < 0.2 else "id-" + meter)
        metadata = metadata_for(meter, rng)
        # drop some keys so that the union fallbacks are exercised
        for key in list(metadata):
            if rng.random() < 0.15:
                del metadata[key]
        s = sample_mod.Sample(name=meter, type="gauge", unit="u", volume=rng.randint(0, 1000), user_id="u1",
                              project_id="p1", resource_id=resource_id, timestamp="2024-01-01T00:00:39.162345",
                              resource_metadata=metadata, id="id-%s" % meter)
        wire = utils.meter_message_from_counter(s, SECRET)
        out.append({
            "sample": wire,
            "expected": {
                "resource_type": rd.cfg["resource_type"],
                "resource_id": s.resource_id.replace("/", "_"),
                "attributes": rd.sample_attributes(s),
                "metric": meter,
                "archive_policy": rd.metrics[meter]["archive_policy_name"],
                "unit": s.unit,
            },
        })
    return out


def main():
    target = sys.argv[1]
    rng = random.Random(19)
    with open(os.path.join(target, "signature", "signatures.json"), "w") as f:
        json.dump(signature_cases(rng), f, indent=1, sort_keys=True)
    with open(os.path.join(target, "mapping", "publisher-expectations.json"), "w") as f:
        json.dump(publisher_expectations(rng), f, indent=1)


if __name__ == "__main__":
    main()
