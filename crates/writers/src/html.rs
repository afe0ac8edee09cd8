//! The review page: a self-contained HTML page (no network, no external scripts or
//! fonts) showing an alignment link by link, the language versions side by side, with
//! sentence partners highlighted on hover or focus, flagged links marked, and
//! corrections exported as an XCES link file that `unpara align --links` reads.
//!
//! The page is rendered from the schema "1" alignment JSON (what `unpara align` writes),
//! through the minijinja template `templates/review.html` with HTML auto-escaping, so
//! `unpara review FILE.json` and `unpara align --format html` give the same page.

use std::collections::HashMap;

use minijinja::Environment;
use serde::Serialize;
use serde_json::Value;

use crate::WriteError;

/// The template of one pair's page.
const REVIEW: &str = include_str!("../templates/review.html");
/// The template of a batch's index page.
const INDEX: &str = include_str!("../templates/index.html");

/// A paragraph link as one row of the page.
#[derive(Serialize)]
struct Row {
    /// Position among the paragraph links, from 0.
    n: usize,
    score: f64,
    method: String,
    /// One-sided, or scoring below the review threshold.
    flagged: bool,
    one_sided: bool,
    /// The blocks of side a and of side b.
    cells: [Vec<Block>; 2],
}

#[derive(Serialize)]
struct Block {
    id: String,
    kind: String,
    label: Option<String>,
    /// For `table` blocks: the cells of the row.
    table_cells: Vec<String>,
    sentences: Vec<Sentence>,
    /// Footnote markers the block references.
    refs: Vec<String>,
    footnotes: Vec<Note>,
}

#[derive(Serialize)]
struct Sentence {
    /// `b3:0`: block id and position, as XCES and `--links` name it.
    id: String,
    text: String,
    /// Index of its sentence link, if any.
    link: Option<usize>,
    score: Option<f64>,
    low: bool,
    one_sided: bool,
}

#[derive(Serialize)]
struct Note {
    marker: String,
    text: String,
}

/// A flagged link for the summary's list, lowest scores first.
#[derive(Serialize)]
struct Flag {
    row: usize,
    score: f64,
    one_sided: bool,
}

fn str_of(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().map(str_of).collect())
        .unwrap_or_default()
}

