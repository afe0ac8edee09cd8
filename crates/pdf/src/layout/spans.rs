//! A row of glyphs → a [`Line`] of spans, with word spaces resolved.

use unpara_model::{is_cjk, Line, Span};

use super::bidi;
use super::rows::{Row, SUPERSCRIPT_SIZE_RATIO};
use crate::sink::Glyph;

/// A gap wider than this fraction of the font's space width is a word space, when no
/// space glyph was drawn. Kerning inside words in the un-en resolutions ("Amer ica",
/// "th e") stays below it; see the line-building tests.
const WORD_GAP: f32 = 0.6;
/// A gap wider than this many ems starts a new span (a tab after a label, a column gap).
const SPAN_GAP_EM: f32 = 1.0;
/// A small glyph whose baseline is above the line's by more than this fraction of the
/// line's size is raised (a superscript such as a footnote marker).
const SUPERSCRIPT_MIN_RISE: f32 = 0.15;
/// Two glyphs with the same text closer than this fraction of their size are one glyph
/// drawn twice (fake bold by overprinting).
const DUPLICATE_DISTANCE: f32 = 0.1;

struct Builder {
    span: Span,
    raised: bool,
}

/// The glyph edges of the span being built ([`Builder::finish`] measures its lead with
/// them): kept from span to span and row to row, cleared instead of allocated anew.
#[derive(Default)]
pub(crate) struct Edges {
    /// Byte end in the span's text and right edge of each glyph.
    ends: Vec<(usize, f32)>,
    /// Byte start in the span's text and left edge of each glyph, in right-to-left
    /// rows (the only ones whose lead is measured from a left edge).
    starts: Vec<(usize, f32)>,
}

impl Edges {
    fn clear(&mut self) {
        self.ends.clear();
        self.starts.clear();
    }
}

impl Builder {
    /// The span, with its [`Span::lead`]: the right edge of the last glyph before the
    /// text's first line-break opportunity ([`unpara_model::first_line_break`]). In a
    /// right-to-left row (`rtl`, text still in visual order) the first word is the
    /// rightmost: the lead runs from the span's right edge to the left edge of the
    /// first glyph after the text's last space.
    fn finish(mut self, rtl: bool, edges: &Edges) -> Span {
        if rtl {
            let text = self.span.text.trim_end();
            let word_start = text.rfind(' ').map_or(0, |i| i + 1);
            let left = edges
                .starts
                .iter()
                .find(|(start, _)| *start >= word_start)
                .map_or(self.span.x0, |(_, x)| *x);
            self.span.lead = (self.span.x1 - left).max(0.0);
            return self.span;
        }
        let word_end = unpara_model::first_line_break(&self.span.text);
        let edge = edges
            .ends
            .iter()
            .take_while(|(end, _)| *end <= word_end)
            .map(|(_, x)| *x)
            .fold(self.span.x0, f32::max);
        self.span.lead = (edge - self.span.x0).max(0.0);
        self.span
    }
}

/// Characters in a glyph's text (most are one byte, hence one character).
fn chars_in(text: &str) -> usize {
    if text.len() == 1 {
        1
    } else {
        text.chars().count()
    }
}

/// The most common size (to 0.1 pt) among the row's visible characters, weighted by
/// character count, and the median baseline of glyphs of that size.
fn dominant(glyphs: &[Glyph]) -> (f32, f32) {
    // A row's glyphs are mostly of one size: the last size's key is kept (`round` is a
    // library call on x86-64 without SSE4.1).
    let mut last = (f32::NAN, 0i32);
    let mut key_of = |size: f32| {
        if size.to_bits() != last.0.to_bits() {
            last = (size, (size * 10.0).round() as i32);
        }
        last.1
    };
    let mut counts: Vec<(i32, usize)> = Vec::new();
    // Whether every glyph sits on one baseline (most rows: no superscript, no rise).
    let first_y = glyphs.first().map(|g| g.y.to_bits());
    let mut one_baseline = true;
    for g in glyphs {
        one_baseline &= Some(g.y.to_bits()) == first_y;
        if g.blank {
            continue;
        }
        let key = key_of(g.size);
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += chars_in(&g.text),
            None => counts.push((key, chars_in(&g.text))),
        }
    }
    let key = counts
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)))
        .map_or(0, |(k, _)| *k);
    let size = key as f32 / 10.0;
    // The glyphs of the size, whose median is taken below, all have that baseline
    // (there is one of them when a visible glyph was counted).
    if let (true, false, Some(bits)) = (one_baseline, counts.is_empty(), first_y) {
        return (size, f32::from_bits(bits));
    }
    // Sized for all the glyphs up front (a filtered collect grows step by step: six
    // reallocations in a row of a hundred glyphs); only the middle one is needed, and
    // with a total order it is the same value the sorted list holds there.
    let mut ys: Vec<f32> = Vec::with_capacity(glyphs.len());
    ys.extend(glyphs.iter().filter(|g| key_of(g.size) == key).map(|g| g.y));
    let baseline = super::order::median(&mut ys);
    (size, baseline)
}

