//! Anchors from structure: what a block's label, number or heading word means, compared
//! across languages. `第十三条` ↔ `Article 13`, `序言` ↔ `Preamble`, `附件二` ↔ `Annex II`,
//! `第三章` ↔ `Chapter 3`, `一.` ↔ `I.`, `㈠` ↔ `1.` under the same paragraph, paragraph
//! `12` ↔ paragraph `12`. A key is comparable only when it is unique in both documents;
//! the keys shared by both then form the longest chain increasing on both sides, so an
//! anchor that contradicts its neighbours' order (a moved annex, a repeated number) is
//! dropped, not obeyed.
//!
//! The heading words are data: [`HEADING_WORDS`] lists each structural unit with its
//! forms in the six UN languages (UN Editorial Manual usage and its French, Spanish,
//! Russian and Arabic counterparts; the UDHR and the Charter for 第N条 / Article N /
//! Article premier / Artículo N / Статья N / المادة N). Arabic-Indic digits (`المادة ١٣`)
//! are read as digits.

use foldhash::{HashMap, HashMapExt};
use std::sync::LazyLock;

use regex::Regex;
use unpara_model::{Block, BlockKind};

use unpara_structure::roman_value;

use crate::labels::{meaning, ordinal};

/// A structural unit named by a heading word, with its forms. The Chinese form is
/// written around the number (`第`…`条`), the others before it (`Article 13`,
/// `Статья 13`, `المادة 13`).
pub(crate) struct HeadingWord {
    /// The unit's name in keys.
    pub unit: &'static str,
    /// Chinese: (before the number, after it); the number may be absent when `after` is
    /// empty (附件 alone is the only annex).
    pub zh: &'static [(&'static str, &'static str)],
    /// Words of the other five languages (ar, en, fr, ru, es), written before the
    /// number, matched without regard to case.
    pub words: &'static [&'static str],
}

/// The heading words of the six languages.
pub(crate) const HEADING_WORDS: &[HeadingWord] = &[
    HeadingWord {
        unit: "article",
        zh: &[("第", "条")],
        words: &["article", "artículo", "статья", "المادة"],
    },
    HeadingWord {
        unit: "chapter",
        zh: &[("第", "章")],
        words: &["chapter", "chapitre", "capítulo", "глава", "الفصل"],
    },
    HeadingWord {
        unit: "section",
        zh: &[("第", "节")],
        words: &["section", "sección", "раздел", "الفرع"],
    },
    HeadingWord {
        unit: "part",
        zh: &[("第", "部分"), ("第", "编")],
        words: &["part", "partie", "parte", "часть", "الجزء"],
    },
    HeadingWord {
        unit: "annex",
        zh: &[("附件", "")],
        words: &["annex", "annexe", "anexo", "приложение", "المرفق"],
    },
    HeadingWord {
        unit: "appendix",
        zh: &[("附录", "")],
        words: &["appendix", "appendice", "apéndice", "добавление", "التذييل"],
    },
    HeadingWord {
        unit: "preamble",
        zh: &[("序言", "")],
        words: &[
            "preamble",
            "préambule",
            "preámbulo",
            "преамбула",
            "الديباجة",
        ],
    },
];

/// Longest heading text, in characters, read for a heading word: a unit's heading is
/// its word and number, perhaps with a short title (`Annex I Report of the Working
/// Group`); a paragraph that mentions an article does not begin a unit.
const MAX_HEADING_CHARS: usize = 200;

/// A heading word written before its number (every language but Chinese), perhaps
/// followed by its number: digits (Arabic-Indic ones too), a Roman numeral, a letter,
/// or French `premier`/`première` (`Article premier`).
static WORD_HEADING: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let words: Vec<&str> = HEADING_WORDS
        .iter()
        .flat_map(|w| w.words)
        .copied()
        .collect();
    Regex::new(&format!(
        r"(?i)^\s*({})(?:\s+([0-9]+|[٠-٩]+|[۰-۹]+|[ivxlc]+|[a-z]|premier|première))?(?:[\s.:—–-]|$)",
        words.join("|")
    ))
    .ok()
});

