//! Running headers and footers ("furniture"): what repeats across pages at the same
//! place, or matches a UN furniture pattern, and lies outside the body's text frame.
//!
//! No band of the page is assumed: headers and footers were found 3–16 % of the height
//! from the edge in the layout matrix. A line is a *candidate* when it repeats on
//! another page at the same distance from the same edge (numbers ignored only where
//! they count the pages) or holds a job number, a barcode, this page's number or the
//! document symbol. Candidates are furniture when they lie beyond the body frame —
//! above the highest or below the lowest body line of the document's pages — and are
//! not separated from the page edge by body text; whatever lies further out, or on
//! the same baseline, is furniture too.

use foldhash::{HashMap, HashMapExt, HashSet};

use unpara_model::{Layout, Line, Page};

use crate::digit_forms::{is_barcode, is_page_number, job_number};
use crate::measure::{self, quantile, text_size, SAME_SIZE_SHARE};

/// Lines repeat "at the same place" when their distances from the page edge differ by
/// at most this many ems of their size: producers put a running header at the same
/// point on every page; mixed fonts move a baseline by a fraction of an em.
const REPEAT_TOLERANCE_EM: f32 = 0.5;

/// Lines of one shape compared with a line, at most (a bound on the work, not a layout
/// rule: a running header shows on the first pages that print it).
const MAX_PEERS: usize = 256;

/// Two pages sharing more than this share of their line texts are one page printed
/// twice (a compilation, an annex repeating the report): what they share is not
/// furniture (issue 10: a document held twice lost 7 % of its words).
const DUPLICATE_PAGE_SHARE: f32 = 0.5;

/// Furniture lies beyond the body frame by more than this many ems of the body size
/// (a header sits at least a line above the first body line).
const OUTSIDE_FRAME_EM: f32 = 0.5;

/// A line on the same baseline as a furniture line (within this many ems of its
/// size) is part of that header or footer (`2/12` beside `V.17-06020`).
const SAME_ROW_EM: f32 = 0.5;

/// Which edge of the page a line is measured from.
fn edge_distance(page: &Page, line: &Line) -> (bool, f32) {
    let from_top = page.height - line.baseline;
    if from_top <= line.baseline {
        (true, from_top)
    } else {
        (false, line.baseline)
    }
}

/// A line's text with every run of digits replaced by `#` and its white space left
/// out, and the digit runs (`i64::MAX` past it). Read by bytes: an ASCII byte is a
/// character, so only the other characters are decoded, and a run of kept ASCII bytes
/// is copied at once (every line of every page is shaped; on S/2013/220 the loop by
/// characters took 3.2 M instructions of 1 121 lines).
fn shape(text: &str) -> (String, Vec<i64>) {
    // `char::is_whitespace` in ASCII: tab to carriage return, and space.
    let is_space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
    let mut key: Vec<u8> = Vec::with_capacity(text.len());
    let mut numbers = Vec::new();
    // The value of the digit run being read (saturated at `i64::MAX`), if one is.
    let mut run: Option<i64> = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_digit() {
            let v = run.unwrap_or(0);
            run = Some(v.saturating_mul(10).saturating_add(i64::from(b - b'0')));
            i += 1;
            continue;
        }
        if let Some(value) = run.take() {
            key.push(b'#');
            numbers.push(value);
        }
        if is_space(b) {
            i += 1;
        } else if b.is_ascii() {
            // A run of ASCII bytes kept as they are (a word, punctuation), copied at once.
            let start = i;
            i += 1;
            while bytes
                .get(i)
                .is_some_and(|&c| c.is_ascii() && !c.is_ascii_digit() && !is_space(c))
            {
                i += 1;
            }
            key.extend_from_slice(bytes.get(start..i).unwrap_or_default());
        } else {
            let c = text.get(i..).and_then(|t| t.chars().next()).unwrap_or(' ');
            let len = c.len_utf8();
            if !c.is_whitespace() {
                key.extend_from_slice(bytes.get(i..i + len).unwrap_or_default());
            }
            i += len;
        }
    }
    if let Some(value) = run {
        key.push(b'#');
        numbers.push(value);
    }
    // Only whole characters were copied, and `#`: the key is UTF-8.
    let key = String::from_utf8(key)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    (key, numbers)
}

/// Whether two lines with the same shape on pages `pa` and `pb` say the same thing:
/// every number is equal, or counts the pages (its value minus the page number is the
/// same on both).
fn same_numbers(a: &[i64], pa: u32, b: &[i64], pb: u32) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            x == y || x.saturating_sub(i64::from(pa)) == y.saturating_sub(i64::from(pb))
        })
}

