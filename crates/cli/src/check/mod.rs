//! `unpara check FIXTURES_DIR [--update]`: re-runs the pipeline on fixtures that have an
//! approved output beside them and shows, block by block, what changed.
//!
//! An expected file names its inputs: `X.pdf.expected.json` is `unpara extract X.pdf`,
//! `zh.xml+en.xml.expected.json` is `unpara align zh.xml en.xml`, all in the expected
//! file's folder. The input path in `source.path` is not compared (it depends on where
//! the check runs).

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde_json::Value;

use crate::pipeline::{read_document, write_output, Reading};

mod diff;

/// Flags of `unpara check`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// Folder searched (recursively) for `*.expected.json` files.
    folder: PathBuf,
    /// Rewrite the expected files with today's output instead of comparing.
    #[arg(long)]
    update: bool,
}

const SUFFIX: &str = ".expected.json";

/// The expected files under `dir`, found without following symbolic links (a link to
/// `..` would walk forever) and at most [`MAX_DEPTH`] folders deep.
fn expected_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for entry in walkdir::WalkDir::new(dir)
        .follow_links(false)
        .max_depth(MAX_DEPTH)
    {
        let entry = entry.with_context(|| format!("{}: cannot list", dir.display()))?;
        if entry.file_type().is_file()
            && entry
                .file_name()
                .to_str()
                .is_some_and(|n| n.ends_with(SUFFIX))
        {
            out.push(entry.into_path());
        }
    }
    Ok(())
}

/// How deep `check` looks for expected files below its folder.
const MAX_DEPTH: usize = 64;

/// Today's output for an expected file, as JSON.
fn produce(expected: &Path) -> Result<Value> {
    let dir = expected.parent().unwrap_or(Path::new("."));
    let name = expected
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let inputs: Vec<PathBuf> = name
        .trim_end_matches(SUFFIX)
        .split('+')
        .map(|f| dir.join(f))
        .collect();
    let how = Reading::default();
    let text = match inputs.as_slice() {
        [one] => unpara_writers::document_json(&read_document(one, &how)?)?,
        [a, b] => {
            let (a, b) = (read_document(a, &how)?, read_document(b, &how)?);
            unpara_writers::alignment_json(&a, &b, &unpara_align::align(&a, &b))?
        }
        _ => bail!(
            "{}: name one input (X.pdf{SUFFIX}) or two (A+B{SUFFIX})",
            expected.display()
        ),
    };
    let mut v: Value = serde_json::from_str(&text).context("output JSON")?;
    forget_paths(&mut v);
    Ok(v)
}

/// Blanks `source.path` wherever it is: it depends on the working directory.
fn forget_paths(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if let Some(Value::Object(source)) = map.get_mut("source") {
                source.insert("path".into(), Value::String(String::new()));
            }
            map.values_mut().for_each(forget_paths);
        }
        Value::Array(a) => a.iter_mut().for_each(forget_paths),
        _ => {}
    }
}

pub(crate) fn run(args: &Args) -> Result<()> {
    use std::io::Write;
    // Written with errors returned, not println!: a closed pipe (`check … | head`) ends
    // the run quietly instead of panicking.
    let mut stdout = std::io::stdout().lock();
    let mut files = Vec::new();
    expected_files(&args.folder, &mut files)?;
    files.sort();
    if files.is_empty() {
        bail!("{}: no *{SUFFIX} file", args.folder.display());
    }
    let mut changed = 0;
    let mut failed = 0;
    for expected in &files {
        match check_one(expected, args.update, &mut stdout)? {
            Outcome::Same => {}
            Outcome::Changed => changed += 1,
            Outcome::Failed(e) => {
                // One unreadable fixture does not leave the others unchecked.
                failed += 1;
                writeln!(stdout, "ERROR {}: {e:#}", expected.display())?;
            }
        }
    }
    if failed > 0 {
        bail!(
            "{failed} of {} fixtures could not be checked, {changed} changed",
            files.len()
        );
    }
    if changed > 0 {
        bail!(
            "{changed} of {} fixtures changed (unpara check --update accepts the new output)",
            files.len()
        );
    }
    Ok(())
}

/// What checking one expected file found.
enum Outcome {
    Same,
    Changed,
    Failed(anyhow::Error),
}

/// Checks (or with `update` rewrites) one expected file, printing what it finds; only a
/// failure to write standard output is an error.
fn check_one(expected: &Path, update: bool, stdout: &mut impl std::io::Write) -> Result<Outcome> {
    let new = match produce(expected).with_context(|| expected.display().to_string()) {
        Ok(v) => v,
        Err(e) => return Ok(Outcome::Failed(e)),
    };
    if update {
        // An expected file that is a symbolic link is not followed out of the folder.
        if std::fs::symlink_metadata(expected).is_ok_and(|m| m.file_type().is_symlink()) {
            return Ok(Outcome::Failed(anyhow::anyhow!(
                "is a symbolic link: not followed, not rewritten"
            )));
        }
        let mut text = serde_json::to_string_pretty(&new)?;
        text.push('\n');
        if let Err(e) = write_output(Some(&expected.to_path_buf()), &text) {
            return Ok(Outcome::Failed(e));
        }
        writeln!(stdout, "updated {}", expected.display())?;
        return Ok(Outcome::Same);
    }
    let old = std::fs::read_to_string(expected)
        .with_context(|| format!("{}: cannot read", expected.display()))
        .and_then(|t| {
            serde_json::from_str::<Value>(&t)
                .with_context(|| format!("{}: not JSON", expected.display()))
        });
    let mut old = match old {
        Ok(v) => v,
        Err(e) => return Ok(Outcome::Failed(e)),
    };
    // An expected file written by `unpara extract X.pdf -o X.pdf.expected.json` holds
    // the path it was made with: not compared either.
    forget_paths(&mut old);
    let lines = diff::differences(&old, &new);
    if lines.is_empty() {
        writeln!(stdout, "ok {}", expected.display())?;
        return Ok(Outcome::Same);
    }
    writeln!(
        stdout,
        "CHANGED {} ({} differences)",
        expected.display(),
        lines.len()
    )?;
    for l in lines.iter().take(50) {
        writeln!(stdout, "  {}", l.trim_start_matches('.'))?;
    }
    if lines.len() > 50 {
        writeln!(stdout, "  … {} more", lines.len() - 50)?;
    }
    Ok(Outcome::Changed)
}
