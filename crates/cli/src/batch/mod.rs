//! `unpara batch INPUT_DIR... -o OUTPUT_DIR`: every PDF, DOCX and XML under the folders,
//! read once each, in parallel; language versions grouped by document symbol; each
//! group with a Chinese and an English version aligned, other documents extracted.
//!
//! Writes `OUTPUT_DIR/<symbol, / as _>.json` per group, `corpus.jsonl` (every sentence
//! link of the aligned groups), `run-report.json` (every input file with its status and
//! timings, every group) and `.unpara-state.json` (what a re-run needs to skip groups
//! whose inputs have not changed). Every file is written atomically; the state after
//! each group, so a killed run loses at most the groups in progress.

mod output;
mod progress;
mod report;
mod versions;
pub(crate) mod worker;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use unpara_batch::{discover, group_hash, shard_of, totals, Conversion, Other, Version};
use unpara_model::{Document, Lang};

use crate::pipeline::Reading;
use output::{write_output, write_output_gz};
use report::{FileReport, GroupReport, KnownFile, RunReport, State};

/// Flags of `unpara batch`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// Folders (or files) to convert: searched recursively for .pdf, .docx and .xml.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// The output folder (created if missing).
    #[arg(short, long)]
    output: PathBuf,
    /// Worker threads; all cores by default.
    #[arg(long)]
    jobs: Option<usize>,
    /// Redo groups whose inputs have not changed since the last run.
    #[arg(long)]
    force: bool,
    /// Process only the groups whose symbol hashes to K modulo N (`K/N`, 0 ≤ K < N), so
    /// that N machines can share a corpus.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    shard: Option<(u64, u64)>,
    /// Also write every group into this SQLite database (tables of `schema.sql`; a
    /// re-run updates a group's rows).
    #[arg(long, value_name = "FILE")]
    sqlite: Option<PathBuf>,
    /// Password of encrypted PDFs.
    #[arg(long)]
    password: Option<String>,
    /// Wall time one input may take to be read, in seconds; past it its worker process
    /// is stopped and the file is an error in the run report.
    #[arg(long, value_name = "SECONDS", default_value_t = 60.0, value_parser = parse_seconds)]
    timeout: f64,
    /// Memory (address space) of the worker process reading one input: bytes, or with
    /// K, M or G (`512M`, `2G`); past it the file is an error in the run report.
    #[arg(long, value_name = "BYTES", default_value = "2G", value_parser = parse_bytes)]
    max_memory: u64,
    /// Largest size the parts of a Word document may inflate to, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = unpara_xml::DEFAULT_MAX_INFLATE)]
    max_inflate: u64,
    /// Corpus-wide files of every aligned group's sentence links, comma-separated:
    /// `jsonl` (corpus.jsonl, always written), `tsv` (corpus.tsv), `tmx` (corpus.tmx),
    /// `moses` (corpus.zh and corpus.en), `xces` (corpus.xces, one link group per pair,
    /// with the sentence documents in `sentences/`).
    #[arg(long, value_enum, value_delimiter = ',', default_value = "jsonl")]
    format: Vec<CorpusFormat>,
    /// Also write a review page (self-contained HTML, as `unpara review`) for every
    /// aligned group in `OUTPUT/review/`, and `OUTPUT/review/index.html` with each
    /// group's figures.
    #[arg(long)]
    review: bool,
    /// xces: write the sentence documents in `sentences/` gzip-compressed (`.xml.gz`),
    /// as OPUS ships them.
    #[arg(long)]
    gzip: bool,
}

/// A corpus-wide bitext file of `unpara batch`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum CorpusFormat {
    /// corpus.jsonl: one JSON object per sentence link (always written).
    Jsonl,
    /// corpus.tsv: text zh, text en, score.
    Tsv,
    /// corpus.tmx: one TMX 1.4b memory of every pair (`srclang="*all*"`).
    Tmx,
    /// corpus.zh and corpus.en: Moses plain text, line N the translation of line N.
    Moses,
    /// corpus.xces: an XCES alignment with one `<linkGrp>` per pair, pointing at
    /// `sentences/<group>.zh.xml` and `.en.xml` (OPUS style).
    Xces,
}

