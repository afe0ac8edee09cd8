//! Issue 10 on real UN reports from other years and producers
//! (`../shared/corpus/un-en/`, counts made by hand from the pages): A/80/590 (Word 365,
//! 2026) as PDF and as Word file, S/2013/220 (Acrobat Distiller 7, 2013); and the
//! fixture printed twice in one PDF (`fixtures/twice/en-twice.pdf`, made with
//! `pdfunite en.pdf en.pdf`).

use serde_json::Value;

use crate::helpers::{blocks, collapsed, corpus, paragraph, paragraph_numbers, unpara_json};

fn extract(path: &str) -> Value {
    unpara_json(&["extract", path])
}

fn numbers(n: usize) -> Vec<String> {
    (1..=n).map(|i| i.to_string()).collect()
}

fn markers(doc: &Value) -> Vec<(String, u64)> {
    doc["footnotes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| {
            (
                f["marker"].as_str().unwrap_or_default().to_string(),
                f["page"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

fn all_text(doc: &Value) -> String {
    blocks(doc)
        .iter()
        .map(|b| b["text"].as_str().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A/80/590: 79 numbered paragraphs, footnote 1, the table notes `a` under three
/// tables (pages 5, 20, 23) as notes with their marker, `m³` an exponent, and the same
/// metadata and paragraphs from the PDF and the Word file.
#[test]
fn a_80_590_pdf_and_docx() {
    let (Some(pdf), Some(docx)) = (corpus("un-en/A_80_590.pdf"), corpus("un-en/A_80_590.docx"))
    else {
        return;
    };
    let pdf = extract(&pdf);
    let docx = extract(&docx);
    assert_eq!(paragraph_numbers(&pdf), numbers(79));
    assert_eq!(paragraph_numbers(&docx), numbers(79));
    assert_eq!(
        markers(&pdf),
        [
            ("a".to_string(), 5),
            ("a".to_string(), 20),
            ("1".to_string(), 21),
            ("a".to_string(), 23)
        ]
    );
    let notes = pdf["footnotes"].as_array().unwrap();
    assert!(notes[0]["text"]
        .as_str()
        .unwrap()
        .starts_with("Represents the highest level of authorized/proposed deployment"));
    assert!(notes[2]["text"].as_str().unwrap().starts_with(
        "Resource variance amounts are expressed in thousands of United States dollars."
    ));
    // Each table note belongs to the table it sits under.
    for n in notes {
        let block = blocks(&pdf).iter().find(|b| b["id"] == n["block"]).unwrap();
        assert!(
            block["pages"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p == &n["page"]),
            "{n}"
        );
    }
    assert_eq!(markers(&docx), [("1".to_string(), 4)]);
    // m³ is an exponent: in the text, not a footnote marker.
    let p28 = paragraph(&pdf, "28")["text"].as_str().unwrap();
    assert!(p28.contains("collecting 2,050 m³ of general waste and 12.5 m³ of incinerated"));
    assert_eq!(paragraph(&docx, "28")["text"].as_str().unwrap(), p28);
    assert!(!pdf["diagnostics"]["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w.as_str().unwrap().contains("has no footnote text")));
    for key in [
        "symbol",
        "job_number",
        "distribution",
        "date",
        "original_language",
        "title",
    ] {
        assert_eq!(pdf["metadata"][key], docx["metadata"][key], "{key}");
    }
    assert_eq!(pdf["metadata"]["symbol"], "A/80/590");
    assert_eq!(pdf["metadata"]["date"], "2026-01-07");
    assert_eq!(
        pdf["metadata"]["title"],
        "Budget performance of the United Nations Multidimensional Integrated Stabilization \
         Mission in Mali for the period from 1 July 2024 to 30 June 2025"
    );
    assert_eq!(docx["source"]["pages"], 27);
    // Paragraph texts agree between the two readers.
    for n in numbers(79) {
        assert_eq!(
            collapsed(paragraph(&pdf, &n)["text"].as_str().unwrap()),
            collapsed(paragraph(&docx, &n)["text"].as_str().unwrap()),
            "paragraph {n}"
        );
    }
    // The summary table of page 3 is table rows, not a footnote.
    let rows: Vec<&str> = blocks(&pdf)
        .iter()
        .filter(|b| b["kind"] == "table" && b["pages"] == serde_json::json!([3]))
        .map(|b| b["text"].as_str().unwrap())
        .collect();
    assert!(
        rows.contains(&"Civilian personnel\t68 552.0\t50 969.8\t17 582.2\t25.6"),
        "{rows:?}"
    );
}

/// S/2013/220: 124 numbered paragraphs; paragraph 4 whole across the first page's
/// footer (job number, date code, barcode); `km²` an exponent; the annex's table notes
/// a–c under its table.
#[test]
fn s_2013_220() {
    let Some(path) = corpus("un-en/S_2013_220.pdf") else {
        return;
    };
    let doc = extract(&path);
    assert_eq!(paragraph_numbers(&doc), numbers(124));
    let p4 = paragraph(&doc, "4");
    assert_eq!(p4["pages"], serde_json::json!([1, 2]));
    let t = p4["text"].as_str().unwrap();
    assert!(t.starts_with(
        "Other protests took the form of expressions of support for self-determination"
    ));
    assert!(t.contains(
        "were dispersed by Moroccan security forces. In February 2013, the trial of the suspects"
    ));
    assert!(t.ends_with("including pro-Frente Polisario graffiti in some neighbourhoods."));
    let text = all_text(&doc);
    for furniture in ["13-27781", "1327781", "090413", "S/2013/220"] {
        assert!(!text.contains(furniture), "{furniture} in the blocks");
    }
    assert!(text.contains("the clearance of more than 199 km² of land"));
    assert_eq!(
        markers(&doc),
        [
            ("a".to_string(), 24),
            ("b".to_string(), 24),
            ("c".to_string(), 24)
        ]
    );
    assert!(doc["diagnostics"]["warnings"]
        .as_array()
        .unwrap()
        .is_empty());
    assert_eq!(doc["metadata"]["job_number"], "13-27781");
    assert_eq!(
        doc["metadata"]["title"],
        "Report of the Secretary-General on the situation concerning Western Sahara"
    );
}

/// One document printed twice: both paragraph sequences, with a warning, and not a
/// word lost to furniture (the second copy's lines repeat the first's at the same
/// places).
#[test]
fn a_document_printed_twice_keeps_both_copies() {
    let twice = extract("fixtures/twice/en-twice.pdf");
    let once = extract("fixtures/CAC_COSP_WG.4_2017_4/en.pdf");
    let mut expected = numbers(93);
    expected.extend(numbers(93));
    assert_eq!(paragraph_numbers(&twice), expected);
    assert!(twice["diagnostics"]["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w
            .as_str()
            .unwrap()
            .contains("paragraph numbers restart at 1 after 93")));
    let paragraphs = |d: &Value| -> Vec<String> {
        blocks(d)
            .iter()
            .filter(|b| b["kind"] == "paragraph")
            .map(|b| b["text"].as_str().unwrap().to_string())
            .collect()
    };
    let (p2, p1) = (paragraphs(&twice), paragraphs(&once));
    assert_eq!(&p2[..93], &p1[..]);
    assert_eq!(&p2[93..], &p1[..]);
    assert_eq!(twice["footnotes"].as_array().unwrap().len(), 4);
}
