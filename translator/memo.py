"""Answers worth keeping between runs, in a JSON file in the user's cache folder.

For answers that are pure functions of their key and of something the file name pins (a library's
version, the Python version): the lexicon's word classes, the literals a regular expression needs.
A missing, unreadable or damaged file is an empty memo; an unwritable folder means asking again next run.
"""

from __future__ import annotations

import atexit
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any


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


def kept(name: str, compute: Callable[[], Any]) -> Any:
    """compute(), kept as the JSON file `name` in the cache folder: a name that says everything the
    answer depends on (a digest of the text it was computed from). A value JSON cannot hold as it is
    (dates, tuples) is computed every time."""
    from translator.resources import cache_dir

    path = cache_dir() / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    value = compute()
    try:
        if json.loads(json.dumps(value)) == value:
            write_json(path, value)
    except (OSError, TypeError, ValueError):
        pass  # no writable cache folder, or a value JSON cannot hold: computed again next time
    return value


def read_toml(path: Path) -> Any:
    """A packaged TOML file (the rules, the section names), parsed; raises OSError, or ValueError for bad TOML.

    The parsed file is kept as JSON under the digest of its text: reading that JSON takes well under a
    millisecond, importing tomllib and parsing the TOML ~1 ms per file. An edited file has a new digest.
    """
    import hashlib

    text = path.read_text(encoding="utf-8")
    digest = hashlib.sha256(text.encode()).hexdigest()[:20]

    def parse() -> Any:
        import tomllib

        return tomllib.loads(text)

    return kept(f"data/{path.stem}-{digest}.json", parse)


def write_json(path: Path, value: Any) -> None:
    """Write `value` as JSON to `path` atomically (its folder made if needed); raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # A name of its own: two runs writing at once must not write into one temporary file.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(value, handle)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