impl CorpusFormat {
    /// The endings of a group's saved pieces (`.sentences/<group>.<ending>`) and the
    /// corpus files they are joined into.
    fn pieces(self) -> &'static [(&'static str, &'static str)] {
        match self {
            CorpusFormat::Jsonl => &[("jsonl", "corpus.jsonl")],
            CorpusFormat::Tsv => &[("tsv", "corpus.tsv")],
            CorpusFormat::Tmx => &[("tmx-units", "corpus.tmx")],
            CorpusFormat::Moses => &[("moses.zh", "corpus.zh"), ("moses.en", "corpus.en")],
            CorpusFormat::Xces => &[("xces-group", "corpus.xces")],
        }
    }
}

/// A positive number of seconds, at most a day.
fn parse_seconds(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if x > 0.0 && x <= 86_400.0 => Ok(x),
        _ => Err(format!("{s:?} is not a number of seconds from 0 to 86400")),
    }
}

/// A size in bytes: digits, optionally followed by K, M or G (powers of 1024); from
/// 64 MiB (less cannot hold the program) to 1 TiB.
fn parse_bytes(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (digits, unit) = match t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => (t.get(..i).unwrap_or(""), t.get(i..).unwrap_or("")),
        None => (t, ""),
    };
    let scale: u64 = match unit.to_ascii_uppercase().trim_end_matches(['B', 'I']) {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        _ => return Err(format!("{s:?}: expected bytes, or a number with K, M or G")),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("{s:?}: expected bytes, or a number with K, M or G"))?;
    match n.checked_mul(scale) {
        Some(b) if (64 << 20..=1 << 40).contains(&b) => Ok(b),
        _ => Err(format!("{s:?}: from 64M to 1024G")),
    }
}

fn parse_shard(s: &str) -> Result<(u64, u64), String> {
    let (k, n) = s.split_once('/').ok_or("expected K/N, e.g. 0/4")?;
    let (k, n): (u64, u64) = (
        k.trim().parse().map_err(|_| "K is not a number")?,
        n.trim().parse().map_err(|_| "N is not a number")?,
    );
    if n == 0 || k >= n {
        return Err(format!("need 0 ≤ K < N, got {k}/{n}"));
    }
    Ok((k, n))
}

fn sha256_file(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    Ok(format!("{:x}", Sha256::digest(&bytes)))
}

/// A file read (or not) in this run.
struct Input {
    path: PathBuf,
    sha256: String,
    group: Option<String>,
    doc: Option<Document>,
    /// Read in this run and kept only in the document cache (`.documents/`) until its
    /// group is converted: a batch holds the documents of the groups in progress, not
    /// of the whole corpus (measured by `bench/ratios.py`: 0.10 MB more peak memory per
    /// document before, on groups of their own).
    cached: bool,
    report: FileReport,
}

