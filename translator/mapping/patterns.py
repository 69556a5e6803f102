"""The data files' regular expressions: compiled on first use, and tried only when their words occur.

The rule, glossary and verb files hold some 500 patterns. Compiling them all at every start, and trying
each on every bullet, was the largest share of a translate's time, yet a bullet can only match the few
whose words it holds. So each pattern is read once for its *literals*: strings at least one of which
every match must contain ('\\bclinical trials?\\b' needs "clinical trial"; 'sepsis|septic' needs one of
"sepsis" and "septic"). A pattern is compiled and tried only when the bullet, case-folded, holds one of
its literals; otherwise it cannot match, and it is not tried. Results are the same as trying every
pattern (tests/mapping/test_patterns.py compares both on every bullet of the evaluation sets).

Finding the literals means parsing the pattern, which costs about as much as compiling it, so they are
kept in the user's cache folder, one file per Python version. A pattern found there compiled under
that Python, so a data file whose patterns are all known loads without compiling any; a new or edited
pattern is compiled at load, and a bad one still fails at load with its file and field named.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from translator.memo import DiskMemo

IGNORECASE = int(re.IGNORECASE)


def _memo_name() -> str:
    """One file per Python (its re module reads the patterns) and per version of this module (it reads them too)."""
    try:
        reader = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
    except OSError:
        reader = "unknown"
    return f"patterns-py{sys.version_info[0]}{sys.version_info[1]}-{reader}.json"


_MEMO = DiskMemo(_memo_name)

# Characters that a case-insensitive pattern's ASCII letter matches besides its two cases, mapped to that
# letter (the Kelvin sign lower-cases to "k" by itself); see test_fold_keeps_every_case_insensitive_match.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Text as the literals are written: lower case, with the few letters that match ASCII ones made ASCII."""
    return text.translate(_FOLD).lower()


@cache
def compiled(pattern: str, flags: int = IGNORECASE) -> re.Pattern[str]:
    # Kept here, not in the re module's own cache: the data files hold more patterns than it keeps (512).
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise ValueError(f"bad regular expression {pattern!r}: {exc}") from exc


def check(pattern: str, flags: int = IGNORECASE) -> str:
    """Fail on a bad pattern (a field validator's check); free for a pattern that compiled in an earlier run."""
    literals(pattern, flags)
    return pattern


def literals(pattern: str, flags: int = IGNORECASE) -> frozenset[str] | None:
    """Strings (folded) of which every match contains one; None when the pattern needs no literal.

    Only a pattern that compiles is remembered, so a remembered pattern needs no compiling to be checked.
    """

    def read() -> list[str] | None:
        compiled(pattern, flags)
        return _literals(pattern, flags)

    found = _MEMO.get(f"{flags}:{pattern}", read)
    return None if found is None else frozenset(found)


class Regex:
    """One pattern: tried only when the text holds one of its literals, compiled the first time it is."""

    __slots__ = ("_literals", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = IGNORECASE) -> None:
        self.pattern = pattern
        self.flags = flags
        self._literals: frozenset[str] | None = literals(pattern, flags)

    def may_match(self, text: str) -> bool:
        needed = self._literals
        return needed is None or any(map(fold(text).__contains__, needed))

    @property
    def compiled(self) -> re.Pattern[str]:
        return compiled(self.pattern, self.flags)

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled.search(text) if self.may_match(text) else None

    def match(self, text: str) -> re.Match[str] | None:
        return self.compiled.match(text) if self.may_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text) if self.may_match(text) else iter(())

    def sub(self, replace: Any, text: str) -> str:
        return self.compiled.sub(replace, text) if self.may_match(text) else text


@cache
def regex(pattern: str, flags: int = IGNORECASE) -> Regex:
    """The one Regex of a pattern, made on first use."""
    return Regex(pattern, flags)


class AnyOf:
    """Several patterns, of which one matching is enough: one look for all their literals first."""

    __slots__ = ("_literals", "regexes")

    def __init__(self, patterns: Iterable[str], flags: int = IGNORECASE) -> None:
        self.regexes = tuple(Regex(p, flags) for p in patterns)
        needed: set[str] = set()
        for regex in self.regexes:
            if regex._literals is None:
                self._literals: frozenset[str] | None = None
                break
            needed |= regex._literals
        else:
            self._literals = frozenset(needed)

    def may_match(self, text: str) -> bool:
        """Whether one of the patterns may match: the text holds one of their literals (one look for all)."""
        needed = self._literals
        return needed is None or any(map(fold(text).__contains__, needed))

    def search(self, text: str) -> bool:
        return self.may_match(text) and any(regex.search(text) for regex in self.regexes)


class InOrder:
    """Patterns applied one after another (a glossary): which of them, from a position on, a text may match,
    found in one pass over all their literals rather than by asking each pattern."""

    __slots__ = ("_always", "_by_literal")

    def __init__(self, regexes: Iterable[Regex]) -> None:
        self._by_literal: dict[str, list[int]] = {}
        self._always: list[int] = []
        for index, regex in enumerate(regexes):
            if regex._literals is None:
                self._always.append(index)
            for literal in regex._literals or ():
                self._by_literal.setdefault(literal, []).append(index)

    def candidates(self, text: str, start: int = 0) -> list[int]:
        """Indexes, from `start` on and in order, of the patterns that may match `text`."""
        folded = fold(text)
        found = {i for literal, indexes in self._by_literal.items() if literal in folded for i in indexes}
        return sorted(i for i in found.union(self._always) if i >= start)


def _literals(pattern: str, flags: int) -> list[str] | None:
    """Read from the parse tree of Python's own re module; any surprise there only means no prefilter."""
    try:
        from re import _parser  # type: ignore[attr-defined]  # the re module's own parser (3.11+)

        found = _sequence(_parser.parse(pattern, flags))
    except Exception:  # a surprise from a private module costs speed, never a wrong answer
        return None
    return None if found is None else sorted(found)


def _sequence(items: Any) -> frozenset[str] | None:
    """What a sequence of regex items needs: the best of its parts' needs (every part must match).

    A run of ASCII literal characters is one string (zero-width anchors such as \\b do not break it);
    a group or a repeat at least once needs what its content needs; an alternation needs one of what its
    branches need, and nothing when a branch needs nothing. Character classes, optional parts,
    lookarounds and back-references need nothing.
    """
    from re import _constants as c  # type: ignore[attr-defined]

    needs: list[frozenset[str]] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            needs.append(frozenset(["".join(run)]))
            run.clear()

    for op, arg in items:
        if op is c.LITERAL and chr(arg).isascii():
            run.append(chr(arg).lower())
            continue
        if op is c.AT:
            continue
        end_run()
        need: frozenset[str] | None = None
        if op is c.SUBPATTERN:
            need = _sequence(arg[3])
        elif op is c.ATOMIC_GROUP:
            need = _sequence(arg)
        elif op is c.BRANCH:
            branches = [_sequence(branch) for branch in arg[1]]
            if all(b is not None for b in branches):
                need = frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and arg[0] >= 1:
            need = _sequence(arg[2])
        if need:
            needs.append(need)
    end_run()
    # The most selective need: the longest shortest string, then the fewest strings.
    return max(needs, key=lambda n: (min(map(len, n)), -len(n)), default=None)
