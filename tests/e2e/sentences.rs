//! Issue 4 on `fixtures/CAC_COSP_WG.4_2017_4`: sentence boundaries and sentence links
//! against `gold.json`, and the exchange formats (JSON Lines, TMX, XCES, Moses).
//!
//! Boundaries: the end offsets of the sentences of each gold block (whitespace removed),
//! precision and recall over all blocks. Links: as Vecalign's scorer counts them
//! (Thompson & Koehn 2019, `score.py`, strict): a link is right only if both of its sides
//! are exactly the gold link's sides; links empty on both sides are ignored; our links
//! outside gold blocks count against precision.

use std::collections::{HashMap, HashSet};

use quick_xml::events::Event;
use serde_json::Value;

use crate::cac_fixture::{aligned, doc, gold, gold_ids};
use crate::helpers::{blocks, no_space, root, unpara};

const ZH: &str = "fixtures/CAC_COSP_WG.4_2017_4/zh.pdf";
const EN: &str = "fixtures/CAC_COSP_WG.4_2017_4/en.pdf";

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|s| s.as_str().expect("string"))
        .collect()
}

fn f1(tp: usize, predicted: usize, expected: usize) -> f64 {
    let (p, r) = (
        tp as f64 / predicted.max(1) as f64,
        tp as f64 / expected.max(1) as f64,
    );
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// End offsets (characters, whitespace removed) of a list of sentences.
fn ends(sentences: &[&str]) -> HashSet<usize> {
    let mut at = 0;
    sentences
        .iter()
        .map(|s| {
            at += no_space(s).chars().count();
            at
        })
        .collect()
}

#[test]
fn sentence_boundaries_match_gold_with_f1_at_least_098() {
    for lang in ["zh", "en"] {
        let ids = gold_ids(lang);
        let ours: HashMap<&str, &Value> = blocks(doc(lang))
            .iter()
            .map(|b| (b["id"].as_str().unwrap(), b))
            .collect();
        let (mut tp, mut predicted, mut expected) = (0, 0, 0);
        for g in gold()["blocks"].as_array().unwrap() {
            let want = ends(&strs(&g["sentences"][lang]));
            let got = ids
                .get(g["id"].as_str().unwrap())
                .and_then(|id| ours.get(id.as_str()))
                .map(|b| ends(&strs(&b["sentences"])))
                .unwrap_or_default();
            tp += want.intersection(&got).count();
            predicted += got.len();
            expected += want.len();
        }
        let f = f1(tp, predicted, expected);
        eprintln!("{lang}: boundary F1 {f:.4} ({tp} of {expected} gold, {predicted} ours)");
        assert!(f >= 0.98, "{lang}: boundary F1 {f:.4}");
    }
}

#[test]
fn sentence_links_match_gold_with_strict_f1_at_least_095() {
    // Our sentence ids → (gold block id, sentence index), where our block is a gold one.
    let mut to_gold: HashMap<(&str, String), (String, usize)> = HashMap::new();
    for lang in ["zh", "en"] {
        for (gid, ours) in gold_ids(lang) {
            let g = gold()["blocks"]
                .as_array()
                .unwrap()
                .iter()
                .find(|g| g["id"] == gid.as_str())
                .unwrap();
            for i in 0..strs(&g["sentences"][lang]).len() {
                to_gold.insert((lang, format!("{ours}:{i}")), (gid.clone(), i));
            }
        }
    }
    type Link = (Vec<(String, usize)>, Vec<(String, usize)>);
    let mut gold_links: HashSet<Link> = HashSet::new();
    for g in gold()["blocks"].as_array().unwrap() {
        let id = g["id"].as_str().unwrap().to_string();
        for l in g["sentences"]["links"].as_array().unwrap() {
            let side = |v: &Value| -> Vec<(String, usize)> {
                v.as_array()
                    .unwrap()
                    .iter()
                    .map(|i| (id.clone(), i.as_u64().unwrap() as usize))
                    .collect()
            };
            gold_links.insert((side(&l[0]), side(&l[1])));
        }
    }
    let mut ours: HashSet<Link> = HashSet::new();
    for l in aligned()["sentence_links"].as_array().unwrap() {
        let side = |lang: &'static str| -> Vec<(String, usize)> {
            strs(&l[lang])
                .into_iter()
                .map(|s| {
                    to_gold
                        .get(&(lang, s.to_string()))
                        .cloned()
                        .unwrap_or((format!("ours {s}"), 0))
                })
                .collect()
        };
        let link = (side("zh"), side("en"));
        if !link.0.is_empty() || !link.1.is_empty() {
            ours.insert(link);
        }
    }
    let tp = ours.intersection(&gold_links).count();
    let f = f1(tp, ours.len(), gold_links.len());
    eprintln!(
        "sentence links: strict F1 {f:.4} ({tp} right, {} ours, {} gold)",
        ours.len(),
        gold_links.len()
    );
    assert!(f >= 0.95, "strict F1 {f:.4}");
    let summary = &aligned()["summary"]["sentences"];
    assert_eq!(
        summary["links"].as_u64(),
        Some(aligned()["sentence_links"].as_array().unwrap().len() as u64)
    );
    assert!(summary["low_score"].is_array() && summary["low_score_below"].is_number());
}

