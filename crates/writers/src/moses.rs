//! Moses plain text: two files, line N of one the translation of line N of the other.

use unpara_model::{Alignment, Document};

use crate::pairs::pairs;
use crate::{Export, WriteError};

/// The lines of side a and of side b: one line per sentence link with both sides that
/// `export` keeps (the sentences of a side joined as its language joins them),
/// newline-terminated.
///
/// # Errors
/// [`WriteError::SameLanguage`] when both documents have one language.
pub fn alignment_moses(
    a: &Document,
    b: &Document,
    al: &Alignment,
    export: &Export,
) -> Result<(String, String), WriteError> {
    crate::check_languages(a, b)?;
    let (mut la, mut lb) = (String::new(), String::new());
    for p in pairs(a, b, al, export) {
        if p.link.a.is_empty() || p.link.b.is_empty() {
            continue;
        }
        la.push_str(&p.a);
        la.push('\n');
        lb.push_str(&p.b);
        lb.push('\n');
    }
    Ok((la, lb))
}
