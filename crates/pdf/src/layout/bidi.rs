//! Right-to-left rows: Arabic glyphs drawn in visual order (left to right on the page)
//! turned into logical order, and presentation forms into base letters.
//!
//! A row is right to left when Arabic letters outnumber the letters of left-to-right
//! scripts. Its glyphs, sorted by x, are in visual order; each span's text is then
//! turned into logical order by the Unicode Bidirectional Algorithm (UAX #9) with a
//! right-to-left paragraph level: the reordering of a line of mixed text at that level
//! undoes the display reordering of typical lines (Arabic runs reversed, digit and
//! Latin runs kept in their order within the Arabic), the same approach as poppler's
//! `pdftotext`. Spans go from right to left, so a paragraph label at the right comes
//! first. Combining marks (harakat) drawn over a base letter are put before it in the
//! visual sequence, so that they follow it once reversed.

use unicode_bidi::{BidiInfo, Level};
use unicode_normalization::UnicodeNormalization;
use unpara_model::{is_arabic, is_arabic_mark, is_arabic_presentation_form};

use crate::sink::Glyph;

/// Whether a row's glyphs are mostly Arabic letters (more than the Latin, Cyrillic and
/// Han letters together); a row of no letters at all (a wrapped `1948.`, a page number)
/// takes the direction of its page (`page_rtl`, the same count over the page).
pub(crate) fn is_rtl_row(glyphs: &[Glyph], page_rtl: bool) -> bool {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for g in glyphs {
        rtl += usize::from(g.letters.rtl);
        ltr += usize::from(g.letters.ltr);
    }
    if rtl == 0 && ltr == 0 {
        return page_rtl;
    }
    rtl > ltr
}

/// A glyph advancing the pen less than this fraction of its size draws over its
/// neighbour: LibreOffice sets the alef of a lam-alef (`لأ`) as a glyph of its own with
/// no advance, over the lam (measured: advance 0.00 at 10 pt).
const NO_ADVANCE: f32 = 0.05;

/// Whether a glyph sits on a base glyph: it shows combining marks only, or it is an
/// Arabic glyph drawn with no advance of its own ([`NO_ADVANCE`]).
pub(crate) fn is_mark_glyph(g: &Glyph) -> bool {
    !g.text.is_empty()
        && (g.text.chars().all(is_arabic_mark)
            || (g.advance < NO_ADVANCE * g.size && g.text.chars().any(is_arabic)))
}

/// Puts each mark glyph (or glyph drawn with no advance over another) of a row sorted
/// by x just before the base glyph it sits on
/// (the base whose extent holds the mark's centre, else the nearer of its neighbours),
/// so that reversing the visual order puts it after its base.
pub(crate) fn marks_before_bases(glyphs: Vec<Glyph>) -> Vec<Glyph> {
    let (marks, bases): (Vec<Glyph>, Vec<Glyph>) = glyphs.into_iter().partition(is_mark_glyph);
    if marks.is_empty() {
        return bases;
    }
    // marks_of[i]: the marks over base i.
    let mut marks_of: Vec<Vec<Glyph>> = (0..bases.len()).map(|_| Vec::new()).collect();
    let mut loose = Vec::new();
    for m in marks {
        let centre = m.x + m.advance / 2.0;
        let after = bases.partition_point(|b| b.x <= centre);
        let holds = |i: usize| {
            bases
                .get(i)
                .is_some_and(|b| b.x <= centre && centre <= b.x + b.advance)
        };
        let distance = |i: usize| {
            bases
                .get(i)
                .map_or(f32::MAX, |b| (b.x + b.advance / 2.0 - centre).abs())
        };
        // A letter drawn with no advance (the alef of a lam-alef) stands at the origin
        // of the glyph it joins (±0.1 pt measured in LibreOffice's output), whichever
        // side of it; a combining mark over the middle of its base.
        let letter = !m.text.chars().all(is_arabic_mark);
        let origin_distance = |i: usize| bases.get(i).map_or(f32::MAX, |b| (b.x - m.x).abs());
        let owner = if letter {
            [after.checked_sub(1), Some(after)]
                .into_iter()
                .flatten()
                .filter(|&i| i < bases.len())
                .min_by(|&i, &j| origin_distance(i).total_cmp(&origin_distance(j)))
        } else {
            match after.checked_sub(1) {
                Some(i) if holds(i) => Some(i),
                Some(i) if distance(i) <= distance(after) => Some(i),
                _ if after < bases.len() => Some(after),
                _ => None,
            }
        };
        match owner.and_then(|i| marks_of.get_mut(i)) {
            Some(list) => list.push(m),
            None => loose.push(m),
        }
    }
    let mut out = Vec::with_capacity(bases.len() + loose.len());
    for (b, ms) in bases.into_iter().zip(marks_of) {
        // Reversed later with the run: the last mark drawn ends up last.
        out.extend(ms.into_iter().rev());
        out.push(b);
    }
    out.extend(loose);
    out
}

