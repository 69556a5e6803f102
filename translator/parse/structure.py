"""Turn the lines any reader produced into sections, entries and bullets."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import cast

from translator import dates
from translator.dates import DATE_RANGE
from translator.memo import read_toml
from translator.models import Bullet, Entry, NotUsed, Section, SectionKind
from translator.parse.text import (
    PERSONAL_REASON,
    TENURE_ALONE,
    TITLE_SHARED_WORDS,
    TOWN_AND_WHERE,
    Line,
    is_span,
    leading_dates,
    organization_words,
    personal_line,
    split_dates,
)

# Title from organization; not before a company's legal form ("Lakeshore Allergy & Asthma Associates, S.C.").
_SEPARATORS = re.compile(
    r"\s+[|–—•]\s+|\s+-\s+|,\s+(?=[A-Z])(?!(?:Inc|LLC|L\.L\.C|PLLC|P\.C|PC|S\.C|Ltd|LLP|Corp)\b\.?)|\s+at\s+"
)


_COUNTED = re.compile(
    r"\s*\((?:(?:selected,?\s*)?(?:\d+\s+)?(?:of\s+\d+|n\s*=\s*\d+|\d+)\s*(?:total)?"
    r"|selected|recent|most recent|abridged|partial(?: list)?|highlights)\)\s*$",  # "Continuing Education (selected)"
    re.I,
)


def _key(text: str) -> str:
    text = re.sub(r"\*?\(optional\)\*?", "", text, flags=re.IGNORECASE)
    # a count or a note in brackets after the heading: "Selected Publications (of 24)", "Publications (5 of 23)",
    # "(n = 24)", "(selected)"
    text = _COUNTED.sub("", text)
    text = re.sub(r"[#:*_\[\]]", "", text).replace("&", "and").lower()
    text = _BRITISH.sub(lambda m: _US_SPELLING[m.group(1)], text)
    return re.sub(r"\s+", " ", text).strip()


# A British or European CV's spelling of a heading's words: "Honours and awards", "Licences"
_US_SPELLING = {"honour": "honor", "licence": "license", "organisation": "organization", "programme": "program"}
_BRITISH = re.compile(r"\b(" + "|".join(_US_SPELLING) + ")")


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
    """The kind of a known CV heading, or None: this decides whether a plain line is a heading. Known headings
    joined ("Quality Improvement and Projects", "Teaching, Mentoring") are one, of the kind its words name."""
    key = _key(text)
    known = _headings().get(key)
    if known is not None or len(key) > 60:
        return known
    if (translated := _in_english(key)) is not None:
        return translated
    parts = re.split(r",? and |, ", key)
    return kind_of_heading(text) if len(parts) > 1 and all(_headings().get(p.strip()) for p in parts) else None


def kind_of_heading(text: str) -> SectionKind:
    """The kind of a line already known to be a heading: exact name first, then a keyword in it."""
    exact = _headings().get(_key(text))
    if exact is not None:
        return exact
    key = _key(text)
    if (translated := _in_english(key)) is not None:
        return translated
    if key.endswith("skills"):
        return "skills"  # "Safety & Research Skills": what the skills are about does not make them research
    if key.endswith("experience") and re.search(r"\b(?:clinical(?! research)|professional|work|medical)\b", key):
        return "experience"  # "Clinical & Research Experience": the posts held, research among them
    if key.endswith(("evaluation", "assessment")):
        return "other"  # "Device and Technology Evaluation": work done, not a list of technologies known
    if re.search(r"\btrials?\b", key) and "industry" in key:
        return "research"  # "Industry-Sponsored Clinical Trials": trials, whoever sponsored them
    return next((kind for word, kind in _keywords() if word in key), "other")


# A heading numbered ("1. Werkervaring", "II) Education") or given in two languages: "Formação Acadêmica
# (Education)", "Postes actuels / Current appointments", "Werkervaring | Experience"
_NUMBERED = re.compile(r"^(?:\d{1,2}|[ivx]{1,4})[.)]\s+")
_TWO_LANGUAGES = re.compile(
    r"^(?P<one>[^()/|]+?)\s*(?:\((?P<bracket>[^()]+)\)|\s/\s(?P<slash>[^/|]+)|\s\|\s(?P<bar>[^/|]+))$"
)


def _in_english(key: str) -> SectionKind | None:
    """The kind of a numbered heading, or of a heading in two languages by either of its names."""
    key = _NUMBERED.sub("", key)
    if (known := _headings().get(key)) is not None:
        return known
    if (two := _TWO_LANGUAGES.match(key)) is None:
        return None
    other = two.group("bracket") or two.group("slash") or two.group("bar")
    return _headings().get(two.group("one").strip()) or _headings().get(other.strip())


def _heading_text(text: str) -> str:
    """The heading as printed, without markdown emphasis, '(Optional)' notes or a trailing colon."""
    text = re.sub(r"\*?\(optional\)\*?", "", text, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", text).strip().rstrip(":").strip()


def _looks_like_heading(line: Line) -> bool:
    from translator.parse.profile import only_credentials

    if line.bullet or len(line.text) > 60 or only_credentials(line.text):
        return False
    if section_kind(line.text) is not None:
        return True
    text = _COUNTED.sub("", line.text)  # "SELECTED PUBLICATIONS & TALKS (6 of 19)": the count is the heading's note
    words = text.split()
    letters = [c for c in text if c.isalpha()]
    return (
        2 <= len(words) <= 5
        and len(letters) >= 6
        and all(c.isupper() for c in letters)
        and not any(c.isdigit() for c in text)
        and "@" not in text
    )


_SMALL_WORDS = frozenset({"of", "the", "and", "for", "at", "in", "on", "&", "de", "la", "y"})
_ORG_WORD = organization_words(TITLE_SHARED_WORDS, "Department|Division")  # in capitals, as a name has them


_EMPLOYER_WORD = organization_words(
    TITLE_SHARED_WORDS, r"Department|Division|Associates|Consultants|Physicians|Specialists|Inc|LLC|PLLC|S\.C|P\.C|Ltd"
)
_PLACE_ONLY = re.compile(r"[A-Z][\w.' -]+,\s*[A-Z]{2}")  # "Brookfield, WI"


_AN_INSTITUTION = re.compile(
    r"\b(?:University|Hospital|College|Institute|Cent(?:er|re)|School|Clinic|Trust|Foundation|Health|Healthcare|"
    r"System|Inc|LLC|Ltd|GmbH)\b"
)


# an employer's word after a title's comma: "Hospitalist, Mercy Medical Group — …", "Partner, Retina Associates — …"
_A_PRACTICE = re.compile(
    r"\b(?:Department|Division|Associates|Consultants|Physicians|Specialists|Group|Partners|Practice|Inc|LLC|PLLC|Ltd)\b"
)


def names_an_organization(text: str) -> bool:
    """The words name an organization by a word of its kind or its legal form ("Lakeshore Clinical Research Unit",
    "Corvexa Medical GmbH"), not a study's code ("ARC-BK") or a note."""
    return bool(_AN_ORGANIZATION.search(text)) and not _NOT_AN_ORGANIZATION.search(text)


# an institution, a practice, or a unit or company of the kinds research is done in
_AN_ORGANIZATION = re.compile(
    rf"{_AN_INSTITUTION.pattern}|{_A_PRACTICE.pattern}|\b(?:Hospitals|Unit|Dept|Medical|Network|Laboratory|Lab|"
    r"Consortium|Corp|AG|S\.A|Pharma\w*|Therapeutics|Biosciences|Bio|Diagnostics|Systems)\b"
)
_NOT_AN_ORGANIZATION = re.compile(
    r"\b(?:certification|certificate|renewed|site PI|sponsor|trials?|study|studies|registry)\b", re.IGNORECASE
)


def _org_like(text: str) -> bool:
    """An organization line is short, no sentence, and named in capitals ("Mercy Hospital, Springfield,
    IL"), unlike a duty ("Research mentor to 4 child neurology residents")."""
    if len(text) > (140 if _ORG_WORD.search(text) else 90) or (
        text.rstrip().endswith(".") and not _LEGAL_FORM_END.search(text)  # "Auriga Cardio Inc." is a name
    ):
        return False  # "Division of Pulmonary, Critical Care & Sleep Medicine, Medical College of Wisconsin / …"
    if _COMPANY.search(text):
        return True  # "Mirrorfield Imaging, Inc. (reflectance confocal microscopy start-up) — Tempe, AZ"
    words = [w for w in re.findall(r"[A-Za-z][\w'’&.-]*", text) if w.lower() not in _SMALL_WORDS]
    capitalized = sum(1 for w in words if w[:1].isupper())
    return not words or capitalized >= 0.6 * len(words) or bool(_ORG_WORD.search(text))


_LEGAL_FORM_END = re.compile(r"\b(?:Inc|Ltd|Corp|Co|P\.A|P\.C|S\.A|AG|GmbH)\.\s*$")
# a company's legal form after its name, set off by a comma: "Mirrorfield Imaging, Inc.", "Desert Sky …, PLLC"
_COMPANY = re.compile(r"^[A-Z][^,;:]{1,60},\s*(?:Inc|LLC|L\.L\.C|PLLC|P\.C|PC|S\.C|Ltd|LLP|Corp|GmbH)\b")


_PIPE = re.compile(r"\s+\|\s+")
# what a job line says of the post beside its title and place: "0.8 FTE", "part-time", "per diem"
_WORK_NOTE = re.compile(r"(?:~?\d*\.?\d+\s*FTE|part[- ]time|full[- ]time|per[- ]diem|locums?)\b.{0,30}", re.IGNORECASE)


def _pipe_fields(text: str) -> tuple[str, str | None] | None:
    """A job line of three fields or more between bars ("Medical Director | Perinatal Quality & Safety |
    ChristianaCare | Newark, DE"): the last field that is no place is the employer, those before it the title
    ("Medical Director, Perinatal Quality & Safety"), the place goes with the employer, and a note of the post's
    share ("0.8 FTE") with the title; None for any other line."""
    fields = [f.strip() for f in _PIPE.split(text) if f.strip()]
    if len(fields) < 3:
        return None
    places = [f for f in fields if _PLACE_ONLY.fullmatch(f)]
    notes = [f for f in fields if f not in places and _WORK_NOTE.fullmatch(f)]
    named = [f for f in fields if f not in places and f not in notes]
    if not named:
        return None
    if len(named) == 1:
        title, organization = _split_title(named[0])
    else:
        title, organization = ", ".join(named[:-1]), named[-1]
    if notes:
        title = f"{title} ({', '.join(notes)})"
    if organization and places:
        organization = ", ".join([organization, *places])
    return title, organization


def _describes(part: str) -> bool:
    """The part after a role is a description, not an organization: sentences, or a long phrase ending in a full
    stop ("Phase 3 trial of an oral HIF-PH inhibitor vs. ESA for anemia in dialysis patients, sponsor Tennant
    Pharmaceuticals. 22 patients randomized at our units.")."""
    said = sentences(part)
    if len(said) == 2 and said[1].startswith("(") and said[1].rstrip(".").endswith(")"):
        return False  # "Wrenfield University Hospitals NHS Foundation Trust, Sheffield. (10 PAs; 8.5 DCC / 1.5 SPA)"
    return len(said) > 1 or (part.rstrip().endswith(".") and len(part.split()) >= 8)


_BARE_LEAD = re.compile(
    r"(?:(?:Medical|Associate|Assistant|Deputy|Program|Section|Division)\s+)?(?:Director|Chief|Head|Chair|Lead)"
)
_COMMA = re.compile(r",\s+")


@cache
def _known_places() -> frozenset[str]:
    """The countries and regions the places file knows: what follows a town's comma in "Fujairah, United Arab
    Emirates", "Kozhikode, Kerala, India"."""
    from translator.data_files import places

    return frozenset({*places().countries, *places().regions})


# a title and a town after it: "Clinical Fellow, Endocrinology & Metabolism — Toronto, ON"
_TOWN_AFTER_TITLE = re.compile(rf"(?P<title>.{{2,}}?)(?: —|,) (?P<town>{TOWN_AND_WHERE})")
_LED_BODY = re.compile(
    r"\b(?:Program|Programme|Service|Center|Centre|Unit|Division|Section|Laboratory|Lab|Clinic|Team)$"
)


_NOTE_AFTER = re.compile(r"\s*\([^()]*\)\s*$")


def _named_with_a_note(text: str) -> bool:
    """A name in capitals and a note on it in brackets: "Scioto Valley Clinical Research (the group's trial site)";
    not a bracket alone, nor a line that ends on a word of its own ("… Program recipient (…)")."""
    name = _NOTE_AFTER.sub("", text)
    words = name.split()
    return name != text and len(words) >= 2 and all(w[:1].isupper() or w in _SMALL_WORDS for w in words)


def _a_short_name(text: str) -> bool:
    """A short name, and perhaps its city: "CareHarbor", "Yarra Bend Health, Melbourne"."""
    name, _, city = _NOTE_AFTER.sub("", text).partition(",")  # "Yarra Bend Health (2015–)": its note apart
    named = name.strip()[:1].isupper()  # a name, not "palliative care"
    return named and len(name.split()) <= (4 if city else 3) and len(city.split()) <= 2 and "," not in city


def _field_then_institution(title: str, rest: str) -> bool:
    """ "Advanced Trainee, Nephrology (RACP)" — "Tāmaki Regional Hospital and Waikōwhai Hospital, Auckland": the
    title ends on its field, an institution follows the dash."""
    from translator.parse.specialty import names_a_specialty

    field = re.sub(r"\s*\([^()]*\)", "", title.rsplit(",", 1)[1]).strip()
    return bool(_AN_INSTITUTION.search(rest)) and len(field.split()) <= 3 and names_a_specialty(field)


