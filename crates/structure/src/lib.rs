//! Structure stage of unpara: a page [`Layout`] → a [`Document`] of UN blocks.
//!
//! Finds running headers and footers (position + repetition + UN furniture patterns),
//! the footnote area (separator rule, smaller size), the front-page metadata (symbol,
//! distribution, date, original language, job number, title), then cuts the body into
//! headings, numbered paragraphs, sub-items and other text, with footnote markers
//! taken out of the text into `footnote_refs`.
//!
//! ```
//! use unpara_model::{Layout, Source, SourceFormat};
//! let bytes = std::fs::read("../../fixtures/CAC_COSP_WG.4_2017_4/en.pdf").unwrap();
//! let layout = unpara_pdf::read_pdf(&bytes, &Default::default()).unwrap();
//! let source = Source { path: "en.pdf".into(), format: SourceFormat::Pdf,
//!     sha256: String::new(), pages: 11, producer: None };
//! let doc = unpara_structure::build_document(&layout, source, None).unwrap();
//! assert_eq!(doc.metadata.symbol.as_deref(), Some("CAC/COSP/WG.4/2017/4"));
//! assert_eq!(doc.blocks.iter().filter(|b| b.number.is_some()).count(), 93);
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod blocks;
mod error;
mod flow;
mod footnotes;
mod labels;
mod language;
mod metadata;
mod patterns;
mod text;
mod zones;

use std::collections::HashMap;

use unpara_model::{
    Block, BlockKind, Diagnostics, Document, Footnote, Lang, Layout, Metadata, Source,
};

pub use error::StructureError;
pub use flow::build_document_from_flow;
pub use labels::{recognize as recognize_label, Label, LabelKind};
pub use language::{detect_language, detect_text_language};

use blocks::BodyLine;
use zones::Zone;

/// Builds the structured document of a layout.
///
/// `language` overrides detection ([`detect_language`]). The blocks' `sentences` are
/// left empty for the sentence stage.
///
/// # Errors
/// [`StructureError::NoText`] when the layout has no text at all.
pub fn build_document(
    layout: &Layout,
    source: Source,
    language: Option<Lang>,
) -> Result<Document, StructureError> {
    if layout.pages.iter().all(|p| p.lines.is_empty()) {
        return Err(StructureError::NoText {
            pages: layout.pages.len(),
        });
    }
    let lang = language.unwrap_or_else(|| detect_language(layout));
    let mut meta = Metadata {
        symbol: metadata::symbol(layout),
        ..Metadata::default()
    };
    let furniture = zones::furniture(layout, meta.symbol.as_deref());
    let m = zones::measures(layout, &furniture);
    let zones = zones::classify(layout, &furniture, m);
    let mut warnings = layout.warnings.clone();

    meta.job_number = metadata::job_number(
        layout
            .pages
            .iter()
            .zip(&zones)
            .flat_map(|(p, z)| {
                p.lines
                    .iter()
                    .zip(z)
                    .filter(|(_, z)| **z == Zone::Furniture)
                    .map(|(l, _)| l)
            })
            .map(|l| l.text()),
    );

    let mut body: Vec<BodyLine> = Vec::new();
    let mut footnotes: Vec<Footnote> = Vec::new();
    let mut last_marker = 0u32;
    let mut front_page = true;
    let mut seen_distribution = false;
    for (page, page_zones) in layout.pages.iter().zip(&zones) {
        let mut note_lines = Vec::new();
        for (line, zone) in page.lines.iter().zip(page_zones) {
            match zone {
                Zone::Body => {
                    let mut bl = BodyLine::new(line, page.number, &layout.fonts);
                    if front_page && page.number == 1 {
                        if recognize_label(bl.text.trim_start(), None).is_some_and(|l| {
                            matches!(
                                l.kind,
                                LabelKind::Number(_) | LabelKind::Roman(_) | LabelKind::Resolution
                            )
                        }) {
                            front_page = false;
                        } else {
                            bl.text =
                                metadata::consume_line(&bl.text, &mut meta, &mut seen_distribution);
                            if bl.text.is_empty() {
                                continue;
                            }
                        }
                    }
                    body.push(bl);
                }
                Zone::Furniture if page.number == 1 => {
                    metadata::consume_line(&line.text(), &mut meta, &mut seen_distribution);
                }
                Zone::Footnote => note_lines.push(line),
                Zone::Furniture | Zone::Separator => {}
            }
        }
        for f in footnotes::parse(&note_lines, page.number, lang, &mut last_marker) {
            match footnotes.last_mut() {
                // A footnote running over from the previous page.
                Some(prev) if f.marker.is_empty() => {
                    text::append_line(&mut prev.text, &f.text, lang);
                }
                _ => footnotes.push(f),
            }
        }
    }

    if body.is_empty() && footnotes.is_empty() {
        let lines: usize = layout.pages.iter().map(|p| p.lines.len()).sum();
        warnings.push(format!(
            "all {lines} lines were taken as running headers, footers or front-page \
             metadata: no body text (pages that repeat one text are read as furniture)"
        ));
    }
    let parts = Parts {
        source,
        lang,
        meta,
        footnotes,
        warnings,
        undecodable_glyphs: layout.undecodable_glyphs,
    };
    Ok(finish(&body, m, parts))
}

