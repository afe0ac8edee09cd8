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
use unpara_model::{is_arabic, is_arabic_presentation_form, script_of, Script};

use crate::sink::Glyph;

/// Whether a row's glyphs are mostly Arabic letters (more than the Latin, Cyrillic and
/// Han letters together).
pub(crate) fn is_rtl_row(glyphs: &[Glyph]) -> bool {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for c in glyphs.iter().flat_map(|g| g.text.chars()) {
        match script_of(c) {
            Some(Script::Arabic) => rtl += 1,
            Some(_) => ltr += 1,
            None => {}
        }
    }
    rtl > ltr
}

/// True for a combining mark of Arabic text (harakat, shadda, superscript alef, the
/// Quranic marks): U+064B–U+065F, U+0670, U+06D6–U+06ED, U+08D3–U+08FF.
fn is_arabic_mark(c: char) -> bool {
    matches!(c as u32, 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x08D3..=0x08FF)
}

/// Whether a glyph shows combining marks only.
fn is_mark_glyph(g: &Glyph) -> bool {
    !g.text.is_empty() && g.text.chars().all(is_arabic_mark)
}

/// Puts each mark glyph of a row sorted by x just before the base glyph it sits on
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
        let owner = match after.checked_sub(1) {
            Some(i) if holds(i) => Some(i),
            Some(i) if distance(i) <= distance(after) => Some(i),
            _ if after < bases.len() => Some(after),
            _ => None,
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
/// L2 at a right-to-left paragraph level; the text is one line).
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
    fn presentation_forms_become_base_letters() {
        // ﻻ (lam-alef ligature, isolated), reversed for the visual run.
        assert_eq!(visual_text("\u{FEFB}"), "ال");
        assert_eq!(logical(&visual_text("\u{FEFB}")), "لا");
        assert_eq!(visual_text("\u{FEE3}"), "م");
        assert_eq!(base_letters("\u{FEE3}x").as_deref(), Some("مx"));
        assert_eq!(base_letters("abc"), None);
    }

    #[test]
    fn a_mark_goes_before_its_base_in_visual_order() {
        let g = |t: &str, x: f32, adv: f32| Glyph {
            advance: adv,
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
    }
}
