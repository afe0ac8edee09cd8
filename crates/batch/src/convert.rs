//! A group's conversion: its versions aligned as a pair or a set, or its one language
//! extracted; and what becomes of the members not chosen.

use std::path::Path;

use unpara_model::{Alignment, Document, MultiAlignment};
use unpara_writers::{Export, WriteError};

use crate::group::{pick_versions, Member};

/// One member of a group: where it was found, the SHA-256 of its bytes, and its
/// document when it could be read.
#[derive(Debug, Clone, Copy)]
pub struct Version<'a> {
    /// Path or object-store key.
    pub path: &'a Path,
    /// SHA-256 of its bytes, hex.
    pub sha256: &'a str,
    /// The document read from it.
    pub doc: Option<&'a Document>,
}

/// How a group was converted.
#[derive(Debug, Clone)]
pub enum Conversion {
    /// Two languages: one pair alignment, `a` and `b` indices into the group's
    /// versions (in the UN's order of the languages).
    Pair {
        /// The first version (index into the group's versions).
        a: usize,
        /// The second version.
        b: usize,
        /// Their alignment.
        alignment: Alignment,
    },
    /// Three to six languages: one set, `versions` indices into the group's versions.
    Set {
        /// The versions aligned, in the UN's order of the languages.
        versions: Vec<usize>,
        /// Their links across all versions and every pair's alignment.
        set: MultiAlignment,
    },
    /// One language: the first version read, extracted.
    Single {
        /// The version extracted.
        index: usize,
    },
}

/// Why a group could not be converted.
#[derive(Debug, thiserror::Error)]
pub enum ConvertError {
    /// None of the group's members could be read.
    #[error("no document of the group could be read")]
    NothingRead,
    /// A writer failed.
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// Converts a group: one version per language ([`pick_versions`]), two aligned as a
/// pair ([`unpara_align::align`]), three to six as one set
/// ([`unpara_align::align_all`]); a group of one language is extracted.
///
/// # Errors
/// [`ConvertError::NothingRead`] when no member has a document.
pub fn convert(versions: &[Version]) -> Result<Conversion, ConvertError> {
    let members: Vec<Member> = versions
        .iter()
        .map(|v| Member {
            path: v.path,
            lang: v.doc.map(|d| d.language),
        })
        .collect();
    let picked = pick_versions(&members);
    let doc = |i: usize| versions.get(i).and_then(|v| v.doc);
    match *picked.as_slice() {
        [a, b] => match (doc(a), doc(b)) {
            (Some(x), Some(y)) => Ok(Conversion::Pair {
                a,
                b,
                alignment: unpara_align::align(x, y),
            }),
            _ => Err(ConvertError::NothingRead),
        },
        [_, _, _, ..] => {
            let docs: Vec<&Document> = picked.iter().filter_map(|&i| doc(i)).collect();
            Ok(Conversion::Set {
                set: unpara_align::align_all(&docs),
                versions: picked,
            })
        }
        _ => versions
            .iter()
            .position(|v| v.doc.is_some())
            .map(|index| Conversion::Single { index })
            .ok_or(ConvertError::NothingRead),
    }
}

impl Conversion {
    /// The versions it used (indices into the group's versions).
    pub fn used(&self) -> Vec<usize> {
        match self {
            Conversion::Pair { a, b, .. } => vec![*a, *b],
            Conversion::Set { versions, .. } => versions.clone(),
            Conversion::Single { index } => vec![*index],
        }
    }

    /// `aligned` or `extracted`, as the run report says.
    pub fn status(&self) -> &'static str {
        match self {
            Conversion::Single { .. } => "extracted",
            _ => "aligned",
        }
    }

    /// Its sentence links (0 when extracted).
    pub fn sentence_links(&self) -> usize {
        match self {
            Conversion::Pair { alignment, .. } => alignment.sentence_links.len(),
            Conversion::Set { set, .. } => set.sentence_links.len(),
            Conversion::Single { .. } => 0,
        }
    }

    /// The group's JSON (schema "1"): the alignment of a pair, the set record, or the
    /// document extracted; as `unpara align` and `unpara extract` write them.
    ///
    /// # Errors
    /// [`ConvertError`] when a version is missing or the writer fails.
    pub fn json(&self, versions: &[Version]) -> Result<String, ConvertError> {
        match self {
            Conversion::Pair { a, b, alignment } => {
                let (x, y) = pair_docs(versions, *a, *b)?;
                Ok(unpara_writers::alignment_json(x, y, alignment)?)
            }
            Conversion::Set {
                versions: used,
                set,
            } => Ok(unpara_writers::set_json(&docs_of(versions, used), set)?),
            Conversion::Single { index } => {
                let doc = versions
                    .get(*index)
                    .and_then(|v| v.doc)
                    .ok_or(ConvertError::NothingRead)?;
                Ok(unpara_writers::document_json(doc)?)
            }
        }
    }