fn run(args: &[&str]) -> String {
    let out = unpara(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Sentence links with both sides, in order.
fn two_sided() -> Vec<&'static Value> {
    aligned()["sentence_links"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| {
            !l["zh"].as_array().unwrap().is_empty() && !l["en"].as_array().unwrap().is_empty()
        })
        .collect()
}

#[test]
fn jsonl_has_one_line_per_sentence_link() {
    let text = run(&["align", ZH, EN, "--format", "jsonl"]);
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(
        lines.len(),
        aligned()["sentence_links"].as_array().unwrap().len()
    );
    let p21 = lines
        .iter()
        .find(|l| {
            l["en"]
                .as_str()
                .is_some_and(|t| t.starts_with("The representative of Algeria"))
        })
        .expect("paragraph 21's first sentence");
    assert_eq!(p21["symbol"], "CAC/COSP/WG.4/2017/4");
    assert_eq!(p21["languages"], serde_json::json!(["zh", "en"]));
    assert!(p21["zh"]
        .as_str()
        .unwrap()
        .starts_with("阿尔及利亚代表以非洲国家组的名义发言"));
    assert!(
        p21["ids"]["zh"].is_array()
            && p21["score"]
                .as_f64()
                .is_some_and(|s| (0.0..=1.0).contains(&s))
    );
}

#[test]
fn tmx_is_well_formed_with_one_tu_per_two_sided_link() {
    let text = run(&["align", ZH, EN, "--format", "tmx"]);
    let mut reader = quick_xml::Reader::from_str(&text);
    let (mut tus, mut segs, mut srclang, mut symbols) = (0, 0, String::new(), 0);
    let mut in_prop_symbol = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "tu" => tus += 1,
                "seg" => segs += 1,
                "header" => {
                    srclang = e
                        .try_get_attribute("srclang")
                        .unwrap()
                        .map(|a| a.value.into_owned())
                        .unwrap_or_default();
                }
                "prop" => {
                    in_prop_symbol = e
                        .try_get_attribute("type")
                        .unwrap()
                        .is_some_and(|a| a.value == "x-symbol")
                }
                _ => {}
            },
            Event::Text(t) if in_prop_symbol => {
                assert_eq!(t.xml10_content(), "CAC/COSP/WG.4/2017/4");
                symbols += 1;
                in_prop_symbol = false;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let n = two_sided().len();
    assert_eq!((tus, segs, symbols), (n, 2 * n, n));
    assert_eq!(srclang, "en", "the front page says Original: English");
}

#[test]
fn xces_links_name_the_sentences() {
    // Without -o there is nowhere to put the sentence documents: a usage error.
    assert_eq!(
        unpara(&["align", ZH, EN, "--format", "xces"]).status.code(),
        Some(64)
    );
    let dir = std::env::temp_dir().join(format!("unpara-xces-{}", std::process::id()));
    // -o naming a folder fails before anything is written beside it.
    std::fs::create_dir_all(dir.join("folder")).unwrap();
    let bad = unpara(&[
        "align",
        ZH,
        EN,
        "--format",
        "xces",
        "-o",
        dir.join("folder").to_str().unwrap(),
    ]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(!dir.join("folder.zh.xml").exists() && !dir.join("folder.en.xml").exists());
    let out = dir.join("cac.xces");
    run(&[
        "align",
        ZH,
        EN,
        "--format",
        "xces",
        "-o",
        out.to_str().expect("UTF-8 path"),
    ]);
    let text = std::fs::read_to_string(&out).expect("alignment");
    // The sentence documents beside it hold every sentence the links name.
    let zh_doc = std::fs::read_to_string(dir.join("cac.zh.xml")).expect("zh sentences");
    let en_doc = std::fs::read_to_string(dir.join("cac.en.xml")).expect("en sentences");
    let _ = std::fs::remove_dir_all(&dir);
    let sentences = |d: &str| d.matches("<s id=").count();
    let count = |lang: &str| {
        aligned()["documents"][lang]["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["sentences"].as_array().unwrap().len())
            .sum::<usize>()
    };
    assert_eq!(
        (sentences(&zh_doc), sentences(&en_doc)),
        (count("zh"), count("en"))
    );
    assert!(text.contains(r#"fromDoc="cac.zh.xml" toDoc="cac.en.xml""#));
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut links = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Empty(e) if e.name().as_ref() == "link" => {
                let get = |k: &str| e.try_get_attribute(k).unwrap().unwrap().value.into_owned();
                links.push((get("xtargets"), get("type")));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let expected: Vec<(String, String)> = aligned()["sentence_links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let (z, e) = (strs(&l["zh"]), strs(&l["en"]));
            (
                format!("{};{}", z.join(" "), e.join(" ")),
                format!("{}-{}", z.len(), e.len()),
            )
        })
        .collect();
    assert_eq!(links, expected);
}

#[test]
fn moses_files_pair_line_by_line() {
    let dir = std::env::temp_dir().join(format!("unpara-moses-{}", std::process::id()));
    let prefix = dir.join("cac");
    run(&[
        "align",
        ZH,
        EN,
        "--format",
        "moses",
        "-o",
        prefix.to_str().unwrap(),
    ]);
    let zh = std::fs::read_to_string(dir.join("cac.zh")).expect("cac.zh");
    let en = std::fs::read_to_string(dir.join("cac.en")).expect("cac.en");
    let _ = std::fs::remove_dir_all(&dir);
    let (zh, en): (Vec<&str>, Vec<&str>) = (zh.lines().collect(), en.lines().collect());
    assert_eq!((zh.len(), en.len()), (two_sided().len(), two_sided().len()));
    let k = en
        .iter()
        .position(|l| l.starts_with("The representative of Algeria"))
        .expect("p21");
    assert!(zh[k].starts_with("阿尔及利亚代表以非洲国家组的名义发言"));
    assert!(root().join("fixtures").exists());
}
