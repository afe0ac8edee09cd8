//! Baseline clustering of glyphs into rows.

use crate::sink::Glyph;

/// Two glyphs share a row when their baselines differ by at most this fraction of the
/// larger font size. Chinese and Latin fonts on one line sit up to ~0.15 em apart
/// (CAC/COSP/WG.4/2017/4 zh); consecutive lines are ≥ 1 em apart.
const BASELINE_TOLERANCE: f32 = 0.3;
/// The same for columns of vertical writing: punctuation and small kana sit up to half
/// an em off the column's axis (to the right of it), and columns are at least 1 em apart.
const VERTICAL_AXIS_TOLERANCE: f32 = 0.6;
/// A row is a superscript row when its largest glyph is smaller than this fraction of
/// the row below it (footnote markers are set at 58–67 % of the text size in the
/// fixtures and the un-en resolutions)…
pub(crate) const SUPERSCRIPT_SIZE_RATIO: f32 = 0.8;
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
}

impl Row {
    fn x_range(&self) -> (f32, f32) {
        self.glyphs.iter().fold((f32::MAX, f32::MIN), |(a, b), g| {
            (a.min(g.x), b.max(g.x + g.advance))
        })
    }
}

/// Clusters glyphs into rows, top to bottom, merging superscript rows into the row
/// they are raised from.
pub(crate) fn cluster(mut glyphs: Vec<Glyph>, vertical: bool) -> Vec<Row> {
    let tolerance = if vertical {
        VERTICAL_AXIS_TOLERANCE
    } else {
        BASELINE_TOLERANCE
    };
    glyphs.retain(|g| g.x.is_finite() && g.y.is_finite() && g.size.is_finite());
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<Row> = Vec::new();
    for g in glyphs {
        match rows.last_mut() {
            Some(row)
                if (row.baseline - g.y).abs() <= tolerance * row.size.max(g.size).max(1.0) =>
            {
                if g.size > row.size && !g.text.trim().is_empty() {
                    row.size = g.size;
                    row.baseline = g.y;
                }
                row.glyphs.push(g);
            }
            _ => {
                let (baseline, size) = (g.y, g.size);
                rows.push(Row {
                    glyphs: vec![g],
                    baseline,
                    size,
                });
            }
        }
    }
    rows.retain(|r| r.glyphs.iter().any(|g| !g.text.trim().is_empty()));
    merge_superscripts(rows)
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
        && sx0 >= rx0 - row.size
        && sx1 <= rx1 + 2.0 * row.size
}
