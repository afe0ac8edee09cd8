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

fn excerpt(v: &Value) -> String {
    let s = match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let short: String = s.chars().take(70).collect();
    if short.len() < s.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// Differences between two JSON values, one line each: blocks and links by their id or
/// index (`blocks[b12].text: "…" → "…"`), other fields by path.
fn diff(path: &str, old: &Value, new: &Value, out: &mut Vec<String>) {
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, va) in a {
                match b.get(k) {
                    Some(vb) => diff(&format!("{path}.{k}"), va, vb, out),
                    None => out.push(format!("{path}.{k}: removed")),
                }
            }
            for k in b.keys().filter(|k| !a.contains_key(*k)) {
                out.push(format!("{path}.{k}: added"));
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            let key = |v: &Value, i: usize| {
                v.get("id")
                    .and_then(Value::as_str)
                    .map_or(i.to_string(), str::to_string)
            };
            for i in 0..a.len().max(b.len()) {
                match (a.get(i), b.get(i)) {
                    (Some(x), Some(y)) => diff(&format!("{path}[{}]", key(x, i)), x, y, out),
                    (Some(x), None) => {
                        out.push(format!("{path}[{}]: removed ({})", key(x, i), excerpt(x)))
                    }
                    (None, Some(y)) => {
                        out.push(format!("{path}[{}]: added ({})", key(y, i), excerpt(y)))
                    }
                    (None, None) => {}
                }
            }
        }
        (a, b) if a != b => out.push(format!("{path}: {} → {}", excerpt(a), excerpt(b))),
        _ => {}
    }
}

pub(crate) fn run(args: &Args) -> Result<()> {
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
            println!("updated {}", expected.display());
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
        let mut lines = Vec::new();
        diff("", &old, &new, &mut lines);
        if lines.is_empty() {
            println!("ok {}", expected.display());
        } else {
            changed += 1;
            println!(
                "CHANGED {} ({} differences)",
                expected.display(),
                lines.len()
            );
            for l in lines.iter().take(50) {
                println!("  {}", l.trim_start_matches('.'));
            }
            if lines.len() > 50 {
                println!("  … {} more", lines.len() - 50);
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