pub(crate) fn run(args: &Args) -> Result<()> {
    let started = Instant::now();
    if args.gzip && !args.format.contains(&CorpusFormat::Xces) {
        return Err(crate::pipeline::UsageError(
            "--gzip compresses the sentence documents of --format xces".into(),
        )
        .into());
    }
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .build()
        .context("cannot start worker threads")?;
    std::fs::create_dir_all(&args.output)
        .with_context(|| format!("{}: cannot create folder", args.output.display()))?;
    let _lock = lock(&args.output)?;
    let found = discover::inputs(&args.inputs)?;
    for w in &found.warnings {
        eprintln!("unpara: warning: {w}");
    }
    let paths = found.paths;
    if paths.is_empty() {
        bail!("no PDF, DOCX or XML file under {:?}", args.inputs);
    }
    let mut state = State::load(&args.output);
    let how = Reading {
        lang: None,
        password: args.password.as_deref(),
        max_inflate: Some(args.max_inflate),
        sequential: false,
    };
    let limits = worker::Limits {
        timeout: std::time::Duration::from_secs_f64(args.timeout),
        max_memory: args.max_memory,
        cache: args.output.join(".documents"),
        reuse: !args.force,
        worker_threads: (jobs > 1).then_some(1),
    };
    let progress = progress::Progress::new(paths.len() as u64);
    let db = args
        .sqlite
        .as_deref()
        .map(|p| {
            unpara_writers::Db::open(p)
                .with_context(|| format!("{}: cannot open the database", p.display()))
        })
        .transpose()?;

    // 1. Hash every input; read those whose group is not known from an earlier run.
    let inputs: Vec<Input> = pool.install(|| {
        paths
            .par_iter()
            .map(|path| {
                let key = path.display().to_string();
                let sha256 = sha256_file(path).unwrap_or_default();
                let known = state
                    .files
                    .get(&key)
                    .filter(|k| k.sha256 == sha256 && !args.force);
                let input = match known {
                    _ if path.to_str().is_none() => not_utf8(path, sha256),
                    Some(k) => unread(path, sha256.clone(), k.group.clone()),
                    None if discover::is_link_file(path) => link_file(path, sha256),
                    None => {
                        let mut input = read(path, sha256, &how, &limits);
                        let file = limits.cache.join(format!("{}.json", input.sha256));
                        if input.doc.is_some() && file.exists() {
                            input.doc = None;
                            input.cached = true;
                        }
                        input
                    }
                };
                progress.file_done(&input.report);
                input
            })
            .collect()
    });

    // 2. Group by symbol; keep this shard's groups.
    let mut groups: BTreeMap<String, Vec<Input>> = BTreeMap::new();
    let mut file_reports = Vec::new();
    for input in inputs {
        match input.group.clone() {
            Some(g) if args.shard.is_none_or(|(k, n)| shard_of(&g, n) == k) => {
                groups.entry(g).or_default().push(input);
            }
            Some(_) => {}
            None => file_reports.push(input.report),
        }
    }

    // 3. Each group: skip when unchanged, else align or extract; save the state as we go.
    let state_lock = Mutex::new(&mut state);
    let group_reports: Vec<(GroupReport, Vec<FileReport>)> = pool.install(|| {
        groups
            .into_par_iter()
            .map(|(name, members)| {
                let out = process_group(
                    &name,
                    members,
                    args,
                    (&how, &limits),
                    &state_lock,
                    db.as_ref(),
                );
                progress.group_done(&out.0);
                out
            })
            .collect()
    });
    progress.finish();
    let mut groups_out = Vec::new();
    for (g, files) in group_reports {
        groups_out.push(g);
        file_reports.extend(files);
    }
    file_reports.sort_by(|a, b| a.path.cmp(&b.path));
    state.save(&args.output)?;
    write_corpus(&args.output, &groups_out, &args.format)?;
    if args.review {
        write_reviews(&args.output, &groups_out)?;
    }
    let totals = totals(&file_reports, &groups_out, started.elapsed().as_secs_f64());
    let errors = totals.errors;
    let group_errors = totals.group_errors;
    let report = RunReport {
        inputs: args
            .inputs
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
        output: args.output.display().to_string(),
        jobs,
        shard: args.shard.map(|(k, n)| format!("{k}/{n}")),
        files: file_reports,
        groups: groups_out,
        totals,
    };
    let text = serde_json::to_string_pretty(&report).context("run report")?;
    write_output(Some(&args.output.join("run-report.json")), &text)?;
    eprintln!(
        "unpara: batch: {} files, {} groups ({} aligned, {} extracted, {} unchanged), {} errors, {} groups not written, {:.1} s; report in {}",
        report.totals.files,
        report.totals.groups,
        report.totals.aligned,
        report.totals.extracted,
        report.totals.skipped,
        errors,
        group_errors,
        report.totals.seconds,
        args.output.join("run-report.json").display()
    );
    if errors > 0 || group_errors > 0 {
        bail!(
            "{errors} of {} files could not be read or converted, {group_errors} of {} groups \
             could not be written (see run-report.json)",
            report.totals.files,
            report.totals.groups
        );
    }
    Ok(())
}