def _split_title(text: str) -> tuple[str, str | None]:
    if (fields := _pipe_fields(text)) is not None:
        return fields
    dashed = re.split(r"\s+[–—|•]\s+", text, maxsplit=1)
    if (
        len(dashed) == 2
        and "," in dashed[0]
        and dashed[0].count("(") == dashed[0].count(")")  # "…, Sheffield (2018 – present)": no cut in brackets
        and dashed[1].strip()
        and (_a_short_name(dashed[1]) or _field_then_institution(dashed[0], dashed[1]))
    ):
        qualifier = dashed[0].rsplit(",", 1)[1]
        named_before = "," in dashed[1] and _AN_INSTITUTION.search(dashed[0])  # "BS Boğaziçi University, … – Istanbul"
        if (
            not (_AN_INSTITUTION.search(qualifier) or _A_PRACTICE.search(qualifier) or _PLACE_ONLY.search(dashed[1]))
            and not named_before
        ):
            # "Associate Medical Director, Telehealth — CareHarbor": the title's own qualifier, then a short name
            return dashed[0].strip(), dashed[1].strip()
    parts = outside_brackets(_SEPARATORS, text)  # "Co-Investigator (2023 – 2024); Site PI …": no cut in brackets
    led = re.split(r"\s+[–—]\s+", text, maxsplit=2)
    if len(led) == 3 and _BARE_LEAD.fullmatch(led[0].strip()) and _LED_BODY.search(led[1]):
        # "Director — Structural Heart Program — WellSpan York Hospital": the title is what is directed
        return f"{led[0].strip()}, {led[1].strip()}", led[2].strip()
    commas = outside_brackets(_COMMA, text)
    if (
        len(led) == 1
        and len(commas) >= 3
        and _BARE_LEAD.fullmatch(commas[0].strip())
        and _LED_BODY.search(re.sub(r"\s*\([^()]*\)", "", commas[1]).strip())
    ):
        # "Director, Haemophilia and Thrombosis Centre (Centro Emofilia e Trombosi, UOSD), Policlinico …, Bologna":
        # the title is what is directed, the employer after it
        return f"{commas[0].strip()}, {commas[1].strip()}", ", ".join(c.strip() for c in commas[2:])
    head, comma, body = led[0].partition(", ")
    if len(led) >= 2 and comma and _BARE_LEAD.fullmatch(head.strip()) and _LED_BODY.search(body):
        # "Director, Structural Heart Program — WellSpan York Hospital, York, PA": never "Director" of "Structural …"
        return led[0].strip(), " — ".join(led[1:]).strip()
    if len(parts) >= 2:
        first = parts[0]
        rest = text[len(first) :]
        rest = _SEPARATORS.sub("", rest, count=1) if _SEPARATORS.match(rest) else rest
        if first.strip() and rest.strip():
            return first.strip(), rest.strip()
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
        if current is None and (_names_the_person(line.text) or _only_a_name(line.text)):
            return False  # "Mr Cathal Ó Briain  MB BCh BAO, MCh, FRCSI (Tr & Orth)" in Word's Title style: the name
        if line.level == 0 and line.size:
            # A PDF's name or tagline, set larger than the section headings; but once sections have begun (a
            # sidebar's, set smaller), a larger heading that names a kind of section opens one.
            return current is not None and kind_of_heading(line.text) != "other"
        if current is None:
            # In a PDF only headings at the section size (level 1) open sections; smaller ones are titles.
            return has_preamble and (not line.size or line.level == 1)
        if section_level is None and not line.size and line.level <= 2:
            # sections so far opened by plain lines ("Contact", "Languages: …"): a heading in the markup that names
            # a kind of section opens one ("## 🩺 Clinical roles"); a post's title in the markup does not
            return kind_of_heading(line.text) != "other"
        return section_level is not None and line.level <= section_level
    return _looks_like_heading(line) and (current is not None or has_preamble)


def _only_a_name(text: str) -> bool:
    """A heading that is a person's name and nothing else ("Dr Alasdair J. Rennie", under a page header)."""
    from translator.parse.profile import name_of

    name = name_of(text)
    # (a name as a name is written, with its title or an initial: "Current Positions" reads as two capitalised words)
    written = re.match(r"(?:Dr|Mr|Mrs|Ms|Miss|Prof|Professor)\.?\s", text.strip()) or re.search(r"\b[A-Z]\.\s", text)
    return bool(
        name is not None
        and written
        and text.strip().endswith(name)
        and len(text.split()) <= 6
        and kind_of_heading(text) == "other"
    )


def _names_the_person(text: str) -> bool:
    """A line that is a person's name with post-nominals after it ("Mr Cathal Ó Briain  MB BCh BAO, MCh, FRCSI")."""
    from translator.parse.profile import listed_credentials, name_of

    parts = re.split(r"\s{2,}|,\s", text.strip(), maxsplit=1)
    return len(parts) == 2 and name_of(parts[0]) is not None and bool(listed_credentials(parts[1]))


_CITATION_TAIL = re.compile(r"^(?:doi:?\s*|https?://(?:dx\.)?doi\.org/|10\.\d{4,}/|PMID:?\s*\d|PMCID)", re.IGNORECASE)
_NAME = r"[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]*){0,3}"
_AUTHORS = re.compile(rf"^{_NAME}(?:,\s*(?:and\s+)?{_NAME})+$")  # "John Doe, Sarah Williams, David Park"


def _continues_citation(line: Line, section: Section, entry: Entry | None) -> bool:
    """A line of a paper or talk that goes on from the item above: lower case first, its DOI, or the author
    list under a dated title ("Sparse Mixture-of-Experts at Scale, July 2023" / "John Doe, Sarah Williams")."""
    if section.kind not in {"publications", "presentations"} or entry is None or not entry.bullets or line.heading:
        return False
    text = line.text.strip()
    if text[:1].islower() or _CITATION_TAIL.match(text):
        return True
    dated_above = bool(re.search(r"\b(?:19|20)\d{2}\b", entry.bullets[-1].text))
    return dated_above and not line.bullet and bool(_AUTHORS.match(text)) and not re.search(r"\d", text)


# Sections whose text is work: a paragraph in them is duties, one a sentence.
WORK_KINDS = frozenset(
    {"experience", "research", "teaching", "leadership", "committees", "service", "editorial", "other", "training"}
)
# Sections whose every line is an item as written (no title, organization and dates to find).
_LINE_KINDS = frozenset({"summary", "skills", "contact", "certification", "memberships"})
# Sections whose lines are roles held, each an item: "Chair, Blood Management Committee, 2019–present".
# "Full-time · 5 yrs 2 mos", "Part-time", "Contract · 1 yr": how LinkedIn says a post was held
_EMPLOYMENT_KIND = re.compile(
    r"^(?:Full[- ]time|Part[- ]time|Contract|Self[- ]employed|Freelance|Locum|Casual|Permanent|Temporary)"
    r"(?:\s*·\s*.*)?$",
    re.IGNORECASE,
)
_HELD_AS_REASON = "how LinkedIn says the post was held and for how long, which its dates say"
_A_BODY = re.compile(r"\b(?:program|programme|service|clinic|unit|initiative|project|cent(?:er|re)|team|lab)\b", re.I)
_ROLE_KINDS = frozenset({"committees", "leadership", "service", "editorial", "teaching"})


def _names_a_job(text: str) -> bool:
    """A job title: its first part ends with a title or a specialist ("Associate Medical Director, Behavioral
    Health", "Staff Psychiatrist"), no organization's name."""
    from translator.mapping.role_lines import is_role_word

    plain = re.sub(r"\s*\([^)]*\)", "", text)  # "Consulting Psychiatrist (per diem)"
    first = _split_title(plain)[0]
    head = first.split()
    if "," in first:  # a list before the role word ("Salsa dancing, running, volunteer at …") is no title
        return False
    if bool(head) and len(head) <= 5 and is_role_word(head[-1]) and not _PLACE_WORD.search(" ".join(head)):
        return True
    # a title in another language with its English in brackets: "Professeure agrégée (Associate Professor)"
    translated = re.fullmatch(r"[^()]{2,60}\(((?-i:[A-Z])[^()]{2,60}\s[^()]+)\)", text.strip())
    return translated is not None and translated.group(1) != text and _names_a_job(translated.group(1))


_PLACE_WORD = organization_words()  # an organization's own words, which no job title has ("Medical Director")


def _is_role_item(text: str) -> bool:
    from translator.mapping.role_lines import role_line

    return "," in text and role_line(text) is not None


# Sections of items kept as written, one to a line: papers, talks, grants, honors.
_ITEM_KINDS = frozenset({"publications", "presentations", "grants", "awards"})
# Abbreviations that end in a period inside a sentence ("Dr. Ruiz", "e.g. sepsis", "St. Mary's").
_ABBREVIATION = re.compile(
    r"(?:\b(?:Dr|Mr|Mrs|Ms|Prof|Asst|Assoc|Clin|Adj|St|Mt|Ft|Jr|Sr|Inc|Ltd|Co|Corp|No|vs|approx|dept|Dept|Univ|ca|e\.g|incl|avg|est|"
    r"i\.e|et al|Fig|Vol|Derm|Med|Surg|Hosp|Ctr|Assn|Soc|Gen|Int|Peds|Ped|Psych|Neuro|Cardiol|Onc|"
    r"Ph\.D|M\.D|U\.S|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])\.$"
)


def sentences(text: str) -> list[str]:
    """A paragraph's sentences, each without its final period: "I provide … a week. I direct …" → two."""
    pieces = re.split(r"(?<=[.!?])\s+(?=[A-Z\"'“(]|~?\d[\d,]*\+?\s+[a-z])", text.strip())  # "… 22 patients randomized"
    out: list[str] = []
    for piece in pieces:
        # no sentence ends inside a bracket ("(falls, cognition incl. …)"), nor on a short word cut short before a
        # word or two of a name: "Fellowship, Micrographic Surgery & Derm. Oncology"
        if out and (
            _ABBREVIATION.search(out[-1])
            or out[-1].count("(") > out[-1].count(")")
            or (
                len(piece.split()) <= 2
                and re.search(r"\b[A-Z][a-z]{1,5}\.$", out[-1])
                and re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?\.?", piece)
            )
        ):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return [p.strip().rstrip(".").strip() for p in out if p.strip(" .")]


_INLINE_ITEM = re.compile(r"\s[-–•·]\s(?=[A-Z])")
_DATE_END = re.compile(r"(?:\b(?:19|20)\d{2}|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?)$")
_DATE_START = re.compile(r"(?:Present|Current|Now|Today|Ongoing)\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")


def _split_inline(text: str) -> list[str]:
    """The line cut at " - " or "•" between phrases, never inside a date range ("Jan 2022 - Present")."""
    pieces, start = [], 0
    for match in _INLINE_ITEM.finditer(text):
        if _DATE_END.search(text[: match.start()]) or _DATE_START.match(text, match.end()):
            continue
        pieces.append(text[start : match.start()])
        start = match.end()
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip()]


def _opens_in_the_past(text: str) -> bool:
    """ "Joined as associate 2009, …": a sentence in the past tense, no title ("Chair, …" may be either)."""
    from translator.mapping import english

    return english.is_past_verb(text.split(" ", 1)[0].strip(",;:"))


def _a_sentence(text: str, line: Line) -> bool:
    """A line written as a sentence of several clauses, not a title: clauses set apart by semicolons, or a full stop
    at its end, and six words at least."""
    said = f"{line.text} {line.aside or ''}".strip()
    return len(text.split()) >= 6 and ("; " in text or said.endswith("."))


def _starts_with_act(text: str) -> bool:
    """ "Conducted 50+ consultations", "Review charts": a past tense, or a verb that opens a present duty."""
    from translator.mapping import english
    from translator.mapping.rule_files import verbs

    first = text.split(" ", 1)[0].strip(",;:")
    return english.is_past_verb(first) or first.lower() in verbs().present_openings


def inline_items(text: str) -> list[str]:
    """A line holding a list run together with " - " (or "•"), each item a capitalized phrase, at least two of
    them opening with a verb; [] for any other line ("Emergency Department - Desert Valley Medical Center")."""
    pieces = _split_inline(text)
    if len(pieces) < 3 and not (len(pieces) == 2 and _starts_with_act(pieces[1]) and len(pieces[1].split()) >= 4):
        return []
    acts = sum(1 for p in pieces[1:] if _starts_with_act(p) or len(p.split()) >= 4)
    return pieces if acts >= len(pieces) - 1 and acts >= 1 else []


def is_prose(text: str) -> bool:
    """A line of running text, not a title, an organization or a date line: a sentence (or several) or a line
    too long to be a title."""
    words = text.split()
    ends_sentence = text.rstrip().endswith((".", "!", "?")) and len(words) >= 6
    # "Medical Director, Piedmont Sleep Partners (5 AASM-accredited sleep labs + HST program), Winston-Salem / …":
    # a title, its employer and where, however long, is no running text
    if ends_sentence or len(sentences(text)) > 1:
        return True
    if len(words) < 16:
        return False
    if re.search(r"\s[-–—|]\s+\S", text) and split_dates(text)[1]:
        return False  # "Medical Officer (0.5 FTE) - Tacoma-Pierce County Health Department, … - 2024-present"
    head, _, rest = text.partition(",")
    titled = bool(rest) and ":" not in text and bool(_PLACE_ONLY.search(rest)) and _names_a_job(head)
    return not titled


def _dated_column(text: str) -> bool:
    """A line whose dates stand apart at its end, after a tab, a run of spaces, a dash or in brackets: an entry's
    heading, however long ("Trauma and Acute Care Surgeon, San Isidro Regional Medical Center (Level I …), Red
    Mesa, NM    2020–present"; "Interventional Radiologist and Partner, …, Phoenix, AZ (September 2019 to present)";
    "Partner — Bayfront Urology Partners, P.A., Tampa FL — 2001 to present")."""
    if leading_dates(text):
        return True
    last = re.split(r"\t|\s{2,}", text.rstrip())[-1]
    if last != text.rstrip() and DATE_RANGE.fullmatch(last.strip()) is not None:
        return True
    # a span set off by a dash or a bar: "Partner — Bayfront Urology Partners, P.A., Tampa FL — 2001 to present"
    dashed = re.split(r"\s[—–|]\s", text.rstrip())[-1]
    if dashed != text.rstrip() and DATE_RANGE.fullmatch(dashed.strip()) is not None and is_span(dashed):
        return True
    bracketed = _BRACKETED_END.search(text)
    return bracketed is not None and DATE_RANGE.fullmatch(bracketed.group(1).strip()) is not None


# an academic or honorary appointment held beside a clinical post
_SIDE_APPOINTMENT = re.compile(
    r"^(?:(?:assistant|associate|adjunct|clinical|honorary|visiting)\s+)*(?:clinical\s+)?(?:professor|lecturer|"
    r"instructor|senior lecturer|faculty)\b",
    re.IGNORECASE,
)
_TITLES_WITH_DATES = re.compile(r"\([^()]*\d{4}[^()]*\)\s*[;,]\s*\S")  # "Associate Director (2016–2019); Staff …"
_ROLE_THEN_RANGE = re.compile(r"^(?P<title>[^,·]{2,80}?),\s*" + DATE_RANGE.pattern)  # "Partner, 2017 – present"


def successive_roles(text: str, aside: str | None) -> tuple[str, str] | None:
    """Roles held in turn at one place, each with its years, on one line ("Partner, 2017 – present · Associate
    Physician, Aug 2014 – 2017", the last years set at the margin): ("Partner (2017 – present); Associate Physician
    (Aug 2014 – 2017)", "Aug 2014 – present"), as a line listing the titles held there reads."""
    parts = [p.strip() for p in re.split(r"\s+·\s+|;\s+", text)]  # or "…, 2023–present; Assistant Professor, 2017–2023"
    if len(parts) < 2:
        return None
    if aside and not DATE_RANGE.search(parts[-1]):
        parts[-1] = f"{parts[-1]}, {aside}"
    matches = [_ROLE_THEN_RANGE.match(p) for p in parts]
    if not all(m and is_span(m.group("dates")) for m in matches):
        return None
    roles = [(m.group("title").strip(), m.group("dates").strip()) for m in matches if m]
    return "; ".join(f"{title} ({dates})" for title, dates in roles), whole_span(roles[-1][1], roles[0][1])


