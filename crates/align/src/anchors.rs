//! Lexical anchors: tokens that survive translation between Chinese and English UN
//! text — numbers and years (also written with Chinese numerals: 第十三条 ↔ article 13),
//! document symbols (`A/RES/73/3`, `CAC/COSP/WG.4/2017/3`), resolution numbers (`3/2`),
//! month names (8月 ↔ August), web addresses — counted on both sides; and the
//! Latin-script words of a Chinese sentence (names such as `Alexander Kononov`,
//! acronyms such as `UNODC`), looked up among the words of the English side (an English
//! acronym says nothing: Chinese often translates it).

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use foldhash::{HashMap, HashSet};
use std::sync::LazyLock;

/// English month names, for dates written 2017年8月29日 ↔ 29 August 2017.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A small zh–en lexicon of UN terms (UNTERM usage): each pair becomes the same anchor
/// on both sides. Chinese forms are matched as substrings, English ones as whole words,
/// ignoring case. The lead words of preambular and operative paragraphs are here too,
/// so a preamble aligns by them when lengths are not enough.
const LEXICON: &[(&[&str], &[&str])] = &[
    (&["大会"], &["General Assembly"]),
    (&["安全理事会", "安理会"], &["Security Council"]),
    (
        &["经济及社会理事会", "经社理事会"],
        &["Economic and Social Council"],
    ),
    (&["人权理事会"], &["Human Rights Council"]),
    (&["秘书长"], &["Secretary-General"]),
    (&["秘书处"], &["secretariat"]),
    (&["联合国"], &["United Nations"]),
    (&["会员国"], &["Member States", "Member State"]),
    (
        &["缔约国"],
        &["States parties", "State party", "States Parties"],
    ),
    (&["工作组"], &["Working Group"]),
    (
        &["毒品和犯罪问题办公室"],
        &["United Nations Office on Drugs and Crime", "UNODC"],
    ),
    (&["人权"], &["human rights"]),
    (&["可持续发展"], &["sustainable development"]),
    (&["鉴于"], &["whereas"]),
    (&["因此现在"], &["now, therefore"]),
    (&["宣布", "发布"], &["proclaims"]),
    (&["回顾"], &["recalling", "recalls"]),
    (&["重申"], &["reaffirming", "reaffirms"]),
    (&["欢迎"], &["welcoming", "welcomes"]),
    (&["敦促"], &["urges"]),
    (&["吁请", "呼吁"], &["calls upon", "calls on"]),
];

/// The terms of one side of [`LEXICON`] in one automaton, each with its entry and its
/// length in bytes: a text is read once for all of them (one substring search per
/// term was a quarter of the alignment stage, callgrind on the fixture pair).
struct Terms {
    /// `None` when the automaton could not be built (never for this constant lexicon,
    /// far below the builder's limits): then no term is found.
    automaton: Option<AhoCorasick>,
    /// Entry of [`LEXICON`] and byte length of each pattern, by pattern id.
    patterns: Vec<(usize, usize)>,
}

impl Terms {
    /// The Chinese terms (`chinese`) or the English ones.
    fn of(chinese: bool) -> Terms {
        let mut words = Vec::new();
        let mut patterns = Vec::new();
        for (entry, &(zh, en)) in LEXICON.iter().enumerate() {
            for t in if chinese { zh } else { en } {
                words.push(t.to_ascii_lowercase());
                patterns.push((entry, t.len()));
            }
        }
        // A contiguous NFA: built in a tenth of a DFA's instructions, and the texts
        // searched are short.
        let automaton = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .build(&words)
            .ok();
        Terms {
            automaton,
            patterns,
        }
    }

    /// For each entry of [`LEXICON`], the most occurrences of one of its terms in
    /// `text`: counted as `str::matches` counts (leftmost, not overlapping), ignoring
    /// ASCII case, and only those standing as whole words when `whole_words`.
    fn counts(&self, text: &str, whole_words: bool) -> Vec<usize> {
        // Occurrences by pattern, in order: every occurrence (overlapping ones too),
        // then the leftmost non-overlapping ones kept as `str::matches` keeps them.
        let mut per_pattern: Vec<(usize, usize)> = vec![(0, 0); self.patterns.len()];
        let matches = self
            .automaton
            .iter()
            .flat_map(|a| a.find_overlapping_iter(text));
        for m in matches {
            let Some((count, next)) = per_pattern.get_mut(m.pattern().as_usize()) else {
                continue;
            };
            if m.start() < *next {
                continue;
            }
            *next = m.end();
            let before = text.get(..m.start()).and_then(|b| b.chars().last());
            let after = text.get(m.end()..).and_then(|a| a.chars().next());
            if !whole_words
                || (!before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric))
            {
                *count += 1;
            }
        }
        let mut best = vec![0usize; LEXICON.len()];
        for (&(entry, _), &(count, _)) in self.patterns.iter().zip(&per_pattern) {
            if let Some(b) = best.get_mut(entry) {
                *b = (*b).max(count);
            }
        }
        best
    }
}

