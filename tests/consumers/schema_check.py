"""Validates JSON files against a JSON Schema with Python's jsonschema (draft 2020-12,
the schema itself checked first); prints {"valid": [true, false, ...], "errors": [...]}
as JSON. Usage: python3 schema_check.py SCHEMA.json FILE.json..."""
import json
import sys

from jsonschema import Draft202012Validator

schema = json.load(open(sys.argv[1], encoding="utf-8"))
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
valid, errors = [], []
for path in sys.argv[2:]:
    found = [e.message for e in validator.iter_errors(json.load(open(path, encoding="utf-8")))]
    valid.append(not found)
    errors.append(found[0] if found else None)
print(json.dumps({"valid": valid, "errors": errors}))
