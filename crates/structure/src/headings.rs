//! Headings without roman or letter labels: by the words they are made of in the six
//! languages (`Article 1` / `第一条` / `Article premier` / `Artículo 1` / `Статья 1` /
//! `المادة 1`, `Preamble` / `序言` / `Préambule` / `Preámbulo` / `Преамбула` /
//! `الديباجة`, `Annex`, `Chapter`, `Section 10`, `Part IV`, `Subprogramme 1` and their
//! counterparts), and by typography measured against the body — set bold or larger
//! than the body, short, not ending a sentence, standing alone between block breaks.

use crate::digit_forms::{is_digit, spaces};
use crate::labels::{chinese_value, roman_value};

/// A heading told by its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PatternHeading {
    /// Heading depth.
    pub level: u8,
    /// The article's number (`Article 12`, `第十二条`): articles anchor the alignment of
    /// conventions and declarations, as the XML readers number them.
    pub number: Option<u32>,
}

/// How a form's number follows its words.
#[derive(Clone, Copy)]
enum Number {
    /// White space, then a number (`Article 12`).
    Spaced,
    /// Optionally: white space and a number (`Annex`, `Annex II`).
    OptionallySpaced,
    /// Perhaps white space, then a number (`第 3 条`, `第三条`).
    Close,
    /// Perhaps white space, then perhaps a number (`附件`, `附件一`).
    OptionallyClose,
    /// White space, then the word `premier` (`Article premier`).
    Premier,
    /// No number (`Preamble`).
    None,
}

/// One form of heading told by its words: the words it opens with (one of them),
/// whether they are matched without case, how the number follows, the words that may
/// close the number (`条`, `章`; none: nothing), whether a title may follow (after a
/// colon or dash, or after white space) or the line ends there, the level, and whether
/// the number is an article's.
///
/// Matched by hand, not by regular expressions: compiling a form's pattern took about
/// 2.5 M instructions, in every process whose text holds the form's words (the
/// `Annex` form on `S_2013_220.pdf`, 1.7 % of `unpara extract`; the three `第` forms on
/// the Chinese fixture, 2.4 %). The patterns they match, from commit 2f84596, are the
/// tests' oracle.
struct Form {
    leads: &'static [&'static str],
    fold: bool,
    number: Number,
    closers: &'static [&'static str],
    title: bool,
    level: u8,
    article: bool,
}

const ARTICLE: &[&str] = &["Article", "Artículo", "Статья", "المادة"];
const ANNEX: &[&str] = &[
    "Annex",
    "Appendix",
    "Annexe",
    "Appendice",
    "Anexo",
    "Apéndice",
    "Приложение",
    "Добавление",
    "المرفق",
    "التذييل",
];
const PART: &[&str] = &[
    "Chapter",
    "Part",
    "Chapitre",
    "Partie",
    "Capítulo",
    "Parte",
    "Глава",
    "Часть",
    "الفصل",
    "الجزء",
];
/// Lowercase: matched without case.
const PREAMBLE: &[&str] = &[
    "preamble",
    "préambule",
    "preámbulo",
    "преамбула",
    "الديباجة",
    "序言",
];

const fn form(
    leads: &'static [&'static str],
    number: Number,
    closers: &'static [&'static str],
    title: bool,
    level: u8,
    article: bool,
) -> Form {
    Form {
        leads,
        fold: false,
        number,
        closers,
        title,
        level,
        article,
    }
}

/// Heading words, as data. Sources: UN Editorial Manual ("Headings", "Annexes"), the
/// UDHR and the UN treaty style (`Article 1` / `第一条`), programme budget fascicles
/// (`Section 10`, `Subprogramme 1`).
static FORMS: [Form; 11] = [
    form(ARTICLE, Number::Spaced, &[], false, 1, true),
    form(&["Article"], Number::Premier, &[], false, 1, true),
    form(&["第"], Number::Close, &["条"], false, 1, true),
    Form {
        leads: PREAMBLE,
        fold: true,
        number: Number::None,
        closers: &[],
        title: true,
        level: 1,
        article: false,
    },
    form(ANNEX, Number::OptionallySpaced, &[], true, 1, false),
    form(&["附件"], Number::OptionallyClose, &[], true, 1, false),
    form(PART, Number::Spaced, &[], true, 1, false),
    form(
        &["第"],
        Number::Close,
        &["章", "部分", "编"],
        true,
        1,
        false,
    ),
    form(
        &["Section", "Subprogramme", "Programme"],
        Number::Spaced,
        &[],
        true,
        2,
        false,
    ),
    form(&["第"], Number::Close, &["节", "款"], true, 2, false),
    form(&["次级方案"], Number::Close, &[], true, 2, false),
];

