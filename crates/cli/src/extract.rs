//! `unpara extract FILE [-o OUT]`.

use std::path::PathBuf;

use anyhow::Result;
use unpara_model::Lang;

use crate::pipeline::{check_not_input, parse_lang, read_bytes, write_output_with, Reading};

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
    let bytes = read_bytes(&args.file)?;
    let name = args.file.display().to_string();
    // A UNPC corpus file is written block by block as it is read: its document is
    // never held (a 100 MB file's would be 2.5 times the file).
    if let Some(stream) = unpara_batch::stream_document(&name, &bytes, &how)? {
        return write_output_with(args.output.as_ref(), |w| {
            Ok(unpara_writers::write_document_json_streamed(
                stream.head(),
                |emit| stream.for_each_block(emit),
                w,
            )?)
        });
    }
    // The bytes go to the reader, which frees them once read.
    let doc = unpara_batch::read_document(&name, bytes, &how)?;
    write_output_with(args.output.as_ref(), |w| {
        Ok(unpara_writers::write_document_json(&doc, w)?)
    })
}
