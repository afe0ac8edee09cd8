//! The footnote area of each page: under a separator (a drawn rule of any width that
//! starts at the body's left edge, or a typed line of underscores), set smaller than
//! the body, and opening with a footnote marker — or with the continuation of a note
//! from the page before.
//!
//! A table in the lower part of a page has rules too, and its rows may be small: the
//! lowest separator whose area opens like a footnote area wins, so table rules above
//! the real separator never swallow the notes (A/80/590 p. 3: a summary table).

use unpara_model::{Layout, Line, Page};

use crate::digit_forms::is_marker;
use crate::letter_forms::is_underscore_rule;
use crate::measure::{same_size, text_size, Measures};

/// A footnote separator starts at the body's left edge, give or take this many ems of
/// the body size (Word, LibreOffice, Typst and WeasyPrint start it exactly there).
const SEPARATOR_LEFT_EM: f32 = 1.0;

/// A separator is at least this many ems long (a dot or a bullet is not a rule).
const SEPARATOR_MIN_EM: f32 = 2.0;

/// A marker span is raised when its baseline is above the line's by more than this
/// share of the line's size (markers are raised 0.3–0.45 em in the layout matrix).
pub(crate) const MARKER_MIN_RISE: f32 = 0.15;

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

/// Whether a line opens with a footnote marker: a raised marker-shaped first span, or a
/// marker-shaped token (`1`, `a`, `*`) followed by a space or directly by text — not by
/// punctuation (`4）；` continuing a note is not note 4). Returns the marker, the
/// byte length of the line text it takes, and whether it was set apart by size or rise.
pub(crate) fn opening_marker(line: &Line) -> Option<(String, usize, bool)> {
    let first = line.spans.first()?;
    let text = line.text_cow();
    let token = first.text.trim();
    let raised = first.baseline > line.baseline + MARKER_MIN_RISE * line.size
        || (first.size < line.size && !same_size(first.size, line.size) && line.spans.len() > 1);
    if raised && is_marker(token) {
        let lead = text.len() - text.trim_start().len();
        return Some((token.to_string(), lead + token.len(), true));
    }
    let t = text.trim_start();
    let lead = text.len() - t.len();
    // Superscript digit characters: a raised marker written as what it looks like.
    let sup_end = t
        .char_indices()
        .find(|(_, c)| !matches!(c, '⁰' | '¹' | '²' | '³' | '⁴'..='⁹'))
        .map_or(t.len(), |(i, _)| i);
    if sup_end > 0 {
        let marker: String = t
            .get(..sup_end)
            .unwrap_or_default()
            .chars()
            .map(|c| match c {
                '¹' => '1',
                '²' => '2',
                '³' => '3',
                '⁰' => '0',
                c => char::from_u32(c as u32 - '⁴' as u32 + '4' as u32).unwrap_or(c),
            })
            .collect();
        return is_marker(&marker).then_some((marker, lead + sup_end, true));
    }
    let end = t
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '*'))
        .map_or(t.len(), |(i, _)| i);
    let (marker, rest) = if end > 0 {
        t.split_at(end)
    } else {
        // One lowercase letter (table notes `a`, `b`) followed by a space.
        let mut it = t.char_indices();
        match (it.next(), it.next()) {
            (Some((_, c)), Some((i, s))) if c.is_ascii_lowercase() && s.is_whitespace() => {
                t.split_at(i)
            }
            _ => return None,
        }
    };
    if !is_marker(marker) {
        return None;
    }
    let next = rest.chars().next()?;
    let opens = next.is_whitespace() || next.is_alphabetic() || "(“\"'‘《「".contains(next);
    opens.then(|| (marker.to_string(), lead + marker.len(), false))
}

