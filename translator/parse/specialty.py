"""The physician's specialty, from the most specific evidence the CV gives."""

from __future__ import annotations

import re

from translator.models import Section
from translator.specialties import BRITISH_SPELLINGS, specialties

_BOARD_NAME = re.compile(r"american board of ([a-z][a-z /&-]*?)\s*(?=[,(;:.\d]|\s[-–—]\s|$)")
_FELLOWSHIP = re.compile(r"\bfellow(?:ship)?\b", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d{2}")


_AMERICAN = re.compile("|".join(BRITISH_SPELLINGS))


def _first_named(text: str) -> str | None:
    """The first specialty named in the text; the longest at the same place ("medical oncology")."""
    lowered = re.sub(r"\s*&\s*", " and ", text.lower())  # "Physical Medicine & Rehabilitation"
    lowered = re.sub(r"(?<=\w)[–‑](?=\w)", "-", lowered)  # "Maternal–Fetal Medicine", set with an en dash
    lowered = _AMERICAN.sub(lambda m: BRITISH_SPELLINGS[m.group(0)], lowered)  # "paediatric", "haematology"
    data = specialties()
    found = [s for s in (*data.names, *data.aliases) if s in lowered]
    if not found:
        return None
    first = min(found, key=lambda s: (lowered.index(s), -len(s)))
    return data.aliases.get(first, first)


def _from_title(position: str | None) -> str | None:
    """'Staff Rheumatologist' → rheumatology, by the people's words in specialties.toml; a clinical job
    title that is no specialty (hospitalist, nocturnist) says nothing here."""
    if not position:
        return None
    return _person_in(position) or _first_named(position)


# A title that names a service or a program it runs, whose field is the service's ("Medical Director, Addiction
# Medicine Consult Service"), not a division or a department the physician belongs to
_SERVICE = re.compile(r"\b(?:consult(?:ation)? )?(?:service|program|programme|clinic|unit|cent(?:er|re))\b", re.I)


def _person_in(position: str | None) -> str | None:
    """The specialty a title names by its people's word ('Staff Rheumatologist'), not by a field a service or a
    program is named for ('Medical Director, Addiction Medicine Consult Service')."""
    if not position:
        return None
    data = specialties()
    lowered = re.sub(r"\s*&\s*", " and ", position.lower())  # "Consultant Child & Adolescent Psychiatrist"
    people = sorted(
        ((word.lower(), specialty) for specialty, word in data.person.items() if word.lower() not in data.titles),
        key=lambda pair: -len(pair[0]),
    )
    for word, specialty in people:
        if re.search(rf"\b{re.escape(word)}\b", lowered):
            return specialty
    return next((s for initials, s in data.initials.items() if re.search(rf"\b{initials}\b", position)), None)


def names_a_specialty(text: str) -> bool:
    """Whether the text names a specialty ("Hematology 2015", "Maternal–Fetal Medicine (2017)")."""
    return _first_named(text) is not None


def _named_in(text: str) -> str:
    return _first_named(text) or ""


def _from_boards(board_lines: list[str], context: tuple[str, ...] = ()) -> tuple[str | None, str | None]:
    """(the most recent subspecialty certified, the broad specialty certified). In "American Board of
    Internal Medicine, Rheumatology" the board is the parent; the specialty named beside it is the one."""
    specific: list[tuple[int, int, str]] = []
    broad: str | None = None
    for index, line in enumerate(board_lines):
        lowered = line.lower()
        board = _BOARD_NAME.search(lowered)
        board_name = board.group(1).strip() if board else None
        rest = lowered[: board.start()] + " " + lowered[board.end() :] if board else lowered
        named = _first_named(rest)
        # "American Board of Pediatrics: General Pediatrics (2013); Pediatric Cardiology (2017)": the board's
        # subspecialty may follow its general one on the line
        # … or after a comma, each with its year: "ABIM Internal Medicine (2009), Geriatric Medicine (2010), Hospice &
        # Palliative Medicine (2011)"
        parts = re.split(r";\s*|(?<=\))\s*,\s*|(?<=\d{4})\s*,\s*", rest)
        for part in parts[1:]:
            later = _first_named(part)
            if later and later not in specialties().broad and (named is None or named in specialties().broad):
                named = later
            elif later and later not in specialties().broad and len(parts) > 1:
                # each certified in its own year: the most recent is the narrowest the physician practises
                specific.append((max((int(y) for y in _YEAR.findall(part)), default=0), -index, later))
        if named and named != board_name and named not in specialties().broad:
            years = [int(y) for y in _YEAR.findall(next((p for p in parts if named in _named_in(p)), line))]
            specific.append((max(years, default=0), -index, named))
        elif broad is None:
            broad = named or (_first_named(board_name) if board_name else None)
    if not specific:
        return None, broad
    # of several certified, the one the CV speaks of most ("hospice" and "palliative" over "geriatric" for a
    # hospice medical director), then the most recent; named as one with the board held beside it that makes a
    # specialty people name as one ("ABIM, Hematology; ABIM, Medical Oncology (2018)": hematology/oncology)
    said = re.sub(r"\s*&\s*", " and ", " ".join(text.lower() for text in context))
    chosen = max(specific, key=lambda s: (_mentions(s[2], said), s))[2]
    held = {name for _, _, name in specific}
    joint = next((j for j, parts in specialties().joint.items() if chosen in parts and held >= set(parts)), chosen)
    return joint, broad


def _mentions(specialty: str, text: str) -> int:
    """How often the text names the specialty or its people: 'palliative' and 'palliative care physician'."""
    words = {w for w in re.findall(r"[a-z]{5,}", specialty) if w not in {"medicine", "general", "clinical"}}
    person = specialties().person.get(specialty, "").lower()
    return sum(text.count(w) for w in words) + (text.count(person) if person else 0)


def most_specific_specialty(
    position: str | None, board_lines: list[str], sections: list[Section], lowered: str, described: str = ""
) -> str | None:
    """The current title ("Staff Rheumatologist") first, then a subspecialty board, then a fellowship,
    then the broad board, then residency and other training, then the specialty the CV names most; refined by
    the subspecialty the physician names themselves by (`described`: tagline and summary, "Vitreoretinal
    surgeon · Milwaukee") when it is one of the specialty found."""
    found = _most_specific(position, board_lines, sections, lowered)
    own = _person_in(described.split("\n", 1)[0]) or _opening_person(described)
    data = specialties()
    if (
        own
        and own != found
        and own not in data.broad
        and (
            found is None
            or found in data.broad
            or (data.area.get(own) and data.area.get(own) == data.area.get(found or ""))
        )
    ):
        return own
    return found


def _opening_person(described: str) -> str | None:
    """The specialty a line opens with by its people's word: "Vitreoretinal surgeon, trained first in India"."""
    for line in described.split("\n"):
        words = re.split(r"[,;·|(]", line.strip().lstrip("*").strip(), maxsplit=1)[0]
        if len(words.split()) <= 4 and (found := _person_in(words)):
            return found
    return None


def _most_specific(position: str | None, board_lines: list[str], sections: list[Section], lowered: str) -> str | None:
    title = _from_title(position)
    specific, broad = _from_boards(board_lines, (lowered,))
    if specific and title and title != specific and (title in specific or _SERVICE.search(position or "")):
        # "Director, Fetal Cardiology Program" with a pediatric cardiology board; "Medical Director, Addiction
        # Medicine Consult Service" with an addiction psychiatry board: a service's field, the board the person's
        return specific
    if title and (title not in specialties().broad or not specific):
        return title  # "Assistant Professor of Pediatrics" says less than a pediatric hematology-oncology board
    if specific:
        return specific
    training = [
        f"{e.title} {e.organization}"
        for s in sections
        if s.kind in {"training", "education", "experience"}
        for e in s.entries
    ]
    fellowship = next((n for t in training if _FELLOWSHIP.search(t) and (n := _first_named(t))), None)
    if fellowship or broad:
        return fellowship or broad
    named = next((n for t in training if (n := _first_named(t))), None)
    if named:
        return named
    # the specialty the CV names most, by its name or its people's word ("Physiatrist in practice 17 years" counts
    # for physical medicine and rehabilitation; "paddle leads with neurosurgery" names a colleague's field once)
    data = specialties()
    lowered = re.sub(r"\s*&\s*", " and ", lowered)
    counts = {s: lowered.count(s) for s in data.names if s in lowered}
    for specialty, word in data.person.items():
        if word.lower() not in data.titles:
            said = len(re.findall(rf"\b{re.escape(word.lower())}s?\b", lowered))
            if said:
                counts[specialty] = counts.get(specialty, 0) + said
    return max(counts, key=lambda s: (counts[s], len(s))) if counts else None