/// The unit and position a heading's text names (`("article", Some(13))`), if any.
fn heading_unit(text: &str) -> Option<(&'static str, Option<u32>)> {
    if text.chars().count() > MAX_HEADING_CHARS {
        return None;
    }
    let text = text.trim();
    for w in HEADING_WORDS {
        for (before, after) in w.zh {
            let Some(rest) = text.strip_prefix(before) else {
                continue;
            };
            if after.is_empty() {
                let number: String = rest
                    .chars()
                    .take_while(|c| !c.is_whitespace() && !"：:.、。".contains(*c))
                    .collect();
                return Some((w.unit, position(&number)));
            }
            if let Some(end) = rest.find(after) {
                let n = rest.get(..end).and_then(position);
                if n.is_some() {
                    return Some((w.unit, n));
                }
            }
        }
    }
    let caps = WORD_HEADING.as_ref()?.captures(text)?;
    let word = caps.get(1)?.as_str().to_lowercase();
    let unit = HEADING_WORDS
        .iter()
        .find(|w| w.words.contains(&word.as_str()))?;
    let n = caps.get(2).map(|m| m.as_str());
    match n {
        Some(n) => Some((unit.unit, Some(position(n)?))),
        None => Some((unit.unit, None)),
    }
}

/// The position a number names: `13`, `十三`, `XIII`, `xiii`, `C` (a letter counts
/// from A); `None` for anything else.
fn position(s: &str) -> Option<u32> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    if let Some(n) = unpara_model::decimal_value(s) {
        return Some(n);
    }
    if s.eq_ignore_ascii_case("premier") || s.eq_ignore_ascii_case("première") || s == "PREMIÈRE"
    {
        return Some(1);
    }
    if let Some(n) = crate::anchors::chinese_number(s) {
        return u32::try_from(n).ok().filter(|&n| n > 0);
    }
    if let Some(n) = roman(s) {
        return Some(n);
    }
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_alphabetic() => {
            Some(u32::from(c.to_ascii_uppercase()) - u32::from('A') + 1)
        }
        _ => None,
    }
}

/// The value of a Roman numeral, either case (`XXVIII`, `iv`), read by the structure
/// stage's own reader (I to LXXXIX); a single letter other than I, V or X is a letter
/// (`Annex L` is the twelfth annex, `Annex C` the third).
fn roman(s: &str) -> Option<u32> {
    if s.chars().count() == 1 && !matches!(s, "I" | "V" | "X" | "i" | "v" | "x") {
        return None;
    }
    roman_value(s)
}

/// A block's own key, before qualification by its parent: the heading unit it opens,
/// its paragraph number, or what its label means.
fn own_key(block: &Block) -> Option<String> {
    if block.kind == BlockKind::Heading || block.kind == BlockKind::Text {
        let text = match &block.label {
            Some(l) => format!("{l} {}", block.text),
            None => block.text.clone(),
        };
        if let Some((unit, n)) = heading_unit(&text) {
            return Some(match n {
                Some(n) => format!("{unit}:{n}"),
                None => unit.to_string(),
            });
        }
    }
    if block.kind == BlockKind::Paragraph {
        if let Some(n) = &block.number {
            return Some(format!("p:{n}"));
        }
    }
    let kind = block.label.as_deref().and_then(meaning)?;
    // Items are numbered in whatever style each language prefers (㈠ ↔ 1. ↔ (a)):
    // their place among their siblings is what they share.
    if block.kind == BlockKind::Item {
        return ordinal(kind).map(|n| format!("item:{n}"));
    }
    Some(format!("label:{kind:?}"))
}

/// The key of every block: its own key, and for labels and items the key of its
/// parent in front (the items (a), (b) of paragraph 5 are `p:5/item:1`, `p:5/item:2`).
/// Paragraph numbers and heading units stand alone: they are unique in a document
/// whatever holds them. The qualification depends on the block alone, never on what
/// else the document holds, so an excerpt keys its blocks as the whole does.
pub(crate) fn keys(blocks: &[Block]) -> Vec<Option<String>> {
    let mut by_id: HashMap<&str, Option<String>> = HashMap::new();
    let mut out = Vec::with_capacity(blocks.len());
    for b in blocks {
        let own = own_key(b);
        let qualified = own
            .as_deref()
            .is_some_and(|k| k.starts_with("label:") || k.starts_with("item:"));
        let key = match (own, b.parent.as_deref()) {
            (Some(k), Some(p)) if qualified => match by_id.get(p) {
                Some(Some(pk)) => Some(format!("{pk}/{k}")),
                _ => Some(format!("?/{k}")),
            },
            (own, _) => own,
        };
        by_id.insert(b.id.as_str(), key.clone());
        out.push(key);
    }
    out
}

