//! The name of a pair of language versions that print no document symbol: their folder
//! and file stem without the language part, shared by `batch` (grouping) and the bitext
//! writers (the `group` of a link).

use std::path::{Component, Path};

use crate::Lang;

/// The language parts file names of language versions end in, by language: `-ZH`,
/// `.zh`, `_c` (the Official Document System's one-letter `_a` `_c` `_e` `_f` `_r` `_s`,
/// the job-number letters), `zh` alone.
fn language_suffixes(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Ar => &["ar", "ara", "a"],
        Lang::Zh => &["zh", "ch", "chi", "zho", "c", "cn"],
        Lang::En => &["en", "eng", "e"],
        Lang::Fr => &["fr", "fra", "fre", "f"],
        Lang::Ru => &["ru", "rus", "r"],
        Lang::Es => &["es", "spa", "sp", "s"],
    }
}

/// The group of a document in `lang` that prints no symbol: its folder and its file
/// stem without the language part (`udhr/zh.xml` → `udhr`, `in/X-ZH.pdf` → `in/X`,
/// `X_c.pdf` → `X`, `X.zh.docx` → `X`), so that the language versions of one document
/// pair up and same-named files of different folders do not. Only the folder's plain
/// components are kept (`../corpus/udhr` → `corpus/udhr`, `/data/udhr` → `data/udhr`),
/// so a name never starts with `/` or `..`; files named by their language alone in no
/// folder are [`UNNAMED_PAIR`].
///
/// ```
/// use std::path::Path;
/// use unpara_model::{pair_key, Lang};
/// assert_eq!(pair_key(Path::new("../corpus/udhr/zh.xml"), Lang::Zh), "corpus/udhr");
/// assert_eq!(pair_key(Path::new("X_e.pdf"), Lang::En), "X");
/// ```
pub fn pair_key(path: &Path, lang: Lang) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let lower = stem.to_lowercase();
    let suffixes = language_suffixes(lang);
    let bare = if suffixes.contains(&lower.as_str()) {
        String::new()
    } else {
        suffixes
            .iter()
            .flat_map(|s| ["-", "_", "."].map(move |sep| format!("{sep}{s}")))
            .find(|tail| lower.ends_with(tail.as_str()))
            .and_then(|tail| stem.get(..stem.len() - tail.len()))
            .map_or(stem.clone(), str::to_string)
    };
    let mut parts: Vec<String> = path
        .parent()
        .map(|p| {
            p.components()
                .filter_map(|c| match c {
                    Component::Normal(n) => Some(n.to_string_lossy().into_owned()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default();
    if !bare.is_empty() {
        parts.push(bare);
    }
    if parts.is_empty() {
        UNNAMED_PAIR.to_string()
    } else {
        parts.join("/")
    }
}

/// The name of a pair whose files are named by their language alone in no folder
/// (`zh.xml` and `en.xml` given as they are): the same for both, so they pair.
pub const UNNAMED_PAIR: &str = "untitled";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_without_symbol_pair_by_folder_and_stem() {
        let key = |p: &str, l| pair_key(Path::new(p), l);
        assert_eq!(
            key("../shared/corpus/udhr-xml/zh.xml", Lang::Zh),
            "shared/corpus/udhr-xml"
        );
        assert_eq!(
            key("../shared/corpus/udhr-xml/en.xml", Lang::En),
            "shared/corpus/udhr-xml"
        );
        assert_eq!(key("in/X-ZH.pdf", Lang::Zh), key("in/X-EN.pdf", Lang::En));
        assert_eq!(key("in/X-ZH.pdf", Lang::Zh), "in/X");
        assert_eq!(key("in/report_zh.pdf", Lang::Zh), "in/report");
        assert_eq!(key("X_c.pdf", Lang::Zh), key("X_e.pdf", Lang::En));
        assert_eq!(key("X_r.pdf", Lang::Ru), key("X_a.pdf", Lang::Ar));
        assert_eq!(key("in/X-FR.pdf", Lang::Fr), key("in/X-ES.pdf", Lang::Es));
        assert_eq!(key("/data/udhr/ru.xml", Lang::Ru), "data/udhr");
        assert_eq!(key("a/X.zh.docx", Lang::Zh), "a/X");
        assert_eq!(key("report.zh.docx", Lang::Zh), "report");
        assert_eq!(key("/data/udhr/zh.xml", Lang::Zh), "data/udhr");
        assert_ne!(key("one/zh.xml", Lang::Zh), key("two/en.xml", Lang::En));
        // Files named only by their language, in no folder: one name, so they pair.
        assert_eq!(key("zh.xml", Lang::Zh), "untitled");
        assert_eq!(key("en.pdf", Lang::En), "untitled");
        // A stem that only ends like a language part keeps it when the language differs.
        assert_eq!(key("in/Spec.pdf", Lang::Zh), "in/Spec");
    }
}
