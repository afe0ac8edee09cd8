//! Issue 15, the six UN languages on the UDHR XML (`../shared/corpus/udhr-xml/`, ar zh
//! en fr ru es): each read in its language, the 30 articles and the preamble heading
//! linked one to one in all 15 pairs and in one six-way record, and sentence links
//! measured against the hand-made golds of three pairs (`tests/gold/udhr-ar-en-…`,
//! `udhr-ru-zh-…`, `udhr-fr-es-sentence-links.json`, made from the XML texts by
//! reading them, never from our output).

use std::collections::{BTreeSet, HashMap};

use serde_json::Value;

use crate::helpers::{blocks, corpus, root, unpara_json};
use crate::udhr_gold::f1;

const LANGS: [&str; 6] = ["ar", "zh", "en", "fr", "ru", "es"];

/// Each block's unit: `front` (title, note), `preamble`, `article:N`, by the headings
/// in order (the UDHR has the preamble heading then the 30 article headings).
fn units(doc: &Value) -> HashMap<String, String> {
    let mut unit = "front".to_string();
    let mut articles = 0;
    let mut out = HashMap::new();
    for b in blocks(doc) {
        if b["kind"] == "heading" {
            unit = if unit == "front" {
                "preamble".into()
            } else {
                articles += 1;
                format!("article:{articles}")
            };
        }
        out.insert(
            b["id"].as_str().unwrap_or_default().to_string(),
            unit.clone(),
        );
    }
    out
}

fn ids(v: &Value) -> Vec<String> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|x| x.as_str().map(str::to_string))
        .collect()
}

#[test]
fn each_version_is_read_in_its_language() {
    let Some(dir) = corpus("udhr-xml") else {
        return;
    };
    let expected = [
        ("ar", 92, "الإعلان العالمي لحقوق الإنسان", "المادة 1"),
        ("zh", 92, "世界人权宣言", "第一条"),
        (
            "en",
            92,
            "Universal Declaration of Human Rights",
            "Article 1",
        ),
        (
            "fr",
            91,
            "Déclaration universelle des droits de l’homme",
            "Article premier",
        ),
        ("ru", 92, "Всеобщая декларация прав человека", "Статья 1"),
        (
            "es",
            92,
            "Declaración Universal de Derechos Humanos",
            "Artículo 1",
        ),
    ];
    for (lang, n, title, first_article) in expected {
        // Detected from the text, not told.
        let doc = unpara_json(&["extract", &format!("{dir}/{lang}.xml")]);
        assert_eq!(doc["language"], lang);
        assert_eq!(blocks(&doc).len(), n, "{lang}");
        assert_eq!(doc["metadata"]["title"], title, "{lang}");
        let headings: Vec<&Value> = blocks(&doc)
            .iter()
            .filter(|b| b["kind"] == "heading")
            .collect();
        assert_eq!(headings.len(), 31, "{lang}: the preamble and 30 articles");
        assert_eq!(headings[1]["text"], first_article, "{lang}");
    }
    // Article 1 in French: two sentences by the French rules.
    let fr = unpara_json(&["extract", &format!("{dir}/fr.xml")]);
    let art1 = blocks(&fr)
        .iter()
        .skip_while(|b| b["text"] != "Article premier")
        .nth(1)
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        art1["sentences"],
        serde_json::json!([
            "Tous les êtres humains naissent libres et égaux en dignité et en droits.",
            "Ils sont doués de raison et de conscience et doivent agir les uns envers les autres dans un esprit de fraternité."
        ])
    );
}

/// In the 15 pairs, every link touching an article holds one block of each side, of
/// the same article; the preamble heading is linked one to one.
#[test]
fn fifteen_pairs_link_articles_one_to_one() {
    let Some(dir) = corpus("udhr-xml") else {
        return;
    };
    for (i, a) in LANGS.iter().enumerate() {
        for b in LANGS.iter().skip(i + 1) {
            let al = unpara_json(&[
                "align",
                &format!("{dir}/{a}.xml"),
                &format!("{dir}/{b}.xml"),
            ]);
            assert_eq!(al["languages"], serde_json::json!([a, b]));
            let (ua, ub) = (units(&al["documents"][a]), units(&al["documents"][b]));
            let mut article_links = 0;
            let mut preamble_heading = false;
            for l in al["paragraph_links"].as_array().into_iter().flatten() {
                let (la, lb) = (ids(&l[a]), ids(&l[b]));
                let sa: BTreeSet<&String> = la.iter().filter_map(|x| ua.get(x)).collect();
                let sb: BTreeSet<&String> = lb.iter().filter_map(|x| ub.get(x)).collect();
                if sa.iter().chain(&sb).any(|u| u.starts_with("article")) {
                    assert!(
                        la.len() == 1 && lb.len() == 1 && sa == sb,
                        "{a}-{b}: {la:?} {lb:?} {sa:?} {sb:?}"
                    );
                    article_links += 1;
                }
                let heading = |doc: &Value, id: &String| {
                    blocks(doc)
                        .iter()
                        .any(|x| x["id"] == id.as_str() && x["kind"] == "heading")
                };
                if la.len() == 1
                    && lb.len() == 1
                    && sa.contains(&"preamble".to_string())
                    && heading(&al["documents"][a], &la[0])
                    && heading(&al["documents"][b], &lb[0])
                {
                    preamble_heading = sb.contains(&"preamble".to_string());
                }
            }
            // 30 headings and 50 article paragraphs and items.
            assert_eq!(article_links, 80, "{a}-{b}");
            assert!(preamble_heading, "{a}-{b}");
            assert_eq!(al["summary"]["warnings"], serde_json::json!([]), "{a}-{b}");
        }
    }
}

