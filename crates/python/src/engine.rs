//! The engine pipeline's steps, the same as `unpara batch`'s: one input from its
//! bytes, one group's conversion, the run report. The engine (Dask, see
//! `python/unpara/dask_pipeline.py`) only moves data between them.

use std::path::{Path, PathBuf};
use std::time::Instant;

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};
use unpara_batch::{Conversion, FileReport, GroupReport, Other, Reading, Version};
use unpara_model::Document;

use crate::errors::value_error;
use crate::{loads, parse_lang};

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(read_input, m)?)?;
    m.add_function(wrap_pyfunction!(convert_group, m)?)?;
    m.add_function(wrap_pyfunction!(run_report, m)?)?;
    m.add_function(wrap_pyfunction!(inputs, m)?)?;
    m.add_function(wrap_pyfunction!(file_stem_of, m)?)?;
    m.add_function(wrap_pyfunction!(shard_of, m)?)?;
    m.add("LINK_HEAD_BYTES", unpara_batch::discover::LINK_HEAD_BYTES)?;
    Ok(())
}

/// `read_input(name, data, *, sha256, lang=None, password=None, max_inflate=None) ->
/// dict`: one input of a batch, from its bytes: `{"file": <its run-report entry>,
/// "group": <its group, or None>, "document": <the document, an opaque JSON string
/// for convert_group, or None>}`. A file that cannot be read is a report with status
/// `error` (never an exception); an XCES link file is `skipped`.
///
/// `sequential=True` reads a PDF's pages on the calling thread only: for a process
/// forked from a multi-threaded one (the pipeline's isolated reads).
#[pyfunction]
#[pyo3(signature = (name, data, *, sha256, lang=None, password=None, max_inflate=None, sequential=false))]
#[allow(clippy::too_many_arguments)]
fn read_input(
    py: Python<'_>,
    name: String,
    data: &Bound<'_, PyBytes>,
    sha256: String,
    lang: Option<&str>,
    password: Option<String>,
    max_inflate: Option<&Bound<'_, PyAny>>,
    sequential: bool,
) -> PyResult<Py<PyAny>> {
    let lang = parse_lang(lang)?;
    let max_inflate = crate::byte_limit(max_inflate, "max_inflate")?;
    let bytes = data.as_bytes().to_vec();
    let (report, group, document) = py.detach(|| {
        let how = Reading {
            lang,
            password: password.as_deref(),
            max_inflate,
            sequential,
        };
        read_one(&name, &bytes, &sha256, &how)
    });
    let report = serde_json::to_string(&report).map_err(|e| value_error(e.to_string()))?;
    let out = PyDict::new(py);
    out.set_item("file", loads(py, &report)?)?;
    out.set_item("group", group)?;
    out.set_item("document", document)?;
    Ok(out.into_any().unbind())
}

/// One input read: its report, group and document (serialized).
fn read_one(
    name: &str,
    bytes: &[u8],
    sha256: &str,
    how: &Reading,
) -> (FileReport, Option<String>, Option<String>) {
    if unpara_batch::is_link_head(bytes) {
        let mut report = FileReport::error(
            name,
            sha256,
            "an XCES alignment, not a document (an input of `align --links`)".into(),
            0,
        );
        report.status = "skipped".into();
        return (report, None, None);
    }
    let t = Instant::now();
    let result = unpara_batch::read_document(name, bytes, how);
    let ms = u64::try_from(t.elapsed().as_millis()).unwrap_or(u64::MAX);
    match result {
        Ok(doc) => {
            let group = unpara_batch::group_name(&doc, Path::new(name));
            let report = FileReport::read(name, sha256, &group, &doc, ms);
            match serde_json::to_string(&doc) {
                Ok(json) => (report, Some(group), Some(json)),
                Err(e) => (
                    FileReport::error(name, sha256, format!("{name}: {e}"), ms),
                    None,
                    None,
                ),
            }
        }
        Err(e) => (FileReport::error(name, sha256, e.message(), ms), None, None),
    }
}

/// `convert_group(group, members, output) -> dict`: one group converted as `unpara
/// batch` converts it. `members` are `(path, sha256, document)` triples (the
/// `document` of `read_input`, or None); `output` is the output folder or prefix the
/// caller writes to (it only names files in messages). Returns `{"status": "aligned"
/// | "extracted" | "error", "message", "sentence_links", "file": <the group's output
/// file name>, "json": <its JSON>, "jsonl": <its corpus.jsonl lines>, "used":
/// [indices], "others": [{"index", "status": "duplicate" | "separate", "message",
/// "file", "json"}]}`; a group that cannot be converted has status `error`.
#[pyfunction]
fn convert_group(
    py: Python<'_>,
    group: String,
    members: Vec<(String, String, Option<String>)>,
    output: String,
) -> PyResult<Py<PyAny>> {
    let value = py.detach(|| convert_one(&group, &members, &output));
    loads(py, &value.to_string())
}

