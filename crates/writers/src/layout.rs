//! Page text of a [`Layout`]: plain (`unpara text`) and JSON (`unpara text --json`).

use serde::Serialize;
use unpara_model::Layout;

/// The text of every page in reading order, one line per layout line, each page
/// followed by a form feed (U+000C), as `pdftotext` writes it.
pub fn layout_text(layout: &Layout) -> String {
    let mut out = String::new();
    for page in &layout.pages {
        for line in &page.lines {
            for span in &line.spans {
                out.push_str(&span.text);
            }
            out.push('\n');
        }
        out.push('\u{c}');
    }
    out
}

#[derive(Serialize)]
struct LayoutWire<'a> {
    pages: Vec<PageWire<'a>>,
    fonts: Vec<FontWire<'a>>,
    undecodable_glyphs: u64,
    warnings: &'a [String],
}

#[derive(Serialize)]
struct PageWire<'a> {
    number: u32,
    width: f32,
    height: f32,
    lines: Vec<LineWire<'a>>,
}

#[derive(Serialize)]
struct LineWire<'a> {
    text: String,
    x0: f32,
    x1: f32,
    baseline: f32,
    size: f32,
    rotation: u16,
    vertical: bool,
    spans: Vec<SpanWire<'a>>,
}

#[derive(Serialize)]
struct SpanWire<'a> {
    text: &'a str,
    x0: f32,
    x1: f32,
    baseline: f32,
    size: f32,
    font: usize,
}

#[derive(Serialize)]
struct FontWire<'a> {
    name: &'a str,
    bold: bool,
    italic: bool,
}

/// Rounds a coordinate to 0.01 pt so the JSON stays readable.
fn r2(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

/// The layout as JSON: pages with their lines (text, box edges `x0`/`x1` and
/// `baseline` in PDF user-space points from the media box's bottom-left corner,
/// dominant font `size` in points) and spans, the font table, the count of
/// undecodable glyphs and the reader's warnings. Pretty-printed, final newline.
///
/// # Errors
/// [`crate::WriteError::Json`] if serialization fails.
pub fn layout_json(layout: &Layout) -> Result<String, crate::WriteError> {
    let wire = LayoutWire {
        pages: layout
            .pages
            .iter()
            .map(|p| PageWire {
                number: p.number,
                width: r2(p.width),
                height: r2(p.height),
                lines: p
                    .lines
                    .iter()
                    .map(|l| LineWire {
                        text: l.text(),
                        x0: r2(l.x0),
                        x1: r2(l.x1),
                        baseline: r2(l.baseline),
                        size: r2(l.size),
                        rotation: l.rotation,
                        vertical: l.vertical,
                        spans: l
                            .spans
                            .iter()
                            .map(|s| SpanWire {
                                text: &s.text,
                                x0: r2(s.x0),
                                x1: r2(s.x1),
                                baseline: r2(s.baseline),
                                size: r2(s.size),
                                font: s.font,
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
        fonts: layout
            .fonts
            .iter()
            .map(|f| FontWire {
                name: &f.name,
                bold: f.bold,
                italic: f.italic,
            })
            .collect(),
        undecodable_glyphs: layout.undecodable_glyphs,
        warnings: &layout.warnings,
    };
    let mut s = serde_json::to_string_pretty(&wire)?;
    s.push('\n');
    Ok(s)
}
