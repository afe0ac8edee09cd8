//! The content-stream interpreter: every operator dispatched in one `match`
//! ([`Interpreter::operation`]), text showing in [`Interpreter::show`], paths in
//! [`Interpreter::paint`]. Operators are those of PDF 32000-1 Annex A; text operators
//! §9.4, path operators §8.5, `Do` on Form XObjects §8.10.

use std::collections::HashMap;
use std::sync::Arc;

use crate::content;
use crate::font::widths::{deref, number};
use crate::font::{Decoded, Font, FontCache};
use crate::lexer::{Item, Lexer, Operation};
use crate::rules::{self, FillRule, Rect};
use crate::sink::{Glyph, GlyphSink};
use crate::state::{GraphicsState, Matrix, TextState};
use lopdf::{Dictionary, Document, Object, ObjectId};
use smol_str::SmolStr;

/// Deepest nesting of Form XObjects followed; deeper ones are skipped with a warning.
const MAX_FORM_DEPTH: usize = 12;
/// Most glyphs kept from one page: a guard against memory exhaustion by a small file
/// that shows millions of characters (real pages have at most some 10 000; each glyph
/// costs about 150 bytes until the page's lines are built).
const MAX_GLYPHS: usize = 1_000_000;

/// Most operations interpreted on one page (content streams plus forms): a guard against
/// hostile inputs, far above any real page (the corpus' densest has ~40,000).
const MAX_OPERATIONS: usize = 5_000_000;

/// Resource dictionaries searched in order (the nearest first).
#[derive(Clone)]
pub(crate) struct Resources<'a> {
    pub dicts: Vec<&'a Dictionary>,
}

impl<'a> Resources<'a> {
    fn lookup(&self, doc: &'a Document, category: &[u8], name: &[u8]) -> Option<&'a Object> {
        self.dicts
            .iter()
            .find_map(|d| match d.get(category).ok().map(|o| deref(doc, o)) {
                Some(Object::Dictionary(cat)) => cat.get(name).ok(),
                _ => None,
            })
    }
}

/// Interprets the content streams of one page.
pub(crate) struct Interpreter<'a, S: GlyphSink> {
    doc: &'a Document,
    fonts: &'a FontCache,
    sink: &'a mut S,
    gs: GraphicsState,
    stack: Vec<GraphicsState>,
    tm: Matrix,
    tlm: Matrix,
    /// Current path as line segments in user space.
    segments: Vec<(f32, f32, f32, f32)>,
    /// Rectangles of the current path in user space.
    rects: Vec<Rect>,
    current: (f32, f32),
    subpath_start: (f32, f32),
    forms: Vec<ObjectId>,
    operations: usize,
    /// Glyphs shown so far on this page.
    glyphs: usize,
    /// Glyphs whose code mapped to no Unicode.
    pub undecodable: u64,
    /// Undecodable glyphs per font index (reported once per font by the reader).
    pub undecodable_by_font: HashMap<usize, u64>,
    /// Problems met on this page.
    pub warnings: Vec<String>,
}

impl<'a, S: GlyphSink> Interpreter<'a, S> {
    pub(crate) fn new(doc: &'a Document, fonts: &'a FontCache, sink: &'a mut S) -> Self {
        Interpreter {
            doc,
            fonts,
            sink,
            gs: GraphicsState {
                ctm: Matrix::IDENTITY,
                text: TextState::default(),
            },
            stack: Vec::new(),
            tm: Matrix::IDENTITY,
            tlm: Matrix::IDENTITY,
            segments: Vec::new(),
            rects: Vec::new(),
            current: (0.0, 0.0),
            subpath_start: (0.0, 0.0),
            forms: Vec::new(),
            operations: 0,
            glyphs: 0,
            undecodable: 0,
            undecodable_by_font: HashMap::new(),
            warnings: Vec::new(),
        }
    }

    /// Interprets a decoded content stream with its resources. Parse errors stop the
    /// stream where they occur, keeping what came before, with a warning.
    pub(crate) fn run(&mut self, content: &[u8], resources: &Resources<'a>) {
        let mut lexer = Lexer::new(content);
        while let Some(op) = lexer.next_operation() {
            match op {
                Ok(op) => {
                    self.operations += 1;
                    if self.operations > MAX_OPERATIONS {
                        // Reported once, by the outermost stream to reach the limit.
                        if self.operations == MAX_OPERATIONS + 1 {
                            self.warnings.push(format!(
                                "more than {MAX_OPERATIONS} operations: rest of the page skipped"
                            ));
                        }
                        return;
                    }
                    self.operation(&op, resources);
                }
                Err(e) => {
                    self.warnings.push(format!(
                        "content stream damaged ({e}): rest of the stream skipped"
                    ));
                    return;
                }
            }
        }
    }