fn convert_one(
    group: &str,
    members: &[(String, String, Option<String>)],
    output: &str,
) -> serde_json::Value {
    let stem = unpara_batch::file_stem_of(group);
    let file = format!("{stem}.json");
    let error = |message: String| {
        serde_json::json!({
            "status": "error", "message": message, "sentence_links": 0, "file": null,
            "json": null, "jsonl": "", "used": [], "others": [],
        })
    };
    let mut docs: Vec<Option<Document>> = Vec::with_capacity(members.len());
    for (path, _, doc) in members {
        match doc.as_deref().map(serde_json::from_str::<Document>) {
            Some(Ok(d)) => docs.push(Some(d)),
            Some(Err(e)) => return error(format!("{path}: the document cannot be read back: {e}")),
            None => docs.push(None),
        }
    }
    let paths: Vec<PathBuf> = members.iter().map(|m| PathBuf::from(&m.0)).collect();
    let versions: Vec<Version> = members
        .iter()
        .zip(&paths)
        .zip(&docs)
        .map(|((m, path), doc)| Version {
            path,
            sha256: &m.1,
            doc: doc.as_ref(),
        })
        .collect();
    let conversion = match unpara_batch::convert(&versions) {
        Ok(c) => c,
        Err(e) => return error(e.to_string()),
    };
    let (json, jsonl) = match (
        conversion.json(&versions),
        conversion.jsonl(group, &versions),
    ) {
        (Ok(j), Ok(l)) => (j, l),
        (Err(e), _) | (_, Err(e)) => return error(e.to_string()),
    };
    let used = conversion.used();
    let used_paths: Vec<String> = used
        .iter()
        .filter_map(|&i| members.get(i))
        .map(|m| m.0.clone())
        .collect();
    let mut others = Vec::new();
    for (i, other) in unpara_batch::others(&versions, &used) {
        match &other {
            Other::Duplicate { .. } => others.push(serde_json::json!({
                "index": i, "status": "duplicate", "file": null, "json": null,
                "message": other.message(group, &used_paths, ""),
            })),
            Other::Separate { name } => {
                let Some(doc) = versions.get(i).and_then(|v| v.doc) else {
                    continue;
                };
                let own = format!("{stem}.{name}.json");
                let text = match unpara_writers::document_json(doc) {
                    Ok(t) => t,
                    Err(e) => return error(e.to_string()),
                };
                others.push(serde_json::json!({
                    "index": i, "status": "separate", "file": own, "json": text,
                    "message": other.message(group, &used_paths, &join_output(output, &own)),
                }));
            }
        }
    }
    let status = conversion.status();
    let links = conversion.sentence_links();
    let kind = match conversion {
        Conversion::Pair { .. } => "pair",
        Conversion::Set { .. } => "set",
        Conversion::Single { .. } => "single",
    };
    serde_json::json!({
        "status": status, "message": null, "sentence_links": links, "kind": kind,
        "file": file, "json": json, "jsonl": jsonl, "used": used, "others": others,
    })
}

/// `output/file`, with one `/` between.
fn join_output(output: &str, file: &str) -> String {
    format!("{}/{file}", output.trim_end_matches('/'))
}

/// `run_report(inputs, output, jobs, files, groups, seconds) -> str`: the run report
/// (`run-report.json`, the shape `unpara batch` writes) of the file and group reports
/// given as JSON arrays (`files`, `groups`), with the totals; files sorted by path,
/// groups by name.
///
/// Raises `ValueError` when a report does not have the run report's fields.
#[pyfunction]
fn run_report(
    inputs: Vec<String>,
    output: String,
    jobs: usize,
    files: &str,
    groups: &str,
    seconds: f64,
) -> PyResult<String> {
    let mut files: Vec<FileReport> =
        serde_json::from_str(files).map_err(|e| value_error(format!("files: {e}")))?;
    let mut groups: Vec<GroupReport> =
        serde_json::from_str(groups).map_err(|e| value_error(format!("groups: {e}")))?;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    groups.sort_by(|a, b| a.group.cmp(&b.group));
    let totals = unpara_batch::totals(&files, &groups, seconds);
    let report = unpara_batch::RunReport {
        inputs,
        output,
        jobs,
        shard: None,
        files,
        groups,
        totals,
    };
    serde_json::to_string_pretty(&report).map_err(|e| value_error(e.to_string()))
}

/// `inputs(paths) -> (files, warnings)`: every PDF, DOCX and XML file under local
/// folders (or the files themselves), as `unpara batch` finds them.
///
/// Raises `unpara.Error` when an input does not exist or cannot be listed.
#[pyfunction]
fn inputs(py: Python<'_>, paths: Vec<PathBuf>) -> PyResult<(Vec<String>, Vec<String>)> {
    let found = py.detach(|| unpara_batch::inputs(&paths));
    match found {
        Ok(f) => Ok((
            f.paths.iter().map(|p| p.display().to_string()).collect(),
            f.warnings,
        )),
        Err(e) => {
            let file = match &e {
                unpara_batch::DiscoverError::NotFound(p)
                | unpara_batch::DiscoverError::List { folder: p, .. } => p.display().to_string(),
            };
            let message = match std::error::Error::source(&e) {
                Some(s) => format!("{e}: {s}"),
                None => e.to_string(),
            };
            Err(crate::errors::make(
                py,
                "Error",
                &message,
                Some(&file),
                &message,
            ))
        }
    }
}

/// `file_stem_of(group) -> str`: the file name of a group's outputs (`A/RES/73/3` →
/// `A_RES_73_3`; distinct groups always get distinct names).
#[pyfunction]
fn file_stem_of(group: &str) -> String {
    unpara_batch::file_stem_of(group)
}

/// `shard_of(group, n) -> int`: the shard of a group among `n`, as `--shard K/N`.
#[pyfunction]
fn shard_of(group: &str, n: u64) -> u64 {
    unpara_batch::shard_of(group, n)
}