/// The Chinese terms of [`LEXICON`].
static ZH_TERMS: LazyLock<Terms> = LazyLock::new(|| Terms::of(true));
/// The English terms of [`LEXICON`].
static EN_TERMS: LazyLock<Terms> = LazyLock::new(|| Terms::of(false));

/// The anchors of a sentence, with their counts.
pub(crate) type Anchors = HashMap<String, u32>;

/// Value of a run of Chinese numerals (一…九十百千, 零, 两), `None` if it is not one.
pub(crate) fn chinese_number(s: &str) -> Option<u64> {
    let mut total = 0u64;
    let mut section = 0u64;
    let mut digit = 0u64;
    for c in s.chars() {
        let d = "零一二三四五六七八九"
            .chars()
            .position(|x| x == c)
            .or((c == '两').then_some(2));
        match (d, c) {
            (Some(d), _) => digit = d as u64,
            (None, '十') => {
                section += digit.max(1) * 10;
                digit = 0;
            }
            (None, '百') => {
                section += digit.max(1) * 100;
                digit = 0;
            }
            (None, '千') => {
                section += digit.max(1) * 1000;
                digit = 0;
            }
            (None, '万') => {
                total += (section + digit) * 10_000;
                section = 0;
                digit = 0;
            }
            _ => return None,
        }
    }
    Some(total + section + digit)
}

fn is_chinese_numeral(c: char) -> bool {
    matches!(
        c,
        '零' | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
            | '两'
    )
}

/// The anchors of `text`.
pub(crate) fn anchors(text: &str) -> Anchors {
    let mut out = Anchors::default();
    // A text without Han characters holds no Chinese term, one without Latin letters no
    // English term: most sentences are searched for one language's terms only.
    let han = text.chars().any(unpara_model::is_han);
    let latin = text.bytes().any(|b| b.is_ascii_alphabetic());
    let zh = han.then(|| ZH_TERMS.counts(text, false));
    let en = latin.then(|| EN_TERMS.counts(text, true));
    for i in 0..LEXICON.len() {
        let of = |c: &Option<Vec<usize>>| c.as_ref().and_then(|c| c.get(i)).copied().unwrap_or(0);
        let found = of(&zh).max(of(&en));
        if found > 0 {
            *out.entry(format!("lex:{i}")).or_default() += found as u32;
        }
    }
    let mut add = |t: String| *out.entry(t).or_default() += 1;
    // Read by bytes: a token is ASCII, and the first byte of every other character is
    // 0x80 or above (no list of characters is built per text: on the fixture pair the
    // block and sentence anchors went from 21.0 M to 18.0 M instructions, callgrind).
    let bytes = text.as_bytes();
    let is_token_byte =
        |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'.' | b'-' | b'_' | b':' | b'@');
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_alphanumeric() {
            // A token of letters, digits and the joiners of symbols and numbers.
            let start = i;
            while bytes.get(i).copied().is_some_and(is_token_byte) {
                i += 1;
            }
            let token = text.get(start..i).unwrap_or_default();
            let token = token.trim_end_matches(['.', '-', ':', '/']);
            if token.contains('/') && token.bytes().any(|c| c.is_ascii_digit()) {
                // A symbol or resolution number counts whole and by its numbers.
                add(token.to_ascii_lowercase());
            } else if token.starts_with("www") || token.contains('@') {
                add(token.to_ascii_lowercase());
                continue;
            }
            for part in token.split(|c: char| !c.is_ascii_alphanumeric()) {
                if part.bytes().all(|c| c.is_ascii_digit()) && !part.is_empty() {
                    add(part.trim_start_matches('0').to_string());
                } else if let Some(m) = MONTHS.iter().position(|m| part.eq_ignore_ascii_case(m)) {
                    add((m + 1).to_string());
                }
            }
        } else if b < 0x80 {
            i += 1;
        } else {
            let rest = text.get(i..).unwrap_or_default();
            let Some(c) = rest.chars().next() else {
                break;
            };
            if !is_chinese_numeral(c) {
                i += c.len_utf8();
                continue;
            }
            let start = i;
            let run_len: usize = rest
                .chars()
                .take_while(|&c| is_chinese_numeral(c))
                .map(char::len_utf8)
                .sum();
            i += run_len;
            let run = text.get(start..i).unwrap_or_default();
            // Only numerals that count something: 第十三条, 十三个, 8月 is in digits.
            let before = text.get(..start).and_then(|t| t.chars().next_back());
            let after = text.get(i..).and_then(|t| t.chars().next());
            let counted = before == Some('第')
                || after.is_some_and(|a| "条款项章节届次年月日个名号".contains(a));
            if counted && run.chars().count() <= 6 {
                if let Some(n) = chinese_number(run) {
                    add(n.to_string());
                }
            }
        }
    }
    out
}

