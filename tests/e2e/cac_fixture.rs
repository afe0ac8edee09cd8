//! `fixtures/CAC_COSP_WG.4_2017_4`: zh and en PDFs against `gold.json` (issue 2).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::Value;

use crate::helpers::{
    blocks, collapsed, no_space, paragraph, paragraph_numbers, root, unpara_json,
};

const ZH: &str = "fixtures/CAC_COSP_WG.4_2017_4/zh.pdf";
const EN: &str = "fixtures/CAC_COSP_WG.4_2017_4/en.pdf";

pub(crate) fn aligned() -> &'static Value {
    static CELL: OnceLock<Value> = OnceLock::new();
    CELL.get_or_init(|| unpara_json(&["align", ZH, EN]))
}

pub(crate) fn gold() -> &'static Value {
    static CELL: OnceLock<Value> = OnceLock::new();
    CELL.get_or_init(|| {
        let text = std::fs::read_to_string(root().join("fixtures/CAC_COSP_WG.4_2017_4/gold.json"))
            .expect("gold");
        serde_json::from_str(&text).expect("gold JSON")
    })
}

pub(crate) fn doc(lang: &str) -> &'static Value {
    &aligned()["documents"][lang]
}

fn norm(lang: &str, s: &str) -> String {
    if lang == "zh" {
        no_space(s)
    } else {
        collapsed(s)
    }
}

#[test]
fn all_93_paragraphs_in_each_language() {
    let expected: Vec<String> = (1..=93).map(|n| n.to_string()).collect();
    assert_eq!(paragraph_numbers(doc("zh")), expected);
    assert_eq!(paragraph_numbers(doc("en")), expected);
}