/// The review page of a schema "1" alignment (the JSON `unpara align` writes).
///
/// Rows are the paragraph links in order; a row is flagged when its link is one-sided
/// or scores below `summary.sentences.low_score_below` (the review threshold, 0.5).
/// Sentences carry their sentence link's index, so the page highlights partners, and
/// sentences of low-score or one-sided sentence links are marked with their score.
///
/// # Errors
/// [`WriteError::Html`] when `alignment` is not a schema "1" alignment or the template
/// fails.
pub fn review_html(alignment: &Value) -> Result<String, WriteError> {
    let bad = |what: &str| WriteError::Html(format!("not a schema \"1\" alignment: {what}"));
    let langs = strings(&alignment["languages"]);
    let [la, lb] = [langs.first(), langs.get(1)].map(|l| l.cloned().unwrap_or_default());
    if la.is_empty() || lb.is_empty() {
        return Err(bad("no languages"));
    }
    let docs = &alignment["documents"];
    let (da, db) = (&docs[&la], &docs[&lb]);
    if !da.is_object() || !db.is_object() {
        return Err(bad("no documents"));
    }
    let threshold = alignment["summary"]["sentences"]["low_score_below"]
        .as_f64()
        .unwrap_or(0.5);
    // Sentence id → (link index, score, one-sided), per side.
    let mut sentence_link: [HashMap<String, (usize, f64, bool)>; 2] = Default::default();
    let links = alignment["sentence_links"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    let mut export_links = Vec::new();
    for (i, l) in links.iter().enumerate() {
        let (a, b) = (strings(&l[&la]), strings(&l[&lb]));
        let score = l["score"].as_f64().unwrap_or(0.0);
        let one_sided = a.is_empty() || b.is_empty();
        for (side, ids) in [(0, &a), (1, &b)] {
            for id in ids {
                if let Some(map) = sentence_link.get_mut(side) {
                    map.insert(id.clone(), (i, score, one_sided));
                }
            }
        }
        export_links.push(serde_json::json!({ "a": a, "b": b, "score": score }));
    }
    // Each document indexed once: blocks by id, footnotes by the block that cites them.
    let indexes = [DocIndex::of(da), DocIndex::of(db)];
    let cells_of = |side: usize, ids: &[String]| -> Vec<Block> {
        let Some(index) = indexes.get(side) else {
            return Vec::new();
        };
        ids.iter()
            .filter_map(|id| index.blocks.get(id.as_str()).copied())
            .map(|b| {
                let id = str_of(&b["id"]);
                let kind = str_of(&b["kind"]);
                let sentences = strings(&b["sentences"])
                    .into_iter()
                    .enumerate()
                    .map(|(k, text)| {
                        let sid = format!("{id}:{k}");
                        let hit = sentence_link.get(side).and_then(|m| m.get(&sid)).copied();
                        Sentence {
                            link: hit.map(|h| h.0),
                            score: hit.map(|h| h.1),
                            low: hit.is_some_and(|h| !h.2 && h.1 < threshold),
                            one_sided: hit.is_none_or(|h| h.2),
                            id: sid,
                            text,
                        }
                    })
                    .collect();
                Block {
                    table_cells: if kind == "table" {
                        str_of(&b["text"]).split('\t').map(str::to_string).collect()
                    } else {
                        Vec::new()
                    },
                    label: b["label"].as_str().map(str::to_string),
                    refs: strings(&b["footnote_refs"]),
                    footnotes: index
                        .notes
                        .get(id.as_str())
                        .map(Vec::as_slice)
                        .unwrap_or_default()
                        .iter()
                        .map(|f| Note {
                            marker: str_of(&f["marker"]),
                            text: str_of(&f["text"]),
                        })
                        .collect(),
                    id,
                    kind,
                    sentences,
                }
            })
            .collect()
    };
    let mut flags = Vec::new();
    let rows: Vec<Row> = alignment["paragraph_links"]
        .as_array()
        .map(|a| a.as_slice())
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(n, l)| {
            let (a, b) = (strings(&l[&la]), strings(&l[&lb]));
            let score = l["score"].as_f64().unwrap_or(0.0);
            let (one_sided, flagged) = flag_of(l, [&la, &lb], threshold);
            if flagged {
                flags.push(Flag {
                    row: n,
                    score,
                    one_sided,
                });
            }
            Row {
                n,
                score,
                method: str_of(&l["method"]),
                flagged,
                one_sided,
                cells: [cells_of(0, &a), cells_of(1, &b)],
            }
        })
        .collect();
    flags.sort_by(|x, y| x.score.total_cmp(&y.score));
    let summary = &alignment["summary"];
    let paragraph_links = summary["links"].as_u64().unwrap_or(0);
    let one_to_one = summary["one_to_one"].as_u64().unwrap_or(0);
    let share = if paragraph_links > 0 {
        format!("{:.1}", 100.0 * one_to_one as f64 / paragraph_links as f64)
    } else {
        "0.0".into()
    };
    let title = da["metadata"]["symbol"]
        .as_str()
        .or(db["metadata"]["symbol"].as_str())
        .map(str::to_string)
        .unwrap_or_else(|| str_of(&da["source"]["path"]));
    let mut env = Environment::new();
    env.add_template("review.html", REVIEW)
        .map_err(|e| WriteError::Html(e.to_string()))?;
    let page = env
        .get_template("review.html")
        .and_then(|t| {
            t.render(minijinja::Value::from(minijinja::value::Serde(
                serde_json::json!({
                    "title": title,
                    "languages": [&la, &lb],
                    "from_doc": str_of(&da["source"]["path"]),
                    "to_doc": str_of(&db["source"]["path"]),
                    "rows": rows,
                    "flags": flags,
                    "links": paragraph_links,
                    "share": share,
                    "unaligned": [
                        summary["unaligned"][&la].as_u64().unwrap_or(0),
                        summary["unaligned"][&lb].as_u64().unwrap_or(0),
                    ],
                    "sentence_links": export_links.len(),
                    "warnings": strings(&summary["warnings"]),
                    "threshold": threshold,
                    "export_links": export_links,
                }),
            )))
        })
        .map_err(|e| WriteError::Html(e.to_string()))?;
    Ok(page)
}

