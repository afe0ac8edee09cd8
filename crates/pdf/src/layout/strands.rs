//! Rows that hold more than one line: splitting a baseline row into its lines.
//!
//! Baseline clustering ([`super::rows`]) is loose on purpose, so that a line mixing
//! fonts and sizes stays one row; and a superscript row joins the row it is raised
//! from. Both can also sweep up a line that merely sits beside a taller one: in a UN
//! masthead set in two columns (bioPDF, Antenna House, Chromium), `Distr.: General`
//! and the date, two lines of 10 pt, stand to the right of the 14–17 pt organ name,
//! within a third of its em from its baseline, and came out merged into it with their
//! glyphs interleaved (`2 DDeicsetrm.:b Gere n2e0r1a5l`; issue 10).
//!
//! A row is split into strands, the glyphs that share one baseline. The strand with
//! the most characters is the row's own text. Another strand's glyphs stay in the row
//! only where they are set into that text, as a footnote call is: right after (or
//! before) one of its glyphs, not overlapping its neighbours. A stretch of a strand
//! that overlaps the row's glyphs (two lines at one x), or stands apart from them in
//! another size, is a line of its own, and goes back through baseline clustering.
//! Table cells in one size stay one row, as before, however far apart they are.

use super::rows::{self, Row};
use crate::sink::Glyph;

/// Glyphs whose baselines differ by more than this fraction of the smaller size, with
/// no baseline between them, are on different strands. Latin and Chinese fonts on one
/// line sit up to 0.15 em apart (CAC/COSP/WG.4/2017/4 zh); the 7 pt job number and the
/// 8.5 pt page number of a UN footer 0.21 em (A/RES/73/3, S/2013/220); an 8 pt label
/// beside a 16 pt title is 0.375 em off it (pdfminer-issue-1062), the masthead's 10 pt
/// lines 0.4 em or more; footnote calls are raised half their size or more.
const STRAND_GAP: f32 = 0.3;
/// Glyphs of one strand further apart than this many ems of their size belong to
/// different stretches of it (a column gap, a tab); a stretch stays in the row or
/// leaves it as a whole, so no line is split between two rows.
const STRETCH_GAP_EM: f32 = 1.0;
/// A run of a strand in another size (see [`OTHER_SIZE`]) whose nearest glyph of the
/// row's own text, on either side, is further than this many ems of the taller of the
/// two sizes stands apart from it: a line of its own. A footnote call follows its word
/// directly, a footnote marker precedes its text by less than an em (cairo's Chinese
/// footnotes: 0.3 em); the masthead's `Distr.: General` starts 8–10 ems after the organ
/// name.
const APART_EM: f32 = 1.0;
/// A run of at most this many glyphs before the row's text is a footnote marker (`1`,
/// `12`, `***`) …
const MARKER_GLYPHS: usize = 3;
/// … and may hang this many ems before the note's text (WeasyPrint: 1.7 em; layout
/// matrix); a masthead line beside an organ name is a longer run, and after it.
const MARKER_HANG_EM: f32 = 3.0;
/// Two sizes differ when the smaller is below this fraction of the larger: the
/// masthead's 10 pt beside a 14–17 pt organ name (0.59–0.71), an 8 pt label beside a
/// 12 pt address (pdfminer-issue-1062). Cells of a table in one size stay one row
/// however far apart: their baselines differ by up to 0.2 em (A/80/590,
/// pdfminer-issue-598, pdfminer-issue-625).
const OTHER_SIZE: f32 = 0.9;
/// A run of a strand with a letter or digit in it that overlaps the glyph of the row's
/// text before or after it by more than this many ems of its own size is interleaved
/// with that text (a superscript is set after its glyph's advance; italic kerning pulls
/// it back by far less). Accents set over a capital on a raised baseline (TeX) have no
/// letter and stay.
const OVERLAP_EM: f32 = 0.2;
/// The blank part of a full-width CJK punctuation mark's advance, in ems of its size:
/// the mark sits in one half (Typst sets a footnote call 0.29 em into it; layout
/// matrix).
const WIDE_PUNCT_BLANK: f32 = 0.5;

