//! Finding the inputs of a batch, and what their names hint.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// Extensions a batch reads (the content decides the format; the extension only finds
/// candidates).
const EXTENSIONS: [&str; 3] = ["pdf", "docx", "xml"];

/// Every PDF, DOCX and XML file under the folders, recursively, sorted; hidden files
/// and folders (`.git`, the batch's own state) are skipped.
pub(crate) fn inputs(folders: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for folder in folders {
        if folder.is_file() {
            out.push(folder.clone());
            continue;
        }
        walk(folder, &mut out, 0).with_context(|| format!("{}: cannot list", folder.display()))?;
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) -> Result<()> {
    if depth > 64 {
        return Ok(());
    }
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(&path, out, depth + 1)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// The document symbol a UN file name spells (`A_RES_73_3-EN.pdf` → `A/RES/73/3`), a
/// hint used only when the document itself names no symbol. Job-number names
/// (`N1829185.pdf`) spell none.
pub(crate) fn symbol_hint(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    let stem = stem
        .rsplit_once(['-', '_', '.'])
        .filter(|(_, lang)| {
            matches!(
                lang.to_ascii_uppercase().as_str(),
                "EN" | "ZH" | "CH" | "E" | "C" | "F" | "S" | "R" | "A"
            )
        })
        .map_or(stem, |(head, _)| head);
    let parts: Vec<&str> = stem.split('_').collect();
    // A symbol's parts start with a capital or a digit (`A`, `RES`, `73`, `C.3`, `L.1`).
    let symbol_like = parts.len() >= 3
        && parts
            .first()
            .is_some_and(|p| p.chars().all(|c| c.is_ascii_uppercase()))
        && parts.iter().all(|p| {
            p.chars()
                .next()
                .is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
        });
    symbol_like.then(|| parts.join("/"))
}

/// A file name for a symbol: `/` becomes `_` (`A/RES/73/3` → `A_RES_73_3`), anything
/// else unsafe in a file name becomes `-`.
pub(crate) fn file_stem_of(symbol: &str) -> String {
    symbol
        .chars()
        .map(|c| match c {
            '/' => '_',
            c if c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '(' | ')') => c,
            _ => '-',
        })
        .collect()
}

/// Whether a file is an XCES alignment (`<cesAlign>` near its start): an input of
/// `align --links`, not a document.
pub(crate) fn is_link_file(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 4096];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    head.get(..n)
        .is_some_and(|h| h.windows(9).any(|w| w == b"<cesAlign"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_from_file_names() {
        assert_eq!(
            symbol_hint(Path::new("A_RES_73_3-EN.pdf")).as_deref(),
            Some("A/RES/73/3")
        );
        assert_eq!(
            symbol_hint(Path::new("A_RES_73_3.pdf")).as_deref(),
            Some("A/RES/73/3")
        );
        assert_eq!(symbol_hint(Path::new("N1829185.pdf")), None);
        assert_eq!(symbol_hint(Path::new("zh.pdf")), None);
        assert_eq!(
            symbol_hint(Path::new("A_C.3_78_L.1.pdf")).as_deref(),
            Some("A/C.3/78/L.1")
        );
        assert_eq!(symbol_hint(Path::new("A_C.3_78_drafts.marc.xml")), None);
        assert_eq!(file_stem_of("CAC/COSP/WG.4/2017/4"), "CAC_COSP_WG.4_2017_4");
    }
}