/// The byte lengths a number at the start of `s` may take, longest first: one to three
/// decimal digits (of the six languages' kinds), one to six of the roman `IVXL`, or one
/// to four Chinese numerals.
fn number_ends(s: &str) -> Vec<usize> {
    const CHINESE: &str = "一二三四五六七八九十百〇零";
    type Class = fn(char) -> bool;
    let classes: [(Class, usize); 3] = [
        (is_digit, 3),
        (|c| matches!(c, 'I' | 'V' | 'X' | 'L'), 6),
        (|c| CHINESE.contains(c), 4),
    ];
    let Some(first) = s.chars().next() else {
        return Vec::new();
    };
    let Some((class, most)) = classes.into_iter().find(|(class, _)| class(first)) else {
        return Vec::new();
    };
    let mut ends: Vec<usize> = s
        .char_indices()
        .take_while(|&(_, c)| class(c))
        .take(most)
        .map(|(i, c)| i + c.len_utf8())
        .collect();
    ends.reverse();
    ends
}

/// Whether `rest`, what follows a heading's words and number, is a title or nothing:
/// empty; or white space then text; or perhaps white space, a colon, full stop or
/// dash, perhaps white space, then text; text being a character that is not white
/// space and then no line break (the pattern `(?:\s*[:.—–-]\s*\S.*|\s+\S.*)?$`).
fn is_title(rest: &str) -> bool {
    let text = |s: &str| !s.is_empty() && !s.contains('\n');
    let after_spaces = rest.trim_start_matches(char::is_whitespace);
    rest.is_empty()
        || (after_spaces.len() < rest.len() && text(after_spaces))
        || after_spaces
            .strip_prefix([':', '.', '—', '–', '-'])
            .is_some_and(|s| text(s.trim_start_matches(char::is_whitespace)))
}

/// Byte length of `word` (lowercase) at the start of `t`, matched without case when
/// `fold` (each character of `t` lowercases to the word's).
fn lead_len(t: &str, word: &str, fold: bool) -> Option<usize> {
    if !fold {
        return t.starts_with(word).then_some(word.len());
    }
    let mut chars = t.char_indices();
    for w in word.chars() {
        let (_, c) = chars.next()?;
        if c != w && !c.to_lowercase().eq(std::iter::once(w)) {
            return None;
        }
    }
    Some(chars.next().map_or(t.len(), |(i, _)| i))
}

impl Form {
    /// Whether `t` (the whole text) is of this form, and the number's text if it has
    /// one. Every way the words, white space and number can be read is tried, as a
    /// pattern's backtracking would (`Annexe`: `Annex` then `e` fails, `Annexe` holds).
    fn parse<'t>(&self, t: &'t str) -> Option<Option<&'t str>> {
        self.leads.iter().find_map(|word| {
            let rest = t.get(lead_len(t, word, self.fold)?..)?;
            self.after_lead(rest)
        })
    }

    /// [`Form::parse`] after one of the words: the readings of the number, then the
    /// closing word and the title or the end.
    fn after_lead<'t>(&self, rest: &'t str) -> Option<Option<&'t str>> {
        // (what follows the number, the number)
        let mut readings: Vec<(&'t str, Option<&'t str>)> = Vec::new();
        let numbered = |after: &'t str, readings: &mut Vec<(&'t str, Option<&'t str>)>| {
            for end in number_ends(after) {
                if let (Some(n), Some(tail)) = (after.get(..end), after.get(end..)) {
                    readings.push((tail, Some(n)));
                }
            }
        };
        let ws = spaces(rest);
        match self.number {
            Number::Spaced | Number::OptionallySpaced => {
                if ws > 0 {
                    numbered(rest.get(ws..)?, &mut readings);
                }
                if matches!(self.number, Number::OptionallySpaced) {
                    readings.push((rest, None));
                }
            }
            Number::Close => numbered(rest.get(ws..)?, &mut readings),
            Number::OptionallyClose => {
                numbered(rest.get(ws..)?, &mut readings);
                // Without the number, the white space may be the title's.
                for k in 0..=ws {
                    if rest.is_char_boundary(k) {
                        readings.push((rest.get(k..)?, None));
                    }
                }
            }
            Number::Premier => {
                let after = rest.get(ws..)?;
                if ws > 0 && after.starts_with("premier") {
                    readings.push((after.get("premier".len()..)?, after.get(.."premier".len())));
                }
            }
            Number::None => readings.push((rest, None)),
        }
        readings.into_iter().find_map(|(tail, number)| {
            let tail = if self.closers.is_empty() {
                tail
            } else {
                let after = tail.get(spaces(tail)..)?;
                let closer = self.closers.iter().find(|c| after.starts_with(**c))?;
                after.get(closer.len()..)?
            };
            let ends = if self.title {
                is_title(tail)
            } else {
                tail.is_empty()
            };
            ends.then_some(number)
        })
    }
}

