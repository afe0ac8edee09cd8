//! Warnings a reviewer can act on, about what the rules could not place with
//! confidence: running-header text that reached a block, a page whose body frame is
//! not the document's.

use unpara_model::Block;

use crate::digit_forms::{has_barcode, job_number};
use crate::measure::Measures;

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
            let what = if job_number(t).is_some() {
                "a job number"
            } else if has_barcode(t) {
                "a barcode"
            } else if pages > 1
                && t.contains(&page_number)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::Frame;

    fn frame() -> Frame {
        Frame {
            left: 72.0,
            right: 523.0,
            top: 770.0,
            bottom: 72.0,
            justified: true,
        }
    }

    /// A page whose lines run past the body of the others (a wide table) is named; the
    /// front page, laid out around its masthead, is not.
    #[test]
    fn a_page_outside_the_frame_is_named() {
        let mut m = Measures::flowing(10.0, 72.0, 4);
        m.frames = vec![frame(); 4];
        m.page_edges = vec![
            Some((30.0, 560.0)),
            Some((72.0, 523.0)),
            Some((40.0, 560.0)),
            Some((72.0, 520.0)),
        ];
        let w = frames(&m);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].starts_with("page 3: its lines run from x 40 to 560 pt"),
            "{w:?}"
        );
    }

    #[test]
    fn job_numbers_barcodes_and_page_numbers_in_blocks_are_named() {
        let block = |id: &str, text: &str| unpara_model::Block {
            id: id.into(),
            kind: unpara_model::BlockKind::Text,
            label: None,
            level: None,
            number: None,
            parent: None,
            text: text.into(),
            pages: vec![2],
            footnote_refs: vec![],
            sentences: vec![],
        };
        let w = furniture_in_blocks(
            &[
                block("b1", "the report V.17-06020 (E)"),
                block("b2", "*1706020*"),
                block("b3", "as in 3/11 of the pages"),
                block("b4", "resolution 6/6 of the Conference"),
            ],
            11,
        );
        assert_eq!(w.len(), 3, "{w:?}");
        assert!(w[0].contains("b1") && w[0].contains("a job number"));
        assert!(w[1].contains("b2") && w[1].contains("a barcode"));
        assert!(w[2].contains("b3") && w[2].contains("a page number"));
    }
}
