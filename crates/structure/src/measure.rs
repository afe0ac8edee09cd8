//! What the document shows, measured before anything is classified: the body's text
//! size, its leading, and the body's text frame on every page. Every threshold of the
//! structure stage is relative to these.
//!
//! The body is what most characters are set in; its frame is where lines of body size
//! begin and end on the pages; its leading is the baseline distance of consecutive
//! lines inside a paragraph — the *lowest* common distance, not the median, since in a
//! text of one- and two-line paragraphs (the UDHR) most distances are paragraph gaps.

use foldhash::{HashMap, HashMapExt};

use unpara_model::{is_cjk, Layout, Line};

/// Two sizes are the same when they differ by at most this share of the larger one.
/// Sizes come from text matrices and are exact to a hundredth of a point; footnotes are
/// set at 0.75–0.95 of the body (8.5 pt under 9 pt is 5.6 % smaller; layout matrix).
pub(crate) const SAME_SIZE_SHARE: f32 = 0.03;

/// Fewest body lines on a page for its own frame to be measured; with fewer, the
/// document's frame is used.
const MIN_FRAME_LINES: usize = 6;

/// The right edge of ragged text is the x1 that this share of its body lines do not
/// pass (ragged text rarely reaches the edge itself).
const RIGHT_EDGE_QUANTILE: f32 = 0.95;

/// Justified text and Chinese end most lines at the edge itself: when at least this
/// share of the lines end at one x (to a point), that x is the edge, and lines ending
/// beyond it hang punctuation into the margin (LibreOffice's Chinese defaults: 9 % of
/// the lines of the layout matrix's narrow A4).
const EDGE_MODE_SHARE: f32 = 0.2;

/// Lines ending at one x make an edge only when there are at least this many of them:
/// one line ends where it ends (a page of five ragged lines made its shortest line's
/// end the edge, and every line past it "full").
const EDGE_MODE_MIN_LINES: usize = 2;

/// The body's text frame on one page, PDF points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Frame {
    /// Most common left edge of its body lines.
    pub left: f32,
    /// Right edge of its running text.
    pub right: f32,
    /// Highest body-line baseline.
    pub top: f32,
    /// Lowest body-line baseline.
    pub bottom: f32,
    /// Lines of running text end at the right edge (justified): one that ends short of
    /// it ends its paragraph.
    pub justified: bool,
}

/// Document-wide measures.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Measures {
    /// The size most characters are set in, points.
    pub body_size: f32,
    /// The body's most common left edge, points.
    pub body_left: f32,
    /// Baseline distance inside a paragraph, in ems of the lines' size.
    pub leading: f32,
    /// Baseline distance, in ems, beyond which two lines belong to different blocks.
    pub block_gap: f32,
    /// The tallest common line pitch inside a paragraph, in ems (lines made taller by
    /// another script's font or a superscript).
    pub tallest_pitch: f32,
    /// The body frame of every page (index = page index): the frame shared by the
    /// pages of its size and parity, its own top and bottom.
    pub frames: Vec<Frame>,
    /// The left and right edges each page's own body lines show, where it has enough.
    pub page_edges: Vec<Option<(f32, f32)>>,
    /// The first-line indent of the document's paragraphs, points, when it indents
    /// them: how far a line stands right of the frame's left edge when the line after
    /// it starts at that edge.
    pub first_line_indent: Option<f32>,
    /// For each left edge (to a point) with enough body lines: whether they are
    /// justified (most of them end exactly at the right edge).
    pub justified_at: Vec<(i32, bool)>,
}

impl Measures {
    /// Measures that fit a document of body size `size` with no geometry (Word).
    pub(crate) fn flowing(size: f32, left: f32, pages: usize) -> Measures {
        Measures {
            body_size: size,
            body_left: left,
            leading: 1.2,
            block_gap: 1.2 * (1.0 + crate::pitch::LEADING_SPREAD),
            tallest_pitch: 1.2 * (1.0 + crate::pitch::LEADING_SPREAD),
            frames: vec![
                Frame {
                    left,
                    right: f32::INFINITY,
                    top: f32::INFINITY,
                    bottom: f32::NEG_INFINITY,
                    justified: false,
                };
                pages
            ],
            page_edges: vec![None; pages],
            first_line_indent: None,
            justified_at: Vec::new(),
        }
    }

    /// Whether the lines starting at `x0` are justified, where the document says.
    pub(crate) fn justified_at(&self, x0: f32) -> Option<bool> {
        let key = x0.round() as i32;
        self.justified_at
            .iter()
            .find(|(k, _)| (k - key).abs() <= 1)
            .map(|(_, j)| *j)
    }

