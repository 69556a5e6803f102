"""Turn the lines any reader produced into sections, entries and bullets."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import cast

from translator.memo import read_toml
from translator.models import Bullet, Entry, Section, SectionKind
from translator.parse.text import Line, split_dates

_SEPARATORS = re.compile(r"\s+[|–—]\s+|\s+-\s+|,\s+(?=[A-Z])|\s+at\s+")


def _key(text: str) -> str:
    text = re.sub(r"\*?\(optional\)\*?", "", text, flags=re.IGNORECASE)
    text = re.sub(r"[#:*_\[\]]", "", text).replace("&", "and").lower()
    return re.sub(r"\s+", " ", text).strip()


@cache
def _sections_file() -> dict[str, dict[str, list[str]] | list[str]]:
    return read_toml(Path(__file__).parent / "sections.toml")  # type: ignore[no-any-return]


@cache
def _headings() -> dict[str, SectionKind]:
    raw = _sections_file()
    return {_key(h): cast(SectionKind, kind) for kind, names in raw.items() if isinstance(names, list) for h in names}


@cache
def _keywords() -> list[tuple[str, SectionKind]]:
    table = _sections_file().get("keywords", {})
    assert isinstance(table, dict)
    return [(word, cast(SectionKind, kind)) for kind, words in table.items() for word in words]


def section_kind(text: str) -> SectionKind | None:
    """The kind of a known CV heading, or None: this decides whether a plain line is a heading."""
    return _headings().get(_key(text))


def kind_of_heading(text: str) -> SectionKind:
    """The kind of a line already known to be a heading: exact name first, then a keyword in it."""
    exact = section_kind(text)
    if exact is not None:
        return exact
    key = _key(text)
    return next((kind for word, kind in _keywords() if word in key), "other")


def _heading_text(text: str) -> str:
    """The heading as printed, without markdown emphasis, '(Optional)' notes or a trailing colon."""
    text = re.sub(r"\*?\(optional\)\*?", "", text, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", text).strip().rstrip(":").strip()


def _looks_like_heading(line: Line) -> bool:
    if line.bullet or len(line.text) > 60:
        return False
    if section_kind(line.text) is not None:
        return True
    words = line.text.split()
    letters = [c for c in line.text if c.isalpha()]
    return (
        2 <= len(words) <= 5
        and len(letters) >= 6
        and all(c.isupper() for c in letters)
        and not any(c.isdigit() for c in line.text)
        and "@" not in line.text
    )


def _org_like(text: str) -> bool:
    """An organization line is short and no sentence: "Mercy Hospital, Springfield, IL"."""
    return len(text) <= 90 and not text.rstrip().endswith(".")


def _split_title(text: str) -> tuple[str, str | None]:
    parts = _SEPARATORS.split(text, maxsplit=1)
    if len(parts) == 2 and parts[0].strip() and parts[1].strip():
        return parts[0].strip(), parts[1].strip()
    return text.strip(), None


def _starts_section(
    line: Line, current: Section | None, section_level: int | None, has_preamble: bool, sub_level: int | None = None
) -> bool:
    if line.bullet:
        return False
    if sub_level is not None and line.heading and line.level == sub_level:
        return True  # a sibling of a known subsection ("### Peer-Reviewed Articles", "### Manuscripts …")
    if section_kind(line.text) is not None:
        # In a PDF with font sizes, a known heading set as plain body text is a phrase, not a heading
        # ("additional information" in a contact block).
        return not line.size or line.heading or line.bold or line.text.isupper()
    if line.heading:
        if line.level == 0 and line.size:
            return False  # a PDF's name or tagline, set larger than the section headings
        if current is None:
            # In a PDF only headings at the section size (level 1) open sections; smaller ones are titles.
            return has_preamble and (not line.size or line.level == 1)
        return section_level is not None and line.level <= section_level
    return _looks_like_heading(line) and (current is not None or has_preamble)


def _continues_citation(line: Line, section: Section, entry: Entry | None) -> bool:
    """A line in a list of papers or talks that starts in lower case, right after an item, ends that item."""
    return (
        section.kind in {"publications", "presentations"}
        and entry is not None
        and bool(entry.bullets)
        and not line.heading
        and line.text[:1].islower()
    )


def build_sections(lines: list[Line]) -> tuple[list[Line], list[Section]]:
    """(lines before the first section — the contact block —, the sections).

    A heading starts a section when its words are a known CV heading, or when it is styled as a heading
    (Word style, markdown #, larger PDF font) at the level of the CV's sections; deeper headings are
    entry titles ("### Hospitalist" under "## Experience").
    """
    preamble: list[Line] = []
    sections: list[Section] = []
    current: Section | None = None
    section_level: int | None = None
    sub_level: int | None = None  # the level of known subsections under a section ("### Oral Presentations")
    entry: Entry | None = None
    title_was_split = False  # "Attending Physician, Medical Oncology" may be one title
    for line in lines:
        if line.part != "body":
            preamble.append(line)
            continue
        if line.heading and section_level is not None and line.level <= section_level:
            sub_level = None
        if _starts_section(line, current, section_level, bool(preamble), sub_level):
            kind = section_kind(line.text)
            current = Section(heading=_heading_text(line.text), kind=kind_of_heading(line.text))
            sections.append(current)
            if line.heading and line.level and section_level is None:
                section_level = line.level
            elif kind and line.heading and section_level is not None and line.level > section_level:
                sub_level = line.level
            entry = None
            continue
        if current is None:
            preamble.append(line)
            continue
        if line.bullet:
            if entry is None:
                entry = Entry()
                current.entries.append(entry)
            entry.bullets.append(Bullet(text=line.text))
            continue
        if _continues_citation(line, current, entry):
            # A citation carried over a page break ("scintigraphy: a secondary analysis. JACC…") is the
            # end of the paper above, not a paper of its own: "5 of 61" when the CV lists 60.
            assert entry is not None
            entry.bullets[-1].text = f"{entry.bullets[-1].text} {line.text}"
            continue
        text, dates = (line.text, line.aside) if line.aside else split_dates(line.text)
        if current.kind in {"summary", "skills", "contact"}:
            if entry is None:
                entry = Entry()
                current.entries.append(entry)
            entry.lines.append(line.text if not line.aside else f"{line.text} {line.aside}")
            continue
        if entry is None or entry.bullets or line.heading or (dates and entry.dates):
            title, organization = _split_title(text)
            title_was_split = organization is not None
            entry = Entry(title=title, organization=organization, dates=dates)
            current.entries.append(entry)
        elif entry.title is not None and (entry.organization is None or title_was_split) and _org_like(text):
            if title_was_split:
                entry.title = f"{entry.title}, {entry.organization}"
            entry.organization, entry.dates = text, entry.dates or dates
            title_was_split = False
        else:
            if dates and not entry.dates:
                entry.dates = dates
            entry.lines.append(text)
    return preamble, sections
