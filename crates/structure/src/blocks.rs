//! Body lines → blocks: headings, numbered paragraphs, sub-items, other text.
//!
//! A block starts at a recognized label (see [`crate::labels`]) or where the layout
//! says so: a vertical gap wider than the line pitch, a change of font size, or an
//! indented first line at the top of a page. Anything else continues the current
//! block, across page breaks and the footnotes between them.

use unpara_model::{Block, BlockKind, FontInfo, Lang, Line};

use crate::labels::{recognize, LabelKind};
use crate::patterns::MARKER;
use crate::text::{append_line, collapse};
use crate::zones::Measures;

/// A raised span is a footnote marker when smaller than this share of its line's size…
const MARKER_SIZE_RATIO: f32 = 0.8;
/// … and raised by more than this share of the line's size.
const MARKER_MIN_RISE: f32 = 0.15;
/// A gap between baselines wider than this multiple of the document's line pitch
/// separates blocks (paragraph spacing is 1.25–1.6 × pitch in the fixtures and un-en).
const GAP_RATIO: f32 = 1.2;
/// Lines whose sizes differ by more than this, in points, belong to different blocks.
const SIZE_CHANGE: f32 = 0.6;
/// A line left of the body column by more than this, in points, hangs (a heading label).
const HANGING: f32 = 2.0;

/// One body line, with footnote markers taken out of its text.
#[derive(Debug, Clone)]
pub(crate) struct BodyLine {
    pub page: u32,
    pub text: String,
    pub refs: Vec<String>,
    pub x0: f32,
    pub baseline: f32,
    pub size: f32,
    /// Most characters are in a bold font.
    pub bold: bool,
    /// The first span is in a bold font (labels of headings are bold).
    pub label_bold: bool,
    /// A heading by its paragraph style (flowing documents), at this level, even
    /// without a label.
    pub heading: Option<u8>,
    /// A table row (flowing documents): its own `text` block, cells kept apart by tabs.
    pub table_row: bool,
}

impl BodyLine {
    /// Converts a layout line; raised marker-shaped spans become footnote references.
    pub(crate) fn new(line: &Line, page: u32, fonts: &[FontInfo]) -> BodyLine {
        let mut text = String::new();
        let mut refs = Vec::new();
        let (mut bold_chars, mut chars) = (0usize, 0usize);
        for span in &line.spans {
            let t = span.text.trim();
            let raised = span.size < MARKER_SIZE_RATIO * line.size
                && span.baseline > line.baseline + MARKER_MIN_RISE * line.size;
            if raised && MARKER.is_match(t) {
                refs.push(t.to_string());
                if span.text.ends_with(char::is_whitespace) && !text.ends_with(char::is_whitespace)
                {
                    text.push(' ');
                }
                continue;
            }
            let n = span.text.chars().filter(|c| !c.is_whitespace()).count();
            chars += n;
            if fonts.get(span.font).is_some_and(|f| f.bold) {
                bold_chars += n;
            }
            text.push_str(&span.text);
        }
        let label_bold = line
            .spans
            .first()
            .and_then(|s| fonts.get(s.font))
            .is_some_and(|f| f.bold);
        BodyLine {
            page,
            text,
            refs,
            x0: line.x0,
            baseline: line.baseline,
            size: line.size,
            bold: chars > 0 && bold_chars * 2 > chars,
            label_bold,
            heading: None,
            table_row: false,
        }
    }
}

struct Draft {
    block: Block,
    size: f32,
    lines: usize,
    last_x0: f32,
    /// A table row: tabs between cells are kept.
    tabs: bool,
}

/// The median baseline distance between consecutive same-size lines of a page, as a
/// multiple of the font size (1.1–1.2 in UN documents).
pub(crate) fn pitch_ratio(lines: &[BodyLine]) -> f32 {
    let mut ratios: Vec<f32> = lines
        .windows(2)
        .filter_map(|w| match w {
            [a, b] if a.page == b.page && (a.size - b.size).abs() < 0.1 && a.size > 0.0 => {
                Some((a.baseline - b.baseline) / a.size)
            }
            _ => None,
        })
        .filter(|r| *r > 0.5 && *r < 3.0)
        .collect();
    ratios.sort_by(f32::total_cmp);
    ratios.get(ratios.len() / 2).copied().unwrap_or(1.2)
}

