//! Body lines → draft blocks: a block starts at a recognized label (see
//! [`crate::labels`]), at a heading told by its words, at a table row, or where the
//! layout breaks ([`crate::breaks`]); anything else continues the current block,
//! across page breaks and the footnotes between them. What each block *is* (paragraph,
//! item, heading, list line) is decided afterwards, with the whole document in view
//! ([`crate::numbering`]).

use unpara_model::Lang;

use crate::body::BodyLine;
use crate::breaks::{centred, starts_block, BlockShape};
use crate::headings::pattern_heading;
use crate::labels::{recognize, Label, LabelKind};
use crate::measure::Measures;
use crate::tables::{self, RowKind};
use crate::text::append_line;

/// A block shows it is justified when at least this many lines before its last end at
/// the right edge.
const MIN_JUSTIFIED_LINES: usize = 1;

/// A block being built.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    /// The label it starts with, if any.
    pub label: Option<Label>,
    /// Its text after the label.
    pub text: String,
    /// Its whole text with the label, for when the label turns out not to be one.
    pub raw: String,
    /// Pages it is printed on.
    pub pages: Vec<u32>,
    /// Footnote markers referenced from it.
    pub refs: Vec<String>,
    /// Number of lines.
    pub lines: usize,
    /// Its first line (typography, position).
    pub first: BodyLine,
    /// All its lines are bold.
    pub bold: bool,
    /// Cells of a table row: `(left edge, text)`.
    pub cells: Option<Vec<(f32, String)>>,
    /// An entry of a list of contents (dot leaders to a page number).
    pub contents: bool,
    /// Left edge of its continuation lines.
    continuation_x0: Option<f32>,
    /// Nothing more joins it (a heading told by its words stands alone).
    closed: bool,
    /// Its last line runs to the right edge; how many lines before it all did.
    last_full: bool,
    full_before_last: usize,
    /// What began it: a label, a layout cue ([`starts_block`]), a table row.
    pub cue: &'static str,
}

impl Draft {
    fn new(line: &BodyLine, label: Option<Label>, lang: Lang) -> Draft {
        let trimmed = line.text.trim_start();
        let rest = label
            .as_ref()
            .and_then(|l| trimmed.get(l.consumed..))
            .unwrap_or(trimmed);
        let mut text = String::new();
        append_line(&mut text, rest, lang);
        let mut raw = String::new();
        append_line(&mut raw, trimmed, lang);
        Draft {
            label,
            text,
            raw,
            pages: vec![line.page],
            refs: line.refs.clone(),
            lines: 1,
            first: line.clone(),
            bold: line.bold,
            cells: None,
            contents: false,
            continuation_x0: None,
            closed: false,
            last_full: crate::breaks::full(line),
            full_before_last: 0,
            cue: "first",
        }
    }

    fn push(&mut self, line: &BodyLine, lang: Lang) {
        append_line(&mut self.text, &line.text, lang);
        append_line(&mut self.raw, &line.text, lang);
        if self.pages.last() != Some(&line.page) {
            self.pages.push(line.page);
        }
        self.refs.extend(line.refs.iter().cloned());
        self.lines += 1;
        self.bold &= line.bold;
        self.full_before_last += usize::from(self.last_full);
        self.last_full = crate::breaks::full(line);
        if self.continuation_x0.is_none() {
            self.continuation_x0 = Some(line.x0);
        }
    }

    fn shape(&self) -> BlockShape {
        BlockShape {
            continuation_x0: self.continuation_x0,
            preambular: crate::breaks::opens_preambular(&self.raw),
            justified: self.lines > MIN_JUSTIFIED_LINES && self.full_before_last + 1 == self.lines,
        }
    }

    /// The text as the block will show it: a table row's cells joined by tabs.
    pub(crate) fn shown_text(&self) -> String {
        match &self.cells {
            Some(cells) => cells
                .iter()
                .map(|(_, t)| crate::text::collapse(t))
                .collect::<Vec<_>>()
                .join("\t"),
            None if self.contents => crate::tables::contents_text(&self.text),
            None => crate::text::collapse(&self.text),
        }
    }
}