def whole_span(earliest: str, latest: str) -> str:
    """The span from the start of the earliest range to the end of the latest: "Aug 2014 – 2017" and "2017 –
    present" → "Aug 2014 – present"."""
    start = re.split(r"\s*(?:[-–—]|to)\s*", earliest, maxsplit=1)[0]
    end = re.split(r"\s*(?:[-–—]|to)\s*", latest, maxsplit=1)[-1]
    return f"{start} – {end}"


_A_LIST_LABEL = re.compile(r"[^\d:]{2,60}:")  # words with no number, ending in a colon
LIST_LABEL_REASON = "a label over the list below, no item of it"
LABEL_REASON = "a label over the position's duties below, which stay under the position"
_BRACKETED_END = re.compile(r"\(([^()]*\d{4}[^()]*)\)\s*$")


_ONE_FACT_KINDS = frozenset({"certification", "education", "training", "presentations", "publications", "awards"})
_FACT_SEPARATORS = re.compile(
    r"(?<=[A-Za-z).\d])\s+\|\s+(?=[A-Za-z])"  # "…, 2013 | California Physician and Surgeon License"
    r"|;\s+|\s+[·•]\s+"
)
# "Board of Family Medicine, certified — Montana medical license": a dash parts two items only when each is more
# than a word ("ABIM – Gastroenterology" is one: a board and its field)
_CERTIFICATE_SEPARATORS = re.compile(
    _FACT_SEPARATORS.pattern
    + r"|(?<=[A-Za-z)\d]{2})(?<!\bDr)(?<!\bSt)(?<!\bMt)(?<!\bNo)(?<!\bInc)(?<!\bCo)(?<!\bJr)(?<!\bSr)(?<!\bvs)"
    r"\s?\.\s+(?=[A-Z])"
)
# A board's own upkeep of a certificate: "CC current 2011", "MOC current", "recertified 2022".
_KEEPING_UP = re.compile(r"\b(?:MOC|CC|MOCA|continuous certification|maintenance of certification|recert)", re.I)
_FACT_DASH = re.compile(r"(?<=[A-Za-z).])\s+[—–]\s+(?=[A-Za-z])")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_TALK = re.compile(  # "Oral presentation, ASA Annual Meeting: …": an item that names its kind
    r"^(?:invited |oral |podium |platform |e-?)?"
    r"(?:presentation|poster|talk|lecture|keynote|abstract|grand rounds|webinar|panel)",
    re.IGNORECASE,
)


def outside_brackets(separators: re.Pattern[str], text: str) -> list[str]:
    """`text` split at `separators`, but not inside brackets: "American Board of Allergy and Immunology
    (recertified 2011, 2021; CAP/MOC current)" is one item."""
    pieces, start = [], 0
    for match in separators.finditer(text):
        before = text[: match.start()]
        if before.count("(") > before.count(")"):
            continue
        pieces.append(text[start : match.start()])
        start = match.end()
    return [*pieces, text[start:]]


def facts(text: str, kind: SectionKind) -> list[str]:
    """The items a CV put on one line: "Board of Family Medicine, certified — Montana medical license, active;
    DEA registration, active" → three. Talks and papers split only where each piece has its own year."""
    pieces = []
    # certificates written as sentences ("American Board of Pediatrics: Pediatric Cardiology (2017). Wisconsin
    # medical licence. PALS."): one each
    separators = _FACT_SEPARATORS if kind != "certification" else _CERTIFICATE_SEPARATORS
    for piece in outside_brackets(separators, text):
        dashed = outside_brackets(_FACT_DASH, piece)
        # a talk or a paper and its venue are one item ("Poster: Time-to-biologic QI – Crohn's & Colitis
        # Congress, Las Vegas, 2019"): in such lists a dash parts items only when each has its own year
        dated = kind not in {"presentations", "publications"} or all(_YEAR.search(d) for d in dashed)
        # a certificate's dash goes on with it unless a credential of its own follows: "Additional qualification
        # Special Rhythmology – Invasive Electrophysiology (DGK), 2018" is one
        named = kind != "certification" or all(_A_CREDENTIAL_WORD.search(d) for d in dashed)
        pieces += dashed if dated and named and all(len(d.split()) >= 2 for d in dashed) else [piece]
    pieces = [p.strip(" ;,") for p in pieces if p.strip(" ;,")]
    if len(pieces) < 2:
        return [text]
    if kind == "certification" and (board := _BOARD_LABEL.match(pieces[0])):
        # "ABIM: Internal Medicine 2012; Hematology 2015 (recert. 2025)": each certificate is the board's; a
        # licence or another body's credential after it ("… (2017). CPHQ (2022). Delaware license") is not
        from translator.parse.specialty import names_a_specialty

        pieces = [
            pieces[0],
            *(
                f"{board.group(1)}: {p}"
                if not _BOARD_LABEL.match(p) and (names_a_specialty(p) or _KEEPING_UP.search(p))
                else p
                for p in pieces[1:]
            ),
        ]
    if kind == "certification":
        pieces = _under_their_board(pieces)
    if kind in {"presentations", "publications", "grants", "awards"} and not all(
        _YEAR.search(p) or _TALK.search(p) for p in pieces
    ):
        return [text]
    if kind in {"education", "training"} and "; " not in text and not all(_YEAR.search(p) for p in pieces):
        return [text]  # "Internal Medicine Residency, UnityPoint Health – Des Moines (…), 2012–2015" is one
    if not all(len(p) >= 2 and any(c.isupper() for c in p) for p in pieces):
        return [text]
    return pieces


_A_CREDENTIAL_WORD = re.compile(
    r"\b(?:licen[cs]e[ds]?|registration|registered|board|diplomate|certifi\w*|fellow(?:ship)?|DEA|NPI|permit|"
    r"privileges|ACLS|BLS|PALS|ATLS|NRP)\b",
    re.IGNORECASE,
)
# The body a list of specialties belongs to: "Diplomate, American Board of Internal Medicine", "ABIM",
# "Specialist Register: Infectious Diseases"
_A_BOARD = re.compile(
    r"\b(American Board of [A-Z][\w&]*(?: (?:[A-Z][\w&]*|of|and|&))*|AB[A-Z]{1,5}\b|Specialist Register)"
)


# A field named alone, with its year or a note: "Medical Microbiology", "Nephrology (2015, MOC current)"
_A_FIELD = re.compile(r"[A-Z][a-z]+(?: (?:[A-Z][a-z]+|and|&)){0,3}(?: \([^()]*\))?(?:,? (?:19|20)\d{2})?")


def _under_their_board(pieces: list[str]) -> list[str]:
    """A specialty listed after its board, alone ("Diplomate, American Board of Internal Medicine – Internal
    Medicine (2013); Nephrology (2015, MOC current)"), is that board's certificate: "American Board of Internal
    Medicine: Nephrology (2015, MOC current)", never "Nephrology (…)" with no board; with no board named, it goes
    back on the line before ("Specialist Register: Infectious Diseases; Medical Microbiology")."""
    from translator.parse.specialty import names_a_specialty

    kept: list[str] = []
    for piece in pieces:
        board = _A_BOARD.search(kept[-1]) if kept else None
        field = names_a_specialty(piece) or _A_FIELD.fullmatch(piece) is not None
        if (
            not (board and field)
            or _A_CREDENTIAL_WORD.search(piece)
            or _A_BOARD.search(piece)
            or _LAPSED_WORD.search(piece)
        ):
            kept.append(piece)  # a credential of its own, or no board named before it to read it by
        elif board.group(1) != "Specialist Register":
            kept.append(f"{board.group(1)}: {piece}")
        else:
            kept[-1] = f"{kept[-1]}; {piece}"
    return kept


_LAPSED_WORD = re.compile(r"\b(?:lapsed|inactive|expired|not renewed|retired)\b", re.IGNORECASE)


# A study named with its years and nothing else: "PLANWISE-AI (2021 – 2024)", "STILLPOINT (2023 – present)".
# A journal article as cited: authors first ("Strickland JE, Patel-Oduya R, …"), then its year, volume and pages
# ("2024;27(6):1012-1019").
_A_PAPER = re.compile(
    r"^[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)? [A-Z]{1,3}[,.].*\b(?:19|20)\d{2}\s*;\s*\d+(?:\(\d+\))?\s*:\s*[\de]"
)
_NHS_EMPLOYER = re.compile(r"\bNHS\b|\bTrust\b")  # a UK employer: "… NHS Foundation Trust", "Leeds Teaching Hospitals"
_LEADS_SOMETHING = re.compile(r"\b(?:lead|director|chair|head|chief|coordinator|champion)\b", re.IGNORECASE)
# A table of posts read a row to a line: "Aug 2013 – Aug 2015 — ST6–ST7 — Sheffield Teaching Hospitals NHS FT —
# Gastroenterology & GIM" (dates, grade, hospital, and the specialty when the table has it).
_POST_ROW = re.compile(
    r"(?P<dates>" + DATE_RANGE.pattern.removesuffix(r"\s*$").replace("(?P<dates>", "(?:") + r")"
    r" — (?P<grade>[^—]{2,60}?) — (?P<place>[^—]{3,120}?)(?: — (?P<field>[^—]{2,80}))?$"
)
# Dates with a note in brackets, on a line of their own: "2019 - present (Associate Physician 2016 - 2019)".
_DATES_NOTED = re.compile(r"\s*" + DATE_RANGE.pattern.removesuffix(r"\s*$") + r"\s*\((?P<note>[^()]+)\)\s*")
# A role in a trial, as CVs write it: "Principal Investigator", "Sub-Investigator", "Site PI", "Co-I".
_TRIAL_ROLE = r"(?:(?:site|national|local|overall|lead)\s+)?(?:(?:principal|sub|co)[- ]?investigators?|PI|Sub-?I|Co-?I)"
# A role trials are grouped under: "Principal Investigator", "Sub-Investigator", "Co-Investigators", "Site PI".
_HELD_AS = re.compile(_TRIAL_ROLE + r"(?:\s+roles?)?:?", re.IGNORECASE)


# An item's own role before a colon: "Site PI: ORCA-201 …", "PI (investigator-initiated, IND holder): …".
_ROLE_LABEL = re.compile(rf"^({_TRIAL_ROLE})(?:\s*\([^()]*\))?:\s", re.IGNORECASE)


def _role_key(role: str) -> str:
    """A trial role whatever its spelling: 'PI' and 'Principal Investigator' are one, 'Site PI' another."""
    key = re.sub(r"[\s-]+", " ", role.lower()).strip()
    for short, long in (("pi", "principal investigator"), ("sub i", "sub investigator"), ("co i", "co investigator")):
        key = re.sub(rf"\b{short}\b", long, key)
    return key.replace("subinvestigator", "sub investigator")


def _an_item(line: Line) -> tuple[str, str] | None:
    """A dated line long enough to be an item of its own ("Site PI: ORCA-201, phase 2 of ozuralisib …"), not a
    name with its years ("Harborview Cancer Institute  2022 – Present")."""
    held = _dated(line)
    return held if held and len(held[0]) > 60 else None


def _dated(line: Line) -> tuple[str, str] | None:
    """A line's text and its dates, when it has dates (beside it or at its end); None when it has none."""
    if line.aside and DATE_RANGE.search(line.aside):
        return line.text.strip().rstrip("."), line.aside
    text, dates = split_dates(line.text)
    return (text.strip().rstrip("."), dates) if dates else None


# (and the role held in it, after a dash: "NOVA-EOS-301 — Sub-Investigator (2019–2021)")
_STUDY_WITH_YEARS = re.compile(
    r"^(?P<study>[A-Z0-9][A-Za-z0-9-]{2,30}(?:\s[A-Z0-9][A-Za-z0-9-]*){0,2}"
    r"(?:\s[—–-]\s(?:[\w-]+\s){0,3}(?:investigator|sub-investigator|sub-I|PI|lead|coordinator|member|chair))?)"
    r"\s*\((?P<dates>(?:19|20)\d{2}\s*[-–—]\s*(?:(?:19|20)\d{2}|present|ongoing|now))\)$",
    re.IGNORECASE,
)
_SAME_PLACE = re.compile(
    r"[,;—–-]?\s*(?:at\s+)?(?:the\s+)?same\s+(?:department|institution|hospital|practice|group|employer|university)\b",
    re.IGNORECASE,
)
# A certifying board named before its certificates: "ABIM: …", "American Board of Pediatrics — …".
_BOARD_LABEL = re.compile(r"^(AB[A-Z]{1,5}|American Board of [A-Z][\w &]+?)\s*[:—–]\s+\S")


def _ends_on_a_country(text: str) -> bool:
    from translator.parse.profile import named_places

    return any(text.endswith(f", {place}") for place in named_places())


def _no_employer(text: str) -> bool:
    """What stands in the employer's place names none: a field ("Internal Medicine and Cardiology (Assistenzarzt)")
    or a thing worked on ("LAAO device"), not a name in capitals."""
    from translator.parse.specialty import names_a_specialty

    bare = _NOTE_AFTER.sub("", text).strip()
    fields = [f for f in re.split(r"\s+(?:and|&)\s+|,\s*", bare) if f]
    return not _org_like(bare) or (bool(fields) and all(names_a_specialty(f) for f in fields))


_SAYS_WHAT_PLACE = re.compile(
    r"^(?:a\s+)?(?:~?\d[\d,]*-bed|Level [IV]+|\d+-physician|academic|community)\b", re.IGNORECASE
)
_A_UNIT = re.compile(r"\b(?:Unit|Department|Division|Section|Service|Program|Center)$")
_TAB_BETWEEN_FIELDS = re.compile(r"\s*\t+\s*")
_SEAT_ON_A_BODY = re.compile(
    r"^(?:member|chair|co-chair|vice[- ]chair|secretary|treasurer),\s+[^,]{3,80}?"
    r"\b(?:committee|council|board|task ?force|work ?group|working group|panel)\b",
    re.IGNORECASE,
)
_ENTRY_FIELD = re.compile(
    r"^(Dates?|When|Period|Where|Location|What it is|About the (?:company|organi[sz]ation))\s*:\s*(\S.*)$",
    re.IGNORECASE,
)
_ARROW_RANGE = re.compile(r"^\s*" + DATE_RANGE.pattern.removesuffix(r"\s*$"))
_LABELLED = re.compile(r"^([A-Z][A-Za-z &]{2,30}):\s+(\S.*)$")
_LABELLED_KINDS = frozenset({"skills", "personal", "memberships", "references"})
_HEAD_LABELLED_KINDS = frozenset({"summary", "certification", "skills", "memberships", "personal"})


