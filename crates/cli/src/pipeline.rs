//! One document through reader → structure → sentences, and output writing.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
pub(crate) use unpara_batch::Reading;
use unpara_model::{Document, Lang, Layout};
use unpara_pdf::PdfError;

/// A command line that cannot work, found after parsing (exit code 64).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(crate) struct UsageError(pub String);

/// A limit was hit reading an input (`--max-inflate`, `--max-memory`, `--timeout`):
/// exit code 3.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(crate) struct LimitError(pub String);

/// Exit code for an error: 2 for an encrypted document, 3 for a limit hit, 64 for bad
/// usage, 1 otherwise.
pub(crate) fn exit_code(e: &anyhow::Error) -> u8 {
    if e.chain().any(|c| c.downcast_ref::<UsageError>().is_some()) {
        return 64;
    }
    let encrypted = e.chain().any(|c| {
        matches!(
            c.downcast_ref::<PdfError>(),
            Some(PdfError::Encrypted | PdfError::WrongPassword)
        )
    });
    if encrypted {
        return 2;
    }
    let limit = e.chain().any(|c| {
        c.downcast_ref::<LimitError>().is_some()
            || matches!(
                c.downcast_ref::<unpara_xml::XmlError>(),
                Some(unpara_xml::XmlError::TooLarge { .. })
            )
    });
    if limit {
        3
    } else {
        1
    }
}

/// Parses a `--lang` value.
pub(crate) fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s)
        .ok_or_else(|| format!("unknown language {s:?} (expected ar, zh, en, fr, ru or es)"))
}

/// The bytes of an input file, or of standard input for `-`. Errors name the file.
pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut b)
            .context("standard input: cannot read")?;
        return Ok(b);
    }
    fs::read(path).with_context(|| format!("{}: cannot read", path.display()))
}

/// Reads one PDF into its layout; also returns the file's bytes. Errors name the file.
pub(crate) fn read_layout(path: &Path, password: Option<&str>) -> Result<(Layout, Vec<u8>)> {
    let bytes = read_bytes(path)?;
    let layout = unpara_batch::read_layout(&path.display().to_string(), &bytes, password)?;
    Ok((layout, bytes))
}

/// Reads, structures and segments one file (`-`: standard input): PDF, Word or XML,
/// told apart by content ([`unpara_batch::read_document`]). Errors name the file.
pub(crate) fn read_document(path: &Path, how: &Reading) -> Result<Document> {
    let bytes = read_bytes(path)?;
    // The bytes go to the reader, which frees them once read.
    Ok(unpara_batch::read_document(
        &path.display().to_string(),
        bytes,
        how,
    )?)
}

/// Where output goes: a file path, or standard output for none or `-`.
fn is_stdout(out: Option<&PathBuf>) -> bool {
    out.is_none_or(|p| p.as_os_str() == "-")
}

/// Writes `text` to `out`, or to standard output when `out` is `None` or `-`.
///
/// A regular file (or a new one; missing parent folders are created) is written
/// atomically: a temporary file with a unique name beside it, renamed over it when
/// complete, removed if anything fails. A symbolic link is followed and its target
/// written the same way; anything else that exists (a named pipe, `/dev/stdout`, a
/// terminal) is written directly, never replaced.
pub(crate) fn write_output(out: Option<&PathBuf>, text: &str) -> Result<()> {
    write_output_with(out, |w| Ok(w.write_all(text.as_bytes())?))
}

/// [`write_output`], gzip-compressed (RFC 1952) when `gzip` is set: the sentence
/// documents of an XCES alignment as OPUS ships them (`.xml.gz`).
pub(crate) fn write_output_gz(out: &Path, text: &str, gzip: bool) -> Result<()> {
    let out = out.to_path_buf();
    if !gzip {
        return write_output(Some(&out), text);
    }
    write_output_with(Some(&out), |w| {
        let mut gz = flate2::write::GzEncoder::new(w, flate2::Compression::default());
        gz.write_all(text.as_bytes())?;
        gz.finish()?;
        Ok(())
    })
}

/// [`write_output`] for output produced piece by piece: `produce` writes into a
/// buffered writer, so the whole output need not be held in memory.
pub(crate) fn write_output_with(
    out: Option<&PathBuf>,
    produce: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let Some(path) = out.filter(|_| !is_stdout(out)) else {
        let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
        produce(&mut stdout)?;
        stdout.flush()?;
        return Ok(());
    };
    let name = path.display();
    let target = match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.clone())
        }
        _ => path.clone(),
    };
    match fs::metadata(&target) {
        Ok(m) if m.is_dir() => anyhow::bail!("{name}: is a folder, not a file"),
        Ok(m) if !m.is_file() => {
            // A pipe or a device: write into it.
            let f = fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .with_context(|| format!("{name}: cannot write"))?;
            let mut w = std::io::BufWriter::new(f);
            produce(&mut w).with_context(|| format!("{name}: cannot write"))?;
            w.flush().with_context(|| format!("{name}: cannot write"))?;
            return Ok(());
        }
        _ => {}
    }
    let dir = match target.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(d) => {
            fs::create_dir_all(d)
                .with_context(|| format!("{}: cannot create folder", d.display()))?;
            d.to_path_buf()
        }
        None => PathBuf::from("."),
    };
    let tmp = tempfile::Builder::new()
        .prefix(".unpara-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .with_context(|| format!("{name}: cannot write in {}", dir.display()))?;
    {
        let mut w = std::io::BufWriter::new(tmp.as_file());
        produce(&mut w).with_context(|| format!("{name}: cannot write"))?;
        w.flush().with_context(|| format!("{name}: cannot write"))?;
    }
    // The temporary file is private (0600); give the result the permissions of the file
    // it replaces, or the usual 0644 of a new file.
    let permissions = match fs::metadata(&target) {
        Ok(m) => Some(m.permissions()),
        Err(_) => new_file_permissions(),
    };
    if let Some(p) = permissions {
        fs::set_permissions(tmp.path(), p).with_context(|| format!("{name}: cannot write"))?;
    }
    tmp.persist(&target)
        .map_err(|e| e.error)
        .with_context(|| format!("{name}: cannot write"))?;
    Ok(())
}

#[cfg(unix)]
fn new_file_permissions() -> Option<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(fs::Permissions::from_mode(0o644))
}

/// Elsewhere permissions are a read-only flag, and the temporary file is writable.
#[cfg(not(unix))]
fn new_file_permissions() -> Option<fs::Permissions> {
    None
}

/// Refuses an output path that is one of the input files.
pub(crate) fn check_not_input(out: Option<&PathBuf>, inputs: &[&Path]) -> Result<()> {
    let Some(out) = out.filter(|_| !is_stdout(out)) else {
        return Ok(());
    };
    let Ok(out_real) = fs::canonicalize(out) else {
        return Ok(());
    };
    for input in inputs {
        if fs::canonicalize(input).is_ok_and(|i| i == out_real) {
            anyhow::bail!(
                "{}: the output would overwrite the input {}",
                out.display(),
                input.display()
            );
        }
    }
    Ok(())
}