    /// The frame of page index `page`.
    pub(crate) fn frame(&self, page: usize) -> Frame {
        self.frames.get(page).copied().unwrap_or(Frame {
            left: self.body_left,
            right: f32::INFINITY,
            top: f32::INFINITY,
            bottom: f32::NEG_INFINITY,
            justified: false,
        })
    }
}

/// Whether two sizes are the same ([`SAME_SIZE_SHARE`]).
pub(crate) fn same_size(a: f32, b: f32) -> bool {
    (a - b).abs() <= SAME_SIZE_SHARE * a.max(b)
}

/// The size of a line's text as a reader sees it: for a line holding CJK characters the
/// most common size of those characters (LibreOffice sets Latin runs of Chinese text at
/// 12 pt beside 10.5 pt Han), otherwise the line's dominant size.
pub(crate) fn text_size(line: &Line) -> f32 {
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for s in &line.spans {
        let n = if s.text.is_ascii() {
            0
        } else {
            s.text.chars().filter(|c| is_cjk(*c)).count()
        };
        if n == 0 {
            continue;
        }
        let key = (s.size * 10.0).round() as i32;
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, m)) => *m += n,
            None => counts.push((key, n)),
        }
    }
    counts
        .iter()
        .max_by_key(|(k, n)| (*n, *k))
        .map_or(line.size, |(k, _)| *k as f32 / 10.0)
}

/// Characters of a line that are not whitespace.
pub(crate) fn visible_chars(line: &Line) -> usize {
    line.spans
        .iter()
        .map(|s| unpara_model::visible_chars(&s.text))
        .sum()
}

/// The most common value, by weight, of values rounded to `step`; ties go to the
/// smaller value.
pub(crate) fn weighted_mode(values: impl Iterator<Item = (f32, usize)>, step: f32) -> Option<f32> {
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for (v, w) in values {
        if !v.is_finite() {
            continue;
        }
        *counts.entry((v / step).round() as i64).or_default() += w;
    }
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(k, _)| *k as f32 * step)
}

/// The `q`-quantile of `values` (0 ≤ q ≤ 1), `None` when empty.
pub(crate) fn quantile(mut values: Vec<f32>, q: f32) -> Option<f32> {
    values.retain(|v| v.is_finite());
    values.sort_by(f32::total_cmp);
    let last = values.len().checked_sub(1)?;
    let i = ((last as f32) * q.clamp(0.0, 1.0)).round() as usize;
    values.get(i.min(last)).copied()
}

/// Each line's [`text_size`] and [`visible_chars`], page by page: what [`body_size`]
/// weighs. Worked out once per layout — the body size is measured three times, over
/// other lines each time (all of them, then without furniture, then the body alone).
pub(crate) struct LineSizes(Vec<Vec<(f32, usize)>>);

impl LineSizes {
    /// The sizes of every line of `layout`.
    pub(crate) fn of(layout: &Layout) -> LineSizes {
        LineSizes(
            layout
                .pages
                .iter()
                .map(|p| {
                    p.lines
                        .iter()
                        .map(|l| (text_size(l), visible_chars(l)))
                        .collect()
                })
                .collect(),
        )
    }

    /// [`text_size`] of line `li` of page index `pi`.
    pub(crate) fn text_size(&self, pi: usize, li: usize) -> Option<f32> {
        self.0.get(pi)?.get(li).map(|(size, _)| *size)
    }
}

/// The size most characters of the kept lines are set in (`sizes` of the layout the
/// `keep` flags are of).
pub(crate) fn body_size(sizes: &LineSizes, keep: &[Vec<bool>]) -> f32 {
    let kept = sizes.0.iter().enumerate().flat_map(|(pi, page)| {
        let k = keep.get(pi);
        page.iter()
            .enumerate()
            .filter(move |(li, _)| k.and_then(|k| k.get(*li)).copied().unwrap_or(true))
            .map(|(_, v)| *v)
    });
    weighted_mode(kept, 0.1).unwrap_or(10.0)
}

/// The kept lines of a layout with their page index.
pub(crate) fn kept_lines<'a>(
    layout: &'a Layout,
    keep: &'a [Vec<bool>],
) -> impl Iterator<Item = (usize, &'a Line)> + 'a {
    (0..layout.pages.len()).flat_map(move |pi| page_kept(layout, keep, pi).map(move |l| (pi, l)))
}

/// The kept lines of page index `pi`.
pub(crate) fn page_kept<'a>(
    layout: &'a Layout,
    keep: &'a [Vec<bool>],
    pi: usize,
) -> impl Iterator<Item = &'a Line> + 'a {
    let k = keep.get(pi);
    layout
        .pages
        .get(pi)
        .into_iter()
        .flat_map(|p| p.lines.iter().enumerate())
        .filter(move |(li, _)| k.and_then(|k| k.get(*li)).copied().unwrap_or(true))
        .map(|(_, l)| l)
}

