//! Footnote references in body lines: candidates found by shape, accepted only where a
//! footnote with that marker exists (see [`crate::footnotes::resolve`]).
//!
//! Three ways a reference is drawn (layout matrix): a smaller glyph raised off the
//! baseline (Word, LibreOffice: 58–67 % of the text size), an HTML `<sup>` at 83 %
//! raised a third of an em, and a superscript glyph of the font (OpenType `sups`) at
//! full size on the baseline — which only its place tells: digits glued to the word or
//! punctuation before them. A raised `2` or `3` after a unit of length (`km²`, `m³`)
//! is an exponent, and a raised number without a footnote stays in the text as the
//! superscript it is.

use std::ops::Range;

use unpara_model::{is_cjk, Line};

use crate::digit_forms::is_marker;
use crate::notes::MARKER_MIN_RISE;

/// A possible footnote reference in a line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RefCandidate {
    /// Index of the span holding it.
    pub span: usize,
    /// Byte range of the marker in the span's text.
    pub range: Range<usize>,
    /// The marker (`1`, `a`, `*`).
    pub marker: String,
    /// Drawn raised (a superscript); otherwise glued digits on the baseline.
    pub raised: bool,
    /// A raised `2` or `3` after a unit of length: an exponent, never a marker.
    pub exponent: bool,
}

/// Whether a span is raised off its line's baseline.
pub(crate) fn is_raised(line: &Line, span: usize) -> bool {
    line.spans
        .get(span)
        .is_some_and(|s| s.baseline > line.baseline + MARKER_MIN_RISE * line.size)
}

/// Units whose exponent is printed raised: metres and their multiples (UN Editorial
/// Manual, "Units of measurement": km², m³).
fn is_unit_before(text: &str) -> bool {
    let word: String = text
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    matches!(
        word.as_str(),
        "m" | "km" | "cm" | "mm" | "dm" | "ha" | "ft" | "mi"
    )
}

/// The reference candidates of a line, left to right.
pub(crate) fn candidates(line: &Line) -> Vec<RefCandidate> {
    let mut out = Vec::new();
    let mut before = String::new();
    for (i, span) in line.spans.iter().enumerate() {
        let t = span.text.trim();
        if is_raised(line, i) && is_marker(t) {
            let exponent = matches!(t, "2" | "3") && is_unit_before(before.trim_end());
            let start = span.text.find(t).unwrap_or(0);
            out.push(RefCandidate {
                span: i,
                range: start..start + t.len(),
                marker: t.to_string(),
                raised: true,
                exponent,
            });
        } else if !is_raised(line, i) {
            out.extend(
                superscript_digits(&span.text, &before)
                    .into_iter()
                    .map(|range| {
                        let marker: String = span
                            .text
                            .get(range.clone())
                            .unwrap_or_default()
                            .chars()
                            .filter_map(plain_digit)
                            .collect();
                        let exponent = matches!(marker.as_str(), "2" | "3")
                            && is_unit_before(
                                &(before.clone()
                                    + span.text.get(..range.start).unwrap_or_default()),
                            );
                        RefCandidate {
                            span: i,
                            range,
                            marker,
                            raised: true,
                            exponent,
                        }
                    }),
            );
            out.extend(
                glued_digits(&span.text, &before)
                    .into_iter()
                    .map(|range| RefCandidate {
                        span: i,
                        marker: span.text.get(range.clone()).unwrap_or_default().to_string(),
                        range,
                        raised: false,
                        exponent: false,
                    }),
            );
        }
        before.push_str(&span.text);
    }
    out
}

/// The digit a superscript digit character stands for (`¹` → `1`).
fn plain_digit(c: char) -> Option<char> {
    match c {
        '⁰' => Some('0'),
        '¹' => Some('1'),
        '²' => Some('2'),
        '³' => Some('3'),
        '⁴'..='⁹' => char::from_u32(c as u32 - '⁴' as u32 + '4' as u32),
        _ => None,
    }
}

/// Runs of one to three superscript digit characters (`Group¹ and`): a superscript
/// glyph whose ToUnicode entry says what it looks like (Chromium's `sups` glyphs).
fn superscript_digits(text: &str, before: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // Superscript digits are none of ASCII.
    if text.is_ascii() {
        return out;
    }
    let mut run: Option<(usize, usize, usize)> = None; // start, end, count
    for (b, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if plain_digit(c).is_some() {
            run = Some(match run {
                Some((s, _, n)) => (s, b + c.len_utf8(), n + 1),
                None => (b, b + c.len_utf8(), 1),
            });
            continue;
        }
        if let Some((s, e, n)) = run.take() {
            let prev = text
                .get(..s)
                .and_then(|t| t.chars().last())
                .or(before.chars().last());
            if n <= 3 && prev.is_some_and(|p| !p.is_whitespace()) {
                out.push(s..e);
            }
        }
    }
    out
}

