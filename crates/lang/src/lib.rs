//! Language identification of unpara: which of the six UN languages a text is in.
//!
//! First by script, counting letters: Han → Chinese, Arabic → Arabic, Cyrillic →
//! Russian when the script holds at least [`SCRIPT_SHARE`] of the letters (a version's
//! front page keeps Latin-script symbols and English names, hence not higher). Text in
//! Latin letters is told apart (English, French, Spanish) by whatlang's trigram model
//! restricted to those three; English when it cannot tell.
//!
//! ```
//! use unpara_model::Lang;
//! assert_eq!(unpara_lang::detect("Tous les êtres humains naissent libres et égaux en dignité et en droits.".chars()), Lang::Fr);
//! assert_eq!(unpara_lang::detect("Все люди рождаются свободными".chars()), Lang::Ru);
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

use unpara_model::{script_of, Lang, Script};

/// A script decides the language when at least this share of the letters are in it.
/// Chinese UN documents run at 85–95 % Han letters, Russian and Arabic ones at similar
/// shares of Cyrillic and Arabic; the English version at 0 %. The front page of a
/// non-English version keeps English metadata lines (symbols, `Distr.`), hence 30 %.
pub const SCRIPT_SHARE: f64 = 0.3;

/// At most this many characters of the text (its opening: the front page and the first
/// paragraphs) are given to whatlang: its trigram model settles within a few hundred
/// characters. 20 000 cost 5.9 M instructions, 2.4 % of `unpara extract` on a 24-page
/// report (callgrind, `S_2013_220.pdf`); 5 000 a quarter of that, and tell English,
/// French and Spanish apart on every corpus, fixture and layout-matrix document as
/// 20 000 did.
pub const MAX_SAMPLE_CHARS: usize = 5_000;

/// Letters counted per script, and a sample of the text for the trigram model.
#[derive(Debug, Default)]
struct Counts {
    han: usize,
    arabic: usize,
    cyrillic: usize,
    latin: usize,
    sample: String,
    sampled: usize,
}

/// [`detect`] fed piece by piece: the text of a document read as a stream (a UNPC file
/// written block by block) is counted as it goes by, never held.
#[derive(Debug, Default)]
pub struct Detector(Counts);

impl Detector {
    /// Counts more of the text (pieces are read as if concatenated).
    pub fn feed(&mut self, chars: impl Iterator<Item = char>) {
        let n = &mut self.0;
        for c in chars {
            match script_of(c) {
                Some(Script::Han) => n.han += 1,
                Some(Script::Arabic) => n.arabic += 1,
                Some(Script::Cyrillic) => n.cyrillic += 1,
                Some(Script::Latin) => n.latin += 1,
                None => {}
            }
            if n.sampled < MAX_SAMPLE_CHARS {
                n.sample.push(c);
                n.sampled += 1;
            }
        }
    }

    /// [`Detector::feed`] with a string: the same counts and sample, with text in ASCII
    /// counted byte by byte (its letters are Latin, nothing else is a letter) and
    /// sampled as a slice.
    pub fn feed_str(&mut self, text: &str) {
        if !text.is_ascii() {
            return self.feed(text.chars());
        }
        let n = &mut self.0;
        n.latin += text.bytes().filter(u8::is_ascii_alphabetic).count();
        let room = MAX_SAMPLE_CHARS.saturating_sub(n.sampled);
        let taken = text.get(..room.min(text.len())).unwrap_or_default();
        n.sample.push_str(taken);
        n.sampled += taken.len();
    }

    /// The language of all the text fed (see the crate documentation).
    pub fn language(&self) -> Lang {
        let n = &self.0;
        let letters = (n.han + n.arabic + n.cyrillic + n.latin) as f64;
        if letters == 0.0 {
            return Lang::En;
        }
        let share = |k: usize| k as f64 / letters;
        let scripts = [
            (n.han, Lang::Zh),
            (n.arabic, Lang::Ar),
            (n.cyrillic, Lang::Ru),
        ];
        if let Some(&(_, lang)) = scripts
            .iter()
            .filter(|(k, _)| share(*k) >= SCRIPT_SHARE)
            .max_by_key(|(k, _)| *k)
        {
            return lang;
        }
        latin_language(&n.sample)
    }
}

/// The language of a text given as characters (see the crate documentation).
pub fn detect(chars: impl Iterator<Item = char>) -> Lang {
    let mut d = Detector::default();
    d.feed(chars);
    d.language()
}

/// [`detect`] for a string.
pub fn detect_text(text: &str) -> Lang {
    let mut d = Detector::default();
    d.feed_str(text);
    d.language()
}

/// [`detect`] for text given in pieces (read as if concatenated).
pub fn detect_pieces<'a>(pieces: impl Iterator<Item = &'a str>) -> Lang {
    let mut d = Detector::default();
    for piece in pieces {
        d.feed_str(piece);
    }
    d.language()
}

/// English, French or Spanish by whatlang's trigrams (English when it cannot tell).
fn latin_language(sample: &str) -> Lang {
    let detector = whatlang::Detector::with_allowlist(vec![
        whatlang::Lang::Eng,
        whatlang::Lang::Fra,
        whatlang::Lang::Spa,
    ]);
    match detector.detect_lang(sample) {
        Some(whatlang::Lang::Fra) => Lang::Fr,
        Some(whatlang::Lang::Spa) => Lang::Es,
        _ => Lang::En,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn by_chars(pieces: &[String]) -> Detector {
        let mut d = Detector::default();
        for p in pieces {
            d.feed(p.chars());
        }
        d
    }

    fn by_str(pieces: &[String]) -> Detector {
        let mut d = Detector::default();
        for p in pieces {
            d.feed_str(p);
        }
        d
    }

    proptest! {
        /// Pieces fed as strings count and sample what their characters do, across
        /// the sample's limit too (pieces of ASCII, Latin, Cyrillic and Han text).
        #[test]
        fn feeding_strings_counts_as_feeding_characters(
            pieces in prop::collection::vec("[a-zA-Z0-9 .,é]{0,40}|[а-яА-Я ]{0,20}|[联合国会议 ]{0,10}|[a-z ]{900,1200}", 0..12)
        ) {
            let (a, b) = (by_chars(&pieces), by_str(&pieces));
            prop_assert_eq!(format!("{:?}", a), format!("{:?}", b));
            prop_assert_eq!(a.language(), b.language());
        }
    }

    #[test]
    fn scripts_and_latin_languages() {
        assert_eq!(
            detect_text("联合国反腐败公约缔约国会议 CAC/COSP/WG.4/2017/4 Distr.: General"),
            Lang::Zh
        );
        assert_eq!(
            detect_text("يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق. A/RES/217"),
            Lang::Ar
        );
        assert_eq!(
            detect_text("Генеральная Ассамблея A/73/3 Distr.: General"),
            Lang::Ru
        );
        assert_eq!(
            detect_text("Todos los seres humanos nacen libres e iguales en dignidad y derechos."),
            Lang::Es
        );
        assert_eq!(
            detect_text("All human beings are born free and equal in dignity and rights."),
            Lang::En
        );
        assert_eq!(detect_text("1234 ..."), Lang::En);
        assert_eq!(detect_text(""), Lang::En);
    }
}
