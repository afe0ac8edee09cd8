//! The front page's masthead lines: a line of the organ name may share its baseline
//! with a line of the metadata column beside it (`Parties to the United Nations` in
//! 17 pt bold, `Original: English` in 9.5 pt, one row in LibreOffice's two-column
//! masthead). The metadata cell is read into the metadata and left out of the line, so
//! that what remains is the organ name's line alone, with its own weight and size.

use unpara_model::{Line, Metadata};

use crate::markers::RefCandidate;
use crate::metadata;

/// Spans of one line are different cells of the masthead when the smaller size is below
/// this fraction of the larger (its 9.5–10 pt metadata beside a 14–17 pt organ name:
/// 0.56–0.71 on the layout matrix and the real reports), as the PDF reader's strands
/// tell sizes apart (`unpara_pdf` `layout/strands.rs`, `OTHER_SIZE`).
const OTHER_SIZE: f32 = 0.9;

/// A line without the cells that were metadata, with its reference candidates
/// renumbered; `None` when no cell was metadata.
pub(crate) fn without_metadata_cells(
    line: &Line,
    refs: &[(RefCandidate, bool)],
    meta: &mut Metadata,
    seen_distribution: &mut bool,
) -> Option<(Line, Vec<(RefCandidate, bool)>)> {
    // Cells: runs of spans with gaps of at most an em of the larger size and sizes
    // alike (the organ name's bold runs up to 4 pt from the metadata column).
    let mut cells: Vec<Vec<usize>> = Vec::new();
    for (i, s) in line.spans.iter().enumerate() {
        let apart = i
            .checked_sub(1)
            .and_then(|p| line.spans.get(p))
            .is_none_or(|p| {
                let (small, large) = (s.size.min(p.size), s.size.max(p.size));
                s.x0 - p.x1 > large || small < OTHER_SIZE * large
            });
        match cells.last_mut() {
            Some(cell) if !apart => cell.push(i),
            _ => cells.push(vec![i]),
        }
    }
    if cells.len() < 2 {
        return None;
    }
    let mut keep = vec![true; line.spans.len()];
    for cell in &cells {
        let text: String = cell
            .iter()
            .filter_map(|i| line.spans.get(*i))
            .map(|s| s.text.as_str())
            .collect();
        let before = meta.clone();
        let was_seen = *seen_distribution;
        if metadata::consume_line(&text, meta, seen_distribution).is_empty() {
            for i in cell {
                if let Some(k) = keep.get_mut(*i) {
                    *k = false;
                }
            }
        } else {
            // A cell with text besides metadata is read with the rest of the line.
            *meta = before;
            *seen_distribution = was_seen;
        }
    }
    if keep.iter().all(|k| *k) || !keep.iter().any(|k| *k) {
        return None;
    }
    let spans: Vec<_> = line
        .spans
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(s, _)| s.clone())
        .collect();
    let new_index = |old: usize| keep.iter().take(old).filter(|k| **k).count();
    let refs = refs
        .iter()
        .filter(|(c, _)| keep.get(c.span).copied().unwrap_or(false))
        .map(|(c, a)| {
            (
                RefCandidate {
                    span: new_index(c.span),
                    ..c.clone()
                },
                *a,
            )
        })
        .collect();
    let x0 = spans.first().map_or(line.x0, |s| s.x0);
    let x1 = spans.iter().map(|s| s.x1).fold(x0, f32::max);
    let size = spans.iter().map(|s| s.size).fold(0.0, f32::max);
    let baseline = spans
        .iter()
        .find(|s| s.size >= size)
        .map_or(line.baseline, |s| s.baseline);
    Some((
        Line {
            spans,
            x0,
            x1,
            baseline,
            size,
            ..line.clone()
        },
        refs,
    ))
}
