//! Baseline clustering of glyphs into rows.

use super::strands;
use crate::sink::Glyph;

/// Two glyphs share a row when their baselines differ by at most this fraction of the
/// larger font size. Chinese and Latin fonts on one line sit up to ~0.15 em apart
/// (CAC/COSP/WG.4/2017/4 zh); consecutive lines are ≥ 1 em apart.
pub(super) const BASELINE_TOLERANCE: f32 = 0.3;
/// The same for columns of vertical writing: punctuation and small kana sit up to half
/// an em off the column's axis (to the right of it), and columns are at least 1 em apart.
const VERTICAL_AXIS_TOLERANCE: f32 = 0.6;
/// Distance along a column, in ems, within which a glyph has a neighbour (characters
/// of one column follow each other at about 1 em).
const COLUMN_NEIGHBOUR_EM: f32 = 1.6;
/// A row is a superscript row when its largest glyph is smaller than this fraction of
/// the row below it (footnote markers are set at 58–67 % of the text size in the
/// fixtures and the un-en resolutions, at 83 % by HTML's `<sup>` and WeasyPrint: the
/// layout matrix; lines of text are never this close to a line 10 % larger)…
pub(crate) const SUPERSCRIPT_SIZE_RATIO: f32 = 0.9;
/// A superscript row may begin this many ems of the row's size before it: a footnote's
/// marker hangs before the note's text (WeasyPrint sets it 1.7 em out; layout matrix).
const SUPERSCRIPT_HANG_EM: f32 = 2.5;
/// … and its baseline is above that row's baseline by less than this fraction of the
/// row's size (markers are raised 0.33–0.45 em).
const SUPERSCRIPT_MAX_RISE: f32 = 0.75;

/// A row of glyphs with roughly one baseline.
pub(crate) struct Row {
    pub glyphs: Vec<Glyph>,
    /// Baseline of the row's largest glyph, points.
    pub baseline: f32,
    /// Largest font size in the row, points.
    pub size: f32,
    /// Found to hold one line ([`strands::split`] left these glyphs together): a row
    /// that has not changed since is not searched again.
    pub settled: bool,
}

impl Row {
    fn x_range(&self) -> (f32, f32) {
        self.glyphs.iter().fold((f32::MAX, f32::MIN), |(a, b), g| {
            (a.min(g.x), b.max(g.x + g.advance))
        })
    }
}

/// Clusters glyphs into rows, top to bottom, merging superscript rows into the row
/// they are raised from, and splitting rows that hold lines set beside each other
/// ([`strands`]). For vertical writing the rows are columns (in the upright frame):
/// see [`columns`].
///
/// Never inlined: inlined into [`super::build_page`] (as code elsewhere in the crate
/// changed the compiler's choices) it cost 1.1 M more of `unpara text`'s 88 M
/// instructions on `S_2013_220.pdf` (callgrind, commit 9bdfc07), 0.2 M more on the
/// Chinese fixture.
#[inline(never)]
pub(crate) fn cluster(mut glyphs: Vec<Glyph>, vertical: bool) -> Vec<Row> {
    glyphs.retain(|g| g.x.is_finite() && g.y.is_finite() && g.size.is_finite());
    if vertical {
        return columns(glyphs);
    }
    let rows = apart(by_baseline(glyphs, BASELINE_TOLERANCE));
    apart(merge_superscripts(rows))
}

/// Each row split into the lines it holds, top to bottom.
fn apart(rows: Vec<Row>) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::with_capacity(rows.len());
    for row in rows {
        if row.settled {
            out.push(row);
        } else {
            strands::split(row, &mut out);
        }
    }
    out.sort_by(|a, b| b.baseline.total_cmp(&a.baseline));
    out
}

/// One pass over the glyphs sorted by baseline, top first: a glyph joins the row above
/// when its baseline is within `tolerance` ems of the row's.
pub(super) fn by_baseline(mut glyphs: Vec<Glyph>, tolerance: f32) -> Vec<Row> {
    super::runs::sort_almost_sorted(&mut glyphs, |a, b| {
        b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x))
    });
    // The rows' first glyphs, baselines and sizes first; then each row's glyphs are
    // split off the sorted run whole (one copy, no growing).
    let mut starts: Vec<(usize, f32, f32)> = Vec::new();
    for (i, g) in glyphs.iter().enumerate() {
        match starts.last_mut() {
            Some((_, baseline, size))
                if (*baseline - g.y).abs() <= tolerance * size.max(g.size).max(1.0) =>
            {
                if g.size > *size && !g.blank {
                    *size = g.size;
                    *baseline = g.y;
                }
            }
            _ => starts.push((i, g.y, g.size)),
        }
    }
    let mut rows: Vec<Row> = Vec::with_capacity(starts.len());
    for &(start, baseline, size) in starts.iter().rev() {
        if start > glyphs.len() {
            continue;
        }
        let row = glyphs.split_off(start);
        if row.iter().any(|g| !g.blank) {
            rows.push(Row {
                glyphs: row,
                baseline,
                size,
                settled: false,
            });
        }
    }
    rows.reverse();
    rows
}

