"""unpara: UN documents (PDF, Word, XML) to structured, aligned data.

The same JSON shapes as the command line (schema "1"), as dicts::

    import unpara
    doc = unpara.extract("A_RES_73_3.pdf")          # unpara extract
    doc["metadata"]["symbol"], doc["blocks"][0]["text"]
    pair = unpara.align("zh.pdf", "en.pdf")          # unpara align
    lines = unpara.text(open("x.pdf", "rb").read())  # unpara text

Sources are paths (str or os.PathLike) or the bytes of a file. The work runs in Rust
with the GIL released, so threads convert in parallel. Errors raise
:class:`unpara.Error` (``.file``, ``.reason``), :class:`EncryptedError` or
:class:`LimitError`; bad arguments raise ``ValueError`` or ``TypeError``.

Many documents, on one machine or a cluster: :mod:`unpara.dask_pipeline`.
"""

from ._errors import EncryptedError, Error, LimitError
from ._native import SCHEMA, __version__, align, extract, text

__all__ = [
    "SCHEMA",
    "EncryptedError",
    "Error",
    "LimitError",
    "__version__",
    "align",
    "extract",
    "text",
]
