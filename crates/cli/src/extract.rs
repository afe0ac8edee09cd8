//! `unpara extract FILE [-o OUT]`.

use std::path::PathBuf;

use anyhow::Result;
use unpara_model::Lang;

use crate::pipeline::{check_not_input, parse_lang, read_document, write_output_with, Reading};

/// Flags of `unpara extract`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// The document to read: PDF, Word (.docx) or XML, told apart by content (`-` reads
    /// standard input).
    file: PathBuf,
    /// Write the JSON here instead of standard output (`-` is standard output).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Language of the document (zh or en); detected from its text by default.
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Lang>,
    /// Password of an encrypted PDF.
    #[arg(long)]
    password: Option<String>,
    /// Largest size the parts of a Word document may inflate to, in bytes (zip bombs
    /// are refused).
    #[arg(long, value_name = "BYTES", default_value_t = unpara_xml::DEFAULT_MAX_INFLATE)]
    max_inflate: u64,
}

pub(crate) fn run(args: &Args) -> Result<()> {
    check_not_input(args.output.as_ref(), &[args.file.as_path()])?;
    let how = Reading {
        lang: args.lang,
        password: args.password.as_deref(),
        max_inflate: Some(args.max_inflate),
        sequential: false,
    };
    let doc = read_document(&args.file, &how)?;
    write_output_with(args.output.as_ref(), |w| {
        Ok(unpara_writers::write_document_json(&doc, w)?)
    })
}
