//! `unpara._native`: the Python module's Rust side. It only wires the library
//! crates: reading one input ([`unpara_batch::read_document`]), the writers' schema
//! "1" JSON, and the engine pipeline's steps (one input from its bytes, one group's
//! conversion, the run report) exactly as `unpara batch` does them.
//!
//! Every function releases the GIL while it reads, aligns or writes (`Python::detach`),
//! so threads of one interpreter convert in parallel. Errors are the exceptions of
//! `unpara._errors` (`Error` and its subclasses `EncryptedError`, `LimitError`), with
//! the file and the reason as attributes.

#![forbid(unsafe_code)]

mod engine;
mod errors;
mod source;

use pyo3::prelude::*;
use unpara_batch::Reading;
use unpara_model::{Document, Lang};

use errors::{read_error, value_error, write_error};
use source::Input;

/// `extract(source, lang=None, *, name=None, password=None, max_inflate=None) -> dict`:
/// the document (schema "1", as `unpara extract` writes it) of a PDF, Word or XML
/// file. `source` is a path (`str` or `os.PathLike`) or the file's bytes; `name`
/// names bytes in errors and in `source.path`.
#[pyfunction]
#[pyo3(signature = (source, lang=None, *, name=None, password=None, max_inflate=None))]
fn extract(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    lang: Option<&str>,
    name: Option<String>,
    password: Option<String>,
    max_inflate: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let input = Input::from_py(source, name)?;
    let lang = parse_lang(lang)?;
    let max_inflate = byte_limit(max_inflate, "max_inflate")?;
    let json = py.detach(|| -> Result<String, PyErrState> {
        let doc = read(&input, lang, password.as_deref(), max_inflate)?;
        unpara_writers::document_json(&doc).map_err(PyErrState::write)
    });
    loads(py, &json.map_err(|e| e.into_py(py))?)
}

/// `text(source, *, name=None, password=None, json=False) -> str | dict`: the lines of
/// a PDF as `unpara text` prints them, or with `json=True` the layout (boxes in PDF
/// points, font sizes, spans, warnings) as `unpara text --json`.
#[pyfunction]
#[pyo3(signature = (source, *, name=None, password=None, json=false))]
fn text(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    name: Option<String>,
    password: Option<String>,
    json: bool,
) -> PyResult<Py<PyAny>> {
    let input = Input::from_py(source, name)?;
    let out = py.detach(|| -> Result<String, PyErrState> {
        let bytes = input.bytes()?;
        let layout = unpara_batch::read_layout(input.name(), &bytes, password.as_deref())
            .map_err(PyErrState::Read)?;
        if json {
            unpara_writers::layout_json(&layout).map_err(PyErrState::write)
        } else {
            Ok(unpara_writers::layout_text(&layout))
        }
    });
    let out = out.map_err(|e| e.into_py(py))?;
    if json {
        loads(py, &out)
    } else {
        Ok(out.into_pyobject(py)?.into_any().unbind())
    }
}

/// `align(a, b, *more, lang_a=None, lang_b=None, langs=None, password=None,
/// max_inflate=None) -> dict`: two language versions aligned (the alignment, schema
/// "1", as `unpara align`), or three to six as one set (as `unpara align A B C`).
/// Each source is a path or bytes; `langs` gives every version's language in order
/// (`None` for detection) and overrides `lang_a`/`lang_b`.
#[pyfunction]
#[pyo3(signature = (a, b, *more, lang_a=None, lang_b=None, langs=None, password=None, max_inflate=None))]
#[allow(clippy::too_many_arguments)]
fn align(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
    more: Vec<Bound<'_, PyAny>>,
    lang_a: Option<&str>,
    lang_b: Option<&str>,
    langs: Option<&Bound<'_, PyAny>>,
    password: Option<String>,
    max_inflate: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let max_inflate = byte_limit(max_inflate, "max_inflate")?;
    let langs: Option<Vec<Option<String>>> = match langs {
        None => None,
        Some(l) if l.is_instance_of::<pyo3::types::PyString>() => return Err(value_error(
            "langs is a list of languages, one per version (e.g. [\"zh\", \"en\"]), not a string"
                .into(),
        )),
        Some(l) => Some(l.extract().map_err(|_| {
            value_error(
                "langs is a list of languages (str, or None for detection), one per version".into(),
            )
        })?),
    };
    if more.len() > 4 {
        return Err(value_error(format!(
            "align takes two to six versions, got {}",
            more.len() + 2
        )));
    }
    let mut inputs = vec![Input::from_py(a, None)?, Input::from_py(b, None)?];
    for m in &more {
        inputs.push(Input::from_py(m, None)?);
    }
    let langs: Vec<Option<Lang>> = match langs {
        Some(l) if l.len() != inputs.len() => {
            return Err(value_error(format!(
                "langs names {} languages for {} versions",
                l.len(),
                inputs.len()
            )))
        }
        Some(l) => l
            .iter()
            .map(|x| parse_lang(x.as_deref()))
            .collect::<PyResult<_>>()?,
        None => {
            let mut l = vec![parse_lang(lang_a)?, parse_lang(lang_b)?];
            l.resize(inputs.len(), None);
            l
        }
    };
    let json = py.detach(|| -> Result<String, PyErrState> {
        let docs = inputs
            .iter()
            .zip(&langs)
            .map(|(input, lang)| read(input, *lang, password.as_deref(), max_inflate))
            .collect::<Result<Vec<Document>, _>>()?;
        for (i, d) in docs.iter().enumerate() {
            let earlier = docs.get(..i).unwrap_or_default();
            if let Some(j) = earlier.iter().position(|e| e.language == d.language) {
                let names = |k: usize| inputs.get(k).map_or("", |x| x.name()).to_string();
                let hint = if docs.len() == 2 {
                    "a pair needs two languages (give lang_a/lang_b, or langs)"
                } else {
                    "each version of a set needs its own language (give langs)"
                };
                return Err(PyErrState::Usage(format!(
                    "{}, {}: both documents are in {}: {hint}",
                    names(j),
                    names(i),
                    d.language.code()
                )));
            }
        }
        match docs.as_slice() {
            [x, y] => {
                let alignment = unpara_align::align(x, y);
                unpara_writers::alignment_json(x, y, &alignment).map_err(PyErrState::write)
            }
            _ => {
                let refs: Vec<&Document> = docs.iter().collect();
                let set = unpara_align::align_all(&refs);
                unpara_writers::set_json(&refs, &set).map_err(PyErrState::write)
            }
        }
    });
    loads(py, &json.map_err(|e| e.into_py(py))?)
}

