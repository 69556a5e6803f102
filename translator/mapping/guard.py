"""The fact guard: a rewrite may change words, never what happened, how much or who was involved."""

from __future__ import annotations

import re

_WORD_NUMBERS = {
    w: str(i)
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ]
    )
}
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2011": "-", "\u00a0": " "})
_CAPITALIZED = re.compile(r"\b[A-Z][A-Za-z0-9&'-]*\b")
_MONEY_OR_PERCENT = re.compile(r"[$€£]|%|\bpercent\b", re.IGNORECASE)


def _normalize(text: str) -> str:
    text = text.lower().translate(_DASHES)
    return re.sub(r"(?<=\d),(?=\d{3})", "", text)


def numbers(text: str) -> set[str]:
    """Every number a reader would see: digits and the number words zero to twelve."""
    norm = _normalize(text)
    found = set(_NUMBER.findall(norm))
    found |= {_WORD_NUMBERS[w] for w in re.findall(r"[a-z]+", norm) if w in _WORD_NUMBERS}
    return found


_STANDALONE = re.compile(r"(?<![a-z\d.])\d+(?:\.\d+)?(?![a-z\d]|\.\d)")


def standalone_numbers(text: str) -> set[str]:
    """Numbers that stand as quantities: '4' in '4 residents', not the 2 of 'P2P' or the 1 of 'HbA1c'."""
    norm = _normalize(text)
    found = set(_STANDALONE.findall(norm))
    found |= {_WORD_NUMBERS[w] for w in re.findall(r"[a-z]+", norm) if w in _WORD_NUMBERS}
    return found


def _proper_words(text: str) -> set[str]:
    words = _CAPITALIZED.findall(text)
    # The first word is capitalized because it opens the sentence, not because it is a name.
    first = re.match(r"\W*([A-Za-z][\w'-]*)", text)
    if first and words and words[0] == first.group(1):
        words = words[1:]
    return {w.lower() for w in words}


def violations(source: str, rewrite: str, allowed_words: frozenset[str] = frozenset()) -> list[str]:
    """Why `rewrite` states something `source` does not; empty when it is faithful."""
    problems = []
    src_numbers, new_numbers = numbers(source), numbers(rewrite)
    if added := sorted(new_numbers - src_numbers):
        problems.append(f"adds the number(s) {', '.join(added)}")
    if lost := sorted(standalone_numbers(source) - new_numbers):
        problems.append(f"drops the number(s) {', '.join(lost)}")
    if _MONEY_OR_PERCENT.search(rewrite) and not _MONEY_OR_PERCENT.search(source):
        problems.append("adds money or a percentage")
    source_words = {w.lower() for w in re.findall(r"[A-Za-z][\w'-]*", source)}
    names = _proper_words(rewrite) - source_words - allowed_words
    if names:
        problems.append(f"adds the name(s) {', '.join(sorted(names))}")
    return problems
