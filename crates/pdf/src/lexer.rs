//! The content-stream lexer: a decoded content stream → its operations, each an
//! operator and its operands, with no allocation per operation (PDF 32000-1 §7.2
//! lexical conventions, §7.3 objects, §7.8.2 content streams, §8.9.7 inline images).
//!
//! Operands live in buffers the [`Lexer`] reuses: numbers as `f32`, strings and names
//! as ranges of one byte buffer (escapes resolved), an array's items as a range of a
//! second operand list. Only what the interpreter reads is kept: numbers, strings,
//! names, booleans and arrays of them; `null`, dictionaries (marked-content
//! properties, inline image entries) and arrays inside arrays are [`Operand::Other`].

use std::fmt;

/// Deepest nesting of arrays and dictionaries in one operand (real content nests at
/// most two levels: a `TJ` array, a `BDC` property dictionary holding an array); a
/// guard against a stream of brackets exhausting the stack.
const MAX_NESTING: usize = 32;

/// Most operands (array items included) of one operation: a guard against a stream of
/// numbers with no operator filling memory. The longest real `TJ` arrays, a page of
/// glyphs each kerned, hold some 10 000 items.
const MAX_OPERANDS: usize = 1 << 20;

/// One operand: a number, or where its bytes or items are in the operation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Operand {
    /// An integer or real number (§7.3.3), as `f32`.
    Number(f32),
    /// A name (§7.3.5): `bytes[start..end]`, `#xx` escapes resolved.
    Name(u32, u32),
    /// A literal or hexadecimal string (§7.3.4): `bytes[start..end]`, escapes resolved.
    Str(u32, u32),
    /// An array (§7.3.6): `items[start..end]`.
    Array(u32, u32),
    /// A boolean (§7.3.2).
    Bool(bool),
    /// `null`, a dictionary, an array in an array, or a malformed number.
    Other,
}

/// An item of an array operand.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Item<'l> {
    /// A number.
    Number(f32),
    /// A string's bytes.
    Str(&'l [u8]),
    /// Anything else.
    Other,
}

/// One operation: an operator with the operands before it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Operation<'l> {
    /// The operator's bytes (`Tj`, `T*`, `'`).
    pub operator: &'l [u8],
    /// The operands, in stream order.
    pub operands: &'l [Operand],
    items: &'l [Operand],
    bytes: &'l [u8],
}

impl<'l> Operation<'l> {
    /// The last `N` operands as numbers, `None` when there are fewer or one is no number
    /// (operators take their operands from the top of the stack, §7.8.2).
    pub(crate) fn numbers<const N: usize>(&self) -> Option<[f32; N]> {
        let start = self.operands.len().checked_sub(N)?;
        let mut out = [0.0; N];
        for (slot, o) in out.iter_mut().zip(self.operands.get(start..)?) {
            match o {
                Operand::Number(n) => *slot = *n,
                _ => return None,
            }
        }
        Some(out)
    }

    /// Operand `i` as a number.
    pub(crate) fn number(&self, i: usize) -> Option<f32> {
        match self.operands.get(i)? {
            Operand::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// Operand `i` as a string's bytes.
    pub(crate) fn string(&self, i: usize) -> Option<&'l [u8]> {
        match self.operands.get(i)? {
            Operand::Str(s, e) => self.bytes.get(*s as usize..*e as usize),
            _ => None,
        }
    }

    /// Operand `i` as a name's bytes (no `/`).
    pub(crate) fn name(&self, i: usize) -> Option<&'l [u8]> {
        match self.operands.get(i)? {
            Operand::Name(s, e) => self.bytes.get(*s as usize..*e as usize),
            _ => None,
        }
    }

    /// The index of the last operand (`None` when there is none).
    pub(crate) fn last(&self) -> Option<usize> {
        self.operands.len().checked_sub(1)
    }

