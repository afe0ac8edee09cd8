//! Reading order of the lines of one text direction: recursive X–Y cut (Nagy & Seth,
//! "Hierarchical representation of optically scanned documents", 1984) over the pieces
//! of each line, so that side-by-side blocks (address blocks, newspaper columns, the
//! tiers of vertical writing) are read one after the other instead of row by row.
//!
//! Pieces are the parts of a line separated by a gap of at least [`PIECE_GAP_EM`]. A
//! region is cut at its widest whitespace gap: across (between rows) or down (between
//! columns). A cut down is taken only between two real columns — each side at least two
//! rows deep and its pieces [`MIN_COLUMN_EM`] wide in the median — so a column of
//! paragraph numbers or a table of short figures is never read apart from its text.
//! Pieces of one line that end up next to each other are joined again.

use unpara_model::{Line, Span};

/// Gap between two spans of a line that makes them separate pieces, in ems.
const PIECE_GAP_EM: f32 = 1.0;
/// Narrowest gap between two columns, in ems of the region's median size.
const MIN_GUTTER_EM: f32 = 1.5;
/// Median width a column's pieces must reach, in ems: wider than list labels and the
/// cells of a table of figures, narrower than lines of running text.
const MIN_COLUMN_EM: f32 = 6.0;
/// Fewest rows each of two columns must have.
const MIN_COLUMN_ROWS: usize = 3;
/// Two columns must run side by side: the shared part of their vertical extents is at
/// least this fraction of the taller one (a block beside the top of a long one is not
/// a column).
const MIN_COLUMN_OVERLAP: f32 = 0.6;
/// Pages with more pieces than this keep row order (guards the quadratic worst case).
const MAX_PIECES: usize = 4000;
/// Deepest recursion; real pages need far fewer levels.
const MAX_DEPTH: usize = 200;

/// A part of a line: a run of its spans.
struct Piece {
    line: usize,
    /// Range of span indices in the line.
    first: usize,
    last: usize,
    x0: f32,
    x1: f32,
    top: f32,
    bottom: f32,
    size: f32,
}

/// Puts the lines (rows, top to bottom) into reading order; lines split between
/// columns become one line per column part.
pub(crate) fn reading_order(lines: Vec<Line>) -> Vec<Line> {
    let pieces = pieces(&lines);
    if pieces.len() > MAX_PIECES || pieces.len() < 3 {
        return lines;
    }
    let mut order = Vec::with_capacity(pieces.len());
    cut((0..pieces.len()).collect(), &pieces, &mut order, 0);
    assemble(lines, &pieces, &order)
}

fn pieces(lines: &[Line]) -> Vec<Piece> {
    let mut out = Vec::new();
    for (li, line) in lines.iter().enumerate() {
        let mut start = 0;
        for (i, pair) in line.spans.windows(2).enumerate() {
            if let [a, b] = pair {
                if b.x0 - a.x1 >= PIECE_GAP_EM * line.size.max(1.0) {
                    out.push(piece(li, line, start, i));
                    start = i + 1;
                }
            }
        }
        if !line.spans.is_empty() {
            out.push(piece(li, line, start, line.spans.len() - 1));
        }
    }
    out
}

fn piece(li: usize, line: &Line, first: usize, last: usize) -> Piece {
    let spans = line.spans.get(first..=last).unwrap_or_default();
    let x0 = spans.iter().map(|s| s.x0).fold(f32::MAX, f32::min);
    let x1 = spans.iter().map(|s| s.x1).fold(f32::MIN, f32::max);
    Piece {
        line: li,
        first,
        last,
        x0,
        x1,
        top: line.baseline + 0.8 * line.size,
        bottom: line.baseline - 0.2 * line.size,
        size: line.size.max(1.0),
    }
}

/// The value at the middle of `v` sorted (the upper median), 0 for none; with a total
/// order the element selected there is the one sorting would put there.
pub(super) fn median(v: &mut [f32]) -> f32 {
    let middle = v.len() / 2;
    if middle < v.len() {
        *v.select_nth_unstable_by(middle, f32::total_cmp).1
    } else {
        0.0
    }
}

/// A value of each of the pieces `ids` names, in a vector sized for all of them (a
/// filtered collect would grow it step by step).
fn of_pieces<T>(ids: &[usize], p: &[Piece], f: impl Fn(&Piece) -> T) -> Vec<T> {
    let mut v = Vec::with_capacity(ids.len());
    v.extend(ids.iter().filter_map(|&i| p.get(i)).map(f));
    v
}

