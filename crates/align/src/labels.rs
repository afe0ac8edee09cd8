//! Label equivalence across languages: `一.`↔`I.`, `A.`↔`A.`, `(a)`↔`(a)`, `(一)`↔`(i)`.

use unpara_structure::{recognize_label, LabelKind};

/// The meaning of a printed label, comparable across languages. The one-character
/// parenthesized ideographs ㈠–㈩ (U+3220–U+3229) mean what `(一)`–`(十)` mean.
pub(crate) fn meaning(label: &str) -> Option<LabelKind> {
    let mut chars = label.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if ('\u{3220}'..='\u{3229}').contains(&c) {
            return Some(LabelKind::SmallRoman(c as u32 - 0x3220 + 1));
        }
    }
    // A label alone lacks the text after it that the recognizer expects.
    recognize_label(&format!("{label} X"), None).map(|l| l.kind)
}

/// The position a label gives in its sequence (1 for `1.`, `I.`, `(i)`, `(a)`, `A.`),
/// whatever its style: a Chinese list may number `㈠ ㈡` where the English one numbers
/// `1. 2.`.
pub(crate) fn ordinal(kind: LabelKind) -> Option<u32> {
    match kind {
        LabelKind::Number(n)
        | LabelKind::Roman(n)
        | LabelKind::SmallRoman(n)
        | LabelKind::ParenNumber(n)
        | LabelKind::Section(_, n) => Some(n),
        LabelKind::Letter(c) => Some(c as u32 - 'a' as u32 + 1),
        LabelKind::Capital(c) => Some(c as u32 - 'A' as u32 + 1),
        LabelKind::Resolution => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equivalent_labels() {
        assert_eq!(meaning("一."), meaning("I."));
        assert_eq!(meaning("(一)"), meaning("(i)"));
        assert_eq!(meaning("A."), meaning("A."));
        assert_ne!(meaning("(a)"), meaning("(b)"));
        assert_ne!(meaning("1."), meaning("I."));
        assert_eq!(meaning("㈡"), meaning("(二)"));
        assert_eq!(
            meaning("㈡").and_then(ordinal),
            meaning("2.").and_then(ordinal)
        );
    }
}