/// Measures the kept lines of a layout (those not yet known to be furniture or notes).
pub(crate) fn measure(layout: &Layout, keep: &[Vec<bool>], sizes: &LineSizes) -> Measures {
    let body_size = body_size(sizes, keep);
    // The kept upright lines of body size, found once: every measure below is of them.
    let body: Vec<Vec<bool>> = layout
        .pages
        .iter()
        .enumerate()
        .map(|(pi, p)| {
            p.lines
                .iter()
                .enumerate()
                .map(|(li, l)| {
                    keep.get(pi)
                        .and_then(|k| k.get(li))
                        .copied()
                        .unwrap_or(true)
                        && l.rotation == 0
                        && same_size(
                            sizes.text_size(pi, li).unwrap_or_else(|| text_size(l)),
                            body_size,
                        )
                })
                .collect()
        })
        .collect();
    let keep = &body;
    let body_left =
        weighted_mode(kept_lines(layout, keep).map(|(_, l)| (l.x0, 1)), 1.0).unwrap_or(0.0);
    // Pages of one size and parity share a frame (mirrored margins alternate); a page's
    // own lines would let a wide table or a short page move it.
    let group = |pi: usize| {
        let p = layout.pages.get(pi);
        (
            p.map_or(0, |p| p.width.round() as i64),
            p.map_or(0, |p| p.height.round() as i64),
            pi % 2,
        )
    };
    let mut groups: Vec<((i64, i64, usize), Frame)> = Vec::new();
    for pi in 0..layout.pages.len() {
        let key = group(pi);
        if groups.iter().any(|(k, _)| *k == key) {
            continue;
        }
        let lines: Vec<&Line> = (0..layout.pages.len())
            .filter(|p| group(*p) == key)
            .flat_map(|p| page_kept(layout, keep, p))
            .collect();
        let left = if lines.len() >= MIN_FRAME_LINES {
            weighted_mode(lines.iter().map(|l| (l.x0, 1)), 1.0).unwrap_or(body_left)
        } else {
            body_left
        };
        // Running text starts at the left edge or inside it; lines starting further
        // left (a table wider than the text) do not say where the text ends.
        let ends: Vec<f32> = lines
            .iter()
            .filter(|l| l.x0 >= left - body_size)
            .map(|l| l.x1)
            .collect();
        let (right, justified) = right_edge(ends);
        groups.push((
            key,
            Frame {
                left,
                right,
                top: f32::INFINITY,
                bottom: f32::NEG_INFINITY,
                justified,
            },
        ));
    }
    let mut frames = Vec::with_capacity(layout.pages.len());
    let mut edges = Vec::with_capacity(layout.pages.len());
    for pi in 0..layout.pages.len() {
        let lines: Vec<&Line> = page_kept(layout, keep, pi).collect();
        let shared = groups
            .iter()
            .find(|(k, _)| *k == group(pi))
            .map(|(_, f)| *f)
            .unwrap_or(Frame {
                left: body_left,
                right: f32::INFINITY,
                top: f32::INFINITY,
                bottom: f32::NEG_INFINITY,
                justified: false,
            });
        frames.push(Frame {
            top: lines
                .iter()
                .map(|l| l.baseline)
                .fold(f32::NEG_INFINITY, f32::max),
            bottom: lines
                .iter()
                .map(|l| l.baseline)
                .fold(f32::INFINITY, f32::min),
            ..shared
        });
        edges.push((lines.len() >= MIN_FRAME_LINES).then(|| {
            (
                weighted_mode(lines.iter().map(|l| (l.x0, 1)), 1.0).unwrap_or(shared.left),
                right_edge(lines.iter().map(|l| l.x1).collect()).0,
            )
        }));
    }
    let first_line_indent = first_line_indent(layout, keep, &frames, body_size);
    let (leading, block_gap, tallest_pitch) =
        crate::pitch::leading(layout, keep, body_size, &frames);
    let justified_at = justification(layout, keep, &frames, body_size);
    Measures {
        body_size,
        body_left,
        leading,
        block_gap,
        frames,
        page_edges: edges,
        first_line_indent,
        justified_at,
        tallest_pitch,
    }
}

/// A justified line ends at the right edge to within this many ems (glyph origins are
/// exact; a ragged line ends there only by chance).
pub(crate) const JUSTIFIED_EDGE_EM: f32 = 0.15;