/// A line is furniture by its content alone when it is a barcode, holds a job number
/// or the document symbol, prints this page's number as `page/pages` (`2/8`), or is a
/// page number alone.
fn pattern(text: &str, symbol: Option<&str>, page: &PageNumbers) -> bool {
    let t = text.trim();
    is_barcode(t)
        || job_number(t).is_some()
        || is_page_number(t)
        || t == page.alone
        || (t.contains(&page.of_pages) && t.split_whitespace().any(|tok| tok == page.of_pages))
        || symbol.is_some_and(|s| t.contains(s))
}

/// A page's number as a furniture line prints it: alone (`2`) and of the pages (`2/8`).
struct PageNumbers {
    alone: String,
    of_pages: String,
}

impl PageNumbers {
    fn new(page: u32, pages: usize) -> Self {
        PageNumbers {
            alone: page.to_string(),
            of_pages: format!("{page}/{pages}"),
        }
    }
}

/// Where a line of some shape was printed.
struct Placed<'a> {
    page: u32,
    /// Measured from the top edge (else from the bottom).
    top: bool,
    /// Distance of its baseline from that edge, points.
    distance: f32,
    size: f32,
    /// The numbers in its text.
    numbers: &'a [i64],
}

/// A line's text, and its [`shape`]: the key and the numbers.
struct Shaped<'a> {
    text: std::borrow::Cow<'a, str>,
    key: String,
    numbers: Vec<i64>,
}

/// Candidates: lines that repeat at the same place on another page, or match a
/// furniture pattern.
fn candidates(layout: &Layout, symbol: Option<&str>) -> Vec<Vec<bool>> {
    // Each line's text and shape, once.
    let lines: Vec<Vec<Shaped>> = layout
        .pages
        .iter()
        .map(|page| {
            page.lines
                .iter()
                .map(|line| {
                    let text = line.text_cow();
                    let (key, numbers) = shape(&text);
                    Shaped { text, key, numbers }
                })
                .collect()
        })
        .collect();
    // Lines by shape, with their page, edge and distance.
    let mut by_shape: HashMap<&str, Vec<Placed<'_>>> = HashMap::new();
    for (page, texts) in layout.pages.iter().zip(&lines) {
        for (line, Shaped { key, numbers, .. }) in page.lines.iter().zip(texts) {
            if key.is_empty() {
                continue;
            }
            let (top, d) = edge_distance(page, line);
            by_shape.entry(key).or_default().push(Placed {
                page: page.number,
                top,
                distance: d,
                size: line.size,
                numbers,
            });
        }
    }
    // The texts of each page, for telling a running header (repeated on pages of other
    // text) from a page printed twice (a document compiled twice repeats everything).
    // Exact texts: pages of `Article 3` and `Article 4` share a shape, not a text.
    let texts: HashMap<u32, HashSet<&str>> = layout
        .pages
        .iter()
        .zip(&lines)
        .map(|(p, texts)| (p.number, texts.iter().map(|l| l.text.as_ref()).collect()))
        .collect();
    let mut duplicates: HashMap<(u32, u32), bool> = HashMap::new();
    let mut duplicate = |a: u32, b: u32| -> bool {
        *duplicates.entry((a.min(b), a.max(b))).or_insert_with(|| {
            let (Some(ta), Some(tb)) = (texts.get(&a), texts.get(&b)) else {
                return false;
            };
            let shared = ta.intersection(tb).count();
            shared as f32 > DUPLICATE_PAGE_SHARE * ta.len().min(tb.len()) as f32
        })
    };
    layout
        .pages
        .iter()
        .zip(&lines)
        .map(|(page, texts)| {
            let numbers_of_page = PageNumbers::new(page.number, layout.pages.len());
            page.lines
                .iter()
                .zip(texts)
                .map(|(line, Shaped { text, key, numbers })| {
                    if pattern(text, symbol, &numbers_of_page) {
                        return true;
                    }
                    let (top, d) = edge_distance(page, line);
                    by_shape.get(key.as_str()).is_some_and(|others| {
                        others.iter().take(MAX_PEERS).any(|o| {
                            o.page != page.number
                                && o.top == top
                                && (d - o.distance).abs()
                                    <= REPEAT_TOLERANCE_EM * o.size.max(line.size)
                                && same_numbers(numbers, page.number, o.numbers, o.page)
                                && !duplicate(page.number, o.page)
                        })
                    })
                })
                .collect()
        })
        .collect()
}

