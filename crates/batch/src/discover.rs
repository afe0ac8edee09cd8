//! Finding the inputs of a batch, and what their names hint.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// Extensions a batch reads (the content decides the format; the extension only finds
/// candidates).
const EXTENSIONS: [&str; 3] = ["pdf", "docx", "xml"];

/// Every PDF, DOCX and XML file under the folders (or the files themselves), recursively, sorted; hidden files
/// and folders (`.git`, the batch's own state) are skipped. Symbolic links are
/// followed (walkdir detects loops: a link back to an ancestor is not entered and is
/// named in [`Inputs::warnings`]), and a file reached by several paths is listed once, under
/// the first path found.
///
/// # Errors
/// [`DiscoverError`] when an input does not exist or a folder cannot be listed.
pub fn inputs(folders: &[PathBuf]) -> Result<Inputs, DiscoverError> {
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for folder in folders {
        if folder.is_file() {
            if seen.insert(std::fs::canonicalize(folder).unwrap_or_else(|_| folder.clone())) {
                out.push(folder.clone());
            }
            continue;
        }
        if !folder.is_dir() {
            return Err(DiscoverError::NotFound(folder.clone()));
        }
        let walk = walkdir::WalkDir::new(folder)
            .follow_links(true)
            .max_depth(MAX_DEPTH)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walk {
            let entry = match entry {
                Ok(e) => e,
                Err(e) if e.loop_ancestor().is_some() => {
                    warnings.push(format!(
                        "{e}: not entered (a symbolic link back to a folder above it)"
                    ));
                    continue;
                }
                // A symbolic link to nothing: an input of a wanted kind is listed (its
                // read fails and it is an error of the run, naming it); anything else is
                // left out as other files are. The rest of the tree is still walked.
                Err(e)
                    if e.io_error().map(std::io::Error::kind)
                        == Some(std::io::ErrorKind::NotFound)
                        && e.path().is_some() =>
                {
                    let path = e.path().unwrap_or(folder).to_path_buf();
                    if wanted_extension(&path) && seen.insert(path.clone()) {
                        out.push(path);
                    }
                    continue;
                }
                Err(source) => {
                    return Err(DiscoverError::List {
                        folder: folder.clone(),
                        source,
                    })
                }
            };
            let path = entry.path();
            let wanted = entry.file_type().is_file() && wanted_extension(path);
            if wanted
                && seen.insert(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
            {
                out.push(path.to_path_buf());
            }
        }
    }
    out.sort();
    Ok(Inputs {
        paths: out,
        warnings,
    })
}

/// What [`inputs`] found.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    /// The input files, sorted.
    pub paths: Vec<PathBuf>,
    /// Folders not entered (symbolic links back to a folder above them), one message
    /// each.
    pub warnings: Vec<String>,
}

/// Why the inputs of a batch could not be listed.
#[derive(Debug, thiserror::Error)]
pub enum DiscoverError {
    /// An input is neither a folder nor a file.
    #[error("{}: cannot list: not a folder or file", .0.display())]
    NotFound(PathBuf),
    /// A folder (or one below it) could not be listed.
    #[error("{}: cannot list", folder.display())]
    List {
        /// The input folder being listed.
        folder: PathBuf,
        /// The walk's error (it names the path that failed).
        #[source]
        source: walkdir::Error,
    },
}

/// Whether a file's extension is one a batch reads.
fn wanted_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Deepest folder level a batch descends to (a bound on what the input tree decides).
const MAX_DEPTH: usize = 64;

/// The document symbol a UN file name spells (`A_RES_73_3-EN.pdf` → `A/RES/73/3`), a
/// hint used only when the document itself names no symbol. Job-number names
/// (`N1829185.pdf`) spell none.
pub fn symbol_hint(path: &Path) -> Option<String> {
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

/// A file name for a group: `/` becomes `_` (`A/RES/73/3` → `A_RES_73_3`), anything
/// else unsafe in a file name becomes `-`. Distinct groups always get distinct names:
/// when that mapping loses something (the group holds `_` or a replaced character, so
/// `A/X` and `A_X` would meet), or the name is one batch writes itself (a leading `.`
/// as in `.unpara-state`, `run-report`), 8 hex digits of the group's SHA-256 are
/// appended (`A_X.1f0c2d3e`). Names are cut to [`MAX_STEM_BYTES`] (then also hashed).
pub fn file_stem_of(symbol: &str) -> String {
    let mut lossy = false;
    let mut stem: String = symbol
        .chars()
        .map(|c| match c {
            '/' => '_',
            '_' => {
                lossy = true;
                '_'
            }
            c if c.is_alphanumeric() || matches!(c, '.' | '-' | '(' | ')') => c,
            _ => {
                lossy = true;
                '-'
            }
        })
        .collect();
    let reserved = stem.is_empty()
        || stem.starts_with('.')
        || stem.eq_ignore_ascii_case("run-report")
        || stem.eq_ignore_ascii_case("corpus");
    if stem.len() > MAX_STEM_BYTES {
        let mut cut = MAX_STEM_BYTES;
        while !stem.is_char_boundary(cut) {
            cut -= 1;
        }
        stem.truncate(cut);
        lossy = true;
    }
    if lossy || reserved {
        let digest = Sha256::digest(symbol.as_bytes());
        let hex: String = digest.iter().take(4).map(|b| format!("{b:02x}")).collect();
        stem = format!("{stem}.{hex}");
    }
    stem
}

/// A path's plain components joined by `/` (`../corpus/x/en.pdf` → `corpus/x/en.pdf`).
pub fn plain_path(path: &Path) -> String {
    path.components()
        .filter_map(|c| match c {
            std::path::Component::Normal(n) => Some(n.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The longest group name kept whole in a file name, in bytes: file systems allow 255
/// bytes a name, and batch adds a hash (9), an input's name and endings
/// (`.sentences/<stem>.moses.zh`, `<stem>.<file>.json`).
const MAX_STEM_BYTES: usize = 120;

/// Whether a file is an XCES alignment (`<cesAlign>` near its start): an input of
/// `align --links`, not a document.
pub fn is_link_file(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; LINK_HEAD_BYTES];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    head.get(..n).is_some_and(is_link_head)
}

/// Whether the first bytes of a file (4 096 are enough) are those of an XCES
/// alignment (`<cesAlign>`).
pub fn is_link_head(head: &[u8]) -> bool {
    let head = head.get(..head.len().min(LINK_HEAD_BYTES)).unwrap_or(head);
    head.windows(9).any(|w| w == b"<cesAlign")
}

/// How far into a file [`is_link_head`] looks for `<cesAlign`, in bytes.
pub const LINK_HEAD_BYTES: usize = 4096;

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
        // Issue 13: names never collide, with each other or with batch's own files.
        assert_ne!(file_stem_of("A/X"), file_stem_of("A_X"));
        assert!(file_stem_of("A_X").starts_with("A_X."));
        assert_ne!(file_stem_of("A?X"), file_stem_of("A*X"));
        assert_ne!(file_stem_of(".unpara-state"), ".unpara-state");
        assert_ne!(file_stem_of("run-report"), "run-report");
        assert!(file_stem_of(&"A/".repeat(500)).len() < 140);
    }
}
