//! `unpara align FILE_A FILE_B [FILE …] [-o OUT] [--format FORMAT] [--links LINKS]
//! [--min-score X] [--one-to-one] [--lang-tag zh=zh-CN] [--gzip]`: a pair, or a set of
//! up to six language versions of one document.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use unpara_model::{Alignment, Document, Lang, SourceFormat};
use unpara_xml::SentenceIds;

use crate::pipeline::{
    check_not_input, parse_lang, read_document, write_output, write_output_gz, Reading, UsageError,
};

/// What `unpara align` writes.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// Schema "1" JSON: both documents, paragraph, footnote and sentence links, summary.
    Json,
    /// One JSON object per sentence link: group, symbol, languages, texts, translation,
    /// ids, score.
    Jsonl,
    /// Tab-separated bitext: text a, text b, score (hunalign's text output).
    Tsv,
    /// TMX 1.4b translation memory: one `<tu>` per sentence link with both sides.
    Tmx,
    /// XCES sentence alignment (`<linkGrp>`, `<link xtargets>`), as OPUS and the UN Parallel
    /// Corpus use, with its two sentence documents beside it (needs -o FILE: writes
    /// FILE and FILE's stem + `.zh.xml` / `.en.xml`).
    Xces,
    /// Moses plain text: PREFIX.zh and PREFIX.en (needs -o PREFIX), line N of one the
    /// translation of line N of the other.
    Moses,
    /// The review page: self-contained HTML, the versions side by side link by link,
    /// with corrections exported as an XCES link file for `--links`.
    Html,
}

/// Flags of `unpara align`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// The language versions: two (a pair: FILE_A FILE_B, e.g. the Chinese and the
    /// English PDF) or up to six (a set: one record with links across all versions and
    /// every pair's links; formats json, jsonl, tmx). PDF, Word or XML.
    #[arg(value_name = "FILE", num_args = 2..=6, required = true)]
    pub(crate) files: Vec<PathBuf>,
    /// Write here instead of standard output (`-` is standard output); for `--format
    /// moses`, the prefix of the two files.
    #[arg(short, long)]
    pub(crate) output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    pub(crate) format: Format,
    /// Language of the first file (ar, zh, en, fr, ru or es); detected from its text
    /// by default.
    #[arg(long, value_parser = parse_lang)]
    pub(crate) lang_a: Option<Lang>,
    /// Language of the second file; detected from its text by default.
    #[arg(long, value_parser = parse_lang)]
    pub(crate) lang_b: Option<Lang>,
    /// Languages of all files in order, comma-separated (`ar,zh,en`); `-` leaves one to
    /// detection. Overrides --lang-a/--lang-b.
    #[arg(long, value_name = "LANG,…", value_delimiter = ',', value_parser = parse_lang_or_detect)]
    pub(crate) langs: Vec<Option<Lang>>,
    /// Password of encrypted PDFs (tried for both files).
    #[arg(long)]
    pub(crate) password: Option<String>,
    /// Largest size the parts of a Word document may inflate to, in bytes (zip bombs
    /// are refused).
    #[arg(long, value_name = "BYTES", default_value_t = unpara_xml::DEFAULT_MAX_INFLATE)]
    pub(crate) max_inflate: u64,
    /// Take the sentence alignment from this XCES link file (`<link xtargets="1:1;1:1 1:2">`,
    /// as the UN Parallel Corpus ships it) instead of computing one. Ids are the `<s>` ids
    /// of UN Parallel Corpus XML inputs, or our own (`b3:0`, as `--format xces` writes).
    #[arg(long, value_name = "LINKS")]
    pub(crate) links: Option<PathBuf>,
    /// jsonl, tsv, tmx, moses: leave out sentence links scoring below X (0–1; the review
    /// threshold is 0.5) and one-sided links.
    #[arg(long, value_name = "X", value_parser = parse_score)]
    pub(crate) min_score: Option<f32>,
    /// jsonl, tsv, tmx, moses: only links of one sentence to one sentence.
    #[arg(long)]
    pub(crate) one_to_one: bool,
    /// jsonl (`translation`), tmx: write this tag for a language, `LANG=TAG`
    /// (`--lang-tag zh=zh-CN --lang-tag en=en-US`); repeatable.
    #[arg(long, value_name = "LANG=TAG", value_parser = parse_lang_tag)]
    pub(crate) lang_tag: Vec<(Lang, String)>,
    /// xces: write the two sentence documents gzip-compressed (`.zh.xml.gz`,
    /// `.en.xml.gz`), as OPUS ships them; the alignment's `fromDoc`/`toDoc` name them.
    #[arg(long)]
    pub(crate) gzip: bool,
}

/// A language, or `-` for "detect it".
fn parse_lang_or_detect(s: &str) -> Result<Option<Lang>, String> {
    if s.trim() == "-" {
        return Ok(None);
    }
    parse_lang(s).map(Some)
}

/// A score floor: a number from 0 to 1.
fn parse_score(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("{s:?} is not a score from 0 to 1")),
    }
}