/// Classifies every line of every page.
pub(crate) fn classify(
    layout: &Layout,
    furniture: &[Vec<bool>],
    m: &Measures,
    sizes: &crate::measure::LineSizes,
) -> Vec<Vec<Zone>> {
    let mut previous_had_notes = false;
    let mut previous_note_size: Option<f32> = None;
    layout
        .pages
        .iter()
        .zip(furniture)
        .enumerate()
        .map(|(pi, (page, furn))| {
            let mut zones: Vec<Zone> = furn
                .iter()
                .map(|f| if *f { Zone::Furniture } else { Zone::Body })
                .collect();
            let left = m.frame(pi).left.min(m.body_left);
            let found = separator(page, &zones, left, m, previous_had_notes);
            previous_had_notes = found.is_some();
            if found.is_none() {
                previous_had_notes = bottom_notes(page, &mut zones, m, previous_note_size);
            }
            if let Some((y, typed)) = found {
                for (i, (l, z)) in page.lines.iter().zip(zones.iter_mut()).enumerate() {
                    if *z != Zone::Body {
                        continue;
                    }
                    if Some(i) == typed {
                        *z = Zone::Separator;
                    } else if l.baseline < y {
                        *z = Zone::Footnote;
                    }
                }
            }
            table_notes(page, &mut zones, m, |li, l| {
                sizes.text_size(pi, li).unwrap_or_else(|| text_size(l))
            });
            previous_note_size = page
                .lines
                .iter()
                .zip(&zones)
                .rfind(|(_, z)| **z == Zone::Footnote)
                .map(|(l, _)| text_size(l));
            zones
        })
        .collect()
}

/// A note area without a separator: the lines at the foot of the page, under the last
/// body line, set smaller than the body, the first of them opening with a marker the
/// page's text raises (`1 www.unodc.org/…` under a call `…Group¹`; layout matrix, held
/// out: LibreOffice, Typst and Chromium notes with no rule) — or, in the size of the
/// notes that ended the page before, the rest of its last note. Returns whether it
/// found one.
fn bottom_notes(
    page: &Page,
    zones: &mut [Zone],
    m: &Measures,
    previous_note_size: Option<f32>,
) -> bool {
    let smaller = |l: &Line| {
        let s = text_size(l);
        s < m.body_size && !same_size(s, m.body_size)
    };
    let mut order: Vec<usize> = (0..page.lines.len())
        .filter(|i| zones.get(*i) == Some(&Zone::Body))
        .collect();
    order.sort_by(|a, b| {
        let y = |i: &usize| page.lines.get(*i).map_or(0.0, |l| l.baseline);
        y(a).total_cmp(&y(b))
    });
    // From the bottom up, the smaller lines.
    let run: Vec<usize> = order
        .iter()
        .copied()
        .take_while(|i| page.lines.get(*i).is_some_and(&smaller))
        .collect();
    let Some(first) = run.last().and_then(|i| page.lines.get(*i)) else {
        return false;
    };
    let goes_on = previous_note_size.is_some_and(|s| {
        run.iter()
            .filter_map(|i| page.lines.get(*i))
            .all(|l| same_size(text_size(l), s))
    });
    let Some((marker, _, _)) = opening_marker(first) else {
        if goes_on {
            for i in run {
                if let Some(z) = zones.get_mut(i) {
                    *z = Zone::Footnote;
                }
            }
        }
        return goes_on;
    };
    let called = goes_on
        || order
            .iter()
            .filter(|i| !run.contains(i))
            .filter_map(|i| page.lines.get(*i))
            .any(|l| {
                crate::markers::candidates(l)
                    .iter()
                    .any(|c| !c.exponent && c.marker == marker)
            });
    if called {
        for i in run {
            if let Some(z) = zones.get_mut(i) {
                *z = Zone::Footnote;
            }
        }
    }
    called
}

/// Notes under a table (`a Breakdown of …` under A/80/590's tables), or any note set
/// without a separator: a line smaller than the body opening with a marker set apart
/// by size or rise, and the smaller lines right after it, are read as notes (their
/// markers are then judged against the references like any footnote's).
/// `size_of(li, line)` is the [`text_size`] of line `li` of the page.
fn table_notes(
    page: &Page,
    zones: &mut [Zone],
    m: &Measures,
    size_of: impl Fn(usize, &Line) -> f32,
) {
    let smaller = |li: usize, l: &Line| {
        let s = size_of(li, l);
        s < m.body_size && !same_size(s, m.body_size)
    };
    let mut open = false;
    for (li, (l, z)) in page.lines.iter().zip(zones.iter_mut()).enumerate() {
        if *z != Zone::Body {
            open = false;
            continue;
        }
        let opens = smaller(li, l) && opening_marker(l).is_some_and(|(_, _, set_apart)| set_apart);
        open = opens || (open && smaller(li, l));
        if open {
            *z = Zone::Footnote;
        }
    }
}