    fn operation(&mut self, op: &Operation<'_>, res: &Resources<'a>) {
        match op.operator {
            b"q" => self.stack.push(self.gs.clone()),
            b"Q" => {
                if let Some(gs) = self.stack.pop() {
                    self.gs = gs;
                }
            }
            b"cm" => {
                if let Some(m) = op.numbers::<6>() {
                    self.gs.ctm = Matrix::new(m).then(&self.gs.ctm);
                }
            }
            b"BT" => {
                self.tm = Matrix::IDENTITY;
                self.tlm = Matrix::IDENTITY;
            }
            b"ET" => {}
            b"Tm" => {
                if let Some(m) = op.numbers::<6>() {
                    self.tm = Matrix::new(m);
                    self.tlm = self.tm;
                }
            }
            b"Td" => {
                if let Some([tx, ty]) = op.numbers::<2>() {
                    self.next_line(tx, ty);
                }
            }
            b"TD" => {
                if let Some([tx, ty]) = op.numbers::<2>() {
                    self.gs.text.leading = -ty;
                    self.next_line(tx, ty);
                }
            }
            b"T*" => self.next_line(0.0, -self.gs.text.leading),
            b"TL" => self.set(op, |t, [v]| t.leading = v),
            b"Tc" => self.set(op, |t, [v]| t.char_spacing = v),
            b"Tw" => self.set(op, |t, [v]| t.word_spacing = v),
            b"Tz" => self.set(op, |t, [v]| t.horizontal_scaling = v / 100.0),
            b"Ts" => self.set(op, |t, [v]| t.rise = v),
            b"Tr" => self.set(op, |t, [v]| t.render_mode = v as i64),
            b"Tf" => self.set_font(op, res),
            b"Tj" => {
                if let Some(s) = op.last().and_then(|i| op.string(i)) {
                    self.show(s);
                }
            }
            b"'" => {
                self.next_line(0.0, -self.gs.text.leading);
                if let Some(s) = op.last().and_then(|i| op.string(i)) {
                    self.show(s);
                }
            }
            b"\"" => {
                if let Some(s) = op.string(2) {
                    if let (Some(aw), Some(ac)) = (op.number(0), op.number(1)) {
                        self.gs.text.word_spacing = aw;
                        self.gs.text.char_spacing = ac;
                    }
                    self.next_line(0.0, -self.gs.text.leading);
                    self.show(s);
                }
            }
            b"TJ" => {
                if let Some(items) = op.last().and_then(|i| op.array(i)) {
                    for item in items {
                        match item {
                            Item::Str(s) => self.show(s),
                            Item::Number(n) => self.kern(n),
                            Item::Other => {}
                        }
                    }
                }
            }
            b"Do" => {
                if let Some(name) = op.last().and_then(|i| op.name(i)) {
                    self.form(name, res);
                }
            }
            b"m" => {
                if let Some([x, y]) = op.numbers::<2>() {
                    self.current = self.gs.ctm.apply(x, y);
                    self.subpath_start = self.current;
                }
            }
            b"l" => {
                if let Some([x, y]) = op.numbers::<2>() {
                    let p = self.gs.ctm.apply(x, y);
                    self.segments
                        .push((self.current.0, self.current.1, p.0, p.1));
                    self.current = p;
                }
            }
            b"h" => {
                let (s, c) = (self.subpath_start, self.current);
                self.segments.push((c.0, c.1, s.0, s.1));
                self.current = s;
            }
            b"re" => {
                if let Some([x, y, w, h]) = op.numbers::<4>() {
                    let m = &self.gs.ctm;
                    let (x0, y0) = m.apply(x, y);
                    let (x1, y1) = m.apply(x + w, y + h);
                    // Counterclockwise for w, h > 0 (§8.5.2.1), turned by a negative
                    // side or a mirroring matrix.
                    let turned = ((w < 0.0) ^ (h < 0.0)) ^ (m.a * m.d - m.b * m.c < 0.0);
                    self.rects.push(Rect {
                        x0: x0.min(x1),
                        y0: y0.min(y1),
                        x1: x0.max(x1),
                        y1: y0.max(y1),
                        winding: if turned { -1 } else { 1 },
                    });
                    self.current = (x0, y0);
                    self.subpath_start = self.current;
                }
            }
            b"S" | b"s" => self.paint(true, None),
            b"f" | b"F" => self.paint(false, Some(FillRule::NonZero)),
            b"f*" => self.paint(false, Some(FillRule::EvenOdd)),
            b"B" | b"b" => self.paint(true, Some(FillRule::NonZero)),
            b"B*" | b"b*" => self.paint(true, Some(FillRule::EvenOdd)),
            b"n" => self.paint(false, None),
            _ => {}
        }
    }