/// Gaps of the union of intervals: `(gap start, gap end)`, in increasing order.
fn gaps(mut intervals: Vec<(f32, f32)>) -> Vec<(f32, f32)> {
    intervals.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out = Vec::new();
    let mut end = f32::MIN;
    for (lo, hi) in intervals {
        if end > f32::MIN && lo > end {
            out.push((end, lo));
        }
        end = end.max(hi);
    }
    out
}

fn rows(ids: &[usize], p: &[Piece]) -> usize {
    let mut lines = of_pieces(ids, p, |x| x.line);
    lines.sort_unstable();
    lines.dedup();
    lines.len()
}

fn is_column(ids: &[usize], p: &[Piece], em: f32) -> bool {
    let mut widths = of_pieces(ids, p, |x| x.x1 - x.x0);
    rows(ids, p) >= MIN_COLUMN_ROWS && median(&mut widths) >= MIN_COLUMN_EM * em
}

/// Vertical extent `(bottom, top)` of some pieces.
fn extent(ids: &[usize], p: &[Piece]) -> (f32, f32) {
    ids.iter()
        .filter_map(|&i| p.get(i))
        .fold((f32::MAX, f32::MIN), |(b, t), x| {
            (b.min(x.bottom), t.max(x.top))
        })
}

fn side_by_side(left: &[usize], right: &[usize], p: &[Piece]) -> bool {
    let (lb, lt) = extent(left, p);
    let (rb, rt) = extent(right, p);
    let shared = lt.min(rt) - lb.max(rb);
    shared >= MIN_COLUMN_OVERLAP * (lt - lb).max(rt - rb)
}

fn cut(ids: Vec<usize>, p: &[Piece], out: &mut Vec<usize>, depth: usize) {
    if ids.len() <= 1 || depth > MAX_DEPTH {
        out.extend(in_row_order(ids, p));
        return;
    }
    let em = median(&mut of_pieces(&ids, p, |x| x.size));
    // The widest valid gap between columns.
    let column = gaps(of_pieces(&ids, p, |x| (x.x0, x.x1)))
        .into_iter()
        .filter(|(a, b)| b - a >= MIN_GUTTER_EM * em)
        .filter_map(|(a, b)| {
            let split = (a + b) / 2.0;
            let (left, right): (Vec<usize>, Vec<usize>) = ids
                .iter()
                .partition(|&&i| p.get(i).is_some_and(|x| x.x1 <= split));
            (is_column(&left, p, em) && is_column(&right, p, em) && side_by_side(&left, &right, p))
                .then_some((b - a, left, right))
        })
        .max_by(|a, b| a.0.total_cmp(&b.0));
    let bands = gaps(of_pieces(&ids, p, |x| (x.bottom, x.top)));
    let widest_band = bands.iter().map(|(a, b)| b - a).fold(0.0, f32::max);
    match column {
        Some((width, left, right)) if width >= widest_band => {
            cut(left, p, out, depth + 1);
            cut(right, p, out, depth + 1);
        }
        _ if !bands.is_empty() => {
            // Cut across at the widest gaps (within 10 %, so evenly spaced rows are cut
            // in one step), top band first; sub-regions may then hold columns.
            let min = 0.9 * widest_band;
            let mut cuts: Vec<f32> = bands
                .iter()
                .filter(|(a, b)| b - a >= min)
                .map(|(a, b)| (a + b) / 2.0)
                .collect();
            cuts.sort_by(|a, b| b.total_cmp(a));
            let mut groups: Vec<Vec<usize>> = vec![Vec::new(); cuts.len() + 1];
            for &i in &ids {
                let Some(x) = p.get(i) else { continue };
                let band = cuts.iter().filter(|&&c| x.bottom < c).count();
                if let Some(g) = groups.get_mut(band) {
                    g.push(i);
                }
            }
            if groups.iter().filter(|g| !g.is_empty()).count() <= 1 {
                out.extend(in_row_order(ids, p));
                return;
            }
            for g in groups.into_iter().filter(|g| !g.is_empty()) {
                cut(g, p, out, depth + 1);
            }
        }
        _ => out.extend(in_row_order(ids, p)),
    }
}

