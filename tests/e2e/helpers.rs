//! Shared helpers: run the binary, load JSON, find blocks.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `unpara` with arguments from the repository root.
pub fn unpara(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unpara"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("unpara runs")
}

/// Runs `unpara` and returns its stdout, failing with stderr when it fails.
pub fn unpara_ok(args: &[&str]) -> Vec<u8> {
    let out = unpara(args);
    assert!(
        out.status.success(),
        "unpara {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Runs `unpara` and parses its stdout as JSON, failing with stderr when it fails.
pub fn unpara_json(args: &[&str]) -> Value {
    serde_json::from_slice(&unpara_ok(args)).expect("stdout is JSON")
}

/// `../shared/corpus/<rel>` when the corpus is present; prints why a test skips otherwise.
pub fn corpus(rel: &str) -> Option<String> {
    let p = root().join("../shared/corpus").join(rel);
    if p.exists() {
        Some(p.to_string_lossy().into_owned())
    } else {
        skipped(&format!(
            "{} is absent (the shared corpus is not next to this clone)",
            p.display()
        ));
        None
    }
}

/// Says that a test skips, and why, on the test run's own standard error: written past
/// the test harness's capture, so that it shows in `cargo test` output.
pub fn skipped(why: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "skipped: {why}");
}

/// Blocks of a document JSON.
pub fn blocks(doc: &Value) -> &Vec<Value> {
    doc["blocks"].as_array().expect("blocks array")
}

/// The numbered paragraph with `number`.
pub fn paragraph<'a>(doc: &'a Value, number: &str) -> &'a Value {
    blocks(doc)
        .iter()
        .find(|b| b["kind"] == "paragraph" && b["number"] == number)
        .unwrap_or_else(|| panic!("paragraph {number} missing"))
}

/// Numbers of the numbered paragraphs, in order.
pub fn paragraph_numbers(doc: &Value) -> Vec<String> {
    blocks(doc)
        .iter()
        .filter(|b| b["kind"] == "paragraph")
        .map(|b| b["number"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// Text with all whitespace removed (Chinese comparisons ignore whitespace).
pub fn no_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Text with runs of whitespace collapsed (English comparisons).
pub fn collapsed(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
