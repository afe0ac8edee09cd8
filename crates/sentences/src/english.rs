//! English sentence breaks: after `.`, `!` or `?` followed by a space and a capital
//! letter, digit-free opening quote or bracket; not after the abbreviations UN documents
//! use (UN Editorial Manual, "Abbreviations"), not after a single initial, and not
//! inside a document symbol or number (those have no space after the stop).

use std::ops::Range;

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "para", "paras", "art", "arts", "chap", "sect", "No", "Nos", "vol", "e.g", "i.e", "Mr", "Ms",
    "Mrs", "Dr", "St", "U.S", "Rev", "Add", "Corr", "Suppl", "p", "pp", "cf", "Sect", "Art",
    "Arts", "Chap", "Vol", "Para", "Paras", "op", "cit", "al", "Inc", "Co", "Corp",
];

fn ends_with_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '[')
        .next()
        .unwrap_or("");
    let word = word.trim_end_matches('.');
    ABBREVIATIONS.contains(&word)
        || (word.chars().count() == 1 && word.chars().all(|c| c.is_ascii_uppercase()))
}

pub(crate) fn ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        // Closing quotes and brackets right after the stop belong to the sentence.
        let mut j = k + 1;
        while chars
            .get(j)
            .is_some_and(|&(_, n)| matches!(n, '”' | '’' | ')' | '"' | '\''))
        {
            j += 1;
        }
        let Some(&(space_at, ' ')) = chars.get(j) else {
            continue;
        };
        let Some(&(_, next)) = chars.get(j + 1) else {
            continue;
        };
        if !(next.is_uppercase() || matches!(next, '“' | '"' | '(' | '‘')) {
            continue;
        }
        if c == '.' && ends_with_abbreviation(text.get(start..i).unwrap_or_default()) {
            continue;
        }
        out.push(start..space_at);
        start = space_at + 1;
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        ranges(t).into_iter().filter_map(|r| t.get(r)).collect()
    }

    #[test]
    fn splits_at_stop_space_capital() {
        assert_eq!(
            split("It met. It adopted the report."),
            ["It met.", "It adopted the report."]
        );
    }

    #[test]
    fn abbreviations_and_symbols_do_not_split() {
        assert_eq!(
            split("See para. 5 and No. 3 of the list."),
            ["See para. 5 and No. 3 of the list."]
        );
        assert_eq!(
            split("Mr. Smith spoke on A/RES/73/3. Then"),
            ["Mr. Smith spoke on A/RES/73/3.", "Then"]
        );
        assert_eq!(
            split("A rate of 3.5 per cent."),
            ["A rate of 3.5 per cent."]
        );
        assert_eq!(
            split("Document (E/2018/1 Rev. 2) was noted."),
            ["Document (E/2018/1 Rev. 2) was noted."]
        );
    }

    #[test]
    fn closing_quote_stays() {
        assert_eq!(
            split("entitled “Follow-up.” The Conference"),
            ["entitled “Follow-up.”", "The Conference"]
        );
    }
}