/// Pieces of one region in row order: line by line, left to right.
fn in_row_order(mut ids: Vec<usize>, p: &[Piece]) -> Vec<usize> {
    ids.sort_by_key(|&i| p.get(i).map(|x| (x.line, x.first)));
    ids
}

/// Lines from the ordered pieces; consecutive pieces of one line are one line again.
/// `order` names every piece once ([`cut`] hands each of its pieces to exactly one
/// sub-region), so the spans are moved out of `lines`, not copied: a line that is one
/// piece gives its whole vector.
fn assemble(mut lines: Vec<Line>, p: &[Piece], order: &[usize]) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut prev: Option<(usize, usize)> = None;
    for x in order.iter().filter_map(|&i| p.get(i)) {
        let Some(line) = lines.get_mut(x.line) else {
            continue;
        };
        let spans: Vec<Span> = if x.first == 0 && x.last + 1 == line.spans.len() {
            std::mem::take(&mut line.spans)
        } else {
            line.spans
                .get_mut(x.first..=x.last)
                .map(|s| s.iter_mut().map(std::mem::take).collect())
                .unwrap_or_default()
        };
        let continues = prev == Some((x.line, x.first));
        match out.last_mut() {
            Some(last) if continues => {
                last.spans.extend(spans);
                last.x1 = last.x1.max(x.x1);
            }
            _ => {
                if let Some(last) = out.last_mut() {
                    trim_end(&mut last.spans);
                }
                out.push(Line {
                    spans,
                    x0: x.x0,
                    x1: x.x1,
                    ..line.clone_without_spans()
                });
            }
        }
        prev = Some((x.line, x.last + 1));
    }
    if let Some(last) = out.last_mut() {
        trim_end(&mut last.spans);
    }
    out
}

fn trim_end(spans: &mut [Span]) {
    if let Some(s) = spans.last_mut() {
        let n = s.text.trim_end().len();
        s.text.truncate(n);
    }
}

trait CloneWithoutSpans {
    fn clone_without_spans(&self) -> Line;
}

impl CloneWithoutSpans for Line {
    fn clone_without_spans(&self) -> Line {
        Line {
            spans: Vec::new(),
            x0: self.x0,
            x1: self.x1,
            baseline: self.baseline,
            size: self.size,
            rotation: self.rotation,
            vertical: self.vertical,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(parts: &[(&str, f32, f32)], baseline: f32) -> Line {
        let spans: Vec<Span> = parts
            .iter()
            .map(|&(t, x0, x1)| Span {
                text: t.to_string(),
                x0,
                x1,
                baseline,
                size: 10.0,
                font: 0,
                lead: 0.0,
            })
            .collect();
        Line {
            x0: spans.first().map_or(0.0, |s| s.x0),
            x1: spans.last().map_or(0.0, |s| s.x1),
            spans,
            baseline,
            size: 10.0,
            rotation: 0,
            vertical: false,
        }
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(Line::text).collect()
    }

    #[test]
    fn two_address_blocks_are_read_one_after_the_other() {
        let lines = vec![
            line(
                &[
                    ("Seller Limited ", 50.0, 120.0),
                    ("Buyer Company", 300.0, 390.0),
                ],
                700.0,
            ),
            line(
                &[
                    ("12 Main Street ", 50.0, 130.0),
                    ("4 Side Road", 300.0, 370.0),
                ],
                688.0,
            ),
            line(
                &[
                    ("London, England ", 50.0, 130.0),
                    ("Geneva, Suisse", 300.0, 380.0),
                ],
                676.0,
            ),
        ];
        assert_eq!(
            texts(&reading_order(lines)),
            [
                "Seller Limited",
                "12 Main Street",
                "London, England",
                "Buyer Company",
                "4 Side Road",
                "Geneva, Suisse"
            ]
        );
    }

    #[test]
    fn paragraph_numbers_stay_on_their_lines() {
        let lines = vec![
            line(
                &[
                    ("1.", 70.0, 78.0),
                    ("Opening of the session.", 106.0, 230.0),
                ],
                700.0,
            ),
            line(
                &[("2.", 70.0, 78.0), ("Election of officers.", 106.0, 210.0)],
                688.0,
            ),
            line(
                &[
                    ("3.", 70.0, 78.0),
                    ("Adoption of the agenda.", 106.0, 232.0),
                ],
                676.0,
            ),
        ];
        assert_eq!(
            texts(&reading_order(lines.clone())),
            texts(&lines),
            "a label column is not a column of text"
        );
    }
}
