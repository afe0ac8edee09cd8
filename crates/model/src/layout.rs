//! Page layout: positioned lines of text, as a reader sees them.
//!
//! All coordinates are PDF user-space points (1/72 inch), origin at the bottom-left of
//! the page's media box as displayed (turned by the page's `/Rotate`, PDF 32000-1
//! §7.7.3.3), y growing upwards (§8.3.2.3).

/// A font as the layout needs to know it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FontInfo {
    /// PostScript base name without subset prefix, e.g. `TimesNewRomanPSMT`.
    pub name: String,
    /// Bold face (name contains `Bold`, descriptor weight ≥ 600, or fake bold by stroke).
    pub bold: bool,
    /// Italic or oblique face.
    pub italic: bool,
}

/// A run of glyphs on one line in one font, size and baseline. The default is an empty
/// span at the origin (what a span moved out of a line leaves behind).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Span {
    /// Unicode text of the run; spaces between words included.
    pub text: String,
    /// Left edge, points.
    pub x0: f32,
    /// Right edge (origin of the last glyph plus its advance), points.
    pub x1: f32,
    /// Baseline y, points.
    pub baseline: f32,
    /// Font size in effect, points (text size scaled by text and CTM matrices).
    pub size: f32,
    /// Index into [`Layout::fonts`].
    pub font: usize,
    /// Advance width from the span's left edge to its first line-break opportunity
    /// (Unicode Standard Annex #14), trailing spaces left out, points: the least a
    /// typesetter must fit on a line to start this text there (a word, or a Chinese
    /// character with the closing punctuation that may not begin a line). The span's
    /// whole width when it holds no opportunity (the word goes on in the next span);
    /// 0 when the reader did not measure it.
    pub lead: f32,
}

/// One text line: spans sharing a baseline (within tolerance), left to right.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The spans, left to right. Never empty.
    pub spans: Vec<Span>,
    /// Left edge, points.
    pub x0: f32,
    /// Right edge, points.
    pub x1: f32,
    /// Baseline of the line's dominant (largest) text, points.
    pub baseline: f32,
    /// Dominant font size of the line (the size covering most characters), points.
    pub size: f32,
    /// Direction of the text on the displayed page, counterclockwise from left-to-right:
    /// 0, 90 (text runs upwards), 180 or 270 (runs downwards, as vertical writing does).
    /// For a line that is not at 0, `x0`, `x1` and `baseline` are coordinates in the
    /// page turned so that the line reads left to right (x along the line, y across).
    pub rotation: u16,
    /// A column of vertical writing (PDF 32000-1 §9.7.4.3, WMode 1): characters run
    /// top to bottom, columns follow each other right to left; `rotation` is 270.
    pub vertical: bool,
}

impl Line {
    /// [`Line::text`] borrowed from the span when the line is one span (most are), so
    /// that reading a line's text allocates nothing.
    pub fn text_cow(&self) -> std::borrow::Cow<'_, str> {
        match self.spans.as_slice() {
            [one] => std::borrow::Cow::Borrowed(one.text.as_str()),
            _ => std::borrow::Cow::Owned(self.text()),
        }
    }

    /// The line's text: spans joined as laid out (spaces already resolved).
    pub fn text(&self) -> String {
        let mut text = String::with_capacity(self.spans.iter().map(|s| s.text.len()).sum());
        for span in &self.spans {
            text.push_str(&span.text);
        }
        text
    }
}

/// A horizontal rule (stroked line or thin filled rectangle), e.g. a footnote separator.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Left end, points.
    pub x0: f32,
    /// Right end, points.
    pub x1: f32,
    /// Vertical position, points.
    pub y: f32,
}

/// One page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    /// 1-based page number.
    pub number: u32,
    /// Page width as displayed, points (media box, turned by the page's `/Rotate`).
    pub width: f32,
    /// Page height as displayed, points.
    pub height: f32,
    /// Lines in reading order: the upright lines top to bottom, then each group of
    /// lines in another direction (most text first), in that direction's own order.
    pub lines: Vec<Line>,
    /// Horizontal rules on the page.
    pub rules: Vec<Rule>,
}

/// A whole document's layout, as read from a PDF (or built by another reader).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layout {
    /// Pages in order.
    pub pages: Vec<Page>,
    /// Fonts referenced by [`Span::font`].
    pub fonts: Vec<FontInfo>,
    /// The producer named in the document information dictionary, if any.
    pub producer: Option<String>,
    /// Glyphs whose character code could not be mapped to Unicode (emitted as U+FFFD).
    pub undecodable_glyphs: u64,
    /// Recoverable problems met while reading, one sentence each.
    pub warnings: Vec<String>,
}