/// Full-width CJK punctuation (CJK Symbols and Punctuation U+3001–U+3011, full-width
/// forms U+FF01–U+FF0F, U+FF1A–U+FF1F).
fn is_wide_punct(c: char) -> bool {
    matches!(c as u32, 0x3001..=0x3011 | 0xFF01..=0xFF0F | 0xFF1A..=0xFF1F)
}

/// Deepest splitting of what was split off (real rows need one level).
const MAX_DEPTH: usize = 8;

impl Row {
    /// A row of `glyphs`: baseline and size of its largest visible glyph.
    pub(crate) fn of(glyphs: Vec<Glyph>) -> Row {
        let largest = glyphs
            .iter()
            .filter(|g| !g.blank)
            .max_by(|a, b| a.size.total_cmp(&b.size));
        let (baseline, size) = largest.map_or((0.0, 0.0), |g| (g.y, g.size));
        Row {
            glyphs,
            baseline,
            size,
            settled: false,
        }
    }
}

/// The lines a row holds, pushed to `out`: the row itself, or its own text and the
/// rows split off it.
pub(crate) fn split(row: Row, out: &mut Vec<Row>) {
    split_at(row, 0, out);
}

fn split_at(row: Row, depth: usize, out: &mut Vec<Row>) {
    if depth >= MAX_DEPTH {
        out.push(row);
        return;
    }
    let Some(foreign) = foreign_glyphs(&row.glyphs) else {
        out.push(Row {
            settled: true,
            ..row
        });
        return;
    };
    let mut flags = foreign.into_iter();
    let (away, kept): (Vec<Glyph>, Vec<Glyph>) = row
        .glyphs
        .into_iter()
        .partition(|_| flags.next().unwrap_or(false));
    out.push(Row::of(kept));
    for r in rows::by_baseline(away, rows::BASELINE_TOLERANCE) {
        split_at(r, depth + 1, out);
    }
}

/// Glyphs sharing one baseline.
#[derive(Default)]
struct Strand {
    chars: usize,
    size: f32,
    y_sum: f32,
    count: usize,
    /// Its visible glyphs (indices), in x order.
    members: Vec<usize>,
}

impl Strand {
    fn mean_y(&self) -> f32 {
        self.y_sum / self.count.max(1) as f32
    }
}

/// A run of one strand's glyphs with no other visible glyph between them in x order.
struct Run {
    strand: usize,
    x0: f32,
    x1: f32,
    size: f32,
    /// It holds a letter or a digit.
    alnum: bool,
    /// Visible glyphs in it.
    glyphs: usize,
    /// The row's glyph before it is full-width CJK punctuation, whose advance is half
    /// blank (`。`, `，`): typesetters that compress it set a call into that half.
    after_wide_punct: bool,
    /// End of the row's own text before the run, start of it after the run.
    before: Option<f32>,
    after: Option<f32>,
}

/// Which glyphs leave the row (by index), or `None` when all stay.
fn foreign_glyphs(glyphs: &[Glyph]) -> Option<Vec<bool>> {
    // Most rows hold one baseline: when all visible baselines lie within the strand gap
    // of the smallest size, no two consecutive ones are further apart, so there is one
    // strand ([`strands`] would find no other).
    // Plain comparisons: baselines and sizes are finite here ([`rows::cluster`] keeps
    // only such glyphs), where `f32::min` and `max` would also handle NaN.
    let (mut low, mut high, mut smallest) = (f32::MAX, f32::MIN, f32::MAX);
    for g in glyphs.iter().filter(|g| !g.blank) {
        if g.y < low {
            low = g.y;
        }
        if g.y > high {
            high = g.y;
        }
        if g.size < smallest {
            smallest = g.size;
        }
    }
    if high - low <= STRAND_GAP * smallest {
        return None;
    }
    let (mut strands, strand_of) = strands(glyphs);
    if strands.len() < 2 {
        return None;
    }
    // The row's own text: the strand with the most characters (then the larger).
    let base = strands
        .iter()
        .enumerate()
        .max_by(|(_, a), (_, b)| a.chars.cmp(&b.chars).then(a.size.total_cmp(&b.size)))
        .map(|(k, _)| k)?;
    let base_size = strands.get(base).map_or(0.0, |s| s.size);
    let (runs, run_of) = runs(glyphs, &mut strands, &strand_of, base);
    let away: Vec<bool> = runs.iter().map(|r| stands_apart(r, base_size)).collect();
    if !away.contains(&true) {
        return None;
    }
    // A stretch of a strand with one run away goes away whole.
    let mut leaves = vec![false; glyphs.len()];
    let run_away = |i: usize| run_of.get(i).and_then(|&k| away.get(k)).copied();
    for (_, st) in strands.iter().enumerate().filter(|(k, _)| *k != base) {
        let mut start = 0;
        let mut end = f32::MIN;
        for (n, &i) in st.members.iter().enumerate() {
            let Some(g) = glyphs.get(i) else { continue };
            let apart = n > 0 && g.x - end > STRETCH_GAP_EM * g.size.max(1.0);
            if apart {
                mark_stretch(st.members.get(start..n), &run_away, &mut leaves);
                start = n;
            }
            end = if apart {
                g.x + g.advance
            } else {
                end.max(g.x + g.advance)
            };
        }
        mark_stretch(st.members.get(start..), &run_away, &mut leaves);
    }
    blanks_follow(glyphs, &strands, &mut leaves);
    Some(leaves)
}

