//! Writers of an aligned set (all language versions of one document): its JSON, and
//! its sentence links as JSON Lines and TMX with every language in one record.

use quick_xml::events::{BytesEnd, BytesStart, Event};
use quick_xml::Writer;
use serde_json::{json, Map, Value};
use unpara_model::{Document, MultiAlignment, MultiLink};

use crate::pairs::{xml_safe, Sentences};
use crate::{Export, WriteError};

/// The versions must have distinct languages: every key of a set names one.
fn check_distinct(docs: &[&Document]) -> Result<(), WriteError> {
    for (i, d) in docs.iter().enumerate() {
        if docs.iter().skip(i + 1).any(|e| e.language == d.language) {
            return Err(WriteError::SameLanguage(d.language.code()));
        }
    }
    Ok(())
}

/// The schema "1" JSON of an aligned set (see the `set` schema of [`crate::json_schema`]),
/// pretty-printed, with a final newline.
///
/// # Errors
/// [`WriteError::SameLanguage`] when two versions have one language,
/// [`WriteError::Json`] if serialization fails.
pub fn set_json(docs: &[&Document], al: &MultiAlignment) -> Result<String, WriteError> {
    check_distinct(docs)?;
    let mut s = serde_json::to_string_pretty(&crate::wire_set::set(docs, al))?;
    s.push('\n');
    Ok(s)
}

/// One sentence link of a set with its texts per version ("" where a version has none).
struct Unit<'l> {
    link: &'l MultiLink,
    texts: Vec<String>,
}

/// The set's sentence links that hold sentences of at least two versions and that
/// `export` keeps: a score floor, and with `one_to_one` one sentence per version that
/// has a part.
fn units<'l>(docs: &[&Document], al: &'l MultiAlignment, export: &Export) -> Vec<Unit<'l>> {
    let sentences: Vec<Sentences> = docs.iter().map(|d| Sentences::new(d)).collect();
    al.sentence_links
        .iter()
        .filter(|l| l.ids.iter().filter(|s| !s.is_empty()).count() >= 2)
        .filter(|l| export.min_score.is_none_or(|floor| l.score >= floor))
        .filter(|l| !export.one_to_one || l.ids.iter().all(|s| s.len() <= 1))
        .map(|link| Unit {
            link,
            texts: sentences
                .iter()
                .zip(&link.ids)
                .map(|(s, ids)| s.text(ids))
                .collect(),
        })
        .collect()
}

/// The set's name: the symbol any version prints, else `export.group`, else the first
/// version's folder and stem ([`unpara_model::pair_key`]).
fn group(docs: &[&Document], export: &Export) -> String {
    if let Some(g) = &export.group {
        return g.clone();
    }
    if let Some(s) = docs.iter().find_map(|d| d.metadata.symbol.clone()) {
        return s;
    }
    docs.first().map_or_else(String::new, |d| {
        unpara_model::pair_key(std::path::Path::new(&d.source.path), d.language)
    })
}

/// One JSON object per sentence link of the set holding at least two versions, one per
/// line: `group`, `symbol`, `languages` (every version's code), the text of each
/// version keyed by its code ("" where it has no sentence in the link), `translation`
/// (the same keyed by language tag, what translation recipes read), `ids` per version,
/// `score`. Every line has every key, so loaders that infer columns read them alike.
///
/// # Errors
/// [`WriteError::SameLanguage`] when two versions have one language,
/// [`WriteError::Json`] if serialization fails.
pub fn set_jsonl(
    docs: &[&Document],
    al: &MultiAlignment,
    export: &Export,
) -> Result<String, WriteError> {
    check_distinct(docs)?;
    let group = group(docs, export);
    let symbol = docs
        .iter()
        .find_map(|d| d.metadata.symbol.clone())
        .unwrap_or_default();
    let codes: Vec<&str> = docs.iter().map(|d| d.language.code()).collect();
    let mut out = String::new();
    for u in units(docs, al, export) {
        let mut line = Map::new();
        line.insert("group".into(), json!(group));
        line.insert("symbol".into(), json!(symbol));
        line.insert("languages".into(), json!(codes));
        let (mut translation, mut ids) = (Map::new(), Map::new());
        for ((d, text), sides) in docs.iter().zip(&u.texts).zip(&u.link.ids) {
            line.insert(d.language.code().into(), json!(text));
            translation.insert(export.tag(d.language).into(), json!(text));
            ids.insert(d.language.code().into(), json!(sides));
        }
        line.insert("translation".into(), Value::Object(translation));
        line.insert("ids".into(), Value::Object(ids));
        line.insert("score".into(), json!(crate::wire::round(u.link.score)));
        out.push_str(&serde_json::to_string(&Value::Object(line))?);
        out.push('\n');
    }
    Ok(out)
}

/// The translation memory of a set: one `<tu>` per sentence link holding at least two
/// versions, with one `<tuv>` per version that has a sentence in it (TMX 1.4b allows
/// any number of variants per unit, section 3.3). `srclang` is the original language
/// when a version's front page names one of the set's, else `*all*`; the `<tu>`'s
/// `tuid`, props and each `<tuv>`'s `source-document` prop as [`crate::alignment_tmx`].
///
/// # Errors
/// [`WriteError::SameLanguage`] when two versions have one language,
/// [`WriteError::Xml`] if the XML cannot be written.
pub fn set_tmx(
    docs: &[&Document],
    al: &MultiAlignment,
    export: &Export,
) -> Result<String, WriteError> {
    check_distinct(docs)?;
    let original = docs
        .iter()
        .find_map(|d| d.metadata.original_language)
        .filter(|o| docs.iter().any(|d| d.language == *o));
    let srclang = original.map_or("*all*", |o| export.tag(o));
    let mut s = crate::tmx_head(srclang)?;
    s.push_str(&set_tmx_units(docs, al, export)?);
    s.push_str(crate::TMX_TAIL);
    Ok(s)
}

/// The `<tu>` elements of a set (see [`set_tmx`]), for a TMX body such as a batch's
/// corpus-wide memory.
///
/// # Errors
/// [`WriteError::SameLanguage`] when two versions have one language,
/// [`WriteError::Xml`] if the XML cannot be written.
pub fn set_tmx_units(
    docs: &[&Document],
    al: &MultiAlignment,
    export: &Export,
) -> Result<String, WriteError> {
    check_distinct(docs)?;
    let mut s = String::new();
    let group = xml_safe(&group(docs, export));
    let symbol = docs
        .iter()
        .find_map(|d| d.metadata.symbol.as_deref())
        .map(xml_safe);
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    for (n, u) in units(docs, al, export).into_iter().enumerate() {
        let mut tu = BytesStart::new("tu");
        tu.push_attribute(("tuid", format!("{group}:{}", n + 1).as_str()));
        w.write_event(Event::Start(tu))?;
        let ids = u
            .link
            .ids
            .iter()
            .map(|s| s.join(" "))
            .collect::<Vec<_>>()
            .join(";");
        let score = format!("{}", crate::wire::round(u.link.score));
        crate::tmx::unit_props(&mut w, symbol.as_deref(), &score, &ids)?;
        for ((d, text), sides) in docs.iter().zip(&u.texts).zip(&u.link.ids) {
            if !sides.is_empty() {
                crate::tmx::variant(&mut w, export.tag(d.language), &d.source.path, text)?;
            }
        }
        w.write_event(Event::End(BytesEnd::new("tu")))?;
    }
    let units = String::from_utf8(w.into_inner()).map_err(|e| WriteError::Xml(e.to_string()))?;
    if !units.is_empty() {
        s.push_str(&units);
        s.push('\n');
    }
    Ok(s)
}
