//! Wire structs of schema "1". Side keys of a pair are the documents' language codes.

use serde::Serialize;
use serde_json::{json, Map, Value};
use unpara_model::{Alignment, Document};

/// Contract version written in every output.
pub(crate) const SCHEMA_VERSION: &str = "1";

#[derive(Serialize)]
pub(crate) struct WireDocument<'a> {
    schema_version: &'static str,
    source: WireSource<'a>,
    language: &'static str,
    metadata: WireMetadata<'a>,
    blocks: Vec<WireBlock<'a>>,
    footnotes: Vec<WireFootnote<'a>>,
    diagnostics: WireDiagnostics<'a>,
}

#[derive(Serialize)]
struct WireSource<'a> {
    path: &'a str,
    format: &'static str,
    sha256: &'a str,
    pages: u32,
    producer: Option<&'a str>,
}

#[derive(Serialize)]
struct WireMetadata<'a> {
    symbol: Option<&'a str>,
    job_number: Option<&'a str>,
    distribution: Option<&'a str>,
    date: Option<&'a str>,
    original_language: Option<&'static str>,
    title: Option<&'a str>,
}

#[derive(Serialize)]
struct WireBlock<'a> {
    id: &'a str,
    kind: &'static str,
    label: Option<&'a str>,
    level: Option<u8>,
    number: Option<&'a str>,
    parent: Option<&'a str>,
    text: &'a str,
    pages: &'a [u32],
    footnote_refs: &'a [String],
    sentences: &'a [String],
}

#[derive(Serialize)]
struct WireFootnote<'a> {
    marker: &'a str,
    text: &'a str,
    page: u32,
    block: Option<&'a str>,
}

#[derive(Serialize)]
struct WireDiagnostics<'a> {
    undecodable_glyphs: u64,
    warnings: &'a [String],
}

pub(crate) fn document(d: &Document) -> WireDocument<'_> {
    let m = &d.metadata;
    WireDocument {
        schema_version: SCHEMA_VERSION,
        source: WireSource {
            path: &d.source.path,
            format: d.source.format.as_str(),
            sha256: &d.source.sha256,
            pages: d.source.pages,
            producer: d.source.producer.as_deref(),
        },
        language: d.language.code(),
        metadata: WireMetadata {
            symbol: m.symbol.as_deref(),
            job_number: m.job_number.as_deref(),
            distribution: m.distribution.as_deref(),
            date: m.date.as_deref(),
            original_language: m.original_language.map(|l| l.code()),
            title: m.title.as_deref(),
        },
        blocks: d
            .blocks
            .iter()
            .map(|b| WireBlock {
                id: &b.id,
                kind: b.kind.as_str(),
                label: b.label.as_deref(),
                level: b.level,
                number: b.number.as_deref(),
                parent: b.parent.as_deref(),
                text: &b.text,
                pages: &b.pages,
                footnote_refs: &b.footnote_refs,
                sentences: &b.sentences,
            })
            .collect(),
        footnotes: d
            .footnotes
            .iter()
            .map(|f| WireFootnote {
                marker: &f.marker,
                text: &f.text,
                page: f.page,
                block: f.block.as_deref(),
            })
            .collect(),
        diagnostics: WireDiagnostics {
            undecodable_glyphs: d.diagnostics.undecodable_glyphs,
            warnings: &d.diagnostics.warnings,
        },
    }
}

fn sides<T: Serialize>(ka: &str, a: T, kb: &str, b: T) -> Value {
    let mut map = Map::new();
    map.insert(ka.to_string(), json!(a));
    map.insert(kb.to_string(), json!(b));
    Value::Object(map)
}

fn with(mut obj: Value, extra: &[(&str, Value)]) -> Value {
    if let Value::Object(map) = &mut obj {
        for (k, v) in extra {
            map.insert((*k).to_string(), v.clone());
        }
    }
    obj
}

pub(crate) fn alignment(a: &Document, b: &Document, al: &Alignment) -> Value {
    let (ka, kb) = (a.language.code(), b.language.code());
    json!({
        "schema_version": SCHEMA_VERSION,
        "languages": [ka, kb],
        "documents": sides(ka, json!(document(a)), kb, json!(document(b))),
        "paragraph_links": al.paragraph_links.iter().map(|l| with(sides(ka, &l.a, kb, &l.b),
            &[("method", json!(l.method)), ("score", json!(round(l.score)))])).collect::<Vec<_>>(),
        "footnote_links": al.footnote_links.iter().map(|l| sides(ka, &l.a, kb, &l.b)).collect::<Vec<_>>(),
        "sentence_links": al.sentence_links.iter().map(|l| with(sides(ka, &l.a, kb, &l.b),
            &[("score", json!(round(l.score)))])).collect::<Vec<_>>(),
        "summary": {
            "links": al.summary.links,
            "one_to_one": al.summary.one_to_one,
            "unaligned": sides(ka, al.summary.unaligned_a, kb, al.summary.unaligned_b),
            "sentences": {
                "links": al.summary.sentences.links,
                "one_to_one": al.summary.sentences.one_to_one,
                "unaligned": sides(ka, al.summary.sentences.unaligned_a, kb, al.summary.sentences.unaligned_b),
                "low_score": al.summary.sentences.low_score,
                "low_score_below": round(al.summary.sentences.threshold),
            },
        },
    })
}

/// Scores to 3 decimals: more digits carry no information and churn golden files.
pub(crate) fn round(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}
