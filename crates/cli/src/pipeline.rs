//! One document through reader → structure → sentences, and output writing.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use sha2::{Digest, Sha256};
use unpara_model::{Document, Lang, Layout, Source, SourceFormat};
use unpara_pdf::{PdfError, ReadOptions};

/// Exit code for an error: 2 for an encrypted document, 1 otherwise.
pub(crate) fn exit_code(e: &anyhow::Error) -> u8 {
    if e.chain()
        .any(|c| matches!(c.downcast_ref::<PdfError>(), Some(PdfError::Encrypted)))
    {
        2
    } else {
        1
    }
}

/// Parses a `--lang` value.
pub(crate) fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unknown language {s:?} (expected zh or en)"))
}

/// Reads one PDF into its layout; also returns the file's bytes. Errors name the file.
pub(crate) fn read_layout(path: &Path, password: Option<&str>) -> Result<(Layout, Vec<u8>)> {
    let name = path.display().to_string();
    let bytes = fs::read(path).with_context(|| format!("{name}: cannot read"))?;
    let options = ReadOptions {
        password: password.map(str::to_string),
    };
    let layout = unpara_pdf::read_pdf(&bytes, &options).with_context(|| name.clone())?;
    Ok((layout, bytes))
}

/// Reads, structures and segments one file. Errors name the file.
pub(crate) fn read_document(
    path: &Path,
    lang: Option<Lang>,
    password: Option<&str>,
) -> Result<Document> {
    let name = path.display().to_string();
    let (layout, bytes) = read_layout(path, password)?;
    let source = Source {
        path: name.clone(),
        format: SourceFormat::Pdf,
        sha256: format!("{:x}", Sha256::digest(&bytes)),
        pages: u32::try_from(layout.pages.len()).unwrap_or(u32::MAX),
        producer: layout.producer.clone(),
    };
    let mut doc =
        unpara_structure::build_document(&layout, source, lang).with_context(|| name.clone())?;
    unpara_sentences::segment_document(&mut doc);
    Ok(doc)
}

/// Writes `text` to `out` (parent folders created), or to stdout when `out` is `None`.
pub(crate) fn write_output(out: Option<&PathBuf>, text: &str) -> Result<()> {
    match out {
        Some(path) => {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                fs::create_dir_all(dir)
                    .with_context(|| format!("{}: cannot create folder", dir.display()))?;
            }
            let mut tmp = path.as_os_str().to_owned();
            tmp.push(".tmp");
            let tmp = PathBuf::from(tmp);
            fs::write(&tmp, text).with_context(|| format!("{}: cannot write", tmp.display()))?;
            fs::rename(&tmp, path).with_context(|| format!("{}: cannot write", path.display()))?;
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(text.as_bytes())?;
            stdout.flush()?;
        }
    }
    Ok(())
}
