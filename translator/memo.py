"""Answers worth keeping between runs, in the user's cache folder.

DiskMemo: a JSON file of answers that are pure functions of their key and of something the file name pins
(a library's version, the Python version): the lexicon's word classes, the literals a regular expression
needs. kept and read_toml: one value per file, named by digests of everything it was computed from (the
data files loaded and validated). A missing, unreadable or damaged file is computed again; an unwritable
folder means computing again next run.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


class DiskMemo:
    def __init__(self, filename: Callable[[], str]) -> None:
        self.filename = filename  # called at first use, not at import: it may need a library's version
        self.data: dict[str, Any] | None = None
        self.path: Path | None = None  # fixed at first use: saved where it was read, whatever the environment at exit
        self.dirty = False

    def _load(self) -> dict[str, Any]:
        if self.data is None:
            from translator.resources import cache_dir

            self.path = cache_dir() / self.filename()
            try:
                loaded = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                loaded = {}
            self.data = loaded if isinstance(loaded, dict) else {}
            atexit.register(self.save)
        return self.data

    def preload(self) -> None:
        """Read the kept answers now (the caller has a moment to spare), not at the first question."""
        self._load()

    def __contains__(self, key: str) -> bool:
        return key in self._load()

    def get(self, key: str, compute: Callable[[], Any]) -> Any:
        data = self._load()
        if key not in data:
            data[key] = compute()
            self.dirty = True
        return data[key]

    def save(self) -> None:
        if not self.dirty or self.data is None or self.path is None:
            return
        try:
            write_json(self.path, self.data)
            self.dirty = False
        except OSError:
            pass  # no writable cache folder: the next run computes the answers again


def kept(name: str, compute: Callable[[], T]) -> T:
    """compute(), kept pickled as the file `name` in the cache folder: a name that says everything the value
    depends on (digests of the text and the code it was computed from). Only values this package computed
    from its own files are kept, and they are read back by the same code, like jinja2's compiled templates
    beside them. A missing, damaged or unreadable file means computing again; so does an unwritable folder."""
    import pickle

    from translator.resources import cache_dir

    path = cache_dir() / name
    try:
        return pickle.loads(path.read_bytes())  # type: ignore[no-any-return]
    except Exception:  # missing, damaged, or made by other code: any failure only means computing it again
        pass
    value = compute()
    with contextlib.suppress(OSError, pickle.PicklingError, TypeError, AttributeError):
        write_atomically(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return value


def read_toml(path: Path, build: Callable[[Any], Any] | None = None, depends_on: Iterable[str] = ()) -> Any:
    """build(the parsed TOML file) — the file as parsed without `build`; raises OSError, ValueError for bad TOML,
    or what build raises.

    The result is kept (see kept) under a digest of the file's text, of `depends_on` (the digests and versions
    of the code that build runs) and of the Python version. Loading the validated rules this way takes ~1 ms;
    importing tomllib, parsing the files and validating them took ~9 ms. An edited file has a new digest.
    """
    import hashlib

    text = path.read_text(encoding="utf-8")
    digest = hashlib.sha256("\0".join([text, sys.version, *depends_on]).encode()).hexdigest()[:20]

    def compute() -> Any:
        import tomllib

        raw = tomllib.loads(text)
        return raw if build is None else build(raw)

    return kept(f"data/{path.stem}-{digest}.pickle", compute)


@cache
def source_digest(*files: str | None) -> str:
    """A digest of source files' bytes: part of a kept value's name when that code computed it."""
    import hashlib

    digest = hashlib.sha256()
    for file in files:
        digest.update(Path(file).read_bytes() if file else b"")
    return digest.hexdigest()[:20]


def write_json(path: Path, value: Any) -> None:
    """Write `value` as JSON to `path` atomically (its folder made if needed); raises OSError."""
    write_atomically(path, json.dumps(value).encode())


def write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # A name of its own: two runs writing at once must not write into one temporary file.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
