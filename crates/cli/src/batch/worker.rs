//! Reading one input in a worker process of the same binary (`unpara read-worker`), so
//! that a file that aborts the reader (a failed allocation), hangs it or eats the
//! machine's memory makes that file an error and never takes the batch down.
//!
//! The worker limits its own address space (`setrlimit(RLIMIT_AS)`, POSIX) before
//! reading, writes the document as JSON on its standard output (an unnamed temporary
//! file of the batch's) and exits; the batch waits for it at most the wall-time limit,
//! then kills it.

use std::io::{Read, Seek};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use anyhow::{Context, Result};
use unpara_model::{Document, Lang};
use wait_timeout::ChildExt;

use crate::pipeline::{parse_lang, read_document, LimitError, Reading};

/// The environment variable a worker takes the PDF password from (not its command
/// line, which other users of the machine can read).
const PASSWORD_VAR: &str = "UNPARA_WORKER_PASSWORD";

/// The most of a worker's standard error kept for the run report, in bytes.
const MAX_STDERR: u64 = 64 * 1024;

/// How a batch bounds the reading of one input.
#[derive(Debug, Clone)]
pub(crate) struct Limits {
    /// Wall time one input may take to be read, structured and segmented.
    pub(crate) timeout: Duration,
    /// Address space of the worker, in bytes.
    pub(crate) max_memory: u64,
    /// The folder of documents already read (`OUTPUT/.documents/<sha256>.json`).
    pub(crate) cache: PathBuf,
    /// Whether documents in `cache` are used (not with `--force`).
    pub(crate) reuse: bool,
    /// Threads a worker interprets pages with (`RAYON_NUM_THREADS` of the worker):
    /// one when the batch runs several workers at once, so that `--jobs` workers use
    /// `--jobs` cores and not `--jobs` times all of them (measured by
    /// `bench/ratios.py`); the worker's default (all cores) with `--jobs 1`.
    pub(crate) worker_threads: Option<usize>,
}

/// Flags of the hidden `unpara read-worker` (run by `batch`, not by users).
#[derive(clap::Args)]
pub(crate) struct Args {
    /// The input to read.
    file: PathBuf,
    /// Language of the input; detected by default.
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Lang>,
    /// Largest size a Word document's parts may inflate to, in bytes.
    #[arg(long)]
    max_inflate: Option<u64>,
    /// Address space the worker allows itself, in bytes.
    #[arg(long)]
    max_memory: Option<u64>,
}

/// The worker: limits itself, reads `args.file`, prints the document as JSON.
pub(crate) fn run(args: &Args) -> Result<()> {
    if let Some(bytes) = args.max_memory {
        limit_address_space(bytes)?;
    }
    let password = std::env::var(PASSWORD_VAR).ok();
    let how = Reading {
        lang: args.lang,
        password: password.as_deref(),
        max_inflate: args.max_inflate,
        sequential: false,
    };
    let doc = read_document(&args.file, &how)?;
    let stdout = std::io::stdout().lock();
    let mut w = std::io::BufWriter::new(stdout);
    serde_json::to_writer(&mut w, &doc).context("document JSON")?;
    std::io::Write::flush(&mut w).context("standard output")?;
    Ok(())
}

#[cfg(unix)]
fn limit_address_space(bytes: u64) -> Result<()> {
    rlimit::setrlimit(rlimit::Resource::AS, bytes, bytes)
        .context("cannot limit the worker's address space (setrlimit)")
}

/// Elsewhere the wall-time limit alone bounds a worker.
#[cfg(not(unix))]
fn limit_address_space(_bytes: u64) -> Result<()> {
    Ok(())
}

/// The document of `path`: from `limits.cache` when its bytes (`sha256`) were read
/// before, else read by [`read_isolated`] and kept there. A cached document is named by
/// `path` (the same bytes may have been read under another name).
pub(crate) fn read_cached(
    path: &Path,
    sha256: &str,
    how: &Reading,
    limits: &Limits,
) -> Result<Document> {
    let hex_name = !sha256.is_empty() && sha256.bytes().all(|b| b.is_ascii_hexdigit());
    let cached = hex_name.then(|| limits.cache.join(format!("{sha256}.json")));
    if let Some(file) = cached.as_ref().filter(|_| limits.reuse) {
        let doc = std::fs::read(file)
            .ok()
            .and_then(|b| serde_json::from_slice::<Document>(&b).ok());
        if let Some(mut doc) = doc {
            doc.source.path = path.display().to_string();
            return Ok(doc);
        }
    }
    let (doc, json) = read_isolated(path, how, limits)?;
    if let Some(file) = cached {
        // Only a cache: a document that cannot be kept is read again next time. The
        // worker's own JSON is kept as it came (not written again from the document).
        let _ = super::output::write_output_with(&file, |w| {
            w.write_all(&json).context("document JSON")
        });
    }
    Ok(doc)
}

