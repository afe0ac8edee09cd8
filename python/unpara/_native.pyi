"""Type stubs of unpara._native, the Rust extension module (crates/python)."""

import os
from typing import Any, Dict, List, Literal, Optional, Sequence, Tuple, Union, overload

Source = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview]
"""A path, or the bytes of a PDF, Word or XML file."""

__version__: str
SCHEMA: str
LINK_HEAD_BYTES: int

def extract(
    source: Source,
    lang: Optional[str] = None,
    *,
    name: Optional[str] = None,
    password: Optional[str] = None,
    max_inflate: Optional[int] = None,
) -> Dict[str, Any]:
    """The document (schema "1", as ``unpara extract``) of a PDF, Word or XML file.

    ``lang``: ar, zh, en, fr, ru or es (detected when None); ``name`` names bytes in
    errors and in ``source.path``; ``max_inflate``: bytes a Word document may inflate
    to. Raises unpara.Error (EncryptedError, LimitError) naming the file and reason.
    """

@overload
def text(
    source: Source,
    *,
    name: Optional[str] = None,
    password: Optional[str] = None,
    json: Literal[False] = False,
) -> str:
    """The lines of a PDF as ``unpara text`` prints them."""

@overload
def text(
    source: Source,
    *,
    name: Optional[str] = None,
    password: Optional[str] = None,
    json: Literal[True],
) -> Dict[str, Any]:
    """The layout of a PDF (``unpara text --json``): boxes in PDF points, font sizes,
    spans, warnings."""

def align(
    a: Source,
    b: Source,
    *more: Source,
    lang_a: Optional[str] = None,
    lang_b: Optional[str] = None,
    langs: Optional[Sequence[Optional[str]]] = None,
    password: Optional[str] = None,
    max_inflate: Optional[int] = None,
) -> Dict[str, Any]:
    """Two language versions aligned (as ``unpara align A B``), or three to six as
    one set (as ``unpara align A B C``). ``langs`` gives every version's language
    in order (None: detected) and overrides ``lang_a``/``lang_b``."""

def read_input(
    name: str,
    data: bytes,
    *,
    sha256: str,
    lang: Optional[str] = None,
    password: Optional[str] = None,
    max_inflate: Optional[int] = None,
    sequential: bool = False,
) -> Dict[str, Any]:
    """One batch input from its bytes: ``{"file": report, "group": str | None,
    "document": str | None}``; never raises for a bad file (status "error")."""

def convert_group(
    group: str,
    members: List[Tuple[str, str, Optional[str]]],
    output: str,
) -> Dict[str, Any]:
    """One group converted as ``unpara batch`` does: members are (path, sha256,
    document of read_input); returns status, json, jsonl, used, others."""

def run_report(
    inputs: List[str],
    output: str,
    jobs: int,
    files: str,
    groups: str,
    seconds: float,
) -> str:
    """run-report.json (as ``unpara batch``) of file and group reports (JSON arrays)."""

def inputs(paths: List[str]) -> Tuple[List[str], List[str]]:
    """Every PDF, DOCX and XML file under local folders, as ``unpara batch`` finds
    them, and the warnings (folders not entered)."""

def file_stem_of(group: str) -> str:
    """The file name of a group's outputs (``A/RES/73/3`` -> ``A_RES_73_3``)."""

def shard_of(group: str, n: int) -> int:
    """The shard of a group among n, as ``unpara batch --shard K/N``."""
