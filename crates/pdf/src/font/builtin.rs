//! The built-in encoding of an embedded Type 1 font program (PDF 32000-1 §9.6.6.1: a
//! Type 1 font without `/Encoding`, or whose encoding dictionary has no
//! `/BaseEncoding`, uses the encoding of the font program itself). TeX's fonts (CMMI,
//! CMSY, …) rely on it: their code 0x3A is a period, not a colon.
//!
//! `/FontFile` (Type 1): the `dup CODE /NAME put` entries of the clear-text part
//! (Adobe Type 1 Font Format, §2.3). `/FontFile3` of subtype `Type1C` (CFF): the
//! encoding and charset tables, read by ttf-parser. Names become Unicode through the
//! Adobe Glyph List.

use lopdf::{Dictionary, Document};

use super::simple::ByteTable;
use crate::content::{font_stream, MAX_FONT_PROGRAM};

/// Glyph names of the 256 codes of the embedded program's built-in encoding; `None`
/// when the font has no embedded Type 1 or CFF program, or the program says
/// `StandardEncoding`.
///
/// The program is decoded within [`MAX_FONT_PROGRAM`]; a larger one is refused with a
/// warning.
pub(crate) fn names(
    desc: &Dictionary,
    doc: &Document,
    warnings: &mut Vec<String>,
) -> Option<Vec<Option<String>>> {
    let mut program = |key: &str| {
        let entry = desc.get(key.as_bytes()).ok()?;
        font_stream(doc, entry, &format!("/{key}"), MAX_FONT_PROGRAM, warnings)
    };
    if let Some(data) = program("FontFile") {
        return type1_names(&data);
    }
    let data = program("FontFile3")?;
    let cff = ttf_parser::cff::Table::parse(&data)?;
    let names: Vec<Option<String>> = (0u8..=255)
        .map(|code| {
            cff.glyph_index(code)
                .filter(|g| g.0 != 0)
                .and_then(|g| cff.glyph_name(g))
                .map(str::to_string)
        })
        .collect();
    names.iter().any(Option::is_some).then_some(names)
}

/// `dup CODE /NAME put` entries of a Type 1 program's clear-text part.
fn type1_names(data: &[u8]) -> Option<Vec<Option<String>>> {
    let clear = match find(data, b"eexec") {
        Some(end) => data.get(..end)?,
        None => data,
    };
    let start = find(clear, b"/Encoding")?;
    let rest = clear.get(start + b"/Encoding".len()..)?;
    let text = String::from_utf8_lossy(rest);
    if text.trim_start().starts_with("StandardEncoding") {
        return None;
    }
    let mut names = vec![None; 256];
    let mut words = text.split_ascii_whitespace().peekable();
    while let Some(w) = words.next() {
        if w == "readonly" || w == "def" {
            break;
        }
        if w != "dup" {
            continue;
        }
        let (Some(code), Some(name)) = (words.next(), words.next()) else {
            break;
        };
        if let (Ok(code), Some(name)) = (code.parse::<usize>(), name.strip_prefix('/')) {
            if let Some(slot) = names.get_mut(code) {
                *slot = Some(name.to_string());
            }
        }
    }
    names.iter().any(Option::is_some).then_some(names)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The code → Unicode table of glyph names, through the Adobe Glyph List.
pub(crate) fn table(names: &[Option<String>]) -> ByteTable {
    names
        .iter()
        .map(|n| n.as_deref().and_then(super::simple::agl_char))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type1_clear_text_encoding() {
        let program = b"%!PS-AdobeFont-1.0: CMMI10\n/Encoding 256 array\n0 1 255 {1 index exch /.notdef put} for\n\
            dup 58 /period put\ndup 59 /comma put\nreadonly def\ncurrentfile eexec\n\x80\x81";
        let names = type1_names(program).expect("an encoding");
        assert_eq!(names.get(58).cloned().flatten().as_deref(), Some("period"));
        let t = table(&names);
        assert_eq!(t.get(58).copied().flatten(), Some('.'));
        assert_eq!(t.get(59).copied().flatten(), Some(','));
        assert_eq!(t.get(65).copied().flatten(), None);
        assert!(type1_names(b"/Encoding StandardEncoding def currentfile eexec").is_none());
    }
}
