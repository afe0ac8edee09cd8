//! What the interpreter emits: positioned glyphs and horizontal rules.

use smol_str::SmolStr;
use unpara_model::{script_of, Rule, Script};

/// One glyph, positioned in user space (points, y up).
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Unicode text (U+FFFD when undecodable; may be several characters for ligatures),
    /// held inline up to 23 bytes.
    pub text: SmolStr,
    /// The text is white space only (a space glyph): what line building asks of every
    /// glyph many times, answered once. Set with the text by [`Glyph::blank_text`].
    pub blank: bool,
    /// Origin x, points.
    pub x: f32,
    /// Origin y (baseline, including text rise), points.
    pub y: f32,
    /// Advance along the baseline, points.
    pub advance: f32,
    /// Character spacing (`Tc`, PDF 32000-1 §9.3.2) the glyph is followed by, points
    /// along the baseline; 0 when not positive. Letter-spaced text (a tracked heading)
    /// leaves this gap between its letters: it is no word space.
    pub letter_spacing: f32,
    /// Font size in effect, points.
    pub size: f32,
    /// Index into the document's font table.
    pub font: usize,
    /// Width of the font's space glyph at this size, points.
    pub space_width: f32,
    /// Drawn with fill and stroke (`Tr` 2), the usual fake bold.
    pub stroked: bool,
    /// Direction the text progresses in user space, in quarter turns counterclockwise
    /// from +x: 0 → right (ordinary text), 1 → up, 2 → left (upside down), 3 → down
    /// (vertical writing, or text rotated clockwise). From the text rendering matrix
    /// (PDF 32000-1 §9.4.4), rounded to the nearest quarter turn.
    pub quadrant: u8,
    /// Shown by a font in vertical writing mode (WMode 1, PDF 32000-1 §9.7.4.3).
    pub vertical: bool,
    /// Letters of the text that run right to left and left to right
    /// ([`Glyph::letters`]): what the direction of a row is decided by, counted once
    /// per font code instead of for every glyph of every row.
    pub letters: Letters,
}

/// Letters of a text by direction: Arabic, and of the other scripts
/// [`unpara_model::script_of`] names (Latin, Cyrillic, Han); digits, punctuation and
/// spaces are neither.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Letters {
    /// Arabic letters.
    pub rtl: u16,
    /// Latin, Cyrillic and Han letters.
    pub ltr: u16,
}

impl Glyph {
    /// Whether `text` is white space only (or empty), as [`Glyph::blank`] holds it.
    pub fn blank_text(text: &str) -> bool {
        text.chars().all(char::is_whitespace)
    }

    /// The letters of `text` by direction, as [`Glyph::letters`] holds them (counts
    /// saturate at `u16::MAX`).
    pub fn letters(text: &str) -> Letters {
        let mut n = Letters::default();
        for c in text.chars() {
            match script_of(c) {
                Some(Script::Arabic) => n.rtl = n.rtl.saturating_add(1),
                Some(_) => n.ltr = n.ltr.saturating_add(1),
                None => {}
            }
        }
        n
    }
}

#[cfg(test)]
impl Glyph {
    /// A 10-point glyph one em wide at (`x`, `y`), upright, for layout tests.
    pub(crate) fn at(text: &str, x: f32, y: f32) -> Glyph {
        Glyph {
            text: text.into(),
            blank: Glyph::blank_text(text),
            letters: Glyph::letters(text),
            x,
            y,
            advance: 10.0,
            letter_spacing: 0.0,
            size: 10.0,
            font: 0,
            space_width: 2.5,
            stroked: false,
            quadrant: 0,
            vertical: false,
        }
    }
}

/// Receives what a content stream draws.
pub trait GlyphSink {
    /// A glyph was shown.
    fn glyph(&mut self, glyph: Glyph);
    /// A horizontal rule was drawn (stroked segment or thin filled rectangle).
    fn rule(&mut self, rule: Rule);
}

/// Collects everything drawn on a page.
#[derive(Debug, Default, Clone)]
pub struct PageSink {
    /// Glyphs in content-stream order.
    pub glyphs: Vec<Glyph>,
    /// Rules in content-stream order.
    pub rules: Vec<Rule>,
}

/// At most this many glyphs are reserved for a page before its content is read: a
/// dense A4 page of 9-point text shows about 5 000, so one reservation holds almost
/// every page, its vector never grows by copying, and the next page reuses the memory
/// instead of faulting in fresh pages for each doubling (perf, `S_2013_220.pdf`, one
/// thread: page faults of `unpara text` 1 058 → 874, of `unpara extract` 1 937 →
/// 1 143, 7 % of its time). Reserved memory a page does not fill is never touched; the
/// cap (512 KiB of address space, 64-byte glyphs) keeps a huge content stream from reserving more, as
/// `--max-memory` limits the address space.
pub const RESERVED_GLYPHS: usize = 8_192;

/// Content-stream bytes per glyph at the least: a glyph is one byte of a string
/// operand, and a string needs at least its delimiters and an operator besides.
const MIN_BYTES_PER_GLYPH: usize = 2;

impl PageSink {
    /// A sink for a page whose content streams hold `content_bytes` bytes: room for as
    /// many glyphs as they can show, up to [`RESERVED_GLYPHS`].
    pub fn for_content(content_bytes: usize) -> PageSink {
        PageSink {
            glyphs: Vec::with_capacity((content_bytes / MIN_BYTES_PER_GLYPH).min(RESERVED_GLYPHS)),
            rules: Vec::new(),
        }
    }
}

impl PageSink {
    /// [`GlyphSink::glyph`] when the vector is full: it grows (rare: the vector is
    /// reserved for the page, [`RESERVED_GLYPHS`]).
    #[cold]
    #[inline(never)]
    fn grow_and_push(&mut self, glyph: Glyph) {
        self.glyphs.push(glyph);
    }
}

impl GlyphSink for PageSink {
    /// Inlined into the interpreter with the test for room first, so that the path that
    /// has room calls nothing: the glyph's fields are then stored straight into the
    /// vector. A plain `push` could grow (a call), so the glyph was built on the stack
    /// by 4- and 8-byte stores and copied by 16-byte loads, each waiting on store
    /// forwarding (a third of `emit`'s samples on one load; perf annotate,
    /// `S_2013_220.pdf`). `unpara text` of S_2013_220.pdf 11.13 → 10.56 ms, `extract`
    /// 15.50 → 14.82 ms; `extract` of A_RES_73_6.pdf, CAC en.pdf, A_80_590.pdf −4.7 %,
    /// −4.4 %, −2.0 % (one core, medians of 41–61 alternating runs). The cold path
    /// alone (not inlined) or `#[inline(always)]` alone each measured slower.
    #[inline(always)]
    fn glyph(&mut self, glyph: Glyph) {
        if self.glyphs.len() < self.glyphs.capacity() {
            self.glyphs.push(glyph);
        } else {
            self.grow_and_push(glyph);
        }
    }
    fn rule(&mut self, rule: Rule) {
        self.rules.push(rule);
    }
}
