//! Sentence breaks of the languages written with spaces between words (Arabic, English,
//! French, Russian, Spanish). Candidates are the UAX #29 sentence boundaries
//! (unicode-segmentation) plus a stop followed by a footnote marker; a candidate is a
//! break when the text before it ends with a stop of the language (`.`, `!`, `?`, and
//! `؟` in Arabic; closing quotes and brackets, then a footnote marker, may follow the
//! stop) and the text after it starts with a capital letter (any letter in Arabic,
//! which has no capitals) or an opening quote, bracket, `¿` or `¡`, and the stop does
//! not end one of the language's abbreviations (the data tables `data/<code>.txt`, see
//! [`crate::rules`]) or a single initial. Document symbols (`A/RES/73/3.`) and numbers
//! (`3.5`) have no space inside, so they never hold a candidate; a symbol that ends a
//! sentence ends it.

use std::collections::BTreeSet;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::rules::Rules;

/// Characters that may close a sentence after its stop.
fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | ')' | ']' | '"' | '\'' | '»' | '›')
}

/// A closer, or the space French sets inside guillemets (`d’accord. »`): no-break,
/// narrow no-break or plain.
fn is_closer_or_inner_space(c: char) -> bool {
    is_closer(c) || matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

/// Whether `before` (the text up to and excluding a final `.`) ends with one of the
/// language's abbreviations (a whole word, or a multi-word form such as `p. ex`) or a
/// single capital initial (`J.`, `А.`).
fn ends_with_abbreviation(before: &str, rules: &Rules) -> bool {
    let is_word_start = |c: char| c.is_whitespace() || matches!(c, '(' | '“' | '[' | '"' | '«');
    let word = before.rsplit(is_word_start).next().unwrap_or("");
    if rules.abbreviations.contains(&word) {
        return true;
    }
    let multi_word = rules
        .abbreviations
        .iter()
        .filter(|a| a.contains(' '))
        .any(|a| {
            before
                .strip_suffix(a)
                .is_some_and(|head| head.chars().last().is_none_or(is_word_start))
        });
    let mut letters = word.chars();
    let initial = matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase());
    multi_word || initial
}

/// Whether `sentence` (trimmed) ends a sentence: a stop, then closers, then at most a
/// three-digit footnote marker after a letter or closer; `false` after an abbreviation.
fn ends_sentence(sentence: &str, rules: &Rules) -> bool {
    let stops = rules.stops;
    let s = sentence.trim_end();
    // A footnote marker glued to the stop ("adopted.12").
    let digits = s.len() - s.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let s = if (1..=3).contains(&digits) {
        let head = s.get(..s.len() - digits).unwrap_or(s);
        let stop_ok = head.trim_end_matches(is_closer).ends_with(stops);
        let before_stop = head
            .trim_end_matches(is_closer)
            .trim_end_matches(stops)
            .chars()
            .last();
        if stop_ok && before_stop.is_some_and(|c| !c.is_ascii_digit()) {
            head
        } else {
            s
        }
    } else {
        s
    };
    let s = s.trim_end_matches(is_closer_or_inner_space);
    match s.chars().last() {
        Some('.') => !ends_with_abbreviation(s.get(..s.len() - 1).unwrap_or_default(), rules),
        Some(c) => stops.contains(&c),
        None => false,
    }
}

/// Whether `rest` (the text after a candidate) starts a sentence: a capital (any letter
/// in a caseless script), or an opening quote, bracket or the Spanish `¿` `¡`.
fn starts_sentence(rest: &str, rules: &Rules) -> bool {
    rest.chars()
        .next()
        .is_some_and(|c| starts_sentence_with(c, rules))
}

/// Whether a sentence may start with `c` (see [`starts_sentence`]).
fn starts_sentence_with(c: char, rules: &Rules) -> bool {
    c.is_uppercase()
        || (rules.caseless && c.is_alphabetic())
        || matches!(c, '“' | '"' | '(' | '‘' | '[' | '«' | '„' | '¿' | '¡')
}

/// The longest run of whitespace handed to UAX #29 as it is: unicode-segmentation's
/// sentence boundaries look back over a run of spaces at every position, so a run of n
/// spaces after a stop costs n² (28 000 vertical tabs took 6 s; found by fuzzing). Block
/// text has single spaces (the readers join words with one), so runs this long only come
/// from hostile or raw input; past it the run is shortened for UAX #29 alone.
const MAX_SPACE_RUN: usize = 8;