/// `zh=zh-CN`: a language and the BCP 47 tag to write for it.
fn parse_lang_tag(s: &str) -> Result<(Lang, String), String> {
    let (lang, tag) = s
        .split_once('=')
        .ok_or_else(|| format!("{s:?}: expected LANG=TAG, e.g. zh=zh-CN"))?;
    let tag = tag.trim();
    let well_formed = !tag.is_empty()
        && tag.len() <= 35
        && tag
            .split('-')
            .all(|p| !p.is_empty() && p.len() <= 8 && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if !well_formed {
        return Err(format!(
            "{tag:?} is not a language tag (letters, digits and -)"
        ));
    }
    Ok((parse_lang(lang.trim())?, tag.to_string()))
}

impl Args {
    /// The first file.
    fn file_a(&self) -> &Path {
        self.files.first().map_or(Path::new("-"), PathBuf::as_path)
    }

    /// The second file.
    fn file_b(&self) -> &Path {
        self.files.get(1).map_or(Path::new("-"), PathBuf::as_path)
    }

    /// The language given for file `i`, if any.
    pub(crate) fn lang(&self, i: usize) -> Option<Lang> {
        if !self.langs.is_empty() {
            return self.langs.get(i).copied().flatten();
        }
        match i {
            0 => self.lang_a,
            1 => self.lang_b,
            _ => None,
        }
    }
}

pub(crate) fn run(args: &Args) -> Result<()> {
    if !args.langs.is_empty() && args.langs.len() != args.files.len() {
        return Err(UsageError(format!(
            "--langs names {} languages for {} files: give one per file (- to detect)",
            args.langs.len(),
            args.files.len()
        ))
        .into());
    }
    if args.files.len() > 2 {
        return crate::align_set::run(args);
    }
    let prefix = match (args.format, &args.output) {
        (Format::Moses, Some(p)) if p.as_os_str() != "-" => Some(p.clone()),
        (Format::Moses, _) => {
            return Err(UsageError(
                "--format moses writes two files: give their prefix with -o PREFIX".into(),
            )
            .into())
        }
        _ => None,
    };
    if args.format == Format::Xces && args.output.as_ref().is_none_or(|p| p.as_os_str() == "-") {
        return Err(UsageError(
            "--format xces writes the alignment and its two sentence documents: give -o FILE"
                .into(),
        )
        .into());
    }
    let filters = args.min_score.is_some() || args.one_to_one;
    if filters && matches!(args.format, Format::Json | Format::Xces | Format::Html) {
        return Err(UsageError(
            "--min-score and --one-to-one filter the bitext formats (jsonl, tsv, tmx, moses); \
             json, xces and html keep every link with its score"
                .into(),
        )
        .into());
    }
    if args.gzip && args.format != Format::Xces {
        return Err(
            UsageError("--gzip compresses the sentence documents of --format xces".into()).into(),
        );
    }
    let mut inputs = vec![args.file_a(), args.file_b()];
    inputs.extend(args.links.as_deref());
    check_not_input(args.output.as_ref(), &inputs)?;
    let how = |lang| Reading {
        lang,
        password: args.password.as_deref(),
        max_inflate: Some(args.max_inflate),
        sequential: false,
    };
    if args.file_a().as_os_str() == "-" && args.file_b().as_os_str() == "-" {
        return Err(UsageError(
            "standard input (-) can be read only once: give at most one -".into(),
        )
        .into());
    }
    let a = read_document(args.file_a(), &how(args.lang(0)))?;
    let b = read_document(args.file_b(), &how(args.lang(1)))?;
    if a.language == b.language {
        bail!(
            "{}, {}: both documents are in {}: a pair needs two languages (use --lang-a/--lang-b)",
            args.file_a().display(),
            args.file_b().display(),
            a.language.code()
        );
    }
    let alignment = match &args.links {
        None => unpara_align::align(&a, &b),
        Some(links) => linked(links, (args.file_a(), &a), (args.file_b(), &b))?,
    };
    for w in &alignment.summary.warnings {
        eprintln!(
            "unpara: warning: {}, {}: {w}",
            args.file_a().display(),
            args.file_b().display()
        );
    }
    let export = unpara_writers::Export {
        min_score: args.min_score,
        one_to_one: args.one_to_one,
        lang_tags: args.lang_tag.clone(),
        group: None,
    };
    let out = match args.format {
        Format::Json => unpara_writers::alignment_json(&a, &b, &alignment)?,
        Format::Html => {
            let json = unpara_writers::alignment_json(&a, &b, &alignment)?;
            unpara_writers::review_html(&serde_json::from_str(&json)?)?
        }
        Format::Jsonl => unpara_writers::alignment_jsonl(&a, &b, &alignment, &export)?,
        Format::Tsv => unpara_writers::alignment_tsv(&a, &b, &alignment, &export)?,
        Format::Tmx => unpara_writers::alignment_tmx(&a, &b, &alignment, &export)?,
        Format::Xces => {
            let output = args.output.clone().unwrap_or_default();
            return write_xces(
                &output,
                (args.file_a(), &a),
                (args.file_b(), &b),
                &alignment,
                &inputs,
                args.gzip,
            );
        }
        Format::Moses => {
            let (la, lb) = unpara_writers::alignment_moses(&a, &b, &alignment, &export)?;
            for (lang, text) in [(a.language, la), (b.language, lb)] {
                let mut path = prefix.clone().unwrap_or_default().into_os_string();
                path.push(format!(".{}", lang.code()));
                let path = PathBuf::from(path);
                check_not_input(Some(&path), &inputs)?;
                write_output(Some(&path), &text)?;
            }
            return Ok(());
        }
    };
    write_output(args.output.as_ref(), &out)
}

/// Writes the XCES alignment to `output` and the two sentence documents beside it
/// (`output`'s stem + `.zh.xml` and `.en.xml`, `.xml.gz` when `gzip`), keeping the
/// sentence ids of UN Parallel Corpus inputs.
fn write_xces(
    output: &Path,
    a: (&Path, &Document),
    b: (&Path, &Document),
    alignment: &Alignment,
    inputs: &[&Path],
    gzip: bool,
) -> Result<()> {
    let ending = xml_ending(gzip);
    let stem = output
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "alignment".into());
    let docs = sentence_docs(a.1, b.1, |d| {
        format!("{stem}.{}.{ending}", d.language.code())
    })?;
    let folder = output.parent().unwrap_or(Path::new(""));
    let documents: Vec<(PathBuf, String)> = [
        (&docs.from_doc, a.1, &docs.ids_a),
        (&docs.to_doc, b.1, &docs.ids_b),
    ]
    .into_iter()
    .map(|(name, doc, ids)| {
        Ok((
            folder.join(name),
            unpara_writers::sentence_document(doc, ids)?,
        ))
    })
    .collect::<Result<_>>()?;
    for (path, _) in &documents {
        check_not_input(Some(path), inputs)?;
    }
    // The alignment first: a bad -o (a folder, an input) fails before anything is written.
    let text = unpara_writers::alignment_xces(a.1, b.1, alignment, &docs)?;
    write_output(Some(&output.to_path_buf()), &text)?;
    for (path, text) in &documents {
        write_output_gz(path, text, gzip)?;
    }
    Ok(())
}

