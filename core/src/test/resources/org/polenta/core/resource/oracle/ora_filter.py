# Oracle: filter= strings and JSON search bodies through Gnocchi 4.4.2's own parser and schema.
import json, sys, uuid
import pecan, voluptuous
from gnocchi.rest import api
from gnocchi import utils

class Auth:
    def get_current_user(self, req):
        return "foo:bar"
class Req:
    auth_helper = Auth()
api.pecan.request = Req()

def jsonable(x):
    if isinstance(x, uuid.UUID): return {"$uuid": str(x)}
    if isinstance(x, dict): return {k: jsonable(v) for k, v in x.items()}
    if isinstance(x, list): return [jsonable(v) for v in x]
    if isinstance(x, float): return {"$float": repr(x)}
    return x

def run_string(q):
    try:
        parsed = api.QueryStringSearchAttrFilter._parse(q)
    except Exception as e:
        return {"error": getattr(e, "detail", None) or str(e), "status": getattr(e, "status_int", None)}
    try:
        v = voluptuous.Schema(api.ResourceSearchSchema, required=True)(parsed)
    except voluptuous.Invalid as e:
        return {"parsed": jsonable(parsed), "invalid": {"reason": str(e), "detail": [str(p) for p in e.path]}}
    except Exception as e:
        return {"parsed": jsonable(parsed), "crash": type(e).__name__ + ": " + str(e)}
    return {"parsed": jsonable(parsed), "valid": jsonable(v)}

def run_json(body):
    try:
        v = voluptuous.Schema(api.ResourceSearchSchema, required=True)(body)
    except voluptuous.Invalid as e:
        return {"invalid": {"reason": str(e), "detail": [str(p) for p in e.path]}}
    except Exception as e:
        return {"crash": type(e).__name__ + ": " + str(e)}
    return {"valid": jsonable(v)}

mode = sys.argv[1]
for line in open(sys.argv[2], encoding="utf-8"):
    line = line.rstrip("\n")
    if not line or line.startswith("#"):
        continue
    if mode == "string":
        q = json.loads(line)
        print(line + "\t" + json.dumps(run_string(q), ensure_ascii=False))
    else:
        print(line + "\t" + json.dumps(run_json(json.loads(line)), ensure_ascii=False))
