//! Horizontal rules in what a path paints: stroked horizontal segments, thin filled
//! rectangles, and the thin horizontal strips of the region a fill of several
//! rectangles paints (PDF 32000-1 §8.5.3: painting; §8.5.3.3: the nonzero winding and
//! even-odd rules).
//!
//! WeasyPrint draws a CSS `border-top`, such as the rule over a footnote area, as an
//! even-odd fill of the border box and the padding box: only the strip between their
//! tops is painted, and neither rectangle is thin (issue 10: every footnote of such a
//! document was lost). The region is cut into a grid by the rectangles' edges; a
//! column's painted run that is thin is a piece of rule, and pieces at one height in
//! neighbouring columns are one rule, running on over the corners where a side border
//! meets it.

use unpara_model::Rule;

/// A painted strip counts as a horizontal rule when it is at most this high, in points
/// (footnote separators are 0.5–1 pt; a text line is several points high).
pub(crate) const RULE_MAX_THICKNESS: f32 = 2.0;
/// … and at least this long, in points.
pub(crate) const RULE_MIN_LENGTH: f32 = 10.0;
/// Edges of the rectangles of one fill closer than this, in points, are one edge (they
/// differ by rounding only): no sliver of the region is thinner.
const SAME_EDGE: f32 = 0.01;
/// A column beside a strip that is painted over the strip's whole height and at most
/// this wide, in points, is the corner where a side border meets it: the rule runs on
/// over it. (Borders are as thin as rules.)
const CORNER_MAX_WIDTH: f32 = RULE_MAX_THICKNESS;
/// Most rectangles of one fill whose painted region is worked out; a fill of more (a
/// table's cell borders in one path) counts its thin rectangles one by one. Keeps the
/// grid at most 32 × 32 cells per fill.
const MAX_REGION_RECTS: usize = 16;

/// A rectangle of a path (`re`) in user space, corners in order, with its direction:
/// `winding` +1 counterclockwise, −1 clockwise (`re` draws counterclockwise for a
/// positive width and height; a negative one, or a mirroring matrix, turns it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rect {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
    pub winding: i32,
}

/// How a fill decides what is inside (§8.5.3.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FillRule {
    /// `f`, `F`, `B`, `b`: the winding number is not zero.
    NonZero,
    /// `f*`, `B*`, `b*`: the winding number is odd.
    EvenOdd,
}

/// The rules a path shows when painted: its horizontal segments when stroked, its thin
/// rectangles, and for a fill of several rectangles the thin strips it paints.
pub(crate) fn of_path(
    segments: &[(f32, f32, f32, f32)],
    rects: &[Rect],
    stroke: bool,
    fill: Option<FillRule>,
) -> Vec<Rule> {
    let mut out = Vec::new();
    if stroke {
        for &(x0, y0, x1, y1) in segments {
            if (y0 - y1).abs() <= RULE_MAX_THICKNESS / 2.0 && (x1 - x0).abs() >= RULE_MIN_LENGTH {
                out.push(Rule {
                    x0: x0.min(x1),
                    x1: x0.max(x1),
                    y: (y0 + y1) / 2.0,
                });
            }
        }
    }
    match fill {
        Some(rule) if (2..=MAX_REGION_RECTS).contains(&rects.len()) => {
            out.extend(region_strips(rects, rule));
        }
        _ if stroke || fill.is_some() => out.extend(rects.iter().filter_map(thin_rect)),
        _ => {}
    }
    out
}

/// A single rectangle that is a rule.
fn thin_rect(r: &Rect) -> Option<Rule> {
    (r.y1 - r.y0 <= RULE_MAX_THICKNESS && r.x1 - r.x0 >= RULE_MIN_LENGTH).then_some(Rule {
        x0: r.x0,
        x1: r.x1,
        y: (r.y0 + r.y1) / 2.0,
    })
}

/// Sorted edge coordinates, those within [`SAME_EDGE`] of the previous kept merged.
fn edges(values: impl Iterator<Item = f32>) -> Vec<f32> {
    let mut v: Vec<f32> = values.filter(|v| v.is_finite()).collect();
    v.sort_by(f32::total_cmp);
    v.dedup_by(|b, a| *b - *a < SAME_EDGE);
    v
}

