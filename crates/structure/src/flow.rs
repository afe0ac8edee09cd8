//! Documents that flow (Word): paragraphs as the writer made them, no page geometry.
//! They go through the same block rules as PDF lines ([`crate::blocks`]): each paragraph
//! becomes one body line whose left edge, size and weight come from its formatting and
//! which begins a block of its own (unless the writer split one unit over several
//! paragraphs), so labels, numbering, headings and sub-items are read exactly as in the
//! PDF of the same document. The running headers and footers give the job number and,
//! where the front page's masthead sits in the first-page header (Word 365 UN
//! templates: `word/header3.xml` of A/80/590), the symbol, distribution and date.

use unpara_model::{Document, Flow, FlowParagraph, Footnote, Lang, Metadata, Source};

use crate::body::BodyLine;
use crate::digit_forms::{is_barcode, job_number};
use crate::labels::{recognize, LabelKind};
use crate::measure::Measures;
use crate::metadata;
use crate::symbols::first_symbol;
use crate::{finish, Parts, StructureError};

/// The most common value of `key` among the paragraphs, weighted by characters.
fn most_common(flow: &Flow, key: impl Fn(&FlowParagraph) -> f32) -> f32 {
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for p in &flow.paragraphs {
        let k = (key(p) * 10.0).round() as i32;
        let n = p.text.chars().count();
        match counts.iter_mut().find(|(c, _)| *c == k) {
            Some((_, m)) => *m += n,
            None => counts.push((k, n)),
        }
    }
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .map_or(0.0, |(k, _)| *k as f32 / 10.0)
}

/// Builds the structured document of a flowing document.
///
/// Front matter is read as on a PDF's front page: the paragraphs up to the document
/// symbol are the masthead (the symbol goes to the metadata, the rest is dropped like
/// the PDF's emblem caption), then `Distr.`, the date, the language line and
/// `Original:` fill the metadata until the first heading or numbered paragraph.
///
/// # Errors
/// [`StructureError::NoText`] when there is no text.
pub fn build_document_from_flow(
    flow: &Flow,
    source: Source,
    language: Option<Lang>,
) -> Result<Document, StructureError> {
    if flow.paragraphs.iter().all(|p| p.text.trim().is_empty()) {
        return Err(StructureError::NoText { pages: 0 });
    }
    let lang = language.unwrap_or_else(|| {
        let text: String = flow.paragraphs.iter().map(|p| p.text.as_str()).collect();
        crate::language::detect_text_language(&text)
    });
    let mut meta = Metadata::default();
    let mut warnings = flow.warnings.clone();
    meta.job_number = metadata::job_number(flow.furniture.iter().cloned());
    let masthead = flow
        .paragraphs
        .iter()
        .take(8)
        .position(|p| first_symbol(p.text.trim()).is_some_and(|s| s == p.text.trim()));
    if let Some(i) = masthead {
        meta.symbol = flow.paragraphs.get(i).map(|p| p.text.trim().to_string());
    }
    // The masthead in the first-page header: its symbol, distribution, date and
    // original language (the first symbol-shaped text of the headers is the symbol).
    let mut seen_distribution = false;
    if meta.symbol.is_none() {
        meta.symbol = flow
            .furniture
            .iter()
            .find_map(|t| first_symbol(t.trim()).map(str::to_string));
    }
    for t in &flow.furniture {
        metadata::consume_line(t, &mut meta, &mut seen_distribution);
    }
    let start = masthead.map_or(0, |i| i + 1);
    for p in flow.paragraphs.iter().take(start.saturating_sub(1)) {
        warnings.push(format!(
            "front page: {:?} beside or above the document symbol taken as the masthead, not as text",
            p.text.trim()
        ));
    }
    let pages = flow.paragraphs.last().map_or(1, |p| p.page as usize);
    let m = Measures::flowing(
        most_common(flow, |p| p.size),
        most_common(flow, |p| p.indent),
        pages,
    );
    let mut body: Vec<BodyLine> = Vec::new();
    let mut front = true;
    for p in flow.paragraphs.iter().skip(start) {
        let mut text = p.text.clone();
        // A barcode or job number in a text box is page furniture.
        if p.text_box && (is_barcode(text.trim()) || job_number(&text).is_some()) {
            if meta.job_number.is_none() {
                meta.job_number = metadata::job_number([text.clone()]);
            }
            continue;
        }
        if front {
            let labelled = recognize(text.trim_start(), None).is_some_and(|l| {
                matches!(
                    l.kind,
                    LabelKind::Number(_) | LabelKind::Roman(_) | LabelKind::Resolution
                )
            });
            if labelled {
                front = false;
            } else {
                text = metadata::consume_line(&text, &mut meta, &mut seen_distribution);
                if text.is_empty() {
                    continue;
                }
            }
        }
        let page = (p.page as usize).saturating_sub(1);
        let mut line = BodyLine::from_paragraph(p, text, m.frame(page));
        line.front = front;
        body.push(line);
    }
    let footnotes: Vec<Footnote> = flow
        .footnotes
        .iter()
        .map(|f| Footnote {
            marker: f.marker.clone(),
            text: f.text.clone(),
            page: f.page,
            block: None,
        })
        .collect();
    let parts = Parts {
        masthead_floor: None,
        source,
        lang,
        meta,
        footnotes,
        warnings,
        undecodable_glyphs: 0,
    };
    Ok(finish(body, &m, parts))
}