/// Columns of vertical writing. Characters sit on the column's axis; punctuation,
/// small kana and glyphs of a narrower font are set off it (to the right, by up to
/// half an em), so a single loose tolerance would let columns of different tiers that
/// share nearly one axis drift together. Letters and ideographs are clustered first,
/// tightly. Then every glyph that is alone where it is — punctuation, and any glyph
/// with no neighbour in its own column within [`COLUMN_NEIGHBOUR_EM`] — moves to the
/// column within [`VERTICAL_AXIS_TOLERANCE`] ems of it whose nearest glyph along the
/// column is closest (and within that distance); glyphs that fit nowhere form columns
/// of their own.
fn columns(glyphs: Vec<Glyph>) -> Vec<Row> {
    let (anchors, mut loose): (Vec<Glyph>, Vec<Glyph>) = glyphs
        .into_iter()
        .partition(|g| g.text.chars().next().is_some_and(char::is_alphanumeric));
    let mut rows = by_baseline(anchors, BASELINE_TOLERANCE);
    for row in &mut rows {
        row.glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
        let reach = |g: &Glyph| COLUMN_NEIGHBOUR_EM * g.size.max(1.0);
        let isolated: Vec<bool> = (0..row.glyphs.len())
            .map(|i| {
                let Some(g) = row.glyphs.get(i) else {
                    return false;
                };
                let near = |j: Option<usize>| {
                    j.and_then(|j| row.glyphs.get(j))
                        .is_some_and(|o| (o.x - g.x).abs() <= reach(g))
                };
                !near(i.checked_sub(1)) && !near(Some(i + 1))
            })
            .collect();
        let mut flags = isolated.into_iter();
        let (stay, go): (Vec<Glyph>, Vec<Glyph>) = std::mem::take(&mut row.glyphs)
            .into_iter()
            .partition(|_| !flags.next().unwrap_or(false));
        row.glyphs = stay;
        loose.extend(go);
    }
    rows.retain(|r| !r.glyphs.is_empty());
    let mut homeless = Vec::new();
    for g in loose {
        let size = g.size.max(1.0);
        let reach = VERTICAL_AXIS_TOLERANCE * size;
        // Rows are sorted by baseline, top (largest) first.
        let first = rows.partition_point(|r| r.baseline > g.y + reach);
        let best = rows
            .iter()
            .enumerate()
            .skip(first)
            .take_while(|(_, r)| r.baseline >= g.y - reach)
            .filter_map(|(i, r)| {
                // Glyphs of a row are sorted along the column.
                let k = r.glyphs.partition_point(|o| o.x < g.x);
                let along = [k.checked_sub(1), Some(k)]
                    .into_iter()
                    .flatten()
                    .filter_map(|j| r.glyphs.get(j))
                    .map(|o| (o.x - g.x).abs())
                    .fold(f32::MAX, f32::min);
                (along <= COLUMN_NEIGHBOUR_EM * size).then_some((i, along))
            })
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i);
        match best.and_then(|i| rows.get_mut(i)) {
            Some(row) => {
                let k = row.glyphs.partition_point(|o| o.x < g.x);
                row.glyphs.insert(k, g);
            }
            None => homeless.push(g),
        }
    }
    if !homeless.is_empty() {
        rows.extend(by_baseline(homeless, VERTICAL_AXIS_TOLERANCE));
        rows.sort_by(|a, b| b.baseline.total_cmp(&a.baseline));
    }
    rows
}

fn merge_superscripts(rows: Vec<Row>) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::with_capacity(rows.len());
    for mut row in rows {
        // `out.last()` is the row just above this one.
        if out
            .last()
            .is_some_and(|above| is_superscript_of(above, &row))
        {
            if let Some(sup) = out.pop() {
                row.glyphs.extend(sup.glyphs);
                row.settled = false;
            }
        }
        out.push(row);
    }
    out
}

fn is_superscript_of(sup: &Row, row: &Row) -> bool {
    let rise = sup.baseline - row.baseline;
    let (sx0, sx1) = sup.x_range();
    let (rx0, rx1) = row.x_range();
    sup.size < SUPERSCRIPT_SIZE_RATIO * row.size
        && rise > 0.0
        && rise < SUPERSCRIPT_MAX_RISE * row.size
        && sx0 >= rx0 - SUPERSCRIPT_HANG_EM * row.size
        && sx1 <= rx1 + 2.0 * row.size
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A glyph in the upright frame of vertical writing: `x` along the column, `y` the
    /// column's axis.
    fn glyph(text: &str, x: f32, y: f32) -> Glyph {
        Glyph {
            quadrant: 3,
            vertical: true,
            ..Glyph::at(text, x, y)
        }
    }

    fn texts(rows: &[Row]) -> Vec<String> {
        rows.iter()
            .map(|r| {
                let mut g: Vec<&Glyph> = r.glyphs.iter().collect();
                g.sort_by(|a, b| a.x.total_cmp(&b.x));
                g.iter().map(|g| g.text.as_str()).collect()
            })
            .collect()
    }

    #[test]
    fn punctuation_off_the_axis_joins_its_column() {
        // Column at axis 500, its comma set 4 pt to the side; the next column at 485.
        let glyphs = vec![
            glyph("内", 0.0, 500.0),
            glyph("閣", 10.0, 500.0),
            glyph("、", 20.0, 504.0),
            glyph("道", 30.0, 500.0),
            glyph("路", 0.0, 485.0),
            glyph("交", 10.0, 485.0),
        ];
        assert_eq!(texts(&cluster(glyphs, true)), ["内閣、道", "路交"]);
    }

    #[test]
    fn an_axis_is_a_third_of_an_em_wide_and_the_next_column_is_apart() {
        // Upper tier column at 500, lower tier column at 497 (x 300 on): one axis (the
        // reading order separates the tiers). A column at 488 stays its own.
        let mut glyphs = Vec::new();
        for (i, c) in ["一", "二", "三"].iter().enumerate() {
            glyphs.push(glyph(c, 10.0 * i as f32, 500.0));
            glyphs.push(glyph(c, 300.0 + 10.0 * i as f32, 497.0));
            glyphs.push(glyph("四", 10.0 * i as f32, 488.0));
        }
        let rows = cluster(glyphs, true);
        assert_eq!(
            texts(&rows),
            ["一二三一二三", "四四四"],
            "one axis per column"
        );
    }
}
