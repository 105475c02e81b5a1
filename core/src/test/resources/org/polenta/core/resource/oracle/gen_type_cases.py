import json
cases = []
def c(b): cases.append(b)
c({"name": "t"})
c({"name": "t", "attributes": {}})
c({})
c({"name": 5})
c({"name": "t", "extra": 1})
c({"name": "t", "attributes": []})
c({"name": "t", "attributes": {"foo": "string"}})
c({"name": "t", "attributes": {"foo": {}}})
c({"name": "t", "attributes": {"foo": {"type": "nope"}}})
c({"name": "t", "attributes": {"foo": {"type": "string", "noexist": "x"}}})
for t in ["string", "uuid", "number", "bool", "datetime"]:
    c({"name": "t", "attributes": {"foo": {"type": t}}})
    c({"name": "t", "attributes": {"foo": {"type": t, "required": False}}})
    c({"name": "t", "attributes": {"foo": {"type": t, "required": "yes"}}})
    c({"name": "t", "attributes": {"foo": {"type": t, "required": 1}}})
    c({"name": "t", "attributes": {"foo": {"type": t, "options": {"fill": None}}}})
    c({"name": "t", "attributes": {"foo": {"type": t, "min_length": 3}}})
    c({"name": "t", "attributes": {"foo": {"type": t, "min": 3}}})
for ml in [0, -1, 255, 256, 3.5, True, "3", None]:
    c({"name": "t", "attributes": {"foo": {"type": "string", "min_length": ml}}})
for ml in [0, 1, 255, 256, 3.5, True, "3", None]:
    c({"name": "t", "attributes": {"foo": {"type": "string", "max_length": ml}}})
c({"name": "t", "attributes": {"foo": {"type": "string", "min_length": 10, "max_length": 5}}})
c({"name": "t", "attributes": {"foo": {"type": "string", "min_length": 5, "max_length": 5}}})
c({"name": "t", "attributes": {"foo": {"type": "string", "min_length": 2, "max_length": 32, "required": False}}})
for v in [None, 0, -5.5, 1e300, True, "3", [1], 10]:
    c({"name": "t", "attributes": {"foo": {"type": "number", "min": v}}})
    c({"name": "t", "attributes": {"foo": {"type": "number", "max": v}}})
c({"name": "t", "attributes": {"foo": {"type": "number", "min": 10, "max": 5}}})
c({"name": "t", "attributes": {"foo": {"type": "number", "min": 10.5, "max": 10.5}}})
c({"name": "t", "attributes": {"foo": {"type": "number", "min": 2.5, "max": 1}}})
for name in ["id", "type", "metrics", "revision", "revision_start", "revision_end", "started_at", "ended_at",
             "user_id", "project_id", "created_by_user_id", "created_by_project_id", "get_metric", "creator",
             "_foo", "foo-bar", "1abc", "é", "fooé", "a" * 63, "a" * 64, "", "foo bar", "Foo_Bar9", "original_resource_id",
             "-x", "x.y"]:
    c({"name": "t", "attributes": {name: {"type": "bool"}}})
c({"name": "t", "attributes": {"a": {"type": "bool"}, "id": {"type": "bool"}}})
c({"name": "t", "attributes": {"a": {"type": "nope"}, "b": {"type": "string", "min_length": 9, "max_length": 2}}})
c({"name": "t", "attributes": {"b": {"type": "string", "min_length": 9, "max_length": 2}, "id": {"type": "bool"}}})
c({"name": "my_custom_resource", "attributes": {"name": {"type": "string", "min_length": 2, "max_length": 5}, "foobar": {"type": "string", "required": False}, "uuid": {"type": "uuid"}, "int": {"type": "number", "min": -2, "max": 3}, "intnomin": {"type": "number", "max": 3}, "float": {"type": "number", "min": -2.3}, "bool": {"type": "bool", "required": False}, "datetime": {"type": "datetime", "required": False}}})
c({"name": "t", "attributes": {"foo": {"type": "string", "max_length": 0}}})
c({"name": "t", "attributes": {"foo": {"type": "string", "min_length": 300, "max_length": 10}}})
c({"name": "t", "attributes": {"foo": {"type": 5}}})
c({"name": "t", "attributes": {"foo": None}})
c({"name": "t", "attributes": {"foo": {"type": "uuid", "required": None}}})
c({"name": "t", "attributes": None})
c({"name": None})
c({"attributes": {"foo": {"type": "uuid"}}})
c({"name": "t", "attributes": {"foo": {"type": "number", "min": "a", "max": "b"}}})
c({"name": "t", "attributes": {"foo": {"type": "string", "min_length": "a", "max_length": "b"}}})
for c_ in cases:
    print(json.dumps(c_, ensure_ascii=False))
