"""The `cv-translator` program keeps the regular expressions it compiled (translator.regex_cache): a second run
compiles none of them again, its patterns behave as re compiles them, and a damaged file costs nothing."""

from __future__ import annotations

import json
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from translator import regex_cache

ROOT = Path(__file__).resolve().parent.parent
CVS = ROOT / "fixtures" / "cvs"
CV = CVS / "sample_hospitalist.docx"

if not hasattr(re, "_compiler"):  # the cache relies on CPython 3.11+'s re internals; elsewhere it is not used
    pytest.skip("re._compiler is CPython 3.11+'s", allow_module_level=True)


def _translate(cache: Path, out: Path) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"CV_TRANSLATOR_CACHE": str(cache)}
    command = [sys.executable, "-m", "translator", "translate", str(CV), "-o", str(out)]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False, env=env)


def _kept(cache: Path) -> dict[tuple[str, int], tuple]:
    (path,) = cache.glob("regex-*.marshal")
    kept = marshal.loads(path.read_bytes())
    assert isinstance(kept, dict)
    return {key: marshal.loads(entry) for key, entry in kept.items()}  # each entry marshalled on its own


def _outputs(out: Path) -> dict[str, str]:
    texts = {name: (out / name).read_text(encoding="utf-8") for name in ("linkedin.md", "outreach.md", "report.md")}
    texts["report.json"] = json.dumps(json.loads((out / "report.json").read_text(encoding="utf-8")), sort_keys=True)
    return texts


def test_a_second_run_compiles_nothing_again_and_writes_the_same(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _translate(cache, tmp_path / "first")
    assert first.returncode == 0, first.stderr
    (path,) = cache.glob("regex-*.marshal")
    written = path.stat().st_mtime_ns
    assert len(_kept(cache)) > 300  # the package's own patterns and the data files' that this CV calls for
    second = _translate(cache, tmp_path / "second")
    assert second.returncode == 0, second.stderr
    assert path.stat().st_mtime_ns == written  # nothing new to keep: every pattern came from the file
    assert _outputs(tmp_path / "second") == _outputs(tmp_path / "first")


def test_kept_patterns_match_as_re_compiles_them(tmp_path: Path) -> None:
    import _sre

    cache = tmp_path / "cache"
    assert _translate(cache, tmp_path / "out").returncode == 0
    from translator.parse import read_cv

    lines = [b.text for s in read_cv(CV).sections for e in s.entries for b in e.bullets]
    lines += (tmp_path / "out" / "report.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) > 50
    kept = _kept(cache)
    for (pattern, flags), entry in kept.items():
        ours = _sre.compile(pattern, *entry)
        theirs = re.compile(pattern, flags)
        assert (ours.flags, ours.groups, ours.groupindex) == (theirs.flags, theirs.groups, theirs.groupindex)
        for line in lines:
            found, expected = ours.search(line), theirs.search(line)
            assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups()))


def test_a_damaged_file_or_refused_opcodes_are_compiled_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert _translate(cache, tmp_path / "first").returncode == 0
    (path,) = cache.glob("regex-*.marshal")
    kept = _kept(cache)
    some = next(iter(kept))
    kept[some] = (kept[some][0], [999_999], *kept[some][2:])  # opcodes _sre refuses
    path.write_bytes(marshal.dumps({key: marshal.dumps(entry) for key, entry in kept.items()}))
    refused = _translate(cache, tmp_path / "refused")
    assert refused.returncode == 0, refused.stderr
    assert _kept(cache)[some][1] != [999_999]  # compiled again and kept right
    path.write_bytes(b"not a marshal file")
    damaged = _translate(cache, tmp_path / "damaged")
    assert damaged.returncode == 0, damaged.stderr
    assert len(_kept(cache)) > 300
    assert _outputs(tmp_path / "refused") == _outputs(tmp_path / "damaged") == _outputs(tmp_path / "first")


def test_a_process_that_goes_on_keeps_res_own_compiling(tmp_path: Path) -> None:
    """main() called in a long process (the tests, a batch) leaves the re module as it is; only the program
    (cli.run) installs the cache."""
    from re import _compiler  # type: ignore[attr-defined]

    from translator.cli import main

    before = _compiler.compile
    with pytest.raises(SystemExit):
        main(["translate", str(CV), "-o", str(tmp_path / "out")])
    assert _compiler.compile is before
    assert not regex_cache._installed
