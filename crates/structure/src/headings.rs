//! Headings without roman or letter labels: by the words they are made of in the six
//! languages (`Article 1` / `第一条` / `Article premier` / `Artículo 1` / `Статья 1` /
//! `المادة 1`, `Preamble` / `序言` / `Préambule` / `Preámbulo` / `Преамбула` /
//! `الديباجة`, `Annex`, `Chapter`, `Section 10`, `Part IV`, `Subprogramme 1` and their
//! counterparts), and by typography measured against the body — set bold or larger
//! than the body, short, not ending a sentence, standing alone between block breaks.

use std::sync::LazyLock;

use regex::Regex;

use crate::labels::{chinese_value, roman_value};
use crate::patterns::re;

/// A heading told by its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PatternHeading {
    /// Heading depth.
    pub level: u8,
    /// The article's number (`Article 12`, `第十二条`): articles anchor the alignment of
    /// conventions and declarations, as the XML readers number them.
    pub number: Option<u32>,
}

/// Heading words, as data: the pattern (the whole line, or its start followed by a
/// title after a colon or dash), the level, and whether the number is an article's.
/// Sources: UN Editorial Manual ("Headings", "Annexes"), the UDHR and the UN treaty
/// style (`Article 1` / `第一条`), programme budget fascicles (`Section 10`,
/// `Subprogramme 1`).
static PATTERNS: LazyLock<Vec<(Regex, u8, bool)>> = LazyLock::new(|| {
    const NUM: &str = r"(\d{1,3}|[IVXL]{1,6}|[一二三四五六七八九十百〇零]{1,4})";
    const TITLE: &str = r"(?:\s*[:.—–-]\s*\S.*|\s+\S.*)?$";
    vec![
        (
            re(&format!(r"^(?:Article|Artículo|Статья|المادة)\s+{NUM}$")),
            1,
            true,
        ),
        (re(r"^Article\s+(premier)$"), 1, true),
        (re(&format!(r"^第\s*{NUM}\s*条$")), 1, true),
        (
            re(&format!(
                r"^(?i:Preamble|Préambule|Preámbulo|Преамбула|الديباجة|序言){TITLE}"
            )),
            1,
            false,
        ),
        (
            re(&format!(
                r"^(?:Annex|Appendix|Annexe|Appendice|Anexo|Apéndice|Приложение|Добавление|المرفق|التذييل)(?:\s+{NUM})?{TITLE}"
            )),
            1,
            false,
        ),
        (re(&format!(r"^附件\s*{NUM}?{TITLE}")), 1, false),
        (
            re(&format!(
                r"^(?:Chapter|Part|Chapitre|Partie|Capítulo|Parte|Глава|Часть|الفصل|الجزء)\s+{NUM}{TITLE}"
            )),
            1,
            false,
        ),
        (
            re(&format!(r"^第\s*{NUM}\s*(?:章|部分|编){TITLE}")),
            1,
            false,
        ),
        (
            re(&format!(
                r"^(?:Section|Subprogramme|Programme)\s+{NUM}{TITLE}"
            )),
            2,
            false,
        ),
        (re(&format!(r"^第\s*{NUM}\s*(?:节|款){TITLE}")), 2, false),
        (re(&format!(r"^次级方案\s*{NUM}{TITLE}")), 2, false),
    ]
});

/// Most characters a heading told by its words may have (`Chapter IV: …` with its
/// title); longer text starting with such a word is a sentence (`Article 5 of the
/// Convention provides …`) unless typography says heading.
const MAX_PATTERN_HEADING_CHARS: usize = 120;

/// The heading a line's or block's whole text is, by its words.
pub(crate) fn pattern_heading(text: &str) -> Option<PatternHeading> {
    let t = text.trim();
    if t.chars().count() > MAX_PATTERN_HEADING_CHARS {
        return None;
    }
    PATTERNS.iter().find_map(|(p, level, article)| {
        let c = p.captures(t)?;
        let number = if *article {
            c.get(1).and_then(|n| {
                let n = n.as_str();
                unpara_model::decimal_value(n)
                    .or_else(|| (n == "premier").then_some(1))
                    .or_else(|| roman_value(n))
                    .or_else(|| chinese_value(n))
            })
        } else {
            None
        };
        // A sentence that happens to begin with the word has no title separator and
        // ends like a sentence.
        if t.ends_with(['.', ';', ',', '。', '；', '，']) {
            return None;
        }
        Some(PatternHeading {
            level: *level,
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
