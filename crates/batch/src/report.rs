//! What a batch tells about one run (`run-report.json`): every input file with its
//! status and timing, every group, the totals.

use serde::{Deserialize, Serialize};
use unpara_model::Document;

/// How an input file fared.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FileReport {
    /// Its path (or object-store key), as found.
    pub path: String,
    /// `ok`, `warning` (read, with warnings), `error` (not read), `unchanged` (not
    /// read again: its group was done before from the same bytes), `duplicate` (the
    /// same bytes as a version the group converted) or `skipped` (not a document: an
    /// XCES link file).
    pub status: String,
    /// The error, or the warnings joined by `; `, or what became of it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// SHA-256 of its bytes, hex.
    pub sha256: String,
    /// Its group (see [`crate::group_name`]); none when it could not be read.
    pub group: Option<String>,
    /// Its language code (`zh`, `en` …); none when it could not be read.
    pub language: Option<String>,
    /// Its pages (PDF pages, or the pages a Word document says it has).
    pub pages: u32,
    /// Time to read, structure and segment it, milliseconds.
    pub read_ms: u64,
}

impl FileReport {
    /// The report of a file read into `doc` (status `warning` when the document has
    /// warnings, which are the message).
    pub fn read(path: &str, sha256: &str, group: &str, doc: &Document, read_ms: u64) -> Self {
        let warned = !doc.diagnostics.warnings.is_empty();
        FileReport {
            path: path.to_string(),
            status: if warned { "warning" } else { "ok" }.into(),
            message: warned.then(|| doc.diagnostics.warnings.join("; ")),
            sha256: sha256.to_string(),
            group: Some(group.to_string()),
            language: Some(doc.language.code().into()),
            pages: doc.source.pages,
            read_ms,
        }
    }

    /// The report of a file that could not be read: status `error`, `message` the
    /// file and the reason.
    pub fn error(path: &str, sha256: &str, message: String, read_ms: u64) -> Self {
        FileReport {
            path: path.to_string(),
            status: "error".into(),
            message: Some(message),
            sha256: sha256.to_string(),
            group: None,
            language: None,
            pages: 0,
            read_ms,
        }
    }
}

/// How a document group fared.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GroupReport {
    /// The group's name (its document symbol, see [`crate::group_name`]).
    pub group: String,
    /// Its members' paths.
    pub files: Vec<String>,
    /// `aligned`, `extracted`, `skipped` (inputs unchanged), or `error`.
    pub status: String,
    /// Where its output was written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
    /// Why it failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Its sentence links (0 when extracted).
    pub sentence_links: usize,
    /// Time to align and write it, milliseconds.
    pub ms: u64,
}

/// `run-report.json`.
#[derive(Debug, Serialize, Deserialize)]
pub struct RunReport {
    /// The inputs as given (folders, files, an object-store prefix).
    pub inputs: Vec<String>,
    /// The output folder.
    pub output: String,
    /// Workers (threads, or the engine's workers).
    pub jobs: usize,
    /// `K/N` when the run was one shard.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shard: Option<String>,
    /// Every input file, sorted by path.
    pub files: Vec<FileReport>,
    /// Every group, sorted by name.
    pub groups: Vec<GroupReport>,
    /// Counts and timings.
    pub totals: Totals,
}

/// Counts and timings of a run.
#[derive(Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Totals {
    /// Input files.
    pub files: usize,
    /// Input files that could not be read or converted.
    pub errors: usize,
    /// Groups whose outputs could not be written (a full disk, a name the file system
    /// refuses): failures too.
    pub group_errors: usize,
    /// Pages of the files read.
    pub pages: u64,
    /// Groups.
    pub groups: usize,
    /// Groups aligned (two to six languages).
    pub aligned: usize,
    /// Groups of one language, extracted.
    pub extracted: usize,
    /// Groups not redone (inputs unchanged since the last run).
    pub skipped: usize,
    /// Wall time of the run, seconds.
    pub seconds: f64,
    /// Files read per second of wall time.
    pub documents_per_second: f64,
    /// Pages read per second of wall time.
    pub pages_per_second: f64,
}

/// The totals of a run that took `seconds`. Duplicates count as read (they were read,
/// then found to be the same bytes as another member).
pub fn totals(files: &[FileReport], groups: &[GroupReport], seconds: f64) -> Totals {
    let pages: u64 = files.iter().map(|f| u64::from(f.pages)).sum();
    let read = files
        .iter()
        .filter(|f| matches!(f.status.as_str(), "ok" | "warning" | "duplicate"))
        .count();
    let per_second = |n: f64| if seconds > 0.0 { n / seconds } else { 0.0 };
    Totals {
        files: files.len(),
        errors: files.iter().filter(|f| f.status == "error").count(),
        group_errors: groups.iter().filter(|g| g.status == "error").count(),
        pages,
        groups: groups.len(),
        aligned: groups.iter().filter(|g| g.status == "aligned").count(),
        extracted: groups.iter().filter(|g| g.status == "extracted").count(),
        skipped: groups.iter().filter(|g| g.status == "skipped").count(),
        seconds,
        documents_per_second: per_second(read as f64),
        pages_per_second: per_second(pages as f64),
    }
}
