# Oracle: POST/PATCH /v1/resource/{type} bodies through Gnocchi 4.4.2's ResourceSchema (voluptuous).
import json, sys, functools, uuid, datetime
import voluptuous
from gnocchi.rest import api
from gnocchi.indexer import sqlalchemy_base as base
schema_mgr = base.RESOURCE_TYPE_SCHEMA_MANAGER
rt = schema_mgr.resource_type_from_dict("my_custom_resource", {
    "name": {"type": "string", "required": True, "min_length": 2, "max_length": 5},
    "foobar": {"type": "string", "required": False, "min_length": 0, "max_length": 255},
    "uuid": {"type": "uuid", "required": True},
    "int": {"type": "number", "required": False, "min": -2, "max": 3},
    "float": {"type": "number", "required": False, "min": -2.3, "max": None},
    "bool": {"type": "bool", "required": False},
    "datetime": {"type": "datetime", "required": False}}, "active")
def enc(x):
    if isinstance(x, (uuid.UUID,)): return str(x)
    if isinstance(x, datetime.datetime): return x.isoformat()
    if isinstance(x, tuple): return [enc(v) for v in x]
    if isinstance(x, dict): return {k: enc(v) for k, v in x.items()}
    return x
def run(mode, body):
    s = dict(api.ResourceSchema(rt.schema))
    if mode == "create":
        s["id"] = functools.partial(api.ResourceID, creator="foo:bar")
    try:
        v = voluptuous.Schema(s, required=(mode == "create"))(body)
    except voluptuous.Invalid as e:
        return {"invalid": {"reason": str(e), "detail": [str(p) for p in e.path]}}
    except Exception as e:
        return {"crash": type(e).__name__ + ": " + str(e)}
    if v.get("started_at") and v.get("ended_at") and v["started_at"] > v["ended_at"]:
        return {"error": "Start timestamp cannot be after end timestamp"}
    return {"valid": enc(v)}
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if not line or line.startswith("#"): continue
    mode, body = line.split("\t")
    print(line + "\t" + json.dumps(run(mode, json.loads(body)), ensure_ascii=False))