#[test]
fn paragraph_texts_equal_gold() {
    for lang in ["zh", "en"] {
        let mut wrong = Vec::new();
        for g in gold()["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|b| b["kind"] == "paragraph")
        {
            let n = g["number"].as_str().unwrap();
            let ours = norm(lang, paragraph(doc(lang), n)["text"].as_str().unwrap());
            if ours != norm(lang, g[lang].as_str().unwrap()) {
                wrong.push(n.to_string());
            }
        }
        assert!(
            wrong.is_empty(),
            "{lang}: paragraphs differing from gold: {wrong:?}"
        );
    }
}

#[test]
fn paragraph_24_is_whole() {
    let en = paragraph(doc("en"), "24")["text"].as_str().unwrap();
    assert!(en.starts_with("Many speakers highlighted the negative impact of corruption"));
    assert!(en.ends_with("while noting that further assistance was needed to support States in effectively implementing the provisions of the Convention."));
    let zh = no_space(paragraph(doc("zh"), "24")["text"].as_str().unwrap());
    assert!(zh.starts_with("许多发言者着重指出了腐败对经济增长、发展和善治的消极影响"));
    assert!(zh.ends_with("需要进一步的援助以支持各国有效实施《公约》的各项规定。"));
}

#[test]
fn thirteen_headings_with_their_labels() {
    let labels = |lang: &str| -> Vec<String> {
        blocks(doc(lang))
            .iter()
            .filter(|b| b["kind"] == "heading")
            .map(|b| b["label"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        labels("en"),
        ["I.", "II.", "III.", "A.", "B.", "C.", "IV.", "A.", "(i)", "(ii)", "B.", "V.", "VI."]
    );
    assert_eq!(
        labels("zh"),
        [
            "一.", "二.", "三.", "A.", "B.", "C.", "四.", "A.", "(一)", "(二)", "B.", "五.", "六."
        ]
    );
    let intro = blocks(doc("zh"))
        .iter()
        .find(|b| b["label"] == "一.")
        .unwrap();
    assert_eq!(intro["text"], "引言");
    assert_eq!(intro["level"], 1);
}

#[test]
fn sub_items_belong_to_their_paragraphs() {
    for lang in ["zh", "en"] {
        let d = doc(lang);
        let p2 = paragraph(d, "2")["id"].clone();
        let p5 = paragraph(d, "5")["id"].clone();
        let items: Vec<(String, Value)> = blocks(d)
            .iter()
            .filter(|b| b["kind"] == "item")
            .map(|b| {
                (
                    b["label"].as_str().unwrap().to_string(),
                    b["parent"].clone(),
                )
            })
            .collect();
        let expected = vec![
            ("(a)".to_string(), p2.clone()),
            ("(b)".to_string(), p2.clone()),
            ("(c)".to_string(), p2.clone()),
            ("(d)".to_string(), p2),
            ("(a)".to_string(), p5.clone()),
            ("(b)".to_string(), p5),
        ];
        assert_eq!(items, expected, "{lang}");
    }
    let a = blocks(doc("en"))
        .iter()
        .find(|b| b["kind"] == "item")
        .unwrap();
    assert_eq!(a["text"], "Assist the Conference in developing and accumulating knowledge in the area of prevention of corruption;");
}

#[test]
fn footnotes_1_and_2_anchored_to_paragraph_20() {
    for lang in ["zh", "en"] {
        let d = doc(lang);
        let p20 = paragraph(d, "20");
        assert_eq!(
            p20["footnote_refs"],
            serde_json::json!(["1", "2"]),
            "{lang}"
        );
        let notes = d["footnotes"].as_array().unwrap();
        assert_eq!(notes.len(), 2, "{lang}");
        for f in notes {
            let marker = f["marker"].as_str().unwrap();
            assert_eq!(
                f["text"],
                gold()["footnote_texts"][marker][lang],
                "{lang} footnote {marker}"
            );
            assert_eq!(f["block"], p20["id"], "{lang} footnote {marker}");
        }
    }
    // The marker is not text: the sentence reads on.
    assert!(paragraph(doc("en"), "20")["text"]
        .as_str()
        .unwrap()
        .contains("meeting of the Working Group and on the thematic website"));
}

#[test]
fn no_running_header_or_footer_in_blocks() {
    for lang in ["zh", "en"] {
        for b in blocks(doc(lang)) {
            let t = b["text"].as_str().unwrap();
            for furniture in ["V.17-06020", "1706020", "CAC/COSP/WG.4/2017/4", "290817"] {
                assert!(!t.contains(furniture), "{lang} {}: {t}", b["id"]);
            }
            assert!(!regex_like_page_number(t), "{lang} {}: {t}", b["id"]);
        }
    }
}

/// A block that is only a page number such as `3/8`.
fn regex_like_page_number(t: &str) -> bool {
    let parts: Vec<&str> = t.split('/').collect();
    parts.len() == 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

#[test]
fn front_page_metadata() {
    for lang in ["zh", "en"] {
        let m = &doc(lang)["metadata"];
        assert_eq!(m["symbol"], "CAC/COSP/WG.4/2017/4");
        assert_eq!(m["job_number"], "V.17-06020");
        assert_eq!(m["distribution"], "General");
        assert_eq!(m["date"], "2017-08-29");
        assert_eq!(m["original_language"], "en");
        assert_eq!(
            no_space(m["title"].as_str().unwrap()),
            no_space(gold()["meta"][lang]["title"].as_str().unwrap())
        );
    }
    assert_eq!(doc("zh")["language"], "zh");
    assert_eq!(doc("en")["language"], "en");
}

#[test]
fn every_block_in_exactly_one_link() {
    for lang in ["zh", "en"] {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for l in aligned()["paragraph_links"].as_array().unwrap() {
            for id in l[lang].as_array().unwrap() {
                *seen.entry(id.as_str().unwrap().to_string()).or_default() += 1;
            }
        }
        for b in blocks(doc(lang)) {
            assert_eq!(
                seen.get(b["id"].as_str().unwrap()),
                Some(&1),
                "{lang} {}",
                b["id"]
            );
        }
        assert_eq!(seen.len(), blocks(doc(lang)).len());
    }
}

/// Our block ids of gold blocks, matched in document order by label and text.
pub(crate) fn gold_ids(lang: &str) -> HashMap<String, String> {
    let ours = blocks(doc(lang));
    let mut next = 0;
    let mut out = HashMap::new();
    for g in gold()["blocks"].as_array().unwrap() {
        let want = norm(lang, g[lang].as_str().unwrap());
        let label = &g["label"][lang];
        if let Some(k) = ours
            .iter()
            .skip(next)
            .position(|b| norm(lang, b["text"].as_str().unwrap()) == want && &b["label"] == label)
        {
            out.insert(
                g["id"].as_str().unwrap().to_string(),
                ours[next + k]["id"].as_str().unwrap().to_string(),
            );
            next += k + 1;
        }
    }
    out
}

#[test]
fn paragraph_links_match_gold_for_99_percent() {
    let (zh, en) = (gold_ids("zh"), gold_ids("en"));
    let gold_blocks = gold()["blocks"].as_array().unwrap();
    assert_eq!(gold_blocks.len(), 122);
    let links = aligned()["paragraph_links"].as_array().unwrap();
    let right = gold_blocks
        .iter()
        .filter(|g| {
            let id = g["id"].as_str().unwrap();
            let (Some(z), Some(e)) = (zh.get(id), en.get(id)) else {
                return false;
            };
            links
                .iter()
                .any(|l| l["zh"] == serde_json::json!([z]) && l["en"] == serde_json::json!([e]))
        })
        .count();
    // Issue 2 asks for at least 99 %; all 122 are linked today, so any loss shows.
    assert!(
        right * 100 >= 99 * 122,
        "{right} of 122 gold blocks linked as in gold"
    );
    assert_eq!(right, 122, "gold blocks linked as in gold");
}

#[test]
fn footnotes_link_by_marker() {
    assert_eq!(
        aligned()["footnote_links"],
        serde_json::json!([{"zh": "1", "en": "1"}, {"zh": "2", "en": "2"}])
    );
}

#[test]
fn sentences_rebuild_block_text() {
    for lang in ["zh", "en"] {
        for b in blocks(doc(lang)) {
            let s: Vec<&str> = b["sentences"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap())
                .collect();
            let joined = if lang == "zh" {
                s.concat()
            } else {
                s.join(" ")
            };
            assert_eq!(joined, b["text"].as_str().unwrap(), "{lang} {}", b["id"]);
        }
    }
}