fn ends_clause(text: &str) -> bool {
    text.trim_end()
        .chars()
        .last()
        .is_some_and(|c| ".;:!?。；：！？".contains(c))
}

/// The block state machine.
struct Builder {
    lang: Lang,
    m: Measures,
    pitch: f32,
    drafts: Vec<Draft>,
    /// Number and draft index of the last numbered paragraph.
    paragraph: Option<(u32, usize)>,
    /// Inside a numbered list that is not paragraphs (an agenda).
    list: bool,
    previous_letter: Option<char>,
    warnings: Vec<String>,
}

/// Most paragraph numbers that may be missing before a number still counts as the next
/// paragraph rather than a list line.
const MAX_SKIP: u32 = 3;

impl Builder {
    fn expected_number(&self) -> u32 {
        self.paragraph.map_or(1, |(p, _)| p + 1)
    }

    fn start(&mut self, line: &BodyLine, kind: BlockKind, label: Option<String>, text: &str) {
        let parent = match kind {
            BlockKind::Item | BlockKind::Text if label.is_some() => self.paragraph.map(|(_, i)| i),
            _ => None,
        };
        let parent = parent
            .and_then(|i| self.drafts.get(i))
            .map(|d| d.block.id.clone());
        let block = Block {
            id: format!("b{}", self.drafts.len()),
            kind,
            label,
            level: None,
            number: None,
            parent,
            text: String::new(),
            pages: vec![line.page],
            footnote_refs: line.refs.clone(),
            sentences: Vec::new(),
        };
        let mut draft = Draft {
            block,
            size: line.size,
            lines: 1,
            last_x0: line.x0,
            tabs: line.table_row,
        };
        append_line(&mut draft.block.text, text, self.lang);
        self.drafts.push(draft);
    }

    fn continue_with(&mut self, line: &BodyLine) {
        let Some(d) = self.drafts.last_mut() else {
            return;
        };
        append_line(&mut d.block.text, &line.text, self.lang);
        if d.block.pages.last() != Some(&line.page) {
            d.block.pages.push(line.page);
        }
        d.block.footnote_refs.extend(line.refs.iter().cloned());
        d.lines += 1;
        d.last_x0 = line.x0;
    }

