//! Sentence segmentation of unpara for the six UN languages' block text.
//!
//! Splitters return byte ranges into the block text; [`segment`] turns them into
//! strings. Chinese sentences concatenate back to the text exactly; sentences of the
//! other languages (Arabic, English, French, Russian, Spanish: one splitter, each
//! language's stops and abbreviations read from its data table `data/<code>.txt`)
//! joined with single spaces give the text back (the text has single spaces only).
//!
//! ```
//! use unpara_model::Lang;
//! let s = unpara_sentences::segment("会议开幕。通过议程（草案。）。", Lang::Zh);
//! assert_eq!(s, ["会议开幕。", "通过议程（草案。）。"]);
//! let s = unpara_sentences::segment("See para. 5 of the report. It was adopted.", Lang::En);
//! assert_eq!(s, ["See para. 5 of the report.", "It was adopted."]);
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod chinese;
mod rules;
mod spaced;

use std::ops::Range;

use unpara_model::{Document, Lang};

/// Byte ranges of the sentences of `text`.
pub fn sentence_ranges(text: &str, lang: Lang) -> Vec<Range<usize>> {
    match rules::rules(lang) {
        Some(r) => spaced::ranges(text, r),
        None => chinese::ranges(text),
    }
}

/// The sentences of `text` (see the crate documentation for how they rebuild it).
///
/// Sentences of the languages written with spaces are trimmed (the single space between
/// two sentences belongs to neither). Chinese sentences keep every character: whitespace at the start of a
/// sentence moves to the end of the one before, so that they concatenate to the text.
pub fn segment(text: &str, lang: Lang) -> Vec<String> {
    let pieces = sentence_ranges(text, lang)
        .into_iter()
        .filter_map(|r| text.get(r));
    match lang {
        Lang::Ar | Lang::En | Lang::Fr | Lang::Ru | Lang::Es => pieces
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        Lang::Zh => {
            let mut out: Vec<String> = Vec::new();
            for piece in pieces {
                let body = piece.trim_start();
                let lead = piece.get(..piece.len() - body.len()).unwrap_or_default();
                match out.last_mut() {
                    Some(prev) => prev.push_str(lead),
                    None if !body.is_empty() => out.push(lead.to_string()),
                    None => {
                        out.push(piece.to_string());
                        continue;
                    }
                }
                if body.is_empty() {
                    continue;
                }
                match out.last_mut() {
                    Some(first) if first.trim().is_empty() => first.push_str(body),
                    _ => out.push(body.to_string()),
                }
            }
            out
        }
    }
}

/// Fills the `sentences` of every block of a document that has none yet (a reader
/// may bring its own: the UN Parallel Corpus marks every sentence).
pub fn segment_document(doc: &mut Document) {
    let lang = doc.language;
    for b in doc.blocks.iter_mut().filter(|b| b.sentences.is_empty()) {
        b.sentences = segment(&b.text, lang);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every example of every language's data table splits as the table says.
    #[test]
    fn data_table_examples() {
        let mut checked = 0;
        for lang in Lang::ALL {
            for (text, expected) in rules::rules(lang)
                .map(|r| &r.examples)
                .into_iter()
                .flatten()
            {
                assert_eq!(&segment(text, lang), expected, "{lang:?}: {text}");
                checked += 1;
            }
        }
        assert!(checked >= 28, "{checked} examples");
    }
}
