//! What the bitext writers (JSON Lines, TSV, TMX, Moses) let out, and how they name
//! languages: a score floor, one-to-one links only, language tags.

use unpara_model::{Lang, SentenceLink};

/// Options of the bitext writers. The default lets every link out and tags languages
/// by their ISO 639-1 codes (`zh`, `en`).
#[derive(Debug, Clone, Default)]
pub struct Export {
    /// Leave out two-sided links scoring below this (a probability, 0–1).
    pub min_score: Option<f32>,
    /// Leave out every link that is not one sentence to one sentence.
    pub one_to_one: bool,
    /// Tags to write instead of a language's code (`zh` → `zh-CN`: CAT tools expect a
    /// region), as BCP 47 tags.
    pub lang_tags: Vec<(Lang, String)>,
    /// The pair's group name to write (`batch` gives its own, which may come from a
    /// file name's symbol); by default the documents' symbol, or their folder and stem
    /// ([`unpara_model::pair_key`]).
    pub group: Option<String>,
}

impl Export {
    /// Whether `link` goes out. One-sided links are kept by the score floor (their score
    /// is 0 by definition; writers that need both sides leave them out themselves) and
    /// dropped by `one_to_one`.
    pub fn keeps(&self, link: &SentenceLink) -> bool {
        let two_sided = !link.a.is_empty() && !link.b.is_empty();
        if self.one_to_one && (link.a.len() != 1 || link.b.len() != 1) {
            return false;
        }
        match self.min_score {
            Some(floor) if two_sided => link.score >= floor,
            Some(_) => false,
            None => true,
        }
    }

    /// The tag written for `lang`.
    pub fn tag(&self, lang: Lang) -> &str {
        self.lang_tags
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or(lang.code(), |(_, t)| t.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(a: usize, b: usize, score: f32) -> SentenceLink {
        SentenceLink {
            a: (0..a).map(|i| format!("b0:{i}")).collect(),
            b: (0..b).map(|i| format!("b0:{i}")).collect(),
            score,
        }
    }

    #[test]
    fn filters_and_tags() {
        let e = Export {
            min_score: Some(0.5),
            one_to_one: false,
            lang_tags: vec![(Lang::Zh, "zh-CN".into())],
            group: None,
        };
        assert!(e.keeps(&link(1, 2, 0.5)));
        assert!(!e.keeps(&link(1, 1, 0.49)));
        assert!(!e.keeps(&link(0, 1, 0.0)));
        assert_eq!((e.tag(Lang::Zh), e.tag(Lang::En)), ("zh-CN", "en"));
        let one = Export {
            one_to_one: true,
            ..Export::default()
        };
        assert!(one.keeps(&link(1, 1, 0.1)) && !one.keeps(&link(2, 1, 0.9)));
        assert!(Export::default().keeps(&link(0, 1, 0.0)));
    }
}
