"""Regular expressions compiled in an earlier run, kept for the next one (the one-CV `translate` command).

A translate compiles some 680 regular expressions: the package's own (module constants, inline re.search
calls) and the data files' patterns that the CV's words call for. Python's re module turns each pattern into
a list of opcodes for its matching engine (`_sre`), parsing and optimising it in Python: 60-75 ms of a run on
the development machine, a quarter of a translate's own time, and the same work each run. Installed, this module
keeps each pattern's opcodes in the user's cache folder (one file per Python build: the opcodes are that build's) and
hands them straight to `_sre` the next time, which checks them before it builds the pattern. Each pattern's
opcodes are kept marshalled on their own and read only when the pattern is asked for: the file holds what every
CV run so far called for, and a run reads the few hundred it needs (reading all of 2,000 costs ~7 ms). A pattern not
kept, a damaged file, or opcodes `_sre` refuses are compiled the usual way; the patterns are the same either
way (tests/test_regex_cache.py compares them on every pattern a translate compiles).

It relies on `re._compiler` and `_sre`, which are CPython internals (3.11 to 3.13 have the same ones); on any
other Python, `install` does nothing.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import marshal
import sys
from typing import Any

# At most this many patterns are kept; past it, only those the last run used (patterns built from a CV's
# own words, such as an employer's name, must not pile up run after run).
LIMIT = 4000

_installed = False


def _file_name() -> str:
    build = hashlib.sha256(f"{sys.version}|{sys.implementation.cache_tag}".encode()).hexdigest()[:12]
    return f"regex-{build}.v2.marshal"  # v2: each entry marshalled on its own


def _ours(frame: Any) -> bool:
    """Whether the pattern is this package's: other libraries' are paid for by their imports alike, and some
    build theirs from a set, in a new order each run (tokenize's), so keeping them would only pile up."""
    while frame is not None and frame.f_globals.get("__name__", "").partition(".")[0] == "re":
        frame = frame.f_back
    return frame is not None and frame.f_globals.get("__name__", "").partition(".")[0] == "translator"


def install() -> bool:
    """From now on in this process, patterns kept by an earlier run are not compiled again, and new ones are
    kept at exit. True when installed (CPython 3.11+ with the internals it expects)."""
    global _installed
    if _installed:
        return True
    try:
        import _sre  # type: ignore[import-not-found]  # the engine re compiles for (CPython)
        from re import _compiler, _parser  # type: ignore[attr-defined]
    except ImportError:
        return False
    if sys.implementation.name != "cpython" or not hasattr(_compiler, "_code"):
        return False
    from translator.resources import cache_dir

    path = cache_dir() / _file_name()
    try:
        kept = marshal.loads(path.read_bytes())
        if not isinstance(kept, dict):
            kept = {}
    except (OSError, EOFError, ValueError, TypeError):
        kept = {}
    used: dict[tuple[str, int], bytes] = {}
    changed = [False]
    original = _compiler.compile

    def compile(p: Any, flags: int = 0) -> Any:
        if not isinstance(p, str) or flags & _compiler.SRE_FLAG_DEBUG:
            return original(p, flags)
        key = (p, int(flags))
        kept_entry = kept.get(key)
        if kept_entry is not None:
            try:
                pattern = _sre.compile(p, *marshal.loads(kept_entry))
            except Exception:  # damaged or foreign opcodes: _sre refuses them; compile as usual
                del kept[key]
                changed[0] = True
            else:
                used[key] = kept_entry
                return pattern
        parsed = _parser.parse(p, flags)
        code = list(map(int, _compiler._code(parsed, flags)))  # its opcodes are int subclasses marshal refuses
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        pattern = _sre.compile(p, *entry)
        if _ours(sys._getframe(1)):
            used[key] = kept[key] = marshal.dumps(entry)
            changed[0] = True
        return pattern

    def save() -> None:
        if not changed[0]:
            return
        keep = kept if len(kept) <= LIMIT else used
        from translator.memo import write_atomically

        with contextlib.suppress(OSError, ValueError):
            write_atomically(path, marshal.dumps(keep))

    _compiler.compile = compile
    atexit.register(save)
    _installed = True
    return True