/// Runs of one to three digits glued to the letter, closing punctuation or Chinese
/// character before them and followed by a space, punctuation or the end: where a
/// superscript glyph drawn on the baseline leaves a footnote number (`website.1`,
/// `Group1 and`). Digits after a digit, a slash, a dash or a point inside a number are
/// never glued markers (`3/2`, `A/80/590`, `10.1`).
fn glued_digits(text: &str, before: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // Only a run of ASCII digits is a glued marker.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return out;
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while let Some(&(start, c)) = chars.get(i) {
        if !c.is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut j = i;
        while chars.get(j).is_some_and(|(_, c)| c.is_ascii_digit()) {
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |(b, _)| *b);
        let prev = if i == 0 {
            before.chars().last()
        } else {
            chars.get(i - 1).map(|(_, c)| *c)
        };
        let next = chars.get(j).map(|(_, c)| *c);
        let glued = prev.is_some_and(|p| {
            p.is_alphabetic() && !is_cjk(p) || ".,;:)”’\"'".contains(p) || is_cjk(p)
        });
        let point_inside_number = matches!(prev, Some('.' | ','))
            && i >= 2
            && chars.get(i - 2).is_some_and(|(_, c)| c.is_ascii_digit());
        let ends = next.is_none_or(|n| n.is_whitespace() || ",.;:)”’\"'，。；：）".contains(n));
        let unit = is_unit_before(text.get(..start).unwrap_or_default())
            || (i == 0 && is_unit_before(before));
        // A digit inside a document symbol (`(CAC/COSP/WG.4/2017/2/Rev.1)`) is the
        // symbol's.
        let word_start = text
            .get(..start)
            .and_then(|t| t.rfind(char::is_whitespace))
            .map_or(0, |k| k + 1);
        let word_end = text
            .get(end..)
            .and_then(|t| t.find(char::is_whitespace))
            .map_or(text.len(), |k| end + k);
        let in_symbol = text
            .get(word_start..word_end)
            .is_some_and(|w| w.contains('/'))
            || (word_start == 0
                && before
                    .rsplit(char::is_whitespace)
                    .next()
                    .is_some_and(|w| w.contains('/')));
        if glued
            && ends
            && !point_inside_number
            && !unit
            && !in_symbol
            && (1..=3).contains(&(j - i))
        {
            out.push(start..end);
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unpara_model::Span;

    fn line(spans: &[(&str, f32, f32)]) -> Line {
        let mut x = 72.0;
        let spans: Vec<Span> = spans
            .iter()
            .map(|(t, size, rise)| {
                let w = 5.0 * t.chars().count() as f32;
                let s = Span {
                    text: t.to_string(),
                    x0: x,
                    x1: x + w,
                    baseline: 100.0 + rise,
                    size: *size,
                    font: 0,
                    lead: 0.0,
                };
                x += w;
                s
            })
            .collect();
        Line {
            x0: 72.0,
            x1: x,
            spans,
            baseline: 100.0,
            size: 10.0,
            rotation: 0,
            vertical: false,
        }
    }

    fn markers(l: &Line) -> Vec<(String, bool)> {
        candidates(l)
            .into_iter()
            .filter(|c| !c.exponent)
            .map(|c| (c.marker, c.raised))
            .collect()
    }

    #[test]
    fn raised_markers_at_any_size() {
        // Word (58 %) and HTML <sup> (83 %).
        let l = line(&[
            ("the website", 10.0, 0.0),
            ("1", 5.8, 3.3),
            (" and", 10.0, 0.0),
        ]);
        assert_eq!(markers(&l), [("1".to_string(), true)]);
        let l = line(&[
            ("the website", 10.0, 0.0),
            ("12", 8.3, 3.3),
            (".", 10.0, 0.0),
        ]);
        assert_eq!(markers(&l), [("12".to_string(), true)]);
    }

    /// Issue 10: `km²` and `m³` are exponents, not footnote markers.
    #[test]
    fn unit_exponents_are_not_markers() {
        let l = line(&[
            ("an area of 1,240 km", 10.0, 0.0),
            ("2", 6.0, 3.5),
            (" in", 10.0, 0.0),
        ]);
        assert!(markers(&l).is_empty());
        let l = line(&[
            ("500 m", 10.0, 0.0),
            ("3", 6.0, 3.5),
            (" of water", 10.0, 0.0),
        ]);
        assert!(markers(&l).is_empty());
    }

    #[test]
    fn superscript_glyphs_on_the_baseline_are_glued_digits() {
        let l = line(&[("the thematic website.2 The", 10.0, 0.0)]);
        assert_eq!(markers(&l), [("2".to_string(), false)]);
        let l = line(&[("工作组专题网站2。", 10.0, 0.0)]);
        assert_eq!(markers(&l), [("2".to_string(), false)]);
        for plain in [
            "resolution 3/2 of",
            "A/80/590 and",
            "paragraph 10.1 of",
            "in 2017, the",
            "CO2 emissions of 500 km2",
        ] {
            let l = line(&[(plain, 10.0, 0.0)]);
            let m = markers(&l);
            assert!(
                m.iter().all(|(m, _)| m == "2") || m.is_empty(),
                "{plain}: {m:?}"
            );
        }
        assert!(markers(&line(&[("500 km2 of", 10.0, 0.0)])).is_empty());
        assert!(markers(&line(&[(
            "paper (CAC/COSP/WG.4/2017/2/Rev.1) and",
            10.0,
            0.0
        )]))
        .is_empty());
    }

    /// Chromium writes `sups` glyphs as the superscript characters they look like.
    #[test]
    fn superscript_characters_are_raised_markers() {
        let l = line(&[("the Working Group¹ and the site.²³ Then", 10.0, 0.0)]);
        assert_eq!(
            markers(&l),
            [("1".to_string(), true), ("23".to_string(), true)]
        );
        let l = line(&[("an area of 30 km² in", 10.0, 0.0)]);
        assert!(markers(&l).is_empty());
    }
}
