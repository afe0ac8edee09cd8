//! `word/numbering.xml`: automatic paragraph numbers (ECMA-376 Part 1, §17.9), written
//! in front of the paragraph text as the printed label (`1.`, `(a)`, `(i)`, `一、`).

use std::collections::HashMap;

use super::styles::attr;
use crate::xml::{walk, Ev};
use crate::XmlError;

#[derive(Debug, Clone, Default)]
struct Level {
    /// `w:numFmt`: decimal, lowerLetter, upperLetter, lowerRoman, upperRoman,
    /// chineseCounting, ideographTraditional, bullet, …
    format: String,
    /// `w:lvlText`, e.g. `%1.` or `(%2)`.
    text: String,
    start: u32,
}

/// The deepest list level: levels 0 to 8, nine in all (ECMA-376 Part 1, §17.9.3 `ilvl`
/// and §17.9.1: an abstract numbering definition holds at most nine levels). Deeper
/// level definitions are skipped with a warning; paragraphs at deeper levels get no
/// label.
const MAX_LEVEL: u32 = 8;

/// The largest number written as letters or Roman numerals: Roman numerals stop at
/// 3 999 (MMMCMXCIX), and Word's letter numbering repeats the letter (`aa`, `aaa`), so
/// 3 999 is at most 154 letters. Larger counters are written as decimal digits.
const MAX_SPELLED: u32 = 3_999;

/// The longest label kept, in characters: real list labels are a few characters
/// (`(a)`, `1.2.3`, `一、`); a `w:lvlText` that expands past this is cut, with its
/// paragraph's label otherwise intact. Bounds the label whatever `w:lvlText` repeats.
const MAX_LABEL_CHARS: usize = 256;