/// Most characters a heading told by its words may have (`Chapter IV: …` with its
/// title); longer text starting with such a word is a sentence (`Article 5 of the
/// Convention provides …`) unless typography says heading.
const MAX_PATTERN_HEADING_CHARS: usize = 120;

/// What a text told by its words ends with when it is a sentence, not a heading.
const SENTENCE_ENDS: [char; 6] = ['.', ';', ',', '。', '；', '，'];

/// The value of an article's number: decimal digits of any kind, `premier`, roman or
/// Chinese numerals.
fn article_number(n: &str) -> Option<u32> {
    unpara_model::decimal_value(n)
        .or_else(|| (n == "premier").then_some(1))
        .or_else(|| roman_value(n))
        .or_else(|| chinese_value(n))
}

/// The heading a line's or block's whole text is, by its words.
pub(crate) fn pattern_heading(text: &str) -> Option<PatternHeading> {
    let t = text.trim();
    // Counted only as far as the limit (a paragraph runs to a thousand characters).
    if t.chars().nth(MAX_PATTERN_HEADING_CHARS).is_some() {
        return None;
    }
    FORMS.iter().find_map(|form| {
        let number = form.parse(t)?;
        let number = if form.article {
            number.and_then(article_number)
        } else {
            None
        };
        // A sentence that happens to begin with the word has no title separator and
        // ends like a sentence.
        if t.ends_with(SENTENCE_ENDS) {
            return None;
        }
        Some(PatternHeading {
            level: form.level,
            number,
        })
    })
}

/// Whether a block looks like a heading by typography: bold at body size or larger, or
/// larger than the body; short (`lines` ≤ [`MAX_HEADING_LINES`]); not ending a
/// sentence.
pub(crate) fn typographic_heading(
    text: &str,
    lines: usize,
    bold: bool,
    larger: bool,
    smaller: bool,
) -> Option<u8> {
    let t = text.trim();
    let ends_sentence = t.ends_with(['.', ';', ',', ':', '。', '；', '，', '：']);
    if lines > MAX_HEADING_LINES || ends_sentence || t.is_empty() || smaller {
        return None;
    }
    match (larger, bold) {
        (true, _) => Some(1),
        (false, true) => Some(2),
        _ => None,
    }
}

/// A heading is at most this many lines (the longest in the fixtures and the UN
/// reports of the corpus wraps to three).
pub(crate) const MAX_HEADING_LINES: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_words_in_both_languages() {
        let h = |t: &str| pattern_heading(t).map(|p| (p.level, p.number));
        assert_eq!(h("Article 1"), Some((1, Some(1))));
        assert_eq!(h("Artículo 12"), Some((1, Some(12))));
        assert_eq!(h("Статья 3"), Some((1, Some(3))));
        assert_eq!(h("المادة 30"), Some((1, Some(30))));
        assert_eq!(h("المادة ٣٠"), Some((1, Some(30))));
        assert_eq!(h("ПРЕАМБУЛА"), Some((1, None)));
        assert_eq!(h("Préambule"), Some((1, None)));
        assert_eq!(h("Article premier"), Some((1, Some(1))));
        assert_eq!(h("Anexo II"), Some((1, None)));
        assert_eq!(h("第二十七条"), Some((1, Some(27))));
        assert_eq!(h("Preamble"), Some((1, None)));
        assert_eq!(h("序言"), Some((1, None)));
        assert_eq!(h("Annex"), Some((1, None)));
        assert_eq!(h("Annex II"), Some((1, None)));
        assert_eq!(h("附件一"), Some((1, None)));
        assert_eq!(h("Chapter IV: Implementation"), Some((1, None)));
        assert_eq!(h("Part IV"), Some((1, None)));
        assert_eq!(h("Section 10"), Some((2, None)));
        assert_eq!(h("Subprogramme 1 Executive direction"), Some((2, None)));
        assert_eq!(h("第三章"), Some((1, None)));
        assert_eq!(
            h("Article 5 of the Convention provides that States shall."),
            None
        );
        assert_eq!(h("Annexes to the report were issued."), None);
        assert_eq!(h("Introduction"), None);
    }

    #[test]
    fn typography() {
        assert_eq!(
            typographic_heading("Summary", 1, true, false, false),
            Some(2)
        );
        assert_eq!(
            typographic_heading("Budget performance", 2, false, true, false),
            Some(1)
        );
        assert_eq!(
            typographic_heading("Now, therefore,", 1, true, false, false),
            None
        );
        assert_eq!(
            typographic_heading("plain text", 1, false, false, false),
            None
        );
    }
}