/// A document of the alignment, indexed once: its blocks by id, its footnotes by the
/// block that references them.
struct DocIndex<'a> {
    blocks: HashMap<&'a str, &'a Value>,
    notes: HashMap<&'a str, Vec<&'a Value>>,
}

impl<'a> DocIndex<'a> {
    fn of(doc: &'a Value) -> DocIndex<'a> {
        let list = |key: &str| doc[key].as_array().map(Vec::as_slice).unwrap_or_default();
        let blocks = list("blocks")
            .iter()
            .filter_map(|b| Some((b["id"].as_str()?, b)))
            .collect();
        let mut notes: HashMap<&str, Vec<&Value>> = HashMap::new();
        for f in list("footnotes") {
            if let Some(block) = f["block"].as_str() {
                notes.entry(block).or_default().push(f);
            }
        }
        DocIndex { blocks, notes }
    }
}

/// Whether a paragraph link is one-sided, and whether it is flagged for review:
/// one-sided or scoring below `threshold`.
fn flag_of(link: &Value, sides: [&str; 2], threshold: f64) -> (bool, bool) {
    let one_sided = sides
        .iter()
        .any(|k| link[*k].as_array().is_none_or(|s| s.is_empty()));
    (
        one_sided,
        one_sided || link["score"].as_f64().unwrap_or(0.0) < threshold,
    )
}

/// One group of a batch on its index page.
#[derive(Debug, Clone, Serialize)]
pub struct IndexEntry {
    /// The group's name (its symbol, or folder and stem).
    pub group: String,
    /// The review page's file name, relative to the index.
    pub page: String,
    /// Paragraph links, and how many are 1-1.
    pub links: u64,
    /// Paragraph links that are 1-1.
    pub one_to_one: u64,
    /// Flagged paragraph links (one-sided or low-score).
    pub flagged: usize,
    /// Sentence links.
    pub sentence_links: usize,
}

/// The index page of a batch's review pages: one row per group with its figures.
///
/// # Errors
/// [`WriteError::Html`] when the template fails.
pub fn review_index_html(entries: &[IndexEntry]) -> Result<String, WriteError> {
    let mut env = Environment::new();
    env.add_template("index.html", INDEX)
        .map_err(|e| WriteError::Html(e.to_string()))?;
    env.get_template("index.html")
        .and_then(|t| {
            t.render(minijinja::Value::from(minijinja::value::Serde(
                serde_json::json!({ "entries": entries }),
            )))
        })
        .map_err(|e| WriteError::Html(e.to_string()))
}

/// The figures of an alignment for [`IndexEntry`]: paragraph links, 1-1 links,
/// flagged paragraph links, sentence links.
pub fn review_figures(alignment: &Value) -> (u64, u64, usize, usize) {
    let threshold = alignment["summary"]["sentences"]["low_score_below"]
        .as_f64()
        .unwrap_or(0.5);
    let langs = strings(&alignment["languages"]);
    let sides = [
        langs.first().map_or("", String::as_str),
        langs.get(1).map_or("", String::as_str),
    ];
    let flagged = alignment["paragraph_links"].as_array().map_or(0, |a| {
        a.iter().filter(|l| flag_of(l, sides, threshold).1).count()
    });
    (
        alignment["summary"]["links"].as_u64().unwrap_or(0),
        alignment["summary"]["one_to_one"].as_u64().unwrap_or(0),
        flagged,
        alignment["sentence_links"].as_array().map_or(0, Vec::len),
    )
}
