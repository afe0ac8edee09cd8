//! Language versions grouped by document symbol; which versions of a group are
//! aligned; which shard a group belongs to.

use std::path::Path;

use sha2::{Digest, Sha256};
use unpara_model::{Document, Lang};

/// The group of a read document: its document symbol (from its front page or
/// metadata); else the symbol its file name spells ([`crate::discover::symbol_hint`],
/// `A_RES_73_3-EN.pdf` → `A/RES/73/3`); else its file name without the language
/// suffix ([`unpara_model::pair_key`], `report-zh.pdf` → `report`).
pub fn group_name(doc: &Document, path: &Path) -> String {
    doc.metadata
        .symbol
        .clone()
        .or_else(|| crate::discover::symbol_hint(path))
        .unwrap_or_else(|| unpara_model::pair_key(path, doc.language))
}

/// The shard of a group among `n` (`--shard K/N`): the first 8 bytes of the SHA-256
/// of its name, big-endian, modulo `n`; 0 when `n` is 0. The same on every machine and
/// in every run, so N machines share a corpus without talking to each other.
pub fn shard_of(group: &str, n: u64) -> u64 {
    if n == 0 {
        return 0;
    }
    let digest = Sha256::digest(group.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(digest.get(..8).unwrap_or(&[0; 8]));
    u64::from_be_bytes(first) % n
}

/// The combined hash of a group's inputs: the SHA-256 (hex) of their SHA-256s
/// (hex), sorted and joined by commas. A group whose inputs did not change keeps it.
pub fn group_hash<'a>(shas: impl IntoIterator<Item = &'a str>) -> String {
    let mut shas: Vec<&str> = shas.into_iter().collect();
    shas.sort_unstable();
    format!("{:x}", Sha256::digest(shas.join(",").as_bytes()))
}

/// One member of a group as [`pick_versions`] sees it.
#[derive(Debug, Clone, Copy)]
pub struct Member<'a> {
    /// Where it was found (a path, or an object-store key: only its folder and
    /// extension are used).
    pub path: &'a Path,
    /// Its language, when it could be read.
    pub lang: Option<Lang>,
}

/// One member per language present (indices into `members`, in the UN's order of the
/// languages); empty when fewer than two languages could be read. Each member in turn
/// is tried as the anchor: every other language takes its member in the anchor's
/// folder and format, else in its folder, else the first; the choice sharing folder
/// and format most (then folder) wins, the first on ties. A PDF set next to the DOCX
/// set of the same document so stays whole.
pub fn pick_versions(members: &[Member]) -> Vec<usize> {
    let lang = |i: usize| members.get(i).and_then(|m| m.lang);
    let dir = |i: usize| members.get(i).and_then(|m| m.path.parent());
    let ext = |i: usize| {
        members
            .get(i)
            .and_then(|m| m.path.extension())
            .map(|e| e.to_ascii_lowercase())
    };
    let langs: Vec<Lang> = Lang::ALL
        .into_iter()
        .filter(|&l| (0..members.len()).any(|i| lang(i) == Some(l)))
        .collect();
    if langs.len() < 2 {
        return Vec::new();
    }
    let mut best: Option<((usize, usize), Vec<usize>)> = None;
    for anchor in (0..members.len()).filter(|&i| lang(i).is_some()) {
        let mut chosen = Vec::with_capacity(langs.len());
        for &l in &langs {
            let of_lang: Vec<usize> = (0..members.len()).filter(|&i| lang(i) == Some(l)).collect();
            let pick = of_lang
                .iter()
                .copied()
                .find(|&i| i == anchor)
                .or_else(|| {
                    of_lang
                        .iter()
                        .copied()
                        .find(|&i| dir(i) == dir(anchor) && ext(i) == ext(anchor))
                })
                .or_else(|| of_lang.iter().copied().find(|&i| dir(i) == dir(anchor)))
                .or_else(|| of_lang.first().copied());
            chosen.extend(pick);
        }
        let same_both = chosen
            .iter()
            .filter(|&&i| dir(i) == dir(anchor) && ext(i) == ext(anchor))
            .count();
        let same_dir = chosen.iter().filter(|&&i| dir(i) == dir(anchor)).count();
        if best
            .as_ref()
            .is_none_or(|(score, _)| (same_both, same_dir) > *score)
        {
            best = Some(((same_both, same_dir), chosen));
        }
    }
    best.map(|(_, c)| c).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(path: &str, lang: Option<Lang>) -> Member<'_> {
        Member {
            path: Path::new(path),
            lang,
        }
    }

    #[test]
    fn a_pdf_pair_beside_a_docx_pair_stays_whole() {
        let members = [
            m("a/zh.docx", Some(Lang::Zh)),
            m("a/en.docx", Some(Lang::En)),
            m("b/en.pdf", Some(Lang::En)),
            m("b/zh.pdf", Some(Lang::Zh)),
        ];
        assert_eq!(pick_versions(&members), vec![0, 1]);
        let members = [
            m("a/en.docx", Some(Lang::En)),
            m("b/zh.pdf", Some(Lang::Zh)),
            m("b/en.pdf", Some(Lang::En)),
        ];
        // zh first (the UN order ar, zh, en, fr, ru, es), both from folder b.
        assert_eq!(pick_versions(&members), vec![1, 2]);
    }

    #[test]
    fn one_language_or_none_read_is_not_aligned() {
        let members = [m("a/en.pdf", Some(Lang::En)), m("a/zh.pdf", None)];
        assert!(pick_versions(&members).is_empty());
    }

    #[test]
    fn shards_are_stable_and_in_range() {
        // The first 8 bytes of SHA-256("A/RES/73/3"), checked with `sha256sum`: faf9eb7693c0bc49.
        for n in 1..9 {
            assert!(shard_of("A/RES/73/3", n) < n);
        }
        assert_eq!(shard_of("x", 0), 0);
        assert_eq!(shard_of("A/RES/73/3", 1), 0);
        assert_eq!(shard_of("A/RES/73/3", 4), 1);
        assert_eq!(shard_of("A/RES/73/3", 7), 0xfaf9_eb76_93c0_bc49 % 7);
        assert_eq!(shard_of("A/RES/73/3", 7), 5);
    }
}
