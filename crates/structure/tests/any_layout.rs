//! No layout makes the structure stage panic: random pages of lines (sizes, places,
//! raised spans, labels, furniture-like texts, a rule) always give a document that holds
//! together — every parent and every footnote's block names a block that exists, and no
//! block is empty without a label.

use proptest::prelude::*;
use unpara_model::{FontInfo, Layout, Line, Page, Rule, Source, SourceFormat, Span};

/// Words the rules react to: labels, markers, furniture patterns, heading words.
const WORDS: &[&str] = &[
    "1.",
    "2.",
    "10.1",
    "(a)",
    "(i)",
    "I.",
    "A.",
    "㈠",
    "一.",
    "Article",
    "第一条",
    "Preamble",
    "Whereas",
    "鉴于",
    "*",
    "a",
    "1",
    "2",
    "V.17-06020",
    "*1706020*",
    "2/9",
    "A/80/590",
    "Distr.:",
    "General",
    "29",
    "August",
    "2017",
    "km",
    "text",
    "the",
    "of",
    "联合国",
    "，",
    "。",
    "Rev.1",
    "¹",
    "²",
    "-",
    "–",
];

fn span() -> impl Strategy<Value = (String, f32, f32, f32)> {
    (
        prop::collection::vec(prop::sample::select(WORDS), 1..6),
        0.0f32..600.0,
        4.0f32..20.0,
        -4.0f32..6.0,
    )
        .prop_map(|(w, x, size, rise)| (w.join(" "), x, size, rise))
}

fn line() -> impl Strategy<Value = Line> {
    (prop::collection::vec(span(), 1..4), 0.0f32..850.0).prop_map(|(spans, y)| {
        let mut x = spans.first().map_or(0.0, |s| s.1);
        let spans: Vec<Span> = spans
            .into_iter()
            .map(|(text, gap, size, rise)| {
                let w = 0.5 * size * text.chars().count() as f32;
                let s = Span {
                    x0: x,
                    x1: x + w,
                    baseline: y + rise,
                    size,
                    font: 0,
                    lead: 0.25 * w,
                    text,
                };
                x += w + gap / 20.0;
                s
            })
            .collect();
        let x0 = spans.first().map_or(0.0, |s| s.x0);
        let x1 = spans.iter().map(|s| s.x1).fold(x0, f32::max);
        let size = spans.iter().map(|s| s.size).fold(0.0, f32::max);
        Line {
            spans,
            x0,
            x1,
            baseline: y,
            size,
            rotation: 0,
            vertical: false,
        }
    })
}

fn page() -> impl Strategy<Value = Vec<Line>> {
    prop::collection::vec(line(), 0..40)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn any_layout_gives_a_document(pages in prop::collection::vec(page(), 1..5), rule_y in 0.0f32..800.0) {
        let layout = Layout {
            pages: pages
                .into_iter()
                .enumerate()
                .map(|(i, mut lines)| {
                    lines.sort_by(|a, b| b.baseline.total_cmp(&a.baseline));
                    Page {
                        number: i as u32 + 1,
                        width: 595.0,
                        height: 842.0,
                        lines,
                        rules: vec![Rule { x0: 60.0, x1: 200.0, y: rule_y }],
                    }
                })
                .collect(),
            fonts: vec![FontInfo { name: "F".into(), bold: false, italic: true }],
            ..Layout::default()
        };
        let source = Source {
            path: String::new(),
            format: SourceFormat::Pdf,
            sha256: String::new(),
            pages: layout.pages.len() as u32,
            producer: None,
        };
        // `Err` only when there is no text at all.
        if let Ok(doc) = unpara_structure::build_document(&layout, source, None) {
            for b in &doc.blocks {
                prop_assert!(!b.text.is_empty() || b.label.is_some());
                prop_assert!(b.parent.as_ref().is_none_or(|p| doc.blocks.iter().any(|o| &o.id == p)));
            }
            for f in &doc.footnotes {
                prop_assert!(f.block.as_ref().is_none_or(|id| doc.blocks.iter().any(|o| &o.id == id)));
            }
        }
    }
}
