//! Vertical writing set with a horizontal font: CJK glyphs placed one below the other
//! by text positioning (`T*`, `Td`), as typeset Japanese gazettes and newspapers do.
//! Such glyphs are upright on the page yet their text runs downwards, so they are moved
//! to the vertical direction (quadrant 3) before lines are built.
//!
//! Geometry alone cannot tell the direction of text set solid (a grid of characters
//! with no space between columns or rows), so the signal is the order the content
//! stream draws in: a glyph is stacked when the glyph drawn just before or just after
//! it sits directly above or below it.

use std::collections::HashMap;

use unpara_model::is_cjk;

use crate::sink::Glyph;

/// Largest distance between the origins of two stacked glyphs, in ems.
const STACK_PITCH_EM: f32 = 1.6;
/// Tolerance for "same x", in ems.
const SAME_X_EM: f32 = 0.25;
/// Tolerance for "same column" when out-of-sequence glyphs join a column, in ems:
/// producers centre narrow glyphs (kana, punctuation) by shifting them half an em.
const JOIN_X_EM: f32 = 0.6;
/// The page's upright CJK glyphs are restacked only when at least this share of them
/// is stacked (horizontal text is drawn sideways, line after line).
const MIN_STACKED_SHARE: f32 = 0.5;
/// Fewest stacked glyphs that make a page of vertical writing.
const MIN_STACKED: usize = 20;

fn upright_cjk(g: &Glyph) -> bool {
    // CJK characters start at U+2E80, whose UTF-8 form opens with byte 0xE2: a text
    // opening with a smaller byte is none (the test every glyph of a page in another
    // script meets first).
    g.text.as_bytes().first().is_some_and(|&b| b >= 0xE2)
        && g.quadrant == 0
        && g.size > 0.0
        && g.x.is_finite()
        && g.y.is_finite()
        && g.text.chars().next().is_some_and(is_cjk)
}

/// Whether `b` is drawn directly above or below `a`, one character pitch away.
fn stacked_pair(a: &Glyph, b: &Glyph) -> bool {
    let em = a.size.max(b.size);
    let dy = (a.y - b.y).abs();
    upright_cjk(b)
        && (a.x - b.x).abs() <= SAME_X_EM * em
        && dy > 0.5 * em
        && dy <= STACK_PITCH_EM * em
}

/// Moves the stacked CJK glyphs among the upright ones (`quadrant` 0), in
/// content-stream order, to quadrant 3 and marks them vertical; returns how many moved.
pub(crate) fn restack(glyphs: &mut [Glyph]) -> usize {
    // Fewer upright CJK glyphs than a page of vertical writing stacks (every page of a
    // document in another script): nothing to look for.
    if glyphs
        .iter()
        .filter(|g| upright_cjk(g))
        .take(MIN_STACKED)
        .count()
        < MIN_STACKED
    {
        return 0;
    }
    // Skip space glyphs when looking for the previous and next drawn glyph.
    let visible: Vec<usize> = glyphs
        .iter()
        .enumerate()
        .filter(|(_, g)| !g.blank)
        .map(|(i, _)| i)
        .collect();
    let mut stacked = Vec::new();
    let mut total = 0usize;
    for (k, &i) in visible.iter().enumerate() {
        let Some(g) = glyphs.get(i) else { continue };
        if !upright_cjk(g) {
            continue;
        }
        total += 1;
        let neighbour = |j: Option<&usize>| {
            j.and_then(|&j| glyphs.get(j))
                .is_some_and(|o| stacked_pair(g, o))
        };
        if neighbour(k.checked_sub(1).and_then(|p| visible.get(p))) || neighbour(visible.get(k + 1))
        {
            stacked.push(i);
        }
    }
    if stacked.len() < MIN_STACKED || (stacked.len() as f32) < MIN_STACKED_SHARE * total as f32 {
        return 0;
    }
    for &i in &stacked {
        if let Some(g) = glyphs.get_mut(i) {
            g.quadrant = 3;
            g.vertical = true;
        }
    }
    // Glyphs drawn out of sequence (another font in mid-column, a correction) join the
    // column they sit in: an upright CJK glyph directly above or below a glyph that runs
    // downwards is stacked too. A breadth-first walk from the stacked glyphs, each glyph visited
    // once, over a grid of the remaining candidates.
    let mut grid: HashMap<(i32, i32), Vec<usize>> = HashMap::new();
    for (i, g) in glyphs.iter().enumerate() {
        if upright_cjk(g) {
            grid.entry(cells(g)).or_default().push(i);
        }
    }
    // The walk starts from every glyph that runs downwards: those just stacked and
    // those of vertical fonts (a -V font for the punctuation is common).
    let mut queue: std::collections::VecDeque<usize> = glyphs
        .iter()
        .enumerate()
        .filter(|(_, g)| g.quadrant == 3)
        .map(|(i, _)| i)
        .collect();
    let mut moved = stacked.len();
    while let Some(i) = queue.pop_front() {
        let Some(g) = glyphs.get(i) else { continue };
        let (x, y, size) = (g.x, g.y, g.size);
        let (cx, cy) = cells(g);
        let mut joining = Vec::new();
        for dx in -1..=1 {
            for dy in -2..=2 {
                if let Some(v) = grid.get_mut(&(cx + dx, cy + dy)) {
                    v.retain(|&j| {
                        let near = glyphs.get(j).is_some_and(|o| {
                            upright_cjk(o)
                                && (o.x - x).abs() <= JOIN_X_EM * size
                                && (o.y - y).abs() <= STACK_PITCH_EM * size
                        });
                        if near {
                            joining.push(j);
                        }
                        !near
                    });
                }
            }
        }
        for j in joining {
            if let Some(o) = glyphs.get_mut(j) {
                o.quadrant = 3;
                o.vertical = true;
                moved += 1;
                queue.push_back(j);
            }
        }
    }
    moved
}

/// Grid cell of a glyph, cells one em square.
fn cells(g: &Glyph) -> (i32, i32) {
    let em = g.size.max(1.0);
    ((g.x / em).floor() as i32, (g.y / em).floor() as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(text: &str, x: f32, y: f32) -> Glyph {
        Glyph::at(text, x, y)
    }

    #[test]
    fn a_column_drawn_glyph_by_glyph_is_vertical_writing() {
        // Two columns of 15 characters set solid, drawn top to bottom, right column first.
        let mut glyphs: Vec<Glyph> = (0..30)
            .map(|i| {
                glyph(
                    "道",
                    if i < 15 { 110.0 } else { 100.0 },
                    700.0 - 10.0 * (i % 15) as f32,
                )
            })
            .collect();
        assert_eq!(restack(&mut glyphs), 30);
        assert!(glyphs.iter().all(|g| g.quadrant == 3 && g.vertical));
    }

    #[test]
    fn horizontal_chinese_lines_stay_horizontal() {
        // The same grid drawn row by row.
        let mut glyphs: Vec<Glyph> = (0..30)
            .map(|i| {
                glyph(
                    "中",
                    100.0 + 10.0 * (i % 15) as f32,
                    if i < 15 { 700.0 } else { 690.0 },
                )
            })
            .collect();
        assert_eq!(restack(&mut glyphs), 0);
        assert!(glyphs.iter().all(|g| g.quadrant == 0));
    }
}
