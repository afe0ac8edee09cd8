//! A Word document built here, part by part: automatic numbering becomes labels, a
//! heading style marks a heading, a table row is one paragraph with tab-separated cells,
//! a footnote reference gets its footnote, a text box is its own paragraph after its
//! anchor, the first page's header comes first among the furniture, `docProps/app.xml`
//! gives the page count and the application. The real `A_80_590.docx` of the shared
//! corpus is checked too, when it is there. (What the structure stage makes of such a
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
    /// Text, heading level, table row, size, indent, footnote references.
    type Shape<'a> = (&'a str, Option<u8>, bool, f32, f32, &'a [String]);
    let shape: Vec<Shape> = flow
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

const R: &str = r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

fn document(body: &str) -> String {
    format!(r#"<w:document {W} {R}><w:body>{body}</w:body></w:document>"#)
}

fn plain(text: &str) -> String {
    format!("<w:p>{}</w:p>", run(text))
}

/// A run anchoring a text box with these paragraphs, written as Word writes it: the
/// DrawingML box in `mc:Choice`, the same box in VML in `mc:Fallback`.
fn text_box(paragraphs: &str) -> String {
    format!(
        r#"<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>5495290</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>-365760</wp:posOffset></wp:positionV><wp:extent cx="914400" cy="228600"/><wp:wrapNone/><wp:docPr id="2" name="Text Box 2"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape id="Text Box 2" style="position:absolute"><v:textbox><w:txbxContent>{paragraphs}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"#
    )
}

fn texts(flow: &unpara_model::Flow) -> Vec<(&str, bool)> {
    flow.paragraphs
        .iter()
        .map(|p| (p.text.as_str(), p.text_box))
        .collect()
}

#[test]
fn a_text_box_is_its_own_paragraph_after_its_anchor() {
    let barcode = plain("*2600248*");
    let anchored = |boxed: String| {
        document(&format!(
            "<w:p>{}{boxed}{}</w:p>{}",
            run("Before "),
            run(" after."),
            plain("Next paragraph.")
        ))
    };
    let expected = [
        ("Before after.", false),
        ("*2600248*", true),
        ("Next paragraph.", false),
    ];
    // Word's own markup: the box twice, in mc:Choice and mc:Fallback; read once.
    let bytes = docx(&[("word/document.xml", anchored(text_box(&barcode)))]);
    let flow = read_docx(&bytes, &ReadOptions::default()).expect("readable");
    assert_eq!(texts(&flow), expected);
    // A VML text box alone (older files).
    let vml = format!(
        r#"<w:r><w:pict><v:shape><v:textbox><w:txbxContent>{barcode}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"#
    );
    let bytes = docx(&[("word/document.xml", anchored(vml))]);
    let flow = read_docx(&bytes, &ReadOptions::default()).expect("readable");
    assert_eq!(texts(&flow), expected);
}

#[test]
fn the_first_page_header_and_footer_come_first() {
    // One section, a different first page: header2 and footer1 are printed on page 1.
    let body = format!(
        r#"{}<w:sectPr><w:headerReference w:type="default" r:id="rId7"/><w:headerReference w:type="first" r:id="rId8"/><w:footerReference w:type="first" r:id="rId9"/><w:titlePg/></w:sectPr>"#,
        plain("Body text.")
    );
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#;
    let symbol_cell = format!(
        "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc><w:p>{}{}</w:p></w:tc></w:tr></w:tbl>",
        plain("United Nations"),
        run("A"),
        run("/80/590")
    );
    let header2 = format!(
        "<w:hdr {W}>{symbol_cell}{}{}</w:hdr>",
        plain("Distr.: General"),
        plain("7 January 2026")
    );
    let job = format!(
        "<w:p>{}<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>{}<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>{}</w:p>",
        run("26-00248 (E)"),
        run("\t3"),
        text_box(&plain("*2600248*"))
    );
    let bytes = docx(&[
        (
            "word/header1.xml",
            format!("<w:hdr {W}>{}</w:hdr>", plain("A/80/590")),
        ),
        ("word/document.xml", document(&body)),
        (
            "word/footer2.xml",
            format!("<w:ftr {W}>{}</w:ftr>", plain("2/4")),
        ),
        ("word/footer1.xml", format!("<w:ftr {W}>{job}</w:ftr>")),
        ("word/header2.xml", header2),
        ("word/_rels/document.xml.rels", rels.to_string()),
    ]);
    let flow = read_docx(&bytes, &ReadOptions::default()).expect("readable");
    assert_eq!(
        flow.furniture,
        [
            "United Nations",
            "A/80/590",
            "Distr.: General",
            "7 January 2026",
            "26-00248 (E) 3",
            "*2600248*",
            "2/4",
            "A/80/590"
        ]
    );
}

#[test]
fn without_a_different_first_page_the_default_header_comes_first() {
    let body = format!(
        r#"{}<w:sectPr><w:headerReference w:type="default" r:id="rId2"/><w:headerReference w:type="first" r:id="rId1"/></w:sectPr>"#,
        plain("Body text.")
    );
    let rels = r#"<Relationships><Relationship Id="rId1" Type="…/header" Target="header1.xml"/><Relationship Id="rId2" Type="…/header" Target="/word/header2.xml"/></Relationships>"#;
    let bytes = docx(&[
        ("word/document.xml", document(&body)),
        (
            "word/header1.xml",
            format!("<w:hdr {W}>{}</w:hdr>", plain("first")),
        ),
        (
            "word/header2.xml",
            format!("<w:hdr {W}>{}</w:hdr>", plain("default")),
        ),
        ("word/_rels/document.xml.rels", rels.to_string()),
    ]);
    let flow = read_docx(&bytes, &ReadOptions::default()).expect("readable");
    assert_eq!(flow.furniture, ["default", "first"]);
}

#[test]
fn a_damaged_header_costs_only_its_own_text() {
    let bytes = docx(&[
        ("word/document.xml", document(&plain("Body text."))),
        ("word/header1.xml", format!("<w:hdr {W}><w:p><w:r><w:t>cut")),
        (
            "word/footer1.xml",
            format!("<w:ftr {W}>{}</w:ftr>", plain("2/4")),
        ),
    ]);
    let flow = read_docx(&bytes, &ReadOptions::default()).expect("readable");
    assert_eq!(texts(&flow), [("Body text.", false)]);
    assert_eq!(flow.furniture, ["2/4"]);
    assert!(
        flow.warnings
            .iter()
            .any(|w| w.starts_with("word/header1.xml is not read")),
        "{:?}",
        flow.warnings
    );
}

#[test]
fn app_properties_give_pages_and_producer() {
    let app = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Template>Normal</Template><Pages>27</Pages><Words>9527</Words><Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity></Properties>"#;
    let body = document(&plain("Body text."));
    let read = |app: Option<&str>| {
        let mut parts = vec![("word/document.xml", body.clone())];
        if let Some(a) = app {
            parts.push(("docProps/app.xml", a.to_string()));
        }
        read_docx(&docx(&parts), &ReadOptions::default()).expect("readable")
    };
    let flow = read(Some(app));
    assert_eq!(flow.pages, Some(27));
    assert_eq!(flow.producer.as_deref(), Some("Microsoft Office Word"));
    assert!(flow.warnings.is_empty(), "{:?}", flow.warnings);
    let flow = read(None);
    assert_eq!((flow.pages, flow.producer), (None, None));
    // Malformed: no properties, no error.
    let flow = read(Some("<Properties><Pages>27</Pages><Application>Word"));
    assert_eq!((flow.pages, flow.producer), (None, None));
    assert_eq!(flow.paragraphs.len(), 1);
}

/// `../shared/corpus/<rel>` next to the repository, or `None` with the reason printed.
fn corpus(rel: &str) -> Option<Vec<u8>> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus")
        .join(rel);
    match std::fs::read(&p) {
        Ok(bytes) => Some(bytes),
        Err(_) => {
            // Past the test harness's capture, so that the skip shows in `cargo test`.
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "skipped: {} is absent (the shared corpus is not next to this clone)",
                p.display()
            );
            None
        }
    }
}

