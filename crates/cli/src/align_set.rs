//! `unpara align A B C …`: three to six language versions of one document as one set.

use anyhow::{bail, Result};
use unpara_model::Document;

use crate::align::{Args, Format};
use crate::pipeline::{check_not_input, read_document, write_output, Reading, UsageError};

/// Reads every version, aligns them all ([`unpara_align::align_all`]) and writes the set
/// as JSON, JSON Lines or TMX.
pub(crate) fn run(args: &Args) -> Result<()> {
    if !matches!(args.format, Format::Json | Format::Jsonl | Format::Tmx) {
        return Err(UsageError(
            "a set of more than two versions is written as json, jsonl or tmx; \
             the other formats hold pairs: give two files"
                .into(),
        )
        .into());
    }
    if args.links.is_some() || args.gzip {
        return Err(UsageError("--links and --gzip apply to a pair: give two files".into()).into());
    }
    if args.format == Format::Json && (args.min_score.is_some() || args.one_to_one) {
        return Err(UsageError(
            "--min-score and --one-to-one filter jsonl and tmx; json keeps every link".into(),
        )
        .into());
    }
    if args.files.iter().filter(|f| f.as_os_str() == "-").count() > 1 {
        return Err(UsageError(
            "standard input (-) can be read only once: give at most one -".into(),
        )
        .into());
    }
    let inputs: Vec<&std::path::Path> = args.files.iter().map(|f| f.as_path()).collect();
    check_not_input(args.output.as_ref(), &inputs)?;
    let mut docs: Vec<Document> = Vec::with_capacity(args.files.len());
    for (i, f) in args.files.iter().enumerate() {
        let how = Reading {
            lang: args.lang(i),
            password: args.password.as_deref(),
            max_inflate: Some(args.max_inflate),
            sequential: false,
        };
        let doc = read_document(f, &how)?;
        if let Some(j) = docs.iter().position(|d| d.language == doc.language) {
            let other = args
                .files
                .get(j)
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            bail!(
                "{}, {other}: both documents are in {}: each version of a set needs its own language (use --langs)",
                f.display(),
                doc.language.code()
            );
        }
        docs.push(doc);
    }
    let refs: Vec<&Document> = docs.iter().collect();
    let set = unpara_align::align_all(&refs);
    let names = |i: usize| {
        args.files
            .get(i)
            .map(|p| p.display().to_string())
            .unwrap_or_default()
    };
    for p in &set.pairs {
        for w in &p.alignment.summary.warnings {
            eprintln!("unpara: warning: {}, {}: {w}", names(p.a), names(p.b));
        }
    }
    let export = unpara_writers::Export {
        min_score: args.min_score,
        one_to_one: args.one_to_one,
        lang_tags: args.lang_tag.clone(),
        group: None,
    };
    let out = match args.format {
        Format::Jsonl => unpara_writers::set_jsonl(&refs, &set, &export)?,
        Format::Tmx => unpara_writers::set_tmx(&refs, &set, &export)?,
        _ => unpara_writers::set_json(&refs, &set)?,
    };
    write_output(args.output.as_ref(), &out)
}
