//! Line building: the glyphs of one page → [`Page`] lines, in reading order.
//!
//! 0. Coordinates are turned into the displayed page (`/Rotate`), and glyphs are grouped
//!    by the direction their text runs in; each group is turned so that it reads left
//!    to right ([`frame`]): upright text, rotated labels, vertical writing (columns
//!    become rows, right to left becomes top to bottom), including vertical writing
//!    set glyph by glyph with a horizontal font ([`stacked`]).
//! 1. Glyphs are clustered into rows by baseline ([`rows`]).
//! 2. Rows of small glyphs just above a row (superscripts: footnote markers) join it;
//!    a row that holds lines set beside each other is split into them ([`strands`]).
//! 3. Each row becomes a [`Line`] of spans, with word spaces resolved ([`spans`]).
//! 4. Lines are put in reading order, side-by-side blocks one after the other ([`order`]).

mod bidi;
mod frame;
mod order;
mod rows;
mod runs;
mod spans;
mod stacked;
mod strands;

use unpara_model::{Line, Page, Rule};

use crate::sink::{Glyph, PageSink};
use frame::Frame;

/// The visible box and `/Rotate` of a page.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PageBox {
    /// What a viewer shows: the crop box reduced to the media box, `[x0 y0 x1 y1]` with
    /// `x0 ≤ x1`, `y0 ≤ y1`, points of default user space (PDF 32000-1 §14.11.2).
    pub visible: [f32; 4],
    /// `/Rotate`, degrees clockwise (a multiple of 90; others are ignored).
    pub rotate: i64,
}

impl PageBox {
    /// Whether a point of default user space lies in the visible box, edges included.
    fn shows(&self, x: f32, y: f32) -> bool {
        let [x0, y0, x1, y1] = self.visible;
        (x0..=x1).contains(&x) && (y0..=y1).contains(&y)
    }
}

/// Keeps what lies in the page's visible box, as pdftotext does: glyphs whose origin is
/// outside it (printer's marks, slug text) are dropped, and rules are cut to it (crop
/// marks drawn beyond it vanish). Returns how many visible glyphs were dropped (space
/// glyphs are not counted).
pub(crate) fn clip(sink: &mut PageSink, page_box: &PageBox) -> usize {
    let mut dropped = 0;
    sink.glyphs.retain(|g| {
        let keep = page_box.shows(g.x, g.y);
        if !keep && !g.blank {
            dropped += 1;
        }
        keep
    });
    let [x0, y0, x1, y1] = page_box.visible;
    sink.rules.retain_mut(|r| {
        r.x0 = r.x0.max(x0);
        r.x1 = r.x1.min(x1);
        r.x0 < r.x1 && (y0..=y1).contains(&r.y)
    });
    dropped
}

/// Builds a page from what its content streams drew; also returns how many glyphs of
/// right-to-left rows were read as justification kashida and left out
/// ([`bidi::is_kashida`]).
pub(crate) fn build_page(number: u32, page_box: PageBox, sink: PageSink) -> (Page, usize) {
    let display = Frame::display(page_box);
    let (width, height) = display.size();
    let mut glyphs = sink.glyphs;
    for g in &mut glyphs {
        let (x, y) = display.apply(g.x, g.y);
        g.x = x;
        g.y = y;
        g.quadrant = display.turn_quadrant(g.quadrant);
    }
    stacked::restack(&mut glyphs);
    let mut groups: [Vec<Glyph>; 4] = Default::default();
    if glyphs.iter().all(|g| g.quadrant == 0) {
        groups[0] = glyphs;
    } else {
        for g in glyphs {
            if let Some(group) = groups.get_mut(usize::from(g.quadrant)) {
                group.push(g);
            }
        }
    }
    let mut kashida = 0usize;
    let mut upright_lines: Vec<Line> = Vec::new();
    let mut others: Vec<(f32, Vec<Line>)> = Vec::new();
    for (q, group) in groups.into_iter().enumerate() {
        if group.is_empty() {
            continue;
        }
        let quadrant = q as u8;
        let lines = direction_lines(group, quadrant, &mut kashida);
        if quadrant == 0 {
            upright_lines = lines;
        } else {
            let top = lines
                .iter()
                .map(|l| frame::display_start(quadrant, l))
                .fold(f32::MIN, f32::max);
            others.push((top, lines));
        }
    }
    // Text in other directions goes before the first upright line below the point where
    // its reading starts, so a column of vertical writing under a heading follows it.
    others.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut lines: Vec<Line> = Vec::with_capacity(upright_lines.len());
    let mut pending = others.into_iter().peekable();
    for line in upright_lines {
        let top = frame::display_start(0, &line);
        while let Some((_, group)) = pending.next_if(|(t, _)| *t > top) {
            lines.extend(group);
        }
        lines.push(line);
    }
    for (_, group) in pending {
        lines.extend(group);
    }
    let rules = sink
        .rules
        .into_iter()
        .filter_map(|r| {
            let (x0, y0) = display.apply(r.x0, r.y);
            let (x1, y1) = display.apply(r.x1, r.y);
            // Only rules that are horizontal on the displayed page.
            ((y0 - y1).abs() < 0.5).then(|| Rule {
                x0: x0.min(x1),
                x1: x0.max(x1),
                y: (y0 + y1) / 2.0,
            })
        })
        .collect();
    (
        Page {
            number,
            width,
            height,
            lines,
            rules,
        },
        kashida,
    )
}

/// The lines of the glyphs running in one direction, in reading order.
fn direction_lines(mut glyphs: Vec<Glyph>, quadrant: u8, kashida: &mut usize) -> Vec<Line> {
    let vertical = glyphs.iter().filter(|g| g.vertical).count() * 2 > glyphs.len();
    for g in &mut glyphs {
        let (x, y) = frame::upright(quadrant, g.x, g.y);
        g.x = x;
        g.y = y;
    }
    let page_rtl = bidi::is_rtl_row(&glyphs, false);
    let mut edges = spans::Edges::default();
    let rows: Vec<Line> = rows::cluster(glyphs, vertical)
        .into_iter()
        .filter_map(|row| spans::line_of_row(row, page_rtl, kashida, &mut edges))
        .map(|mut l| {
            l.rotation = u16::from(quadrant) * 90;
            l.vertical = vertical;
            l
        })
        .collect();
    order::reading_order(rows)
}
