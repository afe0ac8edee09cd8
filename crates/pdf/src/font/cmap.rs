//! CMap parsing: the subset of PostScript that ToUnicode and encoding CMaps use.
//!
//! Sources: PDF 32000-1 §9.7.5 (CMaps), §9.10.3 (ToUnicode CMaps), and Adobe Technical
//! Note #5014 (CMap and CIDFont Files Specification) / #5411 (ToUnicode Mapping File
//! Tutorial). Handles `begincodespacerange`, `beginbfchar`, `beginbfrange` (including
//! the array form), `begincidchar`, `begincidrange`, `usecmap` (recorded), and
//! `/WMode`. Codes are 1 to 4 bytes long.

use foldhash::HashMap;

use smol_str::SmolStr;

use super::char_text;

/// A code space range: codes of `len` bytes whose every byte lies between the bytes of
/// `lo` and `hi` (PDF 32000-1 §9.7.6.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CodespaceRange {
    pub len: u8,
    pub lo: u32,
    pub hi: u32,
}

impl CodespaceRange {
    fn contains(&self, code: u32) -> bool {
        (0..self.len).all(|i| {
            let shift = 8 * u32::from(i);
            let b = (code >> shift) & 0xff;
            b >= (self.lo >> shift) & 0xff && b <= (self.hi >> shift) & 0xff
        })
    }
}

/// A parsed CMap: code space, code → Unicode (bf) and code → CID mappings.
#[derive(Debug, Clone, Default)]
pub(crate) struct CMap {
    pub codespace: Vec<CodespaceRange>,
    unicode_chars: HashMap<u32, SmolStr>,
    /// `(lo, hi, first target)` for bfrange with a string target; sorted by `lo`.
    unicode_ranges: Vec<(u32, u32, Vec<u16>)>,
    cid_chars: HashMap<u32, u32>,
    /// `(lo, hi, first CID)`; sorted by `lo`.
    cid_ranges: Vec<(u32, u32, u32)>,
    /// Name given to `usecmap`, if any (resolved by the caller into [`CMap::parent`]).
    pub usecmap: Option<String>,
    /// The CMap named by `usecmap`: consulted for codes this one does not map
    /// (PDF 32000-1 §9.7.5.3).
    pub parent: Option<std::sync::Arc<CMap>>,
    /// Writing mode: 0 horizontal, 1 vertical.
    pub wmode: u8,
    /// Entries that could not be parsed.
    pub bad_entries: usize,
    /// Whether the CMap held more than [`MAX_TOKENS`] tokens and its tail was not read.
    pub truncated: bool,
}

/// The most mappings a CMap is read for: twice the 65 536 CIDs a font can have (PDF
/// 32000-1 Annex C.2, Table C.1: CID 65 535 at most), so that a code space of 1-byte and
/// 2-byte codes mapped one by one still fits.
pub(crate) const MAX_ENTRIES: usize = 2 * 65_536;

/// The most tokens a CMap is tokenised into: [`MAX_ENTRIES`] `bfrange` entries of 3
/// tokens, each with one spare, and 4 096 for the header and section keywords. Keeps
/// the memory of a CMap bounded (about 60 bytes a token) whatever its stream holds.
pub(crate) const MAX_TOKENS: usize = MAX_ENTRIES * 4 + 4_096;

impl CMap {
    /// Splits the next code off `bytes` by the code space; returns `(code, length)`.
    /// With no code space, or no range matching, one byte per code when the code space
    /// is empty and the shortest code space length otherwise (as pdf.js does).
    pub fn next_code(&self, bytes: &[u8]) -> Option<(u32, usize)> {
        if bytes.is_empty() {
            return None;
        }
        if self.codespace.is_empty() {
            if let Some(p) = &self.parent {
                return p.next_code(bytes);
            }
        }
        let mut code = 0u32;
        for n in 1..=4usize.min(bytes.len()) {
            code = (code << 8) | u32::from(*bytes.get(n - 1)?);
            if self
                .codespace
                .iter()
                .any(|r| usize::from(r.len) == n && r.contains(code))
            {
                return Some((code, n));
            }
        }
        let n = self
            .codespace
            .iter()
            .map(|r| usize::from(r.len))
            .min()
            .unwrap_or(1)
            .min(bytes.len());
        let code = bytes
            .get(..n)?
            .iter()
            .fold(0u32, |acc, b| (acc << 8) | u32::from(*b));
        Some((code, n))
    }

