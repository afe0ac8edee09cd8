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
mod body;
mod breaks;
mod dates;
mod diagnostics;
mod digit_forms;
mod error;
mod flow;
mod footnotes;
mod front;
mod front_lines;
mod furniture;
mod headings;
mod labels;
mod language;
mod letter_forms;
mod markers;
mod measure;
mod metadata;
mod mirror;
mod notes;
mod numbering;
mod patterns;
mod pitch;
mod symbols;
mod tables;
mod text;

use foldhash::{HashMap, HashMapExt};

use unpara_model::{
    Block, BlockKind, Diagnostics, Document, Footnote, Lang, Layout, Metadata, Source,
};

pub use error::StructureError;
pub use flow::build_document_from_flow;
pub use labels::{recognize as recognize_label, roman_value, Label, LabelKind};
pub use language::{detect_language, detect_text_language};

use body::BodyLine;
use measure::Measures;
use notes::Zone;

/// Builds the structured document of a layout.
///
/// The document is measured first (body size, leading, the body frame of each page;
/// see `measure.rs`), then its running headers and footers are found (`furniture.rs`),
/// the footnote areas (`notes.rs`), footnote markers and bodies judged together
/// (`footnotes.rs`), the front page's metadata read, and the body lines cut into blocks
/// (`breaks.rs`, `blocks.rs`) and classified (`numbering.rs`). `language` overrides
/// detection ([`detect_language`]). The blocks' `sentences` are left empty for the
/// sentence stage.
///
/// # Errors
/// [`StructureError::NoText`] when the layout has no text at all.
pub fn build_document(
    layout: &Layout,
    source: Source,
    language: Option<Lang>,
) -> Result<Document, StructureError> {
    let (body, m, parts) = prepare(layout, source, language)?;
    Ok(finish(body, &m, parts))
}

/// [`build_document`] of a layout it takes: the layout is freed once the body lines
/// are read from it, before the blocks are built, and the body lines once the blocks
/// are drafted, so what comes later reuses their memory instead of taking more (peak
/// RSS of `extract`, one thread: S_2013_220.pdf 9 376 → 9 124 KB, A_80_590.pdf
/// 11 584 → 11 328 KB).
///
/// # Errors
/// [`StructureError::NoText`] when the layout has no text at all.
pub fn build_document_owned(
    layout: Layout,
    source: Source,
    language: Option<Lang>,
) -> Result<Document, StructureError> {
    let (body, m, parts) = prepare(&layout, source, language)?;
    drop(layout);
    Ok(finish(body, &m, parts))
}

/// For looking at a layout while working on the rules: one line per draft block, with
/// the cue that began it, its first line's box (points) and size, and its text. Not a
/// stable interface.
#[doc(hidden)]
pub fn explain(layout: &Layout, language: Option<Lang>) -> Result<Vec<String>, StructureError> {
    let source = Source {
        path: String::new(),
        format: unpara_model::SourceFormat::Pdf,
        sha256: String::new(),
        pages: u32::try_from(layout.pages.len()).unwrap_or(u32::MAX),
        producer: None,
    };
    let (body, m, parts) = prepare(layout, source, language)?;
    let symbol = metadata::symbol(layout);
    let furniture =
        furniture::furniture(layout, symbol.as_deref(), &measure::LineSizes::of(layout));
    let mut out = Vec::new();
    for (page, marks) in layout.pages.iter().zip(&furniture) {
        for (l, _) in page.lines.iter().zip(marks).filter(|(_, f)| **f) {
            out.push(format!(
                "furniture p{} y {:.1}: {}",
                page.number,
                l.baseline,
                l.text()
            ));
        }
    }
    out.push(format!(
        "body {:.1} pt, leading {:.3} em, block gap {:.3} em, left {:.1}",
        m.body_size, m.leading, m.block_gap, m.body_left
    ));
    for (i, f) in m.frames.iter().enumerate() {
        out.push(format!(
            "page {}: frame x {:.1}–{:.1}, y {:.1}–{:.1}",
            i + 1,
            f.left,
            f.right,
            f.bottom,
            f.top
        ));
    }
    for d in blocks::build(&body, parts.lang, &m) {
        let l = &d.first;
        out.push(format!(
            "p{} {:>6.1}–{:<6.1} y {:>6.1} {:>4.1}pt {}{:<16} {}",
            l.page,
            l.x0,
            l.x1,
            l.baseline,
            l.size,
            if l.bold { "B " } else { "  " },
            d.cue,
            d.raw.chars().take(90).collect::<String>()
        ));
    }
    for f in &parts.footnotes {
        out.push(format!(
            "note {} p{}: {}",
            f.marker,
            f.page,
            f.text.chars().take(80).collect::<String>()
        ));
    }
    Ok(out)
}

