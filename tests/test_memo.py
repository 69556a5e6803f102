"""What a run keeps in the cache folder is written when the command ends, and a second run that reads it
writes the same files as the first."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import CVS


def _translate(tmp_path: Path, out: str) -> None:
    env = {**os.environ, "HOME": str(tmp_path / "home"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "translator", "translate", str(CVS / "sample_hospitalist.docx"), "-o", out]
    result = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_a_second_run_reads_the_caches_and_writes_the_same_files(tmp_path: Path) -> None:
    _translate(tmp_path, "first")
    cache = tmp_path / "cache" / "cv-translator"
    kept = {p: p.stat().st_mtime_ns for p in cache.rglob("*.*") if p.suffix in {".json", ".pickle"}}
    names = {p.relative_to(cache).as_posix().split("-")[0] for p in kept}
    assert {"lexicon", "patterns", "data/rules", "data/glossary", "data/verbs", "data/roles"} <= names
    for path in kept:
        assert path.stat().st_size, path

    _translate(tmp_path, "second")
    again = {p: p.stat().st_mtime_ns for p in cache.rglob("*.*") if p.suffix in {".json", ".pickle"}}
    assert again == kept, "the second run had to compute again"
    first = sorted((tmp_path / "first").iterdir())
    assert [p.name for p in first] == sorted(p.name for p in (tmp_path / "second").iterdir())
    for path in first:
        assert _content(path) == _content(tmp_path / "second" / path.name), path.name


def _content(path: Path) -> object:
    """A file's bytes; a .docx's members (the zip stamps each with the time it was written), without the
    second the resume says it was made (two runs a second apart are the same files)."""
    if path.suffix != ".docx":
        return path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        members = [(name, archive.read(name)) for name in archive.namelist()]
    made = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")
    return [(name, made.sub(rb"\1\2", data) if name == "docProps/core.xml" else data) for name, data in members]


def test_a_kept_data_file_depends_on_the_modules_of_every_model_it_holds() -> None:
    """roles.toml's questions (roles.Ask) are InContext of rule_files.py: a field added there left a kept
    RoleFile without it, and every report failed ('Ask' object has no attribute 'around') until the cache was
    cleared."""
    from translator.data_files import _defined_in
    from translator.mapping import roles, rule_files
    from translator.mapping.roles import RoleFile

    files = _defined_in(RoleFile)
    assert roles.__file__ in files
    assert rule_files.__file__ in files
