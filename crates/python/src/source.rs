//! What a function is given to read: a path, or the bytes of a file.

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes};

use crate::PyErrState;

/// An input: a file to read (without the GIL), or bytes already copied out of Python.
pub(crate) enum Input {
    /// A path (`str` or `os.PathLike`), named by itself.
    Path(PathBuf, String),
    /// Bytes, named by the caller's `name` or `<bytes>`.
    Bytes(Vec<u8>, String),
}

impl Input {
    /// From `bytes`, `bytearray`, `memoryview` (copied), or anything `os.fspath`
    /// accepts.
    ///
    /// # Errors
    /// `TypeError` for anything else.
    pub(crate) fn from_py(obj: &Bound<'_, PyAny>, name: Option<String>) -> PyResult<Input> {
        if let Ok(b) = obj.cast::<PyBytes>() {
            return Ok(Input::Bytes(
                b.as_bytes().to_vec(),
                name.unwrap_or_else(|| "<bytes>".into()),
            ));
        }
        if let Ok(b) = obj.cast::<PyByteArray>() {
            return Ok(Input::Bytes(
                b.to_vec(),
                name.unwrap_or_else(|| "<bytes>".into()),
            ));
        }
        let py = obj.py();
        if obj.is_instance(&py.import("builtins")?.getattr("memoryview")?)? {
            let b = obj.call_method0("tobytes")?;
            let b = b.cast::<PyBytes>()?;
            return Ok(Input::Bytes(
                b.as_bytes().to_vec(),
                name.unwrap_or_else(|| "<bytes>".into()),
            ));
        }
        let path: PathBuf = py
            .import("os")?
            .call_method1("fspath", (obj,))
            .map_err(|_| {
                pyo3::exceptions::PyTypeError::new_err(format!(
                    "expected a path (str or os.PathLike) or bytes, got {}",
                    obj.get_type()
                        .name()
                        .map(|n| n.to_string())
                        .unwrap_or_default()
                ))
            })?
            .extract()?;
        let shown = name.unwrap_or_else(|| path.display().to_string());
        Ok(Input::Path(path, shown))
    }

    /// Its name in errors and in the document's `source.path`.
    pub(crate) fn name(&self) -> &str {
        match self {
            Input::Path(_, n) | Input::Bytes(_, n) => n,
        }
    }

    /// Its bytes (the file read now, without the GIL).
    ///
    /// # Errors
    /// The file cannot be read.
    pub(crate) fn bytes(&self) -> Result<std::borrow::Cow<'_, [u8]>, PyErrState> {
        match self {
            Input::Bytes(b, _) => Ok(std::borrow::Cow::Borrowed(b)),
            Input::Path(p, n) => std::fs::read(p)
                .map(std::borrow::Cow::Owned)
                .map_err(|e| PyErrState::Io(n.clone(), e)),
        }
    }
}
