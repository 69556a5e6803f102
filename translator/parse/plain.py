"""Readers for plain text and Markdown: one Line per line as the writer meant it, wrapped lines joined.

Plain text comes hard-wrapped from mail clients and editors ("• Provide full-scope family medicine for a
panel of 1,900 patients," / "including prenatal care …"): a line is the continuation of the one before when
the first word of it would not have fitted at the end of that line, or when that line ends in a broken word
("treat-to-" / "target"). Headings underlined with ==== or ---- are headings; page footers, "References
available on request" and the document's title are set aside with their reason.
"""

from __future__ import annotations

import itertools
import re

from translator import dates
from translator.parse.text import (
    DATE_FIRST,
    FORM_QUESTION,
    PAGE_MARK_REASON,
    PRONOUNS,
    Line,
    clean,
    ends_on_a_small_word,
    goes_on_after_an_arrow,
    is_rule,
    join_wrapped,
    set_aside,
    strip_bullet,
)

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_MD_LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")  # "[tpchd]: https://…", a reference link's target
_MD_COMMENT = re.compile(r"^\s*<!--.*?-->\s*$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*\*|\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def _names_a_section(text: str) -> bool:
    from translator.parse.structure import section_kind

    return section_kind(text.strip()) is not None


_META_FIELD = re.compile(r"^(title|subtitle|author):\s*[\"']?(.+?)[\"']?\s*$", re.MULTILINE)
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$|^\s*\|\s*:?-{3,}")
# A wrapped file's lines come within a few characters of its width; at least this many of them do.
_WRAPPED_LINES = 3
_WRAP_SLACK = 12


def decode(data: bytes) -> str:
    """UTF-8 first (with or without BOM), then Windows-1252, then Latin-1, which never fails."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _columns_apart(text: str) -> list[str]:
    """The text's lines, each page set in two columns side by side (a PDF saved as text by `pdftotext -layout`,
    pasted as it came) read a column at a time: the lines above the columns, then the left column, then the
    right, page by page (form feeds part the pages). Any other text's lines as they are."""
    out: list[str] = []
    pages = [page.splitlines() for page in text.split("\f")]
    # one template sets every page: once a page shows two columns plainly, each page's edge is found on the page
    # itself (its text may sit a space further left) with less evidence
    plain = [_column_edge(lines) for lines in pages]
    columned = any(edge is not None for edge in plain)
    sidebar: list[str] = []  # a narrow left column goes on from page to page, as the main column does
    main: list[str] = []
    for lines, found in zip(pages, plain, strict=True):
        edge = found if found is not None or not columned else _column_edge(lines, fewest=3)
        if edge is None:
            main += lines
            continue
        first = next(n for n, line in enumerate(lines) if _both_sides(line, edge))
        if not sidebar and not main:
            out += [line.strip() for line in lines[:first]]  # the name and the headline, across the first page
        else:
            main += [line.strip() for line in lines[:first]]  # a running header: set aside as such when read
        # each column's own lines, and the lines blank across the page (a line with text only in the other
        # column is no break in this one)
        left = [line[:edge].rstrip() for line in lines[first:] if line[:edge].strip() or not line.strip()]
        right = [line[edge:].rstrip() for line in lines[first:] if line[edge:].strip() or not line.strip()]
        widest = max(len(line) for line in lines)
        if edge < 0.45 * widest:
            sidebar += [*left, ""]
            main += [*right, ""]
        else:  # two columns of one width: the text runs down the left, then the right, page by page
            main += [*left, "", *right, ""]
    return out + sidebar + main


def _both_sides(line: str, edge: int) -> bool:
    return bool(line[: edge - 2].strip()) and len(line) > edge and line[edge - 2 : edge] == "  " and line[edge] != " "


_PAGE_WIDEST = 240  # characters: `pdftotext -layout` of a US Letter or A4 page in a CV's type
_PAGE_LINES = 200


def _column_edge(lines: list[str], fewest: int = 8) -> int | None:
    """Where a page's right column begins: the place at which most lines that hold text on both sides start
    their right part after a gap, and that no word crosses in the lines below the first such line; None when
    the page is one column (fewer than `fewest` lines with text on both sides of one place)."""
    widest = max((len(line) for line in lines), default=0)
    if widest > _PAGE_WIDEST or len(lines) > _PAGE_LINES:
        return None  # no page of a PDF saved as text: a line of a thousand characters, a file of one long page
    best: tuple[int, int] | None = None
    for edge in range(16, int(widest * 0.7)):
        both = [n for n, line in enumerate(lines) if _both_sides(line, edge)]
        if len(both) < fewest:
            continue
        if _kept_apart(lines, edge) and (best is None or len(both) > best[0]):
            best = (len(both), edge)
    return best[1] if best else None


def _kept_apart(lines: list[str], edge: int) -> bool:
    """Whether a page holds text on both sides of `edge` and hardly a word crosses it below its first such line."""
    both = [n for n, line in enumerate(lines) if _both_sides(line, edge)]
    if not both:
        return False
    below = [line for line in lines[both[0] :] if len(line) > edge]
    return sum(1 for line in below if line[edge - 1] != " " and line[edge] != " ") <= len(below) // 20


def _wrap_width(raw: list[str]) -> int | None:
    """The column a hard-wrapped file was wrapped at, or None when its lines run as long as they like.

    A wrapped file shows it: several lines end near one column and go on, mid-sentence, on the next line
    ("… for a panel of 1,900 patients," / "including prenatal care …").
    """
    lengths = [len(line.rstrip()) for line in raw if line.strip()]
    if not lengths:
        return None
    width = max(lengths)
    if width > 100:
        return None
    carried = sum(
        1
        for line, following in itertools.pairwise(raw)
        if len(line.rstrip()) >= width - _WRAP_SLACK and following.strip()[:1].islower()
    )
    return width if carried >= _WRAPPED_LINES else None


def _first_word(text: str) -> str:
    return text.strip().split(" ", 1)[0] if text.strip() else ""


# Text set out in columns with spaces: a title, then its dates pushed to the right margin
_COLUMN_GAP = re.compile(r"\S {3,}\S")
_COLUMNS = re.compile(r"(?<=\S) {3,}(?=\S)")


