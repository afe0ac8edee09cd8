//! JSON Lines: one line per sentence link.

use serde_json::{json, Map, Value};
use unpara_model::{Alignment, Document};

use crate::pairs::pairs;
use crate::WriteError;

/// One JSON object per sentence link, one per line: `symbol`, `languages`, the texts
/// keyed by language code, `ids` keyed by language code, `score` (3 decimals). A link
/// with one side empty has an empty text there.
///
/// # Errors
/// [`WriteError::SameLanguage`] when both documents have one language, [`WriteError::Json`] if serialization fails.
pub fn alignment_jsonl(a: &Document, b: &Document, al: &Alignment) -> Result<String, WriteError> {
    crate::check_languages(a, b)?;
    let (ka, kb) = (a.language.code(), b.language.code());
    let symbol = a.metadata.symbol.as_ref().or(b.metadata.symbol.as_ref());
    let mut out = String::new();
    for p in pairs(a, b, al) {
        let mut texts = Map::new();
        texts.insert(ka.into(), json!(p.a));
        texts.insert(kb.into(), json!(p.b));
        let mut ids = Map::new();
        ids.insert(ka.into(), json!(p.link.a));
        ids.insert(kb.into(), json!(p.link.b));
        let mut line = Map::new();
        line.insert("symbol".into(), json!(symbol));
        line.insert("languages".into(), json!([ka, kb]));
        line.extend(texts);
        line.insert("ids".into(), Value::Object(ids));
        line.insert("score".into(), json!(crate::wire::round(p.link.score)));
        out.push_str(&serde_json::to_string(&Value::Object(line))?);
        out.push('\n');
    }
    Ok(out)
}
