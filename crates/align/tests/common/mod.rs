//! Documents for the alignment tests, and the check that a constructed pair links as its
//! reference says: the fixture's gold (`fixtures/CAC_COSP_WG.4_2017_4/gold.json`, built
//! into documents block by block with its labels, numbers and sentences), its DOCX
//! pair, and the UDHR XML pair of `../shared/corpus/udhr-xml/` when it is there.
#![allow(dead_code)]

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use serde_json::Value;
use unpara_model::{
    Alignment, Block, BlockKind, Diagnostics, Document, Lang, Metadata, Source, SourceFormat,
};

/// The repository's root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The gold of the fixture.
pub fn gold() -> Value {
    let path = root().join("fixtures/CAC_COSP_WG.4_2017_4/gold.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

/// One language of the gold as a document: blocks with the gold's ids, kinds, labels,
/// numbers, parents, texts and sentences.
pub fn gold_document(gold: &Value, lang: Lang) -> Document {
    let code = lang.code();
    let blocks = gold["blocks"]
        .as_array()
        .expect("gold blocks")
        .iter()
        .map(|b| Block {
            id: b["id"].as_str().expect("id").to_string(),
            kind: match b["kind"].as_str() {
                Some("heading") => BlockKind::Heading,
                Some("item") => BlockKind::Item,
                Some("paragraph") => BlockKind::Paragraph,
                _ => BlockKind::Text,
            },
            label: b["label"][code].as_str().map(String::from),
            level: None,
            number: b["number"].as_str().map(String::from),
            parent: b["parent"].as_str().map(String::from),
            text: b[code].as_str().expect("text").to_string(),
            pages: vec![1],
            footnote_refs: vec![],
            sentences: b["sentences"][code]
                .as_array()
                .expect("sentences")
                .iter()
                .map(|s| s.as_str().expect("sentence").to_string())
                .collect(),
        })
        .collect();
    document(
        &format!("gold.{code}"),
        lang,
        gold["symbol"].as_str(),
        blocks,
    )
}

/// A document of these blocks.
pub fn document(path: &str, lang: Lang, symbol: Option<&str>, blocks: Vec<Block>) -> Document {
    Document {
        source: Source {
            path: path.into(),
            format: SourceFormat::Pdf,
            sha256: String::new(),
            pages: 1,
            producer: None,
        },
        language: lang,
        metadata: Metadata {
            symbol: symbol.map(String::from),
            ..Default::default()
        },
        blocks,
        footnotes: vec![],
        diagnostics: Diagnostics::default(),
    }
}

/// The gold sentence links of the fixture, as (zh sentence id, en sentence id) pairs
/// (`p12:0`), every pair of a many-to-many link.
pub fn gold_sentence_pairs(gold: &Value) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for b in gold["blocks"].as_array().expect("blocks") {
        let id = b["id"].as_str().expect("id");
        for link in b["sentences"]["links"].as_array().expect("links") {
            for z in link[0].as_array().expect("zh") {
                for e in link[1].as_array().expect("en") {
                    out.insert((format!("{id}:{z}"), format!("{id}:{e}")));
                }
            }
        }
    }
    out
}

/// A DOCX file of the fixture, read and built as the CLI does.
pub fn docx(name: &str, lang: Lang) -> Document {
    let path = root().join("fixtures/CAC_COSP_WG.4_2017_4").join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let flow = unpara_xml::read_docx(&bytes, &Default::default()).expect("docx");
    let source = Source {
        path: name.into(),
        format: SourceFormat::Docx,
        sha256: String::new(),
        pages: flow.pages.unwrap_or(1),
        producer: None,
    };
    let mut doc =
        unpara_structure::build_document_from_flow(&flow, source, Some(lang)).expect("structure");
    unpara_sentences::segment_document(&mut doc);
    doc
}

/// A UDHR XML file of `../shared/corpus/udhr-xml/`, or `None` (the corpus is not
/// committed; the caller says the test is skipped).
pub fn udhr(lang: &str) -> Option<Document> {
    let path = root()
        .join("../shared/corpus/udhr-xml")
        .join(format!("{lang}.xml"));
    let bytes = std::fs::read(&path).ok()?;
    let mut doc = unpara_xml::read_xml(&bytes, &Default::default()).expect("udhr xml");
    unpara_sentences::segment_document(&mut doc);
    Some(doc)
}

/// Says visibly that a test did not run, and why: written to the process's standard
/// error directly, past the test harness's capture of `eprintln!`, so that it shows in
/// the `cargo test` output of a passing test.
pub fn skipped(why: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "skipped: {why}");
}

/// Block-id pairs of an alignment's two-sided paragraph links.
pub fn pairs(al: &Alignment) -> BTreeSet<(String, String)> {
    al.paragraph_links
        .iter()
        .flat_map(|l| {
            l.a.iter()
                .flat_map(move |x| l.b.iter().map(move |y| (x.clone(), y.clone())))
        })
        .collect()
}

/// The one-sided blocks of an alignment, side a and side b.
pub fn one_sided(al: &Alignment) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut a = BTreeSet::new();
    let mut b = BTreeSet::new();
    for l in &al.paragraph_links {
        if l.b.is_empty() {
            a.extend(l.a.iter().cloned());
        }
        if l.a.is_empty() {
            b.extend(l.b.iter().cloned());
        }
    }
    (a, b)
}

/// Checks a constructed pair against the reference pairs of the unmodified one: every
/// reference pair whose blocks both remain is linked, no other pair is, and every
/// remaining block whose partners are all gone is one-sided. Returns the problems.
pub fn check(
    al: &Alignment,
    reference: &BTreeSet<(String, String)>,
    a: &Document,
    b: &Document,
) -> Vec<String> {
    let ids =
        |d: &Document| -> BTreeSet<String> { d.blocks.iter().map(|x| x.id.clone()).collect() };
    let (ia, ib) = (ids(a), ids(b));
    let expected: BTreeSet<(String, String)> = reference
        .iter()
        .filter(|(x, y)| ia.contains(x) && ib.contains(y))
        .cloned()
        .collect();
    let got = pairs(al);
    let mut problems: Vec<String> = Vec::new();
    for p in expected.difference(&got) {
        problems.push(format!("missing {p:?}"));
    }
    for p in got.difference(&expected) {
        problems.push(format!("wrong {p:?}"));
    }
    let partnered = |side: usize| -> BTreeSet<String> {
        expected
            .iter()
            .map(|(x, y)| if side == 0 { x.clone() } else { y.clone() })
            .collect()
    };
    let (oa, ob) = one_sided(al);
    for x in ia.difference(&partnered(0)) {
        if !oa.contains(x) {
            problems.push(format!("{x} of side a should be one-sided"));
        }
    }
    for y in ib.difference(&partnered(1)) {
        if !ob.contains(y) {
            problems.push(format!("{y} of side b should be one-sided"));
        }
    }
    problems
}

/// The texts of blocks by id, for messages.
pub fn texts(d: &Document) -> HashMap<String, String> {
    d.blocks
        .iter()
        .map(|b| (b.id.clone(), b.text.chars().take(30).collect()))
        .collect()
}
