//! Label recognition at the start of a line: paragraph numbers, headings, sub-items.
//!
//! Forms follow the UN Editorial Manual (numbering of paragraphs and headings):
//! chapters `I.` (Chinese `一.`/`一、`), sections `A.`, subsections `(i)` (Chinese
//! `(一)`), paragraphs `1.`, sub-paragraphs `(a)`; resolutions are titled `73/8.`.

use unpara_model::decimal_value;

use crate::digit_forms;
use crate::letter_forms;

/// What a label says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabelKind {
    /// `12.`: a paragraph number (or a numbered list line when out of sequence).
    Number(u32),
    /// `I.` / `一.`: a chapter heading, with its value.
    Roman(u32),
    /// `A.`: a section heading.
    Capital(char),
    /// `(a)`: a sub-item letter.
    Letter(char),
    /// `(i)` / `(一)`: a subsection or sub-sub-item, with its value.
    SmallRoman(u32),
    /// `73/8.`: a resolution number.
    Resolution,
    /// `10.1`: a paragraph number with its section's number in front (programme budget
    /// fascicles: `10.1` … `10.68` in section 10), as `(section, paragraph)`.
    Section(u32, u32),
    /// `(1)`: a numbered sub-item.
    ParenNumber(u32),
}

/// A label found at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// The label as printed, e.g. `1.`, `(a)`, `一.`.
    pub text: String,
    /// Its meaning.
    pub kind: LabelKind,
    /// Byte length of the label plus the whitespace after it in the line text.
    pub consumed: usize,
}

/// Whether a character can open the text after a section's paragraph number: a capital
/// letter, a Han character, an opening quotation mark or parenthesis. Tested here, not
/// in the section's pattern ([`digit_forms::section_label`]): the classes of all capitals and all Han characters took about 130 µs
/// of that pattern's 170 µs to compile, in every process.
fn opens_section_text(c: char) -> bool {
    c.is_uppercase() || unpara_model::is_han(c) || matches!(c, '“' | '"' | '(' | '（')
}
/// Parenthesized ideographs ㈠–㈩ (U+3220–U+3229), as Chinese sub-items print them.
const PAREN_IDEOGRAPHS: std::ops::RangeInclusive<char> = '\u{3220}'..='\u{3229}';

/// The characters of a Chinese numeral from 一 to 九十九.
fn is_chinese_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// A chapter label of a Chinese document, `一.`, `六、`, `十二．`: one to three Chinese
/// numerals, a full stop (ASCII, ideographic comma or full-width), white space before
/// and after it allowed. Returns the numerals' end and the bytes consumed, or `None`.
/// A scan, not a pattern: this pattern and the one of the parenthesized ideographs took
/// about 0.45 M instructions to compile in every Chinese extract (CAC zh.pdf 100.5 M →
/// 99.8 M without them), and 66 fresh pages of the regex compiler's tables.
fn zh_numeral_label(text: &str) -> Option<(usize, usize)> {
    let numerals: usize = text
        .chars()
        .take(4)
        .take_while(|&c| is_chinese_numeral(c))
        .map(char::len_utf8)
        .sum();
    // Every numeral character is three bytes.
    if !(1..=9).contains(&numerals) {
        return None;
    }
    let mut at = numerals + digit_forms::spaces(text.get(numerals..)?);
    let stop = text.get(at..)?.chars().next()?;
    if !matches!(stop, '.' | '、' | '．') {
        return None;
    }
    at += stop.len_utf8();
    Some((numerals, at + digit_forms::spaces(text.get(at..)?)))
}
/// The letters of Arabic sub-item labels in the UN's (abjad) order, `(أ)` `(ب)` `(ج)`
/// `(د)` `(هـ)` …, read as the Latin letters of the same place (a, b, c, d, e …).
const ABJAD: [&str; 26] = [
    "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق",
    "ر", "ش", "ت", "ث", "خ", "ذ", "ض",
];

/// Value of a Roman numeral (I–L range used for headings), or `None`.
pub fn roman_value(s: &str) -> Option<u32> {
    let digit = |c: char| match c.to_ascii_uppercase() {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        _ => None,
    };
    let values: Option<Vec<u32>> = s.chars().map(digit).collect();
    let values = values?;
    let mut total = 0;
    for (i, v) in values.iter().enumerate() {
        match values.get(i + 1) {
            Some(next) if next > v => total -= *v as i32,
            _ => total += *v as i32,
        }
    }
    u32::try_from(total).ok().filter(|v| *v > 0)
}

