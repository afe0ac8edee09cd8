//! Robustness on damaged input (issue 3): no prefix of any corpus file cut at any byte
//! makes the program panic, hang (run longer than 30 s), or use more than 1 GiB.
//!
//! Every PDF of `fixtures/` and of the corpus (`un-en/`, `wild-pdf/`) goes through
//! `unpara text`, whole and cut into prefixes: 20 cuts spread over the file, plus cuts
//! just before the last `xref` table, `startxref` and `%%EOF` and 1 and 30 bytes before
//! the end, where a truncated download or copy usually stops. Each run is a child process
//! under `ulimit -v` of 1 GiB and a 30 s wall-clock limit; it must end by itself with exit
//! code 0, 1 or 2 (never 101, a Rust panic, nor a signal such as the abort of a failed
//! allocation), and never print "panicked". All failures are collected and reported at
//! once, one line per file and cut.

use std::fs;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::helpers::{corpus, root};

/// Wall-clock limit of one run: a hang detector, not a speed test. A debug build reads
/// the slowest cut (A/80/590 without its trailer, the cross-reference table rebuilt by
/// scanning) in 2.3 s alone, and in more than 10 s while the other e2e tests load both
/// cores of the development machine.
const TIME_LIMIT: Duration = Duration::from_secs(30);

/// Address-space limit of one run, in KiB for `ulimit -v` (1 GiB).
const MEMORY_LIMIT_KIB: u64 = 1024 * 1024;

/// Prefixes spread evenly over each file: cut at `len * k / (SPREAD_CUTS + 1)`.
const SPREAD_CUTS: usize = 20;

/// Worker threads (the development machine has 2 cores).
const THREADS: usize = 2;

/// One run that broke the contract.
struct Failure {
    file: PathBuf,
    /// Prefix length in bytes, `None` for the whole file.
    cut: Option<usize>,
    len: usize,
    reason: String,
}

#[test]
fn issue_3_no_prefix_panics_hangs_or_exceeds_1_gib() {
    let mut files = pdfs_under(&root().join("fixtures"));
    for dir in ["un-en", "wild-pdf"] {
        if let Some(d) = corpus(dir) {
            files.extend(pdfs_under(Path::new(&d)));
        }
    }
    assert!(!files.is_empty(), "no PDF in fixtures/");
    let scratch = std::env::temp_dir().join(format!("unpara-robustness-{}", std::process::id()));
    fs::create_dir_all(&scratch).expect("temp dir is writable");

    let started = Instant::now();
    let next = AtomicUsize::new(0);
    let runs = AtomicUsize::new(0);
    let mut failures: Vec<Failure> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..THREADS)
            .map(|_| {
                s.spawn(|| {
                    let mut failures = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(file) = files.get(i) else { break };
                        failures.extend(check_file(file, &scratch.join(i.to_string()), &runs));
                    }
                    failures
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("worker thread ends"))
            .collect()
    });
    let _ = fs::remove_dir_all(&scratch);
    eprintln!(
        "robustness: {} files, {} runs in {:.1} s",
        files.len(),
        runs.load(Ordering::Relaxed),
        started.elapsed().as_secs_f64()
    );

    failures.sort_by(|a, b| (&a.file, a.cut).cmp(&(&b.file, b.cut)));
    let report: Vec<String> = failures
        .iter()
        .map(|f| {
            let cut = f
                .cut
                .map_or("whole file".to_string(), |c| format!("cut {c}"));
            let file = f.file.strip_prefix(root()).unwrap_or(&f.file);
            format!(
                "{} ({cut} of {} bytes): {}",
                file.display(),
                f.len,
                f.reason
            )
        })
        .collect();
    assert!(
        report.is_empty(),
        "{} runs failed:\n{}",
        report.len(),
        report.join("\n")
    );
}

/// PDF files under `dir`, recursively, sorted.
fn pdfs_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            out.extend(pdfs_under(&path));
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
        {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// Prefix lengths to try on a file of `bytes`: spread cuts, then cuts near its end.
fn cuts(bytes: &[u8]) -> Vec<usize> {
    let len = bytes.len();
    let mut cuts: Vec<usize> = (1..=SPREAD_CUTS)
        .map(|k| len * k / (SPREAD_CUTS + 1))
        .collect();
    cuts.extend(
        [
            rfind(bytes, b"\nxref").map(|i| i + 1),
            rfind(bytes, b"startxref"),
            rfind(bytes, b"%%EOF"),
        ]
        .into_iter()
        .flatten(),
    );
    cuts.extend([len.saturating_sub(30), len.saturating_sub(1)]);
    cuts.retain(|&c| c > 0 && c < len);
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

/// Offset of the last `needle` in `haystack`.
fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// Runs the whole `file` and each of its prefixes (written to the folder `work`, removed
/// afterwards); counts runs in `runs`.
fn check_file(file: &Path, work: &Path, runs: &AtomicUsize) -> Vec<Failure> {
    let bytes = fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    fs::create_dir_all(work).expect("work dir is writable");
    let stderr = work.join("stderr");
    let failure = |cut, reason| Failure {
        file: file.to_path_buf(),
        cut,
        len: bytes.len(),
        reason,
    };
    let mut failures = Vec::new();
    runs.fetch_add(1, Ordering::Relaxed);
    if let Some(reason) = run_text(file, &stderr) {
        failures.push(failure(None, reason));
    }
    let prefix = work.join("prefix.pdf");
    for cut in cuts(&bytes) {
        runs.fetch_add(1, Ordering::Relaxed);
        fs::write(&prefix, &bytes[..cut]).expect("prefix is written");
        if let Some(reason) = run_text(&prefix, &stderr) {
            failures.push(failure(Some(cut), reason));
        }
    }
    let _ = fs::remove_dir_all(work);
    failures
}

/// Runs `unpara text PDF` under the memory and time limits, its stderr going to the file
/// `stderr`; the reason it broke the contract, if it did.
fn run_text(pdf: &Path, stderr: &Path) -> Option<String> {
    let err_file = fs::File::create(stderr).expect("stderr file is writable");
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_LIMIT_KIB}; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_unpara"))
        .arg("text")
        .arg(pdf)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(err_file)
        .spawn()
        .expect("sh starts");
    let deadline = Instant::now() + TIME_LIMIT;
    let status = loop {
        match child.try_wait().expect("child status") {
            Some(status) => break status,
            None if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Some(format!("still running after {} s", TIME_LIMIT.as_secs()));
            }
            None => std::thread::sleep(Duration::from_millis(5)),
        }
    };
    let err = fs::read_to_string(stderr).unwrap_or_default();
    let reason = match (status.signal(), status.code()) {
        (Some(signal), _) => format!("killed by signal {signal}"),
        (None, Some(0..=2)) if !err.contains("panicked") => return None,
        (None, Some(code)) => format!("exit code {code}"),
        (None, None) => "no exit code".to_string(),
    };
    Some(format!("{reason}; stderr: {}", stderr_summary(&err)))
}

/// The panic message with its source location (`thread 'main' panicked at FILE:LINE:COL:`
/// and the message on the next line), or else the first two lines of stderr.
fn stderr_summary(err: &str) -> String {
    let lines: Vec<&str> = err.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.contains("panicked"))
        .unwrap_or(0);
    let summary = lines.get(start..).unwrap_or_default();
    match summary {
        [] => "(empty)".to_string(),
        _ => summary
            .iter()
            .take(2)
            .copied()
            .collect::<Vec<_>>()
            .join(" | "),
    }
}