/// The hand matching of [`pattern_heading`] is the regular expressions it replaced
/// (commit 2f84596), on texts made of the forms' pieces in any order.
#[cfg(test)]
mod same_as_the_patterns {
    use super::*;
    use crate::patterns::{re, DIGIT};
    use proptest::prelude::*;
    use regex::Regex;

    /// The patterns, level, whether the number is an article's.
    fn patterns() -> Vec<(Regex, u8, bool)> {
        let num = format!(r"({DIGIT}{{1,3}}|[IVXL]{{1,6}}|[一二三四五六七八九十百〇零]{{1,4}})");
        let num = num.as_str();
        const TITLE: &str = r"(?:\s*[:.—–-]\s*\S.*|\s+\S.*)?$";
        [
            (format!(r"^(?:Article|Artículo|Статья|المادة)\s+{num}$"), 1, true),
            (r"^Article\s+(premier)$".to_string(), 1, true),
            (format!(r"^第\s*{num}\s*条$"), 1, true),
            (
                format!(r"^(?i:Preamble|Préambule|Preámbulo|Преамбула|الديباجة|序言){TITLE}"),
                1,
                false,
            ),
            (
                format!(
                    r"^(?:Annex|Appendix|Annexe|Appendice|Anexo|Apéndice|Приложение|Добавление|المرفق|التذييل)(?:\s+{num})?{TITLE}"
                ),
                1,
                false,
            ),
            (format!(r"^附件\s*{num}?{TITLE}"), 1, false),
            (
                format!(
                    r"^(?:Chapter|Part|Chapitre|Partie|Capítulo|Parte|Глава|Часть|الفصل|الجزء)\s+{num}{TITLE}"
                ),
                1,
                false,
            ),
            (format!(r"^第\s*{num}\s*(?:章|部分|编){TITLE}"), 1, false),
            (
                format!(r"^(?:Section|Subprogramme|Programme)\s+{num}{TITLE}"),
                2,
                false,
            ),
            (format!(r"^第\s*{num}\s*(?:节|款){TITLE}"), 2, false),
            (format!(r"^次级方案\s*{num}{TITLE}"), 2, false),
        ]
        .into_iter()
        .map(|(p, level, article)| (re(&p), level, article))
        .collect()
    }

    /// [`pattern_heading`] by the patterns.
    fn by_patterns(patterns: &[(Regex, u8, bool)], text: &str) -> Option<PatternHeading> {
        let t = text.trim();
        if t.chars().nth(MAX_PATTERN_HEADING_CHARS).is_some() {
            return None;
        }
        patterns.iter().find_map(|(p, level, article)| {
            let c = p.captures(t)?;
            let number = if *article {
                c.get(1).and_then(|n| article_number(n.as_str()))
            } else {
                None
            };
            if t.ends_with(SENTENCE_ENDS) {
                return None;
            }
            Some(PatternHeading {
                level: *level,
                number,
            })
        })
    }

    const PIECES: [&str; 40] = [
        "Article",
        "Artículo",
        "Статья",
        "المادة",
        "premier",
        "第",
        "条",
        "章",
        "部分",
        "编",
        "节",
        "款",
        "附件",
        "次级方案",
        "PREAMBLE",
        "Préambule",
        "ПРЕАМБУЛА",
        "序言",
        "Annex",
        "e",
        "es",
        "Section",
        "Part",
        " ",
        "  ",
        "\u{3000}",
        "\n",
        ":",
        ".",
        "—",
        "-",
        "12",
        "1234",
        "٣",
        "IV",
        "一",
        "二十七",
        "x",
        "Title",
        "，",
    ];

    #[test]
    fn on_texts_of_the_forms() {
        let p = patterns();
        for t in [
            "Article 1",
            "Article premier",
            "第二十七条",
            "第 3 条",
            "Preamble",
            "PRÉAMBULE: x",
            "Annexe II",
            "Annex IIx",
            "Annex\nII",
            "附件 Title",
            "附件一",
            "Chapter IV: Implementation",
            "Subprogramme 1 Executive direction",
            "第三章 总则",
            "第三部分",
            "次级方案2",
            "Annexes to the report were issued.",
            "Section 10 -\nx",
            "",
        ] {
            assert_eq!(pattern_heading(t), by_patterns(&p, t), "{t:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn on_any_text_of_the_pieces(picks in proptest::collection::vec(0..PIECES.len(), 0..8)) {
            thread_local! {
                static PATTERNS: Vec<(Regex, u8, bool)> = patterns();
            }
            let text: String = picks.iter().filter_map(|&i| PIECES.get(i).copied()).collect();
            PATTERNS.with(|p| {
                prop_assert_eq!(pattern_heading(&text), by_patterns(p, &text), "{:?}", text);
                Ok(())
            })?;
        }
    }
}
