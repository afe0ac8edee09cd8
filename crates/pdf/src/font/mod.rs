//! Font loading and character-code decoding.
//!
//! One [`Font`] per font dictionary, cached per document by object id
//! ([`FontCache`]). Decoding follows the Unicode fallback order of PDF 32000-1
//! §9.10.2: the `/ToUnicode` CMap first, then the font's encoding (simple fonts:
//! base encoding + `/Differences` through the glyph list; composite fonts: the
//! encoding CMap's own Unicode meaning for `Uni*` CMaps). A code nothing maps is
//! undecodable: it is emitted as U+FFFD and counted by the caller. Whatever the source,
//! compatibility characters in the text are then folded ([`compat`]).

mod builtin;
mod cache;
pub(crate) use cache::FontCache;
pub(crate) mod cmap;
mod compat;
mod compat_table;
mod composite;
mod embedded;
mod predefined;
mod simple;
mod standard;
mod standard_table;
pub(crate) mod widths;

use std::sync::Arc;

use lopdf::{Dictionary, Document, Object};
use smol_str::SmolStr;
use unpara_model::{is_arabic_mark, FontInfo};

use cmap::CMap;
use standard::Standard;
use widths::{deref, number, CidWidths};

/// One character as glyph text, held inline (no allocation).
pub(crate) fn char_text(c: char) -> SmolStr {
    SmolStr::new(c.encode_utf8(&mut [0u8; 4]))
}

/// One decoded character code.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Decoded {
    /// Unicode text, `None` when the code is undecodable (inline up to 23 bytes).
    pub text: Option<SmolStr>,
    /// Horizontal advance in glyph space (1/1000 of the text size).
    pub width: f32,
    /// A single-byte code 32: word spacing `Tw` applies (PDF 32000-1 §9.3.3).
    pub word_space: bool,
    /// The text is white space only ([`crate::sink::Glyph::blank_text`]), worked out
    /// once per code instead of once per glyph drawn.
    pub blank: bool,
    /// The text's letters by direction ([`crate::sink::Glyph::letters`]), worked out
    /// once per code.
    pub letters: crate::sink::Letters,
}

impl Decoded {
    /// A code's text, advance (1/1000 of the text size) and whether word spacing
    /// applies to it.
    fn new(text: Option<SmolStr>, width: f32, word_space: bool) -> Decoded {
        Decoded {
            blank: text.as_deref().is_some_and(crate::sink::Glyph::blank_text),
            letters: text
                .as_deref()
                .map(crate::sink::Glyph::letters)
                .unwrap_or_default(),
            text,
            width,
            word_space,
        }
    }
}

#[derive(Debug)]
enum Kind {
    Simple {
        /// What each of the 256 one-byte codes decodes to, worked out once when the
        /// font is loaded ([`simple_codes`]): a page's glyphs are then a table lookup
        /// each (the CMap search, the encoding table and the compatibility fold were
        /// 8 % of `unpara text`'s instructions on a Word-made report, S/2013/220).
        by_code: Vec<Decoded>,
    },
    Composite {
        /// Encoding CMap; `None` for Identity-H/V (2-byte codes, CID = code).
        encoding: Option<Arc<CMap>>,
        /// The encoding is a `Uni…-UCS2`/`UTF16` CMap: codes are UTF-16BE.
        unicode_codes: bool,
        /// `/ToUnicode /Identity-H` (a name, not a stream): codes are Unicode values.
        identity_to_unicode: bool,
        /// CID → Unicode of the font's character collection (`Adobe-GB1`, …).
        collection: Option<Arc<CMap>>,
        /// Glyph → Unicode of the embedded font program, read when the font has no
        /// registered character collection: the last resort for codes the ToUnicode
        /// CMap leaves out, or for every code when there is none.
        program: Option<Box<embedded::LazyProgram>>,
        widths: CidWidths,
        /// What the two-byte codes the ToUnicode CMap maps decode to, by code
        /// ([`Font::dense_codes`]); empty for other encodings than Identity.
        by_code: Vec<Option<Decoded>>,
    },
}