/// Numbering definitions and the counters of the paragraphs read so far.
#[derive(Debug, Default)]
pub(crate) struct Numbering {
    /// abstractNumId → levels.
    abstracts: HashMap<String, HashMap<u32, Level>>,
    /// numId → abstractNumId.
    nums: HashMap<String, String>,
    /// numId → counters per level.
    counters: HashMap<String, Vec<u32>>,
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

fn chinese(n: u32) -> String {
    const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let digit = |d: u32| DIGITS.get(d as usize).copied().unwrap_or('〇');
    match n {
        0..=9 => digit(n).to_string(),
        10..=19 => format!(
            "十{}",
            if n > 10 {
                digit(n - 10).to_string()
            } else {
                String::new()
            }
        ),
        20..=99 => format!(
            "{}十{}",
            digit(n / 10),
            if !n.is_multiple_of(10) {
                digit(n % 10).to_string()
            } else {
                String::new()
            }
        ),
        _ => n.to_string(),
    }
}

/// A counter value in a number format; letters and Roman numerals up to
/// [`MAX_SPELLED`], decimal digits beyond.
pub(crate) fn format_number(n: u32, format: &str) -> String {
    if n > MAX_SPELLED
        && matches!(
            format,
            "lowerLetter" | "upperLetter" | "lowerRoman" | "upperRoman"
        )
    {
        return n.to_string();
    }
    let letter = |base: u8| {
        let i = (n.max(1) - 1) % 26;
        let repeat = (n.max(1) - 1) / 26 + 1;
        std::iter::repeat_n(char::from(base + i as u8), repeat as usize).collect()
    };
    match format {
        "lowerLetter" => letter(b'a'),
        "upperLetter" => letter(b'A'),
        "lowerRoman" => roman(n),
        "upperRoman" => roman(n).to_uppercase(),
        "chineseCounting"
        | "chineseCountingThousand"
        | "ideographTraditional"
        | "taiwaneseCounting" => chinese(n),
        "bullet" | "none" => String::new(),
        _ => n.to_string(),
    }
}

impl Numbering {
    pub(crate) fn read(xml: &[u8], warnings: &mut Vec<String>) -> Result<Numbering, XmlError> {
        let mut numbering = Numbering::default();
        let mut abstract_id: Option<String> = None;
        let mut level: Option<(u32, Level)> = None;
        let mut num_id: Option<String> = None;
        let mut deep_levels = 0usize;
        walk(xml, warnings, |ev| {
            if let Ev::Start { name, attrs } = &ev {
                let val = attr(attrs, "val").unwrap_or_default().to_string();
                match name.as_str() {
                    "abstractNum" => abstract_id = attr(attrs, "abstractNumId").map(str::to_string),
                    "lvl" => {
                        let ilvl = attr(attrs, "ilvl")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(0);
                        if ilvl > MAX_LEVEL {
                            deep_levels += 1;
                            level = None;
                            return Ok(());
                        }
                        level = Some((
                            ilvl,
                            Level {
                                start: 1,
                                ..Level::default()
                            },
                        ));
                    }
                    "numFmt" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.format = val;
                        }
                    }
                    "lvlText" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.text = val;
                        }
                    }
                    "start" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.start = val.parse().unwrap_or(1);
                        }
                    }
                    "num" => num_id = attr(attrs, "numId").map(str::to_string),
                    "abstractNumId" => {
                        if let Some(n) = num_id.clone() {
                            numbering.nums.insert(n, val);
                        }
                    }
                    _ => {}
                }
            }
            if let Ev::End { name } = &ev {
                if name == "lvl" {
                    if let (Some(a), Some((i, l))) = (abstract_id.clone(), level.take()) {
                        numbering.abstracts.entry(a).or_default().insert(i, l);
                    }
                }
            }
            Ok(())
        })?;
        if deep_levels > 0 {
            warnings.push(format!(
                "numbering.xml: {deep_levels} list level definitions deeper than level \
                 {MAX_LEVEL} (ECMA-376 allows nine levels) skipped"
            ));
        }
        Ok(numbering)
    }

    /// The label of the next paragraph numbered `num_id` at level `ilvl`, advancing the
    /// counters (deeper levels restart); `None` for bullets and unknown numbering.
    pub(crate) fn next(&mut self, num_id: &str, ilvl: u32) -> Option<String> {
        if ilvl > MAX_LEVEL {
            return None;
        }
        let levels = self.abstracts.get(self.nums.get(num_id)?)?;
        let level = levels.get(&ilvl)?;
        let counters = self.counters.entry(num_id.to_string()).or_default();
        let depth = ilvl as usize + 1;
        if counters.len() < depth {
            counters.resize(depth, 0);
        }
        counters.truncate(depth);
        if let Some(c) = counters.get_mut(ilvl as usize) {
            *c = if *c == 0 {
                level.start
            } else {
                c.saturating_add(1)
            };
        }
        if level.format == "bullet" || level.format == "none" {
            return None;
        }
        let mut label: String = level.text.chars().take(MAX_LABEL_CHARS).collect();
        for (i, c) in counters.iter().enumerate() {
            let format = levels
                .get(&(i as u32))
                .map_or("decimal", |l| l.format.as_str());
            label = label.replace(&format!("%{}", i + 1), &format_number((*c).max(1), format));
            if label.chars().count() > MAX_LABEL_CHARS {
                label = label.chars().take(MAX_LABEL_CHARS).collect();
            }
        }
        Some(label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats() {
        assert_eq!(format_number(3, "decimal"), "3");
        assert_eq!(format_number(2, "lowerLetter"), "b");
        assert_eq!(format_number(4, "lowerRoman"), "iv");
        assert_eq!(format_number(14, "upperRoman"), "XIV");
        assert_eq!(format_number(12, "chineseCounting"), "十二");
        assert_eq!(format_number(21, "ideographTraditional"), "二十一");
    }

    #[test]
    fn counters_restart_below_a_new_number() {
        let xml = br#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
            </w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;
        let mut n = Numbering::read(xml, &mut Vec::new()).expect("numbering");
        let labels: Vec<Option<String>> = [(0, 0), (1, 1), (1, 1), (0, 0), (1, 1)]
            .iter()
            .map(|&(_, l)| n.next("5", l))
            .collect();
        assert_eq!(
            labels,
            [
                Some("1.".into()),
                Some("(a)".into()),
                Some("(b)".into()),
                Some("2.".into()),
                Some("(a)".into())
            ]
        );
        assert_eq!(n.next("9", 0), None);
    }

    /// Issue 13: levels and start values a file decides are bounded (a 585-byte file
    /// with `w:ilvl="4294967295"` asked for 16 GiB of counters; `w:start="2000000000"`
    /// with `lowerLetter` made a 77 M-character label).
    #[test]
    fn levels_starts_and_labels_are_bounded() {
        let xml = br#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0">
            <w:lvl w:ilvl="4294967295"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
            <w:lvl w:ilvl="1000000"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
            <w:lvl w:ilvl="0"><w:start w:val="2000000000"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="4294967295"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%2"/></w:lvl>
            </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;
        let mut warnings = Vec::new();
        let mut n = Numbering::read(xml, &mut warnings).expect("numbering");
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("2 list level definitions deeper")),
            "{warnings:?}"
        );
        assert_eq!(n.next("1", 4_294_967_295), None);
        for _ in 0..1000 {
            assert_eq!(n.next("1", 1_000_000), None);
        }
        assert_eq!(n.next("1", 0).as_deref(), Some("2000000000)"));
        assert_eq!(n.next("1", 1).as_deref(), Some("4294967295"));
        // The counter saturates instead of wrapping.
        assert_eq!(n.next("1", 1).as_deref(), Some("4294967295"));
        assert_eq!(format_number(3999, "upperRoman"), "MMMCMXCIX");
        assert_eq!(format_number(4000, "upperRoman"), "4000");
        assert_eq!(format_number(3999, "lowerLetter").len(), 154);
        let long = format!(
            r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1000000"/><w:numFmt w:val="decimal"/><w:lvlText w:val="{}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#,
            "%1".repeat(10_000)
        );
        let mut n = Numbering::read(long.as_bytes(), &mut Vec::new()).expect("numbering");
        assert_eq!(
            n.next("1", 0).map(|l| l.chars().count()),
            Some(MAX_LABEL_CHARS)
        );
    }
}
