//! Characters no output may carry: those XML 1.0 forbids (W3C XML 1.0, 5th edition,
//! section 2.2 "Characters": `Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] |
//! [#xE000-#xFFFD] | [#x10000-#x10FFFF]`). A control character in an input (a UNPC
//! file's `&#x7;`, a PDF's stray U+0001) would make the TMX and XCES outputs ill-formed,
//! so documents are cleaned of them once, after reading, and the count is reported.

use crate::{Block, Document};

/// Whether XML 1.0 allows `c` in character data.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// Whether `s` may hold a character XML 1.0 forbids: a C0 control byte other than tab,
/// line feed and carriage return, or the UTF-8 of U+FFFE or U+FFFF (surrogates cannot
/// be in a `str`). A byte scan, so that the texts without any (all but a few) are
/// neither rewritten nor decoded: cleaning a 50 MB corpus file's texts char by char was
/// 14 % of its `extract` (perf).
fn may_hold_forbidden(s: &str) -> bool {
    let b = s.as_bytes();
    // Flags folded over fixed chunks without an early exit inside one, so that the
    // compiler can vectorize the scan.
    let mut lead_ef = false;
    for chunk in b.chunks(64) {
        let (control, ef) = chunk.iter().fold((false, false), |(control, ef), &c| {
            (
                control | (c < 0x20 && !matches!(c, b'\t' | b'\n' | b'\r')),
                ef | (c == 0xEF),
            )
        });
        if control {
            return true;
        }
        lead_ef |= ef;
    }
    lead_ef && b.windows(3).any(|w| matches!(w, [0xEF, 0xBF, 0xBE | 0xBF]))
}

/// Removes the characters XML 1.0 forbids from `s`; returns how many there were.
fn clean(s: &mut String) -> u64 {
    if !may_hold_forbidden(s) {
        return 0;
    }
    let mut dropped = 0;
    s.retain(|c| {
        let keep = is_xml_char(c);
        dropped += u64::from(!keep);
        keep
    });
    dropped
}

/// How many characters of `s` XML 1.0 forbids ([`is_xml_char`]).
pub fn forbidden_chars(s: &str) -> u64 {
    if !may_hold_forbidden(s) {
        return 0;
    }
    s.chars().filter(|c| !is_xml_char(*c)).count() as u64
}

impl Block {
    /// Removes the characters XML 1.0 forbids ([`is_xml_char`]) from the block's text,
    /// label and sentences. Returns how many there were in its text and label (its
    /// sentences repeat its text).
    pub fn drop_forbidden_chars(&mut self) -> u64 {
        let mut n = clean(&mut self.text);
        if let Some(l) = &mut self.label {
            n += clean(l);
        }
        for s in &mut self.sentences {
            clean(s);
        }
        n
    }
}

impl Document {
    /// Removes the characters XML 1.0 forbids ([`is_xml_char`]) from every text of the
    /// document (metadata, blocks with their labels and sentences, footnotes) and, when
    /// there were any, says how many in a warning of `diagnostics`. Returns the count
    /// (characters, each text counted once: a block's sentences repeat its text).
    pub fn drop_forbidden_chars(&mut self) -> u64 {
        let in_blocks = self
            .blocks
            .iter_mut()
            .map(Block::drop_forbidden_chars)
            .sum();
        self.drop_forbidden_chars_besides(in_blocks)
    }

    /// [`Document::drop_forbidden_chars`] for a document whose blocks are not held
    /// (written as they are read): cleans the metadata and footnotes, and the warning
    /// also counts the `in_blocks` characters the blocks hold (each cleaned by
    /// [`Block::drop_forbidden_chars`] as it is written). Returns the whole count.
    pub fn drop_forbidden_chars_besides(&mut self, in_blocks: u64) -> u64 {
        let mut n = 0;
        let m = &mut self.metadata;
        for s in [
            &mut m.symbol,
            &mut m.job_number,
            &mut m.distribution,
            &mut m.date,
            &mut m.title,
        ]
        .into_iter()
        .flatten()
        {
            n += clean(s);
        }
        n += in_blocks;
        for f in &mut self.footnotes {
            n += clean(&mut f.text);
        }
        if n > 0 {
            self.diagnostics.warnings.push(format!(
                "{n} characters XML 1.0 forbids (control characters such as U+0007) dropped from the text"
            ));
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_not_xml() {
        assert!(!is_xml_char('\u{7}'));
        assert!(!is_xml_char('\u{FFFE}'));
        assert!(is_xml_char('\t') && is_xml_char('中') && is_xml_char('\u{1F600}'));
        let mut s = "a\u{7}b\u{0}c".to_string();
        assert_eq!(clean(&mut s), 2);
        assert_eq!(s, "abc");
        assert_eq!(forbidden_chars("a\u{7}b\u{0}c\u{FFFF}"), 3);
    }

    #[test]
    fn the_byte_scan_finds_every_forbidden_character() {
        // Every character of the planes the scan's cases touch: C0, the BMP's end (U+FFxx,
        // whose UTF-8 starts EF BF), and a few around them.
        let chars = (0u32..0x100)
            .chain(0xEFB0..0xF000)
            .chain(0xFF00..0x1_0010)
            .filter_map(char::from_u32);
        for c in chars {
            let s = format!("a{c}b");
            assert_eq!(may_hold_forbidden(&s), !is_xml_char(c), "{:X}", c as u32);
            assert_eq!(
                forbidden_chars(&s),
                u64::from(!is_xml_char(c)),
                "{:X}",
                c as u32
            );
        }
        assert!(!may_hold_forbidden("\t\n\r 中文 \u{FFFD}\u{EFBF}"));
    }
}