/// UAX #29 sentence boundaries of `text` (byte offsets > 0), with whitespace runs longer
/// than [`MAX_SPACE_RUN`] cut to that length for the search and the boundaries mapped
/// back: a boundary after a cut run lands after the whole run.
fn uax29_boundaries(text: &str) -> BTreeSet<usize> {
    let mut run = 0;
    let long_run = text.chars().any(|c| {
        run = if c.is_whitespace() { run + 1 } else { 0 };
        run > MAX_SPACE_RUN
    });
    if !long_run {
        return text
            .split_sentence_bound_indices()
            .map(|(i, _)| i)
            .filter(|&i| i > 0)
            .collect();
    }
    let mut squeezed = String::with_capacity(text.len());
    // Byte of `squeezed` → byte of `text`.
    let mut origin: Vec<usize> = Vec::with_capacity(text.len());
    let mut run = 0;
    for (i, c) in text.char_indices() {
        run = if c.is_whitespace() { run + 1 } else { 0 };
        if run > MAX_SPACE_RUN {
            continue;
        }
        origin.extend((0..c.len_utf8()).map(|k| i + k));
        squeezed.push(c);
    }
    squeezed
        .split_sentence_bound_indices()
        .filter_map(|(q, _)| origin.get(q).copied())
        .filter(|&i| i > 0)
        .collect()
}

/// Whether `c` is a letter of the scripts the six languages' documents are set in that
/// UAX #29 classes as a letter (Upper, Lower or OLetter) and never as Extend or Format:
/// ASCII letters, the Latin-1 letters (U+00C0–U+00FF but × and ÷), basic Cyrillic
/// (U+0400–U+045F) and the Arabic letters (U+0621–U+063A, U+0641–U+064A; not the
/// tatweel U+0640 nor the marks from U+064B).
fn is_plain_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{c0}'..='\u{ff}' if c != '×' && c != '÷')
        || matches!(c, '\u{400}'..='\u{45f}' | '\u{621}'..='\u{63a}' | '\u{641}'..='\u{64a}')
}

/// Whether a text is cut before `c`, which follows `before_last` and `last`: before
/// every letter that follows a letter and one space (`the report`: a cut before `r`),
/// where no UAX #29 sentence rule reaches across. A rule's context before a position is
/// `SATerm Close* Sp*` (SB8–SB11) or the letter before an ATerm (SB7), which never holds
/// a letter followed by a space, and the look-ahead of SB8 ends at the first letter. So
/// the boundaries of the pieces, each read alone, are the boundaries of the whole, and
/// no cut is a boundary (a letter and a space before it are not `SATerm Close* Sp*`).
/// UAX #29, section 5.1.
fn is_cut(before_last: char, last: char, c: char) -> bool {
    last == ' ' && is_plain_letter(c) && is_plain_letter(before_last)
}

/// The places where a sentence of `text` may break, in one pass: the UAX #29 sentence
/// boundaries (as [`uax29_boundaries`]) of the pieces between cuts ([`is_cut`]) that
/// hold one of the language's stops ([`Rules::is_stop`]), and the places after a
/// footnote marker or a closer and a space (`adopted.12 The`: UAX #29 reads the marker
/// as a number; `accord. » La`: it breaks before the `»`). A break
/// [`split_at_candidates`] accepts has its stop in its own piece, since only
/// whitespace, digits, closers and inner spaces come between the two, and a cut is
/// made only after a letter; the other pieces are not searched (on S/2013/220 four
/// fifths of the text).
fn candidates(text: &str, rules: &Rules) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    let search = |piece: Range<usize>, out: &mut BTreeSet<usize>| {
        if let Some(t) = text.get(piece.clone()) {
            out.extend(uax29_boundaries(t).into_iter().map(|i| i + piece.start));
        }
    };
    let (mut piece_start, mut has_stop) = (0, false);
    let (mut before_last, mut last) = ('\0', '\0');
    for (i, c) in text.char_indices() {
        if c == ' ' && (last.is_ascii_digit() || is_closer(last)) {
            out.insert(i + 1);
        }
        if is_cut(before_last, last, c) {
            if has_stop {
                search(piece_start..i, &mut out);
            }
            (piece_start, has_stop) = (i, false);
        }
        has_stop |= rules.is_stop(c);
        (before_last, last) = (last, c);
    }
    if has_stop {
        search(piece_start..text.len(), &mut out);
    }
    out
}