/// The highest and lowest baselines of body-size text that is not a candidate, over
/// the document: the median page top (pages start at the top margin; the front page's
/// masthead may start higher) and the lowest page bottom.
fn frame_limits(
    layout: &Layout,
    cand: &[Vec<bool>],
    body_size: f32,
    sizes: &measure::LineSizes,
) -> (f32, f32) {
    let mut tops = Vec::new();
    let mut bottoms = Vec::new();
    let keep: Vec<Vec<bool>> = cand
        .iter()
        .map(|p| p.iter().map(|c| !c).collect())
        .collect();
    for pi in 0..layout.pages.len() {
        let k = keep.get(pi);
        let body: Vec<f32> = layout
            .pages
            .get(pi)
            .into_iter()
            .flat_map(|p| p.lines.iter().enumerate())
            .filter(|(li, _)| k.and_then(|k| k.get(*li)).copied().unwrap_or(true))
            .filter(|(li, l)| {
                let size = sizes.text_size(pi, *li).unwrap_or_else(|| text_size(l));
                (size - body_size).abs() <= SAME_SIZE_SHARE * body_size && l.rotation == 0
            })
            .map(|(_, l)| l.baseline)
            .collect();
        if let (Some(t), Some(b)) = (
            body.iter().copied().reduce(f32::max),
            body.iter().copied().reduce(f32::min),
        ) {
            tops.push(t);
            // The front page's footer area may hold one-off lines; its bottom counts
            // only when it is all there is.
            if pi > 0 || layout.pages.len() < 3 {
                bottoms.push(b);
            }
        }
    }
    let top = quantile(tops, 0.5).unwrap_or(f32::INFINITY);
    let bottom = bottoms
        .into_iter()
        .reduce(f32::min)
        .unwrap_or(f32::NEG_INFINITY);
    (top, bottom)
}

/// Marks running headers and footers on every page.
pub(crate) fn furniture(
    layout: &Layout,
    symbol: Option<&str>,
    sizes: &measure::LineSizes,
) -> Vec<Vec<bool>> {
    let all: Vec<Vec<bool>> = layout
        .pages
        .iter()
        .map(|p| vec![true; p.lines.len()])
        .collect();
    let body_size = measure::body_size(sizes, &all);
    let cand = candidates(layout, symbol);
    let (top, bottom) = frame_limits(layout, &cand, body_size, sizes);
    let margin = OUTSIDE_FRAME_EM * body_size;
    layout
        .pages
        .iter()
        .zip(&cand)
        .map(|(page, cand)| page_furniture(page, cand, top + margin, bottom - margin))
        .collect()
}

