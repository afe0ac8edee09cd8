//! `unpara align FILE_A FILE_B [-o OUT] [--format FORMAT]`.

use std::path::PathBuf;

use anyhow::{bail, Result};
use unpara_model::Lang;

use crate::pipeline::{check_not_input, parse_lang, read_document, write_output, Reading};

/// What `unpara align` writes.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// Schema "1" JSON: both documents, paragraph, footnote and sentence links, summary.
    Json,
    /// One JSON object per sentence link: symbol, languages, texts, ids, score.
    Jsonl,
    /// TMX 1.4b translation memory: one <tu> per sentence link with both sides.
    Tmx,
    /// XCES sentence alignment (<linkGrp>/<link xtargets>), as OPUS and the UN Parallel
    /// Corpus use.
    Xces,
    /// Moses plain text: PREFIX.zh and PREFIX.en (needs -o PREFIX), line N of one the
    /// translation of line N of the other.
    Moses,
}

/// Flags of `unpara align`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// First language version (e.g. the Chinese PDF; PDF, Word or XML).
    file_a: PathBuf,
    /// Second language version (e.g. the English PDF).
    file_b: PathBuf,
    /// Write here instead of standard output (`-` is standard output); for `--format
    /// moses`, the prefix of the two files.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Language of FILE_A (zh or en); detected from its text by default.
    #[arg(long, value_parser = parse_lang)]
    lang_a: Option<Lang>,
    /// Language of FILE_B (zh or en); detected from its text by default.
    #[arg(long, value_parser = parse_lang)]
    lang_b: Option<Lang>,
    /// Password of encrypted PDFs (tried for both files).
    #[arg(long)]
    password: Option<String>,
    /// Largest size the parts of a Word document may inflate to, in bytes (zip bombs
    /// are refused).
    #[arg(long, value_name = "BYTES", default_value_t = unpara_xml::DEFAULT_MAX_INFLATE)]
    max_inflate: u64,
}

pub(crate) fn run(args: &Args) -> Result<()> {
    let prefix = match (args.format, &args.output) {
        (Format::Moses, Some(p)) if p.as_os_str() != "-" => Some(p.clone()),
        (Format::Moses, _) => {
            bail!("--format moses writes two files: give their prefix with -o PREFIX")
        }
        _ => None,
    };
    check_not_input(
        args.output.as_ref(),
        &[args.file_a.as_path(), args.file_b.as_path()],
    )?;
    let how = |lang| Reading {
        lang,
        password: args.password.as_deref(),
        max_inflate: Some(args.max_inflate),
    };
    let a = read_document(&args.file_a, &how(args.lang_a))?;
    let b = read_document(&args.file_b, &how(args.lang_b))?;
    let alignment = unpara_align::align(&a, &b);
    let out = match args.format {
        Format::Json => unpara_writers::alignment_json(&a, &b, &alignment)?,
        Format::Jsonl => unpara_writers::alignment_jsonl(&a, &b, &alignment)?,
        Format::Tmx => unpara_writers::alignment_tmx(&a, &b, &alignment)?,
        Format::Xces => unpara_writers::alignment_xces(&a, &b, &alignment)?,
        Format::Moses => {
            let (la, lb) = unpara_writers::alignment_moses(&a, &b, &alignment)?;
            for (lang, text) in [(a.language, la), (b.language, lb)] {
                let mut path = prefix.clone().unwrap_or_default().into_os_string();
                path.push(format!(".{}", lang.code()));
                let path = PathBuf::from(path);
                check_not_input(Some(&path), &[args.file_a.as_path(), args.file_b.as_path()])?;
                write_output(Some(&path), &text)?;
            }
            return Ok(());
        }
    };
    write_output(args.output.as_ref(), &out)
}