/// Whether `text` holds a place where a sentence could break: a character that
/// [`starts_sentence`], after a stop with only whitespace, digits, closers and inner
/// spaces between. Every break [`ranges`] accepts is such a place ([`ends_sentence`]
/// trims only those characters before its stop, and none of them is a stop), so a
/// text without one is one sentence and needs no UAX #29 search (headings, cells,
/// one-sentence paragraphs: on S/2013/220 the sentence stage went from 27.8 M to
/// 25.5 M instructions, callgrind).
fn may_break(text: &str, rules: &Rules) -> bool {
    let mut after_stop = false;
    text.chars().any(|c| {
        if after_stop && starts_sentence_with(c, rules) {
            return true;
        }
        let skipped = c.is_whitespace() || c.is_ascii_digit() || is_closer_or_inner_space(c);
        if !skipped {
            after_stop = rules.is_stop(c);
        }
        false
    })
}

/// Byte ranges of the sentences of `text` under `rules`; they cover the text.
pub(crate) fn ranges(text: &str, rules: &Rules) -> Vec<Range<usize>> {
    if !may_break(text, rules) {
        return if text.is_empty() {
            Vec::new()
        } else {
            std::iter::once(0..text.len()).collect()
        };
    }
    searched_ranges(text, rules)
}

/// [`ranges`] without the shortcut for a text that cannot break: the UAX #29 search.
fn searched_ranges(text: &str, rules: &Rules) -> Vec<Range<usize>> {
    split_at_candidates(text, rules, candidates(text, rules))
}

