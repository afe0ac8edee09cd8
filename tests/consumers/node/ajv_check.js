// Compiles a JSON Schema with Ajv in strict mode (draft 2020-12) and validates JSON
// files against it; prints {"valid": [true, false, ...], "errors": [...]} as JSON.
// Usage: node ajv_check.js SCHEMA.json FILE.json...
const fs = require("fs");
const Ajv2020 = require("ajv/dist/2020");
const addFormats = require("ajv-formats");
const [schemaPath, ...files] = process.argv.slice(2);
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
const valid = [];
const errors = [];
for (const f of files) {
  const ok = validate(JSON.parse(fs.readFileSync(f, "utf8")));
  valid.push(ok);
  errors.push(ok ? null : ajv.errorsText(validate.errors));
}
console.log(JSON.stringify({ valid, errors }));