/// Index of the edge `value` was merged into (the last edge at or below it).
fn edge_index(edges: &[f32], value: f32) -> usize {
    edges.partition_point(|&e| e <= value).saturating_sub(1)
}

/// The thin horizontal strips of the region a fill of `rects` paints under `rule`.
fn region_strips(rects: &[Rect], rule: FillRule) -> Vec<Rule> {
    let xs = edges(rects.iter().flat_map(|r| [r.x0, r.x1]));
    let ys = edges(rects.iter().flat_map(|r| [r.y0, r.y1]));
    let (nx, ny) = (xs.len(), ys.len());
    // Winding numbers of the grid's cells by a two-dimensional difference table: cell
    // (i, j) lies between edges xs[i]..xs[i + 1] and ys[j]..ys[j + 1].
    let mut w = vec![0i32; nx * ny];
    let mut add = |i: usize, j: usize, v: i32| {
        if let Some(c) = w.get_mut(j * nx + i) {
            *c += v;
        }
    };
    for r in rects {
        let (i0, i1) = (edge_index(&xs, r.x0), edge_index(&xs, r.x1));
        let (j0, j1) = (edge_index(&ys, r.y0), edge_index(&ys, r.y1));
        add(i0, j0, r.winding);
        add(i1, j0, -r.winding);
        add(i0, j1, -r.winding);
        add(i1, j1, r.winding);
    }
    for j in 0..ny {
        for i in 0..nx {
            let left = if i > 0 {
                w.get(j * nx + i - 1).copied()
            } else {
                None
            };
            let below = j.checked_sub(1).and_then(|b| w.get(b * nx + i)).copied();
            let diag = match (i.checked_sub(1), j.checked_sub(1)) {
                (Some(l), Some(b)) => w.get(b * nx + l).copied(),
                _ => None,
            };
            let sum = left.unwrap_or(0) + below.unwrap_or(0) - diag.unwrap_or(0);
            if let Some(c) = w.get_mut(j * nx + i) {
                *c += sum;
            }
        }
    }
    let painted = |i: usize, j: usize| {
        let n = w.get(j * nx + i).copied().unwrap_or(0);
        match rule {
            FillRule::NonZero => n != 0,
            FillRule::EvenOdd => n % 2 != 0,
        }
    };
    let edge = |v: &[f32], k: usize| v.get(k).copied().unwrap_or(0.0);
    // Each column's painted runs: (first band, band after the last).
    let columns: Vec<Vec<(usize, usize)>> = (0..nx.saturating_sub(1))
        .map(|i| {
            let mut runs = Vec::new();
            let mut start = None;
            for j in 0..ny {
                match (start, j + 1 < ny && painted(i, j)) {
                    (None, true) => start = Some(j),
                    (Some(s), false) => {
                        runs.push((s, j));
                        start = None;
                    }
                    _ => {}
                }
            }
            runs
        })
        .collect();
    let thin = |&(a, b): &(usize, usize)| edge(&ys, b) - edge(&ys, a) <= RULE_MAX_THICKNESS;
    let corner = |i: usize, (a, b): (usize, usize)| {
        edge(&xs, i + 1) - edge(&xs, i) <= CORNER_MAX_WIDTH
            && columns
                .get(i)
                .is_some_and(|runs| runs.iter().any(|&(c, d)| c <= a && d >= b))
    };
    let mut out = Vec::new();
    for (i, runs) in columns.iter().enumerate() {
        for &run in runs.iter().filter(|r| thin(r)) {
            // Only where the strip starts: the column to its left has no such run.
            let continued = i
                .checked_sub(1)
                .and_then(|l| columns.get(l))
                .is_some_and(|runs| runs.contains(&run));
            if continued {
                continue;
            }
            let mut last = i;
            while columns
                .get(last + 1)
                .is_some_and(|runs| runs.contains(&run))
            {
                last += 1;
            }
            // Over the corners: a side border painted over the strip's whole height.
            let first = match i.checked_sub(1) {
                Some(l) if corner(l, run) => l,
                _ => i,
            };
            if corner(last + 1, run) {
                last += 1;
            }
            let (x0, x1) = (edge(&xs, first), edge(&xs, last + 1));
            if x1 - x0 >= RULE_MIN_LENGTH {
                out.push(Rule {
                    x0,
                    x1,
                    y: (edge(&ys, run.0) + edge(&ys, run.1)) / 2.0,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::font::FontCache;
    use crate::interpreter::{Interpreter, Resources};
    use crate::sink::PageSink;

    /// The rules a content stream draws.
    fn rules(content: &[u8]) -> Vec<Rule> {
        let doc = lopdf::Document::with_version("1.4");
        let fonts = FontCache::default();
        let mut sink = PageSink::default();
        Interpreter::new(&doc, &fonts, &mut sink).run(content, &Resources { dicts: Vec::new() });
        sink.rules
    }

    fn near(a: f32, b: f32) -> bool {
        (a - b).abs() < 0.01
    }

    #[test]
    fn issue_10_weasyprint_border_top_as_an_even_odd_fill_is_a_rule() {
        // The border box minus the padding box: a 0.8 pt top border, no other border.
        let r = rules(b"72 700 400 50 re 72 700 400 49.2 re f*");
        assert_eq!(r.len(), 1, "{r:?}");
        assert!(
            near(r[0].y, 749.6) && near(r[0].x0, 72.0) && near(r[0].x1, 472.0),
            "{r:?}"
        );
    }

    #[test]
    fn a_fill_whose_rectangles_are_both_thick_paints_no_rule() {
        assert_eq!(rules(b"72 700 400 50 re 72 600 400 40 re f*"), []);
        // A frame with 5 pt borders.
        assert_eq!(rules(b"72 700 400 50 re 77 705 390 40 re f*"), []);
    }

    #[test]
    fn a_frame_of_thin_borders_gives_its_top_and_bottom_over_the_corners() {
        let mut r = rules(b"72 700 400 50 re 73 701 398 48 re f*");
        r.sort_by(|a, b| a.y.total_cmp(&b.y));
        assert_eq!(r.len(), 2, "{r:?}");
        assert!(near(r[0].y, 700.5) && near(r[1].y, 749.5), "{r:?}");
        assert!(
            r.iter().all(|r| near(r.x0, 72.0) && near(r.x1, 472.0)),
            "{r:?}"
        );
    }

    #[test]
    fn nonzero_fills_paint_nested_rectangles_by_their_direction() {
        // Both counterclockwise: the whole outer box is painted.
        assert_eq!(rules(b"72 700 400 50 re 72 700 400 49.2 re f"), []);
        // The inner one drawn clockwise (negative height) leaves the strip.
        let r = rules(b"72 700 400 50 re 72 749.2 400 -49.2 re f");
        assert_eq!(r.len(), 1, "{r:?}");
        assert!(near(r[0].y, 749.6), "{r:?}");
        // A mirroring matrix turns every rectangle alike: still the whole box.
        assert_eq!(
            rules(b"1 0 0 -1 0 1000 cm 72 250 400 50 re 72 250 400 49.2 re f"),
            []
        );
    }

    #[test]
    fn single_thin_rectangles_and_strokes_are_rules_as_before() {
        let r = rules(b"72 100 400 0.5 re f 72 80 m 300 80 l S");
        assert_eq!(r.len(), 2, "{r:?}");
        assert!(near(r[0].y, 100.25) && near(r[1].y, 80.0), "{r:?}");
        // Two in one fill; and two that meet end to end, which make one rule.
        assert_eq!(rules(b"72 100 400 0.5 re 72 120 400 0.5 re f").len(), 2);
        let r = rules(b"72 100 128 0.5 re 200 100 272 0.5 re f");
        assert_eq!(r.len(), 1, "{r:?}");
        assert!(near(r[0].x0, 72.0) && near(r[0].x1, 472.0), "{r:?}");
        // Too short, or not painted.
        assert_eq!(rules(b"72 100 5 0.5 re f 72 60 400 0.5 re n"), []);
    }

    #[test]
    fn a_fill_of_many_rectangles_counts_its_thin_ones() {
        let mut content = Vec::new();
        for k in 0..20 {
            content.extend(format!("72 {} 400 0.5 re ", 100 + 20 * k).bytes());
        }
        content.extend(b"f");
        assert_eq!(rules(&content).len(), 20);
    }
}
