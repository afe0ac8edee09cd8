//! Footnote area lines → footnotes.
//!
//! A footnote starts with its marker: a raised number (Word) or the number set on the
//! baseline and followed directly by the text (LibreOffice: `1www.unodc.org…`). Lines
//! that do not start with the next expected marker continue the previous footnote.

use unpara_model::{Footnote, Lang, Line};

use crate::patterns::MARKER;
use crate::text::{append_line, collapse};

/// Parses the footnote lines of one page. `last_number` is the last numeric marker
/// seen before this page, updated as markers are found.
pub(crate) fn parse(
    lines: &[&Line],
    page: u32,
    lang: Lang,
    last_number: &mut u32,
) -> Vec<Footnote> {
    let mut out: Vec<Footnote> = Vec::new();
    for line in lines {
        let first = line.spans.first();
        let raised_marker = first.filter(|s| {
            s.baseline > line.baseline + 0.15 * line.size
                && s.size < 0.8 * line.size
                && MARKER.is_match(s.text.trim())
        });
        let text = line.text();
        let (marker, rest) = if let Some(s) = raised_marker {
            let m = s.text.trim().to_string();
            let rest: String = line.spans.iter().skip(1).map(|s| s.text.as_str()).collect();
            (Some(m), rest)
        } else {
            let expected = (*last_number + 1).to_string();
            let t = text.trim_start();
            match t.strip_prefix(expected.as_str()) {
                Some(rest) if !rest.starts_with(|c: char| c.is_ascii_digit()) => {
                    (Some(expected), rest.to_string())
                }
                _ => (None, text.clone()),
            }
        };
        match marker {
            Some(m) => {
                if let Ok(n) = m.parse::<u32>() {
                    *last_number = n;
                }
                let mut t = String::new();
                append_line(&mut t, &rest, lang);
                out.push(Footnote {
                    marker: m,
                    text: t,
                    page,
                    block: None,
                });
            }
            None => match out.last_mut() {
                Some(f) => append_line(&mut f.text, &rest, lang),
                None => out.push(Footnote {
                    marker: String::new(),
                    text: collapse(&rest),
                    page,
                    block: None,
                }),
            },
        }
    }
    for f in &mut out {
        f.text = collapse(&f.text);
    }
    out
}
