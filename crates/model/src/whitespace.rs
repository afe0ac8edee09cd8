//! Whitespace in texts: characters that are not whitespace, runs of whitespace
//! collapsed. Whitespace is Unicode White_Space, as `char::is_whitespace` has it.

/// Characters of `text` that are not whitespace (`char::is_whitespace`). An ASCII text
/// is counted by its bytes: its whitespace is U+0009–U+000D and U+0020.
pub fn visible_chars(text: &str) -> usize {
    if text.is_ascii() {
        text.bytes()
            .filter(|b| !matches!(b, b'\t'..=b'\r' | b' '))
            .count()
    } else {
        text.chars().filter(|c| !c.is_whitespace()).count()
    }
}

/// `s` with its runs of whitespace (`char::is_whitespace`) as one space, none at either
/// end: what `split_whitespace` and `join(" ")` give.
pub fn collapse_whitespace(s: &str) -> String {
    // Most sentences of a corpus file need nothing done: copied as they are (splitting
    // and joining every one was a tenth of a 50 MB file's `extract`, perf).
    if is_collapsed(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `s` is already as [`collapse_whitespace`] leaves it: no whitespace at either end, and
/// between words single ASCII spaces only. Decided on the bytes: ASCII whitespace
/// bytes other than a lone space fail it, and so does any non-ASCII character that is
/// whitespace (U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F,
/// U+3000; Unicode White_Space, as `char::is_whitespace`).
fn is_collapsed(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    // Flags folded over the whole text without an early exit, so that the compiler can
    // vectorize the scan.
    let (other_space, non_ascii) = b.iter().fold((false, false), |(o, n), &c| {
        (
            o | matches!(c, b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r'),
            n | (c >= 0x80),
        )
    });
    let double_space = b
        .iter()
        .zip(b.iter().skip(1))
        .fold(false, |d, (&x, &y)| d | (x == b' ' && y == b' '));
    if other_space || double_space {
        return false;
    }
    // Non-ASCII: only when no character of it is whitespace.
    !non_ascii || !s.chars().any(|c| !c.is_ascii() && c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte count of ASCII texts agrees with `char::is_whitespace` on every ASCII
    /// character; other texts count characters (U+00A0 is whitespace).
    #[test]
    fn visible_chars_of_ascii_and_other_texts() {
        let ascii: String = (0u8..128).map(char::from).collect();
        assert_eq!(ascii.chars().filter(|c| !c.is_whitespace()).count(), 122);
        assert_eq!(visible_chars(&ascii), 122);
        assert_eq!(visible_chars("Résolution\u{a0}73/3 a b"), 16);
        assert_eq!(visible_chars("联合国 反腐败"), 6);
    }

    /// The shortcut of [`collapse_whitespace`] changes nothing: every string of up to four pieces
    /// from words, every whitespace character and non-whitespace neighbours of them
    /// collapses as splitting and joining collapses it.
    #[test]
    fn collapse_is_split_and_join() {
        let mut pieces: Vec<String> = ["a", "中", "é", "\u{FEFF}", "\u{200B}", "\u{180E}"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        pieces.extend(
            (0u32..0x3001)
                .filter_map(char::from_u32)
                .filter(|c| c.is_whitespace())
                .map(String::from),
        );
        pieces.push("  ".into());
        let reference = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut checked = 0;
        for a in &pieces {
            for b in &pieces {
                for (c, d) in [("x", "y"), (" ", "z"), ("w", " ")] {
                    for s in [
                        format!("{a}{b}{c}{d}"),
                        format!("{c}{a}{d}{b}"),
                        format!("{a}{c}{b}"),
                    ] {
                        assert_eq!(collapse_whitespace(&s), reference(&s), "{s:?}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 5000, "{checked}");
    }
}
