//! Unicode from an embedded TrueType/OpenType font program, for CID fonts that carry
//! no `/ToUnicode` and no registered character collection (`Adobe-Identity`): the
//! font's own `cmap` table read backwards (glyph → character), then the glyph names of
//! its `post` table through the Adobe Glyph List. This is the last step before a code
//! is counted undecodable (PDF 32000-1 §9.10.2 leaves it to the reader).

use foldhash::HashMap;
use std::sync::OnceLock;

use lopdf::{Dictionary, Document, Object};

use super::glyph_name_to_unicode;
use crate::content::{font_stream, MAX_CMAP_STREAM, MAX_FONT_PROGRAM};

/// The embedded program of a CID font, read the first time a glyph needs it.
///
/// Most CID fonts carry a `/ToUnicode` CMap that maps every code a page shows, so
/// their programs (often hundreds of kilobytes deflated: the four of A/RES/73/6 inflate
/// to 969 KB, 20 % of `unpara text`'s instructions there) are never needed; poppler
/// does not read them for text either. The entries are kept (references, cheap to
/// copy) and the program is read from the document at the first code that needs it.
#[derive(Debug)]
pub(crate) struct LazyProgram {
    /// `/FontFile2` or `/FontFile3` of the descriptor, with its key.
    font_file: Option<(&'static str, Object)>,
    /// `/CIDToGIDMap` of the CIDFont.
    cid_to_gid: Option<Object>,
    /// The program once read (`None` when it is missing or does not parse), with the
    /// warnings met reading it.
    loaded: OnceLock<(Option<GlyphUnicode>, Vec<String>)>,
}

impl LazyProgram {
    /// Notes where a CID font's program is, without reading it.
    pub(crate) fn new(cid_font: &Dictionary, desc: &Dictionary) -> Self {
        let font_file = ["FontFile2", "FontFile3"]
            .into_iter()
            .find_map(|k| Some((k, desc.get(k.as_bytes()).ok()?.clone())));
        LazyProgram {
            font_file,
            cid_to_gid: cid_font.get(b"CIDToGIDMap").ok().cloned(),
            loaded: OnceLock::new(),
        }
    }

    /// The program, read from `doc` (the document the font was loaded from) on the
    /// first call; `None` when there is none or it does not parse.
    pub(crate) fn get(&self, doc: &Document) -> Option<&GlyphUnicode> {
        self.loaded
            .get_or_init(|| {
                let mut warnings = Vec::new();
                let program = self.font_file.as_ref().and_then(|(key, entry)| {
                    GlyphUnicode::load(key, entry, self.cid_to_gid.as_ref(), doc, &mut warnings)
                });
                (program, warnings)
            })
            .0
            .as_ref()
    }

    /// The warnings met reading the program; none when it was never needed.
    pub(crate) fn warnings(&self) -> &[String] {
        self.loaded.get().map_or(&[], |(_, w)| w.as_slice())
    }
}

/// Glyph id → Unicode text of an embedded font.
#[derive(Debug, Default)]
pub(crate) struct GlyphUnicode {
    by_glyph: HashMap<u16, String>,
    /// `/CIDToGIDMap` stream: CID → glyph id, two bytes per CID; empty for Identity.
    cid_to_gid: Vec<u8>,
    /// Glyphs in the font program.
    glyphs: u16,
}

impl GlyphUnicode {
    /// Reads the `/FontFile2` or `/FontFile3` (OpenType) program `entry` of a CID
    /// font's descriptor (`key` names it in warnings) and the CIDFont's `/CIDToGIDMap`;
    /// `None` when the program does not decode or parse.
    ///
    /// The program is decoded within [`MAX_FONT_PROGRAM`] bytes and the `/CIDToGIDMap`
    /// within [`MAX_CMAP_STREAM`]; larger ones are refused with a warning.
    fn load(
        key: &str,
        entry: &Object,
        cid_to_gid: Option<&Object>,
        doc: &Document,
        warnings: &mut Vec<String>,
    ) -> Option<Self> {
        let program = font_stream(doc, entry, &format!("/{key}"), MAX_FONT_PROGRAM, warnings)?;
        let face = ttf_parser::Face::parse(&program, 0).ok()?;
        let mut by_glyph = HashMap::default();
        if let Some(cmap) = face.tables().cmap {
            for sub in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
                sub.codepoints(|cp| {
                    if let (Some(c), Some(g)) = (char::from_u32(cp), sub.glyph_index(cp)) {
                        // Keep the smallest code point a glyph is reached from (U+0041
                        // rather than a compatibility duplicate).
                        by_glyph
                            .entry(g.0)
                            .and_modify(|s: &mut String| {
                                if s.chars().next().is_some_and(|o| c < o) {
                                    *s = c.to_string();
                                }
                            })
                            .or_insert_with(|| c.to_string());
                    }
                });
            }
        }
        for g in 0..face.number_of_glyphs() {
            if by_glyph.contains_key(&g) {
                continue;
            }
            if let Some(text) = face.glyph_name(ttf_parser::GlyphId(g)).and_then(|n| {
                pdf_encoding::glyphname_to_unicode(n)
                    .map(str::to_string)
                    .or_else(|| glyph_name_to_unicode(n))
            }) {
                by_glyph.insert(g, text);
            }
        }
        by_glyph.retain(|_, t| !t.contains('\0'));
        let cid_to_gid = cid_to_gid
            .and_then(|o| font_stream(doc, o, "/CIDToGIDMap", MAX_CMAP_STREAM, warnings))
            .unwrap_or_default();
        Some(GlyphUnicode {
            by_glyph,
            cid_to_gid,
            glyphs: face.number_of_glyphs(),
        })
    }

    /// The text of a CID, through `/CIDToGIDMap` (PDF 32000-1 §9.7.4.2, Table 117).
    ///
    /// With the identity CID → glyph mapping, a CID beyond the font's last glyph cannot
    /// name a glyph: producers that write Unicode values as CIDs make such codes, and
    /// the CID is read as the character (as poppler and pdf.js do).
    pub(crate) fn unicode(&self, cid: u32) -> Option<String> {
        let gid = if self.cid_to_gid.is_empty() {
            if cid >= u32::from(self.glyphs) {
                return char::from_u32(cid)
                    .filter(|c| !c.is_control())
                    .map(String::from);
            }
            u16::try_from(cid).ok()?
        } else {
            let i = usize::try_from(cid).ok()?.checked_mul(2)?;
            let pair = self.cid_to_gid.get(i..i + 2)?;
            u16::from_be_bytes([*pair.first()?, *pair.get(1)?])
        };
        self.by_glyph.get(&gid).cloned()
    }
}