class _Builder:
    """Reads lines into sections one at a time; each method decides one kind of line."""

    def __init__(self) -> None:
        self.preamble: list[Line] = []
        self.sections: list[Section] = []
        self.not_used: list[NotUsed] = []
        self.current: Section | None = None
        self.section_level: int | None = None
        self.sub_level: int | None = None  # the level of known subsections ("### Oral Presentations")
        self.entry: Entry | None = None
        self.title_was_split = False  # "Attending Physician, Medical Oncology" may be one title
        self.plain_duties = False  # the entry's duties are written as lines with no bullet mark
        self.employer: str | None = None  # an employer that heads several positions, each title under it
        self.schooling_listed = False  # this section's degrees and trainings are written as a list
        self.held_as: str | None = None  # the role a research section's items below were held in ("Sub-Investigator")
        self.labelled_head = False  # the sections so far were labelled lines in the CV's head ("Boards: …")
        self.levels: dict[int, int] = {}  # how deep each bullet was set, by id: a role's own duties sit under it
        self.marked: set[int] = set()  # the bullets written with a mark (a glyph, a list style), by id
        self.dates_ahead: str | None = None  # a line of dates alone, over the title it dates ("Jan 2019 – present")
        # an employer that heads the positions held there, as LinkedIn lists them: its name, then the time there
        # ("FCT Immunisation & Primary Care Agency" / "8 yrs 7 mos" / "Head, Vaccine Safety …" / "Mar 2019 - …")
        self.grouping: str | None = None

    def _labelled(self, line: Line) -> Line | None:
        """ "**Skills:** Epic, SQL, Python" or "*Interests:* pickup basketball" at the end of another section: a
        section of its own, named by its label, its content the line left. Returns that content."""
        found = _LABELLED.match(line.text)
        if not found or line.bullet or line.heading:
            return None
        if self.current is None or self.labelled_head:
            # in the head of the CV, above its first heading: "**Boards**: ABPM – Occupational Medicine (2018); …",
            # "**Licence**: Washington (active)", "**Objective**: …", each a section of its own
            kind = kind_of_heading(found.group(1))
            if kind not in _HEAD_LABELLED_KINDS:
                return None
            self._open_section(Line(text=found.group(1), heading=True))
            self.labelled_head = True
            return Line(text=found.group(2), part=line.part)
        named = section_kind(found.group(1))
        if named not in _LABELLED_KINDS or named == self.current.kind:
            return None
        self._open_section(Line(text=found.group(1), heading=True))
        return Line(text=found.group(2), part=line.part)

    def _field_of_entry(self, line: Line) -> bool:
        """A position's fields as a notes app or a web form labels them, under its title ("Dates: Jan 2023 →
        Present", "Where: Remote (HQ Denver, CO)", "What it is: Virtual UC, 31 states"): the dates are the
        position's (an arrow between them is a dash), the rest are lines of it, without their labels."""
        found = _ENTRY_FIELD.match(line.text)
        entry = self.entry
        if not found or line.bullet or line.heading or entry is None or entry.bullets or self.current is None:
            return False
        if self.current.kind not in WORK_KINDS:
            return False
        label, value = found.group(1).lower(), found.group(2).strip()
        if label.startswith(("date", "when", "period")):
            span = _ARROW_RANGE.match(value.replace("→", "–"))
            if span is None or entry.dates:
                return False
            entry.dates = span.group("dates").strip()
            rest = value.replace("→", "–")[span.end() :].strip(" ,;·")
            if rest:
                entry.lines.append(rest)  # "(full time) · per diem until Mar 2023"
            return True
        entry.lines.append(value)
        return True

    def _labelled_item(self, line: Line) -> bool:
        """A labelled item of a catch-all section ("Other": "- Languages: English, Spanish", "- Hobbies: sailing",
        "- Memberships: AUA, SUO"): the item goes to the section its label names, the section goes on with the next
        item ("- US citizen. Willing to travel" stays under Other). True when the line was placed so."""
        found = _LABELLED.match(line.text)
        if not (found and line.bullet and self.current is not None and self.current.kind == "other"):
            return False
        kind = section_kind(found.group(1))
        if kind not in _LABELLED_KINDS:
            return False
        back, entry = self.current, self.entry
        self._open_section(Line(text=found.group(1), heading=True))
        self._bullet(found.group(2))
        self.current, self.entry = back, entry
        return True

    def add(self, line: Line) -> None:
        if line.set_aside:
            self.not_used.append(NotUsed(text=line.text, reason=line.set_aside))
            entry = self.entry
            if (
                TENURE_ALONE.match(line.text.strip())
                and self.current is not None
                and self.current.kind in WORK_KINDS
                and entry is not None
                and entry.title
                and not (entry.organization or entry.dates or entry.bullets)
                and not _names_a_job(entry.title)
            ):
                self.grouping = entry.title  # the time spent at the employer just named: it heads its positions
            return
        if line.part != "body":
            self.preamble.append(line)
            return
        if line.heading and self.section_level is not None and line.level <= self.section_level:
            self.sub_level = None
        if self._labelled_item(line):
            return
        line = self._labelled(line) or line
        if self._field_of_entry(line):
            return
        self._leave_personal(line)
        label = (
            self.current is not None
            and self.current.kind == "research"
            and not line.bullet
            and _HELD_AS.fullmatch(line.text.strip()) is not None
            and _dated(line) is None
        )
        in_group = self.held_as is not None and not line.bullet and _an_item(line) is not None
        self.held_as = line.text.strip().rstrip(":") if label else self.held_as if in_group else None
        if _starts_section(line, self.current, self.section_level, bool(self.preamble), self.sub_level):
            self.labelled_head = False
            self._open_section(line)
        elif self.current is None:
            self.preamble.append(line)
        elif self.current.kind in _ITEM_KINDS and _A_LIST_LABEL.fullmatch(line.text.strip()):
            # "Not a big publisher. A few:" over the papers: no paper of its own
            self.not_used.append(NotUsed(text=line.text.strip(), reason=LIST_LABEL_REASON))
        elif label:
            # a role the trials below were held in opens an entry of its own: never the organization of the one above
            self.entry = Entry(title=self.held_as, written=line.text)
            self.current.entries.append(self.entry)
        elif self.current.kind == "research" and self.held_as and not line.bullet and (held := _an_item(line)):
            # "Sub-Investigator" / "Sub-I: SUMMIT-LBCL, phase 3 of …; 22 patients at our site.   2019–2024": the role
            # the CV groups its trials under heads each, never the organization of the trial above it
            text, dates = held
            entry = self.entry
            own = _ROLE_LABEL.match(text)
            if own and _role_key(own.group(1)) != _role_key(self.held_as):
                # "Site PI: ORCA-201 …" set under "Principal Investigator": the item's own role heads it, as written
                title = own.group(1).strip()
                self.entry = Entry(title=title, dates=dates, written=line.text, bullets=[Bullet(text=text)])
                self.current.entries.append(self.entry)
                return
            if entry is not None and entry.title == self.held_as and not (entry.dates or entry.bullets):
                entry.dates, entry.organization = dates, None
                entry.bullets.append(Bullet(text=text))
            else:
                self.entry = Entry(title=self.held_as, dates=dates, written=line.text, bullets=[Bullet(text=text)])
                self.current.entries.append(self.entry)
            return
        elif self.current.kind == "research" and (named := _STUDY_WITH_YEARS.match(line.text.strip())):
            # "PLANWISE-AI (2021 – 2024)" over its description and results: the study heads its own entry
            self.entry = Entry(title=named.group("study"), dates=named.group("dates"), written=line.text.strip())
            self.current.entries.append(self.entry)
        elif (
            line.bullet
            and self.current.kind == "training"
            and (self.entry is None or not self.entry.title or self.schooling_listed)
            and _YEAR.search(line.text)
        ):
            # "- DO — Rocky Vista University College of Osteopathic Medicine, 2013": a degree or a training listed
            # as an item is an entry of its own, not a duty to rewrite
            self.entry = None
            self._entry_line(Line(text=line.text, aside=line.aside, heading=True))
            self.schooling_listed = True
        elif (
            line.bullet
            and self.entry is not None
            and self.entry.title
            and not (self.entry.dates or self.entry.bullets)
            and DATE_RANGE.fullmatch(line.text.strip(" —–-"))
        ):
            # "Chair — Multiple Myeloma … Tumor Board (weekly)" / "— 2019–present" (its dates pushed onto the next
            # line, or the next page): the entry's dates, no duty
            self.entry.dates = line.text.strip(" —–-")
            if self.entry.written:
                self.entry.written = f"{self.entry.written.rstrip(' ,')}, {self.entry.dates}"
        elif line.bullet and self.current.kind == "experience" and (post := _POST_ROW.match(line.text.strip())):
            # "Aug 2013 – Aug 2015 — ST6–ST7 — Sheffield Teaching Hospitals NHS FT — Gastroenterology & GIM": a row
            # of a table of posts (dates, grade, hospital, specialty), a post of its own
            grade, place, field = post.group("grade"), post.group("place"), post.group("field")
            title = f"{grade}, {field}" if field else grade
            self.entry = Entry(title=title, organization=place, dates=post.group("dates"), written=line.text)
            self.current.entries.append(self.entry)
        elif line.bullet:
            self._bullet(line.text)
            self.levels[id(self.entry.bullets[-1]) if self.entry else 0] = line.level
            self.marked.add(id(self.entry.bullets[-1]) if self.entry else 0)
        elif _continues_citation(line, self.current, self.entry):
            # A citation carried over a page break ("scintigraphy: a secondary analysis. JACC…") is the end
            # of the paper above, not a paper of its own: "5 of 61" when the CV lists 60.
            assert self.entry is not None
            above = self.entry.bullets[-1].text
            joiner = " " if line.text[:1].islower() or above.rstrip().endswith((".", ",", ";", ":")) else ". "
            self.entry.bullets[-1].text = f"{above}{joiner}{line.text}"
        elif self.current.kind in _LINE_KINDS:
            self._item_line(line)
        elif self.current.kind in _ITEM_KINDS and not line.heading:
            self._bullet(line.text if not line.aside else f"{line.text}, {line.aside}")  # a paper, a talk, a grant
        elif (items := inline_items(line.text)) and not line.heading:
            self._inline_list(line, items)
        elif (
            self.current.kind in WORK_KINDS
            and is_prose(line.text)
            and not line.heading
            and not line.aside
            and not _dated_column(line.text)
            and self.dates_ahead is None  # the line under a line of dates is the title they date, however long
        ):
            said = sentences(line.text)
            if self.current.kind == "research" and said and (named := _STUDY_WITH_YEARS.match(said[0])):
                # "PLANWISE-AI (2021 – 2024). Prospective, multicentre …": the study heads what is said of it
                self.entry = Entry(title=named.group("study"), dates=named.group("dates"), written=said[0])
                self.current.entries.append(self.entry)
                said = said[1:]
            for duty in said:  # duties written as a paragraph: one duty a sentence
                self._bullet(duty)
        else:
            self._entry_line(line)

    def _inline_list(self, line: Line, items: list[str]) -> None:
        """ "Example Health Network, City, State - Documented care for … - Extracted …": a list run into one
        line (Markdown with no blank line before it, as pandoc reads it). The place before the first item is
        the entry's organization line; each item is a bullet."""
        head, *rest = items
        if not _starts_with_act(head):
            self._entry_line(Line(text=head, aside=line.aside))
        else:
            rest = items
        for item in rest:
            self._bullet(item)

    def _leave_personal(self, line: Line) -> None:
        """A personal section holds hobbies and family, never work: a dated line or a role there is the work the
        section before it went on with (a sidebar's "PERSONAL" read into the middle of the main column had taken
        an advisory board, four trials and a faculty post with it, all set aside as hobbies)."""
        if self.current is None or self.current.kind != "personal" or line.heading:
            return
        # a span of dates or a role, not a year a hobby names ("running (Hartford Marathon 2019)") or a place
        # volunteered at ("volunteer at a community health center"), which a personal section holds
        dates = line.aside or split_dates(line.text)[1] or ""
        if not (is_span(dates) or _names_a_job(line.text)):
            return
        earlier = [s for s in self.sections if s.kind in WORK_KINDS] or [
            s for s in self.sections if s.kind not in {"personal", "contact"}
        ]
        if earlier:
            self.current, self.entry, self.plain_duties, self.employer = earlier[-1], None, False, None

    def _open_section(self, line: Line) -> None:
        self.grouping = None
        kind = section_kind(line.text)
        self.current = Section(heading=_heading_text(line.text), kind=kind_of_heading(line.text))
        self.sections.append(self.current)
        if line.heading and line.level and self.section_level is None:
            self.section_level = line.level
        elif kind and line.heading and self.section_level is not None and line.level > self.section_level:
            self.sub_level = line.level
        self.entry = None
        self.plain_duties = False
        self.employer = None
        self.schooling_listed = False
        self.held_as = None

    def _bullet(self, text: str) -> None:
        assert self.current is not None
        if self.entry is None:
            self.entry = Entry()
            self.current.entries.append(self.entry)
        self.entry.bullets.append(Bullet(text=text))

    def _item_line(self, line: Line) -> None:
        assert self.current is not None
        if self.entry is None:
            self.entry = Entry()
            self.current.entries.append(self.entry)
        self.entry.lines.append(line.text if not line.aside else f"{line.text} {line.aside}")

    def _entry_line(self, line: Line) -> None:
        """As _one_entry_line; a line of dates alone over a title is the dates of the entry that title opens
        ("Jan 2019 – present" / "Family Physician, Northwestern Lakes Family Health Team, Kenora ON"), where an
        entry above has its duties or its own dates already."""
        text = line.text.strip()
        entry = self.entry
        if (
            self.current is not None
            and self.current.kind in WORK_KINDS
            and not line.aside
            and (dates.whole_dates(text) or _SHORT_SPAN.fullmatch(text))
            and (entry is None or entry.bullets or entry.dates)
        ):
            self.dates_ahead = text
            return
        ahead, self.dates_ahead = self.dates_ahead, None
        if ahead:  # the line under the dates opens the entry they date
            self.entry, self.employer, self.plain_duties = None, None, False
        self._one_entry_line(line)
        if ahead and self.entry is not None and self.entry is not entry and not self.entry.dates:
            self.entry.dates = ahead
        elif ahead and self.entry is entry:
            self._one_entry_line(Line(text=ahead))  # no new entry came of it: the dates go where they would have

    def _one_entry_line(self, line: Line) -> None:
        """A title, an organization, dates, or a line of the entry: "Hospitalist" / "Mercy Hospital, 2019–"."""
        assert self.current is not None
        pieces = facts(line.text, self.current.kind) if self.current.kind in _ONE_FACT_KINDS else [line.text]
        if len(pieces) > 1:  # "MD, Eastbrook University, 2010; Residency in Psychiatry, …": one entry each
            for n, piece in enumerate(pieces):
                last = n == len(pieces) - 1
                self.entry = None
                self._one_entry_line(Line(text=piece, aside=line.aside if last else None, heading=True))
            return
        text, dates = (line.text, line.aside) if line.aside else split_dates(line.text)
        text = _TAB_BETWEEN_FIELDS.sub(", ", text)  # "MD<tab>University of Minnesota Medical School": two fields
        if held := successive_roles(line.text, line.aside):
            text, dates = held
        entry = self.entry
        if self.grouping and self.current.kind in WORK_KINDS and not line.heading and _names_a_job(text):
            # a position held at the employer that heads them: the first takes the employer's entry, the next its own
            if entry is not None and entry.title == self.grouping and not (entry.organization or entry.bullets):
                entry.title, entry.organization, entry.written = text, self.grouping, line.text
                entry.dates = entry.dates or dates
            else:
                self.entry = Entry(title=text, organization=self.grouping, dates=dates, written=line.text)
                self.current.entries.append(self.entry)
            self.title_was_split, self.employer = False, self.grouping
            return
        if (
            self.current.kind in WORK_KINDS
            and entry is not None
            and entry.title
            and entry.bullets
            and not dates
            and not line.heading
            and text.rstrip().endswith(":")
            and len(text) <= 60
        ):
            # "Program development highlights:" over more of the position's duties: they stay the position's
            self.not_used.append(NotUsed(text=text, reason=LABEL_REASON))
            return
        if (
            entry is not None
            and not entry.bullets
            and entry.title
            and not entry.organization
            and entry.dates
            and dates
            and _TITLES_WITH_DATES.search(entry.title)
            and _org_like(text)
            and not _names_a_job(text)
        ):
            # "Associate Medical Director (2016–2019); Staff Psychiatrist (2014–2016)" / "Lakeshore Community
            # Mental Health Center, Tacoma, WA — July 2014 – February 2019": the titles held there, each with its
            # years, then the employer with the whole span
            entry.title, entry.organization, entry.dates = f"{entry.title} ({entry.dates})", text, dates
            return
        if (
            self.current.kind == "experience"
            and entry is not None
            and entry.title
            and not line.heading
            and dates
            and (_opens_in_the_past(text) or not is_span(dates))
            and (not is_span(dates) or _a_sentence(text, line))
            and (_opens_in_the_past(text) or _a_sentence(text, line))
            and not _names_a_job(text)
        ):
            # "Joined as associate 2009, partner 2011." under a position: a sentence about it, its year no entry's
            # dates; and a paragraph of duties that ends on its years ("Delivered psychopharmacology teaching …; OSCE
            # examiner (psychiatry stations) 2019–2022.", "Rotations in general adult, old age, liaison and CAMHS;
            # Section 12(2) approval obtained 2010.")
            said = f"{line.text} {line.aside}" if line.aside else line.text
            self._bullet(said.strip().rstrip("."))
            return
        if (
            self.current.kind == "experience"
            and entry is not None
            and entry.title
            and entry.dates
            and not entry.bullets
            and not line.heading
            and (
                _SEAT_ON_A_BODY.match(text)
                # … and an appointment held beside the post, undated, on the line under it: "Staff Urologist, …,
                # Hamilton, ON.   2023–present" / "Assistant Clinical Professor (adjunct), Division of Urology, …"
                or (not dates and entry.organization and _SIDE_APPOINTMENT.match(text) and _names_a_job(text))
            )
        ):
            # "Physician Lead, Risk Adjustment & Quality (0.2 FTE)   Jan 2023 – Present" / "Member, Quality & Care
            # Management Committee   2021 – Present" / duties: a seat held with the post, the duties the post's
            entry.lines.append(f"{text} ({dates})" if dates else text)
            return
        if entry is not None and not entry.bullets and not entry.dates and DATE_RANGE.fullmatch(text.strip()):
            entry.dates = text.strip()  # "*2018 – Present*" on the line under "### Hospitalist — Mercy Hospital"
            return
        if (
            entry is not None
            and entry.title
            and not entry.bullets
            and not entry.lines
            and not entry.dates
            and dates
            and _PLACE_ONLY.fullmatch(text.strip())
        ):
            # "Staff Dermatologist • Cedar Hollow Dermatology Associates" / "Columbus, OH | August 2023 – Present": the
            # line under the title says where and when, however it is styled
            entry.organization = f"{entry.organization}, {text.strip()}" if entry.organization else text.strip()
            entry.dates = dates
            return
        if entry is not None and not entry.bullets and not entry.dates and (noted := _DATES_NOTED.fullmatch(text)):
            # "2019 - present (Associate Physician 2016 - 2019)" under the title: its dates, and an earlier post
            entry.dates, note = noted.group("dates").strip(), noted.group("note").strip()
            if DATE_RANGE.search(note) and entry.title:
                entry.title = f"{entry.title} ({note})"  # an earlier post there, with its years: said with the title
            else:
                entry.lines.append(note)  # "(during fellowship)"
            return
        role = self.current.kind in _ROLE_KINDS and _is_role_item(text)  # a role held opens its own entry
        if (
            self.employer
            and entry is not None
            and dates
            and not line.heading
            and _names_a_job(text)
            and _split_title(text)[1] is None
        ):
            # "**Staff Psychiatrist** · Aug 2019 – Dec 2021": another position under the same employer. Titles
            # stacked with no duties between them share the duties below: they stay with the first (latest).
            stacked = Entry(title=text, organization=self.employer, dates=dates, written=line.text)
            self.current.entries.append(stacked)
            if entry.bullets or entry.organization != self.employer:
                self.entry = stacked
            self.title_was_split = self.plain_duties = False
            return
        if self.plain_duties and entry is not None and not line.heading and not dates and not _org_like(text):
            self._bullet(text)  # the next duty written without a mark, under the same position
            return
        self.plain_duties = False
        if (
            entry is not None
            and not entry.bullets
            and entry.title
            and entry.dates  # the employer's own span; without one, the title line's dates are the position's
            and _EMPLOYER_WORD.search(entry.title)
            and not _names_a_job(entry.title)
            and _PLACE_ONLY.fullmatch(entry.organization or "")
            and _names_a_job(text)
            and not line.heading
        ):
            # "Lakeshore Allergy & Asthma Associates, S.C. — Brookfield, WI   2000 – present" / "Managing Partner
            # (2006 – present); Partner (2003 – 2006); Associate Physician  2000 – 2003": the employer heads, the
            # line under it holds the titles held there
            entry.organization = f"{entry.title}, {entry.organization}"
            entry.title = f"{text} ({dates})" if dates else text
            self.employer = entry.organization
            return
        if (
            self.current.kind in {"education", "training"}
            and entry is not None
            and entry.title
            and entry.organization
            and entry.dates
            and entry.lines
            and ":" not in entry.lines[-1]  # "Thesis: …", "Mentor: Prof. …": a note of the entry above
            and len(entry.lines[-1].split()) <= 8
            and not entry.bullets
            and dates
            and not line.heading
            and _org_like(text)
            and not _names_a_job(text)
            and not _ORG_WORD.search(entry.lines[-1])
        ):
            # "Fellowship, Pulmonary & Critical Care Medicine" / "Johns Hopkins … — 2005 to 2008" / "MS, Clinical
            # Investigation" / "Johns Hopkins Bloomberg School of Public Health — 2008": the line after a whole
            # entry is the next one's title, the dated institution under it its place
            title = entry.lines.pop()
            self.entry = Entry(title=title, organization=text, dates=dates, written=f"{title}, {line.text}")
            self.current.entries.append(self.entry)
            self.title_was_split = False
            self.employer = None
            return
        # a post whose title, employer and dates are all said, with no duties, then a job's title on a line of its own
        # ("Member, Pharmacy & Therapeutics Committee" / "Buckeye Children's Hospital" / "2021 – Present" / "Clinical
        # Fellow, Pediatric Endocrinology" / …): the next post, never a line of the seat above
        after_a_whole_post = (
            self.current.kind in WORK_KINDS
            and entry is not None
            and bool(entry.title and entry.organization and entry.dates)
            and not entry.bullets
            and _names_a_job(entry.title or "")
            and _names_a_job(text)
        )
        if entry is None or entry.bullets or line.heading or (dates and entry.dates) or role or after_a_whole_post:
            title, organization = _split_title(text)
            described: list[str] = []
            if self.current.kind in WORK_KINDS and organization and _describes(organization):
                # "Site Investigator — Multisite cohort of hospice transitions from CLCs (VA-funded). Enrolled 64
                # veterans at American Lake.": a role and what it was, no organization. The study names the entry;
                # what else is said of it is its duties, translated and ranked as any.
                first, *described = sentences(organization)
                title, organization = f"{title} — {first.rstrip('.')}", None
            self.title_was_split = organization is not None
            self.employer = self.grouping = None
            written = line.text if not line.aside else f"{line.text}, {line.aside}"
            self.entry = Entry(title=title, organization=organization, dates=dates, written=written)
            self.current.entries.append(self.entry)
            for duty in described:
                self._bullet(duty.rstrip("."))
        elif (
            entry.title is not None
            and not entry.bullets
            and not entry.dates
            and dates
            and _names_a_job(text)
            and not _names_a_job(entry.title)
        ):
            # "### Oregon Psychiatric Access Line — Portland, OR" / "Consulting Psychiatrist · 2018 – 2020": the
            # employer heads its position
            employer = f"{entry.title}, {entry.organization}" if self.title_was_split else entry.title
            entry.title, entry.organization, entry.dates = text, employer, dates
            self.employer, self.title_was_split = employer, False
        elif (
            entry.title is not None
            and (entry.organization is None or self.title_was_split)
            # "Scioto Valley Clinical Research (the group's trial site)": a name and a note on it
            and (_org_like(text) or (not entry.bullets and entry.organization is None and _named_with_a_note(text)))
        ):
            if self.title_was_split and _NHS_EMPLOYER.search(entry.organization or ""):
                # "Consultant Gastroenterologist, Sheffield Teaching Hospitals NHS Foundation Trust" / "Royal
                # Hallamshire Hospital and Northern General Hospital, Sheffield": the trust employs, the sites follow
                text = f"{entry.organization}, {text}"
            elif self.title_was_split:
                entry.title = f"{entry.title}, {entry.organization}"
            entry.organization, entry.dates = text, entry.dates or dates
            self.title_was_split = False
            if (
                _names_a_job(entry.organization)
                and not _names_a_job(entry.title)
                and (_ORG_WORD.search(entry.title) or _EMPLOYER_WORD.search(entry.title))
            ):
                # "### Columbia Pacific Community Health — Portland, OR" / "**Associate Medical Director** · 2022 –":
                # the employer heads its positions, each title under it
                entry.title, entry.organization = entry.organization, entry.title
                self.employer = entry.organization
        elif (
            self.current.kind == "experience"
            and entry.title is not None
            and not (entry.bullets or entry.dates or dates or line.heading)
            and _EMPLOYER_WORD.search(entry.title)
            and not _names_a_job(entry.title)
            and not _starts_with_act(text)
        ):
            # "Great Lakes Digestive Health Associates, PC — Grand Rapids, MI" / "38-physician independent GI group,
            # 11 clinic sites, 2 ASCs" / "Partner, 2017 – present · …": what the employer is, above the titles held
            entry.lines.append(text)
        elif (
            self.current.kind in WORK_KINDS
            and entry.title is not None
            and (entry.organization or entry.dates)
            and not dates
            and not _org_like(line.text)
        ):
            self._bullet(line.text)  # a duty under a position (titled, placed or dated), written without a mark
            self.plain_duties = True
        else:
            if dates and not entry.dates:
                entry.dates = dates
            entry.lines.append(text)

    def employer_under_title(self) -> None:
        """A position whose title has no organization and whose first line names one, then says what it is
        ("Diagnostic Radiologist / Neuroradiologist; Partner (2014– )" / "Summit Ridge Radiology, Inc., Akron,
        OH — 38-radiologist independent group covering 4 hospitals"): that line names the employer; what it
        says of it stays a line of the position."""
        for section in self.sections:
            if section.kind != "experience":
                continue
            for entry in section.entries:
                place = (entry.organization or "").strip(" ,—–-")
                if entry.title and _PLACE_ONLY.fullmatch(place):
                    # "Medical Director, Critical Care Services, Lankenau Medical Center (Main Line Health), —
                    # Wynnewood, PA": the employer ended the title; the place is its city
                    parts = [p.strip() for p in re.split(r",\s+(?![^()]*\))", entry.title.strip(" ,—–-"))]
                    at = next((k for k in range(1, len(parts)) if _EMPLOYER_WORD.search(parts[k])), None)
                    if at is not None and not _names_a_job(parts[at]):
                        entry.title = ", ".join(parts[:at])
                        entry.organization = f"{', '.join(parts[at:])}, {place}"
                    continue
                unit = bool(
                    entry.organization and (_A_UNIT.search(entry.organization) or _no_employer(entry.organization))
                )
                if not (entry.title and (not entry.organization or unit) and entry.bullets):
                    continue
                parts = re.split(r"\s[—–]\s", entry.bullets[0].text, maxsplit=1)
                head, rest = parts[0], parts[1] if len(parts) > 1 else ""
                bare = _NOTE_AFTER.sub("", head).strip()  # "Klinikum Nordheide, Lüneburg, Germany (interrupted …)"
                named = (
                    _EMPLOYER_WORD.search(head)
                    or _SAYS_WHAT_PLACE.search(rest)  # "… — 96-bed Level IV NICU"
                    or (unit and "," in bare and _ends_on_a_country(bare))  # "Klinikum Nordheide, Lüneburg, Germany"
                )
                if not (named and _org_like(bare) and not _names_a_job(head)) or _opens_in_the_past(head):
                    continue  # (a duty done is no employer: "Chaired Trust R&D Operational Group; …")
                if unit:  # "Medical Director — Neonatal Intensive Care Unit" / "Children's Mercy Kansas City — …"
                    entry.title = f"{entry.title}, {entry.organization}"
                entry.organization = head.strip()
                if rest.strip():
                    entry.bullets[0].text = rest.strip()
                else:
                    del entry.bullets[0]

    def same_place_named(self) -> None:
        """A title at "the same department" (or institution, hospital, practice) as the entry above: that entry's
        employer ("Assistant Professor of Ophthalmology, same department   2012 – 2019" under the associate
        professorship at the University of Iowa)."""
        for section in self.sections:
            if section.kind != "experience":
                continue
            for above, entry in itertools.pairwise(section.entries):
                if not (entry.title and above.organization) or entry.organization:
                    continue
                title = _SAME_PLACE.sub("", entry.title)
                if title != entry.title:
                    entry.title, entry.organization = title.strip(" ,;—–-"), above.organization

    def open_ranges(self) -> None:
        """A post with no dates of its own whose title or employer ends with a start and an open range: "Clinical
        Lead, Radiology Informatics – Yarra Bend Health, Melbourne (2020–)", begun then and held since. Where a
        date line gave the post its dates, the bracket stays as written ("Partner (2014– )" over "2011 – present")."""
        for section in self.sections:
            if section.kind not in {"experience", "training"}:
                continue
            for entry in section.entries:
                if entry.dates:
                    continue
                for field in ("organization", "title"):
                    text = getattr(entry, field) or ""
                    if (found := _OPEN_RANGE.search(text)) and found.start() > 0:
                        setattr(entry, field, text[: found.start()].rstrip(" ,|–—-\t·•"))
                        entry.dates = f"{found.group('start')} – present"
                        break

    def one_post_said_twice(self) -> None:
        """A post listed twice, once bare (a table of posts: "Sep 2021 – present | Consultant in Infectious Diseases
        … | Severnside University Hospitals NHS Foundation Trust") and once with its duties under a heading of its
        own ("Consultant, Severnside University Hospitals NHS FT (Sep 2021 – present)"): one post, with the fuller
        title and employer and the duties; the bare one goes."""
        work = [e for s in self.sections if s.kind in {"experience", "training"} for e in s.entries]
        for bare in [e for e in work if e.title and e.dates and not e.bullets and not e.lines]:
            twin = next(
                (
                    e
                    for e in work
                    if e is not bare
                    and e.bullets
                    and e.title
                    and _same_span(e.dates, bare.dates)
                    and _first_word(e.title) == _first_word(bare.title)
                    and _said_within(e, bare)
                ),
                None,
            )
            if twin is None:
                continue
            assert twin.title is not None and bare.title is not None
            if len(bare.title) > len(twin.title):
                twin.title = bare.title
            if bare.organization and len(bare.organization) > len(twin.organization or ""):
                twin.organization = bare.organization
            for section in self.sections:
                if bare in section.entries:
                    section.entries.remove(bare)
        self.sections = [s for s in self.sections if s.entries or s.kind not in {"experience", "training"}]

    def titles_stacked_over_one_employer(self) -> None:
        """Titles held in turn, each on its own line with its years, over one employer and the duties of both
        ("Associate Professor of Internal Medicine   Jul 2022 – Present" / "Assistant Professor of Internal
        Medicine   Jul 2017 – Jun 2022" / "Division of Nephrology, University of Iowa …" / duties): one position,
        its titles with their years, the whole span its dates, as a line listing the titles held there reads."""
        for section in self.sections:
            if section.kind != "experience":
                continue
            kept: list[Entry] = []
            for entry in section.entries:
                above = kept[-1] if kept else None
                if (
                    above is not None
                    and above.title
                    and above.dates
                    and is_span(above.dates)
                    and not (above.organization or above.bullets or above.lines)
                    and entry.title
                    and entry.organization
                    and entry.dates
                    and is_span(entry.dates)
                    and all(_names_a_job(t) or _names_a_job(t.split(" of ")[0]) for t in (above.title, entry.title))
                ):
                    entry.title = f"{above.title} ({above.dates}); {entry.title} ({entry.dates})"
                    # from the earlier start to the later end: "Sep 2009 – Present" with a lead role held since 2014
                    spans = sorted((above.dates, entry.dates), key=dates.start_of)
                    entry.dates = whole_span(spans[0], max(spans, key=dates.end_of))
                    kept[-1] = entry
                    continue
                kept.append(entry)
            section.entries = kept

    def roles_within_positions(self) -> None:
        """A role held within a position, written as a bullet with its own dates and its duties set under it
        ("* Physician Advisor, Utilization Review (0.2 FTE) 2021 – present" / "   o Secondary review of …"): a
        position of its own at the same employer, its duties with it."""
        for section in self.sections:
            if section.kind not in WORK_KINDS:
                continue
            entries: list[Entry] = []
            for entry in section.entries:
                entries.append(entry)
                # a list of studies with no heading of its own: a role held with its studies set under it
                # ("Sub-investigator, 9 industry phase 2/3 trials … 2021 – present" / "  - LUMEN-nAMD …: 17 enrolled")
                listed = not entry.title and section.kind == "research"
                if not entry.title and not listed:
                    continue
                kept: list[Bullet] = []
                bullets = entry.bullets
                n = 0
                while n < len(bullets):
                    bullet = bullets[n]
                    under: list[Bullet] = []
                    depth = self.levels.get(id(bullet), 0)
                    while (
                        n + 1 + len(under) < len(bullets)
                        and self.levels.get(id(bullets[n + 1 + len(under)]), 0) > depth
                    ):
                        under.append(bullets[n + 1 + len(under)])
                    title, dates = split_dates(bullet.text)
                    if len(under) >= 2 and dates and _names_a_job(title) and not listed:
                        entries.append(Entry(title=title, organization=entry.organization, dates=dates, bullets=under))
                        n += 1 + len(under)
                        continue
                    if listed and under and _is_role_item(title):
                        entries.append(Entry(title=title.rstrip(", "), dates=dates, bullets=under))
                        n += 1 + len(under)
                        continue
                    marked = id(bullet) in self.marked  # (a note under a title, "0.6 FTE …", is no list's item)
                    if under and not listed and marked and (merged := _with_its_items(bullet, under)):
                        # "Clinical lead, Home Haemodialysis Programme (since 2019)" / "  - Grew the programme …":
                        # a label is said with the items set under it, never left alone as a line of its own
                        self.marked.add(id(merged[0]))
                        self.levels[id(merged[0])] = depth
                        kept += merged
                        n += 1 + len(under)
                        continue
                    kept.append(bullet)
                    n += 1
                entry.bullets = kept
            section.entries = entries

    def papers_among_talks(self) -> None:
        """A paper cited among talks or teaching ("Strickland JE, Patel-Oduya R. Two-year explant rates …
        Neuromodulation. 2024;27(6):1012-1019." under "Teaching & Presentations"): a publication, listed with the
        CV's papers (a section of its own when it has none), never weighed as a talk."""
        papers: list[Bullet] = []
        for section in self.sections:
            if section.kind not in {"presentations", "teaching"}:
                continue
            for entry in section.entries:
                cited = [b for b in entry.bullets if _A_PAPER.search(b.text)]
                entry.bullets = [b for b in entry.bullets if not _A_PAPER.search(b.text)]
                papers += cited
            section.entries = [e for e in section.entries if e.title or e.lines or e.bullets]
        if not papers:
            return
        listed = next((s for s in self.sections if s.kind == "publications"), None)
        if listed is None:
            at = next(n for n, s in enumerate(self.sections) if s.kind in {"presentations", "teaching"})
            listed = Section(heading="Publications", kind="publications", entries=[Entry()])
            self.sections.insert(at + 1, listed)
        if not listed.entries:
            listed.entries.append(Entry())
        listed.entries[0].bullets = papers + listed.entries[0].bullets
        self.sections = [s for s in self.sections if s.entries or s.kind not in {"presentations", "teaching"}]

    def roles_held_there(self) -> None:
        """A role under a position that goes on, with its own dates within the position's and no employer of its
        own ("Consultant Gastroenterologist … September 2015 to present" / "IBD Lead  2019 – present"): held at
        the position's employer."""

        for section in self.sections:
            if section.kind != "experience":
                continue
            parent: Entry | None = None
            for entry in section.entries:
                start = dates.start_of(entry.dates)
                if entry.organization:
                    parent = entry if dates.is_ongoing(entry.dates) else None
                    continue
                if (
                    parent is not None
                    and entry.title
                    and start[0]
                    and start >= dates.start_of(parent.dates)
                    and _LEADS_SOMETHING.search(entry.title)
                ):
                    entry.organization = parent.organization

    def roles_as_items(self) -> None:
        """In a list of roles held ("Committees"), a role with no duties under it is an item of the list:
        "Member, Pharmacy and Therapeutics Committee, 2016–present" is a bullet, as written."""
        for section in self.sections:
            if section.kind not in _ROLE_KINDS:
                continue
            entries: list[Entry] = []
            for entry in section.entries:
                # a seat's "duties" that are seats of their own ("AACAP Committee …, early-career member 2019–2021"
                # / "I also sit on the county Child Death Review Team …") are the list's next items
                seats = bool(entry.bullets) and all(_A_SEAT.search(b.text) for b in entry.bullets)
                if entry.written and (not entry.bullets or seats) and entry.title:
                    own = entry.organization
                    said = entry.written
                    if (
                        own
                        and own not in entry.written
                        and _org_like(own)
                        and not re.search(r"\d|[—–]|\b(?:committee|subcommittee|cmte|board|council|panel)\b", own, re.I)
                        and not _is_role_item(own)
                    ):
                        # the body's line the entry took in goes with its seat: "Member, Utilization Review
                        # Committee, Neuse Ridge Ambulatory Surgery Center (2020 – present)", never an item of its own
                        said = f"{entry.title}, {own}" + (f" ({entry.dates})" if entry.dates else "")
                    taken = [own] if own and own not in entry.written and said == entry.written else []
                    items = [Bullet(text=t) for t in (said, *taken, *entry.lines)] + entry.bullets
                    if entries and not entries[-1].title:
                        entries[-1].bullets += items
                        continue
                    entries.append(Entry(bullets=items))
                else:
                    entries.append(entry)
            section.entries = entries

    def privileges_apart(self) -> None:
        """Hospital privileges listed among the positions ("ProHealth Waukesha Memorial Hospital — Waukesha, WI
        (active staff)   2000 – present", under "Hospital Medical Staff Appointments") are no jobs: they go to a
        section of their own after the positions, one line each, as the CV wrote them."""
        for n, section in enumerate(self.sections):
            if section.kind != "experience":
                continue
            staff = [
                e
                for e in section.entries
                if not e.bullets and (_STAFF.search(e.written or "") or _STAFF_HEADING.match(e.title or ""))
            ]
            if not staff:
                continue
            section.entries = [e for e in section.entries if not any(e is s for s in staff)]
            items = []
            for entry in staff:
                text = entry.organization if _STAFF_HEADING.match(entry.title or "") else entry.label
                items.append(Bullet(text=f"{text} ({entry.dates})" if entry.dates else text or ""))
            self.sections.insert(n + 1, Section(heading=AFFILIATIONS, kind="other", entries=[Entry(bullets=items)]))
            return

    def credentials_apart(self) -> None:
        self.sections, aside = credentials_apart(self.sections)
        self.not_used += aside

    def language_grid(self) -> None:
        """Europass's skills, read cell by cell ("Mother tongue(s)" / "English" / "Other language(s)" /
        "UNDERSTANDING" … / "German" / "C1" / "C1" / "B2" …, then "Digital skills" / "Epic (Cupid), REDCap"): one
        line of languages with their levels ("Languages: English (native); German (B2–C1); Spanish (A1–A2)"), and
        each labelled skill on one line with its label ("Digital skills: Epic (Cupid), REDCap"); the grid's column
        names go, and a driving licence goes with the personal details."""
        for section in self.sections:
            if section.kind != "skills":
                continue
            for entry in section.entries:
                if any(_MOTHER_TONGUE.match(t) for t in entry.lines):
                    entry.lines = self._grid_read(list(_grid_cells(entry.lines)))

    def place_after_title(self) -> None:
        """A title with its town at the line's right margin, the employer on the line under it ("Staff
        Endocrinologist (0.6 FTE)   Toronto, ON" / "Harbourfront General Hospital   Sep 2023 – Present"): the town
        is the employer's."""
        for section in self.sections:
            for entry in section.entries:
                if not (entry.title and entry.organization):
                    continue
                found = _TOWN_AFTER_TITLE.fullmatch(entry.title)
                named = _ORG_WORD.search(re.split(r",\s|\s[–—]\s", entry.organization, maxsplit=1)[0])
                if not found or found.group("town") in entry.organization or not named:
                    continue  # (an "employer" that names no institution first may be a role read the other way round)
                where = found.group("where")
                if not (re.fullmatch(r"[A-Z]{2}", where) or where in _known_places()):
                    continue
                entry.title = found.group("title").rstrip(" ,")
                entry.organization = f"{entry.organization}, {found.group('town')}"

    def place_and_share_under_title(self) -> None:
        """A line under the title of only a place and the post's share ("Medical Director, Youth Crisis Continuum —
        Sacramento County Behavioral Health Services" / "Sacramento, CA | 0.8 FTE", its dates set apart) is no
        employer: the share goes with the title, the employer comes from the title line, the place after it."""
        for section in self.sections:
            for entry in section.entries:
                fields = [f.strip() for f in _PIPE.split(entry.organization or "") if f.strip()]
                places = [f for f in fields if _PLACE_ONLY.fullmatch(f)]
                notes = [f for f in fields if f not in places and _WORK_NOTE.fullmatch(f)]
                if not entry.title or not fields or len(places) + len(notes) != len(fields):
                    continue
                head, dash, after = entry.title.rpartition(" — ")
                title, employer = (head, after) if dash else _split_title(entry.title)
                entry.title = f"{title} ({', '.join(notes)})" if notes else title
                entry.organization = ", ".join([*([employer] if employer else []), *places]) or None

    def role_after_its_body(self) -> None:
        """ "Point-of-care ultrasound (POCUS) program — Founder & Director": the program first, then the role held in
        it, read as title and employer; the role is the title, the program what it was held in ("Founder &
        Director, Point-of-care ultrasound (POCUS) program"), and no employer is named."""
        for section in self.sections:
            if section.kind not in WORK_KINDS:
                continue
            for entry in section.entries:
                if not (entry.title and entry.organization) or len(entry.organization.split()) > 5:
                    continue
                if not _A_BODY.search(entry.title):
                    continue  # (the lexicon is read only for a title that names a body: start-up counts)
                from translator.mapping.role_lines import _is_body, is_role_word

                roles = [w for w in re.split(r"\s*(?:&|/|,|\band\b)\s*", entry.organization) if w]
                title_words = re.sub(r"\([^)]*\)", "", entry.title).lower().split()
                if (
                    roles
                    and all(is_role_word(r.split()[-1]) and len(r.split()) <= 2 for r in roles)
                    and title_words
                    and not is_role_word(title_words[-1])
                    and _is_body(title_words)
                ):
                    entry.title, entry.organization = f"{entry.organization}, {entry.title}", None

    def personal_lines_apart(self) -> None:
        """A personal line said among other things and split off them ("… Mental Capacity Act Level 3. Full UK
        driving licence. Interests: fell running, choir."): set aside as personal details are."""
        for section in self.sections:
            for entry in section.entries:
                gone = [t for t in (*entry.lines, *(b.text for b in entry.bullets)) if personal_line(t)]
                if gone:
                    self.not_used += [NotUsed(text=t, reason=PERSONAL_REASON) for t in gone]
                    entry.lines = [t for t in entry.lines if t not in gone]
                    entry.bullets = [b for b in entry.bullets if b.text not in gone]

    def linkedin_company_blocks(self) -> None:
        """A profile pasted from LinkedIn: the company, then how the post was held and for how long ("Full-time ·
        5 yrs 2 mos"), the place, then the title ("Senior Staff Specialist, Palliative Medicine") and its dates: the
        title is the post's, the company and place its employer; the kind of employment and the tenure, which the
        dates say, are set aside."""
        # (a profile pasted from LinkedIn names each post's company, or groups posts under it: a post with none
        # follows the one above at its company)
        pasted = any(n.reason == _HELD_AS_REASON for n in self.not_used)
        for section in self.sections:
            if section.kind not in WORK_KINDS:
                continue
            company: str | None = None  # the employer a block of posts is listed under
            for entry in section.entries:
                noted = [t for t in entry.lines if _EMPLOYMENT_KIND.match(t) or TENURE_ALONE.match(t.strip())]
                held = [b for b in entry.bullets if TENURE_ALONE.match(b.text.strip())]  # "6 yrs 9 mos" as an item
                if held:
                    self.not_used += [NotUsed(text=b.text, reason=_HELD_AS_REASON) for b in held]
                    entry.bullets = [b for b in entry.bullets if b not in held]
                    pasted = True
                if not noted:
                    if section.kind == "experience" and company and entry.title and not entry.organization:
                        # "▶ Consultant Interventional Cardiologist" / "Apr 2016 – Dec 2019": the next post of the
                        # block, at the company above it
                        entry.organization = company
                    elif pasted and section.kind == "experience" and entry.organization and entry.title:
                        company = re.split(r",\s", entry.organization, maxsplit=1)[0]
                    continue
                pasted = True
                self.not_used += [NotUsed(text=t, reason=_HELD_AS_REASON) for t in noted]
                entry.lines = [t for t in entry.lines if t not in noted]
                if entry.title and not _names_a_job(entry.title) and entry.lines and _names_a_job(entry.lines[0]):
                    company = entry.title
                    entry.title = entry.lines.pop(0)
                    entry.organization = ", ".join(p for p in (company, entry.organization) if p)
                elif section.kind == "experience" and entry.organization and entry.title and _names_a_job(entry.title):
                    company = re.split(r",\s", entry.organization, maxsplit=1)[0]  # its place stays with the first
                elif section.kind == "experience" and company and entry.title and not entry.organization:
                    entry.organization = company
        if not pasted:
            return
        for section in self.sections:
            for entry in section.entries:
                # "Fujairah, United Arab Emirates" under a post pasted from LinkedIn: where it was held
                placed = [
                    t
                    for t in entry.lines
                    if re.fullmatch(r"[A-ZÀ-Þ][^,\d]{1,30}(?:,\s*[^,\d]{2,30}){1,2}", t.strip())
                    and t.rsplit(",", 1)[-1].strip() in _known_places()
                ]
                if entry.organization and placed and section.kind in WORK_KINDS:
                    if placed[0].strip() not in entry.organization:
                        entry.organization = f"{entry.organization}, {placed[0].strip()}"
                    entry.lines = [t for t in entry.lines if t != placed[0]]

    def employer_over_its_posts(self) -> None:
        """An employer set as a post of its own ("Hill Country Pulmonary & Sleep Associates", "Jul 2014 – Present",
        "Austin & Round Rock, TX · 11-physician independent group"), the posts held there under it, each with its
        unit and dates ("Medical Director — Sleep Center", "Mar 2017 – Present"): the employer is each post's, the
        unit said with it ("Hill Country Pulmonary & Sleep Associates (Sleep Center)"), and what the employer is a
        line of the first post."""
        for section in self.sections:
            if section.kind != "experience":
                continue
            kept: list[Entry] = []
            entries = section.entries
            at = 0
            while at < len(entries):
                head = entries[at]
                posts: list[Entry] = []
                # its place may follow it, with a title held there: "Columbus, OH · Associate Professor of Clinical
                # Medicine (since Jul 2021)"
                place, _, held = (head.organization or "").partition(" · ")
                placed = not head.organization or bool(_PLACE_ONLY.fullmatch(place.strip()))
                if (
                    head.title
                    and placed
                    and head.dates
                    and len(head.bullets) <= 1
                    and _org_like(head.title)
                    and not _names_a_job(head.title)
                ):
                    start = dates.start_of(head.dates)
                    for post in entries[at + 1 :]:
                        unit = post.organization or ""
                        # ("Staff Gastroenterologist / Assistant Professor of Clinical Medicine": two titles, one post)
                        named = post.title and _names_a_job(post.title.split(" / ")[0])
                        if not (named and post.dates) or "," in unit:
                            break
                        if dates.start_of(post.dates) < start:
                            break
                        posts.append(post)
                if not posts:
                    kept.append(head)
                    at += 1
                    continue
                employer = ", ".join(p for p in (head.title, place.strip()) if p)
                for post in posts:
                    post.organization = f"{employer} ({post.organization})" if post.organization else employer
                posts[0].lines[:0] = [
                    *([held.strip()] if held.strip() else []),
                    *head.lines,
                    *(b.text for b in head.bullets),
                ]
                kept.extend(posts)
                at += 1 + len(posts)
            section.entries = kept

    def descriptors_apart(self) -> None:
        """A line written without a bullet mark between a position's title and its marked duties says what the post
        or the study is ("Full-time (~14 shifts/month, now 10)", "Multicenter randomized trial of … (sponsor: …)"):
        a line of the position, under its title, never its first duty."""
        for section in self.sections:
            if section.kind not in WORK_KINDS:
                continue
            for entry in section.entries:
                lead = 0
                while lead < len(entry.bullets) and id(entry.bullets[lead]) not in self.marked:
                    lead += 1
                rest = entry.bullets[lead:]
                if not (entry.title and 1 <= lead <= 2 and rest) or any(id(b) not in self.marked for b in rest):
                    continue
                entry.lines.extend(b.text for b in entry.bullets[:lead])
                entry.bullets = rest

    def count_over_a_list(self) -> None:
        """A line over the papers that says how many there are ("27 peer-reviewed articles; selected:") is no
        paper: the count goes to the section's heading ("Publications (selected, of 27)"), as CVs write it there."""
        for section in self.sections:
            if section.kind != "publications":
                continue
            for entry in section.entries:
                for text in [*entry.lines, *(b.text for b in entry.bullets)]:
                    counted = _COUNT_OVER_A_LIST.match(text)
                    if counted is None:
                        continue
                    entry.lines = [t for t in entry.lines if t != text]
                    entry.bullets = [b for b in entry.bullets if b.text != text]
                    section.heading = f"{section.heading} (selected, of {counted.group(1)})"
                    self.not_used.append(NotUsed(text=text, reason=LIST_LABEL_REASON))

    def _grid_read(self, lines: list[str]) -> list[str]:
        languages: list[tuple[str, list[str]]] = []
        kept: list[str] = []
        label: str | None = None
        native = False
        for text in lines:
            if _MOTHER_TONGUE.fullmatch(text):
                native = True
            elif _OTHER_LANGUAGES.fullmatch(text) or _GRID_COLUMN.fullmatch(text):
                native = False
            elif _LEVEL.fullmatch(text) and languages:
                languages[-1][1].append(text.upper())
            elif label is not None:
                if _DRIVING.fullmatch(label):
                    self.not_used.append(NotUsed(text=f"{label}: {text}", reason=PERSONAL_REASON))
                else:
                    kept.append(f"{label}: {text}")
                label = None
            elif _SKILL_LABEL.fullmatch(text):
                label = text
            elif not kept and (native or _A_LANGUAGE.fullmatch(text)):
                languages.append((text, ["native"] if native else []))
            elif languages and not kept and re.search(r"\b[ABC][12]\b", text):
                languages[-1][1].append(text)  # "Goethe-Zertifikat B2": the certificate of the language above
            elif kept and text[:1].islower():
                kept[-1] = f"{kept[-1]} {text}"  # the row's text wrapped: "… patients in" / "acute crises and …"
            else:
                kept.append(text)
        spoken = "; ".join(f"{name} ({_levels(levels)})" if levels else name for name, levels in languages)
        return ([f"Languages: {spoken}"] if spoken else []) + kept

    def one_fact_per_item(self) -> None:
        """Certifications, licences, degrees, talks and papers that a CV put several to a line, apart."""
        for section in self.sections:
            if section.kind not in {
                "certification",
                "education",
                "training",
                "presentations",
                "publications",
                "awards",
            }:
                continue
            for entry in section.entries:
                entry.lines = [f for text in entry.lines for f in facts(text, section.kind)]
                entry.bullets = [Bullet(text=f) for b in entry.bullets for f in facts(b.text, section.kind)]
                if section.kind == "certification":
                    self._lapsed_aside(entry)

    def _lapsed_aside(self, entry: Entry) -> None:
        """A credential the CV says has lapsed ("ATLS (lapsed)", "Nebraska medical license, inactive",
        "Certificate of Added Qualification …, 2004 (not renewed)") is no credential a resume lists: set aside,
        with its reason, never shown without its qualifier."""
        for text in [*entry.lines, *(b.text for b in entry.bullets)]:
            if _lapsed(text):
                self.not_used.append(NotUsed(text=text, reason=LAPSED_REASON))
        entry.lines = [t for t in entry.lines if not _lapsed(t)]
        entry.bullets = [b for b in entry.bullets if not _lapsed(b.text)]


