//! Exceptions: the classes of `unpara._errors` (Python), made with the message, the
//! file and the reason.

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;

/// `unpara._errors.<class>(message, file, reason)`; a `RuntimeError` when the module
/// cannot be imported (an installation without the Python package).
pub(crate) fn make(
    py: Python<'_>,
    class: &str,
    message: &str,
    file: Option<&str>,
    reason: &str,
) -> PyErr {
    let made = py
        .import("unpara._errors")
        .and_then(|m| m.getattr(class))
        .and_then(|c| c.call1((message, file, reason)));
    match made {
        Ok(e) => PyErr::from_value(e),
        Err(_) => PyRuntimeError::new_err(message.to_string()),
    }
}

/// The exception of an input that could not be read: `EncryptedError` (a PDF whose
/// password is missing or wrong), `LimitError` (a Word document inflating past
/// `max_inflate`), else `Error`.
pub(crate) fn read_error(py: Python<'_>, e: &unpara_batch::ReadError) -> PyErr {
    let class = if e.is_encrypted() {
        "EncryptedError"
    } else if e.is_limit() {
        "LimitError"
    } else {
        "Error"
    };
    // The readers name the command line's flags; from Python they are arguments.
    let python = |t: String| t.replace("--max-inflate", "max_inflate");
    make(
        py,
        class,
        &python(e.message()),
        Some(e.name()),
        &python(e.reason()),
    )
}

/// A writer's failure (no file to name).
pub(crate) fn write_error(py: Python<'_>, reason: &str) -> PyErr {
    make(py, "Error", reason, None, reason)
}

/// A bad argument.
pub(crate) fn value_error(message: String) -> PyErr {
    PyValueError::new_err(message)
}
