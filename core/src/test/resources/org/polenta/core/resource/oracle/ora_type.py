# Oracle: resource type create bodies and patches, run through Gnocchi 4.4.2's own code.
import json, sys, copy
import voluptuous, jsonpatch
from gnocchi.indexer import sqlalchemy_base as base
from gnocchi import resource_type
from gnocchi.rest import api

schema = base.RESOURCE_TYPE_SCHEMA_MANAGER
print("# extension order:", [e.name for e in schema.extensions], file=sys.stderr)

def verr(e):
    return {"invalid": {"reason": str(e), "detail": [str(p) for p in e.path]}}

def create(body):
    try:
        b = voluptuous.Schema(schema, required=True)(copy.deepcopy(body))
    except voluptuous.Invalid as e:
        return verr(e)
    b["state"] = "creating"
    try:
        rt = schema.resource_type_from_dict(**b)
    except resource_type.InvalidResourceAttribute as e:
        return {"error": "Invalid input: %s" % e}
    except Exception as e:
        return {"crash": type(e).__name__ + ": " + str(e)}
    return {"type": rt.jsonify()}

def patch(current, ops):
    # current: {"name":..., "attributes": {...}} as jsonify gives (state added)
    try:
        ops = voluptuous.Schema(api.ResourceTypeJsonPatchSchema, required=True)(copy.deepcopy(ops))
    except voluptuous.Invalid as e:
        return verr(e)
    cur = copy.deepcopy(current); cur["state"] = "active"
    try:
        nxt = jsonpatch.apply_patch(cur, ops)
    except jsonpatch.JsonPatchException as e:
        return {"error": str(e)}
    except Exception as e:
        return {"crash": type(e).__name__ + ": " + str(e)}
    del nxt["state"]
    try:
        nxt = voluptuous.Schema(schema.for_update, required=True)(nxt)
    except voluptuous.Error as e:
        return {"error": "Invalid input: %s" % e}
    add = {k: v for k, v in nxt["attributes"].items() if k not in cur["attributes"]}
    dele = [k for k in cur["attributes"] if k not in nxt["attributes"]]
    if not add and not dele:
        return {"unchanged": True}
    try:
        add_attrs = schema.attributes_from_dict(add)
    except resource_type.InvalidResourceAttribute as e:
        return {"error": "Invalid input: %s" % e}
    out = {}
    for a in add_attrs:
        j = a.jsonify(); f = a.fill
        if f is not None:
            f = str(f) if not isinstance(f, (bool, int, float, str)) else f
            if hasattr(a.fill, "isoformat"): f = a.fill.isoformat()
        j["fill"] = f
        out[a.name] = j
    return {"added": out, "removed": dele}

mode = sys.argv[1]
for line in open(sys.argv[2], encoding="utf-8"):
    line = line.rstrip("\n")
    if not line or line.startswith("#"):
        continue
    if mode == "create":
        body = json.loads(line)
        res = create(body)
        print(line + "\t" + json.dumps(res, ensure_ascii=False))
    else:
        cur, ops = line.split("\t")
        res = patch(json.loads(cur), json.loads(ops))
        print(cur + "\t" + ops + "\t" + json.dumps(res, ensure_ascii=False))