/// The lock that keeps a second batch out of `output` while this one runs: an
/// exclusive advisory lock (`flock`) on `output/.unpara-lock`, released when the
/// returned file is dropped or the process ends, however it ends.
fn lock(output: &Path) -> Result<std::fs::File> {
    let path = output.join(LOCK_FILE);
    output::unlink(&path)?;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("{}: cannot create the lock file", path.display()))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => bail!(
            "{}: another unpara batch is writing into this folder (it holds {LOCK_FILE}); \
             wait for it or choose another -o",
            output.display()
        ),
        Err(std::fs::TryLockError::Error(e)) => {
            Err(e).with_context(|| format!("{}: cannot lock", path.display()))
        }
    }
}

/// The lock file of an output folder (see [`lock`]).
const LOCK_FILE: &str = ".unpara-lock";

/// A file whose name is not UTF-8: its name cannot be written in the outputs without
/// loss (two such names could become one), so it is an error, not converted.
fn not_utf8(path: &Path, sha256: String) -> Input {
    let mut input = link_file(path, sha256);
    input.report.status = "error".into();
    input.report.message = Some(format!(
        "{}: the file name is not UTF-8 and cannot be named in the outputs without loss: \
         rename it",
        path.display()
    ));
    input
}

fn link_file(path: &Path, sha256: String) -> Input {
    Input {
        path: path.to_path_buf(),
        report: FileReport {
            path: path.display().to_string(),
            status: "skipped".into(),
            message: Some("an XCES alignment, not a document (an input of `align --links`)".into()),
            sha256: sha256.clone(),
            group: None,
            language: None,
            pages: 0,
            read_ms: 0,
        },
        sha256,
        group: None,
        doc: None,
        cached: false,
    }
}

fn unread(path: &Path, sha256: String, group: String) -> Input {
    Input {
        path: path.to_path_buf(),
        report: FileReport {
            path: path.display().to_string(),
            status: "unchanged".into(),
            message: None,
            sha256: sha256.clone(),
            group: Some(group.clone()),
            language: None,
            pages: 0,
            read_ms: 0,
        },
        sha256,
        group: Some(group),
        doc: None,
        cached: false,
    }
}

/// Reads one input in a worker process (see [`worker`]) and names its group. The
/// document is kept in `limits.cache` by its SHA-256, so that a batch stopped while
/// reading does not read again, next time, what it had read.
fn read(path: &Path, sha256: String, how: &Reading, limits: &worker::Limits) -> Input {
    let t = Instant::now();
    let result = worker::read_cached(path, &sha256, how, limits);
    let read_ms = t.elapsed().as_millis() as u64;
    let name = path.display().to_string();
    match result {
        Ok(doc) => {
            let group = unpara_batch::group_name(&doc, path);
            let report = FileReport::read(&name, &sha256, &group, &doc, read_ms);
            Input {
                path: path.to_path_buf(),
                sha256,
                group: Some(group),
                doc: Some(doc),
                cached: false,
                report,
            }
        }
        Err(e) => {
            let report = FileReport::error(&name, &sha256, format!("{e:#}"), read_ms);
            Input {
                path: path.to_path_buf(),
                sha256,
                group: None,
                doc: None,
                cached: false,
                report,
            }
        }
    }
}

