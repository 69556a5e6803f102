"""Dates as CVs write them: ranges, what is still going on, and when an entry ended or began.

One place for them, so the reader, the rules and the resume agree on "2019–present", "since 2021",
"Jul 2019 – Present" and "2018–pres.".
"""

from __future__ import annotations

import re

# (and a season, as some CVs date a post held then: "Summers 2016 – 2018", "Fall 2019")
MONTH_NAME = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Spring|Summer|Fall|Autumn|Winter)"
MONTH = rf"{MONTH_NAME}[a-z]*\.?"
YEAR = r"(?:19|20)\d{2}"
# "2019", "Jul 2019", "06/2018", and the day first as Australia, Britain and Europe write it: "01/02/2016"
_POINT = rf"(?:(?:{MONTH}\s+|(?:[0-3]?\d/)?[01]?\d/)?{YEAR})"
# what other CVs write for it after a range's dash: India's "till date", Britain's "– date", German "heute",
# and other languages' "now": "atual" (Portuguese), "actualidad" (Spanish), "à ce jour" (French), "heden" (Dutch)
_OTHER_OPEN_END = (
    r"(?:till\s+(?:date|now)|to\s+date|date|heute|aktuell|dato|jetzt|atual(?:mente)?|o\s+momento|actual(?:idad|mente)?|"
    r"presente|hoy|présent|aujourd['’]hui|(?:[àa]\s+)?ce\s+jour|en\s+cours|oggi|in\s+corso|heden|nu|p[åa]g[åa]ende|idag)"
)
# "2019 – Present" and its other ways: "– till date", "– heute", "– atual" (read as open; written out as
# "present" wherever a line is cleaned)
_OPEN_END = rf"(?:[Pp]resent|[Cc]urrent|[Nn]ow|[Oo]ngoing|[Tt]oday|[Pp]res\.?|(?i:{_OTHER_OPEN_END}))"
# "Jul–Dec 2021": months of one year, the year written once
_MONTHS_OF = rf"(?:{MONTH}\s*[-–—]\s*(?={MONTH}\s+{YEAR}))?"
# "2019", "Jul 2019 – Present", "2017–2020", "06/2018 to 05/2021", "Jul–Dec 2021": a whole field of dates.
# (an arrow between the ends, as a notes app writes a span on a line of its own: "2016 → present")
DATE_RANGE = re.compile(rf"(?P<dates>{_MONTHS_OF}{_POINT}(?:\s*(?:[-–—→]|to)\s*(?:{_POINT}|{_OPEN_END}))?)\s*$")
# A range between commas with what was done after it: "Member, Quality Committee, 2017 - Present, reviewing …".
RANGE_THEN_MORE = re.compile(
    rf",\s*(?P<dates>{_POINT}\s*(?:[-–—]|to)\s*(?:{_POINT}|{_OPEN_END})),\s+(?P<more>[a-z].*)$"
)
# A range that ends a line after a comma, a dash or a space: "Member, Stroke Committee, 2019–present".
TRAILING_RANGE = re.compile(
    rf"(?:^|,\s*|\s+[–—-]\s+|\s+)(?P<dates>(?:since\s+)?{_MONTHS_OF}{_POINT}(?:\s*(?:[-–—]|to)\s*(?:{_POINT}|{_OPEN_END}|(?=$)))?)"
    r"\s*\.?\s*$"
)
_ONGOING = re.compile(
    rf"(?:[-–—→]|\bto|\bsince|\buntil)\s*{_OPEN_END}(?!\w)|^\s*{_OPEN_END}\s*$|\bsince\s+{_POINT}|{YEAR}\s*[-–—]\s*(?:$|\))",
    re.IGNORECASE,
)
_ABBREVIATED = re.compile(r"\bpres\.?(?=\W*$|\))|\bpres\b\.?", re.IGNORECASE)
_FOUND = re.compile(rf"(?:\b({MONTH_NAME})[a-z]*\.?\s+)?\b({YEAR})\b", re.IGNORECASE)
_MONTHS = {
    m: i
    for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)
}
ONGOING_END = (9999, 12)


_SPAN_OPEN_ELSEWISE = re.compile(
    rf"(?<!since )(?<!from )((?:19|20)\d{{2}}|['’]\d{{2}})\s*(?:([-–—→])|\bto\b|\bbis\b)\s*{_OTHER_OPEN_END}\b"
    r"(?=\t|\s{2,}|\s*(?:$|[)\],;.|·*_—–]))",  # (then the line's end, its punctuation, or the next field)
    re.IGNORECASE,
)
_APOSTROPHE_YEAR = re.compile(rf"\b({MONTH})\s*['’](\d{{2}})\b|(?<=[-–—] )['’](\d{{2}})\b|(?<=[-–—])['’](\d{{2}})\b")
# "2001-04", "2015-18": a span with its second year written short (never a year and its month, "2019-04", nor a
# whole date, "2001-04-15", nor a year that ends a range before a count: "2012–2013 — 15")
_SHORT_END = re.compile(r"\b(?<![\d/.\-–—])((?:19|20)(\d{2}))([-–])(\d{2})\b(?![\d/.:\-–])")


