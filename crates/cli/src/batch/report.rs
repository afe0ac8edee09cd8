//! What a batch remembers between runs (`.unpara-state.json`); what it tells about a
//! run (`run-report.json`) is [`unpara_batch::RunReport`].

pub(crate) use unpara_batch::{FileReport, GroupReport, RunReport};

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
