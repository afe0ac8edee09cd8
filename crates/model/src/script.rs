//! Script classes of characters, shared by line building and structure rules.

/// True for Han ideographs (CJK Unified Ideographs, Extension A, Compatibility, and the
/// supplementary planes' extensions).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// True for characters of CJK text between which no space is ever written: Han,
/// kana, Hangul syllables, CJK symbols and punctuation (U+3000–U+303F), full-width
/// forms (U+FF00–U+FFEF) and CJK radicals and strokes. Source: Unicode Standard §18.1 (Han), UAX #14 class ID.
pub fn is_cjk(c: char) -> bool {
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
    }
}