/// Builds the line of a row; `None` when the row has no visible glyph. A row of
/// right-to-left text ([`bidi::is_rtl_row`]) is built in visual order, then its spans
/// are put right to left and their texts in logical order.
pub(crate) fn line_of_row(
    mut row: Row,
    page_rtl: bool,
    kashida: &mut usize,
    edges: &mut Edges,
) -> Option<Line> {
    // Most rows come sorted (the sort would still take a scratch buffer for them).
    if !row.glyphs.is_sorted_by(|a, b| a.x.total_cmp(&b.x).is_le()) {
        row.glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    let rtl = bidi::is_rtl_row(&row.glyphs, page_rtl);
    // Kashida first: a run of them lies closer together than an overprint's distance,
    // and each is counted.
    if rtl {
        let before = row.glyphs.len();
        row.glyphs = bidi::without_kashida(std::mem::take(&mut row.glyphs));
        *kashida += before - row.glyphs.len();
    }
    // Positions first: neighbours are almost never that close, and comparing two
    // numbers costs less than comparing two texts.
    row.glyphs.dedup_by(|b, a| {
        (a.x - b.x).abs() < DUPLICATE_DISTANCE * a.size
            && (a.y - b.y).abs() < DUPLICATE_DISTANCE * a.size
            && a.text == b.text
    });
    if rtl {
        row.glyphs = bidi::marks_before_bases(std::mem::take(&mut row.glyphs));
    }
    let (size, baseline) = dominant(&row.glyphs);
    // Bytes of text still to come: a span's text is sized for all of them (a row is
    // mostly one span), so it never grows.
    let mut bytes_left: usize = row.glyphs.iter().map(|g| g.text.len() + 1).sum();
    let mut spans: Vec<Span> = Vec::new();
    let mut cur: Option<Builder> = None;
    // End x (extended over following space glyphs), last character, space width of the
    // previous visible glyph.
    let mut prev: Option<(f32, char, f32)> = None;
    // End x of the previous visible glyph itself: a gap drawn with space glyphs (such as
    // ideographic spaces between the tiers of vertical writing) still separates spans.
    let mut visible_end = f32::MIN;
    let mut pending_space = false;
    // Marks waiting for their base (right-to-left rows).
    let mut held = String::new();
    for g in &row.glyphs {
        // The glyph's text once (each `SmolStr` access tells its representations apart).
        let text = g.text.as_str();
        bytes_left = bytes_left.saturating_sub(text.len() + 1);
        // A mark (or a glyph drawn with no advance over its base) of a right-to-left row
        // stands just before its base in the visual sequence: it joins the current span
        // with no space, and the gaps are measured between bases.
        if rtl && bidi::is_mark_glyph(g) {
            held.push_str(&bidi::visual_text(&g.text));
            continue;
        }
        if g.blank {
            if let Some(p) = prev.as_mut() {
                pending_space = true;
                p.0 = p.0.max(g.x + g.advance);
            }
            continue;
        }
        let (first, last) = match text.as_bytes() {
            // One ASCII character, most glyphs.
            &[b] if b.is_ascii() => (char::from(b), char::from(b)),
            _ => (
                text.chars().next().unwrap_or(' '),
                text.chars().last().unwrap_or(' '),
            ),
        };
        let raised =
            g.size < SUPERSCRIPT_SIZE_RATIO * size && g.y > baseline + SUPERSCRIPT_MIN_RISE * size;
        let mut gap = 0.0;
        if let Some((end, prev_last, space_w)) = prev {
            gap = g.x - end;
            let cjk_pair = is_cjk(prev_last) && is_cjk(first);
            let cjk_side = is_cjk(prev_last) || is_cjk(first);
            let wide = gap > WORD_GAP * space_w.max(0.1 * size);
            // A gap of more than an em separates whatever it is between (a label and
            // its text, two cells), Chinese characters too.
            let space =
                (!cjk_pair && (pending_space || (wide && !cjk_side))) || gap > SPAN_GAP_EM * size;
            if space {
                if let Some(b) = cur.as_mut() {
                    b.span.text.push(' ');
                }
            }
        }
        pending_space = false;
        let new_span = match &cur {
            None => true,
            Some(b) => {
                b.span.font != g.font
                    || (b.span.size - g.size).abs() > 0.25
                    || b.raised != raised
                    || gap > SPAN_GAP_EM * size
                    || g.x - visible_end > 2.0 * SPAN_GAP_EM * size
            }
        };
        if new_span {
            if let Some(b) = cur.take() {
                spans.push(b.finish(rtl, edges));
            }
            edges.clear();
            cur = Some(Builder {
                span: Span {
                    text: String::with_capacity(bytes_left + text.len() + held.len() + 1),
                    x0: g.x,
                    x1: g.x + g.advance,
                    baseline: g.y,
                    size: g.size,
                    font: g.font,
                    lead: 0.0,
                },
                raised,
            });
        }
        if let Some(b) = cur.as_mut() {
            // Left edges measure the lead of right-to-left spans only.
            if rtl {
                edges.starts.push((b.span.text.len(), g.x));
            }
            if !held.is_empty() {
                b.span.text.push_str(&held);
                held.clear();
            }
            match text.as_bytes() {
                // One ASCII character: no presentation form to take apart.
                &[byte] if byte.is_ascii() && !rtl => b.span.text.push(char::from(byte)),
                _ if rtl => b.span.text.push_str(&bidi::visual_text(text)),
                _ => match bidi::base_letters(text) {
                    Some(letters) => b.span.text.push_str(&letters),
                    None => b.span.text.push_str(text),
                },
            }
            b.span.x1 = b.span.x1.max(g.x + g.advance);
            edges.ends.push((b.span.text.len(), g.x + g.advance));
        }
        // The gap to the next glyph is measured from where its letter spacing ends:
        // letter-spaced text is not split into letters.
        prev = Some((g.x + g.advance + g.letter_spacing, last, g.space_width));
        visible_end = g.x + g.advance;
    }
    if let Some(mut b) = cur.take() {
        b.span.text.push_str(&held);
        spans.push(b.finish(rtl, edges));
    }
    if let Some(last) = spans.last_mut() {
        let trimmed = last.text.trim_end().len();
        last.text.truncate(trimmed);
    }
    if rtl {
        // A space after visual span i separates it from span i + 1, which comes before
        // it in logical order: the space goes to the end of span i + 1.
        let spaced: Vec<bool> = spans.iter().map(|s| s.text.ends_with(' ')).collect();
        for s in &mut spans {
            s.text = bidi::logical(s.text.trim());
        }
        for (i, space) in spaced.iter().enumerate() {
            if let (true, Some(next)) = (*space, spans.get_mut(i + 1)) {
                next.text.push(' ');
            }
        }
        spans.reverse();
        let mut texts: Vec<String> = spans
            .iter_mut()
            .map(|s| std::mem::take(&mut s.text))
            .collect();
        bidi::unmirror(&mut texts);
        for (s, t) in spans.iter_mut().zip(texts) {
            s.text = t;
        }
        if let Some(last) = spans.last_mut() {
            let trimmed = last.text.trim_end().len();
            last.text.truncate(trimmed);
        }
    }
    let x0 = spans.iter().map(|s| s.x0).fold(spans.first()?.x0, f32::min);
    let x1 = spans.iter().fold(x0, |m, s| m.max(s.x1));
    Some(Line {
        spans,
        x0,
        x1,
        baseline,
        size,
        rotation: 0,
        vertical: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(text: &str, x: f32, advance: f32) -> Glyph {
        Glyph {
            advance,
            ..Glyph::at(text, x, 700.0)
        }
    }

    fn line_of_row_(row: Row) -> Option<Line> {
        line_of_row(row, false, &mut 0, &mut Edges::default())
    }

    fn row(glyphs: Vec<Glyph>) -> Row {
        Row {
            glyphs,
            baseline: 700.0,
            size: 10.0,
            settled: false,
        }
    }

    #[test]
    fn the_dominant_size_and_its_baseline() {
        let sized = |text: &str, x: f32, y: f32, size: f32| Glyph {
            size,
            ..Glyph::at(text, x, y)
        };
        // One baseline: its value, whatever the sizes.
        let flat = [sized("a", 0.0, 700.0, 10.0), sized("b", 5.0, 700.0, 6.0)];
        assert_eq!(dominant(&flat), (10.0, 700.0));
        // A raised marker of another size leaves the median of the body glyphs; body
        // glyphs on two baselines give the upper median of theirs.
        let raised = [
            sized("a", 0.0, 700.0, 10.0),
            sized("b", 5.0, 700.5, 10.0),
            sized("c", 10.0, 699.0, 10.0),
            sized("1", 15.0, 704.0, 6.0),
        ];
        assert_eq!(dominant(&raised), (10.0, 700.0));
        let two = [sized("a", 0.0, 700.0, 10.0), sized("b", 5.0, 702.0, 10.0)];
        assert_eq!(dominant(&two), (10.0, 702.0));
    }

    #[test]
    fn kerning_is_not_a_space_but_a_word_gap_is() {
        // "th" then "e" after 0.6 pt of kerning, then "cat" 3 pt further.
        let line = line_of_row_(row(vec![
            glyph("t", 0.0, 2.8),
            glyph("h", 2.8, 5.0),
            glyph("e", 8.4, 4.4),
            glyph("c", 15.8, 4.4),
            glyph("a", 20.2, 4.4),
            glyph("t", 24.6, 2.8),
        ]))
        .unwrap();
        assert_eq!(line.text(), "the cat");
    }

    #[test]
    fn letter_spacing_is_not_a_word_gap() {
        // "TC ON" tracked with 2 pt of character spacing (Tc), a space glyph between the
        // words: each letter 6 pt wide, 2 pt apart; the space 2.5 + 2 pt.
        let tracked = |text: &str, x: f32| Glyph {
            letter_spacing: 2.0,
            ..glyph(text, x, 6.0)
        };
        let glyphs = vec![
            tracked("T", 0.0),
            tracked("C", 8.0),
            Glyph {
                letter_spacing: 2.0,
                ..glyph(" ", 16.0, 2.5)
            },
            tracked("O", 20.5),
            tracked("N", 28.5),
        ];
        assert_eq!(line_of_row_(row(glyphs.clone())).unwrap().text(), "TC ON");
        // The same gaps without their character spacing are word gaps (2 pt > 0.6 × the
        // 2.5 pt space): letters apart.
        let apart: Vec<Glyph> = glyphs
            .into_iter()
            .filter(|g| !g.blank)
            .map(|g| Glyph {
                letter_spacing: 0.0,
                ..g
            })
            .collect();
        assert_eq!(line_of_row_(row(apart)).unwrap().text(), "T C O N");
    }

    #[test]
    fn never_a_space_between_cjk_characters() {
        let line = line_of_row_(row(vec![
            glyph("联", 0.0, 10.0),
            glyph(" ", 10.0, 2.5),
            glyph("合", 14.0, 10.0),
            glyph("国", 30.0, 10.0),
        ]))
        .unwrap();
        assert_eq!(line.text(), "联合国");
    }

    #[test]
    fn raised_small_glyph_gets_its_own_span() {
        let mut marker = glyph("1", 12.0, 3.0);
        marker.size = 6.0;
        marker.y = 703.5;
        let line = line_of_row_(row(vec![
            glyph("a", 0.0, 5.0),
            glyph("b", 5.0, 5.0),
            marker,
        ]))
        .unwrap();
        assert_eq!(line.spans.len(), 2);
        assert_eq!(line.spans[1].text, "1");
        assert_eq!(line.size, 10.0);
        assert_eq!(line.baseline, 700.0);
    }
}