/// A loaded font: how to split strings into codes, map them to Unicode, and advance.
#[derive(Debug)]
pub(crate) struct Font {
    /// Index of this font in the document's font table.
    pub index: usize,
    /// Base font name without subset tag, for warnings.
    pub name: String,
    kind: Kind,
    to_unicode: Option<CMap>,
    /// Vertical writing mode (Identity-V or a `-V` CMap).
    pub vertical: bool,
    /// Width of the space glyph in glyph space, 250 when the font has none.
    pub space_width: f32,
}

/// Maps a glyph name to Unicode for the `uniXXXX` and `uXXXX` conventions of the
/// Adobe Glyph List specification.
pub(crate) fn glyph_name_to_unicode(name: &str) -> Option<String> {
    let all_hex = |h: &str| h.bytes().all(|b| b.is_ascii_hexdigit());
    if let Some(hex) = name.strip_prefix("uni") {
        if hex.len() >= 4 && hex.len() % 4 == 0 && all_hex(hex) {
            let units = hex
                .as_bytes()
                .chunks(4)
                .map(|c| {
                    std::str::from_utf8(c)
                        .ok()
                        .and_then(|s| u16::from_str_radix(s, 16).ok())
                })
                .collect::<Option<Vec<u16>>>()?;
            return String::from_utf16(&units).ok();
        }
    }
    let hex = name.strip_prefix('u')?;
    if (4..=6).contains(&hex.len()) && all_hex(hex) {
        return char::from_u32(u32::from_str_radix(hex, 16).ok()?).map(String::from);
    }
    None
}

fn name_of(dict: &Dictionary, key: &[u8], doc: &Document) -> Option<Vec<u8>> {
    match dict.get(key).ok().map(|o| deref(doc, o)) {
        Some(Object::Name(n)) => Some(n.clone()),
        _ => None,
    }
}

/// The CMap a font entry (`/ToUnicode`, `/Encoding`) holds as a stream, decoded within
/// [`crate::content::MAX_CMAP_STREAM`] and parsed within [`cmap::MAX_ENTRIES`]; what
/// is refused or cut is a warning naming `what`.
fn stream_cmap(
    obj: &Object,
    doc: &Document,
    what: &str,
    warnings: &mut Vec<String>,
) -> Option<CMap> {
    let data =
        crate::content::font_stream(doc, obj, what, crate::content::MAX_CMAP_STREAM, warnings)?;
    let cmap = cmap::parse(&data);
    if cmap.truncated {
        warnings.push(format!(
            "{what}: more than {} mappings (the CID limit of PDF 32000-1 Annex C.2, \
             twice); the rest is not read",
            cmap::MAX_ENTRIES
        ));
    }
    Some(cmap)
}

fn descriptor<'a>(font: &'a Dictionary, doc: &'a Document) -> Option<&'a Dictionary> {
    match font.get(b"FontDescriptor").ok().map(|o| deref(doc, o)) {
        Some(Object::Dictionary(d)) => Some(d),
        _ => None,
    }
}

/// The descriptor's `/Flags` (PDF 32000-1 §9.8.2, Table 123); 0 without one.
fn descriptor_flags(desc: Option<&Dictionary>, doc: &Document) -> u32 {
    desc.and_then(|d| d.get(b"Flags").ok())
        .map(|o| deref(doc, o))
        .and_then(number)
        .unwrap_or(0.0) as u32
}

