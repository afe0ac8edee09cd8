//! Sentence rules of the languages written with spaces (ar, en, fr, ru, es), read from
//! the data tables `data/<code>.txt`: abbreviations after which a full stop does not end
//! a sentence, and example texts with their sentences, which a test runs.

use std::sync::OnceLock;

use unpara_model::Lang;

/// The rules of one language.
#[derive(Debug)]
pub(crate) struct Rules {
    /// Words (or multi-word forms such as `p. ex`, `т. е`) after which `.` does not end
    /// a sentence, without their final stop.
    pub abbreviations: Vec<&'static str>,
    /// Characters that end a sentence: `.`, `!`, `?`, and `؟` for Arabic.
    pub stops: &'static [char],
    /// The stops outside ASCII (`؟` for Arabic, none for the others): what
    /// [`Rules::is_stop`] looks up when a character is not ASCII.
    non_ascii_stops: &'static [char],
    /// True when the script has no capitals (Arabic): any letter may start a sentence.
    pub caseless: bool,
    /// Examples of the data table: a text and its sentences.
    #[cfg_attr(not(test), allow(dead_code))]
    pub examples: Vec<(&'static str, Vec<&'static str>)>,
}

/// The data table of a language, `None` for Chinese (its own splitter).
fn table(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::Ar => Some(include_str!("../data/ar.txt")),
        Lang::En => Some(include_str!("../data/en.txt")),
        Lang::Fr => Some(include_str!("../data/fr.txt")),
        Lang::Ru => Some(include_str!("../data/ru.txt")),
        Lang::Es => Some(include_str!("../data/es.txt")),
        Lang::Zh => None,
    }
}

/// Reads a data table: `#` comments, `[abbreviations]` (words separated by spaces, a
/// multi-word one has its inner stop: `p. ex` is written `p. ex` and read as one entry
/// when a word ends with `.`), `[examples]` (a text line, then `=> s1 | s2 …`).
fn parse(text: &'static str, lang: Lang) -> Rules {
    let mut abbreviations = Vec::new();
    let mut examples: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
    let mut section = "";
    let mut pending: Option<&'static str> = None;
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with('[') {
            section = line;
            continue;
        }
        match section {
            "[abbreviations]" => {
                // A word ending with a stop joins the next one: `p. ex` → "p. ex".
                let mut start: Option<usize> = None;
                let base = line.as_ptr() as usize;
                for word in line.split(' ').filter(|w| !w.is_empty()) {
                    let at = word.as_ptr() as usize - base;
                    let from = start.unwrap_or(at);
                    if word.ends_with('.') && !word.contains('-') {
                        start = Some(from);
                        continue;
                    }
                    start = None;
                    if let Some(entry) = line.get(from..at + word.len()) {
                        abbreviations.push(entry);
                    }
                }
            }
            "[examples]" => match line.strip_prefix("=>") {
                Some(rest) => {
                    if let Some(text) = pending.take() {
                        examples.push((text, rest.split(" | ").map(str::trim).collect()));
                    }
                }
                None => pending = Some(line),
            },
            _ => {}
        }
    }
    Rules {
        abbreviations,
        stops: if lang == Lang::Ar {
            &['.', '!', '?', '؟']
        } else {
            &['.', '!', '?']
        },
        non_ascii_stops: if lang == Lang::Ar { &['؟'] } else { &[] },
        caseless: lang == Lang::Ar,
        examples,
    }
}

impl Rules {
    /// Whether `c` is one of [`Rules::stops`]: asked of every character of a text, so
    /// an ASCII character (most of them) is matched without looking through the list.
    pub fn is_stop(&self, c: char) -> bool {
        if c.is_ascii() {
            matches!(c, '.' | '!' | '?')
        } else {
            self.non_ascii_stops.contains(&c)
        }
    }
}

/// The rules of `lang` (built once), `None` for Chinese.
pub(crate) fn rules(lang: Lang) -> Option<&'static Rules> {
    static CELLS: [OnceLock<Option<Rules>>; 6] = [const { OnceLock::new() }; 6];
    let i = Lang::ALL.iter().position(|&l| l == lang)?;
    CELLS
        .get(i)?
        .get_or_init(|| table(lang).map(|t| parse(t, lang)))
        .as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_read() {
        let fr = rules(Lang::Fr)
            .map(|r| r.abbreviations.clone())
            .unwrap_or_default();
        assert!(fr.contains(&"M") && fr.contains(&"p. ex") && fr.contains(&"c.-à-d"));
        let ru = rules(Lang::Ru)
            .map(|r| r.abbreviations.clone())
            .unwrap_or_default();
        assert!(ru.contains(&"т. е") && ru.contains(&"г"));
        let es = rules(Lang::Es)
            .map(|r| r.abbreviations.clone())
            .unwrap_or_default();
        assert!(es.contains(&"EE. UU") && es.contains(&"núm"));
        let en = rules(Lang::En)
            .map(|r| r.abbreviations.clone())
            .unwrap_or_default();
        assert!(
            en.contains(&"e.g") && en.contains(&"op") && en.len() == 39,
            "{en:?}"
        );
        assert!(rules(Lang::Zh).is_none());
        for l in [Lang::Ar, Lang::En, Lang::Fr, Lang::Ru, Lang::Es] {
            assert!(rules(l).is_some_and(|r| r.examples.len() >= 4), "{l:?}");
        }
    }

    /// `is_stop` answers as the list of stops does, for every character of the Basic
    /// Multilingual Plane (and some beyond), in each language.
    #[test]
    fn is_stop_is_the_list_of_stops() {
        for l in [Lang::Ar, Lang::En, Lang::Fr, Lang::Ru, Lang::Es] {
            let Some(r) = rules(l) else {
                panic!("no rules for {l:?}");
            };
            for c in (0..0x1_0000u32)
                .chain(0x1F000..0x1F100)
                .filter_map(char::from_u32)
            {
                assert_eq!(r.is_stop(c), r.stops.contains(&c), "{l:?} {c:?}");
            }
        }
        assert!(rules(Lang::Ar).is_some_and(|r| r.is_stop('؟')));
        assert!(rules(Lang::En).is_some_and(|r| !r.is_stop('؟') && r.is_stop('?')));
    }
}