/// The strands of the visible glyphs (gaps in their sorted baselines, top first), and
/// each glyph's strand (`usize::MAX` for space glyphs). Members are left to [`runs`].
fn strands(glyphs: &[Glyph]) -> (Vec<Strand>, Vec<usize>) {
    let mut by_y: Vec<&Glyph> = glyphs.iter().filter(|g| !g.blank).collect();
    by_y.sort_by(|a, b| b.y.total_cmp(&a.y));
    let mut strands: Vec<Strand> = Vec::new();
    // Strand boundaries as baselines: a glyph is on the last strand starting above it.
    let mut tops: Vec<f32> = Vec::new();
    let mut prev: Option<&Glyph> = None;
    for g in by_y {
        if prev.is_none_or(|p| p.y - g.y > STRAND_GAP * p.size.min(g.size)) {
            strands.push(Strand::default());
            tops.push(g.y);
        }
        if let Some(s) = strands.last_mut() {
            s.chars += g.text.chars().count();
            s.size = s.size.max(g.size);
            s.y_sum += g.y;
            s.count += 1;
        }
        prev = Some(g);
    }
    let strand_of = glyphs
        .iter()
        .map(|g| {
            if g.blank {
                return usize::MAX;
            }
            // `tops` descends: the strands starting at or above the glyph come first.
            tops.partition_point(|&t| t >= g.y).saturating_sub(1)
        })
        .collect();
    (strands, strand_of)
}

/// The runs of the strands other than `base`, in x order, each with the row's text
/// before and after it; and each glyph's run (`usize::MAX` for none). Fills the strands'
/// members.
fn runs(
    glyphs: &[Glyph],
    strands: &mut [Strand],
    strand_of: &[usize],
    base: usize,
) -> (Vec<Run>, Vec<usize>) {
    let mut by_x: Vec<usize> = (0..glyphs.len())
        .filter(|&i| strand_of.get(i).is_some_and(|&s| s != usize::MAX))
        .collect();
    let x = |i: usize| glyphs.get(i).map_or(0.0, |g| g.x);
    by_x.sort_by(|&a, &b| x(a).total_cmp(&x(b)));
    let mut runs: Vec<Run> = Vec::new();
    let mut run_of = vec![usize::MAX; glyphs.len()];
    let mut base_end: Option<f32> = None;
    let mut base_punct = false;
    let mut waiting = 0; // runs from here on wait for the row's text after them
    let mut open = false;
    for i in by_x {
        let (Some(g), Some(&s)) = (glyphs.get(i), strand_of.get(i)) else {
            continue;
        };
        if let Some(st) = strands.get_mut(s) {
            st.members.push(i);
        }
        let end = g.x + g.advance;
        let alnum = g.text.chars().any(char::is_alphanumeric);
        if s == base {
            for r in runs.get_mut(waiting..).unwrap_or_default() {
                r.after = Some(g.x);
            }
            waiting = runs.len();
            base_end = Some(base_end.map_or(end, |e| e.max(end)));
            base_punct = g.text.chars().last().is_some_and(is_wide_punct);
            open = false;
            continue;
        }
        match runs.last_mut() {
            Some(r) if open && r.strand == s => {
                r.x1 = r.x1.max(end);
                r.size = r.size.max(g.size);
                r.alnum |= alnum;
                r.glyphs += usize::from(!g.blank);
            }
            _ => runs.push(Run {
                strand: s,
                x0: g.x,
                x1: end,
                size: g.size,
                alnum,
                glyphs: usize::from(!g.blank),
                after_wide_punct: base_punct,
                before: base_end,
                after: None,
            }),
        }
        open = true;
        if let Some(slot) = run_of.get_mut(i) {
            *slot = runs.len() - 1;
        }
    }
    (runs, run_of)
}

