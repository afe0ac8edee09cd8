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
    fn classes() {
        assert!(is_han('联'));
        assert!(is_cjk('，') && !is_han('，'));
        assert!(is_cjk('。'));
        assert!(!is_cjk('A') && !is_cjk('1') && !is_cjk('“'));
    }
}
