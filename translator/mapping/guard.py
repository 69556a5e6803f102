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


# Words that assert a collaborator, an audience, a result or a standard. A rewrite may use one only when
# the source (or the user's own answer) already has a word of the same stem: "Member, Stroke Committee"
# does not say who else sat on the committee, nor what it achieved.
_CLAIMS = re.compile(
    r"\b(nurs\w*|pharmac\w*|case management|case managers?|social work\w*|stakeholders?|sponsors?|CROs?|"
    r"executives?|administrat\w*|leadership|multidisciplinary|interdisciplinary|interprofessional|"
    r"cross-functional|teams?|colleagues|disciplines|partners?\w*|collaborat\w*|alongside|"
    r"standardiz\w*|improv\w*|reduc\w*|increas\w*|decreas\w*|efficien\w*|outcomes?|complian\w*|adoption|"
    r"adopted|evidence|audiences?|budgets?|revenue|savings|costs?|strateg\w*|learners|expertise|reasoning|"
    r"best practices?|value|impact\w*|success\w*|ensur\w*|optimi[sz]\w*|enhanc\w*|streamlin\w*|"
    r"system-wide|organization-wide|hospital-wide|patient safety|safety|quality)\b",
    re.IGNORECASE,
)


def claims(source: str, rewrite: str) -> list[str]:
    """Claim words of `rewrite` with no word of the same stem in `source`."""
    src = _normalize(source)
    found = {m.group(0).lower() for m in _CLAIMS.finditer(rewrite)}
    return sorted(w for w in found if not re.search(r"\b" + re.escape(w[:5]), src))


def violations(source: str, rewrite: str, allowed_words: frozenset[str] = frozenset(), context: str = "") -> list[str]:
    """Why `rewrite` states something `source` does not; empty when it is faithful.

    `context` is text the user stands behind as well as the source: their answers and confirmed
    additions, and the glossary's plain words for the shorthand the source uses.
    """
    problems = []
    src_numbers, new_numbers = numbers(f"{source} {context}"), numbers(rewrite)
    if added := sorted(new_numbers - src_numbers):
        problems.append(f"adds the number(s) {', '.join(added)}")
    if lost := sorted(standalone_numbers(source) - new_numbers):
        problems.append(f"drops the number(s) {', '.join(lost)}")
    if _MONEY_OR_PERCENT.search(rewrite) and not _MONEY_OR_PERCENT.search(f"{source} {context}"):
        problems.append("adds money or a percentage")
    tokens = re.findall(r"[A-Za-z][\w'-]*", f"{source} {context}")
    source_words = {w.lower() for token in tokens for w in (token, *token.split("-"))}  # "anti-VEGF" has VEGF
    source_words |= {w.lower() for w in _CAPITALIZED.findall(f"{source} {context}")}  # "PM&R" as one name
    names = _proper_words(rewrite) - source_words - allowed_words
    if names:
        problems.append(f"adds the name(s) {', '.join(sorted(names))}")
    if added_claims := claims(f"{source} {context}", rewrite):
        problems.append(f"claims what the source does not say: {', '.join(added_claims)}")
    return problems
