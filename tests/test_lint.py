"""ruff and mypy (strict for translator/) stay clean: CI runs them through `make test`."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_check_and_format() -> None:
    check = _run("ruff", "check", "translator", "tests", "bench", "fixtures", "docs")
    assert check.returncode == 0, check.stdout
    fmt = _run("ruff", "format", "--check", "translator", "tests", "bench", "fixtures", "docs")
    assert fmt.returncode == 0, fmt.stdout


def test_mypy_strict() -> None:
    result = _run("mypy")
    assert result.returncode == 0, result.stdout
