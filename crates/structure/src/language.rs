//! Language detection from the share of Han characters.

use unpara_model::{is_han, Lang, Layout};

/// A document is Chinese when at least this share of its letters (Han characters plus
/// alphabetic characters) are Han. Chinese UN documents run at 85–95 %, English ones
/// at 0 %; the Chinese front page keeps English metadata lines, hence not higher.
const HAN_SHARE_FOR_CHINESE: f64 = 0.3;

/// Detects the language of a layout: [`Lang::Zh`] when Han characters make up at least
/// 30 % of its letters, [`Lang::En`] otherwise.
pub fn detect_language(layout: &Layout) -> Lang {
    detect_chars(
        layout
            .pages
            .iter()
            .flat_map(|p| &p.lines)
            .flat_map(|l| &l.spans)
            .flat_map(|s| s.text.chars()),
    )
}

/// [`detect_language`] for plain text.
pub fn detect_text_language(text: &str) -> Lang {
    detect_chars(text.chars())
}

fn detect_chars(chars: impl Iterator<Item = char>) -> Lang {
    let (mut han, mut letters) = (0usize, 0usize);
    for c in chars {
        if is_han(c) {
            han += 1;
            letters += 1;
        } else if c.is_alphabetic() {
            letters += 1;
        }
    }
    if letters > 0 && han as f64 / letters as f64 >= HAN_SHARE_FOR_CHINESE {
        Lang::Zh
    } else {
        Lang::En
    }
}