    /// The bfchar entries: code and Unicode text.
    pub fn char_entries(&self) -> impl Iterator<Item = (u32, &str)> {
        self.unicode_chars.iter().map(|(c, v)| (*c, v.as_str()))
    }

    /// Maps `code` to `text` (a bfchar entry), replacing what it mapped to.
    pub fn set_unicode(&mut self, code: u32, text: String) {
        self.unicode_chars.insert(code, SmolStr::from(text));
    }

    /// The largest code this CMap's own bfchar/bfrange entries map; `None` without any.
    pub fn last_unicode_code(&self) -> Option<u32> {
        let chars = self.unicode_chars.keys().copied().max();
        let ranges = self.unicode_ranges.iter().map(|r| r.1).max();
        chars.max(ranges)
    }

    /// The Unicode text a code maps to through bfchar/bfrange entries.
    pub fn unicode(&self, code: u32) -> Option<SmolStr> {
        self.own_unicode(code)
            .or_else(|| self.parent.as_ref()?.unicode(code))
    }

    fn own_unicode(&self, code: u32) -> Option<SmolStr> {
        if let Some(s) = self.unicode_chars.get(&code) {
            return Some(s.clone());
        }
        let i = self.unicode_ranges.partition_point(|r| r.0 <= code);
        let (lo, hi, start) = self.unicode_ranges.get(i.checked_sub(1)?)?;
        if code > *hi {
            return None;
        }
        let offset = u16::try_from(code - lo).ok()?;
        // One UTF-16 unit (nearly every range): one character, held inline.
        if let [unit] = start.as_slice() {
            let c = char::from_u32(u32::from(unit.wrapping_add(offset)));
            return Some(char_text(c.unwrap_or(char::REPLACEMENT_CHARACTER)));
        }
        let mut units = start.clone();
        let last = units.last_mut()?;
        *last = last.wrapping_add(offset);
        Some(
            char::decode_utf16(units)
                .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                .collect(),
        )
    }

    /// The Unicode text a code maps to when this CMap is a font's `/ToUnicode`: its
    /// bfchar/bfrange entries, else its cidchar/cidrange entries with the CID read as a
    /// Unicode code point. PDF 32000-1 §9.10.3 allows only the bf operators there, but
    /// some producers write code-to-CID CMaps as ToUnicode (a contract's 宋体 font came
    /// out as U+FFFD); poppler reads them so (`CharCodeToUnicode::parseCMap1`).
    pub fn to_unicode(&self, code: u32) -> Option<SmolStr> {
        self.unicode(code).or_else(|| {
            let value = self.cid(code).filter(|&v| v != 0)?;
            char::from_u32(value).map(char_text)
        })
    }

    /// The CID a code maps to through cidchar/cidrange entries.
    pub fn cid(&self, code: u32) -> Option<u32> {
        self.own_cid(code)
            .or_else(|| self.parent.as_ref()?.cid(code))
    }