def _wraps(previous: str, current: str, width: int | None) -> bool:
    """Whether `current` goes on the line `previous` began: a broken word, or a word too long for the end of
    the line before in a file wrapped at `width`."""
    before = previous.rstrip()
    if re.search(r"(?:[A-Za-z]-|\d[-–—]|[A-Za-z]—)$", before):
        return True
    if _COLUMN_GAP.search(before):
        return False  # set out in columns ("Staff Endocrinologist      Aug 2020 - Present"): its end is its own
    if ends_on_a_small_word(before) and current.strip()[:1].islower():
        return True  # "… by standardizing the" / "admission order set": a line never ends on "the"
    if (
        current.lstrip().startswith("(")
        and not re.match(r"\(\d{3}\)", current.lstrip())  # a phone's area code
        and not before.isupper()  # a heading ("CONTACT")
        and before
        and not before.endswith((".", ":", ";"))
    ):
        return True  # "Certificate in Health Technology Assessment" / "(online, 12 weeks) -- 2022": a note on it
    if before.endswith(")") and before.count("(") == before.count(")") and current.strip()[:1].isupper():
        # "ACLS (current); ALSO (instructor 2005-2012); ATLS (lapsed 2019)" / "Certificate in Health Technology
        # …": a closed bracket ends an item, and the capital opens the next one, whatever room the line had left
        return False
    return width is not None and len(before) + 1 + len(_first_word(current)) > width


def _carried_under(previous: str, current: str, bullet: bool) -> bool:
    """An indented line with no mark of its own that goes on with the line before: under a bullet ("  pituitary);
    9 half-day clinics/wk"), or after a line that breaks off mid-phrase ("…, Springfield," / "  MA")."""
    if not current[:1].isspace():
        return False
    return bullet or previous.rstrip().endswith((",", "&", "(", "/", " and", " of", " for", " with"))


def _goes_on_a_bullet(previous: str, current: str, bullet: bool) -> bool:
    """A line with no mark of its own under a bullet, flush left as a PDF viewer's copy sets it: it goes on with the
    bullet when it starts in lower case ("at risk for readmissions", "observed/expected LOS 1.12 → 0.98"), or when
    the bullet broke off on a small word ("$2.7M recovered in" / "FY24")."""
    if not bullet:
        return False
    # a figure wrapped alone onto the next line ("… for eligible long-stay residents" / "18% → 44%."): the end of
    # the item's result, never an employer's line
    figure = (
        re.match(r"[~≈<>]?\d", current.strip()) is not None
        and len(current.split()) <= 4
        and re.search(r"%|→|->", current) is not None
        and not previous.rstrip().endswith((".", ";", ":"))
    )
    return current.strip()[:1].islower() or ends_on_a_small_word(previous) or figure


_WRAPPED_MARK = re.compile(r"^\s*[→–—-]\s+(?:(?:19|20)\d{2}|present|current|now)\b", re.IGNORECASE)
_ENDS_ON_A_YEAR = re.compile(r"\b(?:19|20)\d{2}$")


def _goes_on_after_a_mark(previous: str, current: str) -> bool:
    """A line that opens with a dash or an arrow and goes on with the line before, as a wrap left it: the end of
    a range ("…, Washington, DC 2014" / "– 2017") or the rest of a bracket ("(−17%, FY21" / "→ FY25) with …")."""
    if _WRAPPED_MARK.match(current) and _ENDS_ON_A_YEAR.search(previous.rstrip()):
        return True
    _, body = strip_bullet(current)
    mark = current.lstrip()[:1]
    return mark in "→–—-" and goes_on_after_an_arrow(previous, mark, body)


def _looks_like_heading(text: str, set_apart: bool) -> bool:
    """A heading in capitals, or a known heading's name standing apart (a blank line before or after it):
    "Residency" at the start of a wrapped line is the end of "… Family Medicine Residency"."""
    from translator.parse.structure import section_kind

    named = re.sub(r"\s*\((?:selected,?\s*)?(?:\d+\s+)?of\s+\d+\)\s*$", "", text)  # "… & TALKS (6 of 19)"
    letters = [c for c in named if c.isalpha()]
    shouting = len(letters) >= 4 and all(c.isupper() for c in letters) and len(named.split()) <= 6
    return shouting or (set_apart and section_kind(text) is not None)


