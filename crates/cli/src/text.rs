//! `unpara text FILE [-o OUT] [--json]`.

use std::path::PathBuf;

use anyhow::Result;

use crate::pipeline::{check_not_input, read_layout, write_output};

/// Flags of `unpara text`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// The PDF to read (`-` reads standard input).
    file: PathBuf,
    /// Write the text here instead of standard output (`-` is standard output).
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
    check_not_input(args.output.as_ref(), &[args.file.as_path()])?;
    let (layout, _) = read_layout(&args.file, args.password.as_deref())?;
    let name = args.file.display();
    // Every undecodable glyph is in a warning (per font, or a font missing from the
    // page's resources); the count is in the --json output.
    for w in &layout.warnings {
        eprintln!("unpara: {name}: warning: {w}");
    }
    let out = if args.json {
        unpara_writers::layout_json(&layout)?
    } else {
        unpara_writers::layout_text(&layout)
    };
    write_output(args.output.as_ref(), &out)
}