/// Builds the draft blocks of body lines in reading order.
pub(crate) fn build(lines: &[BodyLine], lang: Lang, m: &Measures) -> Vec<Draft> {
    let rows = tables::row_kinds(lines);
    let mut drafts: Vec<Draft> = Vec::new();
    let mut previous_letter: Option<char> = None;
    let mut last_number = 0u32;
    let mut last_small_roman = 0u32;
    let mut prev: Option<&BodyLine> = None;
    for (line, row) in lines.iter().zip(rows) {
        match row {
            RowKind::Table => {
                drafts.push(table_row(line, lang));
                prev = Some(line);
                continue;
            }
            RowKind::CellContinuation => {
                if let Some(cells) = drafts.last_mut().and_then(|d| d.cells.as_mut()) {
                    tables::continue_cell(cells, line);
                    if let Some(d) = drafts.last_mut() {
                        d.lines += 1;
                        d.refs.extend(line.refs.iter().cloned());
                        if d.pages.last() != Some(&line.page) {
                            d.pages.push(line.page);
                        }
                    }
                    prev = Some(line);
                    continue;
                }
            }
            RowKind::Contents => {
                let label = recognize(line.text.trim_start(), None);
                let mut d = Draft::new(line, label, lang);
                d.contents = true;
                d.cue = "contents";
                drafts.push(d);
                prev = Some(line);
                continue;
            }
            RowKind::Text => {}
        }
        let current = drafts
            .last()
            .filter(|d| d.cells.is_none() && !d.contents && !d.closed);
        let cue = match (prev, current) {
            (Some(p), Some(d)) => starts_block(p, line, d.shape(), m),
            _ => Some("no block to continue"),
        };
        let layout_break = cue.is_some();
        // A label begins a block where the layout breaks, on a new page, or where a tab
        // sets it apart from its text (`(a)<tab>…`); after a line ending a sentence, the
        // next paragraph number begins one too (even leading, no indent, a full last
        // line). Any other label-like start run on in a paragraph's line (`… net impact
        // of: (a) reduced …`) is text.
        let label_cell = line.cells.len() > 1
            && line
                .cells
                .first()
                .is_some_and(|c| crate::tables::is_label_cell(&c.2));
        let may_label = layout_break
            || label_cell
            || prev.is_none_or(|p| p.page != line.page || p.flow.is_some());
        let trimmed = line.text.trim_start();
        let label = if may_label {
            recognize(trimmed, previous_letter)
        } else {
            // Without a cue from the layout, a label opens an item only where it is the
            // next in its sequence and a capitalized word follows it (`(a) Good
            // practices`, not `paragraph 1 (c), of the Convention`).
            recognize(trimmed, previous_letter).filter(|l| {
                let next_number = l.kind == LabelKind::Number(last_number + 1)
                    && prev.is_some_and(BodyLine::ends_clause);
                let opens = trimmed
                    .get(l.consumed..)
                    .and_then(|t| t.chars().next())
                    .is_some_and(|c| c.is_uppercase() || unpara_model::is_cjk(c));
                let after_heading_line = prev.is_some_and(|p| p.bold || centred(p));
                let heading_label = matches!(l.kind, LabelKind::Roman(_) | LabelKind::Capital(_));
                next_number
                    || (opens
                        && (next_in_sequence(&l.kind, previous_letter, last_small_roman)
                            || (heading_label && after_heading_line)))
            })
        };
        if let Some(LabelKind::SmallRoman(n)) = label.as_ref().map(|l| &l.kind) {
            last_small_roman = *n;
        }
        if let Some(LabelKind::Number(n)) = label.as_ref().map(|l| &l.kind) {
            last_number = last_number.max(*n);
        }
        let words_heading = label.is_none() && pattern_heading(trimmed).is_some();
        if let Some(label) = label {
            if let LabelKind::Letter(c) = label.kind {
                previous_letter = Some(c);
            }
            let mut d = Draft::new(line, Some(label), lang);
            d.cue = "label";
            drafts.push(d);
        } else if (may_label && words_heading) || layout_break || current.is_none() {
            let mut d = Draft::new(line, None, lang);
            d.cue = cue.unwrap_or("heading words");
            drafts.push(d);
        } else if let Some(d) = drafts.last_mut() {
            d.push(line, lang);
        }
        // A heading told by its words stands alone: what follows begins a new block.
        if words_heading {
            if let Some(d) = drafts.last_mut() {
                d.closed = true;
            }
        }
        prev = Some(line);
    }
    drafts
}

/// Whether a label continues the sequence of sub-labels: a first item `(a)`, `(i)`,
/// `(1)`, or the letter or numeral after the last one.
fn next_in_sequence(kind: &LabelKind, previous_letter: Option<char>, last_roman: u32) -> bool {
    match kind {
        LabelKind::Letter(c) => {
            *c == 'a' || previous_letter.and_then(|p| char::from_u32(p as u32 + 1)) == Some(*c)
        }
        LabelKind::SmallRoman(n) => *n == 1 || *n == last_roman + 1,
        LabelKind::ParenNumber(n) => *n == 1,
        _ => false,
    }
}

fn table_row(line: &BodyLine, lang: Lang) -> Draft {
    let mut d = Draft::new(line, None, lang);
    d.cue = "table row";
    d.cells = Some(if line.table_row {
        line.text
            .split('\t')
            .map(|c| (0.0, c.trim().to_string()))
            .collect()
    } else {
        line.cells
            .iter()
            .map(|(x0, _, t)| (*x0, t.clone()))
            .collect()
    });
    d
}