_RANGE_STARTED = re.compile(rf"^(?P<start>{dates._POINT})\s*[–—-]\s+(?=[A-Z])")
_AN_END = re.compile(rf"{dates._POINT}|{dates._OPEN_END}")
# (never a year that opens the next item with its own dash: "2019 — Promotie (PhD), …" / "2014 — Artsexamen …")
_RANGE_ENDED = re.compile(rf"^(?P<end>{dates._POINT}|{dates._OPEN_END})\s+(?=\S)(?![–—-]\s)")
_DATES_THEN_NOTE = re.compile(r"^(?P<dates>[^·—|]+?)\s+[·—|]\s+(?P<note>\S.*)$")


def _lists_read_as_posts(lines: list[Line]) -> list[Line]:
    """A CV written as one nested list (Markdown, a Jekyll page): each post a top-level item ("**Consultant
    Ophthalmologist, Medical Retina** — Harbourside Hospital Eye Department, Auckland"), its dates on the line under
    it ("*Feb 2024 – present · 0.6 FTE public · 4 sessions/week*") and its duties one level deeper. The item is
    the post's title line with its dates beside it, what follows the dates a line of the post; a duty that ends
    with a colon over items set under it ("Introduced a treat-and-extend protocol …:" / "mean treatment interval
    6.1 → 9.4 weeks …" / "visits saved ≈ 2,900/year …") is one duty with them."""
    out: list[Line] = []
    at = 0
    while at < len(lines):
        line = lines[at]
        below = lines[at + 1] if at + 1 < len(lines) else None
        started = _RANGE_STARTED.match(line.text) if not line.aside and not line.bullet else None
        ended = _RANGE_ENDED.match(below.text) if started and below is not None and not below.bullet else None
        end = ended.group("end") if ended else None
        if (
            started
            and below is not None
            and not below.bullet
            and below.aside
            and _AN_END.fullmatch(below.aside.strip())
        ):
            end = below.aside.strip()  # … or its end set apart at the right of the line below ("present")
        if started and end and below is not None:
            # a date column whose range wrapped ("09/2022 –" / "present"), each half read into a line beside it:
            # "09/2022 – Staff Pediatric Cardiologist" / "present Maritime Children's Health Centre · …"
            rest = below.text[ended.end() :] if ended else below.text
            out.append(Line(text=line.text[started.end() :], aside=f"{started.group('start')} – {end}", part=line.part))
            out.append(Line(text=rest, part=below.part, size=below.size))
            at += 2
            continue
        head, dash, _ = line.text.partition(" — ")
        posted = line.bullet and line.level == 0 and bool(dash) and _names_a_job(head)
        dated = split_dates(line.text.rstrip(" ·"))[1] if posted and " · " in line.text else None
        if posted and dated and line.text.rstrip(" ·").endswith(f" · {dated}"):
            # "Senior House Officer, Ophthalmology — Harbourside Hospital, Auckland · 2015 – 2017": a post, its
            # dates after it on the item's own line
            title = line.text.rstrip(" ·")[: -len(dated)].rstrip(" ·,")
            out.append(Line(text=title, aside=dated, part=line.part, size=line.size))
            at += 1
            continue
        if posted and below is not None and not below.bullet and not below.heading:
            noted = _DATES_THEN_NOTE.match(below.text.strip())
            dates, note = (noted.group("dates"), noted.group("note")) if noted else (below.text.strip(), "")
            if DATE_RANGE.fullmatch(dates.strip()):
                out.append(Line(text=line.text, aside=dates.strip(), part=line.part, size=line.size))
                if note:
                    out.append(Line(text=note, part=below.part, size=below.size))
                at += 2
                continue
        if line.bullet:
            under: list[Line] = []
            while at + 1 + len(under) < len(lines) and (
                (nested := lines[at + 1 + len(under)]).bullet and nested.level > line.level
            ):
                under.append(nested)
            # a duty with its items under a colon, or with details under it that go on from it, in lower case
            # ("Invited trainer for a device distributor: 6 workshops" / "built the workshop curriculum …"): one
            # duty, which a resume that orders duties by strength must not part
            colon = line.text.rstrip().endswith(":")
            goes_on = bool(under) and all(u.text.strip()[:1].islower() for u in under)
            joint = " " if colon else "; "
            joined = f"{line.text.rstrip().rstrip(';.')}{joint}{'; '.join(u.text.strip().rstrip(';.') for u in under)}"
            if under and (colon or goes_on) and len(joined) <= 300:
                out.append(Line(text=joined, bullet=True, level=line.level, part=line.part, size=line.size))
                at += 1 + len(under)
                continue
        out.append(line)
        at += 1
    return out


