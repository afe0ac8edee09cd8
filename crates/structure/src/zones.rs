//! Page zones: running header and footer ("furniture"), footnote area, body.
//!
//! Every rule is taken from the pages themselves: position near the top or bottom
//! edge, repetition across pages, UN furniture patterns (job number, page number
//! `2/8`, barcode `*1706020*`, the document symbol), font size, separator rules.

use std::collections::HashMap;

use unpara_model::{Layout, Line, Page};

use crate::patterns::{BARCODE, JOB_NUMBER, PAGE_NUMBER, UNDERSCORES};

/// Running headers sit in the top 13 % of the page (CAC fixture: 6 %; un-en
/// resolutions: 6–8 %, whose first-page organ line reaches 11 %).
const TOP_BAND: f32 = 0.13;
/// Running footers sit in the bottom 9 % (fixtures and un-en: 3.5–7 %).
const BOTTOM_BAND: f32 = 0.09;
/// Footnote separators are short: less than this share of the page width.
const SEPARATOR_MAX_WIDTH: f32 = 0.45;
/// Footnote text is smaller than body text: at most this share of the body size
/// (8.5 pt under 10 pt in the fixtures and un-en resolutions).
pub(crate) const FOOTNOTE_SIZE_RATIO: f32 = 0.92;

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Zone {
    /// Body text.
    Body,
    /// Running header or footer.
    Furniture,
    /// Footnote area.
    Footnote,
    /// A footnote separator typed as text.
    Separator,
}

/// Document-wide measures the zone and block rules are relative to.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Measures {
    /// The most common line size, by characters, points.
    pub body_size: f32,
    /// The most common left edge of body-size lines, points.
    pub body_left: f32,
}

/// Running headers and footers repeat at the same height: baselines are compared in
/// bins of this many points.
const REPEAT_BIN: f32 = 4.0;

/// The repetition key of a line: its text with digits and spaces ignored, and its
/// baseline to the nearest [`REPEAT_BIN`].
fn normalized(line: &Line) -> String {
    let text: String = line
        .text()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect();
    format!("{}@{}", text, (line.baseline / REPEAT_BIN).round() as i32)
}

fn in_top(page: &Page, line: &Line) -> bool {
    line.baseline >= page.height * (1.0 - TOP_BAND)
}

fn in_bottom(page: &Page, line: &Line) -> bool {
    line.baseline <= page.height * BOTTOM_BAND
}

/// A line is furniture by its content alone when it is a barcode, holds a job number
/// or the document symbol, prints this page's number as `page/pages` (`2/8`), or is a
/// page number alone. (A longer line with `6/6` is a resolution number in the text.)
fn strong_furniture(text: &str, symbol: Option<&str>, page: u32, pages: usize) -> bool {
    let t = text.trim();
    let own_number = format!("{page}/{pages}");
    BARCODE.is_match(t)
        || JOB_NUMBER.is_match(t)
        || PAGE_NUMBER.is_match(t)
        || t.split_whitespace().any(|tok| tok == own_number)
        || symbol.is_some_and(|s| t.contains(s))
}

/// Marks running headers and footers: lines in the top or bottom band that repeat on
/// another page (digits ignored) or match a furniture pattern, and every band line
/// beyond them (further from the body).
pub(crate) fn furniture(layout: &Layout, symbol: Option<&str>) -> Vec<Vec<bool>> {
    let mut pages_with: HashMap<String, usize> = HashMap::new();
    for page in &layout.pages {
        let mut seen: Vec<String> = page
            .lines
            .iter()
            .filter(|l| in_top(page, l) || in_bottom(page, l))
            .map(normalized)
            .collect();
        seen.sort();
        seen.dedup();
        for k in seen {
            *pages_with.entry(k).or_default() += 1;
        }
    }
    layout
        .pages
        .iter()
        .map(|page| {
            let marks: Vec<bool> = page
                .lines
                .iter()
                .map(|l| {
                    (in_top(page, l) || in_bottom(page, l))
                        && (pages_with.get(&normalized(l)).copied().unwrap_or(0) >= 2
                            || strong_furniture(&l.text(), symbol, page.number, layout.pages.len()))
                })
                .collect();
            let marked = || {
                page.lines
                    .iter()
                    .zip(&marks)
                    .filter(|(_, m)| **m)
                    .map(|(l, _)| l)
            };
            let lowest_top = marked()
                .filter(|l| in_top(page, l))
                .map(|l| l.baseline)
                .fold(f32::INFINITY, f32::min);
            let highest_bottom = marked()
                .filter(|l| in_bottom(page, l))
                .map(|l| l.baseline)
                .fold(f32::NEG_INFINITY, f32::max);
            page.lines
                .iter()
                .zip(&marks)
                .map(|(l, marked)| {
                    *marked
                        || (in_top(page, l) && l.baseline >= lowest_top)
                        || (in_bottom(page, l) && l.baseline <= highest_bottom)
                })
                .collect()
        })
        .collect()
}

