//! `unpara review ALIGNED.json [-o review.html]`: the review page of an alignment.

use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::pipeline::write_output;

/// Flags of `unpara review`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// An alignment written by `unpara align` (schema "1" JSON).
    file: PathBuf,
    /// Write the page here instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

pub(crate) fn run(args: &Args) -> Result<()> {
    let name = args.file.display().to_string();
    let bytes = std::fs::read(&args.file).with_context(|| format!("{name}: cannot read"))?;
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).with_context(|| format!("{name}: not JSON"))?;
    let page = unpara_writers::review_html(&value).with_context(|| name.clone())?;
    write_output(args.output.as_ref(), &page)
}