    /// Operand `i` as an array: its items.
    pub(crate) fn array(&self, i: usize) -> Option<impl Iterator<Item = Item<'l>> + 'l> {
        let Operand::Array(s, e) = self.operands.get(i)? else {
            return None;
        };
        let (items, bytes) = (self.items, self.bytes);
        Some(
            items
                .get(*s as usize..*e as usize)
                .unwrap_or_default()
                .iter()
                .map(move |o| match o {
                    Operand::Number(n) => Item::Number(*n),
                    Operand::Str(s, e) => bytes
                        .get(*s as usize..*e as usize)
                        .map_or(Item::Other, Item::Str),
                    _ => Item::Other,
                }),
        )
    }
}

/// Why a content stream could not be read on from some byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LexError {
    /// Byte offset in the decoded stream where the trouble starts.
    pub offset: usize,
    /// What is wrong there.
    pub what: &'static str,
}

impl fmt::Display for LexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.what, self.offset)
    }
}

/// White space (§7.2.2, Table 1).
fn is_white(c: u8) -> bool {
    matches!(c, b'\0' | b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// Delimiters (§7.2.2, Table 2).
fn is_delimiter(c: u8) -> bool {
    matches!(
        c,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(c: u8) -> bool {
    !is_white(c) && !is_delimiter(c)
}

fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// A number token (§7.3.3: an optional sign, digits with at most one period), or
/// `None` for another token; read in one pass.
///
/// Integers are read as lopdf reads them (i64, saturating, then the nearest `f32`).
/// A real of at most [`EXACT_MANTISSA`] as its digits and at most 10 digits after the
/// period is its digits divided by a power of ten: both are exact in `f32`, so the one
/// division rounds correctly, to the value `f32::from_str` gives (W. D. Clinger, "How
/// to read floating point numbers accurately", PLDI 1990, the fast path); other reals
/// go to `f32::from_str`. On Word's kerned `TJ` arrays this saves 12.0 M of
/// `unpara text`'s 245.7 M instructions (callgrind, `A_80_590.pdf`).
fn number(token: &[u8]) -> Option<f32> {
    let (negative, digits) = match token.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, token),
    };
    let mut integer: i64 = 0;
    let mut mantissa: u32 = 0;
    let mut exact = true;
    let mut any_digit = false;
    let mut period = false;
    let mut fraction_digits = 0usize;
    for &c in digits {
        match c {
            b'0'..=b'9' => {
                any_digit = true;
                let d = c - b'0';
                integer = integer.saturating_mul(10).saturating_add(i64::from(d));
                fraction_digits += usize::from(period);
                match mantissa
                    .checked_mul(10)
                    .and_then(|m| m.checked_add(u32::from(d)))
                {
                    Some(m) if m <= EXACT_MANTISSA => mantissa = m,
                    _ => exact = false,
                }
            }
            b'.' if !period => period = true,
            _ => return None,
        }
    }
    if !any_digit {
        return None;
    }
    if !period {
        let v = if negative { -integer } else { integer };
        return Some(v as f32);
    }
    match POWERS_OF_TEN.get(fraction_digits) {
        Some(power) if exact => {
            let v = mantissa as f32 / power;
            Some(if negative { -v } else { v })
        }
        // The token is ASCII by the loop above; `f32::from_str` rounds correctly.
        _ => std::str::from_utf8(token).ok()?.parse().ok(),
    }
}

/// The largest integer below which every integer is exact in `f32` (2^24).
const EXACT_MANTISSA: u32 = 1 << 24;

/// 10^0 to 10^10, each exact in `f32` (5^10 < 2^24).
const POWERS_OF_TEN: [f32; 11] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];

/// Splits a decoded content stream into operations; see the module doc.
pub(crate) struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
    operands: Vec<Operand>,
    items: Vec<Operand>,
    bytes: Vec<u8>,
}

/// What one token is.
enum Token {
    Operand(Operand),
    /// An operator: `data[start..end]`.
    Operator(usize, usize),
    /// A stray closing delimiter, ignored.
    Nothing,
}

