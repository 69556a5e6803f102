"""Visual lines of a PDF column → Lines: a bullet or a paragraph wrapped over several lines is one Line again.

Each visual line is measured once into a `Placed` (where its text starts and ends, its type size, its page);
whether the next one continues it is decided by small named predicates over two Placed and their column.
No PDF library here: the reader (pdf.py) does the measuring.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from translator.parse.text import (
    DATE_FIRST,
    HYPHENATED_PREFIXES,
    PLACE_WORDS,
    Line,
    closes_a_bracket,
    ends_on_a_small_word,
    join_wrapped,
)

# "Pulmonary Disease, ABIM, 2018" / "Critical Care Medicine, ABIM, 2019": dated items, not a wrapped line.
_ENDS_WITH_YEAR = re.compile(r"\b(?:19|20)\d{2}\W?$|\b(?:19|20)\d{2}\s*[-–—]\s*(?:present|current|now)\W?$", re.I)
_AN_ADDRESS_IN = re.compile(r"@|https?://|www\.|linkedin\.com/|orcid\.org/")
_CONTACT = re.compile(r"@|https?://|www\.|linkedin\.com/|orcid\.org/|^\+?[\d\s().-]{7,}$")
# A line that ends unfinished: a comma, a joining word, a hyphen or dash the wrap broke at.
_OPEN_END = re.compile(r"(?:[,;:&/(\x02-]|[–—]|\b(?:and|or|of|the|a|an|to|for|with|in|on|at|by|from|as))$")


@dataclass
class Placed:
    """One visual line as the page sets it."""

    text: str
    left: float  # where its text starts (after a bullet glyph)
    right: float  # where its text ends (dates pushed to the margin left out)
    top: float
    bottom: float
    size: float
    bold: bool
    page: int
    bullet: bool = False
    glyph_left: float | None = None  # where its bullet glyph sits
    aside: str | None = None
    aside_left: float | None = None  # where its right-hand dates start, when it has them
    y: float = 0.0  # how far down its page, 0 (top) to 1, once known
    label: str | None = None  # a section's name set in a margin column beside the line ("APPOINTMENTS")

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 1.0)


@dataclass
class Column:
    """What a line is measured against: the right edge its full lines reach, and whether its items hang
    (a wrapped item's later lines set right of its first)."""

    right_edge: float
    hanging: bool = False
    # how far apart the column sets a paragraph's wrapped lines, by their type's size, where it shows it
    pitches: dict[float, float] = field(default_factory=dict)

    def spaced_apart(self, above: Placed, below: Placed) -> bool:
        """Lines of one size set further apart than the column's wrapped lines of that size: a new item of a list
        set without marks ("Clinical safety (hazard logs," / "DCB-style cases)" at one pitch, then "User research &
        usability testing" below a list's spacing), never the same paragraph's next line."""
        pitch = self.pitches.get(round(above.size))
        return (
            pitch is not None
            and abs(above.size - below.size) < 0.3
            and above.page == below.page
            and above.top - below.top > 1.22 * pitch
        )


def first_word_width(line: Placed) -> float:
    """About how wide the line's first word is: a line is wrapped only when that word did not fit at the end
    of the line before."""
    words = line.text.split()
    if not words:
        return 0.0
    return (line.right - line.left) * (len(words[0]) + 1) / max(len(line.text.strip()), 1)


def close_below(above: Placed, below: Placed, above_height: float) -> bool:
    """`below` is the next line down on the same page, no wider apart than a line's own height."""
    return above.page == below.page and (above.bottom - below.top) < max(above_height, below.height) * 0.9


def same_type(above: Placed, below: Placed) -> bool:
    return not (above.size and below.size and abs(above.size - below.size) > 0.5)


_ENDS_A_NAME = re.compile(rf"(?:{PLACE_WORDS}|Services|Centre|Unit|Department)s?\b")


def fills_its_line(above: Placed, below: Placed, column: Column) -> bool:
    """The line above runs to the column's edge, or to its own dates set at that edge: the next word did not
    fit on it ("Medical Director, Hospice & Palliative Care Unit, Community Living   2016 – present" / "Center
    (CLC)")."""
    # Beside dates, a line wrapped only where the next line goes on with the name it broke: "…, Community Living" /
    # "Center (CLC)", "… Walter Reed Army Medical" / "Center, Washington, DC" (not "Sonoran Regional Medical …")
    dated = above.aside_left is not None and _ENDS_A_NAME.match(below.text) is not None
    edge = min(column.right_edge, above.aside_left - above.size) if dated and above.aside_left else column.right_edge
    return above.right + first_word_width(below) > edge - 2


# An address broken where a narrow column ran out ("meilin.harcourt@example.co" / "m", "linkedin.com/in/example-mlh"
# / "arcourt"): the line ends inside it and the next holds its rest, one token of an address's characters
_ENDS_IN_ADDRESS = re.compile(r"(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)*|(?:https?://|www\.|linkedin\.com/|orcid\.org/)\S*)$")
_AN_ADDRESS = re.compile(r"(?:[\w-]+\.)+[a-z]{2,}/")
_ADDRESS_REST = re.compile(r"[a-z0-9][\w./#?=&%-]{0,40}")


def breaks_an_address(above: Placed, below: Placed, column: Column, above_height: float) -> bool:
    """The line above ends inside an e-mail or a web address that ran to the column's edge, and this line holds the
    rest of it: the two are one address, with no space between."""
    return (
        _ENDS_IN_ADDRESS.search(above.text) is not None
        and _ADDRESS_REST.fullmatch(below.text.strip()) is not None
        and not _AN_ADDRESS.match(below.text.strip())  # "linkedin.com/in/johndoe" / "github.com/johndoe": two
        and fills_its_line(above, below, column)
        and close_below(above, below, above_height)
    )


def ends_open(above: Placed) -> bool:
    """The line above stops mid-phrase: a comma, "and", a hyphen or a dash."""
    return bool(_OPEN_END.search(above.text.rstrip()))


def is_contact_text(text: str) -> bool:
    """An e-mail, a web address or a phone number: contact details, no prose."""
    return bool(_CONTACT.search(text))


def is_contact(line: Placed) -> bool:
    return is_contact_text(line.text)


def starts_like_an_item(line: Placed) -> bool:
    """A dated item of a list ("Critical Care Medicine, ABIM, 2019") begins anew after another, and so does an item
    that opens with its dates ("2018–2020: ACMS Young Mohs Surgeons Committee, member")."""
    return line.text.strip()[:1].isupper() or DATE_FIRST.match(line.text) is not None


def hangs_under(start: Placed, below: Placed) -> bool:
    """A paragraph set with a hanging indent: its later lines start a little right of its first
    ("Fellowship, Clinical Neurophysiology and Epilepsy, Great Lakes" / "   Children's Hospital, …")."""
    return 4 < below.left - start.left < 30


def indents_first(start: Placed, below: Placed) -> bool:
    """A paragraph set with a first-line indent: its later lines start a little left of its first
    ("    I practice full-time interventional radiology at Banner – University Medical" / "Center Phoenix, …")."""
    return 4 < start.left - below.left < 40


def continues_paragraph(start: Placed, above: Placed, below: Placed, column: Column, above_height: float) -> bool:
    """A paragraph wrapped over lines: the same left edge (or its hanging indent), close below, the line
    above full or unfinished. In a column whose items hang, a capitalized line back at an item's start is
    the next item ("Lecturer, … noon conference, 6 lectures a year" / "Research mentor to 11 residents …")."""
    if column.hanging and abs(below.left - start.left) < 4 and below.text[:1].isupper() and not ends_open(above):
        return False
    aligned = (
        abs(below.left - above.left) < 4
        or (hangs_under(start, below) and fills_its_line(above, below, column))
        or (above is start and indents_first(start, below) and fills_its_line(above, below, column))
    )
    return (
        not above.bullet
        and not below.bullet
        # a line with its dates floated right starts an item, unless the line above broke off on a small word
        # ("Fellowship, …, Hospital of the University of" / "Pennsylvania, Philadelphia, PA      2003 – 2006")
        and (not below.aside or (not above.aside and ends_on_a_small_word(above.text)))
        and close_below(above, below, above_height)
        and aligned
        and same_type(above, below)
        and not (above.bold and not below.bold and above.text.isupper())  # a heading in bold capitals ends
        and (
            fills_its_line(above, below, column)
            or (ends_open(above) and above.right >= 0.6 * column.right_edge)
            or closes_a_bracket(above.text, below.text)  # "… Internal Medicine (Clinical   Jul 2022 –" / "Track)"
        )
        and not (_ENDS_WITH_YEAR.search(above.text) and starts_like_an_item(below))
        and not (is_contact(above) or is_contact(below))
        and not column.spaced_apart(above, below)
    )


def continues_bullet(
    bullet: Placed, above: Placed, below: Placed, column: Column, above_height: float, carried_over: bool
) -> bool:
    """A bullet's next line: under the bullet's text (indented), or back at its glyph or the margin when the
    line above ran full ("•<tab>Follow a panel of 1,400 patients with inflammatory arthritis, lupus" /
    "and vasculitis")."""
    if below.bullet or below.aside or not bullet.bullet:
        return False
    if _AN_ADDRESS_IN.search(below.text) and not is_contact(above):
        return False  # an address under an item set with an icon ("⌂ Brisbane, QLD" / "linkedin.com/in/…")
    if not (close_below(above, below, above_height) or carried_over):
        return False
    if below.size and above.size and below.size > above.size * 1.1:
        return False
    if carried_over and not below.text[:1].isupper():
        return True  # an item that ran full at the foot of a column goes on at the top of the next ("2019;27(10):…")
    hanging = -4 < below.left - bullet.left < 20  # under the text, as a hanging indent sets it
    margin = bullet.glyph_left if bullet.glyph_left is not None else bullet.left
    flush = -12 < below.left - margin < 4  # back under the glyph, or at the cell's edge just left of it
    wrapped = fills_its_line(above, below, column) or ends_open(above) or below.text[:1].islower()
    return hanging or (flush and wrapped and not below.bold)


def join(line: Line, below: Placed) -> None:
    """Put `below`'s text at the end of `line`, mending a word or a range the wrap broke."""
    if line.text.endswith("\x02"):  # the producer hyphenated the word at the line's end
        line.text = join_hyphenated(line.text.removesuffix("\x02"), below.text)
    else:
        line.text = join_wrapped(line.text, below.text)


_FUNCTION_WORDS = frozenset(
    ("of", "to", "in", "on", "at", "by", "for", "and", "or", "the", "a", "an", "with", "from", "up")
)


def _a_word(text: str) -> bool:
    from translator.mapping import english

    return text.lower() in _FUNCTION_WORDS or english.is_known(text)


def join_hyphenated(head: str, tail: str) -> str:
    """A word the producer broke with a hyphen at a line's end: whole again ("PublicationEn-" + "try",
    "Devel-" + "oping"), unless both halves are words of their own or the word is a compound already
    ("treat-to-" + "target", "Referral-to-" + "apheresis")."""
    from translator.mapping import english

    before = re.search(r"([A-Za-z]+)$", head)
    after = re.match(r"[A-Za-z]+", tail.strip())
    if head.split() and ("-" in head.split()[-1] or "/" in head.split()[-1]):  # "linkedin.com/in/jane-" + "roe"
        return f"{head}-{tail.strip()}"  # a compound's own hyphen: "Referral-to-" + "apheresis"
    if before and after and (after.group(0)[:1].isupper() or before.group(1).lower() in HYPHENATED_PREFIXES):
        return f"{head}-{tail.strip()}"  # "anti-" + "CD38", "non-" + "Hodgkin", "peri-" + "operative"
    if re.search(r"(?:[A-Z]{2,}\d*|[A-Z]+\d+)$", head):
        return f"{head}-{tail.strip()}"  # an acronym's compound: "PSMA-" + "targeted", "HER2-" + "directed"
    if before and after:
        whole = before.group(1) + after.group(0)
        halves_are_words = _a_word(before.group(1)) and _a_word(after.group(0))
        if english.is_known(whole) or not halves_are_words:
            return head + tail.strip()
    return f"{head}-{tail.strip()}"
