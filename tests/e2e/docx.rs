//! Issue 5, Word input: `fixtures/CAC_COSP_WG.4_2017_4/{zh,en}.docx` are the documents
//! the PDFs were typeset from; the DOCX reader must give the same blocks, numbers and
//! footnotes as the PDF reader, and gold's text exactly.

use serde_json::Value;

use crate::helpers::{blocks, collapsed, no_space, unpara, unpara_json};

fn norm(lang: &str, s: &str) -> String {
    if lang == "zh" {
        no_space(s)
    } else {
        collapsed(s)
    }
}

/// What a block is, for comparing the two readers.
fn shape(lang: &str, b: &Value) -> (String, String, String, String, String, String, String) {
    let s = |k: &str| b[k].to_string();
    (
        s("id"),
        s("kind"),
        s("label"),
        s("number"),
        s("level"),
        s("parent"),
        norm(lang, b["text"].as_str().unwrap()) + &s("footnote_refs"),
    )
}

#[test]
fn docx_gives_the_same_document_as_pdf() {
    for lang in ["zh", "en"] {
        let docx = unpara_json(&[
            "extract",
            &format!("fixtures/CAC_COSP_WG.4_2017_4/{lang}.docx"),
        ]);
        let pdf = unpara_json(&[
            "extract",
            &format!("fixtures/CAC_COSP_WG.4_2017_4/{lang}.pdf"),
        ]);
        assert_eq!(docx["source"]["format"], "docx");
        assert_eq!(docx["language"], lang);
        assert_eq!(docx["metadata"], pdf["metadata"], "{lang}");
        let (d, p): (Vec<_>, Vec<_>) = (
            blocks(&docx).iter().map(|b| shape(lang, b)).collect(),
            blocks(&pdf).iter().map(|b| shape(lang, b)).collect(),
        );
        assert_eq!(d.len(), 124, "{lang}");
        assert_eq!(d, p, "{lang}: blocks differ between DOCX and PDF");
        assert_eq!(docx["footnotes"].as_array().unwrap().len(), 2);
        for (x, y) in docx["footnotes"]
            .as_array()
            .unwrap()
            .iter()
            .zip(pdf["footnotes"].as_array().unwrap())
        {
            assert_eq!((&x["marker"], &x["block"]), (&y["marker"], &y["block"]));
            assert_eq!(
                norm(lang, x["text"].as_str().unwrap()),
                norm(lang, y["text"].as_str().unwrap())
            );
        }
    }
}

#[test]
fn docx_paragraphs_are_gold_text_exactly() {
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(
            crate::helpers::root().join("fixtures/CAC_COSP_WG.4_2017_4/gold.json"),
        )
        .unwrap(),
    )
    .unwrap();
    for lang in ["zh", "en"] {
        let docx = unpara_json(&[
            "extract",
            &format!("fixtures/CAC_COSP_WG.4_2017_4/{lang}.docx"),
        ]);
        let paragraphs: Vec<&Value> = blocks(&docx)
            .iter()
            .filter(|b| b["kind"] == "paragraph")
            .collect();
        assert_eq!(paragraphs.len(), 93);
        let mut edits = Vec::new();
        for g in gold["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|g| g["kind"] == "paragraph")
        {
            let ours = paragraphs
                .iter()
                .find(|b| b["number"] == g["number"])
                .expect("paragraph");
            if norm(lang, ours["text"].as_str().unwrap()) != norm(lang, g[lang].as_str().unwrap()) {
                edits.push(g["number"].clone());
            }
        }
        assert!(
            edits.is_empty(),
            "{lang}: paragraphs differing from gold: {edits:?}"
        );
    }
}

#[test]
fn a_docx_that_inflates_past_the_limit_is_refused() {
    let out = unpara(&[
        "extract",
        "fixtures/CAC_COSP_WG.4_2017_4/en.docx",
        "--max-inflate",
        "10000",
    ]);
    // Issue 13: a limit hit is exit code 3.
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "unpara: fixtures/CAC_COSP_WG.4_2017_4/en.docx: the Word document inflates to more than 10000 bytes (limit set by --max-inflate)"
    );
}

#[test]
fn docx_pair_aligns_like_the_pdf_pair() {
    let docx = unpara_json(&[
        "align",
        "fixtures/CAC_COSP_WG.4_2017_4/zh.docx",
        "fixtures/CAC_COSP_WG.4_2017_4/en.docx",
    ]);
    let pdf = crate::cac_fixture::aligned();
    // The same links by the same evidence; scores may differ in the third decimal where
    // the texts differ by a character (the DOCX keeps a space the PDF lays out as a gap).
    let shape = |al: &serde_json::Value| -> Vec<(String, String, String, f64)> {
        al["paragraph_links"]
            .as_array()
            .expect("links")
            .iter()
            .map(|l| {
                (
                    l["zh"].to_string(),
                    l["en"].to_string(),
                    l["method"].to_string(),
                    (l["score"].as_f64().unwrap_or(-1.0) * 50.0).round(),
                )
            })
            .collect()
    };
    assert_eq!(shape(&docx), shape(pdf));
    assert_eq!(
        docx["summary"]["sentences"]["links"],
        pdf["summary"]["sentences"]["links"]
    );
}
