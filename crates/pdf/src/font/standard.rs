//! Glyph widths for simple fonts that give no `/Widths`: the standard 14 fonts, which a
//! PDF may name without metrics or program (PDF 32000-1 §9.6.2.2; reportlab and other
//! generators do), and fonts whose `/Widths` was lost to damage.
//!
//! A font of the 14 (or one of the alternative names viewers accept for them) is
//! measured with its own metrics, Adobe's Core 14 AFM files (`standard_table.rs`); any
//! other font with the metrics a viewer substitutes for it, chosen by its descriptor's
//! flags: fixed pitch → Courier, serif → Times, else Helvetica, in the weight and slant
//! its name or descriptor gives. Without them a glyph was guessed half an em wide, and a
//! line of Helvetica set to the right margin ran past the crop box and lost its last
//! words.

use super::simple::ByteTable;
use super::standard_table as table;

/// Width, in 1/1000 of the text size, of a code whose glyph the metrics lack (a code
/// the encoding leaves empty, a `/Differences` name the font has no glyph for): half an
/// em, the guess used for every glyph before the metrics were read.
const UNKNOWN_GLYPH_WIDTH: f32 = 500.0;

/// `/Flags` bit 1, FixedPitch (PDF 32000-1 §9.8.2, Table 123).
const FIXED_PITCH: u32 = 1;
/// `/Flags` bit 2, Serif.
const SERIF: u32 = 1 << 1;

/// The metrics a simple font without `/Widths` is measured with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Standard {
    /// Helvetica and Helvetica-Oblique (the same widths).
    Helvetica,
    /// Helvetica-Bold and Helvetica-BoldOblique.
    HelveticaBold,
    TimesRoman,
    TimesBold,
    TimesItalic,
    TimesBoldItalic,
    /// The four Courier faces: every glyph 600 units.
    Courier,
    Symbol,
    ZapfDingbats,
}

impl Standard {
    /// The metrics for a font of base name `name` (subset tag removed) whose descriptor
    /// has `flags` (0 without one), bold or italic as its name or descriptor says.
    ///
    /// Names: the 14 of §9.6.2.2 and the alternative names Acrobat accepts for them
    /// (`Arial`, `Arial,Bold`, `ArialMT`, `TimesNewRoman,Italic`,
    /// `TimesNewRomanPS-BoldMT`, `CourierNew`, …), matched on the family word with
    /// case and punctuation ignored.
    pub(crate) fn for_font(name: &str, flags: u32, bold: bool, italic: bool) -> Standard {
        let key: String = name
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let family = if key.starts_with("symbol") {
            return Standard::Symbol;
        } else if key.contains("dingbats") {
            return Standard::ZapfDingbats;
        } else if key.contains("courier") {
            Family::Courier
        } else if key.contains("times") {
            Family::Times
        } else if key.contains("helvetica") || key.contains("arial") {
            Family::Helvetica
        } else if flags & FIXED_PITCH != 0 {
            Family::Courier
        } else if flags & SERIF != 0 {
            Family::Times
        } else {
            Family::Helvetica
        };
        match (family, bold, italic) {
            (Family::Courier, _, _) => Standard::Courier,
            (Family::Helvetica, false, _) => Standard::Helvetica,
            (Family::Helvetica, true, _) => Standard::HelveticaBold,
            (Family::Times, false, false) => Standard::TimesRoman,
            (Family::Times, true, false) => Standard::TimesBold,
            (Family::Times, false, true) => Standard::TimesItalic,
            (Family::Times, true, true) => Standard::TimesBoldItalic,
        }
    }

    /// Widths of the 256 codes, in 1/1000 of the text size. Latin faces are read
    /// through the font's code → Unicode `encoding` (so `/Differences` count); Symbol
    /// and ZapfDingbats by code, as their built-in encodings place their glyphs.
    pub(crate) fn widths(self, encoding: &ByteTable) -> Vec<f32> {
        let by_char = match self {
            Standard::Courier => {
                return vec![f32::from(table::COURIER); 256];
            }
            Standard::Symbol => return by_code(&table::SYMBOL),
            Standard::ZapfDingbats => return by_code(&table::ZAPF_DINGBATS),
            Standard::Helvetica => table::HELVETICA,
            Standard::HelveticaBold => table::HELVETICA_BOLD,
            Standard::TimesRoman => table::TIMES_ROMAN,
            Standard::TimesBold => table::TIMES_BOLD,
            Standard::TimesItalic => table::TIMES_ITALIC,
            Standard::TimesBoldItalic => table::TIMES_BOLD_ITALIC,
        };
        let width = |c: char| {
            by_char
                .binary_search_by_key(&c, |&(k, _)| k)
                .ok()
                .and_then(|i| by_char.get(i))
                .map(|&(_, w)| f32::from(w))
        };
        (0..256)
            .map(|code| {
                let c = encoding.get(code).copied().flatten();
                c.and_then(|c| width(c).or_else(|| width(same_glyph(c)?)))
                    .unwrap_or(UNKNOWN_GLYPH_WIDTH)
            })
            .collect()
    }