    fn set<const N: usize>(
        &mut self,
        op: &Operation<'_>,
        f: impl FnOnce(&mut TextState, [f32; N]),
    ) {
        if let Some(v) = op.numbers::<N>() {
            f(&mut self.gs.text, v);
        }
    }

    fn set_font(&mut self, op: &Operation<'_>, res: &Resources<'a>) {
        let (Some(name), Some(size)) = (op.name(0), op.number(1)) else {
            return;
        };
        self.gs.text.size = size;
        self.gs.text.font = match res.lookup(self.doc, b"Font", name) {
            Some(obj) => self.fonts.get(obj, self.doc),
            None => None,
        };
        if self.gs.text.font.is_none() {
            self.warnings.push(format!(
                "font {} not found in the page resources: its text is undecodable",
                String::from_utf8_lossy(name)
            ));
        }
    }

    fn next_line(&mut self, tx: f32, ty: f32) {
        self.tlm = Matrix::translate(tx, ty).then(&self.tlm);
        self.tm = self.tlm;
    }

    /// A `TJ` number: moves the text position by `-n/1000 × size × Th` (§9.4.3).
    fn kern(&mut self, n: f32) {
        let t = &self.gs.text;
        let vertical = t.font.as_ref().is_some_and(|f| f.vertical);
        let d = -n / 1000.0 * t.size;
        if vertical {
            self.tm.advance(0.0, d);
        } else {
            self.tm.advance(d * t.horizontal_scaling, 0.0);
        }
    }

    /// Shows a string: decodes its codes and emits one glyph each (§9.4.4).
    fn show(&mut self, bytes: &[u8]) {
        let Some(font) = self.gs.text.font.clone() else {
            self.undecodable += bytes.len() as u64;
            return;
        };
        let room = MAX_GLYPHS.saturating_sub(self.glyphs);
        if room == 0 {
            return;
        }
        // Within one string only the text matrix's translation changes, so the text
        // rendering matrix's scales and direction are the same for all its glyphs.
        let trm = Matrix::translate(0.0, self.gs.text.rise)
            .then(&self.tm)
            .then(&self.gs.ctm);
        let t = &self.gs.text;
        let size = t.size * trm.vertical_scale();
        let hscale = trm.horizontal_scale();
        let space_width = font.space_width / 1000.0 * size.abs();
        let shape = Shape {
            size,
            hscale,
            quadrant: quadrant(&trm, font.vertical),
            space_width,
            letter_spacing: letter_spacing(
                t.char_spacing * t.horizontal_scaling * hscale,
                space_width,
                font.vertical,
            ),
            stroked: t.render_mode == 2,
        };
        let doc = self.doc;
        self.glyphs += font.decode(bytes, room, doc, |d| self.emit(&font, d, &shape));
        if self.glyphs >= MAX_GLYPHS {
            self.warnings.push(format!(
                "more than {MAX_GLYPHS} glyphs: the rest of the page's text skipped"
            ));
        }
    }

    fn emit(&mut self, font: &Arc<Font>, d: &Decoded, shape: &Shape) {
        let t = &self.gs.text;
        // The origin of the text rendering matrix (§9.4.4): (0, rise) in text space.
        let (tx, ty) = self.tm.apply(0.0, t.rise);
        let (x, y) = self.gs.ctm.apply(tx, ty);
        let (size, hscale) = (shape.size, shape.hscale);
        let glyph_w = d.width / 1000.0 * t.size;
        let spacing = t.char_spacing + if d.word_space { t.word_spacing } else { 0.0 };
        let blank = d.blank;
        let text = match &d.text {
            Some(s) => s.clone(),
            None => {
                self.undecodable += 1;
                *self.undecodable_by_font.entry(font.index).or_default() += 1;
                SmolStr::new_static("\u{FFFD}")
            }
        };
        let advance = if font.vertical {
            size
        } else {
            glyph_w * t.horizontal_scaling * hscale
        };
        let space_width = shape.space_width;
        // A glyph that is no text (a justification kashida): it only moves the pen.
        let drawn = !text.is_empty();
        if drawn {
            self.sink.glyph(Glyph {
                blank,
                // An undecodable code shows U+FFFD, no letter.
                letters: d.letters,
                text,
                x,
                y,
                advance: advance.abs(),
                letter_spacing: shape.letter_spacing,
                size: size.abs(),
                font: font.index,
                space_width,
                stroked: shape.stroked,
                quadrant: shape.quadrant,
                vertical: font.vertical,
            });
        }
        if font.vertical {
            // Vertical writing: default vertical metrics advance one em downwards (§9.7.4.3).
            self.tm.advance(0.0, -(t.size + spacing));
        } else {
            self.tm
                .advance((glyph_w + spacing) * t.horizontal_scaling, 0.0);
        }
    }