/// What a document is made of besides its body lines.
struct Parts {
    source: Source,
    lang: Lang,
    meta: Metadata,
    footnotes: Vec<Footnote>,
    warnings: Vec<String>,
    undecodable_glyphs: u64,
}

/// The end shared by laid-out and flowing documents: blocks from the body lines, ids,
/// footnotes anchored, the title.
fn finish(body: &[BodyLine], m: zones::Measures, mut p: Parts) -> Document {
    let built = blocks::build(body, p.lang, m, &mut p.warnings);
    let (mut blocks, sizes) = renumber(built);
    link_footnotes(&mut blocks, &mut p.footnotes, &mut p.warnings);
    p.meta.title = title(&blocks, &sizes);
    Document {
        source: p.source,
        language: p.lang,
        metadata: p.meta,
        blocks,
        footnotes: p.footnotes,
        diagnostics: Diagnostics {
            undecodable_glyphs: p.undecodable_glyphs,
            warnings: p.warnings,
        },
    }
}

/// Gives blocks consecutive ids `b0`, `b1`, … and rewrites parents to match.
fn renumber(built: Vec<(Block, f32)>) -> (Vec<Block>, Vec<f32>) {
    let ids: HashMap<String, String> = built
        .iter()
        .enumerate()
        .map(|(i, (b, _))| (b.id.clone(), format!("b{i}")))
        .collect();
    built
        .into_iter()
        .map(|(mut b, size)| {
            b.id = ids.get(&b.id).cloned().unwrap_or(b.id);
            b.parent = b.parent.and_then(|p| ids.get(&p).cloned());
            (b, size)
        })
        .unzip()
}

/// Anchors each footnote to the first block referencing its marker; warns about
/// footnotes without a reference and references without a footnote.
fn link_footnotes(blocks: &mut [Block], footnotes: &mut [Footnote], warnings: &mut Vec<String>) {
    let mut used: HashMap<(String, usize), ()> = HashMap::new();
    for f in footnotes.iter_mut() {
        let found = blocks.iter().enumerate().find(|(i, b)| {
            b.footnote_refs.contains(&f.marker) && !used.contains_key(&(f.marker.clone(), *i))
        });
        match found {
            Some((i, b)) => {
                f.block = Some(b.id.clone());
                used.insert((f.marker.clone(), i), ());
            }
            None => warnings.push(format!(
                "footnote {} on page {}: no reference to it found in the text",
                f.marker, f.page
            )),
        }
    }
    for b in blocks.iter() {
        for r in &b.footnote_refs {
            if !footnotes.iter().any(|f| &f.marker == r) {
                warnings.push(format!(
                    "block {}: footnote marker {r} has no footnote text",
                    b.id
                ));
            }
        }
    }
}

/// The title: a resolution's titled heading (`73/8. …`), else the largest text block of
/// the front matter (before the first heading or paragraph).
fn title(blocks: &[Block], sizes: &[f32]) -> Option<String> {
    if let Some(b) = blocks.iter().find(|b| {
        b.kind == BlockKind::Heading && b.label.as_deref().is_some_and(|l| l.contains('/'))
    }) {
        return Some(b.text.clone());
    }
    blocks
        .iter()
        .zip(sizes)
        .take_while(|(b, _)| b.kind == BlockKind::Text)
        .filter(|(b, _)| b.pages.first() == Some(&1))
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map(|(b, _)| b.text.clone())
}
