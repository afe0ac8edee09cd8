//! Graphics and text state (PDF 32000-1 §8.4 and §9.3).

use std::sync::Arc;

use crate::font::Font;

/// A 3×3 affine matrix `[a b c d e f]` (PDF 32000-1 §8.3.4), row-vector convention:
/// a point `(x, y)` maps to `(a·x + c·y + e, b·x + d·y + f)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Matrix {
    pub a: f32,
    pub b: f32,
    pub c: f32,
    pub d: f32,
    pub e: f32,
    pub f: f32,
}

impl Matrix {
    pub const IDENTITY: Matrix = Matrix {
        a: 1.0,
        b: 0.0,
        c: 0.0,
        d: 1.0,
        e: 0.0,
        f: 0.0,
    };

    pub fn new(v: [f32; 6]) -> Matrix {
        let [a, b, c, d, e, f] = v;
        Matrix { a, b, c, d, e, f }
    }

    pub fn translate(tx: f32, ty: f32) -> Matrix {
        Matrix {
            e: tx,
            f: ty,
            ..Matrix::IDENTITY
        }
    }

    /// `self × other`: apply `self` first, then `other`.
    pub fn then(&self, o: &Matrix) -> Matrix {
        Matrix {
            a: self.a * o.a + self.b * o.c,
            b: self.a * o.b + self.b * o.d,
            c: self.c * o.a + self.d * o.c,
            d: self.c * o.b + self.d * o.d,
            e: self.e * o.a + self.f * o.c + o.e,
            f: self.e * o.b + self.f * o.d + o.f,
        }
    }

    /// Moves the origin by `(tx, ty)` of this matrix's space: `self` becomes
    /// `translate(tx, ty) × self` (the pen advancing along a line, §9.4.4). Only `e`
    /// and `f` are written, with the product's terms; `a`–`d` stay, where the
    /// product's `1·a + 0·c` could differ only by the sign of a zero or when `c` is
    /// infinite or NaN. Written whole, the matrix was stored again per glyph and the
    /// next glyph's loads of its entries waited on those stores (perf annotate of
    /// `emit`, `S_2013_220.pdf`: a quarter of its samples after one load).
    pub fn advance(&mut self, tx: f32, ty: f32) {
        let (e, f) = (
            tx * self.a + ty * self.c + self.e,
            tx * self.b + ty * self.d + self.f,
        );
        self.e = e;
        self.f = f;
    }

    pub fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        (
            self.a * x + self.c * y + self.e,
            self.b * x + self.d * y + self.f,
        )
    }

    /// Length of the image of the unit vertical vector: the scale of a font size.
    pub fn vertical_scale(&self) -> f32 {
        (self.c * self.c + self.d * self.d).sqrt()
    }

    /// Length of the image of the unit horizontal vector.
    pub fn horizontal_scale(&self) -> f32 {
        (self.a * self.a + self.b * self.b).sqrt()
    }
}

/// Text state parameters (PDF 32000-1 §9.3.1, Table 104).
#[derive(Debug, Clone)]
pub(crate) struct TextState {
    /// `Tc`, unscaled text space units.
    pub char_spacing: f32,
    /// `Tw`.
    pub word_spacing: f32,
    /// `Tz` / 100.
    pub horizontal_scaling: f32,
    /// `TL`.
    pub leading: f32,
    /// `Tf` font; `None` before the first `Tf`.
    pub font: Option<Arc<Font>>,
    /// `Tf` size.
    pub size: f32,
    /// `Tr`.
    pub render_mode: i64,
    /// `Ts`.
    pub rise: f32,
}

impl Default for TextState {
    fn default() -> Self {
        TextState {
            char_spacing: 0.0,
            word_spacing: 0.0,
            horizontal_scaling: 1.0,
            leading: 0.0,
            font: None,
            size: 0.0,
            render_mode: 0,
            rise: 0.0,
        }
    }
}

/// The parts of the graphics state the interpreter needs, saved by `q`, restored by `Q`.
#[derive(Debug, Clone)]
pub(crate) struct GraphicsState {
    pub ctm: Matrix,
    pub text: TextState,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn then_composes_in_pdf_order() {
        let scale = Matrix::new([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let shift = Matrix::translate(10.0, 5.0);
        // Scale then shift.
        assert_eq!(scale.then(&shift).apply(1.0, 1.0), (12.0, 7.0));
        // Shift then scale.
        assert_eq!(shift.then(&scale).apply(1.0, 1.0), (22.0, 12.0));
    }

    proptest::proptest! {
        /// Advancing in place gives the product's translation bit for bit and keeps
        /// the rest, which the product leaves equal for finite entries (zeros
        /// compared by value: `1·a + 0·c` turns a −0 into +0).
        #[test]
        fn advance_is_the_translation_product(
            m in proptest::array::uniform6(-1.0e4f32..1.0e4),
            tx in -1.0e3f32..1.0e3,
            ty in -1.0e3f32..1.0e3,
        ) {
            let start = Matrix::new(m);
            let product = Matrix::translate(tx, ty).then(&start);
            let mut moved = start;
            moved.advance(tx, ty);
            proptest::prop_assert_eq!(moved.e.to_bits(), product.e.to_bits());
            proptest::prop_assert_eq!(moved.f.to_bits(), product.f.to_bits());
            proptest::prop_assert_eq!(
                [moved.a, moved.b, moved.c, moved.d],
                [product.a, product.b, product.c, product.d]
            );
        }
    }
}
