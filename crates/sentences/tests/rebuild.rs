//! Segmentation never loses or adds text (issue 4): Chinese sentences concatenate to the
//! text exactly; English sentences joined with single spaces give the text back.

use proptest::prelude::*;
use unpara_model::Lang;
use unpara_sentences::segment;

/// Chinese-like text: ideographs, every kind of punctuation the splitter looks at,
/// labels, Latin letters, digits and spaces.
fn zh_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "会",
        "议",
        "的",
        "和",
        "。",
        "！",
        "？",
        "；",
        "，",
        "、",
        "（",
        "）",
        "《",
        "》",
        "“",
        "”",
        "「",
        "」",
        "(",
        ")",
        "(b)",
        "（二）",
        "二、",
        "2.",
        "A",
        "UN",
        "1",
        " ",
        "!",
        "?",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

/// English-like text: words and marks joined by single spaces.
fn en_text() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "It",
        "met",
        "the",
        "para.",
        "No.",
        "e.g.",
        "etc.",
        "Mr.",
        "U.S.",
        "A/RES/73/3.",
        "3.5",
        "adopted.",
        "report.12",
        "“Yes.”",
        "(b)",
        "Rev.",
        "J.",
        "why?",
        "so!",
        "The",
        "In",
    ]);
    prop::collection::vec(words, 0..40).prop_map(|v| v.join(" "))
}

proptest! {
    #[test]
    fn chinese_sentences_concatenate_to_the_text(text in zh_text()) {
        let sentences = segment(&text, Lang::Zh);
        prop_assert_eq!(sentences.concat(), text);
        prop_assert!(sentences.iter().all(|s| !s.is_empty()));
    }

    #[test]
    fn english_sentences_joined_by_spaces_give_the_text(text in en_text()) {
        let sentences = segment(&text, Lang::En);
        prop_assert_eq!(sentences.join(" "), text);
        prop_assert!(sentences.iter().all(|s| !s.is_empty() && s.trim() == s));
    }
}