/// Lines starting at one left edge are justified when more than this share of them end
/// at the right edge: in justified text all but the paragraphs' last lines do (70–90 %
/// in the layout matrix), in ragged text a few by chance (under 10 %).
const JUSTIFIED_SHARE: f32 = 0.5;

/// Which left edges start justified lines: by left edge (to a point), the share of
/// body lines ending at their frame's right edge, where at least
/// 2 × [`MIN_EVIDENCE`](crate::pitch::MIN_EVIDENCE) lines start.
fn justification(
    layout: &Layout,
    keep: &[Vec<bool>],
    frames: &[Frame],
    body_size: f32,
) -> Vec<(i32, bool)> {
    let mut counts: HashMap<i32, (usize, usize)> = HashMap::new();
    for pi in 0..layout.pages.len() {
        let right = frames.get(pi).map_or(f32::INFINITY, |f| f.right);
        for l in page_kept(layout, keep, pi) {
            let full = usize::from((right - l.x1).abs() <= JUSTIFIED_EDGE_EM * body_size);
            let (n, f) = counts.entry(l.x0.round() as i32).or_default();
            *n += 1;
            *f += full;
        }
    }
    let mut out: Vec<(i32, bool)> = counts
        .into_iter()
        .filter(|(_, (n, _))| *n >= 2 * crate::pitch::MIN_EVIDENCE)
        .map(|(k, (n, f))| (k, f as f32 > JUSTIFIED_SHARE * n as f32))
        .collect();
    out.sort();
    out
}

/// The document's first-line indent: the most common distance by which a line stands
/// right of its frame's left edge while the next line starts at that edge, when seen
/// at least [`MIN_EVIDENCE`](crate::pitch::MIN_EVIDENCE) times (paragraphs indented 1.5–4 em in the layout matrix).
fn first_line_indent(
    layout: &Layout,
    keep: &[Vec<bool>],
    frames: &[Frame],
    body_size: f32,
) -> Option<f32> {
    let tol = 0.5 * body_size;
    let mut indents = Vec::new();
    for pi in 0..layout.pages.len() {
        let left = frames.get(pi).map_or(0.0, |f| f.left);
        let lines: Vec<&Line> = page_kept(layout, keep, pi).collect();
        for w in lines.windows(2) {
            let [a, b] = w else { continue };
            if (b.x0 - left).abs() <= tol && a.x0 > left + tol {
                indents.push((a.x0 - left, 1));
            }
        }
    }
    let mode = weighted_mode(indents.iter().copied(), 1.0)?;
    let seen = indents
        .iter()
        .filter(|(d, _)| (d - mode).abs() <= 1.0)
        .count();
    (seen >= crate::pitch::MIN_EVIDENCE).then_some(mode)
}

/// The right edge lines end at: where most end, when many end at one x (justified
/// text, Chinese), else a high quantile ([`RIGHT_EDGE_QUANTILE`]).
/// Also says whether the lines are justified (many end at one x).
fn right_edge(ends: Vec<f32>) -> (f32, bool) {
    let n = ends.len();
    let mode = weighted_mode(ends.iter().map(|x| (*x, 1)), 1.0);
    if let Some(m) = mode {
        let at = ends.iter().filter(|x| (**x - m).abs() <= 1.0).count();
        if at >= EDGE_MODE_MIN_LINES && at as f32 >= EDGE_MODE_SHARE * n as f32 {
            let edge = ends
                .iter()
                .copied()
                .filter(|x| (*x - m).abs() <= 1.0)
                .fold(m, f32::max);
            return (edge, true);
        }
    }
    (
        quantile(ends, RIGHT_EDGE_QUANTILE).unwrap_or(f32::INFINITY),
        false,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of five ragged lines (a short Arabic resolution, mirrored) has no edge
    /// at its shortest line: one line is no mode.
    #[test]
    fn one_line_is_no_edge() {
        assert_eq!(
            right_edge(vec![494.5, 223.4, 285.1, 280.3, 324.3]),
            (494.5, false)
        );
        // Two at one x (to a point, the mode rounded to it) make one.
        assert_eq!(
            right_edge(vec![494.5, 494.6, 285.1, 280.3, 324.3]),
            (495.0, true)
        );
    }

    #[test]
    fn quantiles_and_modes() {
        assert_eq!(quantile(vec![3.0, 1.0, 2.0], 0.5), Some(2.0));
        assert_eq!(quantile(vec![], 0.5), None);
        assert_eq!(
            weighted_mode([(10.0, 5), (8.5, 2), (10.02, 1)].into_iter(), 0.1),
            Some(10.0)
        );
    }
}
