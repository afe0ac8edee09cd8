//! Which members of a group are aligned: one version per language (up to the six UN
//! languages), all from one folder and format where the group allows it; and writing
//! a group of three or more versions as one set.

use std::path::Path;

use anyhow::{bail, Result};
use unpara_model::{Document, Lang};

use super::{write_output, CorpusFormat, Input};

/// One member per language present (indices into `members`, in the UN's order of the
/// languages); empty when fewer than two languages could be read. Each member in turn
/// is tried as the anchor: every other language takes its member in the anchor's
/// folder and format, else in its folder, else the first; the choice sharing folder
/// and format most (then folder) wins, the first on ties. A PDF set next to the DOCX
/// set of the same document so stays whole.
pub(super) fn pick_versions(members: &[Input]) -> Vec<usize> {
    let lang = |i: usize| {
        members
            .get(i)
            .and_then(|m| m.doc.as_ref())
            .map(|d| d.language)
    };
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

/// Aligns a group of three or more versions as one set and writes its JSON (`output`),
/// its JSON Lines sidecar, its TMX piece (one `<tu>` with a `<tuv>` per version), the
/// zh–en pair's TSV, Moses and XCES pieces when the set holds both, and the database
/// rows. Returns the number of the set's sentence links.
pub(super) fn write_set(
    group: &str,
    docs: &[&Document],
    output: &Path,
    sidecar: &Path,
    (formats, gzip): (&[CorpusFormat], bool),
    db: Option<&unpara_writers::Db>,
) -> Result<usize> {
    if docs.len() < 3 {
        bail!("a set needs three versions or more");
    }
    let set = unpara_align::align_all(docs);
    write_output(
        Some(&output.to_path_buf()),
        &unpara_writers::set_json(docs, &set)?,
    )?;
    let export = unpara_writers::Export {
        group: Some(group.to_string()),
        ..Default::default()
    };
    write_output(
        Some(&sidecar.to_path_buf()),
        &unpara_writers::set_jsonl(docs, &set, &export)?,
    )?;
    if formats.contains(&CorpusFormat::Tmx) {
        write_output(
            Some(&sidecar.with_extension("tmx-units")),
            &unpara_writers::set_tmx_units(docs, &set, &export)?,
        )?;
    }
    let index = |l: Lang| docs.iter().position(|d| d.language == l);
    if let (Some(z), Some(e)) = (index(Lang::Zh), index(Lang::En)) {
        let pair = set
            .pairs
            .iter()
            .find(|p| (p.a, p.b) == (z.min(e), z.max(e)));
        if let (Some(p), Some(zh), Some(en)) = (pair, docs.get(z), docs.get(e)) {
            let alignment = if p.a == z {
                p.alignment.clone()
            } else {
                unpara_align::align(zh, en)
            };
            let others: Vec<CorpusFormat> = formats
                .iter()
                .copied()
                .filter(|f| *f != CorpusFormat::Tmx)
                .collect();
            super::write_pieces(sidecar, &others, gzip, &export, zh, en, &alignment)?;
        }
    }
    if let Some(db) = db {
        db.write_set(group, docs, &set)?;
    }
    Ok(set.sentence_links.len())
}
