//! Body lines: what the block rules look at in one line of body text — its text with
//! the footnote markers taken out, its box, its size and weight, the width of its first
//! word, and the frame of its page. PDF lines and Word paragraphs both become these.

use std::borrow::Cow;

use unpara_model::{first_line_break, is_cjk, FlowParagraph, FontInfo, Line};

use crate::markers::RefCandidate;
use crate::measure::Frame;

/// A line is bold when at least this share of its characters are in a bold font (a
/// bold lead-in of a few words does not make a paragraph's first line a heading).
const BOLD_SHARE: f32 = 0.9;

/// How a flowing document (Word) says where blocks begin: each paragraph is one, unless
/// the writer split one unit over several.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct FlowCue {
    /// The paragraph begins a block of its own.
    pub new_block: bool,
}

/// One body line, with footnote markers taken out of its text.
#[derive(Debug, Clone)]
pub(crate) struct BodyLine {
    /// 1-based page.
    pub page: u32,
    /// The text, markers left out.
    pub text: String,
    /// Footnote markers referenced from the line, in order.
    pub refs: Vec<String>,
    /// Left and right edges, points.
    pub x0: f32,
    pub x1: f32,
    /// Baseline, points.
    pub baseline: f32,
    /// Size of its text ([`crate::measure::text_size`]), points.
    pub size: f32,
    /// Sizes of its spans (to 0.1 pt), footnote markers left out.
    pub sizes: Vec<f32>,
    /// Almost all characters are bold ([`BOLD_SHARE`]).
    pub bold: bool,
    /// The first span is bold (labels of headings are bold).
    pub label_bold: bool,
    /// Almost all characters are italic ([`BOLD_SHARE`]): an italic heading.
    pub italic: bool,
    /// Width of the first word (two characters of Chinese), points.
    pub first_word: f32,
    /// The cells of the line: spans apart by more than an em, as `(x0, x1, text)`.
    pub cells: Vec<(f32, f32, String)>,
    /// The body frame of its page.
    pub frame: Frame,
    /// Word documents: where blocks begin.
    pub flow: Option<FlowCue>,
    /// A heading by its paragraph style (Word), at this level.
    pub heading: Option<u8>,
    /// Centred by its paragraph style (Word).
    pub centered: bool,
    /// A table row (Word): cells kept apart by tabs.
    pub table_row: bool,
    /// Front matter (the front page above the first label): never a table row.
    pub front: bool,
}

impl BodyLine {
    /// Converts a layout line of page `page`, whose text size
    /// ([`crate::measure::text_size`]) is `size`. `refs` are the line's reference
    /// candidates with whether each is a footnote marker: markers leave the text for
    /// [`BodyLine::refs`]; a raised number that is no marker stays as a superscript
    /// (`km²`).
    pub(crate) fn from_line(
        line: &Line,
        (page, size): (u32, f32),
        fonts: &[FontInfo],
        refs: &[(RefCandidate, bool)],
        frame: Frame,
    ) -> BodyLine {
        let mut text = String::with_capacity(line.spans.iter().map(|s| s.text.len()).sum());
        let mut markers = Vec::new();
        let (mut bold_chars, mut italic_chars, mut chars) = (0usize, 0usize, 0usize);
        let mut sizes: Vec<f32> = Vec::new();
        let mut cells: Vec<(f32, f32, String)> = Vec::new();
        for (i, span) in line.spans.iter().enumerate() {
            let mut whole_marker = false;
            // A span with no marker candidate is its own text (no copy).
            let mut of_span = refs.iter().filter(|(c, _)| c.span == i).peekable();
            let piece: Cow<'_, str> = if of_span.peek().is_none() {
                Cow::Borrowed(span.text.as_str())
            } else {
                let mut piece = String::new();
                let mut cut = 0usize;
                for (c, accepted) in of_span {
                    let (Some(before), Some(m)) = (
                        span.text.get(cut..c.range.start),
                        span.text.get(c.range.clone()),
                    ) else {
                        continue;
                    };
                    piece.push_str(before);
                    if *accepted {
                        markers.push(c.marker.clone());
                        whole_marker = c.raised;
                    } else if c.raised {
                        piece.extend(m.chars().map(unpara_model::superscript_digit));
                    } else {
                        piece.push_str(m);
                    }
                    cut = c.range.end;
                }
                piece.push_str(span.text.get(cut..).unwrap_or_default());
                Cow::Owned(piece)
            };
            let n = unpara_model::visible_chars(&piece);
            chars += n;
            if let Some(f) = fonts.get(span.font) {
                bold_chars += if f.bold { n } else { 0 };
                italic_chars += if f.italic { n } else { 0 };
            }
            if !whole_marker && n > 0 {
                let s = (span.size * 10.0).round() / 10.0;
                if !sizes.contains(&s) {
                    sizes.push(s);
                }
            }
            let wide_gap = cells
                .last()
                .is_some_and(|(_, x1, _)| span.x0 - x1 > span.size.max(line.size));
            let has_cells = !cells.is_empty();
            text.push_str(&piece);
            match cells.last_mut() {
                Some(cell) if !wide_gap => {
                    cell.1 = cell.1.max(span.x1);
                    cell.2.push_str(&piece);
                }
                _ if n > 0 || has_cells => cells.push((span.x0, span.x1, piece.into_owned())),
                _ => {}
            }
        }
        for c in &mut cells {
            // Trimmed in place.
            let end = c.2.trim_end().len();
            c.2.truncate(end);
            let start = end - c.2.trim_start().len();
            c.2.drain(..start);
        }
        let label_bold = line
            .spans
            .first()
            .and_then(|s| fonts.get(s.font))
            .is_some_and(|f| f.bold);
        BodyLine {
            page,
            first_word: first_word_width(line),
            text,
            refs: markers,
            x0: line.x0,
            x1: line.x1,
            baseline: line.baseline,
            size,
            sizes,
            bold: chars > 0 && bold_chars as f32 >= BOLD_SHARE * chars as f32,
            label_bold,
            italic: chars > 0 && italic_chars as f32 >= BOLD_SHARE * chars as f32,
            cells,
            frame,
            flow: None,
            heading: None,
            centered: false,
            table_row: false,
            front: false,
        }
    }

    /// A Word paragraph as a body line; `new_block` says whether it begins a block.
    pub(crate) fn from_paragraph(p: &FlowParagraph, text: String, frame: Frame) -> BodyLine {
        BodyLine {
            page: p.page,
            text,
            refs: p.footnote_refs.clone(),
            x0: p.indent,
            x1: f32::INFINITY,
            baseline: 0.0,
            size: p.size,
            sizes: vec![p.size],
            bold: p.bold,
            label_bold: p.label_bold,
            italic: false,
            first_word: 0.0,
            cells: Vec::new(),
            frame,
            flow: Some(FlowCue {
                new_block: !p.joins_previous,
            }),
            heading: p.heading,
            centered: p.centered,
            table_row: p.table_row,
            front: false,
        }
    }

    /// Whether the line's last visible character ends a sentence or clause.
    pub(crate) fn ends_clause(&self) -> bool {
        self.text
            .trim_end()
            .chars()
            .last()
            .is_some_and(|c| ".;:!?。；：！？".contains(c))
    }
}

