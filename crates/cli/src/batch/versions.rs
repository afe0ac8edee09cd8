//! Writing a group of three or more versions aligned as one set.

use std::path::Path;

use anyhow::{bail, Result};
use unpara_model::{Document, Lang, MultiAlignment};

use super::{write_output, CorpusFormat};

/// Writes the pieces of a set of three or more versions: its TMX piece (one `<tu>` with a `<tuv>` per version), the
/// zh–en pair's TSV, Moses and XCES pieces when the set holds both, and the database
/// rows (its JSON and JSON Lines sidecar are written by the caller).
pub(super) fn write_set_pieces(
    group: &str,
    docs: &[&Document],
    set: &MultiAlignment,
    sidecar: &Path,
    (formats, gzip): (&[CorpusFormat], bool),
    db: Option<&unpara_writers::Db>,
) -> Result<()> {
    if docs.len() < 3 {
        bail!("a set needs three versions or more");
    }
    let export = unpara_writers::Export {
        group: Some(group.to_string()),
        ..Default::default()
    };
    if formats.contains(&CorpusFormat::Tmx) {
        write_output(
            Some(&sidecar.with_extension("tmx-units")),
            &unpara_writers::set_tmx_units(docs, set, &export)?,
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
        db.write_set(group, docs, set)?;
    }
    Ok(())
}
