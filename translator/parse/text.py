"""Text clean-up shared by every reader, and the Line every reader produces."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from translator.dates import DATE_RANGE

_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_CONTROL = re.compile(r"[\x00\x01\x03-\x08\x0b\x0c\x0e-\x1f\x7f]")
BULLET_GLYPHS = "•▪◦●○■□➢➤►▶‣⁃∙·✓✔❖◆◇★☐➔→–—*+-␣"
_BULLET = re.compile(
    r"^\s*(->|=>|o(?=\s+[A-Z0-9])|[" + re.escape(BULLET_GLYPHS) + r"\ue000-\uf8ff]{1,2})(?:\s+|\t)(?=\S)"
)
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+(?=\S)")


@dataclass
class Line:
    """One visual line of a CV as a reader saw it."""

    text: str
    bullet: bool = False
    heading: bool = False
    level: int = 0
    aside: str | None = None  # text pushed to the right margin (usually dates)
    part: str = "body"  # body, header or footer
    size: float = 0.0  # font size in points, where the format has one (PDF)
    bold: bool = False
    set_aside: str | None = None  # why the line is left out of the CV (a page footer); the report lists it


# Lines that are no part of the CV's content, and why they are left out. A footer names its page
# ("Jane Roe — 1/2", "Page 2 of 10", "- 3 -"); a title line names the document, not the person.
_PAGE_MARK = re.compile(
    r"^(?:[^\d]{2,60}?\s*(?:[—–|·-]\s*)?)?(?:page\s+)?\d{1,2}\s*(?:/|of)\s*\d{1,2}$"
    r"|^(?:page\s+)?[-–—]?\s*\d{1,2}\s*[-–—]?$|^page\s+\d{1,2}$",
    re.IGNORECASE,
)
_REFERENCES = re.compile(r"^\W*references?\s+(?:are\s+)?(?:available\s+)?(?:up)?on\s+request\W*$", re.IGNORECASE)
_DOCUMENT_TITLE = re.compile(r"^\W*(?:curriculum\s+vitae|c\.?\s?v\.?|r[ée]sum[ée]|resume)\W*$", re.IGNORECASE)
_RULE = re.compile(r"^\s*([=\-_~*#])\1{2,}\s*$")
# What a browser prints at the top and foot of each page: the date and time, the page's address, and its title
# when that names the document ("Elena Vasquez MD - CV").
_PRINT_STAMP = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[AP]M)?$", re.IGNORECASE)
_PRINT_ADDRESS = re.compile(r"^file://\S+$|^https?://\S+\.(?:html?|pdf)$", re.IGNORECASE)  # a profile URL stays
_TITLED_DOCUMENT = re.compile(
    r"^.{2,60}?\s+[-–—|:]\s+(?:curriculum\s+vitae|c\.?\s?v\.?|r[ée]sum[ée]|resume)$", re.IGNORECASE
)


def set_aside(text: str) -> str | None:
    """Why a line is no part of the CV's content, or None: a page footer, "References available on
    request", the document's title ("Curriculum Vitae")."""
    stripped = text.strip()
    if _PAGE_MARK.match(stripped):
        return "page number or footer"
    if _REFERENCES.match(stripped):
        return "references are given on request, not on a resume"
    if _DOCUMENT_TITLE.match(stripped) or _TITLED_DOCUMENT.match(stripped):
        return "the document's title, not its content"
    if _PRINT_STAMP.match(stripped) or _PRINT_ADDRESS.match(stripped):
        return "a browser's print header or footer"
    return None


def is_rule(text: str) -> bool:
    """A line drawn with characters ("=====", "-----"): an underline or a separator, no text."""
    return bool(_RULE.match(text))


def join_wrapped(head: str, tail: str) -> str:
    """Two pieces of one line a wrap split: "treat-to-" + "target" → "treat-to-target", "2018–" + "2019" →
    "2018–2019", a word broken by hyphenation rejoined where the lexicon knows it whole."""
    head, tail = head.rstrip(), tail.strip()
    if head.endswith((" –", " —", " -")):
        return f"{head} {tail}"  # "2019 –" + "2021": the dash keeps its spaces
    if head.endswith(("–", "—")) or (head.endswith("-") and head[-2:-1].isdigit()):
        return head + tail
    if head.endswith("-") and head[-2:-1].isalpha():
        from translator.mapping import english

        broken = re.search(r"([A-Za-z]+)-$", head)
        first_word = re.match(r"[A-Za-z]+", tail)
        if broken and first_word:
            whole = broken.group(1) + first_word.group(0)
            if not english.is_known(first_word.group(0)) and english.is_known(whole):
                return head[:-1] + tail  # "interdisci-" + "plinary"
        return head + tail  # "treat-to-" + "target", "left-without-" + "being-seen"
    return f"{head} {tail}"