/// Everything up to the blocks: the body lines, the measures, and the other parts.
fn prepare(
    layout: &Layout,
    source: Source,
    language: Option<Lang>,
) -> Result<(Vec<BodyLine>, Measures, Parts), StructureError> {
    if layout.pages.iter().all(|p| p.lines.is_empty()) {
        return Err(StructureError::NoText {
            pages: layout.pages.len(),
        });
    }
    let lang = language.unwrap_or_else(|| detect_language(layout));
    // Right-to-left pages are read mirrored, so that the rules of indents, short last
    // lines and labels (measured from the edge where lines start) hold as they are.
    let mirrored;
    let layout = if lang.is_rtl() {
        mirrored = mirror::mirrored(layout);
        &mirrored
    } else {
        layout
    };
    let mut meta = Metadata {
        symbol: metadata::symbol(layout),
        ..Metadata::default()
    };
    let sizes = measure::LineSizes::of(layout);
    let furniture = furniture::furniture(layout, meta.symbol.as_deref(), &sizes);
    let not_furniture: Vec<Vec<bool>> = furniture
        .iter()
        .map(|p| p.iter().map(|f| !f).collect())
        .collect();
    let first = measure::measure(layout, &not_furniture, &sizes);
    let mut zones = notes::classify(layout, &furniture, &first, &sizes);
    let resolved = footnotes::resolve(layout, &zones, lang);
    for (pi, li) in &resolved.to_body {
        if let Some(z) = zones.get_mut(*pi).and_then(|z| z.get_mut(*li)) {
            *z = Zone::Body;
        }
    }
    let body_only: Vec<Vec<bool>> = zones
        .iter()
        .map(|p| p.iter().map(|z| *z == Zone::Body).collect())
        .collect();
    let m = measure::measure(layout, &body_only, &sizes);
    let mut warnings = layout.warnings.clone();
    warnings.extend(resolved.warnings.iter().cloned());

    let furniture_texts: Vec<String> = layout
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
        .map(|l| l.text())
        .collect();
    meta.job_number = metadata::job_number(furniture_texts.iter().cloned());
    if let Some(w) = metadata::job_letter_warning(furniture_texts.iter().cloned(), lang) {
        warnings.push(w);
    }
    if meta.job_number.is_none() {
        // Where no footer was recognized, the front page still prints it (its last
        // lines come first: the footer is at the bottom).
        meta.job_number = metadata::job_number(
            layout
                .pages
                .first()
                .into_iter()
                .flat_map(|p| p.lines.iter().rev())
                .map(|l| l.text()),
        );
        if let Some(j) = &meta.job_number {
            warnings.push(format!(
                "job number {j} read from the front page's text: no running footer holds it"
            ));
        }
    }

    // Sized for every body line at once: grown by doubling, the vector of 152-byte
    // lines was reallocated ten times and held up to twice the room it needs
    // (S_2013_220.pdf: 2 048 places for 1 239 lines, 311 KB at the peak of `extract`,
    // massif; page faults of `extract` 692 → 670).
    let body_lines = zones
        .iter()
        .flatten()
        .filter(|z| matches!(z, Zone::Body))
        .count();
    let mut body: Vec<BodyLine> = Vec::with_capacity(body_lines);
    let mut front_page = true;
    let mut seen_distribution = false;
    let mut metadata_floor: Option<f32> = None;
    let no_refs = Vec::new();
    // The masthead: on the front page, the symbol's line and whatever stands above it
    // or beside it (the emblem's `United Nations`), as the Word reader takes the
    // paragraphs up to the symbol.
    let masthead_floor = meta.symbol.as_deref().and_then(|sym| {
        layout.pages.first().and_then(|p| {
            p.lines
                .iter()
                .find(|l| l.text().contains(sym))
                .map(|l| l.baseline - MASTHEAD_ROW_EM * l.size)
        })
    });
    for (pi, (page, page_zones)) in layout.pages.iter().zip(&zones).enumerate() {
        for (li, (line, zone)) in page.lines.iter().zip(page_zones).enumerate() {
            match zone {
                Zone::Body => {
                    let refs = resolved.refs.get(&(pi, li)).unwrap_or(&no_refs);
                    let stripped = (front_page && pi == 0)
                        .then(|| {
                            front::without_metadata_cells(
                                line,
                                refs,
                                &mut meta,
                                &mut seen_distribution,
                            )
                        })
                        .flatten();
                    let mut bl = match &stripped {
                        Some((l, r)) => BodyLine::from_line(
                            l,
                            (page.number, measure::text_size(l)),
                            &layout.fonts,
                            r,
                            m.frame(pi),
                        ),
                        None => BodyLine::from_line(
                            line,
                            (
                                page.number,
                                sizes
                                    .text_size(pi, li)
                                    .unwrap_or_else(|| measure::text_size(line)),
                            ),
                            &layout.fonts,
                            refs,
                            m.frame(pi),
                        ),
                    };
                    if front_page && pi == 0 {
                        if recognize_label(bl.text.trim_start(), None).is_some_and(|l| {
                            matches!(
                                l.kind,
                                LabelKind::Number(_) | LabelKind::Roman(_) | LabelKind::Resolution
                            )
                        }) {
                            front_page = false;
                        } else {
                            bl.front = true;
                            let before = bl.text.clone();
                            bl.text =
                                metadata::consume_line(&bl.text, &mut meta, &mut seen_distribution);
                            if crate::text::collapse(&before) != bl.text {
                                metadata_floor = Some(
                                    metadata_floor
                                        .map_or(line.baseline, |f: f32| f.min(line.baseline)),
                                );
                            }
                            if bl.text.is_empty() {
                                continue;
                            }
                            if masthead_floor.is_some_and(|f| line.baseline >= f) {
                                warnings.push(format!(
                                    "front page: {:?} beside or above the document symbol taken \
                                     as the masthead, not as text",
                                    bl.text.trim()
                                ));
                                continue;
                            }
                        }
                    }
                    body.push(bl);
                }
                Zone::Furniture if pi == 0 => {
                    metadata::consume_line(&line.text(), &mut meta, &mut seen_distribution);
                }
                Zone::Footnote | Zone::Furniture | Zone::Separator => {}
            }
        }
    }

    if body.is_empty() && resolved.footnotes.is_empty() {
        let lines: usize = layout.pages.iter().map(|p| p.lines.len()).sum();
        warnings.push(format!(
            "all {lines} lines were taken as running headers, footers or front-page \
             metadata: no body text (pages that repeat one text are read as furniture)"
        ));
    }
    warnings.extend(diagnostics::frames(&m));
    let parts = Parts {
        masthead_floor: metadata_floor,
        source,
        lang,
        meta,
        footnotes: resolved.footnotes,
        warnings,
        undecodable_glyphs: layout.undecodable_glyphs,
    };
    Ok((body, m, parts))
}

