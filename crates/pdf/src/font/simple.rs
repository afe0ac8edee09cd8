//! Single-byte encodings of simple fonts (PDF 32000-1 §9.6.6): a base encoding
//! (`StandardEncoding`, `WinAnsiEncoding`, `MacRomanEncoding`, …) plus `/Differences`.
//!
//! The tables and the glyph-name list are lopdf's; this module turns them into a
//! 256-entry code → Unicode table once per font.

use lopdf::{Dictionary, Document, Encoding, Object};

/// Code → Unicode for the 256 single-byte codes; `None` where the encoding has no glyph.
pub(crate) type ByteTable = Vec<Option<char>>;

/// Whether a simple font's encoding table may stand in for codes its ToUnicode CMap
/// leaves out: not when the two disagree on more of the codes both map than they agree
/// on. A subset font whose codes are the producer's own numbering (LibreOffice's
/// Arabic subsets: code `3` draws `ل`) has a ToUnicode that contradicts the base
/// encoding almost everywhere, and the encoding then says nothing of the codes the
/// ToUnicode omits (its kashida came out as `3` and `0`).
pub(crate) fn table_agrees(table: &ByteTable, to_unicode: &super::CMap) -> bool {
    let (mut same, mut different) = (0usize, 0usize);
    for (code, c) in table.iter().enumerate() {
        let (Some(c), Some(u)) = (c, to_unicode.to_unicode(code as u32)) else {
            continue;
        };
        if u.chars().eq(std::iter::once(*c)) {
            same += 1;
        } else {
            different += 1;
        }
    }
    different <= same
}

fn probe(encoding: &Encoding) -> ByteTable {
    (0u8..=255)
        .map(|code| {
            encoding.bytes_to_string(&[code]).ok().and_then(|s| {
                let mut chars = s.chars();
                let c = chars.next()?;
                (chars.next().is_none() && c != '\u{FFFD}' && c != '\0').then_some(c)
            })
        })
        .collect()
}

/// The table of a named base encoding. Unknown names give `StandardEncoding`.
pub(crate) fn named(name: &[u8]) -> ByteTable {
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"Font".to_vec()));
    dict.set("Encoding", Object::Name(name.to_vec()));
    let doc = Document::new();
    match dict.get_font_encoding(&doc) {
        Ok(enc) => probe(&enc),
        Err(_) => vec![None; 256],
    }
}

/// The code → Unicode table of a simple font from its `/Encoding` entry (a name or a
/// dictionary with `/BaseEncoding` and `/Differences`), or `default_base` when the font
/// has no `/Encoding`. lopdf resolves the names through its glyph list.
///
/// `builtin` is the embedded program's own encoding (Type 1 fonts), or the built-in
/// encoding of Symbol or ZapfDingbats named without a program: it stands for a missing
/// `/Encoding` and for a missing `/BaseEncoding` (PDF 32000-1 §9.6.6.1).
pub(crate) fn table(
    font: &Dictionary,
    doc: &Document,
    default_base: &[u8],
    builtin: Option<ByteTable>,
) -> ByteTable {
    let encoding = font
        .get(b"Encoding")
        .ok()
        .map(|o| super::widths::deref(doc, o));
    let mut t = match (encoding, builtin) {
        (None, Some(b)) => return b,
        (Some(Object::Dictionary(d)), Some(b)) if !d.has(b"BaseEncoding") => {
            let mut b = b;
            for (code, name) in differences(font, doc) {
                if let (Some(slot), Some(c)) = (b.get_mut(usize::from(code)), agl_char(&name)) {
                    *slot = Some(c);
                }
            }
            return b;
        }
        _ => lopdf_table(font, doc, default_base),
    };
    // Names lopdf's glyph list does not know: the full Adobe Glyph List (pdf_encoding)
    // and the `uniXXXX`/`uXXXX` conventions of the AGL specification.
    for (code, name) in differences(font, doc) {
        if let Some(slot) = t.get_mut(usize::from(code)).filter(|s| s.is_none()) {
            *slot = agl_char(&name);
        }
    }
    t
}

