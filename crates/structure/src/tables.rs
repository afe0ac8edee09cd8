//! Tables and lists of contents: not body flow.
//!
//! A table row is a line of two or more cells — spans more than an em apart, a leading
//! paragraph or heading label not counted — standing beside another such line whose
//! cells line up (a left edge, or a right edge inside the frame, within half an em). A
//! justified line whose few spaces are stretched wide has cells too, but nothing lines
//! up with them. A one-cell line right under a row, starting at one of its later cells, is that
//! cell's wrapped text. A list of contents entry runs dot leaders to a page number.
//! Rows become `table` blocks (cells separated by tabs), entries `text` blocks.

use crate::body::BodyLine;
use crate::digit_forms::dot_leaders;
use crate::labels::recognize;

/// Cell edges line up when they differ by at most this many ems.
const ALIGN_EM: f32 = 0.5;

/// What a body line is, for the table rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RowKind {
    /// Running text.
    Text,
    /// A table row.
    Table,
    /// The wrapped text of a cell of the row above.
    CellContinuation,
    /// An entry of a list of contents.
    Contents,
}

/// Whether a cell's text is a label only (`1.`, `(a)`, `IV.`).
pub(crate) fn is_label_cell(text: &str) -> bool {
    let probe = format!("{} X", text.trim());
    recognize(&probe, None).is_some_and(|l| probe.get(l.consumed..) == Some("X"))
}

/// The cells of a line that hold data: a leading label cell left out.
fn data_cells(line: &BodyLine) -> &[(f32, f32, String)] {
    match line.cells.split_first() {
        Some((first, rest)) if is_label_cell(&first.2) => rest,
        _ => &line.cells,
    }
}

fn aligned(a: &BodyLine, b: &BodyLine) -> bool {
    let tol = ALIGN_EM * a.size.max(b.size).max(1.0);
    // Edges of cells after the first (the first cell of every row starts at the
    // table's left edge, which running text shares), and not of a last cell that ends
    // at the frame's right edge (a justified line's last word is every justified
    // line's).
    let edges = |l: &BodyLine| -> Vec<(f32, f32)> {
        let right = l.frame.right;
        let cells = data_cells(l);
        let n = cells.len();
        cells
            .iter()
            .enumerate()
            .skip(1)
            .filter(|(k, (_, x1, _))| !(*k + 1 == n && (right - x1).abs() <= tol))
            .map(|(_, (x0, x1, _))| (*x0, *x1))
            .collect()
    };
    let (ea, eb) = (edges(a), edges(b));
    let fewer = ea.len().min(eb.len());
    if fewer == 0 {
        return false;
    }
    let matched = ea
        .iter()
        .filter(|(x0, x1)| {
            eb.iter()
                .any(|(y0, y1)| (x0 - y0).abs() <= tol || (x1 - y1).abs() <= tol)
        })
        .count();
    // Columns line up: most cells of the shorter row stand under a cell of the other
    // (a loose justified line's wide word gaps meet another line's only by chance).
    matched as f32 >= ALIGNED_SHARE * fewer as f32
}

/// Share of the cells of the shorter of two rows that must line up with the other's (a
/// table's rows share every column; a loose justified line meets another's word gaps in
/// few places: `loose_justified_lines_are_text`).
const ALIGNED_SHARE: f32 = 0.5;

/// Whether a line's cells are words of justified text: two gaps or more between them,
/// all as wide as each other (justification stretches every space of a line alike;
/// a table's columns stand at their own distances).
fn evenly_spaced(line: &BodyLine) -> bool {
    let gaps: Vec<f32> = line
        .cells
        .windows(2)
        .filter_map(|w| match w {
            [a, b] => Some(b.0 - a.1),
            _ => None,
        })
        .collect();
    let (lo, hi) = gaps
        .iter()
        .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), g| {
            (lo.min(*g), hi.max(*g))
        });
    gaps.len() >= 2 && hi - lo <= EVEN_GAP_EM * line.size.max(1.0)
}

/// Gaps of one justified line differ by less than this many ems of its size (glyph
/// advances are exact; a table's columns differ by ems; held-out Chromium 6 × 9 in).
const EVEN_GAP_EM: f32 = 0.1;