/// Reads `path` in a worker process within `limits`: the document and the JSON the
/// worker wrote of it. Errors name the file and why: the reader's own message, or that
/// the worker timed out, ran out of its memory, or was killed ([`LimitError`] for the
/// first two).
pub(crate) fn read_isolated(
    path: &Path,
    how: &Reading,
    limits: &Limits,
) -> Result<(Document, Vec<u8>)> {
    let name = path.display().to_string();
    let exe = std::env::current_exe().context("cannot find the unpara executable")?;
    // The worker writes into two unnamed temporary files (in TMPDIR), not pipes, and
    // they are read once it has exited: pipes needed a thread each to drain them while
    // it ran, and a hand-over between the worker and that thread at every 64 KiB, each
    // a wake-up on the other core (batch of 150 PDFs, `--jobs 2`: 1.327 → 1.228 s,
    // speed-up over `--jobs 1` 1.86 → 1.97; 15 alternating rounds as bench/ratios.py
    // runs them).
    let temporary =
        || tempfile::tempfile().with_context(|| format!("{name}: cannot make a temporary file"));
    let (out_file, err_file) = (temporary()?, temporary()?);
    let child_end = |f: &std::fs::File| {
        f.try_clone()
            .map(Stdio::from)
            .with_context(|| format!("{name}: cannot hand a temporary file to the worker"))
    };
    let mut cmd = Command::new(exe);
    cmd.arg("read-worker")
        .arg(path)
        .arg("--max-memory")
        .arg(limits.max_memory.to_string())
        .stdin(Stdio::null())
        .stdout(child_end(&out_file)?)
        .stderr(child_end(&err_file)?);
    if let Some(lang) = how.lang {
        cmd.args(["--lang", lang.code()]);
    }
    if let Some(m) = how.max_inflate {
        cmd.arg("--max-inflate").arg(m.to_string());
    }
    if let Some(n) = limits.worker_threads {
        cmd.env("RAYON_NUM_THREADS", n.to_string());
    }
    match how.password {
        Some(p) => cmd.env(PASSWORD_VAR, p),
        None => cmd.env_remove(PASSWORD_VAR),
    };
    let mut child = cmd
        .spawn()
        .with_context(|| format!("{name}: cannot start a worker process"))?;
    let status = child
        .wait_timeout(limits.timeout)
        .with_context(|| format!("{name}: cannot wait for its worker"))?;
    let Some(status) = status else {
        let _ = child.kill();
        let _ = child.wait();
        return Err(LimitError(format!(
            "{name}: reading took longer than the limit of {} s (--timeout); worker stopped",
            limits.timeout.as_secs_f64()
        ))
        .into());
    };
    let err_text =
        String::from_utf8_lossy(&read_back(err_file, MAX_STDERR).unwrap_or_default()).into_owned();
    // As large as the document the worker could hold within its address space.
    let out = read_back(out_file, u64::MAX)
        .with_context(|| format!("{name}: cannot read its worker's output"))?;
    if status.success() {
        let doc = serde_json::from_slice(&out)
            .with_context(|| format!("{name}: the worker's document is not readable JSON"))?;
        return Ok((doc, out));
    }
    let last = err_text
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    // Rust's allocator prints `memory allocation of N bytes failed` before it aborts.
    let allocation = err_text
        .lines()
        .find(|l| l.contains("memory allocation of"))
        .map(str::trim);
    if allocation.is_some() || signal(&status) == Some(6) {
        let last = allocation.unwrap_or(last);
        return Err(LimitError(format!(
            "{name}: reading needed more than the limit of {} MiB (--max-memory){}",
            limits.max_memory / (1024 * 1024),
            if last.is_empty() {
                String::new()
            } else {
                format!("; the worker said: {last}")
            }
        ))
        .into());
    }
    if let Some(sig) = signal(&status) {
        anyhow::bail!("{name}: the worker reading it was killed by signal {sig}");
    }
    // The worker's own error line, which names the file and the reason.
    match last.strip_prefix("unpara: ").unwrap_or(last) {
        "" => anyhow::bail!("{name}: the worker reading it failed ({status})"),
        message => anyhow::bail!("{message}"),
    }
}

/// The first `max` bytes of what a worker wrote into `file`, from its start.
fn read_back(mut file: std::fs::File, max: u64) -> std::io::Result<Vec<u8>> {
    file.seek(std::io::SeekFrom::Start(0))?;
    let mut buf = Vec::new();
    file.take(max).read_to_end(&mut buf)?;
    Ok(buf)
}

#[cfg(unix)]
fn signal(status: &std::process::ExitStatus) -> Option<i32> {
    use std::os::unix::process::ExitStatusExt;
    status.signal()
}

#[cfg(not(unix))]
fn signal(_status: &std::process::ExitStatus) -> Option<i32> {
    None
}