/// A front-page line within this many ems of its size below the symbol's baseline
/// shares the symbol's row of the masthead.
const MASTHEAD_ROW_EM: f32 = 0.5;

/// What a document is made of besides its body lines.
struct Parts {
    /// The lowest baseline of the front page's metadata lines, points (laid-out
    /// documents).
    masthead_floor: Option<f32>,
    source: Source,
    lang: Lang,
    meta: Metadata,
    footnotes: Vec<Footnote>,
    warnings: Vec<String>,
    undecodable_glyphs: u64,
}

/// The end shared by laid-out and flowing documents: blocks from the body lines, ids,
/// footnotes anchored, the title.
fn finish(body: Vec<BodyLine>, m: &Measures, mut p: Parts) -> Document {
    let drafts = blocks::build(&body, p.lang, m);
    drop(body);
    let built = numbering::classify(&drafts, m, &mut p.warnings);
    let (mut blocks, sizes) = renumber(built);
    p.warnings
        .extend(diagnostics::furniture_in_blocks(&blocks, p.source.pages));
    link_footnotes(&mut blocks, &mut p.footnotes, &mut p.warnings);
    p.meta.title = title(&blocks, &sizes, p.masthead_floor);
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
fn renumber(built: Vec<(Block, (f32, f32))>) -> (Vec<Block>, Vec<(f32, f32)>) {
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

/// Anchors each footnote to a block referencing its marker: one printed on the note's
/// page or the page before (table notes `a` restart under every table), else the first
/// not yet used; warns about footnotes without a reference and references without a
/// footnote.
fn link_footnotes(blocks: &mut [Block], footnotes: &mut [Footnote], warnings: &mut Vec<String>) {
    let mut used: HashMap<(String, usize), ()> = HashMap::new();
    for f in footnotes.iter_mut() {
        let free = |(i, b): &(usize, &Block)| {
            b.footnote_refs.contains(&f.marker) && !used.contains_key(&(f.marker.clone(), *i))
        };
        let near = |b: &Block| b.pages.iter().any(|p| *p == f.page || *p + 1 == f.page);
        let found = blocks
            .iter()
            .enumerate()
            .filter(free)
            .rfind(|(_, b)| near(b))
            .or_else(|| blocks.iter().enumerate().find(free));
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

/// The title: a resolution's titled heading (`73/8. …`), else the largest unlabelled
/// block of the front page's front matter (before the first label) below the masthead
/// — whose organ name, beside `Distr.` and the date, is often set larger than the
/// title (A/80/590: `General Assembly` at 20 pt). `firsts` are each block's first-line
/// size and baseline; `masthead_floor` the lowest baseline of the front page's
/// metadata lines, when the document has geometry.
fn title(blocks: &[Block], firsts: &[(f32, f32)], masthead_floor: Option<f32>) -> Option<String> {
    if let Some(b) = blocks.iter().find(|b| {
        b.kind == BlockKind::Heading && b.label.as_deref().is_some_and(|l| l.contains('/'))
    }) {
        return Some(b.text.clone());
    }
    blocks
        .iter()
        .zip(firsts)
        .take_while(|(b, _)| {
            b.label.is_none() && matches!(b.kind, BlockKind::Text | BlockKind::Heading)
        })
        .filter(|(b, _)| b.pages.first() == Some(&1))
        .filter(|(_, (_, y))| masthead_floor.is_none_or(|f| *y < f))
        .fold(None::<(&Block, f32)>, |best, (b, (size, _))| match best {
            Some((_, s)) if s >= *size => best,
            _ => Some((b, *size)),
        })
        .map(|(b, _)| b.text.clone())
}
