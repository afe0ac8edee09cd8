"""Paths of the pytest suite: the committed fixtures, the shared corpus (beside the
checkout, as for the Rust tests), and the command-line binary the module is checked
against."""

import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "fixtures" / "CAC_COSP_WG.4_2017_4"
CORPUS = ROOT.parent / "shared" / "corpus"


def corpus(relative: str) -> pathlib.Path:
    """A file or folder of ../shared/corpus; the test is skipped (visibly, with the
    reason) when the corpus is absent, and fails in CI (UNPARA_REQUIRE_CORPUS=1)."""
    path = CORPUS / relative
    if not path.exists():
        if os.environ.get("UNPARA_REQUIRE_CORPUS") == "1":
            pytest.fail(f"{path} is missing and UNPARA_REQUIRE_CORPUS=1")
        pytest.skip(f"{path} is absent (the shared corpus sits beside the checkout)")
    return path


def unpara_bin() -> pathlib.Path:
    """The command line built by `cargo build --release` (UNPARA_BIN overrides)."""
    path = pathlib.Path(os.environ.get("UNPARA_BIN", ROOT / "target" / "release" / "unpara"))
    if not path.exists():
        if os.environ.get("UNPARA_REQUIRE_CLI") == "1":
            pytest.fail(f"{path} is missing and UNPARA_REQUIRE_CLI=1")
        pytest.skip(f"{path} is absent: run `cargo build --release` to compare with the CLI")
    return path


def cli(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Runs the command line; its output as text."""
    return subprocess.run(
        [str(unpara_bin()), *args], capture_output=True, text=True, check=check
    )