/// The kind of every body line.
pub(crate) fn row_kinds(lines: &[BodyLine]) -> Vec<RowKind> {
    let candidate = |l: &BodyLine| {
        !l.front && l.flow.is_none() && data_cells(l).len() >= 2 && !evenly_spaced(l)
    };
    let mut kinds: Vec<RowKind> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if l.table_row {
                return RowKind::Table;
            }
            if l.flow.is_none() && dot_leaders(l.text.trim_end()).is_some() {
                return RowKind::Contents;
            }
            if !candidate(l) {
                return RowKind::Text;
            }
            let neighbour = |j: Option<usize>| {
                j.and_then(|j| lines.get(j))
                    .is_some_and(|n| n.page == l.page && candidate(n) && aligned(l, n))
            };
            if neighbour(i.checked_sub(1)) || neighbour(Some(i + 1)) {
                RowKind::Table
            } else {
                RowKind::Text
            }
        })
        .collect();
    // Wrapped cell text under a row.
    for i in 1..lines.len() {
        let (Some(prev), Some(line)) = (lines.get(i - 1), lines.get(i)) else {
            continue;
        };
        let above = kinds.get(i - 1).copied();
        if kinds.get(i) != Some(&RowKind::Text)
            || !matches!(above, Some(RowKind::Table | RowKind::CellContinuation))
            || prev.page != line.page
            || line.flow.is_some()
        {
            continue;
        }
        let tol = ALIGN_EM * line.size.max(1.0);
        let starts_in_later_cell = row_cells_above(lines, &kinds, i)
            .iter()
            .skip(1)
            .any(|(x0, _, _)| (x0 - line.x0).abs() <= tol);
        if line.cells.len() == 1 && starts_in_later_cell {
            if let Some(k) = kinds.get_mut(i) {
                *k = RowKind::CellContinuation;
            }
        }
    }
    kinds
}

/// A cell's wrapped text runs at most this many lines under its row (a bound on the
/// look back, not a layout rule: cells of UN tables wrap to a few lines).
const MAX_CELL_LINES: usize = 64;

/// The cells of the table row a line sits under.
fn row_cells_above<'a>(
    lines: &'a [BodyLine],
    kinds: &[RowKind],
    i: usize,
) -> &'a [(f32, f32, String)] {
    (i.saturating_sub(MAX_CELL_LINES)..i)
        .rev()
        .find(|j| kinds.get(*j) == Some(&RowKind::Table))
        .and_then(|j| lines.get(j))
        .map_or(&[], |l| l.cells.as_slice())
}

/// The text of a contents entry: its title, a tab, its page number (the dot leaders
/// between them left out).
pub(crate) fn contents_text(text: &str) -> String {
    let t = crate::text::collapse(text);
    match dot_leaders(&t) {
        Some(start) => {
            let page = t
                .get(start..)
                .unwrap_or_default()
                .trim_start_matches(['.', ' '])
                .trim();
            format!("{}\t{page}", t.get(..start).unwrap_or_default().trim_end())
        }
        None => t,
    }
}

/// Appends a wrapped line to the cell of `cells` it starts in.
pub(crate) fn continue_cell(cells: &mut [(f32, String)], line: &BodyLine) {
    let target = cells
        .iter_mut()
        .rev()
        .find(|(x0, _)| *x0 <= line.x0 + ALIGN_EM * line.size.max(1.0));
    if let Some((_, text)) = target {
        text.push(' ');
        text.push_str(line.text.trim());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(cells: &[(f32, f32, &str)]) -> BodyLine {
        let text = cells.iter().map(|c| c.2).collect::<Vec<_>>().join(" ");
        let x0 = cells.first().map_or(0.0, |c| c.0);
        let x1 = cells.last().map_or(0.0, |c| c.1);
        BodyLine {
            first_word: 10.0,
            cells: cells
                .iter()
                .map(|(a, b, t)| (*a, *b, t.to_string()))
                .collect(),
            ..crate::body::test_line(&text, x0, x1, 500.0)
        }
    }

    /// A loose justified line (wide, equal word gaps) is no table row, whatever lines
    /// up with it by chance (held-out Chromium layout, 6 × 9 in).
    #[test]
    fn loose_justified_lines_are_text() {
        let lines = vec![
            l(&[
                (56.7, 97.2, "75. The"),
                (110.5, 155.7, "President"),
                (169.0, 221.5, "introduced"),
                (234.8, 250.0, "the"),
            ]),
            l(&[
                (56.7, 133.2, "implementation"),
                (147.1, 156.5, "of"),
                (170.4, 224.6, "Conference"),
                (238.4, 287.1, "resolution"),
            ]),
        ];
        assert_eq!(row_kinds(&lines), [RowKind::Text, RowKind::Text]);
    }

    /// Issue 10: table rows starting `1.` are not numbered paragraphs; a paragraph
    /// label and its text are not a table.
    #[test]
    fn rows_line_up_and_labels_are_not_cells() {
        let lines = vec![
            l(&[
                (72.0, 90.0, "1."),
                (108.0, 520.0, "The Working Group met twice in Vienna."),
            ]),
            l(&[
                (72.0, 200.0, "Military personnel"),
                (300.0, 340.0, "37 339.0"),
                (400.0, 440.0, "48 442.5"),
            ]),
            l(&[
                (72.0, 200.0, "Civilian personnel"),
                (300.0, 340.0, "68 552.0"),
            ]),
            l(&[
                (72.0, 90.0, "1."),
                (150.0, 200.0, "Austria"),
                (300.0, 340.0, "12.5"),
            ]),
            l(&[(150.0, 200.0, "and Belgium")]),
            l(&[(72.0, 300.0, "Introduction . . . . . . . . 6")]),
        ];
        let k = row_kinds(&lines);
        assert_eq!(
            k,
            [
                RowKind::Text,
                RowKind::Table,
                RowKind::Table,
                RowKind::Table,
                RowKind::CellContinuation,
                RowKind::Contents
            ]
        );
    }
}
