//! Issue 10, the layout matrix: the fixture's text (`fixtures/layouts/*/`, from
//! `gold.json`) and the UDHR (`target/layouts-udhr/*/`, generated from the shared
//! corpus by `tools/typeset`, never committed) typeset in 28 layouts by LibreOffice,
//! Typst, WeasyPrint and Chromium with Paged.js (ten of them held out while the rules
//! were written). On every layout:
//!
//! * fixture: the 93 paragraphs with gold text (at most 0.1 % character edits over all
//!   of them), no running header or footer text in any block, every footnote of
//!   `truth.json` found with its text and anchored to its block, the front page's
//!   metadata and title, paragraph-link F1 of the aligned pair ≥ 0.99 against gold;
//! * UDHR: 30 article headings, one block per preamble clause, paragraph-link F1 ≥ 0.98
//!   against the links of the XML pair, sentence-link strict F1 ≥ 0.97 against the
//!   XML pair's hand-checked sentence links (`tests/gold/udhr-sentence-links.json`).
//!
//! Each test prints one line per layout and fails listing every layout that misses.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::helpers::{blocks, collapsed, corpus, no_space, root, skipped, unpara_json};
use crate::udhr_gold;

/// Text as compared: Chinese without whitespace, English with single spaces.
fn norm(lang: &str, s: &str) -> String {
    if lang == "zh" {
        no_space(s)
    } else {
        collapsed(s)
    }
}

fn similarity(a: &str, b: &str) -> f64 {
    strsim::normalized_levenshtein(a, b)
}