    fn own_cid(&self, code: u32) -> Option<u32> {
        if let Some(c) = self.cid_chars.get(&code) {
            return Some(*c);
        }
        let i = self.cid_ranges.partition_point(|r| r.0 <= code);
        let (lo, hi, start) = self.cid_ranges.get(i.checked_sub(1)?)?;
        (code <= *hi).then(|| start + (code - lo))
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Hex(Vec<u8>),
    Int(i64),
    Name(String),
    Keyword(String),
    ArrayStart,
    ArrayEnd,
}

/// The tokens of `data`, at most [`MAX_TOKENS`]; `true` with them when it held more.
fn tokenize(data: &[u8]) -> (Vec<Token>, bool) {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = data.get(i) {
        if out.len() >= MAX_TOKENS {
            return (out, true);
        }
        match c {
            b'%' => {
                while data.get(i).is_some_and(|&c| c != b'\n' && c != b'\r') {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                i += 1;
                // Two hex digits a byte; an odd last digit is followed by 0 (§7.3.4.3).
                let mut bytes = Vec::new();
                let mut high: Option<u8> = None;
                while let Some(&c) = data.get(i) {
                    i += 1;
                    if c == b'>' {
                        break;
                    }
                    if let Some(d) = (c as char).to_digit(16) {
                        let d = d as u8;
                        match high.take() {
                            Some(h) => bytes.push(h * 16 + d),
                            None => high = Some(d),
                        }
                    }
                }
                if let Some(h) = high {
                    bytes.push(h * 16);
                }
                out.push(Token::Hex(bytes));
            }
            b'[' => {
                out.push(Token::ArrayStart);
                i += 1;
            }
            b']' => {
                out.push(Token::ArrayEnd);
                i += 1;
            }
            b'(' => {
                // Literal strings appear only in headers (CIDSystemInfo): skip balanced.
                let mut depth = 0;
                while let Some(&c) = data.get(i) {
                    i += 1;
                    match c {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
            }
            b'/' => {
                i += 1;
                let start = i;
                while data.get(i).is_some_and(|&c| !is_delimiter(c)) {
                    i += 1;
                }
                out.push(Token::Name(
                    String::from_utf8_lossy(data.get(start..i).unwrap_or_default()).into_owned(),
                ));
            }
            c if c.is_ascii_whitespace() || c == b'{' || c == b'}' || c == b'>' || c == b')' => {
                i += 1
            }
            _ => {
                let start = i;
                while data.get(i).is_some_and(|&c| !is_delimiter(c)) {
                    i += 1;
                }
                let word = String::from_utf8_lossy(data.get(start..i).unwrap_or_default());
                match word.parse::<i64>() {
                    Ok(n) => out.push(Token::Int(n)),
                    Err(_) => out.push(Token::Keyword(word.into_owned())),
                }
                if i == start {
                    i += 1;
                }
            }
        }
    }
    (out, false)
}

fn is_delimiter(c: u8) -> bool {
    c.is_ascii_whitespace() || b"()<>[]{}/%".contains(&c)
}

fn code_of(bytes: &[u8]) -> Option<(u32, u8)> {
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    let code = bytes.iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b));
    Some((code, bytes.len() as u8))
}

/// The UTF-16 code units of a string's bytes, big-endian; an odd last byte is a unit.
fn utf16(bytes: &[u8]) -> impl Iterator<Item = u16> + '_ {
    bytes.chunks(2).map(|p| match p {
        [a, b] => u16::from_be_bytes([*a, *b]),
        [a] => u16::from(*a),
        _ => 0,
    })
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    utf16(bytes).collect()
}

/// The text of UTF-16 bytes, U+FFFD for an unpaired surrogate (as
/// `String::from_utf16_lossy`), held inline when short: no allocation for most
/// mappings of a `ToUnicode` CMap.
fn utf16_text(bytes: &[u8]) -> SmolStr {
    char::decode_utf16(utf16(bytes))
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Parses a CMap stream. Never fails: entries it cannot read are counted in
/// [`CMap::bad_entries`].
pub(crate) fn parse(data: &[u8]) -> CMap {
    let (tokens, truncated) = tokenize(data);
    let mut cmap = CMap {
        truncated,
        ..CMap::default()
    };
    let mut i = 0;
    // Operands since the last keyword.
    let mut last_name: Option<String> = None;
    while let Some(tok) = tokens.get(i) {
        i += 1;
        match tok {
            Token::Name(n) => {
                if n == "WMode" {
                    if let Some(Token::Int(m)) = tokens.get(i) {
                        cmap.wmode = u8::from(*m == 1);
                    }
                }
                last_name = Some(n.clone());
            }
            Token::Keyword(k) => match k.as_str() {
                "usecmap" => cmap.usecmap = last_name.take(),
                "begincodespacerange" => i = codespace(&tokens, i, &mut cmap),
                "beginbfchar" => i = bfchar(&tokens, i, &mut cmap),
                "beginbfrange" => i = bfrange(&tokens, i, &mut cmap),
                "begincidchar" => i = cidchar(&tokens, i, &mut cmap),
                "begincidrange" => i = cidrange(&tokens, i, &mut cmap),
                _ => {}
            },
            _ => {}
        }
    }
    cmap.unicode_ranges.sort_by_key(|r| r.0);
    cmap.cid_ranges.sort_by_key(|r| r.0);
    cmap
}

fn is_end(tok: Option<&Token>) -> bool {
    matches!(tok, Some(Token::Keyword(k)) if k.starts_with("end")) || tok.is_none()
}

fn codespace(t: &[Token], mut i: usize, cmap: &mut CMap) -> usize {
    while !is_end(t.get(i)) {
        match (t.get(i), t.get(i + 1)) {
            (Some(Token::Hex(lo)), Some(Token::Hex(hi))) => {
                match (code_of(lo), code_of(hi)) {
                    (Some((lo, n)), Some((hi, m))) if n == m => {
                        cmap.codespace.push(CodespaceRange { len: n, lo, hi })
                    }
                    _ => cmap.bad_entries += 1,
                }
                i += 2;
            }
            _ => {
                cmap.bad_entries += 1;
                i += 1;
            }
        }
    }
    i + 1
}

fn bfchar(t: &[Token], mut i: usize, cmap: &mut CMap) -> usize {
    while !is_end(t.get(i)) {
        match (t.get(i), t.get(i + 1)) {
            (Some(Token::Hex(src)), Some(Token::Hex(dst))) => {
                match code_of(src) {
                    Some((code, _)) => {
                        cmap.unicode_chars.insert(code, utf16_text(dst));
                    }
                    None => cmap.bad_entries += 1,
                }
                i += 2;
            }
            (Some(Token::Hex(src)), Some(Token::Name(name))) => {
                // A glyph name as target (seen in some producers' ToUnicode CMaps).
                if let (Some((code, _)), Some(s)) =
                    (code_of(src), super::glyph_name_to_unicode(name))
                {
                    cmap.unicode_chars.insert(code, SmolStr::from(s));
                } else {
                    cmap.bad_entries += 1;
                }
                i += 2;
            }
            _ => {
                cmap.bad_entries += 1;
                i += 1;
            }
        }
    }
    i + 1
}

fn bfrange(t: &[Token], mut i: usize, cmap: &mut CMap) -> usize {
    while !is_end(t.get(i)) {
        let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) = (t.get(i), t.get(i + 1)) else {
            cmap.bad_entries += 1;
            i += 1;
            continue;
        };
        let (Some((lo, _)), Some((hi, _))) = (code_of(lo), code_of(hi)) else {
            cmap.bad_entries += 1;
            i += 2;
            continue;
        };
        i += 2;
        match t.get(i) {
            Some(Token::Hex(dst)) if lo <= hi => {
                cmap.unicode_ranges.push((lo, hi, utf16_units(dst)));
                i += 1;
            }
            Some(Token::ArrayStart) => {
                i += 1;
                let mut code = lo;
                while let Some(Token::Hex(dst)) = t.get(i) {
                    if code <= hi {
                        cmap.unicode_chars.insert(code, utf16_text(dst));
                    }
                    code = code.saturating_add(1);
                    i += 1;
                }
                if t.get(i) == Some(&Token::ArrayEnd) {
                    i += 1;
                }
            }
            _ => {
                cmap.bad_entries += 1;
                i += 1;
            }
        }
    }
    i + 1
}

fn cidchar(t: &[Token], mut i: usize, cmap: &mut CMap) -> usize {
    while !is_end(t.get(i)) {
        match (t.get(i), t.get(i + 1)) {
            (Some(Token::Hex(src)), Some(Token::Int(cid))) => {
                match (code_of(src), u32::try_from(*cid)) {
                    (Some((code, _)), Ok(cid)) => {
                        cmap.cid_chars.insert(code, cid);
                    }
                    _ => cmap.bad_entries += 1,
                }
                i += 2;
            }
            _ => {
                cmap.bad_entries += 1;
                i += 1;
            }
        }
    }
    i + 1
}

fn cidrange(t: &[Token], mut i: usize, cmap: &mut CMap) -> usize {
    while !is_end(t.get(i)) {
        match (t.get(i), t.get(i + 1), t.get(i + 2)) {
            (Some(Token::Hex(lo)), Some(Token::Hex(hi)), Some(Token::Int(cid))) => {
                match (code_of(lo), code_of(hi), u32::try_from(*cid)) {
                    (Some((lo, _)), Some((hi, _)), Ok(cid)) if lo <= hi => {
                        cmap.cid_ranges.push((lo, hi, cid))
                    }
                    _ => cmap.bad_entries += 1,
                }
                i += 3;
            }
            _ => {
                cmap.bad_entries += 1;
                i += 1;
            }
        }
    }
    i + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The text of a mapping's bytes is `String::from_utf16_lossy`'s (unpaired
        /// surrogates, odd lengths and long texts included); the hex string of any
        /// digits and other bytes is its digits paired, an odd last digit padded with 0.
        #[test]
        fn utf16_text_and_hex_strings(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64)) {
            let lossy = String::from_utf16_lossy(&utf16_units(&bytes));
            let text = utf16_text(&bytes);
            proptest::prop_assert_eq!(text.as_str(), lossy.as_str());
            let mut hex = b"<".to_vec();
            hex.extend(bytes.iter().map(|b| if b % 3 == 0 { b' ' } else { b"0123456789aBcDeF"[usize::from(b % 16)] }));
            hex.push(b'>');
            let digits: Vec<u8> = hex.iter().filter_map(|&c| (c as char).to_digit(16)).map(|d| d as u8).collect();
            let expected: Vec<u8> = digits.chunks(2).map(|p| p[0] * 16 + p.get(1).copied().unwrap_or(0)).collect();
            let (tokens, _) = tokenize(&hex);
            proptest::prop_assert!(matches!(tokens.as_slice(), [Token::Hex(h)] if *h == expected));
        }
    }