fn process_group(
    name: &str,
    mut members: Vec<Input>,
    args: &Args,
    (how, limits): (&Reading, &worker::Limits),
    state: &Mutex<&mut State>,
    db: Option<&unpara_writers::Db>,
) -> (GroupReport, Vec<FileReport>) {
    let t = Instant::now();
    let stem = discover::file_stem_of(name);
    let output = args.output.join(format!("{stem}.json"));
    let sidecar = args.output.join(".sentences").join(format!("{stem}.jsonl"));
    let hash = group_hash(members.iter().map(|m| m.sha256.as_str()));
    // An aligned group (it has its sentence links saved) whose pieces for a format
    // asked for now are missing is redone, so the corpus files hold it.
    let pieces_present = !sidecar.exists()
        || args
            .format
            .iter()
            .flat_map(|f| f.pieces())
            .all(|(ending, _)| {
                args.output
                    .join(".sentences")
                    .join(format!("{stem}.{ending}"))
                    .exists()
            })
        // XCES sentence documents in the compression asked for now.
        && (!args.format.contains(&CorpusFormat::Xces)
            || args
                .output
                .join("sentences")
                .join(format!("{stem}.zh.{}", crate::align::xml_ending(args.gzip)))
                .exists());
    let in_database = db.is_none_or(|d| d.has_group(name));
    let unchanged = !args.force
        && output.exists()
        && pieces_present
        && in_database
        && state
            .lock()
            .map(|s| s.groups.get(name) == Some(&hash))
            .unwrap_or(false);
    let mut report = GroupReport {
        group: name.to_string(),
        files: members
            .iter()
            .map(|m| m.path.display().to_string())
            .collect(),
        status: "skipped".into(),
        output: Some(output.display().to_string()),
        message: None,
        sentence_links: 0,
        ms: 0,
    };
    if unchanged {
        report.ms = t.elapsed().as_millis() as u64;
        return (report, members.into_iter().map(|m| m.report).collect());
    }
    // Documents read in this run come back from the cache (written in this run, so
    // used even with --force); inputs known from an earlier run are read now: their
    // group changed.
    let fresh = worker::Limits {
        reuse: true,
        ..limits.clone()
    };
    // On the batch's threads: a group of many versions (copies of one symbol) is the
    // last work of a run, and would otherwise keep one thread busy alone.
    members
        .par_iter_mut()
        .filter(|m| m.doc.is_none())
        .for_each(|m| {
            if m.cached {
                if let Ok(doc) = worker::read_cached(&m.path, &m.sha256, how, &fresh) {
                    m.doc = Some(doc);
                    return;
                }
            }
            *m = read(&m.path, m.sha256.clone(), how, limits);
        });
    let result = write_group(
        name,
        &mut members,
        &output,
        &sidecar,
        (&args.format, args.gzip),
        db,
    );
    match result {
        Ok((status, links)) => {
            report.status = status.into();
            report.sentence_links = links;
            if let Ok(mut s) = state.lock() {
                for m in &members {
                    if let Some(g) = &m.group {
                        s.files.insert(
                            m.path.display().to_string(),
                            KnownFile {
                                sha256: m.sha256.clone(),
                                group: g.clone(),
                            },
                        );
                    }
                }
                s.groups.insert(name.to_string(), hash);
                // A killed run keeps what is done (a failed save only means more work
                // next time).
                let _ = s.save(&args.output);
            }
        }
        Err(e) => {
            report.status = "error".into();
            report.output = None;
            report.message = Some(format!("{e:#}"));
        }
    }
    report.ms = t.elapsed().as_millis() as u64;
    (report, members.into_iter().map(|m| m.report).collect())
}