    fn line(&mut self, line: &BodyLine, prev: Option<&BodyLine>) {
        if line.table_row {
            self.start(line, BlockKind::Table, None, &line.text);
            return;
        }
        let layout_break = match prev {
            None => true,
            Some(p) if p.page == line.page => {
                let gap = p.baseline - line.baseline;
                gap < 0.0
                    || gap > GAP_RATIO * self.pitch * p.size.max(line.size)
                    || (p.size - line.size).abs() > SIZE_CHANGE
            }
            Some(p) => {
                let indented = self
                    .drafts
                    .last()
                    .is_some_and(|d| d.lines > 1 && line.x0 > d.last_x0 + 0.5 * line.size);
                indented || (p.size - line.size).abs() > SIZE_CHANGE
            }
        };
        let may_label =
            layout_break || prev.is_none_or(|p| ends_clause(&p.text) || p.page != line.page);
        let trimmed = line.text.trim_start();
        let label = if may_label {
            recognize(trimmed, self.previous_letter)
        } else {
            None
        };
        if let Some(label) = label {
            let rest = trimmed.get(label.consumed..).unwrap_or_default();
            let hanging = line.x0 < self.m.body_left - HANGING;
            let emphasized = line.label_bold || line.bold || line.size > self.m.body_size + 0.5;
            let level = match label.kind {
                LabelKind::Resolution => Some((BlockKind::Heading, 1)),
                LabelKind::Roman(_) if hanging || emphasized => Some((BlockKind::Heading, 1)),
                LabelKind::Capital(_) if hanging || emphasized => Some((BlockKind::Heading, 2)),
                LabelKind::SmallRoman(_) if line.label_bold || line.bold => {
                    Some((BlockKind::Heading, 3))
                }
                LabelKind::SmallRoman(_) if self.list => Some((BlockKind::Text, 3)),
                LabelKind::SmallRoman(_) if self.paragraph.is_some() => Some((BlockKind::Item, 2)),
                LabelKind::Letter(_) if self.list => Some((BlockKind::Text, 2)),
                LabelKind::Letter(_) if self.paragraph.is_some() => Some((BlockKind::Item, 1)),
                LabelKind::Number(n) if n == self.expected_number() => {
                    Some((BlockKind::Paragraph, 0))
                }
                // A few numbers skipped (a paragraph the reader lost): still paragraphs.
                LabelKind::Number(n)
                    if !self.list
                        && n > self.expected_number()
                        && n <= self.expected_number() + MAX_SKIP =>
                {
                    self.warnings.push(format!(
                        "page {}: paragraph numbers jump from {} to {n}",
                        line.page,
                        self.expected_number().saturating_sub(1)
                    ));
                    Some((BlockKind::Paragraph, 0))
                }
                LabelKind::Number(_) if self.paragraph.is_some() => Some((BlockKind::Text, 1)),
                _ => None,
            };
            if let Some((kind, level)) = level {
                self.start(line, kind, Some(label.text.clone()), rest);
                let idx = self.drafts.len() - 1;
                if let Some(d) = self.drafts.last_mut() {
                    match kind {
                        BlockKind::Heading => d.block.level = Some(level),
                        BlockKind::Text => d.block.level = Some(level),
                        _ => {}
                    }
                }
                match (kind, &label.kind) {
                    (BlockKind::Heading, _) => {
                        self.list = false;
                        self.previous_letter = None;
                    }
                    (BlockKind::Paragraph, LabelKind::Number(n)) => {
                        if let Some(d) = self.drafts.last_mut() {
                            d.block.number = Some(n.to_string());
                        }
                        self.paragraph = Some((*n, idx));
                        self.list = false;
                        self.previous_letter = None;
                    }
                    (BlockKind::Text, LabelKind::Number(_)) => {
                        self.list = true;
                        self.previous_letter = None;
                    }
                    (_, LabelKind::Letter(c)) => self.previous_letter = Some(*c),
                    _ => {}
                }
                return;
            }
        }
        if let Some(level) = line.heading.filter(|_| layout_break) {
            self.start(line, BlockKind::Heading, None, &line.text);
            if let Some(d) = self.drafts.last_mut() {
                d.block.level = Some(level);
            }
            self.list = false;
            self.previous_letter = None;
            return;
        }
        if layout_break || self.drafts.is_empty() {
            self.start(line, BlockKind::Text, None, &line.text);
            // Unlabelled text after a heading leaves any list.
            self.list = self.list && prev.is_some_and(|p| p.page == line.page);
        } else {
            self.continue_with(line);
        }
    }
}

/// Builds the blocks of a document from its body lines in reading order.
/// Returns the blocks and, for each, its first line's font size (points).
pub(crate) fn build(
    lines: &[BodyLine],
    lang: Lang,
    m: Measures,
    warnings: &mut Vec<String>,
) -> Vec<(Block, f32)> {
    let mut b = Builder {
        lang,
        m,
        pitch: pitch_ratio(lines),
        drafts: Vec::new(),
        paragraph: None,
        list: false,
        previous_letter: None,
        warnings: Vec::new(),
    };
    let mut prev: Option<&BodyLine> = None;
    for line in lines {
        b.line(line, prev);
        prev = Some(line);
    }
    warnings.append(&mut b.warnings);
    b.drafts
        .into_iter()
        .map(|mut d| {
            d.block.text = if d.tabs {
                d.block
                    .text
                    .split('\t')
                    .map(collapse)
                    .collect::<Vec<_>>()
                    .join("\t")
            } else {
                collapse(&d.block.text)
            };
            (d.block, d.size)
        })
        .filter(|(b, _)| !b.text.is_empty() || b.label.is_some())
        .collect()
}