def build_sections(lines: list[Line]) -> tuple[list[Line], list[Section], list[NotUsed]]:
    """(lines before the first section — the contact block —, the sections, the lines set aside).

    A heading starts a section when its words are a known CV heading, or when it is styled as a heading
    (Word style, markdown #, larger PDF font) at the level of the CV's sections; deeper headings are
    entry titles ("### Hospitalist" under "## Experience"). A paragraph in a work section is duties, one
    a sentence; a line of several certifications or degrees is one item each.
    """
    builder = _Builder()
    for line in _lists_read_as_posts(lines):
        builder.add(line)
    builder.roles_within_positions()
    builder.employer_under_title()
    builder.same_place_named()
    builder.open_ranges()
    builder.one_post_said_twice()
    builder.titles_stacked_over_one_employer()
    builder.roles_as_items()
    builder.roles_held_there()
    builder.privileges_apart()
    builder.credentials_apart()  # "Privileges: Erlanger Baroness Hospital, CHI Memorial …" whole, before it is split
    builder.one_fact_per_item()
    builder.credentials_apart()  # "ABIM Pain Medicine; DEA registration, active": the card once it is an item
    builder.papers_among_talks()
    builder.language_grid()
    builder.place_after_title()
    builder.place_and_share_under_title()
    builder.descriptors_apart()
    builder.role_after_its_body()
    builder.employer_over_its_posts()
    builder.linkedin_company_blocks()
    builder.personal_lines_apart()
    builder.count_over_a_list()
    kept = []
    standing: list[str] = []  # what says the physician may be hired and licensed here, from personal details
    spoken: list[str] = []  # the languages listed among them: a skill for a resume, not a personal detail
    wished: list[str] = []  # a career objective set among them: what the physician wants next, the Summary's
    for section in builder.sections:
        if section.kind == "references":
            # referees' names, posts, phones and e-mails: theirs, given on request; no output prints the section,
            # and the report says so
            texts = [t for e in section.entries for t in (*_as_written(e), *e.lines, *(b.text for b in e.bullets))]
            builder.not_used += [NotUsed(text=t, reason=_REFEREES_REASON) for t in texts]
        if section.kind != "personal":
            kept.append(section)
            continue
        texts = [t for e in section.entries for t in (*_as_written(e), *e.lines, *(b.text for b in e.bullets))]
        # Europass's first section, "Personal information", is the contact block: the name, address, phone and
        # e-mail are read there when nothing above it gives a way to reach the physician
        contact = section is builder.sections[0] and not _reaches(builder.preamble) and _reaches(texts)
        for text in texts:  # "Married, 3 kids. Coach 10U youth hockey": no resume's business
            if _STANDING.search(text):
                standing.append(text)
            elif _LANGUAGES_KNOWN.match(text):
                spoken.append(_LANGUAGES_KNOWN.sub("Languages: ", text))
            elif _OBJECTIVE.match(text):
                wished.append(_OBJECTIVE.sub("", text))
            elif contact and _reaches_or_names(text):
                builder.preamble.append(Line(text=text))
            else:
                builder.not_used.append(NotUsed(text=text, reason=PERSONAL_REASON))
    if standing:
        # "ECFMG Certified, Jun 2025 (USMLE …)", "US status Permanent Resident": among a UK CV's personal details,
        # the two facts a US employer asks first
        kept.append(
            Section(heading="Certification & Work Authorization", kind="certification", entries=[Entry(lines=standing)])
        )
    if wished:  # "Career objective: move into clinical development in industry …" under a Lebenslauf's personal data
        summary = next((sec for sec in kept if sec.kind == "summary"), None)
        if summary is None:
            kept.insert(0, Section(heading="Career Objective", kind="summary", entries=[Entry(lines=wished)]))
        else:
            summary.entries.append(Entry(lines=wished))
    if spoken:  # "Languages Known: English (Read, Write, Speak), Tamil …" in a portal's personal details
        languages = next((sec for sec in kept if sec.kind == "skills" and "language" in sec.heading.lower()), None)
        if languages is None:
            kept.append(Section(heading="Languages", kind="skills", entries=[Entry(lines=spoken)]))
        else:
            languages.entries.append(Entry(lines=spoken))
    return builder.preamble, kept, builder.not_used


