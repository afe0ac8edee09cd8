//! Script classes of characters, shared by line building and structure rules.

/// True for Han ideographs (CJK Unified Ideographs, Extension A, Compatibility, and the
/// supplementary planes' extensions).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// True for letters and marks of the Arabic script: Arabic (U+0600–U+06FF), Arabic
/// Supplement (U+0750–U+077F), Extended-A (U+08A0–U+08FF) and the presentation forms
/// (U+FB50–U+FDFF, U+FE70–U+FEFF), digits and punctuation of the block included.
pub fn is_arabic(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF)
        || is_arabic_presentation_form(c)
}

/// True for Arabic presentation forms (Forms-A U+FB50–U+FDFF, Forms-B U+FE70–U+FEFF,
/// the byte-order mark U+FEFF excepted): the contextual glyph shapes fonts map to,
/// which a reader turns back into the base letters (Unicode Standard §9.2).
pub fn is_arabic_presentation_form(c: char) -> bool {
    matches!(c as u32, 0xFB50..=0xFDFF | 0xFE70..=0xFEFE)
}

/// True for the combining marks of Arabic text (Unicode general category Mn of the
/// Arabic blocks): harakat, tanwin, shadda, sukun (U+064B–U+065F), superscript alef
/// (U+0670), the Quranic annotation marks (U+06D6–U+06DC, U+06DF–U+06E4, U+06E7–U+06E8,
/// U+06EA–U+06ED) and Extended-A's (U+08D3–U+08E1, U+08E3–U+08FF).
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c as u32,
        0x064B..=0x065F | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7..=0x06E8
        | 0x06EA..=0x06ED | 0x08D3..=0x08E1 | 0x08E3..=0x08FF)
}

/// True for Cyrillic letters (U+0400–U+052F, Extended-A/B/C U+2DE0–U+2DFF,
/// U+A640–U+A69F, U+1C80–U+1C8F).
pub fn is_cyrillic(c: char) -> bool {
    matches!(c as u32, 0x0400..=0x052F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F | 0x1C80..=0x1C8F)
}

/// True for Latin letters: ASCII letters and the alphabetic characters of Latin-1
/// Supplement, Latin Extended-A/B and Additional (U+00C0–U+024F, U+1E00–U+1EFF).
pub fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (matches!(c as u32, 0x00C0..=0x024F | 0x1E00..=0x1EFF) && c.is_alphabetic())
}

/// The script of a letter, `None` for digits, punctuation, spaces and letters of other
/// scripts.
pub fn script_of(c: char) -> Option<crate::Script> {
    use crate::Script;
    if c.is_ascii() {
        return c.is_ascii_alphabetic().then_some(Script::Latin);
    }
    if is_han(c) {
        Some(Script::Han)
    } else if is_latin(c) {
        Some(Script::Latin)
    } else if is_cyrillic(c) {
        Some(Script::Cyrillic)
    } else if is_arabic(c) && c.is_alphabetic() {
        Some(Script::Arabic)
    } else {
        None
    }
}

/// The value of a decimal digit: ASCII, Arabic-Indic (U+0660–U+0669, the digits of
/// Arabic text in the Arab East) or Extended Arabic-Indic (U+06F0–U+06F9).
pub fn digit_value(c: char) -> Option<u32> {
    match c as u32 {
        0x30..=0x39 => Some(c as u32 - 0x30),
        0x0660..=0x0669 => Some(c as u32 - 0x0660),
        0x06F0..=0x06F9 => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// The value of a number written in decimal digits of one of [`digit_value`]'s kinds
/// (`13`, `١٣`), at most 9 digits; `None` for anything else.
pub fn decimal_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.chars().count() > 9 {
        return None;
    }
    s.chars()
        .try_fold(0u32, |n, c| Some(n * 10 + digit_value(c)?))
}

/// True for characters of CJK text between which no space is ever written: Han,
/// kana, Hangul syllables, CJK symbols and punctuation (U+3000–U+303F), full-width
/// forms (U+FF00–U+FFEF) and CJK radicals and strokes. Source: Unicode Standard §18.1 (Han), UAX #14 class ID.
pub fn is_cjk(c: char) -> bool {
    // Below the first range (CJK Radicals Supplement, U+2E80): Latin, Cyrillic, Arabic…
    if (c as u32) < 0x2E80 {
        return false;
    }
    is_han(c)
        || matches!(c as u32,
            0x3000..=0x303F | 0x3040..=0x30FF | 0xAC00..=0xD7AF | 0xFF00..=0xFFEF
            | 0x2E80..=0x2FDF | 0x31C0..=0x31EF)
}

/// Where a text's first line-break opportunity lies, in bytes, trailing spaces left
/// out: the first opportunity of the Unicode Line Breaking Algorithm (UAX #14) after a
/// space or beside a CJK character — not after a hyphen or a slash inside a word
/// (`well-being`, `CAC/COSP/WG.4`), where typesetters differ. The text's length when it
/// holds none. A typesetter must fit this much on a line to start the text there.
pub fn first_line_break(text: &str) -> usize {
    let i = unicode_linebreak::linebreaks(text)
        .map(|(i, _)| i)
        .find(|&i| {
            let before = text.get(..i).and_then(|t| t.chars().last());
            let after = text.get(i..).and_then(|t| t.chars().next());
            i > 0
                && (before.is_some_and(char::is_whitespace)
                    || before.is_some_and(is_cjk)
                    || after.is_some_and(is_cjk))
        })
        .unwrap_or(text.len());
    text.get(..i).map_or(0, |t| t.trim_end().len())
}

/// A digit as its superscript character (`3` → `³`, Unicode's Superscripts and
/// Latin-1 forms); anything else unchanged. Readers write a raised number that is no
/// footnote marker this way (`km²`, `m³`).
pub fn superscript_digit(c: char) -> char {
    match c {
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4' => '⁴',
        '5' => '⁵',
        '6' => '⁶',
        '7' => '⁷',
        '8' => '⁸',
        '9' => '⁹',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_line_breaks() {
        assert_eq!(
            first_line_break("socioeconomic well-being"),
            "socioeconomic".len()
        );
        assert_eq!(first_line_break("well-being of"), "well-being".len());
        assert_eq!(
            first_line_break("(CAC/COSP/WG.4/2017/3)。这"),
            "(CAC/COSP/WG.4/2017/3)。".len()
        );
        assert_eq!(first_line_break("条）；其他"), "条）；".len());
        assert_eq!(first_line_break("的“《反腐败"), "的“《反".len());
        assert_eq!(first_line_break("word"), 4);
    }

    #[test]
    fn classes() {
        assert!(is_han('联'));
        assert!(is_cjk('，') && !is_han('，'));
        assert!(is_cjk('。'));
        assert!(!is_cjk('A') && !is_cjk('1') && !is_cjk('“'));
        assert_eq!(script_of('م'), Some(crate::Script::Arabic));
        assert_eq!(script_of('\u{FEE3}'), Some(crate::Script::Arabic));
        assert_eq!(script_of('٣'), None);
        assert_eq!(script_of('ж'), Some(crate::Script::Cyrillic));
        assert_eq!(script_of('é'), Some(crate::Script::Latin));
        assert_eq!(script_of('×'), None);
        assert!(
            is_arabic_presentation_form('\u{FEFB}') && !is_arabic_presentation_form('\u{FEFF}')
        );
    }
}