/// The layout folders under `dir` (each with `zh.pdf`, `en.pdf`, `truth.json`).
fn layouts(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    out.retain(|p| p.join("truth.json").exists());
    out.sort();
    out
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Aligns each layout's pair, one after the other (each run already uses every core
/// for its pages).
fn align_all(dirs: &[PathBuf]) -> Vec<Value> {
    dirs.iter()
        .map(|d| {
            let zh = d.join("zh.pdf").to_string_lossy().into_owned();
            let en = d.join("en.pdf").to_string_lossy().into_owned();
            unpara_json(&["align", &zh, &en])
        })
        .collect()
}

/// Maps our blocks to reference blocks in document order: each of ours to the first
/// of the next few reference blocks whose text (label included) it matches.
fn map_blocks(ours: &[(String, String)], reference: &[(String, String)]) -> Vec<Option<String>> {
    const WINDOW: usize = 6;
    const SAME: f64 = 0.9;
    let mut next = 0;
    ours.iter()
        .map(|(_, text)| {
            let found = reference
                .iter()
                .enumerate()
                .skip(next)
                .take(WINDOW)
                .find(|(_, (_, r))| similarity(text, r) >= SAME);
            found.map(|(j, (id, _))| {
                next = j + 1;
                id.clone()
            })
        })
        .collect()
}

/// `(id, normalized label + text)` of a document's blocks.
fn texts(doc: &Value, lang: &str) -> Vec<(String, String)> {
    blocks(doc)
        .iter()
        .map(|b| {
            let label = b["label"].as_str().unwrap_or_default();
            let t = format!("{label} {}", b["text"].as_str().unwrap_or_default());
            (
                b["id"].as_str().unwrap_or_default().to_string(),
                norm(lang, &t),
            )
        })
        .collect()
}

/// F1 of block pairs: every (zh, en) pair of a two-sided link, mapped to reference
/// ids; pairs whose sides both map to nothing (text outside the reference, such as
/// the title) are left out.
fn link_f1(
    links: &[Value],
    zh_map: &[(String, Option<String>)],
    en_map: &[(String, Option<String>)],
    gold: &HashSet<(String, String)>,
) -> f64 {
    let find = |m: &[(String, Option<String>)], id: &str| {
        m.iter().find(|(b, _)| b == id).and_then(|(_, g)| g.clone())
    };
    let mut predicted = 0usize;
    let mut right = 0usize;
    for l in links {
        for z in l["zh"].as_array().into_iter().flatten() {
            for e in l["en"].as_array().into_iter().flatten() {
                let (gz, ge) = (
                    find(zh_map, z.as_str().unwrap_or_default()),
                    find(en_map, e.as_str().unwrap_or_default()),
                );
                if gz.is_none() && ge.is_none() {
                    continue;
                }
                predicted += 1;
                if let (Some(a), Some(b)) = (gz, ge) {
                    if gold.contains(&(a, b)) {
                        right += 1;
                    }
                }
            }
        }
    }
    let p = right as f64 / predicted.max(1) as f64;
    let r = right as f64 / gold.len().max(1) as f64;
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// What one fixture layout yields, as a report line; the problems found.
fn check_cac(dir: &Path, aligned: &Value, gold: &Value) -> (String, Vec<String>) {
    let truth = read_json(&dir.join("truth.json"));
    let id = truth["id"].as_str().unwrap_or_default().to_string();
    let mut problems = Vec::new();
    let mut line = format!("{id:<24}");
    let gold_blocks = gold["blocks"].as_array().cloned().unwrap_or_default();
    let mut maps = Vec::new();
    for lang in ["zh", "en"] {
        let doc = &aligned["documents"][lang];
        // Paragraphs and their text.
        let paragraphs: Vec<&Value> = blocks(doc)
            .iter()
            .filter(|b| b["kind"] == "paragraph")
            .collect();
        let numbers: Vec<&str> = paragraphs
            .iter()
            .map(|b| b["number"].as_str().unwrap_or_default())
            .collect();
        let expected: Vec<String> = (1..=93).map(|n| n.to_string()).collect();
        if numbers != expected {
            problems.push(format!("{id} {lang}: paragraph numbers {numbers:?}"));
        }
        let (mut edits, mut chars) = (0usize, 0usize);
        for g in gold_blocks.iter().filter(|g| g["kind"] == "paragraph") {
            let want = norm(lang, g[lang].as_str().unwrap_or_default());
            let got = paragraphs
                .iter()
                .find(|b| b["number"] == g["number"])
                .map(|b| norm(lang, b["text"].as_str().unwrap_or_default()))
                .unwrap_or_default();
            edits += strsim::levenshtein(&want, &got);
            chars += want.chars().count();
        }
        let rate = edits as f64 / chars.max(1) as f64;
        if rate > 0.001 {
            problems.push(format!(
                "{id} {lang}: paragraph text {:.3} % edits",
                rate * 100.0
            ));
        }
        // Front-page metadata and the title, whatever the masthead's layout.
        let meta = &doc["metadata"];
        for key in ["symbol", "distribution", "date", "original_language"] {
            if meta[key] != truth["metadata"][key] {
                problems.push(format!("{id} {lang}: metadata {key} {}", meta[key]));
            }
        }
        if meta["job_number"] != truth["metadata"]["job_number"][lang] {
            problems.push(format!("{id} {lang}: job number {}", meta["job_number"]));
        }
        let title = norm(lang, meta["title"].as_str().unwrap_or_default());
        if title
            != norm(
                lang,
                gold["meta"][lang]["title"].as_str().unwrap_or_default(),
            )
        {
            problems.push(format!("{id} {lang}: title {title:?}"));
        }
        // Running headers and footers.
        let furniture: Vec<String> = truth["furniture"][lang]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| f.as_str())
            .map(|f| norm(lang, f))
            .collect();
        // A furniture string that is also a phrase of the text (a short title in the
        // running header) may occur as often as gold has it, no more.
        let ours_all: String = blocks(doc)
            .iter()
            .map(|b| norm(lang, b["text"].as_str().unwrap_or_default()) + "\n")
            .collect();
        let meta = &gold["meta"][lang];
        let gold_all: String = gold_blocks
            .iter()
            .filter_map(|g| g[lang].as_str())
            .chain(
                meta["organ"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|o| o.as_str()),
            )
            .chain(meta["title"].as_str())
            .map(|t| norm(lang, t) + "\n")
            .collect();
        let mut leaks = 0;
        for f in &furniture {
            let page_number = f.chars().all(|c| c.is_ascii_digit() || c == '/');
            let count = |all: &str| {
                if page_number {
                    all.split_whitespace().filter(|w| w == f).count()
                } else {
                    all.matches(f.as_str()).count()
                }
            };
            let (ours, want) = (count(&ours_all), count(&gold_all));
            if ours > want {
                leaks += ours - want;
                problems.push(format!(
                    "{id} {lang}: furniture {f:?} {ours} times in blocks, gold has {want}"
                ));
            }
        }
        // Footnotes.
        let notes = doc["footnotes"].as_array().cloned().unwrap_or_default();
        let want_notes = truth["footnotes"].as_array().cloned().unwrap_or_default();
        let mut found = 0;
        for w in &want_notes {
            let marker = w["marker"].as_str().unwrap_or_default();
            let text = norm(lang, w[lang].as_str().unwrap_or_default());
            let Some(n) = notes.iter().find(|n| n["marker"] == marker) else {
                problems.push(format!("{id} {lang}: footnote {marker} missing"));
                continue;
            };
            let got = norm(lang, n["text"].as_str().unwrap_or_default());
            let block = blocks(doc).iter().find(|b| b["id"] == n["block"]);
            let gold_block = gold_blocks.iter().find(|g| g["id"] == w["block"]);
            let anchored = match (block, gold_block) {
                (Some(b), Some(g)) => {
                    similarity(
                        &norm(lang, b["text"].as_str().unwrap_or_default()),
                        &norm(lang, g[lang].as_str().unwrap_or_default()),
                    ) >= 0.99
                }
                _ => false,
            };
            if similarity(&got, &text) < 0.999 {
                problems.push(format!("{id} {lang}: footnote {marker} text {got:?}"));
            } else if !anchored {
                problems.push(format!(
                    "{id} {lang}: footnote {marker} anchored to {}",
                    n["block"]
                ));
            } else {
                found += 1;
            }
        }
        if notes.len() != want_notes.len() {
            problems.push(format!(
                "{id} {lang}: {} footnotes, truth has {}",
                notes.len(),
                want_notes.len()
            ));
        }
        let reference: Vec<(String, String)> = gold_blocks
            .iter()
            .map(|g| {
                let label = g["label"][lang].as_str().unwrap_or_default();
                let t = format!("{label} {}", g[lang].as_str().unwrap_or_default());
                (
                    g["id"].as_str().unwrap_or_default().to_string(),
                    norm(lang, &t),
                )
            })
            .collect();
        let ours = texts(doc, lang);
        let map: Vec<(String, Option<String>)> = ours
            .iter()
            .map(|(i, _)| i.clone())
            .zip(map_blocks(&ours, &reference))
            .collect();
        maps.push(map);
        line.push_str(&format!(
            " {lang}: {:>2} ¶ {:.3} % {leaks} furn {found}/{} notes |",
            numbers.len(),
            rate * 100.0,
            want_notes.len()
        ));
    }
    let gold_pairs: HashSet<(String, String)> = gold_blocks
        .iter()
        .filter_map(|g| g["id"].as_str())
        .map(|i| (i.to_string(), i.to_string()))
        .collect();
    let links = aligned["paragraph_links"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let f1 = link_f1(&links, &maps[0], &maps[1], &gold_pairs);
    if f1 < 0.99 {
        problems.push(format!("{id}: paragraph-link F1 {f1:.3}"));
    }
    line.push_str(&format!(" F1 {f1:.3}"));
    (line, problems)
}

#[test]
fn layout_matrix_fixture_text_on_every_layout() {
    let dirs = layouts(&root().join("fixtures/layouts"));
    assert!(
        dirs.len() >= 16,
        "{} layouts in fixtures/layouts",
        dirs.len()
    );
    let gold = read_json(&root().join("fixtures/CAC_COSP_WG.4_2017_4/gold.json"));
    let aligned = align_all(&dirs);
    let mut problems = Vec::new();
    for (dir, al) in dirs.iter().zip(&aligned) {
        let (line, p) = check_cac(dir, al, &gold);
        eprintln!("{line}");
        problems.extend(p);
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The UDHR layouts: `UDHR_LAYOUTS` or `target/layouts-udhr` (`.ci/run` generates them
/// when the corpus is present).
fn udhr_layouts() -> Option<Vec<PathBuf>> {
    let dir = std::env::var_os("UDHR_LAYOUTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/layouts-udhr"));
    let found = layouts(&dir);
    if found.is_empty() {
        skipped(&format!(
            "no UDHR layouts in {} (make them with `python3 tools/typeset/typeset.py --text \
             udhr --udhr-dir ../shared/corpus/udhr-xml --out target/layouts-udhr`)",
            dir.display()
        ));
        return None;
    }
    Some(found)
}

#[test]
fn layout_matrix_udhr_on_every_layout() {
    let Some(xml) = corpus("udhr-xml") else {
        return;
    };
    let Some(dirs) = udhr_layouts() else {
        return;
    };
    let reference = unpara_json(&["align", &format!("{xml}/zh.xml"), &format!("{xml}/en.xml")]);
    let ref_texts = |lang: &str| texts(&reference["documents"][lang], lang);
    let gold: HashSet<(String, String)> = reference["paragraph_links"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|l| {
            let zh: Vec<String> = l["zh"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect();
            let en: Vec<String> = l["en"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect();
            zh.iter()
                .flat_map(|z| en.iter().map(move |e| (z.clone(), e.clone())))
                .collect::<Vec<_>>()
        })
        .collect();
    let sentence_gold: Vec<udhr_gold::Link> =
        udhr_gold::gold().into_iter().map(|g| g.link).collect();
    let aligned = align_all(&dirs);
    let mut problems = Vec::new();
    for (dir, al) in dirs.iter().zip(&aligned) {
        let id = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut line = format!("{id:<24}");
        let mut maps = Vec::new();
        for lang in ["zh", "en"] {
            let doc = &al["documents"][lang];
            let articles: Vec<&str> = blocks(doc)
                .iter()
                .filter(|b| b["kind"] == "heading" && !b["number"].is_null())
                .filter_map(|b| b["number"].as_str())
                .collect();
            let expected: Vec<String> = (1..=30).map(|n| n.to_string()).collect();
            if articles != expected {
                problems.push(format!("{id} {lang}: article headings {articles:?}"));
            }
            // One block per preamble clause: the blocks between the preamble heading
            // and article 1 are the XML's.
            let between = |d: &Value| -> Vec<String> {
                let b = blocks(d);
                let start = b
                    .iter()
                    .position(|x| x["kind"] == "heading")
                    .map_or(0, |i| i + 1);
                let end = b
                    .iter()
                    .position(|x| x["number"] == "1" && x["kind"] == "heading")
                    .unwrap_or(b.len());
                b.get(start..end)
                    .unwrap_or_default()
                    .iter()
                    .map(|x| norm(lang, x["text"].as_str().unwrap_or_default()))
                    .collect()
            };
            let ours = between(doc);
            let want = between(&reference["documents"][lang]);
            let same = ours.len() == want.len()
                && ours
                    .iter()
                    .zip(&want)
                    .all(|(a, b)| similarity(a, b) >= 0.98);
            if !same {
                problems.push(format!(
                    "{id} {lang}: {} preamble blocks, the XML has {}",
                    ours.len(),
                    want.len()
                ));
            }
            let ours = texts(doc, lang);
            let map: Vec<(String, Option<String>)> = ours
                .iter()
                .map(|(i, _)| i.clone())
                .zip(map_blocks(&ours, &ref_texts(lang)))
                .collect();
            let unmapped = map.iter().filter(|(_, g)| g.is_none()).count();
            line.push_str(&format!(
                " {lang}: {} blocks ({} unmatched) {} articles {} preamble |",
                blocks(doc).len(),
                unmapped,
                articles.len(),
                between(doc).len()
            ));
            maps.push(map);
        }
        let links = al["paragraph_links"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let f1 = link_f1(&links, &maps[0], &maps[1], &gold);
        if f1 < 0.98 {
            problems.push(format!("{id}: paragraph-link F1 {f1:.3}"));
        }
        let sentence_maps: Vec<HashMap<String, String>> = ["zh", "en"]
            .iter()
            .zip(&maps)
            .map(|(lang, m)| {
                sentence_map(
                    &al["documents"][lang],
                    &reference["documents"][lang],
                    m,
                    lang,
                )
            })
            .collect();
        let strict = sentence_f1(al, &sentence_maps, &sentence_gold);
        if strict < 0.97 {
            problems.push(format!("{id}: sentence-link strict F1 {strict:.3}"));
        }
        line.push_str(&format!(" F1 {f1:.3} sentences {strict:.3}"));
        eprintln!("{line}");
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Maps our sentence ids (`b7:1`) to the reference document's: a sentence of a block
/// that `block_map` maps goes to the reference block's sentence of the same text
/// (similarity ≥ 0.9 after [`norm`]); sentences of unmapped blocks map to nothing.
fn sentence_map(
    ours: &Value,
    reference: &Value,
    block_map: &[(String, Option<String>)],
    lang: &str,
) -> HashMap<String, String> {
    const SAME: f64 = 0.9;
    let sentences = |doc: &Value| -> HashMap<String, Vec<String>> {
        blocks(doc)
            .iter()
            .map(|b| {
                let s = b["sentences"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|x| norm(lang, x.as_str().unwrap_or_default()))
                    .collect();
                (b["id"].as_str().unwrap_or_default().to_string(), s)
            })
            .collect()
    };
    let (mine, theirs) = (sentences(ours), sentences(reference));
    let mut out = HashMap::new();
    for (b, r) in block_map {
        let (Some(r), Some(ss)) = (r, mine.get(b)) else {
            continue;
        };
        let ts = theirs.get(r).cloned().unwrap_or_default();
        for (i, s) in ss.iter().enumerate() {
            if let Some(j) = ts.iter().position(|t| similarity(s, t) >= SAME) {
                out.insert(format!("{b}:{i}"), format!("{r}:{j}"));
            }
        }
    }
    out
}

/// Strict F1 of an alignment's sentence links, mapped to reference ids, against the
/// gold: a sentence that maps to nothing makes its link wrong; links none of whose
/// sentences map (text outside the reference, such as a page number) are left out.
fn sentence_f1(al: &Value, maps: &[HashMap<String, String>], gold: &[udhr_gold::Link]) -> f64 {
    let empty = HashMap::new();
    let (zh, en) = (
        maps.first().unwrap_or(&empty),
        maps.get(1).unwrap_or(&empty),
    );
    let map_side = |ids: &[String], m: &HashMap<String, String>| -> (Vec<String>, bool) {
        let mut any = false;
        let out = ids
            .iter()
            .map(|i| match m.get(i) {
                Some(r) => {
                    any = true;
                    r.clone()
                }
                None => format!("unmapped {i}"),
            })
            .collect();
        (out, any)
    };
    let predicted: Vec<udhr_gold::Link> = udhr_gold::sentence_links(al)
        .into_iter()
        .filter_map(|(z, e)| {
            let ((z, az), (e, ae)) = (map_side(&z, zh), map_side(&e, en));
            (az || ae).then_some((z, e))
        })
        .collect();
    udhr_gold::strict_f1(&predicted, gold)
}