/// The one character a glyph name stands for in the Adobe Glyph List (or by the
/// `uniXXXX`/`uXXXX` conventions); `None` for unknown names and ligatures.
pub(crate) fn agl_char(name: &str) -> Option<char> {
    let text = pdf_encoding::glyphname_to_unicode(name)
        .map(str::to_string)
        .or_else(|| super::glyph_name_to_unicode(name))?;
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// The `(code, glyph name)` pairs of the font's `/Encoding /Differences` array
/// (PDF 32000-1 §9.6.6.1, Table 114).
fn differences(font: &Dictionary, doc: &Document) -> Vec<(u8, String)> {
    let enc = match font
        .get(b"Encoding")
        .ok()
        .map(|o| super::widths::deref(doc, o))
    {
        Some(Object::Dictionary(d)) => d,
        _ => return Vec::new(),
    };
    let Some(Object::Array(items)) = enc
        .get(b"Differences")
        .ok()
        .map(|o| super::widths::deref(doc, o))
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut code: i64 = 0;
    for item in items {
        match item {
            Object::Integer(n) => code = *n,
            Object::Name(n) => {
                if let Ok(c) = u8::try_from(code) {
                    out.push((c, String::from_utf8_lossy(n).into_owned()));
                }
                code += 1;
            }
            _ => {}
        }
    }
    out
}

fn lopdf_table(font: &Dictionary, doc: &Document, default_base: &[u8]) -> ByteTable {
    if font.has(b"Encoding") {
        let mut only_encoding = Dictionary::new();
        only_encoding.set("Type", Object::Name(b"Font".to_vec()));
        if let Ok(enc) = font.get(b"Encoding") {
            only_encoding.set("Encoding", resolve_encoding(enc, doc, default_base));
        }
        if let Ok(enc) = only_encoding.get_font_encoding(doc) {
            let t = probe(&enc);
            if t.iter().any(Option::is_some) {
                return t;
            }
        }
    }
    named(default_base)
}

/// Inlines a referenced encoding dictionary and gives a dictionary without
/// `/BaseEncoding` the font's default base, so lopdf applies `/Differences` to it.
fn resolve_encoding(enc: &Object, doc: &Document, default_base: &[u8]) -> Object {
    let enc = match enc {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(enc),
        other => other,
    };
    match enc {
        Object::Dictionary(d) if !d.has(b"BaseEncoding") => {
            let mut d = d.clone();
            d.set("BaseEncoding", Object::Name(default_base.to_vec()));
            Object::Dictionary(d)
        }
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn win_ansi_has_quotes_and_euro() {
        let t = named(b"WinAnsiEncoding");
        assert_eq!(t.get(0x41).copied().flatten(), Some('A'));
        assert_eq!(t.get(0x93).copied().flatten(), Some('\u{201C}'));
        assert_eq!(t.get(0x80).copied().flatten(), Some('€'));
    }

    #[test]
    fn differences_override_the_base() {
        let mut enc = Dictionary::new();
        enc.set(
            "Differences",
            Object::Array(vec![Object::Integer(65), Object::Name(b"Eacute".to_vec())]),
        );
        let mut font = Dictionary::new();
        font.set("Type", Object::Name(b"Font".to_vec()));
        font.set("Encoding", Object::Dictionary(enc));
        let t = table(&font, &Document::new(), b"WinAnsiEncoding", None);
        assert_eq!(t.get(65).copied().flatten(), Some('É'));
        assert_eq!(t.get(66).copied().flatten(), Some('B'));
    }

    #[test]
    fn names_outside_lopdf_list_come_from_the_adobe_glyph_list() {
        let mut enc = Dictionary::new();
        enc.set(
            "Differences",
            Object::Array(vec![
                Object::Integer(1),
                Object::Name(b"afii10017".to_vec()),
                Object::Name(b"uni4E2D".to_vec()),
                Object::Name(b"c158".to_vec()),
            ]),
        );
        let mut font = Dictionary::new();
        font.set("Type", Object::Name(b"Font".to_vec()));
        font.set("Encoding", Object::Dictionary(enc));
        let t = table(&font, &Document::new(), b"StandardEncoding", None);
        assert_eq!(
            t.get(1).copied().flatten(),
            Some('А'),
            "afii10017 is CYRILLIC CAPITAL A"
        );
        assert_eq!(t.get(2).copied().flatten(), Some('中'));
        assert_eq!(
            t.get(3).copied().flatten(),
            None,
            "a private name stays undecodable"
        );
    }
}
