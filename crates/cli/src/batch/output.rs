//! Writing inside batch's output folder: a symbolic link already there (a file or one of
//! batch's own folders) is replaced, never followed, so a batch writes only inside the
//! folder it was given.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// Removes `path` when it is a symbolic link (to a file or a folder), so that what is
/// written there lands in the output folder instead of where the link points.
pub(crate) fn unlink(path: &Path) -> Result<()> {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        std::fs::remove_file(path)
            .with_context(|| format!("{}: cannot replace the symbolic link", path.display()))?;
    }
    Ok(())
}

/// [`crate::pipeline::write_output`] that replaces a symbolic link at `out`, and at its
/// folder when that is one of batch's own (`.sentences`, `sentences`, `.documents`, `review`).
pub(crate) fn write_output(out: Option<&PathBuf>, text: &str) -> Result<()> {
    if let Some(p) = out {
        unlink_parents(p)?;
    }
    crate::pipeline::write_output(out, text)
}

/// [`crate::pipeline::write_output_with`] (streamed, atomic) that replaces symbolic
/// links as [`write_output`] does.
pub(crate) fn write_output_with(
    out: &Path,
    produce: impl FnOnce(&mut dyn std::io::Write) -> Result<()>,
) -> Result<()> {
    unlink_parents(out)?;
    crate::pipeline::write_output_with(Some(&out.to_path_buf()), produce)
}

/// [`crate::pipeline::write_output_gz`] that replaces symbolic links as
/// [`write_output`] does.
pub(crate) fn write_output_gz(out: &Path, text: &str, gzip: bool) -> Result<()> {
    unlink_parents(out)?;
    crate::pipeline::write_output_gz(out, text, gzip)
}

fn unlink_parents(p: &Path) -> Result<()> {
    if let Some(parent) = p.parent() {
        if parent.file_name().is_some_and(|n| {
            n == ".sentences" || n == "sentences" || n == ".documents" || n == "review"
        }) {
            unlink(parent)?;
        }
    }
    unlink(p)
}