/// Converts the group ([`unpara_batch::convert`]: two versions as a pair, three to six
/// as one set, one language extracted) and writes its outputs. Other versions of the
/// same document are extracted on their own beside it, or reported as duplicates when
/// they hold the same bytes.
fn write_group(
    group: &str,
    members: &mut [Input],
    output: &Path,
    sidecar: &Path,
    (formats, gzip): (&[CorpusFormat], bool),
    db: Option<&unpara_writers::Db>,
) -> Result<(&'static str, usize)> {
    let versions: Vec<Version> = members
        .iter()
        .map(|m| Version {
            path: &m.path,
            sha256: &m.sha256,
            doc: m.doc.as_ref(),
        })
        .collect();
    let conversion = unpara_batch::convert(&versions)?;
    write_output(Some(&output.to_path_buf()), &conversion.json(&versions)?)?;
    match &conversion {
        Conversion::Pair { a, b, alignment } => {
            let docs = unpara_batch::convert::docs_of(&versions, &[*a, *b]);
            let [zh, en] = docs.as_slice() else {
                bail!("the group's documents could not be read");
            };
            write_output(
                Some(&sidecar.to_path_buf()),
                &conversion.jsonl(group, &versions)?,
            )?;
            let export = unpara_writers::Export {
                group: Some(group.to_string()),
                ..Default::default()
            };
            write_pieces(sidecar, formats, gzip, &export, zh, en, alignment)?;
            if let Some(db) = db {
                db.write_group(group, &[zh, en], Some(alignment))?;
            }
        }
        Conversion::Set {
            versions: used,
            set,
        } => {
            write_output(
                Some(&sidecar.to_path_buf()),
                &conversion.jsonl(group, &versions)?,
            )?;
            let docs = unpara_batch::convert::docs_of(&versions, used);
            versions::write_set_pieces(group, &docs, set, sidecar, (formats, gzip), db)?;
        }
        Conversion::Single { index } => {
            let _ = std::fs::remove_file(sidecar);
            // A document with one language is in the database too: "which documents
            // lack a language" is a query.
            if let (Some(db), Some(doc)) = (db, versions.get(*index).and_then(|v| v.doc)) {
                db.write_group(group, &[doc], None)?;
            }
        }
    }
    let used = conversion.used();
    let used_paths: Vec<String> = used
        .iter()
        .filter_map(|&i| versions.get(i))
        .map(|v| v.path.display().to_string())
        .collect();
    // The other versions' documents are written on the batch's threads (in order of
    // the versions, as before, in the notes).
    let notes: Vec<(usize, bool, String)> = unpara_batch::others(&versions, &used)
        .into_par_iter()
        .map(|(i, other)| -> Result<Option<(usize, bool, String)>> {
            let own = match &other {
                Other::Duplicate { .. } => String::new(),
                Other::Separate { name } => {
                    let Some(doc) = versions.get(i).and_then(|v| v.doc) else {
                        return Ok(None);
                    };
                    let own = output
                        .with_file_name(format!("{}.{name}.json", discover::file_stem_of(group)));
                    write_output(Some(&own), &unpara_writers::document_json(doc)?)?;
                    own.display().to_string()
                }
            };
            let duplicate = matches!(other, Other::Duplicate { .. });
            Ok(Some((
                i,
                duplicate,
                other.message(group, &used_paths, &own),
            )))
        })
        .collect::<Result<Vec<_>>>()?
        .into_iter()
        .flatten()
        .collect();
    drop(versions);
    for (i, duplicate, note) in notes {
        let Some(m) = members.get_mut(i) else {
            continue;
        };
        if duplicate {
            m.report.status = "duplicate".into();
            m.report.message = Some(note);
        } else {
            m.report.message = Some(match m.report.message.take() {
                Some(w) => format!("{note}; {w}"),
                None => note,
            });
        }
    }
    Ok((conversion.status(), conversion.sentence_links()))
}

/// A group's pieces of the corpus files of `formats` beside its `.jsonl` sidecar. The
/// Moses piece (corpus.zh, corpus.en) is written for a zh–en pair only.
fn write_pieces(
    sidecar: &Path,
    formats: &[CorpusFormat],
    gzip: bool,
    export: &unpara_writers::Export,
    zh: &Document,
    en: &Document,
    alignment: &unpara_model::Alignment,
) -> Result<()> {
    let piece = |ending: &str| sidecar.with_extension(ending);
    for f in formats {
        match f {
            CorpusFormat::Jsonl => {}
            CorpusFormat::Tsv => write_output(
                Some(&piece("tsv")),
                &unpara_writers::alignment_tsv(zh, en, alignment, export)?,
            )?,
            CorpusFormat::Tmx => write_output(
                Some(&piece("tmx-units")),
                &unpara_writers::tmx_units(zh, en, alignment, export)?,
            )?,
            CorpusFormat::Moses if (zh.language, en.language) != (Lang::Zh, Lang::En) => {}
            CorpusFormat::Moses => {
                let (z, e) = unpara_writers::alignment_moses(zh, en, alignment, export)?;
                write_output(Some(&piece("moses.zh")), &z)?;
                write_output(Some(&piece("moses.en")), &e)?;
            }
            CorpusFormat::Xces => write_xces_piece(sidecar, zh, en, alignment, gzip)?,
        }
    }
    Ok(())
}