    const TO_UNICODE: &[u8] = b"/CIDInit /ProcSet findresource begin
12 dict begin begincmap
/CMapName /Adobe-Identity-UCS def
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar
<0003> <0020>
<0011> <4E2D>
<01F0> <00660069>
endbfchar
2 beginbfrange
<0024> <0026> <0041>
<0030> <0032> [<0061> <D835DC00> <0063>]
endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end";

    #[test]
    fn bfchar_and_bfrange_map_codes_to_unicode() {
        let c = parse(TO_UNICODE);
        assert_eq!(c.bad_entries, 0);
        assert_eq!(c.unicode(0x0003).as_deref(), Some(" "));
        assert_eq!(c.unicode(0x0011).as_deref(), Some("中"));
        // Multi-character target (a ligature).
        assert_eq!(c.unicode(0x01F0).as_deref(), Some("fi"));
        // Range with a start string: last unit incremented.
        assert_eq!(c.unicode(0x0024).as_deref(), Some("A"));
        assert_eq!(c.unicode(0x0026).as_deref(), Some("C"));
        assert_eq!(c.unicode(0x0027), None);
        // Array form, with a surrogate pair.
        assert_eq!(c.unicode(0x0030).as_deref(), Some("a"));
        assert_eq!(c.unicode(0x0031).as_deref(), Some("\u{1D400}"));
        assert_eq!(c.unicode(0x0032).as_deref(), Some("c"));
    }