/// The furniture of one page: the candidates lying beyond the frame, and whatever
/// lies further out than the innermost of them or on its baseline.
fn page_furniture(page: &Page, cand: &[bool], above: f32, below: f32) -> Vec<bool> {
    let outside = |top: bool| {
        page.lines
            .iter()
            .zip(cand)
            .filter(|(l, c)| **c && l.rotation == 0)
            .filter(move |(l, _)| {
                if top {
                    l.baseline > above
                } else {
                    l.baseline < below
                }
            })
            .map(|(l, _)| (l.baseline, SAME_ROW_EM * l.size))
    };
    let header_floor = outside(true).fold(f32::INFINITY, |m, (y, row)| m.min(y - row));
    let footer_ceiling = outside(false).fold(f32::NEG_INFINITY, |m, (y, row)| m.max(y + row));
    page.lines
        .iter()
        .map(|l| l.rotation == 0 && (l.baseline >= header_floor || l.baseline <= footer_ceiling))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unpara_model::Span;

    fn line(text: &str, baseline: f32, size: f32) -> Line {
        Line {
            spans: vec![Span {
                text: text.into(),
                x0: 72.0,
                x1: 72.0 + 5.0 * text.len() as f32,
                baseline,
                size,
                font: 0,
                lead: 0.0,
            }],
            x0: 72.0,
            x1: 72.0 + 5.0 * text.len() as f32,
            baseline,
            size,
            rotation: 0,
            vertical: false,
        }
    }

    fn page(number: u32, lines: Vec<Line>) -> Page {
        Page {
            number,
            width: 420.0,
            height: 595.0,
            lines,
            rules: vec![],
        }
    }

    /// Body lines, different on every page (`page` names it).
    fn body(page: &str, from: f32, n: usize) -> Vec<Line> {
        (0..n)
            .map(|i| {
                line(
                    &format!("Body {page} line {i}"),
                    from - 12.0 * i as f32,
                    10.0,
                )
            })
            .collect()
    }

    /// Issue 10: a footer 15 % of the height up, a header 14 % down: no band needed.
    #[test]
    fn footers_far_from_the_edge_are_found_by_repetition() {
        let pages: Vec<Page> = (1..=3)
            .map(|n| {
                let mut lines = vec![line("CAC/COSP/WG.4/2017/4", 595.0 * 0.86, 9.0)];
                lines.extend(body(["a", "b", "c"][n as usize - 1], 480.0, 30));
                lines.push(line(&format!("V.17-06020 {n}/3"), 595.0 * 0.15, 9.0));
                page(n, lines)
            })
            .collect();
        let layout = Layout {
            pages,
            ..Layout::default()
        };
        let f = furniture(
            &layout,
            Some("CAC/COSP/WG.4/2017/4"),
            &measure::LineSizes::of(&layout),
        );
        for p in &f {
            assert!(p[0] && p[p.len() - 1]);
            assert_eq!(p.iter().filter(|x| **x).count(), 2);
        }
    }

    /// Issue 10: `Article 16` and `Article 27` opening two pages at the same height are
    /// body text: their numbers do not count the pages, and they lie in the frame.
    #[test]
    fn headings_at_the_same_height_are_not_furniture() {
        let mut p1 = vec![line("Universal Declaration", 560.0, 9.0)];
        p1.push(line("Article 16", 500.0, 10.0));
        p1.extend(body("a", 488.0, 30));
        let mut p2 = vec![line("Universal Declaration", 560.0, 9.0)];
        p2.push(line("Article 27", 500.0, 10.0));
        p2.extend(body("b", 488.0, 30));
        let mut p3 = vec![line("Universal Declaration", 560.0, 9.0)];
        p3.extend(body("c", 500.0, 30));
        let layout = Layout {
            pages: vec![page(4, p1), page(9, p2), page(10, p3)],
            ..Layout::default()
        };
        let f = furniture(&layout, None, &measure::LineSizes::of(&layout));
        assert!(f[0][0] && !f[0][1] && f[1][0] && !f[1][1]);
    }

    #[test]
    fn page_numbers_with_an_offset_are_ignored() {
        assert!(same_numbers(&[5], 3, &[6], 4));
        assert!(same_numbers(&[2, 11], 2, &[3, 11], 3));
        assert!(!same_numbers(&[16], 8, &[27], 14));
        assert_eq!(shape("2/11 V.17-06020").0, "#/#V.#-#");
    }

    /// The shape by characters, as it was read before the byte loop (commit 419afb0):
    /// the oracle of the proptest below.
    fn shape_by_chars(text: &str) -> (String, Vec<i64>) {
        let mut key = String::with_capacity(text.len());
        let mut numbers = Vec::new();
        let mut run: Option<Option<i64>> = None;
        for c in text.chars().chain(std::iter::once(' ')) {
            if let Some(digit) = c.to_digit(10) {
                let value = run.unwrap_or(Some(0));
                run = Some(value.and_then(|v| v.checked_mul(10)?.checked_add(i64::from(digit))));
                continue;
            }
            if let Some(value) = run.take() {
                key.push('#');
                numbers.push(value.unwrap_or(i64::MAX));
            }
            if !c.is_whitespace() {
                key.push(c);
            }
        }
        (key, numbers)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        /// Texts of digits, ASCII and Unicode white space, letters of several scripts.
        #[test]
        fn shapes_by_bytes_are_shapes_by_chars(
            text in "[0-9 \t\n\u{b}\u{c}\r\u{85}\u{a0}\u{2003}\u{3000}a-zé٣Жй中/.#-]{0,40}"
        ) {
            proptest::prop_assert_eq!(shape(&text), shape_by_chars(&text));
        }
    }

    #[test]
    fn shapes_keep_the_numbers_and_saturate_past_i64() {
        assert_eq!(
            shape("2/11 V.17-06020"),
            ("#/#V.#-#".to_string(), vec![2, 11, 17, 6020])
        );
        // 20 digits, past i64::MAX (19 digits), then a page number; Arabic-Indic
        // digits are letters here, as `char::is_ascii_digit` reads them.
        assert_eq!(
            shape("99999999999999999999 p. 3 ٣"),
            ("#p.#٣".to_string(), vec![i64::MAX, 3])
        );
        assert_eq!(shape("   "), (String::new(), Vec::new()));
    }
}