/// Whether a glyph of a right-to-left row (in visual order) is a justification
/// kashida: it has no Unicode mapping (U+FFFD) and stands between two Arabic letters
/// that join across it (both of the Arabic block, neither a space). LibreOffice
/// stretches justified Arabic lines so and leaves the kashida glyph out of its
/// ToUnicode CMap; the text it stands in has none.
fn is_kashida(prev: Option<&Glyph>, g: &Glyph, next: Option<&Glyph>) -> bool {
    let arabic_letter = |x: Option<&Glyph>| {
        x.is_some_and(|x| x.text.chars().any(|c| is_arabic(c) && c.is_alphabetic()))
    };
    g.text == "\u{FFFD}" && arabic_letter(prev) && arabic_letter(next)
}

/// The glyphs of a right-to-left row (in visual order) without its kashida glyphs
/// ([`is_kashida`]); a run of several counts glyph by glyph.
pub(crate) fn without_kashida(glyphs: Vec<Glyph>) -> Vec<Glyph> {
    if !glyphs.iter().any(|g| g.text == "\u{FFFD}") {
        return glyphs;
    }
    let mut keep = vec![true; glyphs.len()];
    for i in 0..glyphs.len() {
        if glyphs.get(i).is_none_or(|g| g.text != "\u{FFFD}") {
            continue;
        }
        let prev = (0..i)
            .rev()
            .find_map(|j| glyphs.get(j).filter(|g| g.text != "\u{FFFD}"));
        let next =
            (i + 1..glyphs.len()).find_map(|j| glyphs.get(j).filter(|g| g.text != "\u{FFFD}"));
        if let (Some(g), Some(slot)) = (glyphs.get(i), keep.get_mut(i)) {
            *slot = !is_kashida(prev, g, next);
        }
    }
    // The glyph left of a kashida reaches over it: the stretch is no word gap.
    let mut out: Vec<Glyph> = Vec::with_capacity(glyphs.len());
    for (g, k) in glyphs.into_iter().zip(keep) {
        if k {
            out.push(g);
        } else if let Some(left) = out.last_mut() {
            left.advance = left.advance.max(g.x + g.advance - left.x);
        }
    }
    out
}

/// A glyph's text as it is pushed into a right-to-left row's visual sequence:
/// presentation forms as their base letters (compatibility decomposition, Unicode
/// Standard §9.2: `ﻻ` U+FEFB → `لا`), and a glyph of several Arabic characters (a
/// ligature) reversed, since the whole run is reversed afterwards.
pub(crate) fn visual_text(text: &str) -> String {
    let base: String = if text.chars().any(is_arabic_presentation_form) {
        text.chars()
            .flat_map(|c| {
                let one = c.to_string();
                if is_arabic_presentation_form(c) {
                    one.nfkc().collect::<Vec<char>>()
                } else {
                    vec![c]
                }
            })
            .collect()
    } else {
        text.to_string()
    };
    if base.chars().count() > 1 && base.chars().any(is_arabic) {
        base.chars().rev().collect()
    } else {
        base
    }
}

/// Presentation forms of a left-to-right row's glyph text as base letters.
pub(crate) fn base_letters(text: &str) -> Option<String> {
    text.chars().any(is_arabic_presentation_form).then(|| {
        text.chars()
            .flat_map(|c| {
                if is_arabic_presentation_form(c) {
                    c.to_string().nfkc().collect::<Vec<char>>()
                } else {
                    vec![c]
                }
            })
            .collect()
    })
}

/// A span's text of a right-to-left row, from visual to logical order (UAX #9 rule
/// L2 at a right-to-left paragraph level; the text is one line). The line's brackets
/// are then settled by [`unmirror`].
pub(crate) fn logical(visual: &str) -> String {
    if visual.is_empty() {
        return String::new();
    }
    let info = BidiInfo::new(visual, Some(Level::rtl()));
    match info.paragraphs.first() {
        Some(para) => info.reorder_line(para, para.range.clone()).into_owned(),
        None => visual.to_string(),
    }
}

/// The mirrored brackets of UAX #9 rule L4 that text in logical order pairs.
const BRACKETS: [(char, char); 4] = [('(', ')'), ('[', ']'), ('{', '}'), ('«', '»')];

