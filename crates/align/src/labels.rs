//! Label equivalence across languages: `一.`↔`I.`, `A.`↔`A.`, `(a)`↔`(a)`, `(一)`↔`(i)`.

use unpara_structure::{recognize_label, LabelKind};

/// The meaning of a printed label, comparable across languages.
pub(crate) fn meaning(label: &str) -> Option<LabelKind> {
    // A label alone lacks the text after it that the recognizer expects.
    recognize_label(&format!("{label} x"), None).map(|l| l.kind)
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
    }
}