_OPEN_RANGE = re.compile(r"\s*\((?P<start>(?:[A-Z][a-z]{2,8}\.? )?(?:19|20)\d{2})\s*[–—-]\s*\)\s*$")


def _same_span(one: str | None, other: str | None) -> bool:
    """Two date ranges that say the same span, whatever their dashes and spaces."""

    def bare(text: str | None) -> str:
        return re.sub(r"[\s–—-]+", "-", (text or "").lower()).strip("-")

    return bool(one and other) and bare(one) == bare(other)


def _said_within(short: Entry, full: Entry) -> bool:
    """The shorter entry's words are (nearly all) the fuller one's: "Consultant — Severnside University Hospitals
    NHS FT" within "Consultant in Infectious Diseases … — Severnside University Hospitals NHS Foundation Trust"; a
    joint appointment elsewhere with the same years ("… — VA Medical Center") is another post."""

    def words(entry: Entry) -> set[str]:
        return {w for w in re.findall(r"[a-z0-9]+", entry.label.lower()) if len(w) > 1}

    mine = words(short)
    return bool(mine) and len(mine & words(full)) >= 0.8 * len(mine)


def _first_word(title: str | None) -> str:
    words = re.findall(r"[a-z]+", (title or "").lower())
    return words[0] if words else ""


