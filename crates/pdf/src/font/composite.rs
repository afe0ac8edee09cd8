//! Composite (Type0) fonts: encoding CMap, character collection, CID widths
//! (PDF 32000-1 §9.7).

use foldhash::HashMap;
use std::sync::Arc;

use lopdf::{Dictionary, Document, Object};
use unpara_model::FontInfo;

use super::cmap::{self, CMap};
use super::widths::{deref, CidWidths};
use super::{descriptor, embedded, font_info, predefined, stream_cmap, Font, Kind};

impl Font {
    pub(super) fn load_type0(
        dict: &Dictionary,
        doc: &Document,
        index: usize,
        to_unicode: Option<CMap>,
        warnings: &mut Vec<String>,
    ) -> (Font, FontInfo) {
        let descendant = match dict.get(b"DescendantFonts").ok().map(|o| deref(doc, o)) {
            Some(Object::Array(a)) => a.first().map(|o| deref(doc, o)),
            _ => None,
        };
        let cid_font = match descendant {
            Some(Object::Dictionary(d)) => Some(d),
            _ => None,
        };
        let widths = cid_font
            .map(|d| CidWidths::read(d, doc))
            .unwrap_or(CidWidths {
                // No CIDFont (lost to damage): half an em, as for simple fonts.
                default: 500.0,
                by_cid: HashMap::default(),
            });
        let desc = cid_font.and_then(|d| descriptor(d, doc));
        let mut info = font_info(dict, desc, doc);
        if cid_font.is_none() {
            warnings.push(format!(
                "font {}: its CIDFont (/DescendantFonts) is missing; glyph widths guessed",
                info.name
            ));
        }
        if let Some(d) = cid_font {
            let inner = font_info(d, desc, doc);
            info.bold |= inner.bold;
            info.italic |= inner.italic;
        }
        let encoding_name = match dict.get(b"Encoding").ok().map(|o| deref(doc, o)) {
            Some(Object::Name(n)) => Some(String::from_utf8_lossy(n).into_owned()),
            _ => None,
        };
        let (encoding, vertical, unicode_codes) =
            match dict.get(b"Encoding").ok().map(|o| deref(doc, o)) {
                Some(Object::Name(n)) => {
                    let name = String::from_utf8_lossy(n).into_owned();
                    let vertical = name.to_ascii_uppercase().ends_with("-V");
                    if predefined::is_identity(&name) {
                        (None, vertical, false)
                    } else if let Some(cmap) = predefined::named(&name) {
                        let unicode = name.starts_with("Uni")
                            && (name.contains("UCS2") || name.contains("UTF16"));
                        let v = vertical || cmap.wmode == 1;
                        (Some(cmap), v, unicode)
                    } else {
                        warnings.push(format!(
                            "font {}: unknown CMap {name}; codes read as 2-byte CIDs",
                            info.name
                        ));
                        (None, vertical, false)
                    }
                }
                Some(obj @ Object::Stream(_)) => {
                    let mut c =
                        stream_cmap(obj, doc, "/Encoding CMap", warnings).unwrap_or_default();
                    if let Some(parent) = c.usecmap.clone() {
                        if predefined::is_identity(&parent) {
                            if c.codespace.is_empty() {
                                c.codespace.push(cmap::CodespaceRange {
                                    len: 2,
                                    lo: 0,
                                    hi: 0xffff,
                                });
                            }
                        } else {
                            c.parent = predefined::named(&parent);
                        }
                    }
                    let v = c.wmode == 1;
                    (Some(Arc::new(c)), v, false)
                }
                _ => (None, false, false),
            };
        let collection = cid_font
            .and_then(|d| cid_system_info(d, doc))
            .or_else(|| {
                encoding_name
                    .as_deref()
                    .and_then(predefined::collection_of)
                    .map(str::to_string)
            })
            .and_then(|c| predefined::cid_to_unicode(&c));
        let program = match (cid_font, desc) {
            (Some(f), Some(d)) if collection.is_none() => {
                Some(Box::new(embedded::LazyProgram::new(f, d)))
            }
            _ => None,
        };
        let mut to_unicode = to_unicode;
        if let (Some(t), Some(p)) = (to_unicode.as_mut(), program.as_ref()) {
            let enc = encoding.clone();
            super::split_arabic_clusters(
                t,
                || p.get(doc),
                |code| match &enc {
                    Some(c) => c.cid(code).unwrap_or(0),
                    None => code,
                },
            );
        }
        let identity_to_unicode = matches!(
            dict.get(b"ToUnicode").ok().map(|o| deref(doc, o)),
            Some(Object::Name(n)) if predefined::is_identity(&String::from_utf8_lossy(n))
        );
        let space_width = 250.0;
        let mut font = Font {
            index,
            name: String::new(),
            kind: Kind::Composite {
                encoding,
                unicode_codes,
                identity_to_unicode,
                collection,
                program,
                widths,
                by_code: Vec::new(),
            },
            to_unicode,
            vertical,
            space_width,
        };
        // The space glyph's width, when the ToUnicode CMap names one.
        if let Some(w) = font.find_space_width() {
            font.space_width = w;
        }
        let dense = font.dense_codes(doc);
        if let Kind::Composite { by_code, .. } = &mut font.kind {
            *by_code = dense;
        }
        (font, info)
    }
}

/// A code of a `Uni…-UCS2`/`UTF16` CMap read as UTF-16BE: one code unit, or a
/// surrogate pair packed in four bytes.
pub(super) fn utf16_code(code: u32) -> Option<String> {
    let units: Vec<u16> = if code > 0xffff {
        vec![(code >> 16) as u16, (code & 0xffff) as u16]
    } else {
        vec![code as u16]
    };
    String::from_utf16(&units).ok()
}

/// `Registry-Ordering` of a CIDFont's `/CIDSystemInfo` (PDF 32000-1 §9.7.3), e.g.
/// `Adobe-GB1`.
fn cid_system_info(cid_font: &Dictionary, doc: &Document) -> Option<String> {
    let Object::Dictionary(info) = deref(doc, cid_font.get(b"CIDSystemInfo").ok()?) else {
        return None;
    };
    let text = |k: &[u8]| match info.get(k).ok().map(|o| deref(doc, o)) {
        Some(Object::String(s, _)) => Some(String::from_utf8_lossy(s).into_owned()),
        _ => None,
    };
    Some(format!("{}-{}", text(b"Registry")?, text(b"Ordering")?))
}