/// The y of the page's footnote separator, and the index of the line that types it.
fn separator(
    page: &Page,
    zones: &[Zone],
    left: f32,
    m: &Measures,
    previous_had_notes: bool,
) -> Option<(f32, Option<usize>)> {
    let em = m.body_size;
    let body = || {
        page.lines
            .iter()
            .enumerate()
            .filter(|(i, _)| zones.get(*i) == Some(&Zone::Body))
    };
    let drawn = page
        .rules
        .iter()
        .filter(|r| (r.x0 - left).abs() <= SEPARATOR_LEFT_EM * em + (left - r.x0).max(0.0))
        .filter(|r| r.x1 - r.x0 >= SEPARATOR_MIN_EM * em)
        .map(|r| (r.y, None));
    let typed = body()
        .filter(|(_, l)| is_underscore_rule(l.text_cow().trim()))
        .map(|(i, l)| (l.baseline + l.size * 0.5, Some(i)));
    let mut candidates: Vec<(f32, Option<usize>)> = drawn.chain(typed).collect();
    // The lowest first.
    candidates.sort_by(|a, b| a.0.total_cmp(&b.0));
    candidates.into_iter().find(|(y, typed)| {
        let below: Vec<&Line> = body()
            .filter(|(i, l)| l.baseline < *y && Some(*i) != *typed)
            .map(|(_, l)| l)
            .collect();
        let Some(first) = below.first() else {
            return false;
        };
        let smaller = below.iter().all(|l| {
            let s = text_size(l);
            s < m.body_size && !same_size(s, m.body_size)
        });
        smaller && (opening_marker(first).is_some() || previous_had_notes)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use unpara_model::Span;

    fn line(spans: &[(&str, f32, f32)]) -> Line {
        let spans: Vec<Span> = spans
            .iter()
            .enumerate()
            .map(|(i, (t, size, rise))| Span {
                text: t.to_string(),
                x0: 72.0 + 40.0 * i as f32,
                x1: 110.0 + 40.0 * i as f32,
                baseline: 100.0 + rise,
                size: *size,
                font: 0,
                lead: 0.0,
            })
            .collect();
        Line {
            x0: 72.0,
            x1: spans.last().map_or(72.0, |s| s.x1),
            spans,
            baseline: 100.0,
            size: 8.0,
            rotation: 0,
            vertical: false,
        }
    }

    #[test]
    fn markers_open_notes_but_punctuation_after_a_number_does_not() {
        assert_eq!(
            opening_marker(&line(&[("1", 5.0, 3.0), (" See the report.", 8.0, 0.0)])),
            Some(("1".into(), 1, true))
        );
        assert_eq!(
            opening_marker(&line(&[("1www.unodc.org", 8.0, 0.0)])),
            Some(("1".into(), 1, false))
        );
        assert_eq!(
            opening_marker(&line(&[("12 States parties", 8.0, 0.0)])).map(|m| m.0),
            Some("12".into())
        );
        assert_eq!(opening_marker(&line(&[("4）；其他", 8.0, 0.0)])), None);
        assert_eq!(opening_marker(&line(&[("2017. The", 8.0, 0.0)])), None);
        assert_eq!(
            opening_marker(&line(&[("a Breakdown of revenue", 8.0, 0.0)])).map(|m| m.0),
            Some("a".into())
        );
        assert_eq!(
            opening_marker(&line(&[("** Reissued", 8.0, 0.0)])).map(|m| m.0),
            Some("**".into())
        );
        assert_eq!(opening_marker(&line(&[("and so on", 8.0, 0.0)])), None);
    }
}