/// Marks the glyphs of one stretch as leaving when one of its runs is `away`.
fn mark_stretch(
    stretch: Option<&[usize]>,
    away: &impl Fn(usize) -> Option<bool>,
    leaves: &mut [bool],
) {
    let stretch = stretch.unwrap_or_default();
    let gone = stretch.iter().any(|&i| away(i).unwrap_or(false));
    for &i in stretch {
        if let Some(l) = leaves.get_mut(i) {
            *l = gone;
        }
    }
}

/// A run that overlaps the row's text beside it, or stands apart from it in another size.
fn stands_apart(r: &Run, base_size: f32) -> bool {
    let slack = OVERLAP_EM * r.size;
    let before_slack = if r.after_wide_punct {
        WIDE_PUNCT_BLANK * base_size
    } else {
        slack
    };
    let overlaps = r.alnum
        && (r.before.is_some_and(|e| r.x0 < e - before_slack)
            || r.after.is_some_and(|s| r.x1 > s + slack));
    let gap = [r.before.map(|e| r.x0 - e), r.after.map(|s| s - r.x1)]
        .into_iter()
        .flatten()
        .fold(f32::MAX, f32::min);
    let (small, large) = (r.size.min(base_size), r.size.max(base_size));
    let other_size = small < OTHER_SIZE * large;
    // A footnote's marker (a few glyphs) opening the row may hang further out.
    let hanging_marker = r.before.is_none() && r.glyphs <= MARKER_GLYPHS;
    let apart = if hanging_marker {
        MARKER_HANG_EM
    } else {
        APART_EM
    };
    overlaps || (other_size && gap > apart * large.max(1.0))
}

