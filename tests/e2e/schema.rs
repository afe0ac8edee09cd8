//! Issue 6: `unpara schema` is generated from the writer's types; every field of real
//! outputs (a document, an aligned pair) is described by it, and every field it
//! requires is there.

use serde_json::{Map, Value};

use crate::helpers::{unpara, unpara_json};

/// The schema of one node, with `$ref`, `allOf` and `Option` (`anyOf` with null)
/// resolved, as a merged object.
fn resolve<'a>(schema: &'a Value, defs: &'a Map<String, Value>) -> Vec<&'a Value> {
    if let Some(r) = schema["$ref"].as_str() {
        let name = r.rsplit('/').next().unwrap_or_default();
        return defs.get(name).map(|d| resolve(d, defs)).unwrap_or_default();
    }
    let mut out = vec![schema];
    for key in ["allOf", "anyOf", "oneOf"] {
        if let Some(parts) = schema[key].as_array() {
            out.extend(parts.iter().flat_map(|p| resolve(p, defs)));
        }
    }
    out
}

fn check(
    value: &Value,
    schema: &Value,
    defs: &Map<String, Value>,
    path: &str,
    errors: &mut Vec<String>,
) {
    let parts = resolve(schema, defs);
    match value {
        Value::Object(map) => {
            let mut props = Map::new();
            let mut required = Vec::new();
            for p in &parts {
                if let Some(o) = p["properties"].as_object() {
                    props.extend(o.clone());
                }
                if let Some(r) = p["required"].as_array() {
                    required.extend(r.iter().filter_map(Value::as_str).map(str::to_string));
                }
            }
            for (k, v) in map {
                match props.get(k) {
                    Some(s) => check(v, s, defs, &format!("{path}.{k}"), errors),
                    None => errors.push(format!("{path}.{k}: not in the schema")),
                }
            }
            for r in required.iter().filter(|r| !map.contains_key(r.as_str())) {
                errors.push(format!("{path}.{r}: required by the schema, missing"));
            }
        }
        Value::Array(items) => {
            if let Some(s) = parts.iter().find_map(|p| p.get("items")) {
                for (i, v) in items.iter().take(5).enumerate() {
                    check(v, s, defs, &format!("{path}[{i}]"), errors);
                }
            }
        }
        _ => {}
    }
}

fn schema(which: &str) -> Value {
    let out = unpara(&["schema", which]);
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).expect("schema JSON")
}

#[test]
fn outputs_match_their_schema() {
    let cases = [
        (
            "document",
            unpara_json(&["extract", "fixtures/CAC_COSP_WG.4_2017_4/zh.pdf"]),
        ),
        ("alignment", crate::cac_fixture::aligned().clone()),
    ];
    for (which, output) in cases {
        let s = schema(which);
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
        let defs = s["$defs"].as_object().cloned().unwrap_or_default();
        let mut errors = Vec::new();
        check(&output, &s, &defs, which, &mut errors);
        assert!(errors.is_empty(), "{errors:#?}");
        // The check can fail: a field the types do not have is caught.
        let mut tampered = output.clone();
        let blocks = if which == "document" {
            &mut tampered["blocks"]
        } else {
            &mut tampered["documents"]["zh"]["blocks"]
        };
        blocks[0]["bogus"] = Value::Bool(true);
        let mut errors = Vec::new();
        check(&tampered, &s, &defs, which, &mut errors);
        assert_eq!(errors.len(), 1, "{errors:?}");
    }
}
