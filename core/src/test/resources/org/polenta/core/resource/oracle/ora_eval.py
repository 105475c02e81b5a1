# Oracle: which fixture resources Gnocchi 4.4.2 (PostgreSQL indexer) returns for each filter.
import json, sys, uuid, datetime
from common import get_indexer
from gnocchi import indexer, utils
from gnocchi.indexer import sqlalchemy_base as base

idx = get_indexer(False)
schema = base.RESOURCE_TYPE_SCHEMA_MANAGER
TYPE = "oracle_rt"
try:
    idx.get_resource_type(TYPE)
except indexer.NoSuchResourceType:
    rt = schema.resource_type_from_dict(TYPE, {
        "name": {"type": "string", "required": False, "min_length": 0, "max_length": 255},
        "ref": {"type": "uuid", "required": False},
        "size": {"type": "number", "required": False, "min": None, "max": None},
        "flag": {"type": "bool", "required": False},
        "seen": {"type": "datetime", "required": False}}, "creating")
    idx.create_resource_type(rt)
    for r in json.load(open("fixture_resources.json")):
        rid = utils.ResourceUUID(r["id"], r["creator"])
        attrs = {k: r[k] for k in ["name", "ref", "size", "flag", "seen"]}
        if attrs["ref"]: attrs["ref"] = uuid.UUID(attrs["ref"])
        if attrs["seen"]: attrs["seen"] = utils.to_datetime(attrs["seen"])
        idx.create_resource(TYPE, rid, r["creator"], user_id=r["user_id"], project_id=r["project_id"],
                            started_at=utils.to_datetime(r["started_at"]),
                            ended_at=utils.to_datetime(r["ended_at"]) if r["ended_at"] else None,
                            original_resource_id=r["id"], **attrs)

def decode(x):
    if isinstance(x, dict):
        if "$uuid" in x: return uuid.UUID(x["$uuid"])
        if "$float" in x: return float(x["$float"])
        return {k: decode(v) for k, v in x.items()}
    if isinstance(x, list): return [decode(v) for v in x]
    return x

for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if not line or line.startswith("#"): continue
    f = decode(json.loads(line))
    try:
        rs = idx.list_resources(TYPE, attribute_filter=f)
        out = {"ids": sorted(r.original_resource_id for r in rs)}
    except indexer.IndexerException as e:
        out = {"error": str(e)}
    except Exception as e:
        out = {"crash": type(e).__name__ + ": " + str(e).split("\n")[0]}
    print(line + "\t" + json.dumps(out, ensure_ascii=False))
