//! Issue 10, items 6, 7, 11 and 13 on layouts built here: section-prefixed paragraph
//! numbers, a document printed twice, numbers restarting under every article, table
//! rows that start with a number, `*` notes on the front page, and the diagnostics a
//! reviewer acts on.

use unpara_model::{
    BlockKind, Document, FontInfo, Layout, Line, Page, Rule, Source, SourceFormat, Span,
};

/// Left and right edges of the text frame, points (A4, 72 pt margins).
const LEFT: f32 = 72.0;
const RIGHT: f32 = 523.0;

fn span(text: &str, x0: f32, x1: f32, baseline: f32, size: f32) -> Span {
    Span {
        text: text.to_string(),
        x0,
        x1,
        baseline,
        size,
        font: 0,
        lead: 0.0,
    }
}

fn line(spans: Vec<Span>) -> Line {
    let x0 = spans.first().map_or(0.0, |s| s.x0);
    let x1 = spans.iter().map(|s| s.x1).fold(x0, f32::max);
    let baseline = spans.first().map_or(0.0, |s| s.baseline);
    let size = spans.iter().map(|s| s.size).fold(0.0, f32::max);
    Line {
        spans,
        x0,
        x1,
        baseline,
        size,
        rotation: 0,
        vertical: false,
    }
}

/// A page being written top down, 12 pt apart, paragraphs 6 pt apart.
struct Writer {
    pages: Vec<Page>,
    lines: Vec<Line>,
    rules: Vec<Rule>,
    y: f32,
}

impl Writer {
    fn new() -> Writer {
        Writer {
            pages: Vec::new(),
            lines: Vec::new(),
            rules: Vec::new(),
            y: 770.0,
        }
    }

    /// A numbered paragraph: the label at the left edge, its text after a tab, then a
    /// full line and a short last one.
    fn paragraph(&mut self, label: &str, words: &str) -> &mut Self {
        let y = self.y;
        self.lines.push(line(vec![
            span(&format!("{label} "), LEFT, LEFT + 20.0, y, 10.0),
            span(
                &format!("{words} and the first line runs"),
                108.0,
                RIGHT,
                y,
                10.0,
            ),
        ]));
        self.lines.push(line(vec![span(
            "on to the right edge of the frame and ends with a short line that goes",
            LEFT,
            RIGHT,
            y - 12.0,
            10.0,
        )]));
        self.lines
            .push(line(vec![span("no further.", LEFT, 130.0, y - 24.0, 10.0)]));
        self.y -= 42.0;
        self
    }

    /// A line of its own (a heading, a table row) with 6 pt before and after.
    fn row(&mut self, spans: &[(&str, f32, f32)], size: f32) -> &mut Self {
        let y = self.y;
        self.lines.push(line(
            spans
                .iter()
                .map(|(t, a, b)| span(t, *a, *b, y, size))
                .collect(),
        ));
        self.y -= 18.0;
        self
    }

    fn page_break(&mut self) -> &mut Self {
        let number = self.pages.len() as u32 + 1;
        let mut lines = std::mem::take(&mut self.lines);
        lines.push(line(vec![span(
            &format!("{number}/9"),
            RIGHT - 20.0,
            RIGHT,
            40.0,
            8.0,
        )]));
        self.pages.push(Page {
            number,
            width: 595.0,
            height: 842.0,
            lines,
            rules: std::mem::take(&mut self.rules),
        });
        self.y = 770.0;
        self
    }

    fn document(&mut self) -> Document {
        if !self.lines.is_empty() {
            self.page_break();
        }
        let layout = Layout {
            pages: std::mem::take(&mut self.pages),
            fonts: vec![FontInfo::default()],
            ..Layout::default()
        };
        let source = Source {
            path: "built.pdf".into(),
            format: SourceFormat::Pdf,
            sha256: String::new(),
            pages: layout.pages.len() as u32,
            producer: None,
        };
        unpara_structure::build_document(&layout, source, Some(unpara_model::Lang::En))
            .expect("a document")
    }
}

fn numbers(doc: &Document) -> Vec<&str> {
    doc.blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .filter_map(|b| b.number.as_deref())
        .collect()
}

/// Programme budget fascicles number paragraphs `10.1` … within section 10.
#[test]
fn section_prefixed_numbers_are_paragraphs() {
    let doc = Writer::new()
        .row(&[("Section 10", LEFT, 140.0)], 12.0)
        .paragraph("10.1", "The Office")
        .paragraph("10.2", "The programme")
        .paragraph("10.3", "Its mandate")
        .document();
    assert_eq!(numbers(&doc), ["10.1", "10.2", "10.3"]);
    let labels: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| b.label.as_deref())
        .collect();
    assert_eq!(labels, ["10.1", "10.2", "10.3"]);
}