/// Reads one input with the options of the call.
fn read(
    input: &Input,
    lang: Option<Lang>,
    password: Option<&str>,
    max_inflate: Option<u64>,
) -> Result<Document, PyErrState> {
    let bytes = input.bytes()?;
    let how = Reading {
        lang,
        password,
        max_inflate,
        sequential: false,
    };
    unpara_batch::read_document(input.name(), bytes, &how).map_err(PyErrState::Read)
}

/// A language code or name (`zh`, `Chinese`), or `None` for detection.
fn parse_lang(lang: Option<&str>) -> PyResult<Option<Lang>> {
    match lang {
        None => Ok(None),
        Some(l) => Lang::parse(l).map(Some).ok_or_else(|| {
            value_error(format!(
                "unknown language {l:?} (expected ar, zh, en, fr, ru or es)"
            ))
        }),
    }
}

/// A size in bytes given from Python: a positive `int` below 2⁶⁴, or `None`.
///
/// # Errors
/// `ValueError` naming `what` for anything else (a bool, a negative or huge number).
pub(crate) fn byte_limit(value: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<u64>> {
    let Some(v) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    let bad = || {
        value_error(format!(
            "{what} is a number of bytes from 1 to 2**64 - 1, got {}",
            v.repr().map(|r| r.to_string()).unwrap_or_default()
        ))
    };
    if v.is_instance_of::<pyo3::types::PyBool>() {
        return Err(bad());
    }
    match v.extract::<u64>() {
        Ok(n) if n > 0 => Ok(Some(n)),
        _ => Err(bad()),
    }
}

/// `json.loads(text)`.
fn loads(py: Python<'_>, text: &str) -> PyResult<Py<PyAny>> {
    Ok(py.import("json")?.call_method1("loads", (text,))?.unbind())
}

/// An error made without the GIL, turned into a Python exception once it is held
/// again.
pub(crate) enum PyErrState {
    /// The input could not be read or converted.
    Read(unpara_batch::ReadError),
    /// A file could not be opened (`name`, the OS's reason).
    Io(String, std::io::Error),
    /// A writer or conversion failed.
    Write(String),
    /// The inputs cannot make what was asked (two versions in one language).
    Usage(String),
}

impl PyErrState {
    fn write(e: impl std::fmt::Display) -> Self {
        PyErrState::Write(e.to_string())
    }

    pub(crate) fn into_py(self, py: Python<'_>) -> PyErr {
        match self {
            PyErrState::Read(e) => read_error(py, &e),
            PyErrState::Io(name, e) => errors::make(
                py,
                "Error",
                &format!("{name}: cannot read: {e}"),
                Some(&name),
                &e.to_string(),
            ),
            PyErrState::Write(reason) => write_error(py, &reason),
            PyErrState::Usage(message) => errors::make(py, "Error", &message, None, &message),
        }
    }
}

/// The module `unpara._native`.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA", "1")?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(text, m)?)?;
    m.add_function(wrap_pyfunction!(align, m)?)?;
    engine::register(m)?;
    Ok(())
}