/// The sentences of `text` whose breaks are among `candidates` ([`candidates`]).
fn split_at_candidates(
    text: &str,
    rules: &Rules,
    candidates: BTreeSet<usize>,
) -> Vec<Range<usize>> {
    // `end`: the end of the last non-whitespace character before the candidate, read
    // in one pass over the text as the candidates ascend, so that a candidate after a
    // long run of whitespace is judged without scanning the run again (text of 30 000
    // line breaks took 26 s before; found by fuzzing).
    let mut last = 0;
    let mut chars = text.char_indices().peekable();
    let mut out = Vec::new();
    let mut start = 0;
    for c in candidates {
        while let Some(&(i, ch)) = chars.peek() {
            if i >= c {
                break;
            }
            if !ch.is_whitespace() {
                last = i + ch.len_utf8();
            }
            chars.next();
        }
        let end = last;
        // Only whitespace since `start`, or no whitespace before the candidate.
        if end <= start || end == c {
            continue;
        }
        let (Some(before), Some(after)) = (text.get(start..end), text.get(c..)) else {
            continue;
        };
        if ends_sentence(before, rules) && starts_sentence(after, rules) {
            out.push(start..end);
            start = c;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The shortcut changes no sentence: texts of stops, closers, digits, spaces,
        /// capitals, openers and abbreviations split as the full search splits them.
        #[test]
        fn texts_that_cannot_break_split_as_searched(
            words in proptest::collection::vec(
                prop_oneof![
                    Just("."), Just("?"), Just("!"), Just("؟"), Just(" "), Just("\u{a0}"),
                    Just("»"), Just("”"), Just(")"), Just("\""), Just("12"), Just("3.5"),
                    Just("It"), Just("met"), Just("para"), Just("e.g"), Just("J"), Just("«"),
                    Just("("), Just("¿"), Just("А"), Just("ف"), Just("\n"), Just("A/RES/73/3"),
                ],
                0..24,
            )
        ) {
            let text = words.concat();
            for lang in [unpara_model::Lang::En, unpara_model::Lang::Fr, unpara_model::Lang::Ar] {
                let rules = crate::rules::rules(lang).unwrap_or_else(|| unreachable!());
                prop_assert_eq!(ranges(&text, rules), searched_ranges(&text, rules));
            }
        }
    }

    /// Pieces of texts in the six languages' scripts, with the characters UAX #29 rules
    /// turn on: stops, closers and openers, spaces and paragraph separators, digits,
    /// marks (Extend), a soft hyphen (Format), letters of every case and script.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop_oneof![
            Just("."),
            Just("?"),
            Just("!"),
            Just("؟"),
            Just(" "),
            Just("  "),
            Just("\n"),
            Just("\u{2029}"),
            Just("\u{a0}"),
            Just("»"),
            Just("«"),
            Just("”"),
            Just("“"),
            Just(")"),
            Just("("),
            Just("\""),
            Just("'"),
            Just(","),
            Just(";"),
            Just("-"),
            Just("12"),
            Just("3.5"),
            Just("It"),
            Just("met"),
            Just("e.g"),
            Just("J"),
            Just("p"),
            Just("ex"),
            Just("¿"),
            Just("Об"),
            Just("их"),
            Just("فعل"),
            Just("\u{64b}"),
            Just("\u{301}"),
            Just("\u{ad}"),
            Just("ـ"),
            Just("É"),
            Just("été"),
            Just("x"),
            Just("A/RES/73/3"),
            Just("\t"),
        ]
    }

    /// The text cut before every letter that follows a letter and a space ([`is_cut`]).
    fn uax29_pieces(text: &str) -> Vec<Range<usize>> {
        let mut cuts = vec![0];
        let (mut before_last, mut last) = ('\0', '\0');
        for (i, c) in text.char_indices() {
            if is_cut(before_last, last, c) {
                cuts.push(i);
            }
            (before_last, last) = (last, c);
        }
        cuts.push(text.len());
        cuts.windows(2)
            .filter_map(|w| Some(*w.first()?..*w.get(1)?))
            .filter(|r| !r.is_empty())
            .collect()
    }

    /// The candidates as the whole text's search finds them: every UAX #29 boundary,
    /// then every place after a digit and a space, after a closer and a space.
    fn whole_text_candidates(text: &str) -> BTreeSet<usize> {
        let mut candidates = uax29_boundaries(text);
        for (i, _) in text.match_indices(' ') {
            if text
                .get(..i)
                .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()))
            {
                candidates.insert(i + 1);
            }
        }
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if is_closer(c) && chars.peek().is_some_and(|&(_, n)| n == ' ') {
                candidates.insert(i + c.len_utf8() + 1);
            }
        }
        candidates
    }

    proptest! {
        /// The pieces' boundaries, read piece by piece, are the whole text's.
        #[test]
        fn pieces_keep_every_uax29_boundary(words in proptest::collection::vec(piece(), 0..40)) {
            let text = words.concat();
            let mut pieced = BTreeSet::new();
            for r in uax29_pieces(&text) {
                let t = text.get(r.clone()).unwrap_or_default();
                pieced.extend(uax29_boundaries(t).into_iter().map(|i| i + r.start));
            }
            prop_assert_eq!(pieced, uax29_boundaries(&text));
        }

        /// Reading only the pieces with a stop changes no sentence.
        #[test]
        fn pieces_without_a_stop_change_no_sentence(
            words in proptest::collection::vec(piece(), 0..40)
        ) {
            let text = words.concat();
            for lang in [
                unpara_model::Lang::En, unpara_model::Lang::Fr, unpara_model::Lang::Es,
                unpara_model::Lang::Ru, unpara_model::Lang::Ar,
            ] {
                let rules = crate::rules::rules(lang).unwrap_or_else(|| unreachable!());
                prop_assert_eq!(
                    searched_ranges(&text, rules),
                    split_at_candidates(&text, rules, whole_text_candidates(&text))
                );
            }
        }
    }

    #[test]
    fn pieces_are_cut_before_a_letter_after_a_letter_and_a_space() {
        let text = "It met. The report (A/1) was adopted in été et Об их.";
        let pieces: Vec<&str> = uax29_pieces(text)
            .into_iter()
            .filter_map(|r| text.get(r))
            .collect();
        assert_eq!(
            pieces,
            [
                "It ",
                "met. The ",
                "report (A/1) was ",
                "adopted ",
                "in ",
                "été ",
                "et ",
                "Об ",
                "их."
            ]
        );
    }

    fn english() -> &'static Rules {
        crate::rules::rules(unpara_model::Lang::En).unwrap_or_else(|| unreachable!())
    }

    fn split(t: &str) -> Vec<&str> {
        ranges(t, english())
            .into_iter()
            .filter_map(|r| t.get(r))
            .collect()
    }

    #[test]
    fn splits_at_stop_space_capital() {
        assert_eq!(
            split("It met. It adopted the report."),
            ["It met.", "It adopted the report."]
        );
        assert_eq!(
            split("Was it? Yes! It was."),
            ["Was it?", "Yes!", "It was."]
        );
        assert_eq!(
            split("it met. then it adopted"),
            ["it met. then it adopted"]
        );
    }

    #[test]
    fn references_do_not_split() {
        for t in [
            "See para. 5 of the report.",
            "See paras. 5 and 6.",
            "Under art. 13 of the Convention.",
            "Under arts. 7 and 8 of the Convention.",
            "See chap. II above.",
            "See sect. III.B below.",
            "See vol. I, p. 3 and pp. 4-7.",
        ] {
            assert_eq!(split(t), [t]);
        }
    }

    #[test]
    fn numbers_do_not_split() {
        assert_eq!(
            split("See No. 3 and Nos. 4 and 5."),
            ["See No. 3 and Nos. 4 and 5."]
        );
        assert_eq!(
            split("A rate of 3.5 per cent. It fell."),
            ["A rate of 3.5 per cent.", "It fell."]
        );
    }

    #[test]
    fn latin_abbreviations_do_not_split() {
        assert_eq!(
            split("Some States, e.g. Austria, spoke."),
            ["Some States, e.g. Austria, spoke."]
        );
        assert_eq!(
            split("One State, i.e. Austria, spoke."),
            ["One State, i.e. Austria, spoke."]
        );
        assert_eq!(
            split("See Smith et al. The report"),
            ["See Smith et al. The report"]
        );
    }

    #[test]
    fn etc_splits_only_at_the_end_of_a_sentence() {
        assert_eq!(
            split("Laws, rules, etc. were adopted."),
            ["Laws, rules, etc. were adopted."]
        );
        assert_eq!(
            split("Laws, rules, etc. The list grew."),
            ["Laws, rules, etc.", "The list grew."]
        );
    }

    #[test]
    fn titles_and_initials_do_not_split() {
        for t in [
            "Mr. Smith spoke.",
            "Ms. Jones and Mrs. Brown spoke.",
            "Dr. Ali from St. Lucia spoke.",
            "The representative, J. Smith, spoke.",
        ] {
            assert_eq!(split(t), [t]);
        }
        assert_eq!(
            split("The U.S. Government spoke."),
            ["The U.S. Government spoke."]
        );
    }

    #[test]
    fn symbol_parts_do_not_split_and_a_final_symbol_ends() {
        assert_eq!(
            split(
                "Document E/2018/1 (Rev. 2) and A/73/5 (Add. 1, Corr. 1 and Suppl. 3) were noted."
            ),
            ["Document E/2018/1 (Rev. 2) and A/73/5 (Add. 1, Corr. 1 and Suppl. 3) were noted."]
        );
        assert_eq!(
            split("It recalled resolution A/RES/73/3. Then it adjourned."),
            ["It recalled resolution A/RES/73/3.", "Then it adjourned."]
        );
    }

    #[test]
    fn closing_quote_and_footnote_marker_stay() {
        assert_eq!(
            split("entitled “Follow-up.” The Conference met."),
            ["entitled “Follow-up.”", "The Conference met."]
        );
        assert_eq!(
            split("It adopted the report.12 The Conference"),
            ["It adopted the report.12", "The Conference"]
        );
        assert_eq!(
            split("See section 4.1 The report"),
            ["See section 4.1 The report"]
        );
    }

    #[test]
    fn opening_bracket_or_quote_starts_a_sentence() {
        assert_eq!(
            split("It met. (The list follows.)"),
            ["It met.", "(The list follows.)"]
        );
        assert_eq!(
            split("It said so. “We agree.”"),
            ["It said so.", "“We agree.”"]
        );
    }

    /// Found by fuzzing (issue 13, `target/fuzz-out/sentences` hangs): 30 000 line
    /// breaks around a few sentences took 26 s, every candidate trimming the whole run
    /// again; the candidates are now judged in one pass (the fuzz target's 5 s limit,
    /// not this test, is the guard on time).
    #[test]
    fn long_whitespace_runs_split_as_short_ones() {
        let text = format!(
            "{}It was adopted.\n{}The end.",
            "\n".repeat(30_000),
            "\n".repeat(30_000)
        );
        let r = split(&text);
        assert_eq!(
            r.len(),
            2,
            "{:?}",
            r.iter().map(|s| s.len()).collect::<Vec<_>>()
        );
        assert_eq!(r[0].trim(), "It was adopted.");
        assert_eq!(r[1], "The end.");
        assert_eq!(split("\n\n\n"), ["\n\n\n"]);
    }

    /// Found by fuzzing (issue 13, the re-run after the fix above): 28 000 vertical tabs
    /// after a stop cost UAX #29 6 s; long runs are shortened for it, the boundary after
    /// a run still lands after the whole run.
    #[test]
    fn a_long_space_run_after_a_stop_splits_after_the_run() {
        for space in [" ", "\u{b}", "\t"] {
            let text = format!("It was adopted.{}The end.", space.repeat(28_000));
            let r = ranges(&text, english());
            assert_eq!(r.len(), 2, "{space:?}");
            assert_eq!(text.get(r[0].clone()), Some("It was adopted."));
            assert_eq!(text.get(r[1].clone()), Some("The end."));
        }
        // Short runs are untouched: the same split as before.
        assert_eq!(
            split("It met.  It adopted the report."),
            ["It met.", "It adopted the report."]
        );
    }
}
