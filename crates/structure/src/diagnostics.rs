//! Warnings a reviewer can act on, about what the rules could not place with
//! confidence: running-header text that reached a block, a page whose body frame is
//! not the document's.

use unpara_model::Block;

use crate::measure::Measures;
use crate::patterns::{BARCODE_IN_TEXT, JOB_NUMBER};

/// A page's frame differs from the document's when an edge is further than this many
/// ems from the same edge on most pages of its parity (mirrored margins alternate).
const FRAME_DIFFERS_EM: f32 = 2.0;

/// Fewest pages for a frame comparison to mean anything.
const MIN_PAGES: usize = 3;

/// Pages whose own body lines begin or end elsewhere than the frame the pages of their
/// size and parity share (the front page, laid out around its masthead, aside).
pub(crate) fn frames(m: &Measures) -> Vec<String> {
    let tol = FRAME_DIFFERS_EM * m.body_size;
    if m.frames.len() < MIN_PAGES {
        return Vec::new();
    }
    m.frames
        .iter()
        .zip(&m.page_edges)
        .enumerate()
        .skip(1)
        .filter_map(|(i, (f, edges))| {
            let (left, right) = (*edges)?;
            ((left - f.left).abs() > tol || (right - f.right).abs() > tol).then(|| {
                format!(
                    "page {}: its lines run from x {left:.0} to {right:.0} pt, the body of \
                     the other pages from {:.0} to {:.0} pt (a wide table, another layout): \
                     check this page's blocks",
                    i + 1,
                    f.left,
                    f.right
                )
            })
        })
        .collect()
}

/// Blocks holding a job number, a barcode or a page number of the document's own
/// `page/pages` form: running header or footer text that was taken for body text.
pub(crate) fn furniture_in_blocks(blocks: &[Block], pages: u32) -> Vec<String> {
    let page_number = format!("/{pages}");
    blocks
        .iter()
        .filter_map(|b| {
            let t = &b.text;
            let what = if JOB_NUMBER.is_match(t) {
                "a job number"
            } else if BARCODE_IN_TEXT.is_match(t) {
                "a barcode"
            } else if pages > 1
                && t.split_whitespace().any(|w| {
                    w.ends_with(&page_number)
                        && w.trim_end_matches(&page_number).parse::<u32>().is_ok()
                })
            {
                "a page number"
            } else {
                return None;
            };
            Some(format!(
                "block {} (page {}) holds what looks like {what} of a running header or \
                 footer",
                b.id,
                b.pages.first().copied().unwrap_or(0)
            ))
        })
        .collect()
}