/// Value of a Chinese numeral from 一 to 九十九, or `None`.
pub fn chinese_value(s: &str) -> Option<u32> {
    let digit = |c: char| {
        "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32 + 1)
    };
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(10 * digit(*t)?),
        [t, '十', u] => Some(10 * digit(*t)? + digit(*u)?),
        _ => None,
    }
}

/// A chapter or section label, `IV.` or `A.`: 1 to `max` ASCII characters that
/// `is_label`, a full stop, then white space (consumed with the label) or a character
/// outside ASCII (Chinese sets `A.联合国` with none; not consumed). Returns the label's
/// end (after the full stop) and the bytes consumed, or `None` when `text` does not
/// open so. A scan, not a pattern: the pattern's class of all non-ASCII characters
/// took about 190 µs to compile, in every process (the two were 7 % of `unpara
/// extract`'s instructions on a 5-page resolution, `A_RES_73_8.pdf`).
fn dotted(text: &str, max: usize, is_label: impl Fn(char) -> bool) -> Option<(usize, usize)> {
    let letters = text
        .chars()
        .take_while(|&c| c.is_ascii() && is_label(c))
        .count();
    if letters == 0 || letters > max {
        return None;
    }
    // ASCII letters are one byte each.
    let end = letters + 1;
    if text.get(letters..end)? != "." {
        return None;
    }
    let after = text.get(end..)?;
    let next = after.chars().next()?;
    if next.is_whitespace() {
        Some((end, end + digit_forms::spaces(after)))
    } else if !next.is_ascii() {
        Some((end, end))
    } else {
        None
    }
}

/// When the pattern matched the first character of the text itself (no space after the
/// label, as in Chinese `1.联合国`), gives that character back.
fn untake(mut l: Label, matched: &str) -> Label {
    if !matched.ends_with(char::is_whitespace) {
        l.consumed = l.text.len();
    }
    l
}