/// Builds the layout's description of a font: base name without subset tag, and
/// bold/italic from the name or the descriptor (`/FontWeight`, `/Flags` bit 19
/// ForceBold, bit 7 Italic, `/ItalicAngle`; PDF 32000-1 §9.8).
fn font_info(font: &Dictionary, desc: Option<&Dictionary>, doc: &Document) -> FontInfo {
    let raw = name_of(font, b"BaseFont", doc).unwrap_or_default();
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let name = match raw.split_once('+') {
        Some((tag, rest)) if tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()) => {
            rest.to_string()
        }
        _ => raw,
    };
    let lower = name.to_ascii_lowercase();
    let num = |k: &[u8]| {
        desc.and_then(|d| d.get(k).ok())
            .map(|o| deref(doc, o))
            .and_then(number)
    };
    let flags = descriptor_flags(desc, doc);
    let bold = ["bold", "black", "heavy", "semibold", "demi"]
        .iter()
        .any(|w| lower.contains(w))
        || num(b"FontWeight").is_some_and(|w| w >= 600.0)
        || flags & (1 << 18) != 0;
    let italic = lower.contains("italic")
        || lower.contains("oblique")
        || flags & (1 << 6) != 0
        || num(b"ItalicAngle").is_some_and(|a| a.abs() > 0.5);
    FontInfo { name, bold, italic }
}