    /// Paints the current path: what it shows as horizontal rules goes to the sink
    /// ([`rules::of_path`]); then the path is cleared.
    fn paint(&mut self, stroke: bool, fill: Option<FillRule>) {
        for rule in rules::of_path(&self.segments, &self.rects, stroke, fill) {
            self.sink.rule(rule);
        }
        self.segments.clear();
        self.rects.clear();
    }

    /// `Do`: interprets a Form XObject with its matrix and resources (§8.10).
    fn form(&mut self, name: &[u8], res: &Resources<'a>) {
        let doc = self.doc;
        let Some(Object::Reference(id)) = res.lookup(doc, b"XObject", name) else {
            return;
        };
        let Ok(Object::Stream(stream)) = doc.get_object(*id) else {
            return;
        };
        if stream
            .dict
            .get(b"Subtype")
            .ok()
            .and_then(|o| o.as_name().ok())
            != Some(b"Form")
        {
            return;
        }
        if self.forms.contains(id) || self.forms.len() >= MAX_FORM_DEPTH {
            self.warnings.push(format!(
                "form XObject {} {} R nested too deep or in a cycle: skipped",
                id.0, id.1
            ));
            return;
        }
        let content = content::decode(doc, Some(*id), stream, &mut self.warnings);
        let mut inner = res.clone();
        if let Some(Object::Dictionary(d)) =
            stream.dict.get(b"Resources").ok().map(|o| deref(doc, o))
        {
            inner.dicts.insert(0, d);
        }
        let saved = (self.gs.clone(), self.stack.len(), self.tm, self.tlm);
        if let Ok(Object::Array(m)) = stream.dict.get(b"Matrix") {
            let v: Vec<f32> = m.iter().filter_map(number).collect();
            if let Ok(v) = <[f32; 6]>::try_from(v) {
                self.gs.ctm = Matrix::new(v).then(&self.gs.ctm);
            }
        }
        self.forms.push(*id);
        self.run(&content, &inner);
        self.forms.pop();
        self.stack.truncate(saved.1);
        self.gs = saved.0;
        self.tm = saved.2;
        self.tlm = saved.3;
    }
}

/// What the text rendering matrix makes of every glyph of one string.
struct Shape {
    /// Font size on the page, points.
    size: f32,
    /// Horizontal scale of the matrix.
    hscale: f32,
    /// See [`quadrant`].
    quadrant: u8,
    /// Width of the font's space at `size`, points ([`Glyph::space_width`]).
    space_width: f32,
    /// [`Glyph::letter_spacing`], points.
    letter_spacing: f32,
    /// Drawn with fill and stroke ([`Glyph::stroked`]).
    stroked: bool,
}

/// The letter spacing of a glyph ([`Glyph::letter_spacing`]) from the character
/// spacing in effect, in points along the baseline (`spacing`, `Tc` scaled to user
/// space). Only tracking counts: positive spacing (negative spacing tightens) no wider
/// than the font's space at that size (`space_width`). Wider spacing positions text —
/// Word spaces table cells apart with 69 pt of it and leader dots with 3 pt at 8.5 pt
/// (`S_2013_220.pdf`, `A_80_590.pdf`), so that its gaps are gaps; letters tracked
/// that wide read as spaced letters. None in vertical writing.
fn letter_spacing(spacing: f32, space_width: f32, vertical: bool) -> f32 {
    if vertical || spacing.is_nan() || spacing <= 0.0 || spacing > space_width {
        0.0
    } else {
        spacing
    }
}

/// The quadrant of the direction text progresses in under the text rendering matrix
/// `trm`: its x axis, or for vertical writing its negative y axis (see [`Glyph::quadrant`]).
fn quadrant(trm: &Matrix, vertical: bool) -> u8 {
    let (dx, dy) = if vertical {
        (-trm.c, -trm.d)
    } else {
        (trm.a, trm.b)
    };
    if !(dx.is_finite() && dy.is_finite()) || (dx == 0.0 && dy == 0.0) {
        return 0;
    }
    // Upright text, nearly every glyph: no arc tangent needed.
    if dy == 0.0 && dx > 0.0 {
        return 0;
    }
    let turns = (dy.atan2(dx) / std::f32::consts::FRAC_PI_2).round() as i32;
    turns.rem_euclid(4) as u8
}
