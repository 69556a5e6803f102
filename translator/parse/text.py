"""Text clean-up shared by every reader, and the Line every reader produces."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from translator.dates import DATE_RANGE

_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_CONTROL = re.compile(r"[\x00\x01\x03-\x08\x0b\x0c\x0e-\x1f\x7f]")
BULLET_GLYPHS = "•▪◦●○■□➢➤►▶‣⁃∙·✓✔❖◆◇★☐➔→–—*+-␣"
_BULLET = re.compile(r"^\s*([" + re.escape(BULLET_GLYPHS) + r"\ue000-\uf8ff]{1,2})(?:\s+|\t)(?=\S)")
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


_LEADING_DATES = re.compile(r"^\s*" + DATE_RANGE.pattern.removesuffix(r"\s*$") + r"(?:\t+|\s{2,}|\s+\|\s+)(?=\S)")


def split_dates(text: str) -> tuple[str, str | None]:
    """'Hospitalist\\tJul 2019 – Present' → ('Hospitalist', 'Jul 2019 – Present'); a date column set
    first, '2019 – Present\\tHospitalist', gives the same."""
    leading = _LEADING_DATES.match(text)
    if leading:
        return text[leading.end() :].strip(), leading.group("dates").strip()
    if "\t" in text:
        head, _, tail = text.rpartition("\t")
        if head.strip() and DATE_RANGE.fullmatch(tail.strip()):
            return head.strip(), tail.strip()
    match = DATE_RANGE.search(text)
    if match and match.start() > 0:
        head = text[: match.start()].rstrip(" ,|–—-\t(")
        if head and len(head) >= 3:
            return head, match.group("dates").strip().rstrip(")")
    return text, None
