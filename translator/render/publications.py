"""Which papers and talks a resume shows: the owner's most recent first- and senior-author work first."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

AuthorRole = Literal["first", "senior", "middle", "unknown"]

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?![\d])")
_ROLE_WORDS = re.compile(r"\b(first|senior|last|corresponding)[- ]author", re.IGNORECASE)
# "Adeyemi SO", "S. O. Adeyemi", "Adeyemi, S.O.", "**Adeyemi SO**": one author of a Vancouver/APA list.
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*")
_ET_AL = re.compile(r"\bet\s+al\b", re.IGNORECASE)


@dataclass(frozen=True)
class Citation:
    text: str
    year: int  # 0 when the citation names none
    role: AuthorRole
    order: int  # place in the CV, to keep its order among equals


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def _authors(text: str) -> tuple[list[str], bool] | None:
    """The author list before the first ". " that is followed by a title, and whether it ends in et al."""
    head = re.split(r"\.\s+(?=[A-Z0-9\"'“‘])", text.replace("*", ""), maxsplit=1)[0]
    if len(head) > 400 or len(head.split()) < 2:
        return None
    names = [n for n in _AUTHOR_SPLIT.split(_ET_AL.sub("", head)) if n.strip(" .")]
    return names, bool(_ET_AL.search(head))


def author_role(text: str, surname: str | None) -> AuthorRole:
    """Where the CV's owner sits in a citation's author list: first, senior (last), middle or unknown."""
    said = _ROLE_WORDS.search(text)
    if said:
        return "first" if said.group(1).lower() == "first" else "senior"
    if not surname:
        return "unknown"
    parsed = _authors(text)
    if parsed is None:
        return "unknown"
    names, et_al = parsed
    key = _fold(surname)
    places = [i for i, name in enumerate(names) if re.search(rf"\b{re.escape(key)}\b", _fold(name))]
    if not places:
        return "unknown"
    if places[0] == 0:
        return "first"
    if places[0] == len(names) - 1 and not et_al and len(names) > 1:
        return "senior"
    return "middle"


def citation_year(text: str) -> int:
    """The publication year: the last year in the citation (titles rarely end in one; journals do)."""
    years = [int(y) for y in _YEAR.findall(text)]
    return years[-1] if years else 0


def select_citations(texts: list[str], surname: str | None, limit: int) -> list[str]:
    """`limit` citations, most recent first: the owner's first- and senior-author papers before the rest."""
    chosen = citations_by_worth(texts, surname)[:limit]
    return sorted(chosen, key=lambda t: (-citation_year(t), texts.index(t)))


def citations_by_worth(texts: list[str], surname: str | None) -> list[str]:
    """The citations from the one to keep longest: the owner's first- and senior-author papers, newest first,
    then the rest, newest first."""
    citations = [Citation(t, citation_year(t), author_role(t, surname), i) for i, t in enumerate(texts)]
    # (a journal's paper before a book chapter, an abstract, a poster or a letter, among the led and the rest)
    led = sorted(
        (c for c in citations if c.role in {"first", "senior"}), key=lambda c: (_lesser(c.text), -c.year, c.order)
    )
    rest = sorted(
        (c for c in citations if c.role not in {"first", "senior"}), key=lambda c: (_lesser(c.text), -c.year, c.order)
    )
    return [c.text for c in led + rest]


# what is no paper in a journal: a chapter in a book, a meeting's abstract or poster, a letter or an erratum
_LESSER = re.compile(
    r"\bIn:\s|\bchapter\b|\b(?:eds?|editors?)\.?\)|\bPress\b|\babstract\b|\bposter\b|\bsuppl\b|\bcongress\b|"
    r"\bannual (?:meeting|conference|congress)\b|\bletter\b|\berratum\b|\bcorrespondence\b",
    re.IGNORECASE,
)


def _lesser(text: str) -> bool:
    return _LESSER.search(text) is not None


def most_recent(texts: list[str], limit: int) -> list[str]:
    """`limit` items (talks, honors), most recent first; undated ones keep their CV order after them."""
    order = sorted(range(len(texts)), key=lambda i: (-citation_year(texts[i]), i))
    return [texts[i] for i in order[:limit]]