    /// The group's lines of `corpus.jsonl` (one JSON object per sentence link, the
    /// group named `group`); empty when extracted.
    ///
    /// # Errors
    /// [`ConvertError`] when a version is missing or the writer fails.
    pub fn jsonl(&self, group: &str, versions: &[Version]) -> Result<String, ConvertError> {
        let export = Export {
            group: Some(group.to_string()),
            ..Default::default()
        };
        match self {
            Conversion::Pair { a, b, alignment } => {
                let (x, y) = pair_docs(versions, *a, *b)?;
                Ok(unpara_writers::alignment_jsonl(x, y, alignment, &export)?)
            }
            Conversion::Set {
                versions: used,
                set,
            } => Ok(unpara_writers::set_jsonl(
                &docs_of(versions, used),
                set,
                &export,
            )?),
            Conversion::Single { .. } => Ok(String::new()),
        }
    }
}

fn pair_docs<'a>(
    versions: &[Version<'a>],
    a: usize,
    b: usize,
) -> Result<(&'a Document, &'a Document), ConvertError> {
    let doc = |i: usize| versions.get(i).and_then(|v| v.doc);
    doc(a).zip(doc(b)).ok_or(ConvertError::NothingRead)
}

/// The documents of the versions `used`, in that order.
pub fn docs_of<'a>(versions: &[Version<'a>], used: &[usize]) -> Vec<&'a Document> {
    used.iter()
        .filter_map(|&i| versions.get(i).and_then(|v| v.doc))
        .collect()
}

/// What becomes of a member the conversion did not use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Other {
    /// The same bytes (SHA-256) as a version converted (`of`: their paths).
    Duplicate {
        /// The paths of the versions converted.
        of: Vec<String>,
    },
    /// Another version of the document (another format, a revised file): extracted on
    /// its own, as `<group stem>.<name>.json`; `name` is its file stem, or its whole
    /// path's plain components when members share a file name (`en.pdf` of several
    /// folders).
    Separate {
        /// The file name part: see above, made safe by [`crate::file_stem_of`].
        name: String,
    },
}

impl Other {
    /// The member's message in the run report: what it duplicates, or (for another
    /// version of `group`, whose document was written to `own`) that it was extracted
    /// on its own beside the versions converted (`used`: their paths).
    pub fn message(&self, group: &str, used: &[String], own: &str) -> String {
        match self {
            Other::Duplicate { of } => format!(
                "the same bytes (SHA-256) as {}, which was converted",
                of.join(" or ")
            ),
            Other::Separate { .. } => format!(
                "another version of group {group} (other bytes than {}): extracted on its own to {own}",
                used.join(" and ")
            ),
        }
    }
}

/// The members read but not used by the conversion (indices into `versions`), and
/// what becomes of each: only identical bytes are a duplicate, so nothing of another
/// version is lost.
pub fn others(versions: &[Version], used: &[usize]) -> Vec<(usize, Other)> {
    let used_paths: Vec<String> = used
        .iter()
        .filter_map(|&i| versions.get(i))
        .map(|v| v.path.display().to_string())
        .collect();
    let used_shas: Vec<&str> = used
        .iter()
        .filter_map(|&i| versions.get(i))
        .map(|v| v.sha256)
        .collect();
    let file_names: Vec<_> = versions.iter().map(|v| v.path.file_name()).collect();
    versions
        .iter()
        .enumerate()
        .filter(|(i, v)| !used.contains(i) && v.doc.is_some())
        .map(|(i, v)| {
            if used_shas.contains(&v.sha256) {
                return (
                    i,
                    Other::Duplicate {
                        of: used_paths.clone(),
                    },
                );
            }
            let file_name = v.path.file_name();
            let shared = file_names.iter().filter(|n| **n == file_name).count() > 1;
            let name = if shared {
                crate::file_stem_of(&crate::discover::plain_path(v.path))
            } else {
                crate::file_stem_of(&file_name.unwrap_or_default().to_string_lossy())
            };
            (i, Other::Separate { name })
        })
        .collect()
}