_LEFT_OPEN = re.compile(rf"\s*(?:{MONTH}\s+|[01]?\d/)?{YEAR}\s*[–—-]\s*")


def _century(short: str) -> str:
    import datetime

    return ("20" if int(short) <= datetime.date.today().year % 100 + 1 else "19") + short


def _whole_year(match: re.Match[str]) -> str:
    month, short = match.group(1), match.group(2) or match.group(3) or match.group(4)
    return f"{month} {_century(short)}" if month else _century(short)


def _short_end(match: re.Match[str]) -> str:
    year, short, dash, end = match.groups()
    return f"{year}{dash}{year[:2]}{end}" if int(end) > int(short) else match.group(0)


def written_out(text: str) -> str:
    """Dates as some CVs shorten them, written out as a resume writes them: "Aug '04 - Jul '09" → "Aug 2004 - Jul
    2009", "(2001-04)" → "(2001-2004)", "Aug 2009 - till date" and "10/2022 – heute" → "… - present"."""
    if not any(c.isdigit() for c in text):
        return text  # (every line and PDF run is cleaned: most hold no date at all)
    if "'" in text or "’" in text:
        text = _APOSTROPHE_YEAR.sub(_whole_year, text)
    if _SHORT_END.search(text):
        text = _SHORT_END.sub(_short_end, text)
    return _SPAN_OPEN_ELSEWISE.sub(_open_end, text)


def _open_end(match: re.Match[str]) -> str:
    """ "2021–heden" → "2021–present", "2019 bis heute" → "2019 – present": the range's own dash and spacing kept."""
    if match.group(2) is None:
        return f"{match.group(1)} – present"
    kept = re.match(r".*?[-–—→]\s*", match.group(0))
    assert kept is not None  # the pattern matched a dash
    return f"{kept.group(0)}present"


def whole_dates(text: str) -> bool:
    """Whether a field holds dates and nothing else: "2019", "Jul 2019 – Present", and "since 04/2019", the
    range still open as a Lebenslauf's date column writes it."""
    return DATE_RANGE.fullmatch(re.sub(r"^[Ss]ince\s+", "", text.strip())) is not None


def is_ongoing(text: str | None) -> bool:
    """ "2019–Present", "since 2021", "2018–pres.", "2020 – ": the entry goes on today."""
    return bool(text) and bool(_ONGOING.search(text or ""))


def spell_ongoing(text: str) -> str:
    """ "2018–pres." → "2018–present": an abbreviation of 'present' written out."""
    return _ABBREVIATED.sub("present", text)


def _points(text: str) -> list[tuple[int, int]]:
    return [(int(y), _MONTHS.get((m or "").lower()[:3], 0)) for m, y in _FOUND.findall(text)]


def end_of(text: str | None) -> tuple[int, int]:
    """(year, month) an entry or item ended: an ongoing one is the latest; (0, 0) when no date is given."""
    if not text:
        return 0, 0
    if is_ongoing(text):
        return ONGOING_END
    return max(_points(text), default=(0, 0))


def start_of(text: str | None) -> tuple[int, int]:
    """(year, month) an entry began: the first date of its range; (0, 0) when no date is given."""
    if not text:
        return 0, 0
    first, *rest = re.split(r"\s*(?:[-–—]|\bto\b)\s*", text, maxsplit=1)
    points = _points(first)
    month = re.fullmatch(MONTH_NAME + r"[a-z]*\.?", first.strip(), re.IGNORECASE)
    if not points and month and rest and (after := _points(rest[0])):  # "Jul–Dec 2021": July of 2021
        return after[0][0], _MONTHS[month.group(0)[:3].lower()]
    return points[0] if points else (0, 0)


def end_year(text: str | None) -> int:
    """The year an entry ended, for ordering: 9999 for an ongoing one, 0 for none."""
    return end_of(text)[0]


def within(inner: str | None, outer: str | None) -> bool:
    """Whether a span falls within another, both dated: a fellowship of "Jul 2023 – Jun 2024" within a post of "Feb
    2023 – Present"."""
    began = start_of(inner)
    return bool(began[0]) and start_of(outer)[0] > 0 and start_of(outer) <= began and end_of(inner) <= end_of(outer)


def held_since(field: str) -> str:
    """A field of dates alone left open, "2011 –" in a Europass CV's date column: begun then, held since ("2011 –
    present"); any other field as it is."""
    return f"{field.rstrip()} present" if _LEFT_OPEN.fullmatch(field) else field