impl<'a> Lexer<'a> {
    /// A lexer at the start of `data`.
    pub(crate) fn new(data: &'a [u8]) -> Self {
        Lexer {
            data,
            pos: 0,
            operands: Vec::new(),
            items: Vec::new(),
            bytes: Vec::new(),
        }
    }

    /// The next operation; `None` at the end of the stream (operands after the last
    /// operator are dropped, as they are by any reader: they operate on nothing). After
    /// an error the lexer stays at the end.
    pub(crate) fn next_operation(&mut self) -> Option<Result<Operation<'_>, LexError>> {
        self.operands.clear();
        self.items.clear();
        self.bytes.clear();
        loop {
            let token = match self.token(0) {
                Ok(Some(t)) => t,
                Ok(None) => return None,
                Err(e) => {
                    self.pos = self.data.len();
                    return Some(Err(e));
                }
            };
            match token {
                Token::Operand(o) => {
                    if self.operands.len() + self.items.len() >= MAX_OPERANDS {
                        let offset = self.pos;
                        self.pos = self.data.len();
                        return Some(Err(LexError {
                            offset,
                            what: "more than 1048576 operands before an operator",
                        }));
                    }
                    self.operands.push(o);
                }
                Token::Operator(start, end) => {
                    let operator = self.data.get(start..end).unwrap_or_default();
                    if operator == b"ID" {
                        if let Err(e) = self.skip_image_data() {
                            self.pos = self.data.len();
                            return Some(Err(e));
                        }
                    }
                    return Some(Ok(Operation {
                        operator,
                        operands: &self.operands,
                        items: &self.items,
                        bytes: &self.bytes,
                    }));
                }
                Token::Nothing => {}
            }
        }
    }

    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    fn error(&self, what: &'static str) -> LexError {
        LexError {
            offset: self.pos,
            what,
        }
    }

    /// Skips white space and comments (§7.2.3).
    fn skip_space(&mut self) {
        while let Some(c) = self.peek() {
            if is_white(c) {
                self.pos += 1;
            } else if c == b'%' {
                while self.peek().is_some_and(|c| c != b'\n' && c != b'\r') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// The next token, `None` at the end. `depth` is the nesting inside arrays and
    /// dictionaries; inside an array (`depth` ≥ 1) an array is skipped as `Other`.
    fn token(&mut self, depth: usize) -> Result<Option<Token>, LexError> {
        self.skip_space();
        let Some(c) = self.peek() else {
            return Ok(None);
        };
        let start = self.pos;
        let token = match c {
            b'(' => {
                self.pos += 1;
                Token::Operand(self.literal_string()?)
            }
            b'<' if self.data.get(start + 1) == Some(&b'<') => {
                self.pos += 2;
                self.skip_until(b'>', depth + 1)?;
                Token::Operand(Operand::Other)
            }
            b'<' => {
                self.pos += 1;
                Token::Operand(self.hex_string()?)
            }
            b'[' => {
                self.pos += 1;
                if depth == 0 {
                    Token::Operand(self.array()?)
                } else {
                    self.skip_until(b']', depth + 1)?;
                    Token::Operand(Operand::Other)
                }
            }
            b'/' => {
                self.pos += 1;
                Token::Operand(self.name())
            }
            b')' | b'>' | b']' | b'{' | b'}' => {
                self.pos += 1;
                Token::Nothing
            }
            _ => {
                while self.peek().is_some_and(is_regular) {
                    self.pos += 1;
                }
                let word = self.data.get(start..self.pos).unwrap_or_default();
                match word {
                    b"true" => Token::Operand(Operand::Bool(true)),
                    b"false" => Token::Operand(Operand::Bool(false)),
                    b"null" => Token::Operand(Operand::Other),
                    [b'0'..=b'9' | b'+' | b'-' | b'.', ..] => {
                        Token::Operand(number(word).map_or(Operand::Other, Operand::Number))
                    }
                    _ => Token::Operator(start, self.pos),
                }
            }
        };
        Ok(Some(token))
    }

    /// An array's items (the `[` read): numbers, strings and names kept, anything
    /// else `Other`.
    fn array(&mut self) -> Result<Operand, LexError> {
        let start = self.items.len();
        loop {
            self.skip_space();
            match self.peek() {
                None => return Err(self.error("array not closed")),
                Some(b']') => {
                    self.pos += 1;
                    break;
                }
                Some(_) => {}
            }
            match self.token(1)? {
                Some(Token::Operand(o)) => {
                    if self.operands.len() + self.items.len() >= MAX_OPERANDS {
                        return Err(self.error("more than 1048576 operands before an operator"));
                    }
                    self.items.push(o);
                }
                // An operator keyword inside an array is no operand of it.
                Some(Token::Operator(..)) => self.items.push(Operand::Other),
                Some(Token::Nothing) => {}
                None => return Err(self.error("array not closed")),
            }
        }
        Ok(Operand::Array(start as u32, self.items.len() as u32))
    }

    /// Skips a dictionary or nested array to its closing `close` (`>` of `>>`, `]`),
    /// strings and nested containers included.
    fn skip_until(&mut self, close: u8, depth: usize) -> Result<(), LexError> {
        if depth > MAX_NESTING {
            return Err(self.error("arrays or dictionaries nested too deep"));
        }
        loop {
            self.skip_space();
            let Some(c) = self.peek() else {
                return Err(self.error(if close == b']' {
                    "array not closed"
                } else {
                    "dictionary not closed"
                }));
            };
            match c {
                b'>' if close == b'>' && self.data.get(self.pos + 1) == Some(&b'>') => {
                    self.pos += 2;
                    return Ok(());
                }
                b']' if close == b']' => {
                    self.pos += 1;
                    return Ok(());
                }
                b'[' => {
                    self.pos += 1;
                    self.skip_until(b']', depth + 1)?;
                }
                b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                    self.pos += 2;
                    self.skip_until(b'>', depth + 1)?;
                }
                _ => {
                    // Strings and names are read (into the buffer, then dropped) so that
                    // a `>` or `]` inside a string ends nothing.
                    let mark = self.bytes.len();
                    self.token(depth)?;
                    self.bytes.truncate(mark);
                }
            }
        }
    }

    /// A name's bytes (the `/` read), `#xx` escapes resolved (§7.3.5).
    fn name(&mut self) -> Operand {
        let start = self.bytes.len();
        while let Some(c) = self.peek().filter(|&c| is_regular(c)) {
            self.pos += 1;
            let escaped = (c == b'#')
                .then(|| {
                    let hi = hex_value(*self.data.get(self.pos)?)?;
                    let lo = hex_value(*self.data.get(self.pos + 1)?)?;
                    Some(hi << 4 | lo)
                })
                .flatten();
            match escaped {
                Some(b) => {
                    self.pos += 2;
                    self.bytes.push(b);
                }
                None => self.bytes.push(c),
            }
        }
        Operand::Name(start as u32, self.bytes.len() as u32)
    }

    /// A literal string (the `(` read): balanced parentheses, escapes resolved, an
    /// end of line (CR, LF, CR LF) read as LF (§7.3.4.2).
    fn literal_string(&mut self) -> Result<Operand, LexError> {
        let start = self.bytes.len();
        let mut open = 1usize;
        loop {
            let Some(c) = self.peek() else {
                return Err(self.error("literal string not closed"));
            };
            self.pos += 1;
            match c {
                b'(' => {
                    open += 1;
                    self.bytes.push(c);
                }
                b')' => {
                    open -= 1;
                    if open == 0 {
                        break;
                    }
                    self.bytes.push(c);
                }
                b'\\' => self.escape(),
                b'\r' => {
                    if self.peek() == Some(b'\n') {
                        self.pos += 1;
                    }
                    self.bytes.push(b'\n');
                }
                _ => self.bytes.push(c),
            }
        }
        Ok(Operand::Str(start as u32, self.bytes.len() as u32))
    }

    /// An escape in a literal string (the `\` read), Table 3 of §7.3.4.2: an unknown
    /// escape is the character itself, a backslash before an end of line continues the
    /// string on the next line.
    fn escape(&mut self) {
        let Some(c) = self.peek() else { return };
        self.pos += 1;
        let byte = match c {
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'b' => b'\x08',
            b'f' => b'\x0C',
            b'0'..=b'7' => {
                let mut v = u32::from(c - b'0');
                for _ in 0..2 {
                    match self.peek() {
                        Some(d @ b'0'..=b'7') => {
                            v = v * 8 + u32::from(d - b'0');
                            self.pos += 1;
                        }
                        _ => break,
                    }
                }
                // High-order overflow is ignored (§7.3.4.2): `\777` is 0o377.
                (v & 0xFF) as u8
            }
            b'\r' => {
                if self.peek() == Some(b'\n') {
                    self.pos += 1;
                }
                return;
            }
            b'\n' => return,
            other => other,
        };
        self.bytes.push(byte);
    }

    /// A hexadecimal string (the `<` read): white space ignored, an odd last digit
    /// followed by 0 (§7.3.4.3); other bytes are skipped.
    fn hex_string(&mut self) -> Result<Operand, LexError> {
        let start = self.bytes.len();
        let mut high: Option<u8> = None;
        loop {
            let Some(c) = self.peek() else {
                return Err(self.error("hexadecimal string not closed"));
            };
            self.pos += 1;
            if c == b'>' {
                break;
            }
            if let Some(v) = hex_value(c) {
                match high.take() {
                    Some(h) => self.bytes.push(h << 4 | v),
                    None => high = Some(v),
                }
            }
        }
        if let Some(h) = high {
            self.bytes.push(h << 4);
        }
        Ok(Operand::Str(start as u32, self.bytes.len() as u32))
    }

    /// Skips an inline image's data after its `ID` operator, and its `EI` (§8.9.7).
    /// With no filter and the size given, the data is the size the entries make
    /// (`/W`, `/H`, `/BPC`, `/CS` or `/IM`, abbreviated or not; §8.9.7 Table 93);
    /// otherwise (a filter, a size unknown, or no `EI` after the data) it ends at the
    /// first `EI` between white space (or at the end of the stream) after it.
    fn skip_image_data(&mut self) -> Result<(), LexError> {
        // One white-space byte follows `ID` (CR LF counts as one).
        match self.peek() {
            Some(b'\r') if self.data.get(self.pos + 1) == Some(&b'\n') => self.pos += 2,
            Some(c) if is_white(c) => self.pos += 1,
            _ => {}
        }
        let start = self.pos;
        if let Some(len) = self.image_length() {
            let end = start.saturating_add(len);
            let mut p = end;
            while self.data.get(p).copied().is_some_and(is_white) {
                p += 1;
            }
            if self.data.get(p..p + 2) == Some(b"EI")
                && self.data.get(p + 2).is_none_or(|&c| !is_regular(c))
            {
                self.pos = p + 2;
                return Ok(());
            }
        }
        let found = self
            .data
            .get(start..)
            .unwrap_or_default()
            .windows(3)
            .enumerate()
            .find(|(i, w)| {
                let after = self.data.get(start + i + 3);
                is_white(w[0]) && &w[1..] == b"EI" && after.is_none_or(|&c| !is_regular(c))
            })
            .map(|(i, _)| start + i + 3);
        match found {
            Some(p) => {
                self.pos = p;
                Ok(())
            }
            None => Err(LexError {
                offset: start,
                what: "inline image data with no EI after it",
            }),
        }
    }

    /// The size in bytes of an unfiltered inline image from its entries (the operands
    /// of `ID`), or `None` when it has a filter or its size cannot be told.
    fn image_length(&self) -> Option<usize> {
        let entry = |short: &[u8], long: &[u8]| {
            self.operands.chunks(2).find_map(|pair| match pair {
                [Operand::Name(s, e), value] => {
                    let key = self.bytes.get(*s as usize..*e as usize)?;
                    (key == short || key == long).then_some(*value)
                }
                _ => None,
            })
        };
        if entry(b"F", b"Filter").is_some() {
            return None;
        }
        let size = |short: &[u8], long: &[u8]| match entry(short, long)? {
            Operand::Number(n) if n >= 0.0 && n.fract() == 0.0 => Some(n as usize),
            _ => None,
        };
        let width = size(b"W", b"Width")?;
        let height = size(b"H", b"Height")?;
        let mask = matches!(entry(b"IM", b"ImageMask"), Some(Operand::Bool(true)));
        let name_of = |o: Operand| match o {
            Operand::Name(s, e) => self.bytes.get(s as usize..e as usize),
            _ => None,
        };
        let colors = match entry(b"CS", b"ColorSpace") {
            None if mask => 1,
            // An Indexed space is an array: one index per sample.
            Some(Operand::Array(..)) => 1,
            Some(cs) => match name_of(cs)? {
                b"G" | b"DeviceGray" | b"CalGray" | b"I" | b"Indexed" => 1,
                b"RGB" | b"DeviceRGB" | b"CalRGB" => 3,
                b"CMYK" | b"DeviceCMYK" => 4,
                _ => return None,
            },
            None => return None,
        };
        let bpc = match size(b"BPC", b"BitsPerComponent") {
            Some(b) => b,
            None if mask => 1,
            None => return None,
        };
        bpc.checked_mul(colors)?
            .checked_mul(width)?
            .div_ceil(8)
            .checked_mul(height)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every operation as (operator, operands written out).
    fn ops(data: &[u8]) -> Vec<(String, Vec<String>)> {
        let mut lexer = Lexer::new(data);
        let mut out = Vec::new();
        while let Some(op) = lexer.next_operation() {
            let Ok(op) = op else {
                out.push(("ERROR".to_string(), Vec::new()));
                break;
            };
            let shown = (0..op.operands.len())
                .map(|i| {
                    if let Some(n) = op.number(i) {
                        format!("{n}")
                    } else if let Some(s) = op.string(i) {
                        format!("({})", String::from_utf8_lossy(s))
                    } else if let Some(n) = op.name(i) {
                        format!("/{}", String::from_utf8_lossy(n))
                    } else if let Some(items) = op.array(i) {
                        let items: Vec<String> = items
                            .map(|it| match it {
                                Item::Number(n) => format!("{n}"),
                                Item::Str(s) => format!("({})", String::from_utf8_lossy(s)),
                                Item::Other => "?".to_string(),
                            })
                            .collect();
                        format!("[{}]", items.join(" "))
                    } else {
                        "?".to_string()
                    }
                })
                .collect();
            out.push((String::from_utf8_lossy(op.operator).into_owned(), shown));
        }
        out
    }

    fn op(name: &str, operands: &[&str]) -> (String, Vec<String>) {
        (
            name.to_string(),
            operands.iter().map(|s| s.to_string()).collect(),
        )
    }

    #[test]
    fn text_operators_with_their_operands() {
        assert_eq!(
            ops(b"BT /F1 12 Tf 1 0 0 1 72.5 -.5 Tm (Hello) Tj [(A) -120 (B)] TJ T* ET"),
            [
                op("BT", &[]),
                op("Tf", &["/F1", "12"]),
                op("Tm", &["1", "0", "0", "1", "72.5", "-0.5"]),
                op("Tj", &["(Hello)"]),
                op("TJ", &["[(A) -120 (B)]"]),
                op("T*", &[]),
                op("ET", &[]),
            ]
        );
    }

    #[test]
    fn string_escapes_and_balanced_parentheses() {
        // §7.3.4.2: \n, octal, an unknown escape, a continued line, nested parentheses,
        // CR LF read as LF.
        assert_eq!(
            ops(b"(a\\nb\\101\\q\\\nc(d)e\r\nf) Tj <48 65 6C6C 6F7> Tj"),
            [op("Tj", &["(a\nbAqc(d)e\nf)"]), op("Tj", &["(Hellop)"])]
        );
    }

    #[test]
    fn names_with_escapes_and_the_quote_operators() {
        assert_eq!(
            ops(b"/F#231 9 Tf (x) ' 2 1 (y) \" /Im1 Do"),
            [
                op("Tf", &["/F#1", "9"]),
                op("'", &["(x)"]),
                op("\"", &["2", "1", "(y)"]),
                op("Do", &["/Im1"]),
            ]
        );
    }

    #[test]
    fn dictionaries_comments_and_nested_arrays_are_other() {
        assert_eq!(
            ops(b"/Span <</ActualText (a>>b) /K [1 [2]]>> BDC % a comment ) (\n[(x) [1] true] TJ EMC"),
            [
                op("BDC", &["/Span", "?"]),
                op("TJ", &["[(x) ? ?]"]),
                op("EMC", &[]),
            ]
        );
    }

    #[test]
    fn inline_image_data_is_skipped() {
        // 2 × 2 RGB at 8 bits: 12 bytes of data that hold "EI" and ")" themselves.
        let mut data = b"BI /W 2 /H 2 /CS /RGB /BPC 8 ID ".to_vec();
        data.extend_from_slice(b" EI )(EI\nxyz");
        data.extend_from_slice(b"\nEI (after) Tj");
        assert_eq!(
            ops(&data),
            [
                op("BI", &[]),
                op("ID", &["/W", "2", "/H", "2", "/CS", "/RGB", "/BPC", "8"]),
                op("Tj", &["(after)"]),
            ]
        );
        // A filtered image: its data ends at the first EI between white space.
        let filtered = b"BI /W 9 /H 9 /F /AHx ID 0a1b EI (next) Tj";
        assert_eq!(ops(filtered).last(), Some(&op("Tj", &["(next)"])));
    }

    #[test]
    fn damage_stops_the_stream_with_what_came_before() {
        assert_eq!(
            ops(b"(a) Tj (open Tj"),
            [op("Tj", &["(a)"]), op("ERROR", &[])]
        );
        let deep = [b"[".repeat(100), b"] TJ".to_vec()].concat();
        assert_eq!(ops(&deep), [op("ERROR", &[])]);
        // Stray closers are ignored; a malformed number is no number.
        assert_eq!(ops(b") ] 1.2.3 5 Tz"), [op("Tz", &["?", "5"])]);
    }

    /// A literal string of any bytes, `(`, `)` and `\` escaped (§7.3.4.2).
    fn literal(bytes: &[u8]) -> Vec<u8> {
        let mut out = vec![b'('];
        for &b in bytes {
            if matches!(b, b'(' | b')' | b'\\') {
                out.push(b'\\');
            }
            // A raw CR would be read as LF (§7.3.4.2): written as an escape.
            if b == b'\r' {
                out.extend_from_slice(b"\\r");
                continue;
            }
            out.push(b);
        }
        out.push(b')');
        out
    }

    proptest::proptest! {
        #[test]
        fn strings_come_back_as_written(a in proptest::collection::vec(proptest::num::u8::ANY, 0..40),
                                        b in proptest::collection::vec(proptest::num::u8::ANY, 0..40),
                                        n in -5000i32..5000) {
            // `[(a) n <b>] TJ`: a literal string, a number, a hexadecimal string.
            let hex: String = b.iter().map(|x| format!("{x:02X}")).collect();
            let data = [b"[".to_vec(), literal(&a), format!(" {n} <{hex}>] TJ").into_bytes()].concat();
            let mut lexer = Lexer::new(&data);
            let op = lexer.next_operation();
            let Some(Ok(op)) = op else {
                return Err(proptest::test_runner::TestCaseError::fail("no operation"));
            };
            proptest::prop_assert_eq!(op.operator, b"TJ");
            let items: Vec<Item> = op.array(0).map(|i| i.collect()).unwrap_or_default();
            proptest::prop_assert_eq!(items, vec![Item::Str(&a), Item::Number(n as f32), Item::Str(&b)]);
        }

        #[test]
        fn any_bytes_end_in_bounded_operations(data in proptest::collection::vec(
            proptest::sample::select(b"()<>[]{}/%\\ \n\r0123456789.-+abTJfEIDB#".to_vec()), 0..300)) {
            // Every operation consumes at least one byte: the lexer always ends.
            let mut lexer = Lexer::new(&data);
            let mut count = 0usize;
            while let Some(op) = lexer.next_operation() {
                count += 1;
                proptest::prop_assert!(count <= data.len() + 1);
                if op.is_err() {
                    proptest::prop_assert!(lexer.next_operation().is_none());
                    break;
                }
            }
        }
    }

    /// The number reader of the previous release (four passes, `f32::from_str` for
    /// every real): the one-pass reader must give the same bits for every token.
    fn number_as_before(token: &[u8]) -> Option<f32> {
        let digits = token
            .strip_prefix(b"-")
            .or(token.strip_prefix(b"+"))
            .unwrap_or(token);
        let periods = digits.iter().filter(|&&c| c == b'.').count();
        let valid = !digits.is_empty()
            && periods <= 1
            && digits.iter().all(|&c| c.is_ascii_digit() || c == b'.')
            && digits.iter().any(u8::is_ascii_digit);
        if !valid {
            return None;
        }
        if periods == 0 {
            let mut v: i64 = 0;
            for &c in digits {
                v = v.saturating_mul(10).saturating_add(i64::from(c - b'0'));
            }
            let v = if token.first() == Some(&b'-') { -v } else { v };
            return Some(v as f32);
        }
        std::str::from_utf8(token).ok()?.parse().ok()
    }

    #[test]
    fn numbers_as_producers_write_them() {
        for (token, value) in [
            (&b"-3.5"[..], -3.5f32),
            (b".5", 0.5),
            (b"5.", 5.0),
            (b"+.25", 0.25),
            (b"0.000001", 1e-6),
            (b"123456.7", 123_456.7),
            (b"16777217.5", 16_777_218.0),
            (b"0.1", 0.1),
            (b"-0.0", -0.0),
            // Integers saturate at i64::MAX, as lopdf reads them.
            (b"99999999999999999999", i64::MAX as f32),
        ] {
            assert_eq!(
                number(token).map(f32::to_bits),
                Some(value.to_bits()),
                "{token:?}"
            );
        }
        for token in [&b"."[..], b"-", b"1.2.3", b"--1", b"1e5", b""] {
            assert_eq!(number(token), None, "{token:?}");
        }
    }

    mod numbers_read_as_before {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(20_000))]
            #[test]
            fn on_tokens_of_digits_signs_and_periods(token in "[-+]?[0-9.]{0,14}") {
                let bits = |v: Option<f32>| v.map(f32::to_bits);
                prop_assert_eq!(bits(number(token.as_bytes())), bits(number_as_before(token.as_bytes())), "{}", token);
            }

            #[test]
            fn on_reals_as_pdf_writers_print_them(v in -1.0e7f64..1.0e7, places in 0usize..12) {
                let token = format!("{v:.places$}");
                let bits = |v: Option<f32>| v.map(f32::to_bits);
                prop_assert_eq!(bits(number(token.as_bytes())), bits(number_as_before(token.as_bytes())), "{}", token);
            }
        }
    }
}