/// A group's `<linkGrp>` for `corpus.xces`, and its two sentence documents in
/// `OUTPUT/sentences/` (`.xml.gz` when `gzip`; UN Parallel Corpus inputs keep their
/// sentence ids).
fn write_xces_piece(
    sidecar: &Path,
    zh: &Document,
    en: &Document,
    alignment: &unpara_model::Alignment,
    gzip: bool,
) -> Result<()> {
    let ending = crate::align::xml_ending(gzip);
    let stem = sidecar
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let out = sidecar
        .parent()
        .and_then(Path::parent)
        .unwrap_or(Path::new("."));
    let docs = crate::align::sentence_docs(zh, en, |doc| {
        format!("sentences/{stem}.{}.{ending}", doc.language.code())
    })?;
    for (file, doc, ids) in [
        (&docs.from_doc, zh, &docs.ids_a),
        (&docs.to_doc, en, &docs.ids_b),
    ] {
        write_output_gz(
            &out.join(file),
            &unpara_writers::sentence_document(doc, ids)?,
            gzip,
        )?;
    }
    write_output(
        Some(&sidecar.with_extension("xces-group")),
        &unpara_writers::xces_link_group(zh, en, alignment, &docs)?,
    )
}

/// The review pages of the aligned groups (those whose output is an alignment), in
/// `dir/review/`, and their index.
fn write_reviews(dir: &Path, groups: &[GroupReport]) -> Result<()> {
    let mut entries = Vec::new();
    for g in groups
        .iter()
        .filter(|g| g.status == "aligned" || g.status == "skipped")
    {
        let stem = discover::file_stem_of(&g.group);
        let Ok(bytes) = std::fs::read(dir.join(format!("{stem}.json"))) else {
            continue;
        };
        let Ok(value) = serde_json::from_slice::<serde_json::Value>(&bytes) else {
            continue;
        };
        if value.get("paragraph_links").is_none() {
            continue;
        }
        let page = format!("{stem}.html");
        write_output(
            Some(&dir.join("review").join(&page)),
            &unpara_writers::review_html(&value).with_context(|| g.group.clone())?,
        )?;
        let (links, one_to_one, flagged, sentence_links) = unpara_writers::review_figures(&value);
        entries.push(unpara_writers::IndexEntry {
            group: g.group.clone(),
            page,
            links,
            one_to_one,
            flagged,
            sentence_links,
        });
    }
    write_output(
        Some(&dir.join("review").join("index.html")),
        &unpara_writers::review_index_html(&entries)?,
    )
}

/// The corpus files (`corpus.jsonl` and those of `formats`): the saved pieces of every
/// aligned group, in group order.
fn write_corpus(dir: &Path, groups: &[GroupReport], formats: &[CorpusFormat]) -> Result<()> {
    let mut all = vec![CorpusFormat::Jsonl];
    all.extend(formats.iter().filter(|f| **f != CorpusFormat::Jsonl));
    for format in all {
        for (ending, file) in format.pieces() {
            // Streamed piece by piece: the corpus files are never whole in memory.
            output::write_output_with(&dir.join(file), |w| {
                match format {
                    CorpusFormat::Tmx => {
                        w.write_all(unpara_writers::tmx_head("*all*")?.as_bytes())?
                    }
                    CorpusFormat::Xces => w.write_all(unpara_writers::XCES_HEAD.as_bytes())?,
                    _ => {}
                }
                for g in groups
                    .iter()
                    .filter(|g| g.status == "aligned" || g.status == "skipped")
                {
                    let side = dir
                        .join(".sentences")
                        .join(format!("{}.{ending}", discover::file_stem_of(&g.group)));
                    if let Ok(mut piece) = std::fs::File::open(side) {
                        std::io::copy(&mut piece, w)?;
                    }
                }
                match format {
                    CorpusFormat::Tmx => w.write_all(unpara_writers::TMX_TAIL.as_bytes())?,
                    CorpusFormat::Xces => w.write_all(unpara_writers::XCES_TAIL.as_bytes())?,
                    _ => {}
                }
                Ok(())
            })?;
        }
    }
    Ok(())
}