def clean(text: str) -> str:
    """Normalize what PDF and Word producers leave in text, keeping the words as written."""
    text = text.translate(_LIGATURES)
    text = text.replace("-\u00ad\u2010", "-").replace("\u00ad", "").replace("\u200b", "")
    text = text.replace("\u00a0", " ").replace("\u2010", "-").replace("\u2011", "-")
    text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    # Some producers put a tab between every word; keep a tab only where it separates columns.
    if text.count("\t") > 3 and text.count("\t") >= len(text.split()) - 1:
        text = re.sub(r"\t+", " ", text)
    return text


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def strip_bullet(text: str) -> tuple[bool, str]:
    """(True, text without its glyph) when the line starts with a bullet glyph."""
    match = _BULLET.match(text) or _NUMBERED.match(text)
    if match:
        return True, text[match.end() :]
    stripped = text.lstrip()
    if stripped[:1] and ("\ue000" <= stripped[0] <= "\uf8ff" or stripped[0] in "•▪●◦"):
        return True, stripped[1:].lstrip()
    return False, text


# "2019 – Present\tHospitalist", "2016-2021: Staff Nephrologist, …" (a web form's "dates: title" line)
_LEADING_DATES = re.compile(
    r"^\s*" + DATE_RANGE.pattern.removesuffix(r"\s*$") + r"(?:\t+|\s{2,}|\s+[|·•]\s+|\s*:\s+)(?=\S)"
)


_RANGE_THEN_NOTE = re.compile(r"^\s*" + DATE_RANGE.pattern.removesuffix(r"\s*$") + r",\s+(?=\S)")
_A_SPAN = re.compile(r"\d\s*(?:[-–—]|to)\s*\S")  # a range, not a single year: "2016, 2018 and 2020" is a list


def leading_dates(text: str) -> bool:
    """The line opens with its dates, set apart: '2016-2021: Staff Nephrologist, …', '2019 – Present\tHospitalist'."""
    return _LEADING_DATES.match(text) is not None


_BRACKETED_DATES = re.compile(r"\s*\(([^()]*\d{4}[^()]*)\)\s*$")  # "… Medical Center (2019 - Present)"


# A year the sentence itself governs ("38 children enrolled since 2020", "adopted in 2021"): no date column.
_IN_A_SENTENCE = re.compile(
    r"\b(?:since|in|from|by|until|till|through|to|during|of|after|before|for|between|and|or|on|at|the|a|an)\s+$",
    re.IGNORECASE,
)


# Words of an organization's name, in its capitals. The first group no job title has; "Health" and "Medical" may
# stand in one ("Medical Director").
PLACE_WORDS = (
    "Hospital|University|Center|Centre|Clinic|College|School|Institute|Group|Practice|Foundation|Society|"
    "Association|System|Network|Partners"
)
TITLE_SHARED_WORDS = "Health|Medical"


def organization_words(*more: str) -> re.Pattern[str]:
    """A pattern of the organization words (singular or plural) and `more` of them."""
    return re.compile(rf"\b(?:{'|'.join((PLACE_WORDS, *more))})s?\b")


def split_dates(text: str) -> tuple[str, str | None]:
    """'Hospitalist\\tJul 2019 – Present' → ('Hospitalist', 'Jul 2019 – Present'); a date column set
    first, '2019 – Present\\tHospitalist', gives the same, and so does a range with its note after a comma:
    '2023 – present, ~4-6 shifts/month' → ('~4-6 shifts/month', '2023 – present')."""
    leading = _LEADING_DATES.match(text) or _RANGE_THEN_NOTE.match(text)
    if leading and (leading.re is _LEADING_DATES or _A_SPAN.search(leading.group("dates"))):
        return text[leading.end() :].strip(), leading.group("dates").strip()
    bracketed = _BRACKETED_DATES.search(text)
    if bracketed and bracketed.start() > 0 and DATE_RANGE.fullmatch(bracketed.group(1).strip()):
        return text[: bracketed.start()].rstrip(" ,|–—-\t·•"), bracketed.group(1).strip()
    if "\t" in text:
        head, _, tail = text.rpartition("\t")
        if head.strip() and DATE_RANGE.fullmatch(tail.strip()):
            return head.strip(), tail.strip()
    match = DATE_RANGE.search(text.rstrip(" ;."))  # "…, Salt Lake City, UT, 2008;": an item's own end
    if match and match.start() > 0:
        head = text[: match.start()].rstrip(" ,|–—-\t(·•")
        if head and len(head) >= 3 and not _IN_A_SENTENCE.search(text[: match.start()]):
            return head, match.group("dates").strip().rstrip(")")
    return text, None