/// Recognizes a label at the start of `text` (already trimmed at the start).
/// `previous_letter` is the last `(a)`-type letter seen, to read `(i)` after `(h)` as a
/// letter and otherwise as a Roman numeral.
pub fn recognize(text: &str, previous_letter: Option<char>) -> Option<Label> {
    // A label of the first `trim_to` bytes (trimmed), its match `consumed` bytes long.
    let labelled = |consumed: usize, kind: LabelKind, trim_to: usize| {
        Some(Label {
            text: text.get(..trim_to)?.trim().to_string(),
            kind,
            consumed,
        })
    };
    // Every form opens with a digit, a parenthesis, a parenthesized ideograph, a Chinese
    // numeral or an ASCII letter: the patterns of the other forms are not tried (nor
    // compiled) for a line that opens otherwise.
    let first = text.chars().next()?;
    let digit = unpara_model::digit_value(first).is_some() || ('０'..='９').contains(&first);
    let paren = matches!(first, '(' | '（');
    let zh = is_chinese_numeral(first);
    let ideograph = PAREN_IDEOGRAPHS.contains(&first);
    if !(digit || paren || zh || ideograph || first.is_ascii_alphabetic()) {
        return None;
    }
    if digit {
        if let Some((number, whole)) = digit_forms::resolution_label(text) {
            return labelled(whole, LabelKind::Resolution, number + 1);
        }
        if let Some((a, b, whole)) = digit_forms::section_label(text).filter(|(_, _, whole)| {
            text.get(*whole..)
                .and_then(|r| r.chars().next())
                .is_some_and(opens_section_text)
        }) {
            let section = decimal_value(text.get(a)?)?;
            let n = decimal_value(text.get(b.clone())?)?;
            let end = b.end + usize::from(text.get(b.end..)?.starts_with('.'));
            return labelled(whole, LabelKind::Section(section, n), end).map(|mut l| {
                l.consumed = end + digit_forms::spaces(text.get(end..)?);
                Some(l)
            })?;
        }
        let (number, whole) = digit_forms::number_label(text)?;
        let n = decimal_value(text.get(..number)?)?;
        return labelled(whole, LabelKind::Number(n), number + 1)
            .map(|l| untake(l, text.get(..whole).unwrap_or_default()));
    }
    if ideograph {
        let end = first.len_utf8();
        let v = u32::from(first) - u32::from(*PAREN_IDEOGRAPHS.start()) + 1;
        let consumed = end + digit_forms::spaces(text.get(end..)?);
        return labelled(consumed, LabelKind::SmallRoman(v), end);
    }
    if paren {
        if let Some((number, whole)) = digit_forms::paren_number_label(text) {
            let n = decimal_value(text.get(number)?)?;
            let end = text.get(..whole)?.trim_end().len();
            return labelled(whole, LabelKind::ParenNumber(n), end);
        }
    }
    if zh {
        if let Some((numerals, whole)) = zh_numeral_label(text) {
            let v = chinese_value(text.get(..numerals)?)?;
            let end = text.get(..whole)?.trim_end().len();
            return labelled(whole, LabelKind::Roman(v), end);
        }
    }
    if matches!(first, 'I' | 'V' | 'X' | 'L') {
        if let Some((end, consumed)) = dotted(text, 6, |c| matches!(c, 'I' | 'V' | 'X' | 'L')) {
            let v = roman_value(text.get(..end - 1)?)?;
            return Some(Label {
                text: text.get(..end)?.to_string(),
                kind: LabelKind::Roman(v),
                consumed,
            });
        }
    }
    if first.is_ascii_uppercase() {
        if let Some((end, consumed)) = dotted(text, 1, |c| c.is_ascii_uppercase()) {
            return Some(Label {
                text: text.get(..end)?.to_string(),
                kind: LabelKind::Capital(first),
                consumed,
            });
        }
    }
    if paren {
        if let Some((n, whole)) = letter_forms::paren_letter_of(text, &ABJAD) {
            let latin = char::from_u32(u32::from('a') + u32::try_from(n).ok()?)?;
            let end = text.get(..whole)?.trim_end().len();
            return labelled(whole, LabelKind::Letter(latin), end);
        }
    }
    // Sub-items: `(a)`, `(iv)`, `（三）`; `a)` as French, Spanish and Russian UN
    // documents print them.
    let found = if paren {
        letter_forms::paren_letters_label(text)
    } else if first.is_ascii_lowercase() {
        letter_forms::close_only_label(text)
    } else {
        None
    };
    if let Some((inner, whole)) = found {
        let inner = text.get(inner)?;
        let end = text.get(..whole)?.trim_end().len();
        let label = |kind: LabelKind, end: usize| labelled(whole, kind, end);
        if let Some(v) = chinese_value(inner) {
            return label(LabelKind::SmallRoman(v), end);
        }
        let mut chars = inner.chars();
        let first = chars.next()?;
        let single = chars.next().is_none();
        let follows =
            |l: char| previous_letter.and_then(|p| char::from_u32(p as u32 + 1)) == Some(l);
        let roman_letter = matches!(first, 'i' | 'v' | 'x' | 'l');
        if single && (!roman_letter || follows(first)) {
            return label(LabelKind::Letter(first), end);
        }
        if let Some(v) = roman_value(inner) {
            return label(LabelKind::SmallRoman(v), end);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> Option<LabelKind> {
        recognize(text, None).map(|l| l.kind)
    }

    #[test]
    fn labels_of_the_other_languages() {
        assert_eq!(kind("١٢. نص"), Some(LabelKind::Number(12)));
        assert_eq!(kind("(٣) نص"), Some(LabelKind::ParenNumber(3)));
        assert_eq!(kind("(ب) نص"), Some(LabelKind::Letter('b')));
        assert_eq!(kind("(هـ) نص"), Some(LabelKind::Letter('e')));
        assert_eq!(kind("a) Le Comité"), Some(LabelKind::Letter('a')));
        assert_eq!(kind("iv) Le Comité"), Some(LabelKind::SmallRoman(4)));
        assert_eq!(kind("word) text"), None);
    }

    #[test]
    fn paragraph_numbers_with_and_without_space() {
        let l = recognize("1.联合国反腐败公约", None).unwrap();
        assert_eq!(
            (l.text.as_str(), l.kind.clone()),
            ("1.", LabelKind::Number(1))
        );
        assert_eq!(
            "1.联合国反腐败公约".get(l.consumed..),
            Some("联合国反腐败公约")
        );
        let l = recognize("21. The representative", None).unwrap();
        assert_eq!(
            ("21. The representative").get(l.consumed..),
            Some("The representative")
        );
        assert_eq!(kind("3.5 per cent"), None);
        assert_eq!(kind("2017. The"), None);
    }

    #[test]
    fn headings_in_both_languages() {
        assert_eq!(kind("I. Introduction"), Some(LabelKind::Roman(1)));
        assert_eq!(kind("IV. Implementation"), Some(LabelKind::Roman(4)));
        assert_eq!(kind("一.引言"), Some(LabelKind::Roman(1)));
        assert_eq!(kind("六、通过报告"), Some(LabelKind::Roman(6)));
        assert_eq!(
            kind("A. Opening of the meeting"),
            Some(LabelKind::Capital('A'))
        );
        let l = recognize("A.会议开幕", None).unwrap();
        assert_eq!(
            (l.kind, "A.会议开幕".get(l.consumed..)),
            (LabelKind::Capital('A'), Some("会议开幕"))
        );
        assert_eq!(kind("V.17-06020"), None);
        assert_eq!(
            kind("73/8. Necessity of ending"),
            Some(LabelKind::Resolution)
        );
        assert_eq!(recognize("73/8. Necessity", None).unwrap().text, "73/8.");
        assert_eq!(kind("Introduction"), None);
    }

    #[test]
    fn letters_and_small_romans() {
        assert_eq!(
            kind("(a) Assist the Conference"),
            Some(LabelKind::Letter('a'))
        );
        assert_eq!(kind("(i) Education"), Some(LabelKind::SmallRoman(1)));
        assert_eq!(kind("(ii) Integrity"), Some(LabelKind::SmallRoman(2)));
        assert_eq!(kind("(一)在中小学"), Some(LabelKind::SmallRoman(1)));
        assert_eq!(kind("（二）刑事司法"), Some(LabelKind::SmallRoman(2)));
        // (i) right after (h) is the letter i.
        assert_eq!(
            recognize("(i) Ninth", Some('h')).map(|l| l.kind),
            Some(LabelKind::Letter('i'))
        );
    }

    /// Issue 10: section-prefixed paragraph numbers and ㈠ sub-items keep their labels.
    #[test]
    fn section_numbers_and_parenthesized_ideographs() {
        let l = recognize("10.1\tThe programme of work", None).unwrap();
        assert_eq!(
            (l.text.as_str(), l.kind),
            ("10.1", LabelKind::Section(10, 1))
        );
        assert_eq!(
            "10.1\tThe programme of work".get(l.consumed..),
            Some("The programme of work")
        );
        assert_eq!(kind("10.68 The Office"), Some(LabelKind::Section(10, 68)));
        assert_eq!(kind("3.5 per cent of"), None);
        assert_eq!(kind("3.5 million"), None);
        assert_eq!(kind("10.2 “Strategy”"), Some(LabelKind::Section(10, 2)));
        assert_eq!(kind("10.3 联合国"), Some(LabelKind::Section(10, 3)));
        assert_eq!(kind("10.4 Ограничения"), Some(LabelKind::Section(10, 4)));
        assert_eq!(kind("10.5 (a)"), Some(LabelKind::Section(10, 5)));
        assert_eq!(kind("10.6 — a dash"), None);
        let l = recognize("㈡ 人人有权", None).unwrap();
        assert_eq!((l.text.as_str(), l.kind), ("㈡", LabelKind::SmallRoman(2)));
        assert_eq!(kind("(2) Everyone"), Some(LabelKind::ParenNumber(2)));
    }

    /// Chapter and section labels: white space after the full stop is consumed, a
    /// character outside ASCII right after it is not; anything else is no label.
    #[test]
    fn dotted_chapter_and_section_labels() {
        let l = recognize("IV.  Implementation", None).unwrap();
        assert_eq!((l.text.as_str(), l.consumed), ("IV.", 5));
        let l = recognize("A.联合国", None).unwrap();
        assert_eq!(
            (l.text.as_str(), l.kind, l.consumed),
            ("A.", LabelKind::Capital('A'), 2)
        );
        let l = recognize("XIV.\u{A0}Text", None).unwrap();
        assert_eq!((l.kind, l.consumed), (LabelKind::Roman(14), 6));
        assert_eq!(kind("LXVIII. Sixty-eight"), Some(LabelKind::Roman(68)));
        assert_eq!(kind("LXXVIII. Seven letters"), None);
        assert_eq!(kind("A.B. Smith"), None);
        assert_eq!(kind("A."), None);
        assert_eq!(kind("AB. Text"), None);
        assert_eq!(kind("I.e. this"), None);
    }

    #[test]
    fn numeral_values() {
        assert_eq!(roman_value("XIV"), Some(14));
        assert_eq!(chinese_value("十二"), Some(12));
        assert_eq!(chinese_value("二十"), Some(20));
        assert_eq!(chinese_value("三十一"), Some(31));
    }
}

/// The scans of the Chinese chapter labels and the parenthesized ideographs are the
/// patterns they replaced (commit 419afb0), on texts made of their pieces.
#[cfg(test)]
mod same_as_the_patterns {
    use super::*;
    use crate::patterns::re;
    use proptest::prelude::*;
    use regex::Regex;
    use std::sync::LazyLock;

    /// `recognize` of a text opening with a Chinese numeral or a parenthesized
    /// ideograph, by the old patterns.
    static PAREN: LazyLock<Regex> = LazyLock::new(|| re(r"^([\x{3220}-\x{3229}])\s*"));
    static ZH: LazyLock<Regex> =
        LazyLock::new(|| re(r"^([一二三四五六七八九十]{1,3})\s*[.、．]\s*"));

    fn by_patterns(text: &str) -> Option<Option<Label>> {
        let (paren, zh) = (&*PAREN, &*ZH);
        let first = text.chars().next()?;
        let label = |consumed: usize, kind: LabelKind, trim_to: usize| {
            Some(Label {
                text: text.get(..trim_to)?.trim().to_string(),
                kind,
                consumed,
            })
        };
        if PAREN_IDEOGRAPHS.contains(&first) {
            let c = paren.captures(text)?;
            let v = first as u32 - 0x3220 + 1;
            return Some(label(
                c.get(0)?.end(),
                LabelKind::SmallRoman(v),
                c.get(1)?.end(),
            ));
        }
        if is_chinese_numeral(first) {
            // Only the chapter form: a text the pattern does not match is left to the
            // other forms, which the scan does not change.
            let c = zh.captures(text)?;
            let Some(v) = chinese_value(c.get(1)?.as_str()) else {
                return Some(None);
            };
            let end = c.get(0)?.as_str().trim_end().len();
            return Some(label(c.get(0)?.end(), LabelKind::Roman(v), end));
        }
        None
    }

    const PIECES: [&str; 16] = [
        "一", "二", "十", "九", "三", "、", ".", "．", " ", "\u{3000}", "\u{a0}", "㈠", "㈩",
        "引言", "x", "1",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn on_any_text_of_the_pieces(picks in proptest::collection::vec(0..PIECES.len(), 1..8)) {
            let text: String = picks.iter().filter_map(|&i| PIECES.get(i).copied()).collect();
            if let Some(expected) = by_patterns(&text) {
                prop_assert_eq!(recognize(&text, None), expected, "{:?}", text);
            }
        }
    }

    #[test]
    fn on_the_forms() {
        for (text, kind) in [
            ("一.引言", Some(LabelKind::Roman(1))),
            ("六、通过报告", Some(LabelKind::Roman(6))),
            ("十二 ． 标题", Some(LabelKind::Roman(12))),
            ("㈢ 项目", Some(LabelKind::SmallRoman(3))),
            ("㈠\u{3000}项目", Some(LabelKind::SmallRoman(1))),
        ] {
            assert_eq!(by_patterns(text), Some(recognize(text, None)), "{text}");
            assert_eq!(recognize(text, None).map(|l| l.kind), kind, "{text}");
        }
        let l = recognize("十二 ． 标题", None);
        assert_eq!(
            l.map(|l| (l.text, l.consumed)),
            Some(("十二 ．".to_string(), 11))
        );
    }
}