_GREETING = re.compile(r"^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[^,:!]{0,40}[,:!]?$", re.IGNORECASE)
_MAIL_HEADER = re.compile(r"^\s*(?:Subject|From|To|Cc|Bcc|Sent|Date|Re|Fwd?)\s*:\s", re.IGNORECASE)
_CLOSING = re.compile(
    r"^(?:best|(?:best|kind|warm) regards|regards|thanks(?: so much| again)?|thank you(?: so much)?|many thanks|"
    r"sincerely|cheers|warmly)[,!.]?$",
    re.IGNORECASE,
)
_NOTICE = re.compile(r"^(?:confidentiality notice|this e-?mail|sent from my|disclaimer)\b", re.IGNORECASE)
COVER_NOTE = "a cover note sent with the CV, not its content"
FORWARDED = "the header of a message forwarded with the CV, not its content"
_FORWARDED = re.compile(
    r"^(?:-{3,}\s*(?:Original Message|Forwarded message)\s*-{3,}|Begin forwarded message:|-{3,} ?Forwarded by\b.*)$",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(r"[A-Z][a-z]+(?: [A-Z]\.?)?|[A-Z]{1,3}|(?:best|thanks|cheers|regards)[,!.]?", re.IGNORECASE)
SIGNATURE = "an e-mail signature or notice after the CV, not its content"


def _mail_parts(raw: list[str]) -> dict[int, str]:
    """The lines of a CV pasted into an e-mail that are the mail's, not the CV's: a note that opens with a greeting
    ("Hi Renata, …  Best, Adaeze", up to its closing or a rule line) and a signature or notice after a last rule
    line ("-----" / "Adaeze N. Okonkwo, MD" / "Cell: …" / "CONFIDENTIALITY NOTICE: …")."""
    aside: dict[int, str] = {}
    filled = [n for n, line in enumerate(raw) if line.strip()]
    if (start := _titled_start(raw, filled)) is not None:
        # a job portal's export or a letter sent with the CV, above its title ("RESUME") and the name under it
        aside |= {n: COVER_NOTE for n in filled if n <= start}
        filled = [n for n in filled if n > start]
    while filled and _MAIL_HEADER.match(raw[filled[0]]):  # "Subject: Re: CV as promised :)" above the note
        aside[filled.pop(0)] = COVER_NOTE
    # a letter under the CV's own head ("Margaret A. Oduya, MD" / contact / "Dear Hiring Committee, …"), up to the
    # CV's first heading
    greeting = next((i for i, n in enumerate(filled[:8]) if i and _GREETING.match(raw[n].strip())), None)
    if greeting is not None:
        from translator.parse.structure import section_kind

        after = filled[greeting:]
        end = next((k for k, n in enumerate(after) if k and section_kind(raw[n].strip())), None)
        if end is not None and end <= 40:
            aside |= {n: COVER_NOTE for n in after[:end]}
            return aside
    if filled and _GREETING.match(raw[filled[0]].strip()):
        rules = [n for n in filled if is_rule(raw[n])]
        closing = next((n for n in filled if _CLOSING.match(raw[n].strip())), None)
        # a rule under a line underlines it: the name or a heading of the CV ("TERESA M. HALVORSEN, MD" / "====")
        rule_end = (rules[0] - 2 if rules[0] - 1 in filled else rules[0]) if rules else None
        ends = [n for n in (rule_end, closing + 2 if closing is not None else None) if n is not None]
        end = min(ends) if ends else None
        if end is not None and end - filled[0] < 40:
            aside |= {n: COVER_NOTE for n in range(filled[0], end + 1)}
    # a message forwarded or replied to inside the CV ("-----Original Message-----" / "From: …" / "Sent: …" /
    # "Subject: CV for end-of-term file"): its header lines are the mail's, wherever they stand
    for i, n in enumerate(filled):
        if n in aside:
            continue
        header_run = [m for m in filled[i : i + 6] if _MAIL_HEADER.match(raw[m])]
        if _FORWARDED.match(raw[n].strip()) or (
            len(header_run) >= 2 and all(_MAIL_HEADER.match(raw[m]) for m in filled[i : i + len(header_run)])
        ):
            run = [n] + [m for m in filled[i + 1 : i + 7] if _MAIL_HEADER.match(raw[m])]
            end = max(run)
            aside |= {m: FORWARDED for m in filled if n <= m <= end}
    # a signature after the delimiter mail clients write ("-- "), and the sign-off just above it ("Colleen")
    delimiter = next((n for n in filled if raw[n].strip() == "--" and len(filled) - filled.index(n) <= 15), None)
    if delimiter is not None:
        aside |= {n: SIGNATURE for n in range(delimiter, len(raw)) if n in filled}
        above = [n for n in filled if n < delimiter and n not in aside][-1:]
        if above and _SIGN_OFF.fullmatch(raw[above[0]].strip()):
            aside[above[0]] = SIGNATURE
    notice = next((n for n in filled if _NOTICE.match(raw[n].strip())), None)
    rules = [n for n in filled if is_rule(raw[n]) and n not in aside]
    last_rule = rules[-1] if rules else None
    if last_rule is not None and len(filled) - filled.index(last_rule) <= 15 and (notice or 0) > last_rule:
        aside |= {n: SIGNATURE for n in range(last_rule, len(raw))}
    elif notice is not None:
        aside |= {n: SIGNATURE for n in range(notice, len(raw))}
    return aside


_DOCUMENT_TITLE = re.compile(r"(?:RESUME|RÉSUMÉ|CV|C\.V\.|CURRICULUM VITAE)\s*:?", re.IGNORECASE)


def _titled_start(raw: list[str], filled: list[int]) -> int | None:
    """The line that titles the CV below other text ("Candidate Application Export / Requisition: … / COVER
    LETTER / Dear Hiring Team, … / RESUME / DR. INGRID M. VANDERSLOOT, MD"): a title alone on its line, three
    lines or more into the file, with a person's name on one of the two lines under it; None when there is none."""
    from translator.parse.profile import name_of

    for i, n in enumerate(filled):
        titled = i >= 3 and _DOCUMENT_TITLE.fullmatch(raw[n].strip())
        if titled and any(name_of(raw[m].strip()) for m in filled[i + 1 : i + 3]):
            return n
    return None


def _the_name(lines: list[Line]) -> bool:
    """The last line is the CV's first and reads as a person's name ("TERESA M. HALVORSEN, MD, FACE" over
    "====="): the name, underlined as a title, not a section's heading."""
    from translator.parse.profile import name_of
    from translator.parse.structure import section_kind

    first = [line for line in lines if not line.set_aside]
    return len(first) == 1 and section_kind(first[0].text) is None and name_of(first[0].text) is not None


_QUOTED = re.compile(r"^(?:>(?=[ \t]|$)[ \t]?)+")  # "> * Sub-investigator, …", ">   placebo …"; not ">70% of time"


def _unquoted(raw: list[str]) -> list[str]:
    """A part of the CV forwarded or replied to in a mail client, each line opening with "> ": the lines as
    written, without the quote marks (three such lines or more; a line that opens on a comparison stays)."""
    if sum(1 for line in raw if _QUOTED.match(line)) < 3:
        return raw
    return [_QUOTED.sub("", line) for line in raw]


def _tab_tables(raw: list[str]) -> dict[int, list[str]]:
    """A table pasted as tab-separated text (a spreadsheet's cells copied into an e-mail): three lines or more
    in a row with three cells or more each; each line's number with the table's header (its first line)."""
    found: dict[int, list[str]] = {}
    run: list[int] = []
    for n, line in enumerate([*raw, ""]):
        if line.count("\t") >= 2 and line.strip():
            run.append(n)
            continue
        header = [cell.strip() for cell in raw[run[0]].split("\t")] if run else []
        # the header names its columns: words and bare years ("Metric  2019  2025  Consensus target"), never a span
        # or a figure, which a list of items set in fields has on its first line as on every other
        if len(run) >= 3 and not any(re.search(r"\d[^\d]+\d|%|\d{5}|^\d{1,3}$", cell) for cell in header):
            found |= {i: header for i in run}
        run = []
    return found


# A job portal's or application form's fields for a post ("Designation: Consultant, Medical Oncology" /
# "Organisation: Lion City Cancer Centre" / "Duration: Aug 2018 to Till Date" / "Responsibilities:" and its lines;
# "Employer: …" / "Title: …" / "Location: …" / "Dates: …" / "Duties: a; b; c"), and a school's ("School: …" /
# "Degree/Program: …" / "Dates: …")
_FORM_FIELD = re.compile(r"^\s*(?P<field>[A-Za-z][A-Za-z /&'-]{1,40}?)\s*[:?]\s*(?P<value>.*)$")
_TILL_DATE = re.compile(r"\s*\b(?:(?:to\s+)?till|to)\s+(?:date|now)\b", re.IGNORECASE)
_TITLES = frozenset(
    {"designation", "job title", "position", "title", "degree", "degree/program", "program", "qualification"}
)
_DUTY_FIELDS = frozenset({"responsibilities", "duties", "key responsibilities"})
_FIELD_KIND = {
    "designation": "title",
    "job title": "title",
    "position": "title",
    "degree": "title",
    "degree/program": "title",
    "program": "title",
    "qualification": "title",
    "organisation": "organization",
    "organization": "organization",
    "company": "organization",
    "employer": "organization",
    "school": "organization",
    "institution": "organization",
    "university": "organization",
    "hospital": "organization",
    "location": "place",
    "city": "place",
    "duration": "dates",
    "period": "dates",
    "date": "dates",
    "dates": "dates",
    "role": "role",
}


def _field(line: str) -> tuple[str, str] | None:
    match = _FORM_FIELD.match(line)
    if match is None:
        return None
    name = match["field"].strip().lower()
    known = name in _FIELD_KIND or name in _TITLES or name in _DUTY_FIELDS or FORM_QUESTION.match(line)
    return (name, match["value"].strip()) if known else None


def _duties(value: str) -> list[str]:
    """A form's one line of duties parted at its semicolons (outside brackets); a part that opens in lower case
    goes on with the one before ("Co-lead, ACE unit: delirium screening; inpatient falls down 27%")."""
    from translator.mapping import english
    from translator.mapping.rewrite import says_its_own_act
    from translator.parse.structure import outside_brackets

    items: list[str] = []
    for part in outside_brackets(re.compile(";"), value):
        part = part.strip()
        # … and so does the result of the one before, told with its own subject: "Built Epic ACP note template …;
        # ACP documentation in high-risk admissions rose from 22% to 61%"
        result = says_its_own_act(part) and not english.is_past_verb(part.split(" ", 1)[0])
        if items and (part[:1].islower() or result):
            items[-1] = f"{items[-1]}; {part}"
        elif part:
            items.append(part)
    return items


def _job_forms(raw: list[str]) -> list[str]:
    """Posts given as a form's fields, written as a CV writes them: the title and employer on one line with the
    dates after a tab, then each duty as an item ("Aug 2018 to Till Date" is "Aug 2018 – present"). A record is
    a run of labelled lines holding a title; only where two records or more are given so. The form's questions
    for the employer stay as lines of their own, to be set aside."""
    runs: list[tuple[int, int]] = []
    n = 0
    while n < len(raw):
        if _field(raw[n]) is None:
            n += 1
            continue
        start = n
        while n < len(raw) and (
            _field(raw[n]) is not None or (n > start and raw[n].strip() and _in_duties(raw, start, n))
        ):
            n += 1
        names = {_FIELD_KIND.get(f[0], f[0]) for line in raw[start:n] if (f := _field(line))}
        if names & {"title", *_TITLES} and names & {"organization", "dates"}:
            runs.append((start, n))
    if len(runs) < 2:
        return raw
    out: list[str] = []
    at = 0
    for start, end in runs:
        out += raw[at:start]
        out += _record(raw[start:end])
        at = end
    return out + raw[at:]


def _in_duties(raw: list[str], start: int, n: int) -> bool:
    """Whether an unlabelled line goes on under a "Responsibilities:" field above it in the record."""
    above = [f for line in raw[start:n] if (f := _field(line))]
    return bool(above) and above[-1][0] in _DUTY_FIELDS


def _record(lines: list[str]) -> list[str]:
    fields: dict[str, str] = {}
    duties: list[str] = []
    questions: list[str] = []
    for line in lines:
        field = _field(line)
        if field is None:
            duties.append(line.strip())  # the lines under "Responsibilities:"
            continue
        name, value = field
        if FORM_QUESTION.match(line):
            questions.append(line.strip())
        elif name in _DUTY_FIELDS:
            duties += _duties(value) if value else []
        else:
            fields.setdefault(_FIELD_KIND.get(name, name), value)
    title, role = fields.get("title", ""), fields.get("role", "")
    if role and len(role) > len(title):
        title = role  # "Consultant Medical Oncologist and Principal Investigator, Phase I-III Trials Unit"
    when = _TILL_DATE.sub(" – present", re.sub(r"\s*\([^()]*\)\s*$", "", fields.get("dates", "")))
    # the title with its dates, the employer and its place on the line under it, as a CV sets them ("Section Chief,
    # Palliative Medicine; Attending Physician" / "Four Lakes Regional Medical Center, Madison, WI": the title's
    # own commas are no cut)
    where = ", ".join(p for p in (fields.get("organization", ""), fields.get("place", "")) if p)
    head = [f"{title}\t{when}" if when else title, where] if title else [f"{where}\t{when}" if when else where]
    return ["", *filter(None, head), *(f"- {d}" for d in duties), *questions, ""]


# What LinkedIn's profile page shows around a profile, copied with it: a company's logo's alt text, "…see more",
# "Show all 7 experiences →", counts of followers and endorsements, the page's own buttons and empty panels
_LINKEDIN_PAGE = re.compile(
    r"^(?:.{2,80} logo|…\s*see more|\.\.\.\s*see more|show all\b.*|contact info|open to|add profile section|more|"
    rf"{PRONOUNS}|\d[\d,]*\+? (?:followers|connections)\b.*|.{{2,40}} hasn[’']t posted yet|"
    r"recent posts .{0,60}|\d+ endorsements?|nothing to see for now|received|given|recommendations|interests|"
    r"top voices.*|activity|skills:\s.*\+\d+ skills?|causes|show (?:credential|publication|project)|credential id\b.*|"
    r"on-site|hybrid|remote|.{2,60} will appear here\.?|.{2,40}[’']s profile)$",
    re.IGNORECASE,
)
_PAGE_MARKERS = re.compile(
    r" logo$|see more$|^show all\b|\bendorsements?$|\bfollowers\b|\bconnections$|^skills:\s.*\+\d+ skills?$",
    re.IGNORECASE,
)


def linkedin_page_copy(text: str) -> str | None:
    """A LinkedIn profile page copied as text ("… logo", "…see more", "Show all 7 experiences →", each line twice as
    the page gives it to a screen reader): its text with the page's own words left out and each line once; None
    for any other text."""
    lines = text.replace("\r\n", "\n").split("\n")
    if sum(1 for line in lines if _PAGE_MARKERS.search(line.strip())) < 3:
        return None
    kept: list[str] = []
    for line in lines:
        # (a post's kind of employment and way of working are the page's fields: "Prairie Health Quality Council ·
        # Part-time", "Winnipeg, Manitoba, Canada · Hybrid")
        line = _WORK_MODE.sub("", line)
        stripped = line.strip()
        if _LINKEDIN_PAGE.match(stripped):
            continue
        if kept and stripped and stripped == kept[-1].strip():
            continue  # the line again, as the page repeats it for a screen reader
        kept.append(line)
    return "\n".join(_page_records(_titles_unmarked(kept)))


def _titles_unmarked(lines: list[str]) -> list[str]:
    """A post's title marked as a list item by hand ("▶ Senior Consultant & Head, …"), its dates on a line below
    ("Jan 2020 – Present · 4 yrs 11 mos", after its employer perhaps): the title, unmarked."""
    out = list(lines)
    for n, line in enumerate(lines):
        marked = re.match(r"^\s*[▶►▸➤]\s*(?P<title>\S.*)$", line)
        if not marked:
            continue
        below = [b.split(" · ")[0].strip() for b in lines[n + 1 : n + 3] if b.strip()]
        if any(dates.whole_dates(b) for b in below):
            out[n] = marked.group("title")
    return out


_WORK_MODE = re.compile(
    r"\s+·\s+(?:full-time|part-time|contract|self-employed|freelance|internship|temporary|seasonal|on-site|hybrid|remote)"
    r"\s*$",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(r"^(?P<where>[^·]{3,80}?)\s·\s(?P<when>(?:[A-Z][a-z]{2,8}\s)?(?:19|20)\d{2})$")
_PROFICIENCY = re.compile(
    r"^(?:native or bilingual|full professional|professional working|limited working|elementary) proficiency$", re.I
)
_ISSUED = re.compile(r"^\s*Issued\s+(?P<when>.+?)\s*(?:·.*)?$")


def _page_records(lines: list[str]) -> list[str]:
    """A school's or a credential's record as the page lists it, one line each ("Selkirk Plains University" /
    "Master of Public Health - MPH, Epidemiology" / "2015 - 2017"; "CCFP" / "The College of Family Physicians of
    Canada" / "Issued Jul 2012"), written as a CV line: "Master of Public Health - MPH, Epidemiology — Selkirk Plains
    University<tab>2015 - 2017"."""
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        previous = out[-1].strip() if out else ""
        if previous and (told := _PUBLISHED.match(stripped)):  # "Canadian Family Physician · Mar 2022"
            out[-1] = f"{previous.rstrip('.')}. {told.group('where')}, {told.group('when')}"
            continue
        if previous and _PROFICIENCY.match(stripped):  # "French" / "Professional working proficiency"
            out[-1] = f"{previous} ({stripped[:1].lower()}{stripped[1:]})"
            continue
        issued = _ISSUED.match(stripped)
        whole = dates.whole_dates(stripped) and not dates.is_ongoing(stripped)
        if (issued or whole) and len(out) >= 2 and out[-1].strip() and out[-2].strip():
            name, by = out[-2].strip(), out[-1].strip()
            if not (dates.whole_dates(name) or dates.whole_dates(by) or by.startswith(("•", "-"))):
                when = issued.group("when") if issued else ""
                out[-2:] = ["", f"{by} — {name}\t{stripped}" if whole else f"{name} — {by} ({when})"]
                continue
        out.append(line)
    return out


# a numbered post with its employer and its "Duration:" indented under it ("1. Senior Consultant & Head, Fetal
# Medicine Unit" / "   Vasundhara Institute …, Pune" / "   Duration: Jan 2015 - Till Date")
_NUMBERED_POST = re.compile(r"^\s*\d{1,2}[.)]\s+(?P<title>\S.{2,120})$")
_DURATION = re.compile(r"^\s+(?:duration|period|dates?|tenure)\s*:\s*(?P<dates>\S.*)$", re.IGNORECASE)
_DUTIES_LABEL = re.compile(r"^\s*(?:key\s+)?(?:responsibilities|duties)\s*:\s*(?=\S)", re.IGNORECASE)


def _numbered_posts(raw: list[str]) -> list[str]:
    """Posts a CV numbers, each as a CV writes a post: its title with its dates after a tab, its employer under it;
    a paragraph labelled "Key Responsibilities:" as the post's duties, without its label."""
    out: list[str] = []
    n = 0
    while n < len(raw):
        numbered = _NUMBERED_POST.match(raw[n])
        ahead = raw[n + 1 : n + 4]
        at = next((i for i, line in enumerate(ahead) if _DURATION.match(line)), None)
        if (
            numbered
            and at is not None
            and all(line.startswith((" ", "\t")) and line.strip() for line in ahead[: at + 1])
        ):
            when = _DURATION.match(ahead[at]).group("dates").strip()  # type: ignore[union-attr]  # "- Till Date": clean()
            out += ["", f"{numbered.group('title').strip()}\t{when}", *(line.strip() for line in ahead[:at])]
            n += at + 2
            continue
        out.append(_DUTIES_LABEL.sub("", raw[n]) if out and _DUTIES_LABEL.match(raw[n]) else raw[n])
        n += 1
    return out


def read_text_lines(text: str) -> list[Line]:
    apart = _job_forms(_unquoted(_columns_apart(text.replace("\x02", ""))))
    apart = _numbered_posts(apart)
    tables = _tab_tables(apart)
    raw = [clean(line).rstrip() for line in apart]
    mail = _mail_parts(raw)
    width = _wrap_width([line for n, line in enumerate(raw) if n not in mail])  # not the e-mail's own lines
    lines: list[Line] = []
    last_raw: str | None = None  # the last physical line added to a Line of this paragraph
    # which marks underline the headings: with both, ---- is a level under ====
    underline_kinds = {
        raw[n].strip()[0]
        for n in range(1, len(raw))
        if is_rule(raw[n]) and raw[n - 1].strip() and raw[n].strip()[0] in "=-"
    }
    for n, line in enumerate(raw):
        if not line.strip():
            last_raw = None
            continue
        if n in tables:
            header = tables[n]
            if n and tables.get(n - 1) is header:  # a row under the header: an item under the line above the table
                above = next((x.level for x in reversed(lines) if x.bullet), -1)
                cells = [cell.strip() for cell in line.split("\t")]
                lines.append(Line(text=table_row(header, cells), bullet=True, level=above + 1))
            last_raw = None
            continue
        if n in mail:
            if not is_rule(line):
                lines.append(Line(text=line.strip(), set_aside=mail[n]))
            last_raw = None
            continue
        if is_rule(line):
            underlines = last_raw is not None and lines and not lines[-1].bullet and len(lines[-1].text) <= 60
            if underlines and not _the_name(lines):
                # "EXPERIENCE" underlined with ==== or ----; with both, as Markdown reads them, ---- a level under
                # ==== ("PROFESSIONAL EXPERIENCE" / "=====" over "Medical Lead, Occupational Health" / "-----")
                level = 2 if line.strip()[0] == "-" and "=" in underline_kinds else 1
                lines[-1].heading, lines[-1].level = True, level
            last_raw = None
            continue
        reason = set_aside(line)
        if reason:
            lines.append(Line(text=line.strip(), set_aside=reason))
            if reason != PAGE_MARK_REASON:  # a page's number between a line and its end does not end the line
                last_raw = None
            continue
        bullet, body = strip_bullet(line)
        if bullet and last_raw is not None and _goes_on_after_a_mark(last_raw, line):
            bullet, body = False, line.strip()
        underlined = n + 1 < len(raw) and is_rule(raw[n + 1])
        alone = n + 1 >= len(raw) or not raw[n + 1].strip()
        previous = next((x for x in reversed(lines) if x.set_aside != PAGE_MARK_REASON), None)
        if (
            not bullet
            and not underlined
            and last_raw is not None
            and previous is not None
            and not previous.heading
            and previous.set_aside is None
            # a line indented under a bullet's words goes on with it, capitals and all ("…, 3 APPs and 2" / "  CDCES.")
            and not (
                _looks_like_heading(line, alone) and not (previous.bullet and _carried_under(last_raw, line, True))
            )
            and not DATE_FIRST.match(line)  # "2019–2022: SIR Venous Service Line council, member": an item
            and (
                _wraps(last_raw, line, width)
                or _carried_under(last_raw, line, previous.bullet)
                or _goes_on_a_bullet(last_raw, line, previous.bullet)
                or _goes_on_after_a_mark(last_raw, line)
                or (not previous.bullet and last_raw.rstrip().endswith(","))
                # "Residency, Diagnostic Radiology — Cleveland Clinic, Cleveland, OH —" / "2010–2014": a dash
                # that ends a line points on to the next
                or re.search(r"\s[—–-]$", last_raw.rstrip()) is not None
                # "… primary results of the" / "TIDAL-PE single-arm study": no line ends on an article
                or ends_on_a_small_word(last_raw)
                # a paragraph hard-wrapped near its right edge goes on in lower case ("… running a 5-lab" / "sleep
                # network and …"), however long the file's longest line
                or (not previous.bullet and len(last_raw.rstrip()) >= 60 and line.strip()[:1].islower())
            )
        ):
            previous.text = join_wrapped(previous.text, body)
            last_raw = line
            continue
        indent = len(line) - len(line.lstrip(" \t"))
        body = _COLUMNS.sub("\t", body.strip())  # the gap before a right-aligned date is a tab, as a word processor's
        lines.append(Line(text=body, bullet=bullet, level=indent // 2 if bullet else 0))
        last_raw = line
    return lines


_MD_DEFINITION = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*(\S+)")


def _reference(link: re.Match[str], targets: dict[str, str]) -> str:
    """A reference link as its words, or as its LinkedIn address."""
    from translator.identifiers import linkedin_address

    label = re.search(r"\]\[([^\]]*)\]$", link.group(0))
    target = targets.get((label.group(1) if label and label.group(1) else link.group(1)).lower(), "")
    return linkedin_address(target) or link.group(0)


def _link_text(link: re.Match[str]) -> str:
    """A link as the page shows it, its words; a link to a LinkedIn or GitHub profile ("[LinkedIn](https://www.
    linkedin.com/in/jane-roe)", "[GitHub](https://github.com/…)") as its address, which a printed resume shows."""
    from translator.identifiers import github_address, linkedin_address

    return linkedin_address(link.group(0)) or github_address(link.group(0)) or link.group(1)


def _a_thing_to_do(text: str) -> bool:
    """A ticked box's words read as a task done, not a thing held: in lower case ("update licenses table") or an
    order ("Renew ACLS", "Add headshot")."""
    from translator.mapping import english

    first = text.strip().split(" ", 1)[0].strip("*_")
    if first[:1].islower() or first.lower() in _TO_DO:
        return True
    return english.verb_lemma(first) == first.lower() and not english.is_noun(first)  # not "Board certified …"


_TO_DO = frozenset({"add", "update", "ask", "check", "fix", "send", "call", "email", "finish", "remove", "cut"})


def _inline(text: str) -> str:
    text = _LINE_BREAK_TAG.sub("; ", text)  # "Dr. med. (magna cum laude)<br>Thesis: …" in a table's cell
    text = _HTML_TAG.sub("", _MD_LINK.sub(_link_text, text))  # "<summary>Community program (2019 – present)</summary>"
    text = _MD_REFERENCE_LINK.sub(r"\1", text)  # "[Tacoma-Pierce County Health Department][tpchd]"
    for _ in range(3):
        text = _MD_EMPHASIS.sub(r"\2", text)
    # pandoc's "--" for an en dash: "Clinical Lead -- Yarra Bend Health"
    return text.replace("\\", "").replace(" -- ", " – ").rstrip()


# An item's own end: a year, "present", a closing bracket ("… 1996-2001 (incl. PGY-1/2)")
_ITEM_END = re.compile(r"(?:\b(?:19|20)\d{2}|\bpresent|\bcurrent|\))\W{0,2}$", re.IGNORECASE)
_FIELDS = re.compile(r" [|·•] |@|\(\d{3}\)")  # fields set side by side: a tagline, a contact line


def _soft_wrap(previous: str, current: str) -> bool:
    """Whether a line of a Markdown paragraph goes on with the line before, as Markdown reads it, or is an item
    of its own as the writer typed it: the next degree after a degree's year, a licence after a certification,
    the contact line after a tagline ("Urology | Robotic Surgery" / "Tampa, FL · (813) 555-0109")."""
    if _FIELDS.search(previous) or _FIELDS.search(current):
        return False
    from translator.parse.profile import listed_credentials

    if listed_credentials(_inline(previous)) or listed_credentials(_inline(current)):
        return False  # "MBBS (Hons), FRANZCR, MHlthInf" under the name: a line of its own, as typed
    if _A_LABEL.match(_inline(current)):
        return False  # "**Licence**: Washington (active)" under "**Boards**: …": a field of its own
    starts_item = _inline(current).lstrip()[:1].isupper()
    return not (starts_item and _ITEM_END.search(previous))


_A_LABEL = re.compile(r"^\s*[A-Z][A-Za-z &]{2,30}:\s+\S")
_YEAR_CELL = re.compile(r"(?:19|20)\d{2}")
_NOT_COUNTED = frozenset({"when", "date", "dates", "year", "years", "details", "detail", "notes", "note", "where"})
_MD_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_COUNT = re.compile(r"[~≈<>]?\s*\d[\d,.]*\+?")


def _cells(row: str) -> list[str]:
    return [_inline(cell.strip()) for cell in row.strip().strip("|").split("|")]


def _counted_name(name: str) -> str:
    """A column's name after its count, in lower case but for its acronyms: "41 mitral TEER", "171 TAVR"."""
    return " ".join(w if sum(c.isupper() for c in w) >= 2 else w.lower() for w in name.split())


def counted_table(header: list[str], rows: list[list[str]]) -> bool:
    """Whether a table's cells after the first are mostly counts under their columns' names: a table of volumes
    ("Year | TAVR | Mitral TEER | … / 2025 | 171 | 41 | …"), read row by row with the names."""
    cells = [cell for row in rows for cell in row[1:] if cell]
    return len(header) >= 3 and bool(cells) and sum(1 for c in cells if _COUNT.fullmatch(c)) >= 0.6 * len(cells)


# columns whose cells say little without their name: a trial's phase, its enrolment
_PHASE_COLUMN = re.compile(r"^(?:phase|ph\.?)$", re.IGNORECASE)
_ENROLLED_COLUMN = re.compile(
    r"^(?:enrolled|enrolment|enrollment|recruited|randomi[sz]ed|patients|pts|n)$", re.IGNORECASE
)


def labelled_columns(header: list[str]) -> bool:
    """Whether a table names a phase or an enrolment column, whose cells are read with their names."""
    return any(_PHASE_COLUMN.match(h.strip()) or _ENROLLED_COLUMN.match(h.strip()) for h in header[1:])


def table_row(header: list[str], cells: list[str]) -> str:
    """A table's row as the line a writer would have typed: its first cell, then the others, a count with its
    column's name ("Robotic partial nephrectomy | 420 |" under "Procedure | Cases | Notes" → "Robotic partial
    nephrectomy — 420 cases"). Empty cells are left out."""
    first, *rest = [*cells, *[""] * (len(header) - len(cells))]
    parts = []
    for name, cell in zip(header[1:], rest, strict=False):
        if not cell:
            continue
        counted = (
            _COUNT.fullmatch(cell)
            and name
            and not _COUNT.fullmatch(name)
            and not _YEAR_CELL.fullmatch(cell)  # "2013" under "When": a year, not 2013 of anything
            and name.lower() not in _NOT_COUNTED
        )
        if _PHASE_COLUMN.match(name.strip()) and re.fullmatch(r"(?:I{1,3}V?|[1-4])(?:[ab]|/I{1,3}|/[1-4])?", cell):
            parts.append(f"Phase {cell}")  # "III" under "Phase"
        elif _ENROLLED_COLUMN.match(name.strip()) and re.match(r"[~≈]?\d", cell) and not counted:
            parts.append(f"{cell} enrolled" if name.strip().lower() != "n" else f"n={cell}")  # "64 site / 142 country"
        elif counted:
            parts.append(f"{cell} {_counted_name(name)}")
        elif _YEAR_CELL.fullmatch(name) and _COUNT.match(cell.lstrip("~≈<>≤≥ ")):
            parts.append(f"{cell} in {name}")  # "52%" under "2019": a measure of that year
        elif name and cell[:1] in "<>≤≥" and name.lower() not in _NOT_COUNTED:
            parts.append(f"{name[:1].lower()}{name[1:]} {cell}")  # ">70%" under "Consensus target"
        else:
            parts.append(cell)
    if not first:
        return ", ".join(parts)
    return f"{first} — {', '.join(parts)}" if parts else first


# A title set in bold with its organization after it in plain type: the bold's end is where the title ends
# (or after a field's separator: "**Fellow in Neonatology** · Klinikum am Dreisam – Perinatalzentrum · *10/2022 –*")
_BOLD_TITLE = re.compile(
    r"^(\s*\*\*[^*]{2,80}(?<![:：])\*\*)(?:\s*[·|•]\s*|\s+)(?=[A-Z])"
)  # not a label ("**Skills:** Epic")


# Emoji and pictographs a notes app puts before a heading's words ("## 🎓 Training", "## 🛠️ Stuff I'm good at").
_PICTOGRAPHS = re.compile(r"^[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D\s]+")
_TOGGLE_LABEL = re.compile(r"<summary>(.*)</summary>", re.IGNORECASE)
TOGGLE_REASON = "the label of a folded part of the page, not the CV's content"
_LINE_BREAK_TAG = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?[a-z][a-z0-9]*(?:\s[^>]*)?>")
# A notes app's page properties exported above the page ("Created: October 14, 2026", "Tags: career, resume").
_PAGE_PROPERTY = re.compile(r"^\s*(?:Created(?: by| time)?|Last edited(?: by| time)?|Tags|Status|Property)\s*:\s*\S")
PAGE_PROPERTY_REASON = "a notes app's page property, not the CV's content"
_TASK = re.compile(r"^\s*[-*+]\s+\[ \]\s+")  # an open box: a thing to do
_TICKED = re.compile(r"^(\s*[-*+]\s+)\[[xX]\]\s+")  # a ticked box: a thing held ("- [x] ABIM Internal Medicine …")
TASK_REASON = "a to-do item, a note to self, not the CV's content"


_BLOCKQUOTE = re.compile(r"^(?:>[ \t]?)+", re.MULTILINE)
_CALLOUT = re.compile(r"^\s*\[![\w-]+\][+-]?[ \t]*", re.MULTILINE)
# A callout that holds the writer's own notes: by its type ("> [!todo] English version"), or a plain note titled
# as a thing still to do ("> [!note] Nog doen", "> [!info] À faire")
_NOTE_CALLOUT = re.compile(
    r"^>[ \t]?\[!(?:todo|question|faq|help|warning|caution|attention|fixme|bug|failure|fail|missing|danger|error)\]"
    r"|^>[ \t]?\[![\w-]+\][+-]?[ \t]*"
    r"(?:to[ -]?do|nog doen|still to do|à faire|a fazer|pendiente|offen|zu erledigen)\b",
    re.IGNORECASE,
)
# Obsidian's links: "[[Kromme Rijn Ziekenhuis]]" is its name, "[[Noordermeer2019-Thorax|Noordermeer TJ, …]]" the
# words after the bar; an embedded file ("![[pasfoto_TN.jpg|120]]") shows no text
_WIKI_EMBED = re.compile(r"!\[\[[^\]]*\]\]")
_WIKI_LINK = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]|]+)\]\]")
_TAGS_ONLY = re.compile(r"^\s*#[\w/-]*[^\W\d][\w/-]*(?:\s+#[\w/-]+)*\s*$")  # "#cv #longziekten": a note's tags