/// The ending of an XCES sentence document: `xml`, or `xml.gz` when compressed.
pub(crate) fn xml_ending(gzip: bool) -> &'static str {
    if gzip {
        "xml.gz"
    } else {
        "xml"
    }
}

/// What an XCES alignment of `a` and `b` points at: the sentence documents `name`
/// gives each side, and for UN Parallel Corpus inputs their own sentence ids (the file,
/// `source.path`, is read again for them; not for standard input).
pub(crate) fn sentence_docs(
    a: &Document,
    b: &Document,
    name: impl Fn(&Document) -> String,
) -> Result<unpara_writers::SentenceDocs> {
    let source_names = |doc: &Document| -> Result<_> {
        let path = Path::new(&doc.source.path);
        Ok(
            if doc.source.format == SourceFormat::UnpcXml && path.as_os_str() != "-" {
                sentence_ids(path, doc)?.source_names(doc)
            } else {
                Default::default()
            },
        )
    };
    Ok(unpara_writers::SentenceDocs {
        from_doc: name(a),
        to_doc: name(b),
        ids_a: source_names(a)?,
        ids_b: source_names(b)?,
    })
}

/// The alignment a link file gives two documents (each with the path it was read from).
fn linked(links: &Path, a: (&Path, &Document), b: (&Path, &Document)) -> Result<Alignment> {
    let name = links.display().to_string();
    let bytes = std::fs::read(links).with_context(|| format!("{name}: cannot read"))?;
    let groups = unpara_xml::read_links(&bytes).with_context(|| name.clone())?;
    let group = unpara_xml::select_group(groups, &a.1.source.path, &b.1.source.path)
        .with_context(|| name.clone())?;
    let (ids_a, ids_b) = (sentence_ids(a.0, a.1)?, sentence_ids(b.0, b.1)?);
    let linked = unpara_xml::link_documents(a.1, b.1, &ids_a, &ids_b, &group.links)
        .with_context(|| name.clone())?;
    for w in &linked.warnings {
        eprintln!("unpara: {name}: warning: {w}");
    }
    let summary = unpara_align::summary(&linked.paragraph_links, &linked.sentence_links);
    Ok(Alignment {
        languages: [a.1.language, b.1.language],
        paragraph_links: linked.paragraph_links,
        footnote_links: Vec::new(),
        sentence_links: linked.sentence_links,
        summary,
    })
}

/// The sentence ids a link file may use for `doc`: for UN Parallel Corpus XML its `<s>`
/// ids (the file is read again for them), and always our own.
fn sentence_ids(path: &Path, doc: &Document) -> Result<SentenceIds> {
    if doc.source.format != SourceFormat::UnpcXml {
        return Ok(SentenceIds::of_document(doc));
    }
    let name = path.display().to_string();
    if path.as_os_str() == "-" {
        bail!("--links needs the UN Parallel Corpus files as files, not standard input");
    }
    let bytes = std::fs::read(path).with_context(|| format!("{name}: cannot read"))?;
    SentenceIds::unpc(doc, &bytes).with_context(|| name)
}
