//! Tab-separated bitext: `text of side a<TAB>text of side b<TAB>score`, one line per
//! sentence link with both sides, as hunalign prints its text output and OpusFilter and
//! LF Aligner exchange bitexts. No header line.

use unpara_model::{Alignment, Document};

use crate::pairs::pairs;
use crate::{Export, WriteError};

/// The TSV bitext of an aligned pair: one line per two-sided sentence link that
/// `export` keeps; texts hold no tab or line break (whitespace runs are one space),
/// the score has 3 decimals.
///
/// # Errors
/// [`WriteError::SameLanguage`] when both documents have one language.
pub fn alignment_tsv(
    a: &Document,
    b: &Document,
    al: &Alignment,
    export: &Export,
) -> Result<String, WriteError> {
    crate::check_languages(a, b)?;
    let mut out = String::new();
    for p in pairs(a, b, al, export) {
        if p.link.a.is_empty() || p.link.b.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "{}\t{}\t{}\n",
            p.a,
            p.b,
            crate::wire::round(p.link.score)
        ));
    }
    Ok(out)
}