    #[test]
    fn codespace_splits_mixed_length_codes() {
        let c = parse(
            b"2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange
              1 begincidrange <8140> <817E> 633 endcidrange
              1 begincidchar <41> 34 endcidchar",
        );
        assert_eq!(c.next_code(&[0x41, 0x81, 0x41]), Some((0x41, 1)));
        assert_eq!(c.next_code(&[0x81, 0x41]), Some((0x8141, 2)));
        assert_eq!(c.cid(0x8141), Some(634));
        assert_eq!(c.cid(0x41), Some(34));
        assert_eq!(c.cid(0x42), None);
    }

    #[test]
    fn issue_10_cidrange_in_a_to_unicode_cmap_gives_code_points() {
        let c = parse(
            b"2 begincidrange
              <0001> <0002> 23435 <0003> <0003> 0
              endcidrange 1 begincidchar <0010> 20307 endcidchar",
        );
        // 23435 = U+5B8B 宋, 20307 = U+4F53 体; CID 0 (.notdef) is no text.
        assert_eq!(c.to_unicode(1).as_deref(), Some("宋"));
        assert_eq!(c.to_unicode(2).as_deref(), Some("完"));
        assert_eq!(c.to_unicode(0x10).as_deref(), Some("体"));
        assert_eq!(c.to_unicode(3), None);
        assert_eq!(c.to_unicode(4), None);
        // bf entries come first.
        let both = parse(b"1 beginbfchar <01> <0041> endbfchar 1 begincidchar <01> 66 endcidchar");
        assert_eq!(both.to_unicode(1).as_deref(), Some("A"));
    }

    #[test]
    fn four_byte_codes_and_wmode() {
        let c = parse(
            b"/WMode 1 def 1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange
              1 beginbfchar <00010203> <4E00> endbfchar",
        );
        assert_eq!(c.wmode, 1);
        assert_eq!(c.next_code(&[0, 1, 2, 3]), Some((0x0001_0203, 4)));
        assert_eq!(c.unicode(0x0001_0203).as_deref(), Some("一"));
    }

    #[test]
    fn usecmap_is_recorded() {
        let child = parse(b"/Identity-H usecmap 1 beginbfchar <0001> <0041> endbfchar");
        assert_eq!(child.usecmap.as_deref(), Some("Identity-H"));
        assert_eq!(child.unicode(1).as_deref(), Some("A"));
    }

    #[test]
    fn garbage_never_panics() {
        let c = parse(b"beginbfrange <00> endbfrange beginbfchar <01> [ endbfchar <<>> ((( ");
        assert!(c.bad_entries > 0);
        assert_eq!(c.unicode(0), None);
    }
}