/// The keys found exactly once, with the index of their block.
fn unique(keys: &[Option<String>]) -> HashMap<&str, usize> {
    let mut seen: HashMap<&str, (usize, u32)> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        if let Some(k) = k {
            seen.entry(k.as_str()).or_insert((i, 0)).1 += 1;
        }
    }
    seen.into_iter()
        .filter(|(_, (_, n))| *n == 1)
        .map(|(k, (i, _))| (k, i))
        .collect()
}

/// An anchor: block `a` of side a and block `b` of side b share a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Anchor {
    pub a: usize,
    pub b: usize,
    /// The key is a paragraph number (`method: "number"`), not a heading or label.
    pub numbered: bool,
}

/// The anchors of two documents, given their blocks' [`keys`]: blocks whose keys are
/// unique on both sides and equal, as the longest chain increasing on both sides
/// (patience sorting, O(n log n)).
pub(crate) fn anchors(keys_a: &[Option<String>], keys_b: &[Option<String>]) -> Vec<Anchor> {
    let (ua, ub) = (unique(keys_a), unique(keys_b));
    let mut pairs: Vec<Anchor> = ua
        .iter()
        .filter_map(|(k, &i)| {
            ub.get(k).map(|&j| Anchor {
                a: i,
                b: j,
                numbered: k
                    .rsplit('/')
                    .next()
                    .is_some_and(|last| last.starts_with("p:")),
            })
        })
        .collect();
    pairs.sort_by_key(|p| p.a);
    longest_chain(&pairs)
}

/// The longest subsequence of `pairs` (sorted by `a`) whose `b` increases strictly.
fn longest_chain(pairs: &[Anchor]) -> Vec<Anchor> {
    // tails[k]: index in `pairs` of the smallest b ending a chain of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; pairs.len()];
    for (i, p) in pairs.iter().enumerate() {
        let k = tails.partition_point(|&t| pairs.get(t).is_some_and(|q| q.b < p.b));
        prev[i] = k.checked_sub(1).and_then(|k| tails.get(k).copied());
        if k == tails.len() {
            tails.push(i);
        } else if let Some(t) = tails.get_mut(k) {
            *t = i;
        }
    }
    let mut out = Vec::new();
    let mut at = tails.last().copied();
    while let Some(i) = at {
        if let Some(p) = pairs.get(i) {
            out.push(*p);
        }
        at = prev.get(i).copied().flatten();
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_words_of_both_languages_mean_the_same() {
        let pairs = [
            ("第十三条", "Article 13"),
            ("序言", "Preamble"),
            ("附件", "Annex"),
            ("附件二", "Annex II"),
            ("第三章", "Chapter 3"),
            ("第二节", "Section 2"),
            ("第四部分", "Part IV"),
            ("附件三 工作组报告", "Annex C Report of the Working Group"),
        ];
        for (zh, en) in pairs {
            assert_eq!(heading_unit(zh), heading_unit(en), "{zh} ↔ {en}");
            assert!(heading_unit(zh).is_some(), "{zh}");
        }
        assert_eq!(heading_unit("Article 1"), Some(("article", Some(1))));
        assert_ne!(heading_unit("Article 1"), heading_unit("Article 2"));
        assert_eq!(heading_unit("Articles of the Convention"), None);
        assert_eq!(heading_unit("The annex was adopted."), None);
    }

    #[test]
    fn a_chain_drops_the_anchor_out_of_order() {
        let p = |a, b| Anchor {
            a,
            b,
            numbered: true,
        };
        let chain = longest_chain(&[p(0, 0), p(1, 5), p(2, 1), p(3, 2), p(4, 3)]);
        assert_eq!(chain, [p(0, 0), p(2, 1), p(3, 2), p(4, 3)]);
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman("XXVIII"), Some(28));
        assert_eq!(roman("iv"), Some(4));
        assert_eq!(roman("C"), None, "a lone C is the third letter");
        assert_eq!(position("C"), Some(3));
        assert_eq!(position("L"), Some(12));
        assert_eq!(position("XL"), Some(40));
    }
}