    /// The built-in encoding (code → character) of Symbol and ZapfDingbats, which a
    /// font of theirs named without `/Encoding` and without a program of its own is
    /// read with (PDF 32000-1 §9.6.6.1, its font program's encoding; Annex D.5 and
    /// D.6); `None` for the Latin fonts, whose base encoding is StandardEncoding.
    pub(crate) fn builtin_encoding(self) -> Option<ByteTable> {
        match self {
            Standard::Symbol => Some(table::SYMBOL_ENCODING.to_vec()),
            Standard::ZapfDingbats => Some(table::ZAPF_DINGBATS_ENCODING.to_vec()),
            _ => None,
        }
    }
}

#[derive(Clone, Copy)]
enum Family {
    Helvetica,
    Times,
    Courier,
}

/// The character whose glyph encodings draw for `c` where the AFM files have no glyph
/// of its own: WinAnsiEncoding's no-break space (code 160) is `space`, its soft hyphen
/// (code 173) `hyphen` (PDF 32000-1 Annex D.2, the notes on space and hyphen).
fn same_glyph(c: char) -> Option<char> {
    match c {
        '\u{A0}' => Some(' '),
        '\u{AD}' => Some('-'),
        _ => None,
    }
}

fn by_code(row: &[u16; 256]) -> Vec<f32> {
    row.iter()
        .map(|&w| {
            if w == 0 {
                UNKNOWN_GLYPH_WIDTH
            } else {
                f32::from(w)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_flags_choose_the_metrics() {
        let cases = [
            ("Helvetica", 0, false, false, Standard::Helvetica),
            (
                "Helvetica-BoldOblique",
                0,
                true,
                true,
                Standard::HelveticaBold,
            ),
            ("Times-Roman", 0, false, false, Standard::TimesRoman),
            ("Times-BoldItalic", 0, true, true, Standard::TimesBoldItalic),
            (
                "TimesNewRomanPS-ItalicMT",
                0,
                false,
                true,
                Standard::TimesItalic,
            ),
            ("Arial,Bold", 0, true, false, Standard::HelveticaBold),
            ("CourierNew", 0, false, false, Standard::Courier),
            ("Symbol", 0, false, false, Standard::Symbol),
            ("ZapfDingbats", 0, false, false, Standard::ZapfDingbats),
            ("Garamond", SERIF, false, false, Standard::TimesRoman),
            (
                "Consolas",
                FIXED_PITCH | SERIF,
                false,
                false,
                Standard::Courier,
            ),
            ("Calibri", 32, true, false, Standard::HelveticaBold),
        ];
        for (name, flags, bold, italic, want) in cases {
            assert_eq!(
                Standard::for_font(name, flags, bold, italic),
                want,
                "{name}"
            );
        }
    }

    #[test]
    fn widths_are_the_afm_widths_of_the_encoded_glyphs() {
        // Helvetica.afm: space 278, H 722, e 556, l 222, quoteright 222, Euro 556.
        let mut encoding: ByteTable = vec![None; 256];
        for (code, c) in [(32, ' '), (72, 'H'), (101, 'e'), (108, 'l')] {
            encoding[code] = Some(c);
        }
        encoding[39] = Some('\u{2019}');
        encoding[128] = Some('€');
        encoding[160] = Some('\u{A0}');
        let w = Standard::Helvetica.widths(&encoding);
        assert_eq!(
            [w[32], w[72], w[101], w[108], w[39], w[160]],
            [278.0, 722.0, 556.0, 222.0, 222.0, 278.0]
        );
        assert_eq!((w[128], w[0]), (556.0, UNKNOWN_GLYPH_WIDTH));
        // Times-Roman.afm: H 722, e 444; Times-Bold.afm: e 444, H 778.
        let roman = Standard::TimesRoman.widths(&encoding);
        let bold = Standard::TimesBold.widths(&encoding);
        assert_eq!([roman[72], roman[101]], [722.0, 444.0]);
        assert_eq!([bold[72], bold[101]], [778.0, 444.0]);
        assert_eq!(Standard::Courier.widths(&encoding)[72], 600.0);
        // Symbol.afm: code 97 alpha 631, code 183 bullet 460.
        let symbol = Standard::Symbol.widths(&encoding);
        assert_eq!([symbol[97], symbol[183]], [631.0, 460.0]);
        // Symbol's encoding (Annex D.5): 97 alpha, 183 bullet, 34 universal, 211
        // copyrightserif; 230 parenlefttp is a piece of a large parenthesis.
        let symbol = Standard::Symbol.builtin_encoding().unwrap_or_default();
        assert_eq!(
            [
                symbol[97],
                symbol[183],
                symbol[34],
                symbol[211],
                symbol[230],
                symbol[0]
            ],
            [Some('α'), Some('•'), Some('∀'), Some('©'), None, None]
        );
        // ZapfDingbats (Annex D.6): 51 a19 ✓, 108 a71 ●, 110 a73 ■, 172 a120 ①.
        let zapf = Standard::ZapfDingbats
            .builtin_encoding()
            .unwrap_or_default();
        assert_eq!(
            [zapf[51], zapf[108], zapf[110], zapf[172], zapf[0]],
            [Some('✓'), Some('●'), Some('■'), Some('①'), None]
        );
        assert_eq!(Standard::Helvetica.builtin_encoding(), None);
    }
}