/// Body size and left edge from the lines not marked as furniture.
pub(crate) fn measures(layout: &Layout, furniture: &[Vec<bool>]) -> Measures {
    let mut sizes: HashMap<i32, usize> = HashMap::new();
    let lines = || {
        layout
            .pages
            .iter()
            .zip(furniture)
            .flat_map(|(p, f)| p.lines.iter().zip(f).filter(|(_, f)| !**f).map(|(l, _)| l))
    };
    for l in lines() {
        let chars: usize = l.spans.iter().map(|s| s.text.chars().count()).sum();
        *sizes.entry((l.size * 2.0).round() as i32).or_default() += chars;
    }
    let body_size = sizes
        .iter()
        .max_by_key(|(k, n)| (**n, **k))
        .map_or(10.0, |(k, _)| *k as f32 / 2.0);
    let mut lefts: HashMap<i32, usize> = HashMap::new();
    for l in lines().filter(|l| (l.size - body_size).abs() <= 0.5) {
        *lefts.entry(l.x0.round() as i32).or_default() += 1;
    }
    let body_left = lefts
        .iter()
        .max_by_key(|(k, n)| (**n, -**k))
        .map_or(0.0, |(k, _)| *k as f32);
    Measures {
        body_size,
        body_left,
    }
}

/// Classifies every line of every page.
pub(crate) fn classify(layout: &Layout, furniture: &[Vec<bool>], m: Measures) -> Vec<Vec<Zone>> {
    layout
        .pages
        .iter()
        .zip(furniture)
        .map(|(page, furn)| {
            let mut zones: Vec<Zone> = furn
                .iter()
                .map(|f| if *f { Zone::Furniture } else { Zone::Body })
                .collect();
            let underscores: Vec<bool> = page
                .lines
                .iter()
                .map(|l| UNDERSCORES.is_match(l.text().trim()))
                .collect();
            if let Some(sep_y) = separator(page, &zones, &underscores, m) {
                for ((l, z), under) in page.lines.iter().zip(zones.iter_mut()).zip(&underscores) {
                    if *z == Zone::Body && *under {
                        *z = Zone::Separator;
                    } else if *z == Zone::Body && l.baseline < sep_y {
                        *z = Zone::Footnote;
                    }
                }
            }
            zones
        })
        .collect()
}

/// The y of the page's footnote separator: a short rule or underscore line starting at
/// or left of the body's left edge, in the lower part of the page, with smaller text
/// below it.
fn separator(page: &Page, zones: &[Zone], underscores: &[bool], m: Measures) -> Option<f32> {
    let body = || {
        page.lines
            .iter()
            .zip(zones)
            .zip(underscores)
            .filter(|((_, z), _)| **z == Zone::Body)
            .map(|((l, _), under)| (l, *under))
    };
    let rules = page
        .rules
        .iter()
        .filter(|r| r.x1 - r.x0 < SEPARATOR_MAX_WIDTH * page.width && r.x0 <= m.body_left + 5.0)
        .map(|r| r.y);
    let typed = body()
        .filter(|(_, under)| *under)
        .map(|(l, _)| l.baseline + l.size * 0.5);
    rules
        .chain(typed)
        .filter(|y| *y < page.height * 0.6)
        .filter(|y| {
            let mut below = body()
                .filter(|(l, under)| !under && l.baseline < *y)
                .peekable();
            below.peek().is_some()
                && below.all(|(l, _)| l.size <= FOOTNOTE_SIZE_RATIO * m.body_size)
        })
        .fold(None, |best: Option<f32>, y| {
            Some(best.map_or(y, |b| b.max(y)))
        })
}
