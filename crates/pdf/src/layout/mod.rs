//! Line building: the glyphs of one page → [`Page`] lines, top to bottom.
//!
//! 1. Glyphs are clustered into rows by baseline ([`rows`]).
//! 2. Rows of small glyphs just above a row (superscripts: footnote markers) join it.
//! 3. Each row becomes a [`Line`] of spans, with word spaces resolved ([`spans`]).

mod rows;
mod spans;

use unpara_model::{Page, Rule};

use crate::sink::PageSink;

/// Builds a page from what its content streams drew. `x0`/`y0` is the media box
/// origin (subtracted from all coordinates); `width`/`height` its size, in points.
pub(crate) fn build_page(
    number: u32,
    x0: f32,
    y0: f32,
    width: f32,
    height: f32,
    sink: PageSink,
) -> Page {
    let mut glyphs = sink.glyphs;
    for g in &mut glyphs {
        g.x -= x0;
        g.y -= y0;
    }
    let rows = rows::cluster(glyphs);
    let lines = rows.into_iter().filter_map(spans::line_of_row).collect();
    let rules = sink
        .rules
        .into_iter()
        .map(|r| Rule {
            x0: r.x0 - x0,
            x1: r.x1 - x0,
            y: r.y - y0,
        })
        .collect();
    Page {
        number,
        width,
        height,
        lines,
        rules,
    }
}