/// Width of a line's first word: what a typesetter must fit on the line before to
/// have set it there — the line's text up to its first line-break opportunity (UAX #14,
/// at a space or beside a CJK character, as [`unpara_model::Span::lead`] counts it),
/// found across spans and measured by the spans' leads; or, for readers that cannot
/// measure it, an estimate from the first span's average advance.
fn first_word_width(line: &Line) -> f32 {
    let Some(span) = line.spans.first() else {
        return 0.0;
    };
    if span.lead > 0.0 {
        let text: String = line.spans.iter().map(|s| s.text.as_str()).collect();
        let word_end = first_line_break(&text);
        // The span the word ends in, and where in it.
        let mut at = 0usize;
        for s in &line.spans {
            let end = at + s.text.len();
            if word_end <= end {
                let inside = word_end - at;
                let own = s.text.get(..inside).map_or(0, |t| t.trim_end().len());
                let x = if own >= s.text.trim_end().len() {
                    s.x1
                } else if s.lead > 0.0 && own <= first_line_break(&s.text) {
                    s.x0 + s.lead
                } else {
                    let n = s.text.chars().count().max(1) as f32;
                    let k = s.text.get(..own).map_or(0, |t| t.chars().count()) as f32;
                    s.x0 + (s.x1 - s.x0) * k / n
                };
                return (x - span.x0).max(0.0);
            }
            at = end;
        }
        return line.x1 - span.x0;
    }
    let t = span.text.trim_start();
    let total = span.text.chars().count().max(1);
    let per_char = (span.x1 - span.x0) / total as f32;
    let n = if t.chars().next().is_some_and(is_cjk) {
        1
    } else {
        t.chars().take_while(|c| !c.is_whitespace()).count()
    };
    per_char * n as f32
}

/// A body line of running text for the unit tests of the rules: 10 pt, in a frame from
/// x 72 to 520 pt, the first word 5 pt a character.
#[cfg(test)]
pub(crate) fn test_line(text: &str, x0: f32, x1: f32, baseline: f32) -> BodyLine {
    BodyLine {
        page: 1,
        text: text.into(),
        refs: vec![],
        x0,
        x1,
        baseline,
        size: 10.0,
        sizes: vec![10.0],
        bold: false,
        label_bold: false,
        italic: false,
        first_word: 5.0 * text.split_whitespace().next().map_or(0, str::len) as f32,
        cells: vec![],
        frame: Frame {
            left: 72.0,
            right: 520.0,
            top: 700.0,
            bottom: 72.0,
            justified: false,
        },
        flow: None,
        heading: None,
        centered: false,
        table_row: false,
        front: false,
    }
}