/// Brackets named by the shape drawn rather than by the character: right to left, `(`
/// is drawn as `)` (UAX #9 rule L4), and some producers (Chromium) map the glyph to the
/// character of its shape, so the logical text reads `)د-3(`. When a line's brackets
/// of a pair (its span texts in logical order, read together) close before they open
/// (the depth falls below zero) and swapping them balances them, they are swapped in
/// every span.
pub(crate) fn unmirror(texts: &mut [String]) {
    for (open, close) in BRACKETS {
        let balanced = |chars: &mut dyn Iterator<Item = char>, open: char, close: char| {
            let mut depth = 0i32;
            for c in chars {
                if c == open {
                    depth += 1;
                } else if c == close {
                    depth -= 1;
                    if depth < 0 {
                        return false;
                    }
                }
            }
            depth == 0
        };
        let all = || {
            texts
                .iter()
                .flat_map(|t| t.chars())
                .collect::<Vec<char>>()
                .into_iter()
        };
        if !all().any(|c| c == close) || balanced(&mut all(), open, close) {
            continue;
        }
        // Read with the pair swapped.
        if !balanced(&mut all(), close, open) {
            continue;
        }
        for t in texts.iter_mut() {
            *t = t
                .chars()
                .map(|c| {
                    if c == open {
                        close
                    } else if c == close {
                        open
                    } else {
                        c
                    }
                })
                .collect();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visual_arabic_with_digits_becomes_logical() {
        // "في 10 كانون" displayed: the Arabic words reversed, the number as it is.
        let visual: String = "نوناك 10 يف".to_string();
        assert_eq!(logical(&visual), "في 10 كانون");
        assert_eq!(logical(".1948 ربمسيد"), "ديسمبر 1948.");
    }

    #[test]
    fn brackets_named_by_their_shape_are_swapped() {
        let fix = |spans: &[&str]| {
            let mut v: Vec<String> = spans.iter().map(|s| s.to_string()).collect();
            unmirror(&mut v);
            v.concat()
        };
        assert_eq!(
            fix(&["ألف ", ")", "د-3", "(", " المؤرخ"]),
            "ألف (د-3) المؤرخ"
        );
        assert_eq!(
            fix(&["ألف ", "(", "د-3", ")", " المؤرخ"]),
            "ألف (د-3) المؤرخ"
        );
        // Unbalanced either way: left as it is.
        assert_eq!(fix(&["3) ب"]), "3) ب");
    }

    #[test]
    fn presentation_forms_become_base_letters() {
        // ﻻ (lam-alef ligature, isolated), reversed for the visual run.
        assert_eq!(visual_text("\u{FEFB}"), "ال");
        assert_eq!(logical(&visual_text("\u{FEFB}")), "لا");
        assert_eq!(visual_text("\u{FEE3}"), "م");
        assert_eq!(base_letters("\u{FEE3}x").as_deref(), Some("مx"));
        assert_eq!(base_letters("abc"), None);
    }

    #[test]
    fn unmapped_glyphs_inside_arabic_words_are_kashida() {
        let g = |t: &str, x: f32| Glyph {
            advance: 4.0,
            letter_spacing: 0.0,
            ..Glyph::at(t, x, 700.0)
        };
        let row = vec![
            g("م", 0.0),
            g("\u{FFFD}", 4.0),
            g("\u{FFFD}", 8.0),
            g("ب", 12.0),
            g(" ", 16.0),
            g("\u{FFFD}", 20.0),
            g("x", 24.0),
        ];
        let kept: Vec<String> = without_kashida(row)
            .into_iter()
            .map(|g| g.text.to_string())
            .collect();
        // The two between Arabic letters go; the one beside a Latin letter stays.
        assert_eq!(kept, ["م", "ب", " ", "\u{FFFD}", "x"]);
    }

    #[test]
    fn a_mark_goes_before_its_base_in_visual_order() {
        let g = |t: &str, x: f32, adv: f32| Glyph {
            advance: adv,
            letter_spacing: 0.0,
            ..Glyph::at(t, x, 700.0)
        };
        // ا (x 0) then ر (x 5) with a fathatan over it (x 6), then ح (x 10).
        let out = marks_before_bases(vec![
            g("ا", 0.0, 4.0),
            g("ر", 5.0, 4.0),
            g("ً", 6.0, 0.0),
            g("ح", 10.0, 4.0),
        ]);
        let texts: Vec<&str> = out.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(texts, ["ا", "ً", "ر", "ح"]);
        let visual: String = texts.concat();
        assert_eq!(logical(&visual), "حرًا");
        // The alef of a lam-alef, with no advance, 0.1 pt before the lam's origin
        // (after the end of the mim to its left): it joins the lam.
        let out = marks_before_bases(vec![
            g("م", 210.88, 3.65),
            g("أ", 214.48, 0.0),
            g("ل", 214.58, 4.14),
            g("ا", 218.67, 1.9),
        ]);
        let texts: Vec<&str> = out.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(logical(&texts.concat()), "الأم");
    }
}
