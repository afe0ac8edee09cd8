"""Many documents on Dask: read, group by symbol, align, write Parquet and JSON Lines.

The same steps as ``unpara batch`` (the grouping, the choice of versions, the run
report come from the same Rust crate, ``unpara-batch``), on a Dask cluster::

    python -m unpara.dask_pipeline corpus/ -o out/                      # local cluster
    python -m unpara.dask_pipeline s3://bucket/un/ -o s3://bucket/out/ \\
        --address tcp://scheduler:8786                                   # a cluster

or from Python: ``unpara.dask_pipeline.run(["corpus/"], "out/")``.

1. The inputs (local folders, or object-store prefixes through fsspec) are listed:
   every ``.pdf``, ``.docx`` and ``.xml``, hidden files and folders left out.
2. Each is read as bytes on a worker and converted (reader, structure, sentences).
   A file that cannot be read is a row with an error in the run report, never a
   failed job.
3. The documents are grouped by document symbol (a shuffle) and each group is
   converted: two languages aligned as a pair, three to six as one set, one language
   extracted.
4. Written under OUTPUT: ``<group>.json`` per group (as ``unpara batch``),
   ``parquet/<languages>/part-<token>.parquet`` (one folder per language combination,
   e.g. ``zh-en``; the fields of ``corpus.jsonl``; ``translation`` declared as a
   Hugging Face ``Translation`` feature, so ``datasets.load_dataset("parquet",
   data_dir="OUTPUT/parquet/zh-en")`` gives a translation dataset),
   ``jsonl/part-<token>.jsonl`` (the lines of ``corpus.jsonl``), and
   ``run-report.json`` (every file and group with its status, as ``unpara batch``).

Why Dask: it installs with pip alone (no JVM as Spark needs, no separate runtime as
Ray), its local cluster and a remote one are the same ``Client`` (only the address
changes), it reads object stores through fsspec and writes Parquet through pyarrow,
and its bags hold arbitrary Python records, which our documents are.

Exit codes of the command: 0 when the run finished (bad files are rows of the
report), 1 with ``--strict`` when a file or group failed, 2 for bad usage, 4 when the
inputs cannot be listed or the output cannot be written (or another run holds it), 130
when interrupted.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from . import _native
from ._errors import Error

__all__ = [
    "run",
    "list_inputs",
    "main",
    "EXTENSIONS",
    "DEFAULT_MAX_FILE_BYTES",
    "DEFAULT_MAX_MEMORY",
    "DEFAULT_TIMEOUT",
]

EXTENSIONS = (".pdf", ".docx", ".xml")
"""Extensions of the inputs (the content decides the format; these find candidates)."""

DEFAULT_MAX_FILE_BYTES = 2 << 30
"""Largest input read, in bytes (2 GiB, ``unpara batch``'s default ``--max-memory``):
a larger file is an error row, not read into a worker's memory."""

DEFAULT_MAX_MEMORY = 2 << 30
"""Address space one input's reading may add to its worker, in bytes (2 GiB, as
``unpara batch --max-memory``): past it the read stops and the file is an error row."""

DEFAULT_TIMEOUT = 60.0
"""Wall time one input may take to be read, in seconds (as ``unpara batch
--timeout``): past it the read is stopped and the file is an error row."""

_MAX_SAID = 64 * 1024
"""Bytes of an isolated read's standard error kept (to quote an allocation failure)."""

_PIECE_TOKEN_HEX = 16
"""Hex digits of a part's name: the SHA-256 of its groups' names, so that a re-run
writes the same part names and parts of distinct partitions never meet."""


def _is_remote(path: str) -> bool:
    return "://" in path and not path.startswith("file://")


def list_inputs(
    inputs: Sequence[str], storage_options: Optional[Dict[str, Any]] = None
) -> Tuple[List[str], List[str]]:
    """Every input file under ``inputs`` (local folders or files, or object-store
    URLs such as ``s3://bucket/prefix/``), sorted, each once; and the warnings.

    Local inputs are found exactly as ``unpara batch`` finds them. Raises
    :class:`unpara.Error` when an input does not exist.
    """
    local = [p[len("file://"):] if p.startswith("file://") else p for p in inputs if not _is_remote(p)]
    paths: List[str] = []
    warnings: List[str] = []
    if local:
        found, warned = _native.inputs(local)
        paths.extend(found)
        warnings.extend(warned)
    for url in (p for p in inputs if _is_remote(p)):
        import fsspec

        fs, root = fsspec.core.url_to_fs(url, **(storage_options or {}))
        if fs.isfile(root):
            paths.append(url)
            continue
        if not fs.isdir(root):
            raise Error(f"{url}: cannot list: not a folder or file", url, "not a folder or file")
        for key in sorted(fs.find(root)):
            relative = key[len(root.rstrip("/")) + 1:] if key.startswith(root.rstrip("/")) else key
            if any(part.startswith(".") for part in relative.split("/")):
                continue
            if key.lower().endswith(EXTENSIONS):
                paths.append(fs.unstrip_protocol(key))
    return sorted(dict.fromkeys(paths)), warnings


LOCK_FILE = ".unpara-lock"
"""The lock of an output folder, as ``unpara batch`` keeps: a second run into the same
folder stops at once instead of mixing its parts with the first's."""


def _lock(fs: Any, root: str) -> Any:
    """Checks that the output can be written before any work, and on a local file
    system holds an exclusive lock (``flock``) on its lock file for the run (the
    returned file; closing it releases the lock). Raises ``OSError`` when the folder
    cannot be written, :class:`unpara.Error` when another run holds it."""
    path = _join(root, LOCK_FILE)
    protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
    if protocol not in ("file", "local") or not hasattr(os, "fork"):
        with fs.open(path, "wb") as f:  # an object store: writable, no lock
            f.write(b"")
        return None
    import fcntl

    f = open(path, "a+b")  # noqa: SIM115 - held open for the run
    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        f.close()
        raise Error(
            f"{root}: another run is writing into this folder (it holds {LOCK_FILE}); "
            "wait for it or choose another output",
            root,
            "locked by another run",
        ) from None
    return f


def _error_row(path: str, sha256: str, message: str) -> Dict[str, Any]:
    return {
        "file": {
            "path": path,
            "status": "error",
            "message": message,
            "sha256": sha256,
            "group": None,
            "language": None,
            "pages": 0,
            "read_ms": 0,
        },
        "group": None,
        "document": None,
    }


def _fatal(e: BaseException) -> bool:
    return isinstance(e, (KeyboardInterrupt, SystemExit, GeneratorExit))


def _read(path: str, options: Dict[str, Any]) -> Dict[str, Any]:
    """One input read on a worker: ``{"file", "group", "document"}``; errors are rows."""
    import fsspec

    limit = options["max_file_bytes"]
    try:
        with fsspec.open(path, "rb", **options["storage_options"]) as f:
            data = f.read(limit + 1)
    except Exception as e:  # noqa: BLE001 - any failure to read is the file's error row
        # As the command line words it ("No such file or directory (os error 2)").
        reason = f"{e.strerror} (os error {e.errno})" if isinstance(e, OSError) and e.errno else str(e)
        return _error_row(path, "", f"{path}: cannot read: {reason}")
    sha256 = hashlib.sha256(data).hexdigest()
    if len(data) > limit:
        return _error_row(path, "", f"{path}: larger than {limit} bytes (max_file_bytes): not read")
    if options["isolate"] and hasattr(os, "fork"):
        return _read_isolated(path, data, sha256, options)
    return _read_here(path, data, sha256, options, sequential=False)


def _read_here(path: str, data: bytes, sha256: str, options: Dict[str, Any], sequential: bool) -> Dict[str, Any]:
    try:
        return _native.read_input(
            path,
            data,
            sha256=sha256,
            lang=options["lang"],
            password=options["password"],
            max_inflate=options["max_inflate"],
            sequential=sequential,
        )
    except BaseException as e:  # a panic in the reader is pyo3's PanicException (BaseException)
        if _fatal(e):
            raise
        return _error_row(path, sha256, f"{path}: {type(e).__name__}: {e}")


def _address_space() -> int:
    """This process's address space now, bytes (Linux: /proc/self/statm), or 0."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _read_isolated(path: str, data: bytes, sha256: str, options: Dict[str, Any]) -> Dict[str, Any]:
    """Reads in a forked child whose address space may grow by ``max_memory`` bytes
    (``RLIMIT_AS``) and which is killed after ``timeout`` seconds, as ``unpara batch``
    bounds its worker processes: a file that eats the memory or hangs is an error row,
    and the Dask worker lives on. The child reads the pages on its own thread (the
    worker's thread pools are not in a forked child)."""
    import pickle
    import resource
    import select
    import signal

    max_memory, timeout = options["max_memory"], options["timeout"]
    r, w = os.pipe()
    er, ew = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: read, send the result, exit without cleanup
        code = 0
        try:
            os.close(r)
            os.close(er)
            os.dup2(ew, 2)  # the reader's last words (an allocation failure) go to the parent
            soft, hard = resource.getrlimit(resource.RLIMIT_AS)
            limit = _address_space() + max_memory
            if hard != resource.RLIM_INFINITY:
                limit = min(limit, hard)
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
            payload = pickle.dumps(_read_here(path, data, sha256, options, sequential=True))
            view = memoryview(payload)
            while view:
                view = view[os.write(w, view):]
        except MemoryError:
            code = 3
        except BaseException:  # noqa: BLE001 - the parent reports the failure
            code = 1
        finally:
            os._exit(code)
    os.close(w)
    os.close(ew)
    chunks: List[bytes] = []
    said = b""
    deadline = time.monotonic() + timeout
    timed_out = False
    open_fds = [r, er]
    try:
        while open_fds:
            remaining = deadline - time.monotonic()
            ready = select.select(open_fds, [], [], remaining)[0] if remaining > 0 else []
            if not ready:
                timed_out = True
                os.kill(pid, signal.SIGKILL)
                break
            for fd in ready:
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    open_fds.remove(fd)
                elif fd == r:
                    chunks.append(chunk)
                elif len(said) < _MAX_SAID:
                    said += chunk
    finally:
        os.close(r)
        os.close(er)
        _, status = os.waitpid(pid, 0)
    last = next(
        (line.strip() for line in reversed(said.decode("utf-8", "replace").splitlines()) if "memory allocation of" in line),
        "",
    )
    if timed_out:
        return _error_row(
            path, sha256, f"{path}: reading took longer than the limit of {timeout:g} s (timeout); stopped"
        )
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 and chunks:
        return pickle.loads(b"".join(chunks))
    # Rust aborts (SIGABRT) when an allocation fails; Python raises MemoryError (3).
    memory = (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGABRT) or (
        os.WIFEXITED(status) and os.WEXITSTATUS(status) == 3
    )
    if memory:
        return _error_row(
            path,
            sha256,
            f"{path}: reading needed more than the limit of {max_memory // (1 << 20)} MiB (max_memory)"
            + (f"; the reader said: {last}" if last else ""),
        )
    if os.WIFSIGNALED(status):
        return _error_row(path, sha256, f"{path}: the process reading it was killed by signal {os.WTERMSIG(status)}")
    return _error_row(path, sha256, f"{path}: the process reading it failed (exit status {os.WEXITSTATUS(status)})")


def _join(output: str, *parts: str) -> str:
    return "/".join([output.rstrip("/"), *parts])


def _write_text(fs: Any, path: str, text: str) -> None:
    parent = path.rsplit("/", 1)[0]
    fs.makedirs(parent, exist_ok=True)
    with fs.open(path, "w", encoding="utf-8") as f:
        f.write(text)


def _value(dtype: str = "string") -> Dict[str, Any]:
    return {"dtype": dtype, "_type": "Value"}


def _parquet_table(rows: List[Dict[str, Any]], langs: List[str]):
    """The rows of one language combination as an Arrow table: the fields of
    ``corpus.jsonl``, with the Hugging Face features in the schema's metadata
    (``translation`` a ``Translation`` of the languages; "Sequence" is read by
    datasets 3 and later)."""
    import pyarrow as pa

    features = {
        "group": _value(),
        "symbol": _value(),
        "languages": {"feature": _value(), "_type": "Sequence"},
        **{lang: _value() for lang in langs},
        "translation": {"languages": sorted(langs), "id": None, "_type": "Translation"},
        "ids": {lang: {"feature": _value(), "_type": "Sequence"} for lang in langs},
        "score": _value("float64"),
    }
    fields = [
        ("group", pa.string()),
        ("symbol", pa.string()),
        ("languages", pa.list_(pa.string())),
        *[(lang, pa.string()) for lang in langs],
        # Sorted, as datasets' Translation stores its languages.
        ("translation", pa.struct([(lang, pa.string()) for lang in sorted(langs)])),
        ("ids", pa.struct([(lang, pa.list_(pa.string())) for lang in langs])),
        ("score", pa.float64()),
    ]
    known = {name for name, _ in fields}
    extra = sorted({k for row in rows for k in row} - known)
    if extra:
        raise ValueError(f"corpus.jsonl fields without a Parquet column: {extra}")
    metadata = {b"huggingface": json.dumps({"info": {"features": features}}).encode()}
    return pa.Table.from_pylist(rows, schema=pa.schema(fields, metadata=metadata))


def _convert_partition(groups: Iterable[Tuple[str, List[Dict[str, Any]]]], options: Dict[str, Any]) -> List[Dict[str, Any]]:
    """The groups of one partition converted on a worker; their JSON, Parquet and JSON
    Lines written; returns their reports (small) for the run report."""
    import fsspec

    output = options["output"]
    fs, root = fsspec.core.url_to_fs(output, **options["storage_options"])
    results: List[Dict[str, Any]] = []
    by_languages: Dict[str, List[Dict[str, Any]]] = {}
    lines: List[str] = []
    for group, members in groups:
        started = time.perf_counter()
        members = sorted(members, key=lambda m: m["file"]["path"])
        paths = [m["file"]["path"] for m in members]
        report: Dict[str, Any] = {"group": group, "files": paths, "status": "error", "sentence_links": 0}
        updates: List[Dict[str, Any]] = []
        try:
            c = _native.convert_group(
                group, [(m["file"]["path"], m["file"]["sha256"], m["document"]) for m in members], output
            )
            if c["status"] == "error":
                report["message"] = f"{group}: {c['message']}"
            else:
                _write_text(fs, _join(root, c["file"]), c["json"])
                for other in c["others"]:
                    path = paths[other["index"]]
                    if other["status"] == "separate":
                        _write_text(fs, _join(root, other["file"]), other["json"])
                    updates.append({"path": path, "status": other["status"], "message": other["message"]})
                report.update(status=c["status"], output=_join(output, c["file"]), sentence_links=c["sentence_links"])
                for line in c["jsonl"].splitlines():
                    if line:
                        row = json.loads(line)
                        by_languages.setdefault("-".join(row["languages"]), []).append(row)
                        lines.append(line)
        except BaseException as e:  # noqa: BLE001 - a group that fails is its report's error
            if _fatal(e):
                raise
            report["message"] = f"{group}: {type(e).__name__}: {e}"
        report["ms"] = int((time.perf_counter() - started) * 1000)
        results.append({"group": report, "files": updates})
    if not results:
        return results
    names = "\n".join(sorted(r["group"]["group"] for r in results))
    token = hashlib.sha256(names.encode()).hexdigest()[:_PIECE_TOKEN_HEX]
    if "parquet" in options["formats"]:
        import pyarrow.parquet as pq

        for languages, rows in by_languages.items():
            folder = _join(root, options["stage"], "parquet", languages)
            fs.makedirs(folder, exist_ok=True)
            with fs.open(_join(folder, f"part-{token}.parquet"), "wb") as f:
                pq.write_table(_parquet_table(rows, languages.split("-")), f)
    if "jsonl" in options["formats"] and lines:
        _write_text(fs, _join(root, options["stage"], "jsonl", f"part-{token}.jsonl"), "\n".join(lines) + "\n")
    return results


def run(
    inputs: Sequence[str],
    output: str,
    *,
    address: Optional[str] = None,
    client: Any = None,
    workers: Optional[int] = None,
    lang: Optional[str] = None,
    password: Optional[str] = None,
    max_inflate: Optional[int] = None,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    max_memory: int = DEFAULT_MAX_MEMORY,
    timeout: float = DEFAULT_TIMEOUT,
    isolate: bool = True,
    formats: Sequence[str] = ("parquet", "jsonl"),
    storage_options: Optional[Dict[str, Any]] = None,
) -> Dict[str, Any]:
    """Converts every input under ``inputs`` into ``output`` on Dask; returns the run
    report (also written to ``output/run-report.json``).

    ``client``: a ``distributed.Client`` to use; else ``address`` (``tcp://host:8786``)
    of a running scheduler; else a local cluster of ``workers`` processes (all cores
    by default), closed at the end. ``formats``: any of ``parquet``, ``jsonl``.
    ``storage_options``: fsspec options for object-store inputs and outputs.

    Each input is read in a forked child of its worker (``isolate``; on systems with
    ``fork``) whose address space may grow by ``max_memory`` bytes and which is
    stopped after ``timeout`` seconds: a file past either is an error row, as in
    ``unpara batch``. ``max_file_bytes``: larger inputs are error rows, not read.
    The run's Parquet and JSON Lines parts replace those of an earlier run into
    ``output`` (``parquet/`` and ``jsonl/`` are emptied first).

    Raises ``ValueError`` for bad arguments, :class:`unpara.Error` when the inputs
    cannot be listed, ``OSError`` when the output cannot be written.
    """
    from distributed import Client, LocalCluster
    import dask.bag as db
    import fsspec

    for name, value in (("workers", workers), ("max_inflate", max_inflate)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            raise ValueError(f"{name} must be a positive whole number, got {value!r}")
    for name, value in (("max_file_bytes", max_file_bytes), ("max_memory", max_memory)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{name} must be a positive number of bytes, got {value!r}")
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not 0 < timeout <= 86_400:
        raise ValueError(f"timeout must be a number of seconds from 0 to 86400, got {timeout!r}")
    unknown = set(formats) - {"parquet", "jsonl"}
    if unknown:
        raise ValueError(f"unknown formats {sorted(unknown)} (expected parquet, jsonl)")
    if lang is not None and lang not in ("ar", "zh", "en", "fr", "ru", "es"):
        raise ValueError(f"unknown language {lang!r} (expected ar, zh, en, fr, ru or es)")
    storage_options = dict(storage_options or {})
    started = time.perf_counter()
    paths, warnings = list_inputs(inputs, storage_options)
    if not paths:
        raise Error(f"no PDF, DOCX or XML file under {list(inputs)}", None, "no input files")
    remote = bool(address) or client is not None
    if remote:
        # Workers elsewhere do not share this process's working folder.
        inputs = [p if _is_remote(p) else os.path.abspath(p) for p in inputs]
        paths = [p if _is_remote(p) else os.path.abspath(p) for p in paths]
        if not _is_remote(output):
            output = os.path.abspath(output[len("file://"):] if output.startswith("file://") else output)
    fs, root = fsspec.core.url_to_fs(output, **storage_options)
    fs.makedirs(root, exist_ok=True)
    lock = _lock(fs, root)
    # This run's parts are written beside the last run's and replace them at the end,
    # so a run that fails or is stopped leaves the last complete run's parts.
    stage = f".unpara-run-{os.getpid()}-{int(time.time() * 1000)}"
    owned = []
    if client is None:
        if address:
            client = Client(address)
        else:
            cluster = LocalCluster(
                n_workers=workers or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                # A free port: None means the default 8787 in distributed 2026.8, which
                # a second run (or another cluster) would find taken.
                dashboard_address=":0",
            )
            owned.append(cluster)
            client = Client(cluster)
        owned.insert(0, client)
    try:
        jobs = max(1, sum(client.nthreads().values()))
        options = {
            "lang": lang,
            "password": password,
            "max_inflate": max_inflate,
            "max_file_bytes": max_file_bytes,
            "max_memory": max_memory,
            "timeout": float(timeout),
            "isolate": isolate,
            "storage_options": storage_options,
            "output": output,
            "stage": stage,
            "formats": tuple(formats),
        }
        partitions = max(1, min(len(paths), jobs * 4))
        read = db.from_sequence(paths, npartitions=partitions).map(_read, options).persist()
        files_bag = read.pluck("file")
        groups_bag = (
            read.filter(lambda r: r["group"] is not None)
            .groupby(lambda r: r["group"], shuffle="tasks", npartitions=partitions)
            .map_partitions(_convert_partition, options)
        )
        files, converted = client.compute([files_bag, groups_bag], sync=True)
        for folder in ("parquet", "jsonl"):
            if fs.exists(_join(root, folder)):
                fs.rm(_join(root, folder), recursive=True)
            if fs.exists(_join(root, stage, folder)):
                fs.mv(_join(root, stage, folder), _join(root, folder), recursive=True)
    finally:
        for c in owned:
            c.close()
        try:
            if fs.exists(_join(root, stage)):
                fs.rm(_join(root, stage), recursive=True)
        except OSError:
            pass
        if lock is not None:
            lock.close()
    by_path = {f["path"]: f for f in files}
    groups = []
    for result in converted:
        groups.append(result["group"])
        for update in result["files"]:
            f = by_path.get(update["path"])
            if f is None:
                continue
            if update["status"] == "duplicate":
                f["status"] = "duplicate"
                f["message"] = update["message"]
            else:
                f["message"] = update["message"] + (f"; {f['message']}" if f.get("message") else "")
    text = _native.run_report(
        list(inputs),
        output,
        jobs,
        json.dumps(list(by_path.values())),
        json.dumps(groups),
        time.perf_counter() - started,
    )
    report = json.loads(text)
    if warnings:
        report["warnings"] = warnings
        text = json.dumps(report, indent=2, ensure_ascii=False)
    _write_text(fs, _join(root, "run-report.json"), text + "\n")
    return report


def _bytes(text: str) -> int:
    """A size in bytes: digits, optionally followed by K, M or G (powers of 1024), as
    ``unpara batch --max-memory`` takes it."""
    t = text.strip().upper().rstrip("B").rstrip("I")
    scale = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}.get(t[-1:], 1)
    digits = t[:-1] if t[-1:] in ("K", "M", "G") else t
    if not digits.isdigit() or int(digits) * scale < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: expected bytes, or a number with K, M or G (512M, 2G)")
    return int(digits) * scale


def _number(kind: type, low: float, high: Optional[float], what: str):
    """An argparse type: a `kind` (int or float) above `low` and at most `high`."""

    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}") from None
        if not (low < value and (high is None or value <= high)):
            most = "" if high is None else f", at most {high:g}"
            raise argparse.ArgumentTypeError(f"{text!r}: {what} above {low:g}{most}")
        return value

    return parse


_positive_int = _number(int, 0, None, "a whole number")
_seconds = _number(float, 0, 86_400, "a number of seconds")


def _parser() -> argparse.ArgumentParser:
    script = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    p = argparse.ArgumentParser(
        prog="unpara-dask" if script == "unpara-dask" else "python -m unpara.dask_pipeline",
        description="Convert a folder or object-store prefix of PDF/DOCX/XML documents on Dask: "
        "read in parallel, group language versions by document symbol, align each group, "
        "write Parquet, JSON Lines and a run report.",
        epilog="Exit codes: 0 finished (bad files are error rows of run-report.json), "
        "1 with --strict when a file or group failed, 2 bad usage, 4 inputs not listable, "
        "output not writable or held by another run, or an object store's fsspec package "
        "(s3fs, gcsfs, adlfs) missing; 130 interrupted (the last complete run's parts are kept).",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="folders, files, or URLs (s3://, gs://, …)")
    p.add_argument("-o", "--output", required=True, help="output folder or URL")
    p.add_argument("--address", help="scheduler address (tcp://host:8786); a local cluster when absent")
    p.add_argument("--workers", type=_positive_int, help="local cluster: worker processes (all cores by default)")
    p.add_argument("--lang", choices=["ar", "zh", "en", "fr", "ru", "es"], help="language of every input (detected by default)")
    p.add_argument("--password", help="password of encrypted PDFs")
    p.add_argument("--max-inflate", type=_bytes, metavar="BYTES", help="largest size a Word document may inflate to (bytes, or with K, M, G)")
    p.add_argument("--max-file-bytes", type=_bytes, default=DEFAULT_MAX_FILE_BYTES, metavar="BYTES", help="largest input read (default 2G)")
    p.add_argument("--max-memory", type=_bytes, default=DEFAULT_MAX_MEMORY, metavar="BYTES", help="address space one input's reading may add to its worker (default 2 GiB); past it the file is an error row")
    p.add_argument("--timeout", type=_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS", help="wall time one input may take to be read (default 60); past it the file is an error row")
    p.add_argument("--format", default="parquet,jsonl", help="comma-separated: parquet, jsonl (default both)")
    p.add_argument("--storage-option", action="append", default=[], metavar="KEY=VALUE", help="fsspec option for object stores (repeatable)")
    p.add_argument("--no-isolate", action="store_true", help="read in the worker itself, not in a forked child: faster (no fork per file), but a file past --max-memory or --timeout can then kill or hold its worker (for trusted corpora)")
    p.add_argument("--strict", action="store_true", help="exit 1 when any file or group failed")
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    """The command line; returns the exit code."""
    args = _parser().parse_args(argv)
    options = {}
    for kv in args.storage_option:
        key, sep, value = kv.partition("=")
        if not sep:
            _parser().error(f"--storage-option {kv!r}: expected KEY=VALUE")
        options[key] = value
    formats = [f.strip() for f in args.format.split(",") if f.strip()]
    try:
        report = run(
            args.inputs,
            args.output,
            address=args.address,
            workers=args.workers,
            lang=args.lang,
            password=args.password,
            max_inflate=args.max_inflate,
            max_file_bytes=args.max_file_bytes,
            max_memory=args.max_memory,
            timeout=args.timeout,
            isolate=not args.no_isolate,
            formats=formats,
            storage_options=options,
        )
    except ValueError as e:
        print(f"unpara-dask: {e}", file=sys.stderr)
        return 2
    except (Error, OSError) as e:
        print(f"unpara-dask: {e}", file=sys.stderr)
        return 4
    except ImportError as e:  # fsspec's message names the package (s3fs, gcsfs …)
        print(f"unpara-dask: {e}", file=sys.stderr)
        return 4
    except KeyboardInterrupt:
        print(
            f"unpara-dask: interrupted: {args.output} keeps the last complete run's parquet/ and jsonl/",
            file=sys.stderr,
        )
        return 130
    t = report["totals"]
    print(
        f"unpara-dask: {t['files']} files, {t['groups']} group{'s' if t['groups'] != 1 else ''} ({t['aligned']} aligned, "
        f"{t['extracted']} extracted), {t['errors']} errors, {t['group_errors']} groups not written, "
        f"{t['seconds']:.1f} s ({t['documents_per_second']:.1f} documents/s); "
        f"report in {_join(args.output, 'run-report.json')}",
        file=sys.stderr,
    )
    for w in report.get("warnings", []):
        print(f"unpara-dask: warning: {w}", file=sys.stderr)
    if args.strict and (t["errors"] or t["group_errors"]):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
