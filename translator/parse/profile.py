"""Contact details, credentials, specialty and board certification."""

from __future__ import annotations

import re

from translator import dates
from translator.models import Profile, Section
from translator.parse.specialty import most_specific_specialty
from translator.parse.text import Line

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w/])(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)")
_LOCATION = re.compile(
    r"\b([A-Z][a-zA-Z.]+(?:\s[A-Z][a-zA-Z.]+)*,\s(?:[A-Z]{2}\b(?:\s[A-Z0-9]{3}\s?[A-Z0-9]{3}|\s\d{5})?|[A-Z][a-z]+(?:\s[A-Z][a-z]+)*))"
)
CREDENTIALS = (
    "MD",
    "DO",
    "MBBS",
    "MBChB",
    "PhD",
    "MPH",
    "MS",
    "MSc",
    "MBA",
    "MHA",
    "MMSc",
    "PharmD",
    "FACP",
    "FACC",
    "FAAP",
    "FACS",
    "FACEP",
    "FHM",
    "SFHM",
    "FRCPC",
    "MRCP",
    "DPhil",
    "MSCR",
    "MSCI",
)
_CREDENTIAL = re.compile(r"(?<![\w.])(" + "|".join(CREDENTIALS) + r")(?![\w])")
_DEGREE_NAMES = {
    "doctor of medicine": "MD",
    "doctor of osteopathic medicine": "DO",
    "doctor of philosophy": "PhD",
    "master of public health": "MPH",
    "bachelor of medicine": "MBBS",
    "master of business administration": "MBA",
}
_BOARD = re.compile(
    r"\b(board[- ]certified|diplomate|american board of|ABIM|ABFM|ABP|ABEM|certified by the american board)\b",
    re.I,
)
_NOT_BOARD = re.compile(r"\b(eligible|steps?|usmle|in progress|expected|pending)\b", re.I)
_PARTICLES = {"de", "da", "del", "della", "van", "von", "der", "den", "la", "le", "bin", "al", "el", "y", "dos", "du"}


def _looks_like_name(text: str) -> bool:
    """Two to five words of letters, each capitalized (particles like "van" or "de" aside): any script."""
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    for word in words:
        if not all(c.isalpha() or c in ".'’-" for c in word):
            return False
        if not (word[0].isupper() or word in _PARTICLES):
            return False
    return True


_NOT_A_NAME = re.compile(r"[’']s\s+(?:CV|resume)$|\b(?:curriculum vitae|resume|résumé|CV)$", re.IGNORECASE)


def _name(lines: list[Line]) -> tuple[str | None, str | None]:
    # A PDF tells us which line is set in the largest type at the top: that is the name.
    titled = [line for line in lines if line.heading and line.level == 0]
    for line in [*titled, *lines[:8]]:
        text = line.text.strip().lstrip("#").strip()
        head = _NOT_A_NAME.sub("", re.split(r"\s*[,|]\s*", text, maxsplit=1)[0]).strip()
        if EMAIL.search(head) or PHONE.search(head) or any(c.isdigit() for c in head):
            continue
        candidate = _CREDENTIAL.sub("", head).strip(" ,")
        if re.fullmatch(r"\[[A-Za-z][\w .'-]*\]", candidate) and line is lines[0]:
            return candidate, text  # a template's "[Your Full Name]": printed as such, kept as such
        if _looks_like_name(candidate) or (candidate.isupper() and 2 <= len(candidate.split()) <= 4):
            name = candidate.title() if candidate.isupper() else candidate
            return name, text
    return None, None


def extract_profile(preamble: list[Line], sections: list[Section], all_text: str) -> Profile:
    # A sidebar's "Contact" section holds what a header block would.
    contact = [Line(text=t) for s in sections if s.kind == "contact" for e in s.entries for t in e.lines]
    preamble = [*preamble, *contact]
    head_text = "\n".join(line.text for line in preamble)
    name, name_line = _name(preamble)
    email = EMAIL.search(head_text) or EMAIL.search(all_text)
    phone = PHONE.search(head_text) or PHONE.search(all_text)
    location = next(
        (
            m.group(1)
            for line in preamble
            if line.text != name_line
            for m in _LOCATION.finditer(line.text)
            if m.group(1).rsplit(", ", 1)[-1] not in CREDENTIALS  # "Adeyemi, MD" is a name, not a place
        ),
        None,
    )
    credentials: list[str] = []
    for match in _CREDENTIAL.finditer(name_line or ""):
        credentials.append(match.group(1))
    lowered = all_text.lower()
    for phrase, abbreviation in _DEGREE_NAMES.items():
        if phrase in lowered and abbreviation not in credentials:
            credentials.append(abbreviation)
    position, institution = _current_position(sections)
    board_lines = [ln for ln in all_text.splitlines() if _BOARD.search(ln) and not _NOT_BOARD.search(ln)]
    return Profile(
        name=name,
        email=email.group(0) if email else None,
        phone=phone.group(0).strip() if phone else None,
        location=location,
        credentials=list(dict.fromkeys(credentials)),
        specialty=most_specific_specialty(position, board_lines, sections, lowered),
        board_certified=bool(board_lines),
        institution=institution,
        position=position,
    )


_UNIT = re.compile(r"(?:division|department|dept\.?|section|service|unit)\b", re.IGNORECASE)


def _current_position(sections: list[Section]) -> tuple[str | None, str | None]:
    """(title, institution) of the most recent experience entry that names an organization: the one that
    ended last (an ongoing one first), the first listed among equals, whatever order the CV uses."""
    entries = [e for s in sections if s.kind == "experience" for e in s.entries if e.organization and e.title]
    if not entries:
        return None, None
    latest = max(entries, key=lambda e: (dates.end_year(e.dates), -entries.index(e)))
    assert latest.organization is not None
    parts = [part.strip() for part in latest.organization.split(",") if part.strip()]
    # "Division of Cardiology, Northfield University School of Medicine": the institution is the second.
    return latest.title, next((p for p in parts if not _UNIT.match(p)), parts[0] if parts else None)