/// Table rows starting `1.` are a table, not paragraphs 1–3; the paragraph numbers
/// around the table go on.
#[test]
fn table_rows_starting_with_numbers_are_not_paragraphs() {
    let doc = Writer::new()
        .paragraph("1.", "The Group met")
        .row(
            &[
                ("1. ", LEFT, 84.0),
                ("Austria ", 120.0, 170.0),
                ("12", 400.0, 412.0),
            ],
            9.0,
        )
        .row(
            &[
                ("2. ", LEFT, 84.0),
                ("Belgium ", 120.0, 172.0),
                ("7", 406.0, 412.0),
            ],
            9.0,
        )
        .row(
            &[
                ("3. ", LEFT, 84.0),
                ("Chile ", 120.0, 160.0),
                ("15", 400.0, 412.0),
            ],
            9.0,
        )
        .paragraph("2.", "It then adopted")
        .document();
    assert_eq!(numbers(&doc), ["1", "2"]);
    let rows: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Table)
        .map(|b| b.text.as_str())
        .collect();
    // The row number is the table's first cell, kept as printed.
    assert_eq!(rows, ["1.\tAustria\t12", "2.\tBelgium\t7", "3.\tChile\t15"]);
}

/// A PDF holding one document twice: the second copy's page repeats the first's at the
/// same places (it is no running header), its sequence is paragraphs too, said in a
/// warning, and no word is lost.
#[test]
fn a_restarted_sequence_is_a_new_sequence() {
    let mut w = Writer::new();
    for _ in 0..2 {
        w.row(
            &[
                ("I. ", LEFT - 30.0, LEFT - 20.0),
                ("Introduction", LEFT, 150.0),
            ],
            10.0,
        )
        .paragraph("1.", "First")
        .paragraph("2.", "Second")
        .paragraph("3.", "Third")
        .page_break();
    }
    let doc = w.document();
    assert_eq!(numbers(&doc), ["1", "2", "3", "1", "2", "3"]);
    assert!(doc
        .diagnostics
        .warnings
        .iter()
        .any(|w| w.contains("restart at 1 after 3")));
    let text: String = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(text.matches("no further.").count(), 6);
    let headings = doc
        .blocks
        .iter()
        .filter(|b| b.text == "Introduction")
        .count();
    assert_eq!(headings, 2);
}

/// A declaration numbers the paragraphs of each article from 1: they are the article's
/// items, as the UDHR XML reader reads them.
#[test]
fn numbers_restarting_under_every_article_are_its_items() {
    let doc = Writer::new()
        .row(&[("Article 13", 260.0, 320.0)], 10.0)
        .paragraph("1.", "Everyone has the right to freedom of movement")
        .paragraph("2.", "Everyone has the right to leave any country")
        .row(&[("Article 14", 260.0, 320.0)], 10.0)
        .paragraph("1.", "Everyone has the right to seek asylum")
        .paragraph("2.", "This right may not be invoked")
        .document();
    let articles: Vec<(&str, Option<&str>)> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .map(|b| (b.text.as_str(), b.number.as_deref()))
        .collect();
    assert_eq!(
        articles,
        [("Article 13", Some("13")), ("Article 14", Some("14"))]
    );
    assert!(numbers(&doc).is_empty());
    let items: Vec<(&str, Option<&str>)> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Item)
        .map(|b| (b.label.as_deref().unwrap_or(""), b.parent.as_deref()))
        .collect();
    let heading_ids: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .map(|b| b.id.as_str())
        .collect();
    assert_eq!(
        items,
        [
            ("1.", Some(heading_ids[0])),
            ("2.", Some(heading_ids[0])),
            ("1.", Some(heading_ids[1])),
            ("2.", Some(heading_ids[1])),
        ]
    );
}

/// A front-page `*` note under the separator, referenced from the title.
#[test]
fn asterisk_notes_are_footnotes() {
    let mut w = Writer::new();
    w.row(
        &[
            ("Report of the Working Group", LEFT, 300.0),
            ("*", 300.0, 304.0),
        ],
        14.0,
    )
    .paragraph("1.", "The Group met");
    // The raised `*` of the title.
    if let Some(title) = w.lines.first_mut() {
        if let Some(star) = title.spans.get_mut(1) {
            star.baseline += 5.0;
            star.size = 8.0;
        }
    }
    w.rules.push(Rule {
        x0: LEFT,
        x1: LEFT + 144.0,
        y: 120.0,
    });
    w.lines.push(line(vec![
        span("* ", LEFT, LEFT + 4.0, 108.0, 8.0),
        span(
            "Reissued for technical reasons.",
            LEFT + 12.0,
            220.0,
            108.0,
            8.0,
        ),
    ]));
    let doc = w.document();
    assert_eq!(doc.footnotes.len(), 1);
    assert_eq!(doc.footnotes[0].marker, "*");
    assert_eq!(doc.footnotes[0].text, "Reissued for technical reasons.");
    let title = doc
        .blocks
        .iter()
        .find(|b| b.text.starts_with("Report of the Working Group"))
        .expect("the title");
    assert_eq!(title.footnote_refs, ["*"]);
    assert_eq!(doc.footnotes[0].block.as_deref(), Some(title.id.as_str()));
}

/// What a reviewer is told: numbers that jump, a job number inside a block.
#[test]
fn diagnostics_name_what_to_check() {
    let doc = Writer::new()
        .paragraph("1.", "First")
        .paragraph("2.", "Second")
        .paragraph("4.", "Fourth 18-16895")
        .document();
    assert_eq!(numbers(&doc), ["1", "2", "4"]);
    let w = &doc.diagnostics.warnings;
    assert!(w.iter().any(|w| w.contains("jump from 2 to 4")), "{w:?}");
    assert!(w.iter().any(|w| w.contains("a job number")), "{w:?}");
}
