//! `unpara align FILE_A FILE_B [-o OUT]`.

use std::path::PathBuf;

use anyhow::Result;
use unpara_model::Lang;

use crate::pipeline::{check_not_input, parse_lang, read_document, write_output};

/// Flags of `unpara align`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// First language version (e.g. the Chinese PDF).
    file_a: PathBuf,
    /// Second language version (e.g. the English PDF).
    file_b: PathBuf,
    /// Write the JSON here instead of standard output (`-` is standard output).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Language of FILE_A (zh or en); detected from its text by default.
    #[arg(long, value_parser = parse_lang)]
    lang_a: Option<Lang>,
    /// Language of FILE_B (zh or en); detected from its text by default.
    #[arg(long, value_parser = parse_lang)]
    lang_b: Option<Lang>,
    /// Password of encrypted PDFs (tried for both files).
    #[arg(long)]
    password: Option<String>,
}

pub(crate) fn run(args: &Args) -> Result<()> {
    check_not_input(
        args.output.as_ref(),
        &[args.file_a.as_path(), args.file_b.as_path()],
    )?;
    let a = read_document(&args.file_a, args.lang_a, args.password.as_deref())?;
    let b = read_document(&args.file_b, args.lang_b, args.password.as_deref())?;
    let alignment = unpara_align::align(&a, &b);
    let json = unpara_writers::alignment_json(&a, &b, &alignment)?;
    write_output(args.output.as_ref(), &json)
}