def read_markdown_lines(text: str) -> list[Line]:
    """Markdown's own blocks: a paragraph's lines are one line (unless a hard break ends one), a list item
    goes on over the lines that follow it, setext (====, ----) and ATX (#) headings are headings."""
    text = text.replace("\r\n", "\n").replace("\x02", "")
    # pandoc's metadata names the document: its title (the name), subtitle and author lines are the CV's head when
    # the body has no heading of its own above its sections ("title: \"Malcolm D. Terhune-Asante, MD, FACC\"")
    front = _FRONT_MATTER.match(text)
    head = [m.group(2) for m in _META_FIELD.finditer(front.group(0))] if front else []
    body = _FRONT_MATTER.sub("", text)
    first = re.search(r"^#{1,2}\s+(.+)$", body, re.MULTILINE)
    if head and (first is None or _names_a_section(first.group(1))):
        body = "\n".join([f"# {head[0]}", *head[1:], "", body])
    body = _WIKI_LINK.sub(r"\1", _WIKI_EMBED.sub("", body))
    notes: list[str] = []
    kept_lines: list[str] = []
    in_note = False
    for line in body.split("\n"):
        in_note = bool(_NOTE_CALLOUT.match(line)) or (in_note and line.startswith(">"))
        # a callout's or quote's lines are lines of their own, as a notes app shows them ("📍 Utrecht" / "📞 …")
        (notes if in_note else kept_lines).append(
            f"{line}  " if line.startswith(">") and line.strip(">").strip() else line
        )
    body = "\n".join(kept_lines)
    # a note app's callouts and quotes ("> [!note] Contact" / "> 📞 514-555-0176 · …"): their text, as written
    body = _CALLOUT.sub("", _BLOCKQUOTE.sub("", body))
    source = body.split("\n")
    raw = [clean(line).rstrip() for line in source]
    # a reference link to a LinkedIn profile ("[LinkedIn][li]" … "[li]: https://www.linkedin.com/in/…") as its
    # address, as an inline one is: a printed resume shows it
    targets = {m.group(1).lower(): m.group(2) for line in raw if (m := _MD_DEFINITION.match(line))}
    raw = [_MD_REFERENCE_LINK.sub(lambda m: _reference(m, targets), line) for line in raw]
    lines: list[Line] = [
        Line(text=_inline(text), set_aside=TASK_REASON)
        for note in notes
        if (text := _CALLOUT.sub("", _BLOCKQUOTE.sub("", note)).strip())
    ]
    open_block = False  # the last Line may take the next physical line (no blank line, no new block since)
    hard_break = False
    header: list[str] | None = None  # the column names of the table being read
    for n, line in enumerate(raw):
        if _MD_TABLE_ROW.match(line) and (
            header is not None or (n + 1 < len(raw) and _MD_TABLE_RULE.match(raw[n + 1]))
        ):
            cells = _cells(_LINE_BREAK_TAG.sub(", ", line))  # a cell's lines: "Dr. med. (magna cum laude)<br>Thesis: …"
            if _MD_TABLE_RULE.match(line):
                continue
            if header is None:
                header = cells  # the row above the rule names the columns
            elif item := table_row(header, cells):
                lines.append(Line(text=item, bullet=True))
            open_block = False
            continue
        header = None
        if not line.strip() or _MD_TABLE_RULE.match(line):
            open_block = False
            continue
        if is_rule(line):
            if open_block and lines and not lines[-1].bullet and line.strip()[0] in "=-":
                lines[-1].heading, lines[-1].level = True, 1 if line.strip()[0] == "=" else 2
            open_block = False
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            named = _PICTOGRAPHS.sub("", _inline(heading.group(2)))  # "## 🧰 Experience": the heading's words
            lines.append(Line(text=named, heading=True, level=len(heading.group(1))))
            open_block = False
            continue
        if _HTML_TAG.fullmatch(line.strip()) or _MD_LINK_DEFINITION.match(line) or _MD_COMMENT.match(line):
            continue  # a callout wrapper ("<aside>"), a link's target ("[tpchd]: https://…"), a comment: no text
        if (toggle := _TOGGLE_LABEL.fullmatch(line.strip())) and not re.search(dates.YEAR, toggle.group(1)):
            # a toggle's label ("<summary>Earlier / research stays</summary>"), unless it is an entry with its dates
            lines.append(Line(text=_inline(toggle.group(1)), set_aside=TOGGLE_REASON))
            open_block = False
            continue
        if _TAGS_ONLY.match(line):
            lines.append(Line(text=line.strip(), set_aside=PAGE_PROPERTY_REASON))
            open_block = False
            continue
        if n < 15 and _PAGE_PROPERTY.match(line):
            lines.append(Line(text=line.strip(), set_aside=PAGE_PROPERTY_REASON))
            continue
        if _TASK.match(line):
            lines.append(Line(text=_TASK.sub("", line).strip(), set_aside=TASK_REASON))
            open_block = False
            continue
        if (ticked := _TICKED.match(line)) and _a_thing_to_do(line[ticked.end() :]):
            lines.append(Line(text=line[ticked.end() :].strip(), set_aside=TASK_REASON))  # "- [x] update licenses"
            open_block = False
            continue
        line = _TICKED.sub(r"\1", line)  # "- [x] ABIM Internal Medicine (2009)": a thing held, ticked as listed
        reason = set_aside(_inline(line))
        if reason:  # (reported as written, without its list mark: "Hobbies: sailing, woodworking")
            lines.append(Line(text=strip_bullet(_inline(line))[1].strip(), set_aside=reason))
            open_block = False
            continue
        bullet, body = strip_bullet(line)
        body = _BOLD_TITLE.sub(r"\1 — ", body)  # "**Vice Chief of Surgery** St. Joseph's Hospital 2015-2019"
        next_is_rule = n + 1 < len(raw) and is_rule(raw[n + 1])
        if open_block and not bullet and not hard_break and not next_is_rule and lines and _soft_wrap(raw[n - 1], line):
            # emphasis that spans the wrap ("thesis:" / "*Silent-mode deployment of an ICH … emergency" /
            # "department*") is read once the lines are one
            lines[-1].text = _inline(join_wrapped(lines[-1].text, _inline(body.strip())))
        else:
            indent = len(line) - len(line.lstrip(" \t"))
            lines.append(Line(text=_inline(body.strip()), bullet=bullet, level=indent // 2 if bullet else 0))
        hard_break = source[n].endswith(("  ", "\\"))  # Markdown's hard line break ends the line here
        open_block = True
    return lines
