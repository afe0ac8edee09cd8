//! What a batch remembers between runs (`.unpara-state.json`) and tells about one run
//! (`run-report.json`).

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

/// One input file as the last run saw it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub(crate) struct KnownFile {
    pub sha256: String,
    /// Its group: the document symbol, or the file name when there is none.
    pub group: String,
}

/// Between runs: the inputs already read, and the groups written with the combined hash
/// of their inputs (a group whose inputs did not change is not redone).
#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct State {
    pub files: BTreeMap<String, KnownFile>,
    pub groups: BTreeMap<String, String>,
}

/// The state file in an output folder.
pub(crate) const STATE_FILE: &str = ".unpara-state.json";

impl State {
    /// The state saved in `dir`, or an empty one (also when it cannot be read: the run
    /// then redoes everything, which is safe).
    pub(crate) fn load(dir: &Path) -> State {
        std::fs::read(dir.join(STATE_FILE))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    pub(crate) fn save(&self, dir: &Path) -> Result<()> {
        let text = serde_json::to_string_pretty(self).context("state")?;
        super::output::write_output(Some(&dir.join(STATE_FILE)), &text)
    }
}

/// How an input file fared.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FileReport {
    pub path: String,
    /// `ok`, `warning` (read, with warnings), `error` (not read), `unchanged` (not
    /// read again: its group was done before from the same bytes), `duplicate` (another
    /// version of a document the group converted from other files) or `skipped` (not a
    /// document: an XCES link file).
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    pub sha256: String,
    pub group: Option<String>,
    pub language: Option<String>,
    pub pages: u32,
    /// Time to read, structure and segment it, milliseconds.
    pub read_ms: u64,
}

/// How a document group fared.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct GroupReport {
    pub group: String,
    pub files: Vec<String>,
    /// `aligned`, `extracted`, `skipped` (inputs unchanged), or `error`.
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    pub sentence_links: usize,
    pub ms: u64,
}

/// `run-report.json`.
#[derive(Debug, Serialize)]
pub(crate) struct RunReport {
    pub inputs: Vec<String>,
    pub output: String,
    pub jobs: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shard: Option<String>,
    pub files: Vec<FileReport>,
    pub groups: Vec<GroupReport>,
    pub totals: Totals,
}

/// Counts and timings of a run.
#[derive(Debug, Default, Serialize)]
pub(crate) struct Totals {
    pub files: usize,
    /// Input files that could not be read or converted.
    pub errors: usize,
    /// Groups whose outputs could not be written (a full disk, a name the file system
    /// refuses): failures too.
    pub group_errors: usize,
    pub pages: u64,
    pub groups: usize,
    pub aligned: usize,
    pub extracted: usize,
    pub skipped: usize,
    pub seconds: f64,
    pub documents_per_second: f64,
    pub pages_per_second: f64,
}
