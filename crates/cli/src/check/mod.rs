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

fn expected_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for e in std::fs::read_dir(dir).with_context(|| format!("{}: cannot list", dir.display()))? {
        let p = e?.path();
        if p.is_dir() {
            expected_files(&p, out)?;
        } else if p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.ends_with(SUFFIX))
        {
            out.push(p);
        }
    }
    Ok(())
}

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
    for expected in &files {
        let new = produce(expected).with_context(|| expected.display().to_string())?;
        if args.update {
            let mut text = serde_json::to_string_pretty(&new)?;
            text.push('\n');
            write_output(Some(expected), &text)?;
            writeln!(stdout, "updated {}", expected.display())?;
            continue;
        }
        let old: Value = serde_json::from_str(
            &std::fs::read_to_string(expected)
                .with_context(|| format!("{}: cannot read", expected.display()))?,
        )
        .with_context(|| format!("{}: not JSON", expected.display()))?;
        // An expected file written by `unpara extract X.pdf -o X.pdf.expected.json`
        // holds the path it was made with: not compared either.
        let mut old = old;
        forget_paths(&mut old);
        let lines = diff::differences(&old, &new);
        if lines.is_empty() {
            writeln!(stdout, "ok {}", expected.display())?;
        } else {
            changed += 1;
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
        }
    }
    if changed > 0 {
        bail!(
            "{changed} of {} fixtures changed (unpara check --update accepts the new output)",
            files.len()
        );
    }
    Ok(())
}
