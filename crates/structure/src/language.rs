//! Language detection of a layout (the rule is [`unpara_lang::detect`]'s).

use unpara_model::{Lang, Layout};

/// Detects the language of a layout from the letters of its spans: by script (Han,
/// Arabic, Cyrillic holding at least [`unpara_lang::SCRIPT_SHARE`] of the letters),
/// then English, French or Spanish by trigrams.
pub fn detect_language(layout: &Layout) -> Lang {
    unpara_lang::detect_pieces(
        layout
            .pages
            .iter()
            .flat_map(|p| &p.lines)
            .flat_map(|l| &l.spans)
            .map(|s| s.text.as_str()),
    )
}

/// [`detect_language`] for plain text.
pub fn detect_text_language(text: &str) -> Lang {
    unpara_lang::detect_text(text)
}
