//! Right-to-left pages, mirrored: a line of Arabic starts at the right edge of the text
//! frame, its first-line indent and its label are at the right, and its last line ends
//! short of the left edge. Mirroring x (x → page width − x) makes every horizontal rule
//! of the structure stage, written for lines that start at the left, hold for them.
//! The readers hand right-to-left lines with their spans in logical order (rightmost
//! first), so after mirroring the spans also run from left to right.

use unpara_model::{Layout, Line, Page, Rule, Span};

/// The layout with every page mirrored about its vertical centre line.
pub(crate) fn mirrored(layout: &Layout) -> Layout {
    Layout {
        pages: layout.pages.iter().map(page).collect(),
        ..layout.clone()
    }
}

fn page(p: &Page) -> Page {
    let w = p.width;
    Page {
        lines: p
            .lines
            .iter()
            .map(|l| Line {
                spans: l
                    .spans
                    .iter()
                    .map(|s| Span {
                        x0: w - s.x1,
                        x1: w - s.x0,
                        ..s.clone()
                    })
                    .collect(),
                x0: w - l.x1,
                x1: w - l.x0,
                ..l.clone()
            })
            .collect(),
        rules: p
            .rules
            .iter()
            .map(|r| Rule {
                x0: w - r.x1,
                x1: w - r.x0,
                ..*r
            })
            .collect(),
        ..p.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mirrors_lines_spans_and_rules() {
        let span = Span {
            text: "نص".into(),
            x0: 400.0,
            x1: 520.0,
            baseline: 700.0,
            size: 12.0,
            font: 0,
            lead: 0.0,
        };
        let layout = Layout {
            pages: vec![Page {
                number: 1,
                width: 600.0,
                height: 800.0,
                lines: vec![Line {
                    spans: vec![span],
                    x0: 400.0,
                    x1: 520.0,
                    baseline: 700.0,
                    size: 12.0,
                    rotation: 0,
                    vertical: false,
                }],
                rules: vec![Rule {
                    x0: 300.0,
                    x1: 520.0,
                    y: 100.0,
                }],
            }],
            ..Layout::default()
        };
        let m = mirrored(&layout);
        let l = &m.pages[0].lines[0];
        assert_eq!(
            (l.x0, l.x1, l.spans[0].x0, l.spans[0].x1),
            (80.0, 200.0, 80.0, 200.0)
        );
        assert_eq!(
            (m.pages[0].rules[0].x0, m.pages[0].rules[0].x1),
            (80.0, 300.0)
        );
    }
}