/// All six versions in one record: the articles linked across all six one to one,
/// the notes the English version lacks linked among the four versions that print
/// them, every pair's links inside.
#[test]
fn six_versions_in_one_record() {
    let Some(dir) = corpus("udhr-xml") else {
        return;
    };
    let files: Vec<String> = LANGS.iter().map(|l| format!("{dir}/{l}.xml")).collect();
    let mut args = vec!["align"];
    args.extend(files.iter().map(String::as_str));
    let set = unpara_json(&args);
    assert_eq!(set["languages"], serde_json::json!(LANGS));
    assert_eq!(set["pivot"], "en");
    assert_eq!(set["pairs"].as_array().map(Vec::len), Some(15));
    let unit_maps: Vec<HashMap<String, String>> =
        LANGS.iter().map(|l| units(&set["documents"][l])).collect();
    let mut complete_articles = 0;
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for l in set["paragraph_links"].as_array().into_iter().flatten() {
        let sides: Vec<Vec<String>> = LANGS.iter().map(|k| ids(&l[k])).collect();
        for (k, side) in LANGS.iter().zip(&sides) {
            *seen.entry(k).or_default() += side.len();
        }
        let units: BTreeSet<&String> = sides
            .iter()
            .zip(&unit_maps)
            .flat_map(|(s, m)| s.iter().filter_map(move |id| m.get(id)))
            .collect();
        if units.iter().any(|u| u.starts_with("article")) {
            assert!(
                sides.iter().all(|s| s.len() == 1) && units.len() == 1,
                "{l}"
            );
            complete_articles += 1;
        }
    }
    assert_eq!(complete_articles, 80);
    // Every block of every version is in exactly one link.
    for (k, n) in [
        ("ar", 92),
        ("zh", 92),
        ("en", 92),
        ("fr", 91),
        ("ru", 92),
        ("es", 92),
    ] {
        assert_eq!(seen.get(k), Some(&n), "{k}");
    }
    // The resolution note (ar, zh, ru, es print it; en and fr do not) is one link.
    let note = set["paragraph_links"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|l| ids(&l["ar"]) == ["b1"])
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        (
            ids(&note["zh"]),
            ids(&note["en"]),
            ids(&note["fr"]),
            ids(&note["ru"]),
            ids(&note["es"])
        ),
        (
            vec!["b1".to_string()],
            vec![],
            vec![],
            vec!["b1".to_string()],
            vec!["b1".to_string()]
        )
    );
    assert_eq!(set["summary"]["complete"], 88);
}

/// Strict sentence-link F1 against the three hand-made golds: a link counts when the
/// sentence texts of both its sides are exactly the gold's.
#[test]
fn sentence_links_against_the_golds_of_three_pairs() {
    let Some(dir) = corpus("udhr-xml") else {
        return;
    };
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    // Measured when the golds were made: ar–en 0.985 (the Arabic text lacks the
    // "friendly relations" clause; we link it 1-2 where the gold has 1-1 + 0-1).
    for (pair, expected) in [("ar-en", 0.985), ("ru-zh", 1.0), ("fr-es", 1.0)] {
        let path = root().join(format!("tests/gold/udhr-{pair}-sentence-links.json"));
        let gold: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("gold")).expect("JSON");
        let (a, b) = pair.split_once('-').expect("pair");
        let al = unpara_json(&[
            "align",
            &format!("{dir}/{a}.xml"),
            &format!("{dir}/{b}.xml"),
        ]);
        let mut text: HashMap<(String, String), String> = HashMap::new();
        for l in [a, b] {
            for bl in blocks(&al["documents"][l]) {
                for (i, s) in bl["sentences"].as_array().into_iter().flatten().enumerate() {
                    let id = format!("{}:{i}", bl["id"].as_str().unwrap_or_default());
                    text.insert((l.to_string(), id), norm(s.as_str().unwrap_or_default()));
                }
            }
        }
        let side = |l: &str, v: &Value| -> Vec<String> {
            ids(v)
                .iter()
                .filter_map(|id| text.get(&(l.to_string(), id.clone())).cloned())
                .collect()
        };
        let predicted: BTreeSet<(Vec<String>, Vec<String>)> = al["sentence_links"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|l| (side(a, &l[a]), side(b, &l[b])))
            .collect();
        let texts = |v: &Value| -> Vec<String> {
            v.as_array()
                .into_iter()
                .flatten()
                .filter_map(|s| s.as_str().map(norm))
                .collect()
        };
        let golden: BTreeSet<(Vec<String>, Vec<String>)> = gold["links"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|l| (texts(&l[a]), texts(&l[b])))
            .collect();
        let score = f1(&predicted, &golden);
        assert!(score >= 0.97, "{pair}: F1 {score:.3}");
        assert!(
            (score - expected).abs() < 0.0005,
            "{pair}: F1 {score:.3}, measured {expected}"
        );
    }
}