/// Space glyphs go where the visible glyph nearest to them goes: the one nearest in x
/// in the strand nearest to their baseline.
fn blanks_follow(glyphs: &[Glyph], strands: &[Strand], leaves: &mut [bool]) {
    let mut by_y: Vec<(f32, &Strand)> = strands.iter().map(|s| (s.mean_y(), s)).collect();
    by_y.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (i, blank) in glyphs.iter().enumerate() {
        if !blank.blank {
            continue;
        }
        let k = by_y.partition_point(|(y, _)| *y < blank.y);
        let Some((_, st)) = [k.checked_sub(1), Some(k)]
            .into_iter()
            .flatten()
            .filter_map(|k| by_y.get(k))
            .min_by(|a, b| (a.0 - blank.y).abs().total_cmp(&(b.0 - blank.y).abs()))
        else {
            continue;
        };
        let x = |j: &usize| glyphs.get(*j).map_or(0.0, |g| g.x);
        let n = st.members.partition_point(|j| x(j) < blank.x);
        let nearest = [n.checked_sub(1), Some(n)]
            .into_iter()
            .flatten()
            .filter_map(|n| st.members.get(n))
            .min_by(|a, b| (x(a) - blank.x).abs().total_cmp(&(x(b) - blank.x).abs()));
        let gone = nearest
            .and_then(|&j| leaves.get(j))
            .copied()
            .unwrap_or(false);
        if let Some(l) = leaves.get_mut(i) {
            *l = gone;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::layout::{build_page, PageBox};
    use crate::sink::{Glyph, PageSink};

    /// `text` set from `x0` to `x1` at `size` on baseline `y`, one glyph per character.
    fn words(text: &str, x0: f32, x1: f32, y: f32, size: f32) -> Vec<Glyph> {
        let n = text.chars().count().max(1) as f32;
        let advance = (x1 - x0) / n;
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                advance,
                size,
                space_width: 0.25 * size,
                ..Glyph::at(&c.to_string(), x0 + advance * i as f32, y)
            })
            .collect()
    }

    fn lines(glyphs: Vec<Vec<Glyph>>) -> Vec<unpara_model::Line> {
        let sink = PageSink {
            glyphs: glyphs.concat(),
            rules: Vec::new(),
        };
        let page_box = PageBox {
            visible: [0.0, 0.0, 612.0, 792.0],
            rotate: 0,
        };
        build_page(1, page_box, sink).0.lines
    }

    fn texts(lines: &[unpara_model::Line]) -> Vec<String> {
        lines.iter().map(|l| l.text()).collect()
    }

    #[test]
    fn issue_10_masthead_lines_beside_the_organ_name_are_their_own_lines() {
        let lines = lines(vec![
            words("United Nations", 72.0, 250.0, 700.0, 16.0),
            words("Distr.: General", 400.0, 480.0, 704.0, 10.0),
            words("7 January 2026", 400.0, 480.0, 692.0, 10.0),
        ]);
        let mut t = texts(&lines);
        t.sort();
        assert_eq!(t, ["7 January 2026", "Distr.: General", "United Nations"]);
        let un = lines.iter().find(|l| l.text() == "United Nations").unwrap();
        assert_eq!((un.size, un.baseline), (16.0, 700.0));
    }

    #[test]
    fn issue_10_two_small_lines_bridged_by_a_taller_one_are_not_interleaved() {
        // Both small lines lie within 0.3 em of the 17 pt baseline: one baseline row
        // took all three, and sorting it by x interleaved the two small lines.
        let lines = lines(vec![
            words("General Assembly", 72.0, 260.0, 700.0, 17.0),
            words("Distr.: General", 400.0, 480.0, 705.0, 10.0),
            words("2 December 2015", 400.0, 482.0, 695.0, 10.0),
        ]);
        assert_eq!(
            texts(&lines),
            ["Distr.: General", "General Assembly", "2 December 2015"]
        );
    }

    #[test]
    fn overlapping_lines_are_never_merged_glyph_by_glyph() {
        // A 12 pt line and a 10 pt line 3.5 pt lower over the same x: one baseline row.
        let lines = lines(vec![
            words("Heading text", 72.0, 150.0, 700.0, 12.0),
            words("note beneath it", 80.0, 160.0, 696.5, 10.0),
        ]);
        assert_eq!(texts(&lines), ["Heading text", "note beneath it"]);
    }

    #[test]
    fn a_footnote_call_still_joins_its_line_raised() {
        let mut call = words("1", 107.0, 110.5, 703.5, 7.0);
        call.extend(words(" is", 110.5, 125.5, 700.0, 10.0));
        let lines = lines(vec![words("website", 72.0, 107.0, 700.0, 10.0), call]);
        assert_eq!(texts(&lines), ["website1 is"]);
        let spans = &lines[0].spans;
        assert_eq!(spans[1].text.trim(), "1");
        assert_eq!((spans[1].size, spans[1].baseline), (7.0, 703.5));
        assert_eq!(lines[0].baseline, 700.0);
    }

    #[test]
    fn a_footnote_marker_before_its_text_stays_on_the_line() {
        // cairo's Chinese footnotes: a 5.5 pt marker raised 3 pt, the text 3 pt after it.
        let lines = lines(vec![
            words("1", 70.0, 73.0, 97.0, 5.5),
            words("见文件第一章", 76.0, 130.0, 94.0, 9.0),
        ]);
        assert_eq!(texts(&lines), ["1见文件第一章"]);
    }

    #[test]
    fn table_cells_of_one_size_stay_one_row() {
        // pdfminer-issue-598: the name cell sits 0.2 em above the code cell.
        let lines = lines(vec![
            words("07F8A0.2", 46.5, 90.0, 205.8, 10.0),
            words("Crankshaft signal error", 171.8, 290.0, 207.9, 10.0),
        ]);
        assert_eq!(texts(&lines), ["07F8A0.2 Crankshaft signal error"]);
    }

    #[test]
    fn an_accent_raised_over_a_capital_stays_in_its_word() {
        let mut accent = words("\u{B4}", 73.0, 77.5, 702.5, 10.0);
        accent.extend(words("cole", 78.0, 98.0, 700.0, 10.0));
        let lines = lines(vec![words("E", 72.0, 78.0, 700.0, 10.0), accent]);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text().replace('\u{B4}', ""), "Ecole");
    }
}