#[test]
fn a_80_590_front_page_furniture_pages_and_producer() {
    let Some(bytes) = corpus("un-en/A_80_590.docx") else {
        return;
    };
    let flow = read_docx(&bytes, &ReadOptions::default()).expect("readable");
    assert_eq!(flow.pages, Some(27));
    assert_eq!(flow.producer.as_deref(), Some("Microsoft Office Word"));
    assert_eq!(
        flow.furniture.get(..6),
        Some(
            &[
                "United Nations",
                "A/80/590",
                "General Assembly",
                "Distr.: General",
                "7 January 2026",
                "Original: English"
            ]
            .map(String::from)[..]
        )
    );
    // The first-page footer next: job number line and barcode; no field codes.
    assert_eq!(
        flow.furniture.get(6..8),
        Some(&["26-00248 (E) 160126", "*2600248*"].map(String::from)[..])
    );
    assert!(
        flow.furniture
            .iter()
            .all(|f| !f.contains("MERGEFORMAT") && !f.contains("5495290")),
        "{:?}",
        flow.furniture
    );
    // Its drawings are a picture and a line, not text boxes: no paragraph is made of a
    // drawing's position numbers.
    assert_eq!(flow.paragraphs.iter().filter(|p| p.text_box).count(), 0);
    assert!(!flow.paragraphs.iter().any(|p| p.text.contains("2669540")));
    assert_eq!(
        flow.paragraphs.first().map(|p| p.text.as_str()),
        Some("Eightieth session")
    );
}
