//! A Word document built here, part by part, through the whole pipeline: automatic
//! numbering becomes paragraph numbers and items, a heading style makes a heading, a
//! table row is a `table` block with tab-separated cells, a footnote reference anchors
//! its footnote; the first-page header part carries the front page's metadata.

use std::io::{Cursor, Write};

use serde_json::Value;

use crate::helpers::{blocks, unpara_json};

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

/// A DOCX holding the given parts.
fn zipped(parts: &[(&str, String)]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, xml) in parts {
        z.start_file(*name, zip::write::SimpleFileOptions::default())
            .expect("entry");
        z.write_all(xml.as_bytes()).expect("write");
    }
    z.finish().expect("zip").into_inner()
}

/// A paragraph of style `style`, numbered `(numId, ilvl)` when given, holding `runs`.
fn paragraph_xml(style: &str, num: Option<(u32, u32)>, runs: &str) -> String {
    let num = num.map_or(String::new(), |(id, lvl)| {
        format!(r#"<w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{id}"/></w:numPr>"#)
    });
    format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/>{num}</w:pPr>{runs}</w:p>"#)
}

fn text_run(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

fn built_docx() -> Vec<u8> {
    let styles = format!(
        r#"<w:styles {W}>
        <w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="20"/></w:rPr></w:rPrDefault></w:docDefaults>
        <w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body"/><w:pPr><w:spacing w:after="120"/><w:ind w:left="1134"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>
        </w:styles>"#
    );
    let numbering = format!(
        r#"<w:numbering {W}><w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
        </w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#
    );
    let footnotes = format!(
        r#"<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
        <w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> See A/RES/73/3.</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    let body = [
        paragraph_xml("Heading1", None, &text_run("Introduction")),
        paragraph_xml("Body", Some((3, 0)), &text_run("The Working Group met twice.")),
        paragraph_xml("Body", Some((3, 1)), &text_run("to assist the Conference;")),
        paragraph_xml("Body", Some((3, 1)), &text_run("to gather practices.")),
        paragraph_xml(
            "Body",
            Some((3, 0)),
            &format!(
                r#"{}<w:r><w:footnoteReference w:id="7"/></w:r>{}"#,
                text_run("It adopted the report."),
                text_run(" It closed.")
            ),
        ),
        r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Austria</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>12</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#.to_string(),
    ]
    .concat();
    let document = format!(r#"<w:document {W}><w:body>{body}</w:body></w:document>"#);
    zipped(&[
        ("word/document.xml", document),
        ("word/styles.xml", styles),
        ("word/numbering.xml", numbering),
        ("word/footnotes.xml", footnotes),
    ])
}

#[test]
fn built_docx_numbering_headings_tables_and_footnotes() {
    let dir = tempfile::tempdir().expect("scratch folder");
    let path = dir.path().join("built.docx");
    std::fs::write(&path, built_docx()).expect("write docx");
    let doc = unpara_json(&["extract", "--lang", "en", &path.to_string_lossy()]);
    let b = blocks(&doc);
    let shape: Vec<(&str, &Value, &Value, &str)> = b
        .iter()
        .map(|b| {
            (
                b["kind"].as_str().unwrap_or_default(),
                &b["label"],
                &b["number"],
                b["text"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    let null = Value::Null;
    let s = |v: &str| Value::String(v.to_string());
    assert_eq!(
        shape,
        [
            ("heading", &null, &null, "Introduction"),
            (
                "paragraph",
                &s("1."),
                &s("1"),
                "The Working Group met twice."
            ),
            ("item", &s("(a)"), &null, "to assist the Conference;"),
            ("item", &s("(b)"), &null, "to gather practices."),
            (
                "paragraph",
                &s("2."),
                &s("2"),
                "It adopted the report. It closed."
            ),
            ("table", &null, &null, "Austria\t12"),
        ]
    );
    assert_eq!(b[2]["parent"], b[1]["id"]);
    assert_eq!(b[4]["footnote_refs"], serde_json::json!(["1"]));
    let notes = doc["footnotes"].as_array().expect("footnotes");
    assert_eq!(notes.len(), 1);
    assert_eq!(
        (&notes[0]["marker"], &notes[0]["text"], &notes[0]["block"]),
        (&s("1"), &s("See A/RES/73/3."), &b[4]["id"])
    );
}
