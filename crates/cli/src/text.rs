//! `unpara text FILE [-o OUT] [--json]`.

use std::path::PathBuf;

use anyhow::Result;

use crate::pipeline::{read_layout, write_output};

/// Flags of `unpara text`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// The PDF to read.
    file: PathBuf,
    /// Write the text here instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Print the lines as JSON: boxes (PDF points), font sizes, spans, fonts, warnings.
    #[arg(long)]
    json: bool,
    /// Password of an encrypted PDF (user or owner password).
    #[arg(long)]
    password: Option<String>,
}

pub(crate) fn run(args: &Args) -> Result<()> {
    let (layout, _) = read_layout(&args.file, args.password.as_deref())?;
    let name = args.file.display();
    for w in &layout.warnings {
        eprintln!("unpara: {name}: warning: {w}");
    }
    match layout.undecodable_glyphs {
        0 => {}
        1 => eprintln!("unpara: {name}: warning: 1 glyph could not be decoded (written as U+FFFD)"),
        n => eprintln!(
            "unpara: {name}: warning: {n} glyphs could not be decoded (written as U+FFFD)"
        ),
    }
    let out = if args.json {
        unpara_writers::layout_json(&layout)?
    } else {
        unpara_writers::layout_text(&layout)
    };
    write_output(args.output.as_ref(), &out)
}