impl Font {
    /// Loads a font dictionary. Never fails: what cannot be read leaves codes
    /// undecodable, and `warnings` says why.
    pub(crate) fn load(
        dict: &Dictionary,
        doc: &Document,
        index: usize,
        warnings: &mut Vec<String>,
    ) -> (Font, FontInfo) {
        let subtype = name_of(dict, b"Subtype", doc).unwrap_or_default();
        let to_unicode = dict
            .get(b"ToUnicode")
            .ok()
            .and_then(|o| stream_cmap(o, doc, "/ToUnicode", warnings));
        if subtype == b"Type0" {
            Self::load_type0(dict, doc, index, to_unicode, warnings)
        } else {
            let desc = descriptor(dict, doc);
            let missing = desc
                .and_then(|d| d.get(b"MissingWidth").ok())
                .and_then(number)
                .unwrap_or(0.0);
            let has_widths = matches!(
                dict.get(b"Widths").ok().map(|o| deref(doc, o)),
                Some(Object::Array(_))
            );
            let default_base: &[u8] = if subtype == b"TrueType" {
                b"WinAnsiEncoding"
            } else {
                b"StandardEncoding"
            };
            let type1 = subtype == b"Type1" || subtype == b"MMType1";
            let info = font_info(dict, desc, doc);
            let builtin = type1
                .then_some(desc)
                .flatten()
                .and_then(|d| builtin::names(d, doc, warnings))
                .map(|n| builtin::table(&n))
                .or_else(|| {
                    // Symbol or ZapfDingbats named without a program (Type 1, or
                    // TrueType as Word names `SymbolMT`): the viewer's font, with its
                    // own encoding.
                    let embedded = desc.is_some_and(|d| {
                        [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                            .iter()
                            .any(|k| d.has(k))
                    });
                    (!embedded && (type1 || subtype == b"TrueType"))
                        .then(|| Standard::for_font(&info.name, 0, false, false))
                        .and_then(Standard::builtin_encoding)
                });
            let table = simple::table(dict, doc, default_base, builtin);
            let widths = if has_widths {
                widths::simple(dict, doc, missing)
            } else {
                // No metrics: a standard font named without them, or a /Widths array
                // lost to damage.
                let flags = descriptor_flags(desc, doc);
                Standard::for_font(&info.name, flags, info.bold, info.italic).widths(&table)
            };
            let table_agrees = to_unicode
                .as_ref()
                .is_none_or(|t| simple::table_agrees(&table, t));
            let scale = if subtype == b"Type3" {
                match dict.get(b"FontMatrix").ok().map(|o| deref(doc, o)) {
                    Some(Object::Array(m)) => {
                        m.first().and_then(number).map_or(1.0, |a| a * 1000.0)
                    }
                    _ => 1.0,
                }
            } else {
                1.0
            };
            let space_width = widths
                .get(32)
                .copied()
                .filter(|w| *w > 0.0)
                .map_or(250.0, |w| w * scale);
            (
                Font {
                    index,
                    name: String::new(),
                    kind: Kind::Simple {
                        by_code: simple_codes(
                            to_unicode.as_ref(),
                            &table,
                            table_agrees,
                            &widths,
                            scale,
                        ),
                    },
                    to_unicode,
                    vertical: false,
                    space_width,
                },
                info,
            )
        }
    }

    fn find_space_width(&self) -> Option<f32> {
        let tu = self.to_unicode.as_ref()?;
        let Kind::Composite { widths, .. } = &self.kind else {
            return None;
        };
        (0u32..=0x3ff)
            .find(|&c| tu.to_unicode(c).as_deref() == Some(" "))
            .map(|c| widths.get(c))
            .filter(|w| *w > 0.0)
    }

    /// The warnings met reading the font's program, when a code needed it.
    pub(crate) fn program_warnings(&self) -> &[String] {
        match &self.kind {
            Kind::Composite {
                program: Some(p), ..
            } => p.warnings(),
            _ => &[],
        }
    }

    /// Decodes a string operand into codes, handing at most `limit` of them to `each`
    /// in order; returns how many it handed. `doc` is the document the font was loaded
    /// from (its program is read from it when a code needs it). The codes of the
    /// tables worked out at load are lent, not copied.
    pub(crate) fn decode(
        &self,
        bytes: &[u8],
        limit: usize,
        doc: &Document,
        mut each: impl FnMut(&Decoded),
    ) -> usize {
        let mut n = 0usize;
        match &self.kind {
            Kind::Simple { by_code } => {
                for d in bytes
                    .iter()
                    .take(limit)
                    .filter_map(|&b| by_code.get(usize::from(b)))
                {
                    each(d);
                    n += 1;
                }
            }
            Kind::Composite {
                encoding, by_code, ..
            } => {
                let mut rest = bytes;
                while !rest.is_empty() && n < limit {
                    let (code, len) = match encoding {
                        Some(c) => c.next_code(rest).unwrap_or((0, rest.len())),
                        None => match rest {
                            [a, b, ..] => (u32::from(*a) << 8 | u32::from(*b), 2),
                            [a] => (u32::from(*a), 1),
                            [] => break,
                        },
                    };
                    rest = rest.get(len..).unwrap_or_default();
                    let cached = (len == 2)
                        .then(|| by_code.get(usize::try_from(code).ok()?)?.as_ref())
                        .flatten();
                    match cached {
                        Some(d) => each(d),
                        None => each(&self.decode_code(code, len, doc)),
                    }
                    n += 1;
                }
            }
        }
        n
    }

    /// What one code of `len` bytes of a composite font decodes to, its text folded
    /// ([`compat::fold`]); an empty text for a kashida.
    fn decode_code(&self, code: u32, len: usize, doc: &Document) -> Decoded {
        let Kind::Composite {
            encoding,
            unicode_codes,
            identity_to_unicode,
            collection,
            program,
            widths,
            ..
        } = &self.kind
        else {
            return Decoded::new(None, 0.0, false);
        };
        let cid = match encoding {
            Some(c) => c.cid(code).unwrap_or(0),
            None => code,
        };
        // PDF 32000-1 §9.10.2: ToUnicode, then the encoding's own Unicode meaning, then
        // the character collection's table.
        let mapped = self.to_unicode.as_ref().and_then(|t| t.to_unicode(code));
        // A glyph the ToUnicode CMap leaves out while the font program says it is the
        // tatweel (U+0640) is a kashida the typesetter drew to justify Arabic
        // (LibreOffice does): no text, not undecodable.
        if mapped.is_none()
            && self.to_unicode.is_some()
            && program
                .as_ref()
                .and_then(|p| p.get(doc)?.unicode(cid))
                .as_deref()
                == Some("\u{640}")
        {
            return Decoded::new(Some(SmolStr::default()), widths.get(cid), false);
        }
        let text = mapped
            .or_else(|| {
                unicode_codes
                    .then(|| composite::utf16_code(code).map(SmolStr::from))
                    .flatten()
            })
            .or_else(|| {
                identity_to_unicode
                    .then(|| char::from_u32(code).map(char_text))
                    .flatten()
            })
            .or_else(|| collection.as_ref()?.unicode(cid))
            .or_else(|| program.as_ref()?.get(doc)?.unicode(cid).map(SmolStr::from))
            .filter(|t| !t.is_empty() && !t.contains('\u{0}'))
            .map(|t| compat::fold(&t).map_or(t, SmolStr::from));
        Decoded::new(text, widths.get(cid), len == 1 && code == 32)
    }

    /// The two-byte codes of an Identity-encoded composite font that its ToUnicode
    /// CMap maps, decoded once ([`Font::decode_code`]; `None` for the others), for codes
    /// below the largest one mapped and below [`DENSE_CODES`]: a page's glyphs are then
    /// a table lookup each instead of a CMap search (the search was 15 % of
    /// `unpara text`'s instructions on a Word-made report, A/80/590, whose fonts map
    /// codes up to 4 136). Codes the table leaves out are decoded one by one.
    pub(super) fn dense_codes(&self, doc: &Document) -> Vec<Option<Decoded>> {
        let (Some(t), Kind::Composite { encoding: None, .. }) = (&self.to_unicode, &self.kind)
        else {
            return Vec::new();
        };
        let Some(last) = t.last_unicode_code() else {
            return Vec::new();
        };
        let len =
            usize::try_from(last).map_or(DENSE_CODES, |l| l.saturating_add(1).min(DENSE_CODES));
        (0..len)
            .map(|code| {
                let code = u32::try_from(code).ok()?;
                t.to_unicode(code)?;
                Some(self.decode_code(code, 2, doc))
            })
            .collect()
    }
}

/// The most codes of a composite font decoded ahead ([`Font::dense_codes`]): the
/// 8 192 first two-byte codes, 256 KiB a font at most (32 bytes a code). The subset
/// fonts Word and cairo embed number their glyphs from 1 up (the corpus's largest
/// code mapped: 4 136); a font whose codes lie above is decoded code by code.
const DENSE_CODES: usize = 8_192;

/// What each one-byte code of a simple font decodes to (256 entries, by code): the
/// ToUnicode CMap's text (PDF 32000-1 §9.10.2), else the encoding's character when
/// `table_agrees` ([`simple::table_agrees`]), with compatibility characters folded
/// ([`compat::fold`]); the advance is the code's `/Widths` entry times `scale` (1/1000
/// text space; the `/FontMatrix` of Type 3 fonts); code 32 takes word spacing.
fn simple_codes(
    to_unicode: Option<&CMap>,
    table: &simple::ByteTable,
    table_agrees: bool,
    widths: &[f32],
    scale: f32,
) -> Vec<Decoded> {
    (0..=255u8)
        .map(|b| {
            let text = to_unicode
                .and_then(|t| t.to_unicode(u32::from(b)))
                .or_else(|| {
                    table_agrees.then_some(())?;
                    table.get(usize::from(b)).copied().flatten().map(char_text)
                })
                .map(|t| compat::fold(&t).map_or(t, SmolStr::from));
            Decoded::new(
                text,
                widths.get(usize::from(b)).copied().unwrap_or(0.0) * scale,
                b == 32,
            )
        })
        .collect()
}

/// Fixes ToUnicode values that give a whole Arabic cluster (a letter and its marks,
/// `تُ`) to every glyph of the cluster: Typst 0.15 maps both the letter's glyph and the
/// damma's glyph to `تُ`, so the damma comes out twice and the letter keeps it wherever
/// else it is drawn. Among the codes sharing such a value, a code whose glyph the font
/// program's own `cmap` names as one of the cluster's marks gets that mark; the others
/// get the value without the marks so found. Codes of clusters no glyph resolves stay
/// as they are. `cid` gives a code's CID (its glyph through `/CIDToGIDMap`);
/// `program` reads the font program, only when some value is such a cluster.
pub(crate) fn split_arabic_clusters<'p>(
    to_unicode: &mut CMap,
    program: impl FnOnce() -> Option<&'p embedded::GlyphUnicode>,
    cid: impl Fn(u32) -> u32,
) {
    let mut groups: std::collections::BTreeMap<String, Vec<u32>> = Default::default();
    for (code, value) in to_unicode.char_entries() {
        let mut cs = value.chars();
        let cluster = matches!((cs.next(), cs.next()), (Some(f), Some(_)) if !is_arabic_mark(f))
            && value.chars().skip(1).all(is_arabic_mark);
        if cluster {
            groups.entry(value.to_string()).or_default().push(code);
        }
    }
    if groups.is_empty() {
        return;
    }
    let Some(program) = program() else {
        return;
    };
    for (value, codes) in groups {
        let own: Vec<(u32, Option<String>)> = codes
            .iter()
            .map(|&c| {
                (
                    c,
                    program
                        .unicode(cid(c))
                        .filter(|o| o.chars().count() == 1 && value.contains(o.as_str())),
                )
            })
            .collect();
        let marks: Vec<char> = own
            .iter()
            .filter_map(|(_, o)| o.as_ref()?.chars().next())
            .filter(|&c| is_arabic_mark(c))
            .collect();
        if marks.is_empty() {
            continue;
        }
        let rest: String = value.chars().filter(|c| !marks.contains(c)).collect();
        for (code, o) in own {
            match o {
                Some(m) if m.chars().all(is_arabic_mark) => to_unicode.set_unicode(code, m),
                _ => to_unicode.set_unicode(code, rest.clone()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    /// A TrueType font whose `/ToUnicode` stream is `cmap`, decoding `bytes`.
    fn decode_with_to_unicode(cmap: &[u8], bytes: &[u8]) -> Vec<Option<String>> {
        let mut doc = Document::with_version("1.4");
        let stream = doc.add_object(lopdf::Stream::new(dictionary! {}, cmap.to_vec()));
        let dict = dictionary! {
            "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "NotoSansCJK",
            "ToUnicode" => stream,
        };
        let (font, _) = Font::load(&dict, &doc, 0, &mut Vec::new());
        let mut out = Vec::new();
        font.decode(bytes, usize::MAX, &doc, |d| {
            out.push(d.text.as_ref().map(|t| t.to_string()))
        });
        out
    }

    #[test]
    fn issue_10_compatibility_characters_from_to_unicode_are_folded() {
        // Chromium + Noto CJK: Kangxi radicals for 非 and 一; DejaVu's fi ligature; a
        // full-width comma, which stays.
        let texts = decode_with_to_unicode(
            b"4 beginbfchar <41> <2FAE> <42> <2F00> <43> <FB01> <44> <FF0C> endbfchar
              1 beginbfchar <45> <2F9A> endbfchar",
            b"ABCDE",
        );
        let texts: Vec<&str> = texts.iter().map(|t| t.as_deref().unwrap_or("?")).collect();
        assert_eq!(texts, ["非", "一", "fi", "，", "赤"]);
    }

    #[test]
    fn issue_10_a_to_unicode_cmap_written_with_cidrange_is_read() {
        // A contract's 宋体 font: its ToUnicode CMap maps codes to "CIDs" that are the
        // characters' code points (23435 = U+5B8B 宋, 20307 = U+4F53 体).
        let texts = decode_with_to_unicode(
            b"1 begincidrange\n<41> <42> 23435\nendcidrange 1 begincidchar <43> 20307 endcidchar",
            b"ABC",
        );
        assert_eq!(
            texts,
            [Some("宋".into()), Some("完".into()), Some("体".into())]
        );
    }

    #[test]
    fn uni_glyph_names() {
        assert_eq!(glyph_name_to_unicode("uni4E2D").as_deref(), Some("中"));
        assert_eq!(glyph_name_to_unicode("uni00660069").as_deref(), Some("fi"));
        assert_eq!(
            glyph_name_to_unicode("u1F600").as_deref(),
            Some("\u{1F600}")
        );
        assert_eq!(glyph_name_to_unicode("g123"), None);
    }
}
