//! A Word document built here, part by part: automatic numbering becomes labels, a
//! heading style marks a heading, a table row is one paragraph with tab-separated cells,
//! a footnote reference gets its footnote. (What the structure stage makes of such a
//! flow is tested end to end in `tests/e2e/docx_built.rs`.)

use std::io::{Cursor, Write};

use unpara_model::FlowParagraph;
use unpara_xml::{read_docx, ReadOptions};

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn docx(parts: &[(&str, String)]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, xml) in parts {
        z.start_file(*name, zip::write::SimpleFileOptions::default())
            .expect("entry");
        z.write_all(xml.as_bytes()).expect("write");
    }
    z.finish().expect("zip").into_inner()
}

fn para(style: &str, num: Option<(u32, u32)>, runs: &str) -> String {
    let num = num.map_or(String::new(), |(id, lvl)| {
        format!(r#"<w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{id}"/></w:numPr>"#)
    });
    format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/>{num}</w:pPr>{runs}</w:p>"#)
}

fn run(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

#[test]
fn numbering_headings_tables_and_footnotes() {
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
        para("Heading1", None, &run("Introduction")),
        para("Body", Some((3, 0)), &run("The Working Group met twice.")),
        para("Body", Some((3, 1)), &run("to assist the Conference;")),
        para("Body", Some((3, 1)), &run("to gather practices.")),
        para(
            "Body",
            Some((3, 0)),
            &format!(r#"{}<w:r><w:footnoteReference w:id="7"/></w:r>{}"#, run("It adopted the report."), run(" It closed.")),
        ),
        r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Austria</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>12</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#.to_string(),
    ]
    .concat();
    let document = format!(r#"<w:document {W}><w:body>{body}</w:body></w:document>"#);
    let bytes = docx(&[
        ("word/document.xml", document),
        ("word/styles.xml", styles),
        ("word/numbering.xml", numbering),
        ("word/footnotes.xml", footnotes),
    ]);
    let flow = read_docx(&bytes, &ReadOptions::default()).expect("readable");
    let shape: Vec<(&str, Option<u8>, bool, f32, f32, &[String])> = flow
        .paragraphs
        .iter()
        .map(|p: &FlowParagraph| {
            (
                p.text.as_str(),
                p.heading,
                p.table_row,
                p.size,
                p.indent,
                p.footnote_refs.as_slice(),
            )
        })
        .collect();
    let one = ["1".to_string()];
    assert_eq!(
        shape,
        [
            ("Introduction", Some(1), false, 12.0, 0.0, &[][..]),
            (
                "1.\tThe Working Group met twice.",
                None,
                false,
                10.0,
                56.7,
                &[][..]
            ),
            (
                "(a)\tto assist the Conference;",
                None,
                false,
                10.0,
                56.7,
                &[][..]
            ),
            (
                "(b)\tto gather practices.",
                None,
                false,
                10.0,
                56.7,
                &[][..]
            ),
            (
                "2.\tIt adopted the report. It closed.",
                None,
                false,
                10.0,
                56.7,
                &one[..]
            ),
            ("Austria\t12", None, true, 10.0, 0.0, &[][..]),
        ]
    );
    assert!(flow.paragraphs[0].bold && !flow.paragraphs[1].bold);
    assert_eq!(flow.footnotes.len(), 1);
    assert_eq!(
        (
            flow.footnotes[0].marker.as_str(),
            flow.footnotes[0].text.as_str()
        ),
        ("1", "See A/RES/73/3.")
    );
}

#[test]
fn not_a_word_document() {
    let bytes = docx(&[("hello.txt", "hi".to_string())]);
    let err = read_docx(&bytes, &ReadOptions::default()).expect_err("no document part");
    assert_eq!(
        err.to_string(),
        "not a readable Word document: no word/document.xml: not a Word document"
    );
}