def _reaches(lines: list[Line] | list[str]) -> bool:
    """Whether the lines give an e-mail address or a phone number."""
    from translator.identifiers import EMAIL, PHONE

    texts = [line if isinstance(line, str) else line.text for line in lines]
    return any(EMAIL.search(t) or PHONE.search(t) for t in texts)


def _reaches_or_names(text: str) -> bool:
    """A line of a contact block: the physician's name, an address, a phone, an e-mail or a profile's address."""
    from translator.identifiers import EMAIL, PHONE
    from translator.parse.profile import CITY_STATE, name_of

    if _PERSONAL_DATA.search(text):
        return False  # "Sex Female | Date of birth 14/03/1982 | Nationality American, German"
    if EMAIL.search(text) or PHONE.search(text) or CITY_STATE.search(text) or _PROFILE_ADDRESS.search(text):
        return True
    return bool(_NAME_LABEL.match(text)) or name_of(text) is not None


# What a European CV's personal information holds beside the contact details, and a US resume leaves out.
_PERSONAL_DATA = re.compile(
    r"\b(?:date of birth|born|sex|gender|nationality|citizenship|marital|married|place of birth|DOB)\b", re.IGNORECASE
)
_PROFILE_ADDRESS = re.compile(r"\b(?:linkedin\.com|github\.com|orcid\.org|doximity\.com)/", re.IGNORECASE)
_NAME_LABEL = re.compile(r"(?:full )?name\b", re.IGNORECASE)


_COUNT_OVER_A_LIST = re.compile(
    r"^(\d{1,3})\s+(?:[\w-]+\s+){0,2}(?:publications|papers|articles|manuscripts)\b[^:]{0,40}:\s*$", re.IGNORECASE
)
_MOTHER_TONGUE = re.compile(r"mother tongues?(?:\(s\))?|native languages?", re.IGNORECASE)
_OTHER_LANGUAGES = re.compile(r"other languages?(?:\(s\))?|foreign languages?", re.IGNORECASE)
_GRID_COLUMN = re.compile(
    r"understanding|speaking|writing|listening|reading|spoken (?:interaction|production)", re.IGNORECASE
)
_LEVEL = re.compile(r"[ABCabc][12]")
_SKILL_LABEL = re.compile(r"(?:[\w-]+[ /]+){0,3}skills|driving licen[cs]e|(?:other )?competences?", re.IGNORECASE)
_DRIVING = re.compile(r"driving licen[cs]e", re.IGNORECASE)
_A_LANGUAGE = re.compile(r"[A-Z][a-z]+(?: \(.{1,30}\))?")  # "German", "Spanish (Latin American)"


_GRID_LABEL = re.compile(
    rf"(?P<label>{_MOTHER_TONGUE.pattern}|{_OTHER_LANGUAGES.pattern}|{_SKILL_LABEL.pattern})\s+(?P<rest>\S.*)",
    re.IGNORECASE,
)
_GRID_ROW = re.compile(r"\s*(?P<language>[A-Z][a-z]+(?: \([^()]{1,30}\))?)(?P<levels>(?:\s+[ABCabc][12]){3,})")
_GRID_WORDS = re.compile(rf"(?:(?:{_GRID_COLUMN.pattern})\b\s*)+", re.IGNORECASE)


def _grid_cells(lines: list[str]) -> Iterator[str]:
    """The grid's lines as its cells, where a PDF set a row's label and its text on one line ("Mother tongue(s)
    German", "Other language(s) UNDERSTANDING SPEAKING WRITING", "… Writing English", "English C1 C1 B2",
    "Communication skills Good communication skills …"): the label, the column names and each level apart."""
    for text in lines:
        if labelled := _GRID_LABEL.fullmatch(text):
            yield labelled.group("label")
            text = re.sub(r"^[•▪◦‣·]\s*", "", labelled.group("rest"))  # "Digital skills • MS Office …"
        text = _GRID_WORDS.sub(" ", text).strip()
        if not text:
            continue
        rows = list(_GRID_ROW.finditer(text))
        if rows and "".join(r.group(0) for r in rows).replace(" ", "") == text.replace(" ", ""):
            for row in rows:  # "English C1 C1 C1 B2 C1 French B2 …": each language, then its levels
                yield row.group("language")
                yield from row.group("levels").split()
        else:
            yield text


def _with_its_items(parent: Bullet, items: list[Bullet]) -> list[Bullet] | None:
    """A label and the items set under it, said together: "Telehealth renal clinic (…): started in 2020 (COVID) …;
    home BP and weight readings sent in …". As many items as read as one line go with the label, the rest stay
    lines of their own after it; None where the label is a duty said whole, or even its first item is too long."""
    from translator.mapping import english
    from translator.mapping.rewrite import opening

    # a label the items fill in: a line ending at its colon ("Built the in-office ultrasound service:"), or a role
    # or a thing named alone ("Clinical lead, Home Haemodialysis Programme (since 2019)", "Telehealth renal clinic
    # (…)"); a duty said whole ("Perform secondary physician review … using InterQual criteria") keeps its items
    # apart, as the CV's own lines
    labelled = parent.text.rstrip().endswith(":")
    named = opening(parent.text) == "noun" and len(parent.text) <= 80 and not re.search(r"[:;]", parent.text)
    if not (labelled or named):
        return None

    head = parent.text.rstrip(" :;,.")
    told: list[str] = []
    for item in items:
        said = english.lower_first(item.text.rstrip(" ;."))
        if len(head) + sum(len(t) + 2 for t in told) + len(said) + 2 > (_ONE_LINE_WITH_ITEMS if told else 300):
            break
        told.append(said)
    if not told:
        return None
    return [Bullet(text=f"{head}: {'; '.join(told)}"), *items[len(told) :]]


_ONE_LINE_WITH_ITEMS = 240  # characters: a label and its items as one bullet of three lines at most


def _levels(levels: list[str]) -> str:
    """ "C1 C1 B2 B2 B2" → "B2–C1"; "native"; a certificate after them ("B2–C1; Goethe-Zertifikat B2")."""
    grades = sorted({lv for lv in levels if _LEVEL.fullmatch(lv)})
    rest = [lv for lv in levels if not _LEVEL.fullmatch(lv)]
    span = "–".join(dict.fromkeys([grades[0], grades[-1]])) if grades else ""
    return "; ".join(p for p in (span, *rest) if p)


def _as_written(entry: Entry) -> list[str]:
    """An entry's heading lines as the CV wrote them: its title line, and the line under it its organization came
    from, when that is another line."""
    head = entry.written or entry.title
    said = [head] if head else []
    if entry.organization and entry.organization not in (head or ""):
        said.append(entry.organization)
    return said


# A line that says a seat is held: "I also sit on the county Child Death Review Team", "Served on the …
# Committee", "represent IR on the system's Cancer Committee".
_A_SEAT = re.compile(
    r"\b(?:sit|sat|sits|serve|serves|served|serving|represent|represents|represented)\s+(?:\w+\s+){0,3}?on\b"
    r"|\brepresent(?:s|ed)?\b.{0,60}\b(?:committee|council|board|panel|team)\b",
    re.IGNORECASE,
)
# "2015-18", "2019-21": a span with its second year written short
_SHORT_SPAN = re.compile(r"(?:19|20)\d{2}\s?[-–—]\s?\d{2}")
_REFEREES_REASON = "referees and their contact details, which a resume gives on request"
_OBJECTIVE = re.compile(r"^\s*(?:career|professional|job)?\s*(?:objective|goal)s?\s*:\s*", re.IGNORECASE)
_LANGUAGES_KNOWN = re.compile(r"^\s*(?:languages?(?:\s+(?:known|spoken))?|spoken languages)\s*:\s*", re.IGNORECASE)
_STANDING = re.compile(
    r"\b(?:ECFMG|USMLE|permanent resident|green card|US citizen|citizenship|visa|H-?1B|J-?1|O-?1|"
    r"authori[sz]ed to work|work authori[sz]ation|right to work|work permit|employment pass)\b",
    re.IGNORECASE,
)


_STAFF = re.compile(
    r"\((?:active|courtesy|consulting|affiliate|associate|provisional|admitting|attending|honorary)\s+(?:medical\s+)?staff\)",
    re.IGNORECASE,
)


def credentials_apart(sections: list[Section]) -> tuple[list[Section], list[NotUsed]]:
    """What no industry role asks for, set aside with its reason, never on a resume or a profile: hospital
    privileges (their own section, or a line "Hospital privileges: …") and, among the certifications, a card or a
    registration to prescribe with nothing else on its line ("BLS", "DEA and CSR on file"). The sections kept, and
    the lines set aside."""
    from translator.identifiers import minor_credential

    def reason(text: str) -> str | None:
        if _PRIVILEGES_LINE.match(text):
            return PRIVILEGES_REASON
        return MINOR_CREDENTIAL_REASON if minor_credential(text) else None

    kept: list[Section] = []
    aside: list[NotUsed] = []
    for section in sections:
        privileges = _STAFF_HEADING.match(section.heading) and "appointment" not in section.heading.lower()
        if (privileges or section.heading == AFFILIATIONS) and not any(e.bullets for e in section.entries[1:]):
            said = [t for e in section.entries for t in (e.label, *e.lines, *(b.text for b in e.bullets)) if t]
            aside += [NotUsed(text=t, reason=PRIVILEGES_REASON) for t in said]
            continue
        kept.append(section)
        if section.kind != "certification":
            continue
        for entry in section.entries:
            said = [*entry.lines, *(b.text for b in entry.bullets)] or [entry.label]  # or a title alone: "BLS"
            why = {t: r for t in said if t and (r := reason(t))}
            aside += [NotUsed(text=t, reason=r) for t, r in why.items()]
            entry.lines = [t for t in entry.lines if t not in why]
            entry.bullets = [b for b in entry.bullets if b.text not in why]
            if entry.label in why:
                entry.title = entry.organization = None
        section.entries = [e for e in section.entries if e.title or e.lines or e.bullets]
    return [s for s in kept if s.kind != "certification" or s.entries], aside


AFFILIATIONS = "Hospital Affiliations"
PRIVILEGES_REASON = "hospital privileges, which no industry role asks for"
MINOR_CREDENTIAL_REASON = "a life-support card or a registration to prescribe, which no industry role asks for"
_PRIVILEGES_LINE = re.compile(r"^\W*(?:hospital\s+)?(?:privileges|medical staff appointments?)\b", re.IGNORECASE)
_STAFF_HEADING = re.compile(r"^hospital (?:medical staff )?(?:appointments|privileges|affiliations)$", re.IGNORECASE)
_LAPSED = re.compile(
    r"\b(?:lapsed|inactive|expired|not renewed|did not recertify|not recertified|not pursued"
    r"|no longer (?:active|certified))\b",
    re.IGNORECASE,
)
_CURRENT = re.compile(r"\b(?:active|current|valid)\b", re.IGNORECASE)


def _lapsed(text: str) -> bool:
    """A line that is one lapsed credential; a line that also names a current one ("Utah (active), Idaho (active),
    Ohio (inactive)", "MOCA current. … CPHQ, 2020") stays whole: the lapsed part is the CV's own word in it."""
    return bool(_LAPSED.search(text)) and not _CURRENT.search(text)


LAPSED_REASON = "a credential that has lapsed; a resume lists the current ones"