/// Occurrences of `term` in `text` (both lower-case) as whole words: what
/// [`Terms::counts`] counts, one term at a time (the tests' reference).
#[cfg(test)]
fn whole_words(text: &str, term: &str) -> usize {
    text.match_indices(term)
        .filter(|(i, _)| {
            let before = text.get(..*i).and_then(|b| b.chars().last());
            let after = text.get(i + term.len()..).and_then(|a| a.chars().next());
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .count()
}

/// The Latin-script words of a text (two letters or more, lower-cased).
pub(crate) fn latin_words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 2)
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Anchors shared by two sides (with multiplicity) and anchors found on one side only.
pub(crate) fn agreement(a: &Anchors, b: &Anchors) -> (u32, u32) {
    let mut shared = 0;
    let mut only = 0;
    for (t, &n) in a {
        let m = b.get(t).copied().unwrap_or(0);
        shared += n.min(m);
        only += n.saturating_sub(m);
    }
    for (t, &m) in b {
        only += m.saturating_sub(a.get(t).copied().unwrap_or(0));
    }
    (shared, only)
}

/// Adds the anchors of `b` to `a`.
pub(crate) fn merge(a: &mut Anchors, b: &Anchors) {
    for (t, n) in b {
        *a.entry(t.clone()).or_default() += n;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// One pass of the automaton counts each entry's terms as a search per term
        /// does: Chinese terms as substrings, English ones as whole words ignoring
        /// case (overlapping and repeated terms, terms inside longer words, mixed
        /// case, Chinese text around them).
        #[test]
        fn one_pass_counts_as_a_search_per_term(
            pieces in prop::collection::vec(prop_oneof![
                Just("Security Council"), Just("security council"), Just("SECURITY COUNCIL"),
                Just("Member States"), Just("Member State"), Just("States parties"),
                Just("State party"), Just("UNODC"), Just("UNODCs"), Just("recalling"),
                Just("recalls"), Just("Secretary-General"), Just("secretariat"),
                Just("calls upon"), Just("calls on"), Just("human rights"), Just("x"),
                Just(" "), Just(","), Just("."), Just("é"), Just("1"), Just("安理会"),
                Just("安全理事会"), Just("大会"), Just("大大会"), Just("人权理事会"),
                Just("人权"), Just("缔约国"), Just("经社理事会"), Just("吁请"), Just("的"),
            ], 0..16)
        ) {
            let text = pieces.concat();
            let lower = text.to_ascii_lowercase();
            let zh = ZH_TERMS.counts(&text, false);
            let en = EN_TERMS.counts(&text, true);
            for (i, (zh_terms, en_terms)) in LEXICON.iter().enumerate() {
                let zh_one = zh_terms.iter().map(|t| text.matches(t).count()).max().unwrap_or(0);
                let en_one = en_terms
                    .iter()
                    .map(|t| whole_words(&lower, &t.to_ascii_lowercase()))
                    .max()
                    .unwrap_or(0);
                prop_assert_eq!(zh.get(i).copied(), Some(zh_one), "zh entry {}", i);
                prop_assert_eq!(en.get(i).copied(), Some(en_one), "en entry {}", i);
            }
        }
    }

    fn sorted(a: &Anchors) -> Vec<(String, u32)> {
        let mut v: Vec<(String, u32)> = a.iter().map(|(k, v)| (k.clone(), *v)).collect();
        v.sort();
        v
    }

    #[test]
    fn numbers_symbols_dates_and_names_match_across_languages() {
        let zh =
            anchors("大会第73/3号决议（A/RES/73/3）于2017年8月29日通过，《公约》第十三条，UNODC。");
        let en = anchors("General Assembly resolution 73/3 (A/RES/73/3), adopted on 29 August 2017, article 13 of the Convention, UNODC.");
        assert_eq!(sorted(&zh), sorted(&en));
        assert_eq!(agreement(&zh, &en).1, 0);
        assert!(zh.contains_key("a/res/73/3"));
        assert!(latin_words("主席 Alexander Kononov (俄罗斯联邦)").contains("kononov"));
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(chinese_number("十三"), Some(13));
        assert_eq!(chinese_number("二十一"), Some(21));
        assert_eq!(chinese_number("一百零五"), Some(105));
        assert_eq!(chinese_number("两千零一十七"), Some(2017));
        assert_eq!(anchors("一些国家").len(), 0, "一 of 一些 counts nothing");
    }
}
