//! JSON Lines: one line per sentence link.

use serde_json::{json, Map, Value};
use unpara_model::{Alignment, Document};

use crate::pairs::{group, pairs};
use crate::{Export, WriteError};

/// One JSON object per sentence link that `export` keeps, one per line: `group` (the
/// document symbol, or the pair's path without language and extension when it prints
/// none), `symbol` (a string, empty when the documents print none: loaders that infer
/// one type per column, such as Hugging Face `datasets`, then read several files
/// alike), `languages`, the texts keyed by language code, `translation` (the same
/// texts keyed by language tag, the form translation recipes read), `ids` keyed by
/// language code, `score` (3 decimals). A link with one side empty has an empty text
/// there.
///
/// # Errors
/// [`WriteError::SameLanguage`] when both documents have one language, [`WriteError::Json`] if serialization fails.
pub fn alignment_jsonl(
    a: &Document,
    b: &Document,
    al: &Alignment,
    export: &Export,
) -> Result<String, WriteError> {
    crate::check_languages(a, b)?;
    let (ka, kb) = (a.language.code(), b.language.code());
    let (ta, tb) = (export.tag(a.language), export.tag(b.language));
    let symbol = a.metadata.symbol.as_ref().or(b.metadata.symbol.as_ref());
    let group = group(a, b, export);
    let mut out = String::new();
    for p in pairs(a, b, al, export) {
        let mut texts = Map::new();
        texts.insert(ka.into(), json!(p.a));
        texts.insert(kb.into(), json!(p.b));
        let mut translation = Map::new();
        translation.insert(ta.into(), json!(p.a));
        translation.insert(tb.into(), json!(p.b));
        let mut ids = Map::new();
        ids.insert(ka.into(), json!(p.link.a));
        ids.insert(kb.into(), json!(p.link.b));
        let mut line = Map::new();
        line.insert("group".into(), json!(group));
        line.insert("symbol".into(), json!(symbol.map_or("", String::as_str)));
        line.insert("languages".into(), json!([ka, kb]));
        line.extend(texts);
        line.insert("translation".into(), Value::Object(translation));
        line.insert("ids".into(), Value::Object(ids));
        line.insert("score".into(), json!(crate::wire::round(p.link.score)));
        out.push_str(&serde_json::to_string(&Value::Object(line))?);
        out.push('\n');
    }
    Ok(out)
}
