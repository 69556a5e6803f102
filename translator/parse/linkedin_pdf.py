"""LinkedIn's profile PDF ("More → Save to PDF") read by its layout, into the same Record as the data export.

The PDF has one font and no bold: what a line is, its size, colour and place say. A dark sidebar on the left
of page 1 holds Contact, Top Skills, Languages, Certifications, Honors-Awards and Publications under headings
a size above their items. The main column opens with the name (the largest text), the headline and a grey
location, then Summary, Experience and Education under headings of one size. In Experience, a company line is
the section's largest text, a title the next size down, then the dates ("January 2023 - Present (3 years
11 months)"), a grey location and the description; several titles can follow one company (with its tenure,
"10 years 4 months", under it). Sizes are compared with each other, never with fixed points, so the reader
holds at any zoom. The sidebar is read only under its own headings: its first Contact line can be a town
("Morgan Hill"), never the name.
"""

from __future__ import annotations

import ctypes
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from translator.parse.linkedin import MARK, Position, Record, School

SIDEBAR = 0.35  # the sidebar's text ends at 0.32 of the page's width, the main column starts at 0.365
SIDE_HEADINGS = {"Contact", "Top Skills", "Languages", "Certifications", "Honors-Awards", "Publications", "Patents"}
MAIN_HEADINGS = {"Summary", "Experience", "Education"}
_FOOTER = re.compile(r"^Page \d+ of \d+$")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_WHEN = rf"(?:{_MONTH} )?(?:19|20)\d{{2}}"
_DATES = re.compile(rf"^({_WHEN})\s*-\s*(Present|{_WHEN})(?:\s*\((.*)\))?$")
_TENURE = re.compile(r"^(?:\d+ years?(?: \d+ months?)?|\d+ months?|less than a year)$")
_DEGREE_DATES = re.compile(r"^(.*?)\s*·\s*\(([^()]*)\)$")
_PHONE = re.compile(r"^\+?[\d(][\d ()./-]{6,}\d")
_LABEL = re.compile(r"\s*\((?:Mobile|Home|Work|LinkedIn|Company|Personal|Other|Blog|Portfolio|RSS Feed)\)$")
_ITEM_GAP = 15.2 / 612  # sidebar: wrapped lines 12.6 pt apart, items 17.6, on a 612 pt page
_GREY = 0x80  # the location's grey is #b1b1b1 (a look-alike's #8a8a8a); text is #191919, sidebar text white on dark


@dataclass
class _Line:
    text: str
    size: float
    left: float
    right: float
    y: float  # its top, from the top of the document (pages stacked)
    grey: bool
    page: int


@dataclass
class _Columns:
    side: list[_Line] = field(default_factory=list)
    main: list[_Line] = field(default_factory=list)
    width: float = 612.0
    footers: int = 0  # "Page 1 of 2" lines


def _fill(textpage: Any, x: float, y: float) -> tuple[int, int, int]:
    import pypdfium2.raw as pdfium_c

    index = pdfium_c.FPDFText_GetCharIndexAtPos(textpage.raw, x, y, 1.0, 1.0)
    if index < 0:
        return (0, 0, 0)
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    pdfium_c.FPDFText_GetFillColor(textpage.raw, index, *(ctypes.byref(v) for v in (r, g, b, a)))
    return (r.value, g.value, b.value)


def _gutter(runs: list[Any], width: float) -> float:
    """Where the sidebar ends on a page: the middle of the widest band between a fifth and two fifths of the page
    that no run of text crosses (LinkedIn's own, 0.32 to 0.365 of the width; a look-alike's may sit further
    left); SIDEBAR when no band is clear."""
    crossed = [(r.left, r.right) for r in runs if r.right - r.left < 0.5 * width]  # not a centred footer
    best: tuple[float, float] = (0.0, SIDEBAR * width)
    start: float | None = None
    for x in range(int(0.2 * width), int(0.4 * width) + 2):
        free = x <= 0.4 * width and not any(left < x < right for left, right in crossed)
        if free and start is None:
            start = x
        elif not free and start is not None:
            if x - start > best[0]:
                best = (x - start, (start + x) / 2)
            start = None
    return best[1] if best[0] >= 0.02 * width else SIDEBAR * width


def _columns(document: Any, path: Path) -> _Columns:
    from translator.parse.pdf import _page_runs
    from translator.parse.pdf_layout import group_lines, join_runs
    from translator.parse.text import squash

    found = _Columns()
    offset = 0.0
    for number in range(len(document)):
        page = document[number]
        width, height = (float(v) for v in page.get_size())
        found.width = width
        textpage = page.get_textpage()
        runs = _page_runs(textpage, path)
        edge = _gutter(runs, width)
        for side in (True, False):
            column = [r for r in runs if (r.left < edge) is side]
            for vline in group_lines(column):
                first = vline.runs[0]
                colour = _fill(
                    textpage, first.left + min(2.0, (first.right - first.left) / 2), (first.top + first.bottom) / 2
                )
                line = _Line(
                    text=squash(join_runs(vline.runs).replace("\x02", "-")),
                    size=round(max(r.size for r in vline.runs), 2),
                    left=vline.left,
                    right=max(r.right for r in vline.runs),
                    y=offset + height - vline.top,
                    grey=min(colour) >= _GREY and max(colour) <= 0xE0 and max(colour) - min(colour) < 0x18,
                    page=number,
                )
                if _FOOTER.match(line.text):
                    found.footers += 1
                elif line.text:
                    (found.side if side else found.main).append(line)
        offset += height
    return found


def is_profile(columns: _Columns) -> bool:
    """LinkedIn's layout: the sidebar's headings in the sidebar (two, or one and LinkedIn's "Page 1 of 2"
    footers), Experience or Education in the main column, and the largest text of page 1 (the name) there."""
    side = {line.text for line in columns.side if line.page == 0}
    main = {line.text for line in columns.main}
    headings = len(side & SIDE_HEADINGS)
    if not (headings >= 2 or (headings and columns.footers)) or not main & {"Experience", "Education"}:
        return False
    first_page = [line for line in columns.side + columns.main if line.page == 0]
    largest = max(first_page, key=lambda line: line.size)
    return largest in columns.main


def read_profile(path: Path) -> Record | None:
    """The profile, or None when the PDF is not LinkedIn's profile layout (then it is read as a CV). A look at
    page 1's text decides whether to read the layout at all, so that a CV is not measured twice."""
    import pypdfium2 as pdfium

    from translator.parse.pdf import MAX_PAGES, _open

    document = _open(path)
    try:
        if not len(document) or len(document) > MAX_PAGES:
            return None
        words = set(document[0].get_textpage().get_text_range().split())
        if not ({"Contact", "Skills", "Languages", "Certifications"} & words and {"Experience", "Education"} & words):
            return None
        return read_profile_pdf(document, path)
    except pdfium.PdfiumError:  # a damaged page: the CV reader says which, in one line
        return None
    finally:
        document.close()


def read_profile_pdf(document: Any, path: Path) -> Record | None:
    """The profile from an open document, or None when it is not LinkedIn's profile layout."""
    columns = _columns(document, path)
    if not columns.main or not is_profile(columns):
        return None
    record = Record()
    # A producer that wraps a line after a compound's hyphen ("deep-" / "learning") would have set a word's part
    # up to its hyphen on the line before, had it fit: what tells a line that ended short from one that wrapped.
    breaks_at_hyphens = any(_WRAPPED_AT_HYPHEN.search(line.text) for line in columns.side + columns.main)
    _read_main(columns.main, record, breaks_at_hyphens)
    _read_side(columns.side, columns.width, record)
    return record


def _read_main(lines: list[_Line], record: Record, breaks_at_hyphens: bool = False) -> None:
    name_line = max((line for line in lines if line.page == 0), key=lambda line: line.size)
    # a long name wraps at the name's size ("Naomi R. Castellanos-" / "Whitfield, MD"): its lines are one name
    at = lines.index(name_line)
    wrapped = [name_line]
    for line in lines[at + 1 :]:
        if line.page != name_line.page or abs(line.size - name_line.size) > 0.3:
            break
        wrapped.append(line)
    record.name = "".join(
        line.text if not n or wrapped[n - 1].text.endswith("-") else f" {line.text}" for n, line in enumerate(wrapped)
    )
    heading_size = max((line.size for line in lines if line.text in MAIN_HEADINGS), default=0.0)
    sections: dict[str, list[_Line]] = {"": []}
    current = ""
    for line in lines[at + len(wrapped) :]:
        if heading_size and abs(line.size - heading_size) < 0.3 and line.size < name_line.size:
            current = line.text
            sections.setdefault(current, [])
            continue
        sections[current].append(line)
    head = sections[""]
    record.headline = " ".join(line.text for line in head if not line.grey)
    record.location = " ".join(line.text for line in head if line.grey)
    record.summary = "\n\n".join(_joined(p) for p in _paragraphs(sections.get("Summary", [])))
    record.positions = _positions(sections.get("Experience", []), breaks_at_hyphens)
    record.education = _schools(sections.get("Education", []))


def _spacing(lines: list[_Line]) -> float:
    gaps = sorted(b.y - a.y for a, b in itertools.pairwise(lines) if b.page == a.page and b.y > a.y)
    return gaps[len(gaps) // 2] if gaps else 0.0


def _paragraphs(lines: list[_Line]) -> list[list[str]]:
    """Lines grouped where a blank line's gap parts them."""
    usual = _spacing(lines)
    found: list[list[str]] = []
    previous: _Line | None = None
    for line in lines:
        if (
            previous is None
            or (line.page == previous.page and usual and line.y - previous.y > 1.4 * usual)
            or _BULLET_MARK.match(line.text)  # "- Built the group's MIGS program …": a line of its own
        ):
            found.append([])
        found[-1].append(line.text)
        previous = line
    return found


_BULLET_MARK = re.compile(r"^[-•·–]\s")


_WRAPPED_AT_HYPHEN = re.compile(r"[A-Za-z]{2}-$")


def _joined(lines: list[str]) -> str:
    """A paragraph's wrapped lines as one: a compound broken at its hyphen ("a 9-" / "surgeon group") is one word."""
    text = ""
    for line in lines:
        text += line if re.search(r"\w-$", text) else f" {line}" if text else line
    return text


def _description(lines: list[_Line], right_edge: float, breaks_at_hyphens: bool = False) -> str:
    """The description with its own line breaks: a line starts anew after a blank line, at a bullet mark, or
    when the line before ended short of the margin by more than this line's first word (it would have fit): by
    more than the word's part up to its hyphen where the producer wraps at hyphens ("Sub-investigator, …" under
    a line that ends short)."""
    usual = _spacing(lines)
    text: list[str] = []
    previous: _Line | None = None
    for line in lines:
        if previous is None:
            text.append(line.text)
        else:
            blank = line.page == previous.page and usual and line.y - previous.y > 1.4 * usual
            first_word = line.text.split()[0] if line.text.split() else ""
            if breaks_at_hyphens and (part := re.match(r"[A-Za-z]{2,}-(?=[A-Za-z])", first_word)):
                first_word = part.group(0)
            per_char = (line.right - line.left) / max(len(line.text), 1)
            short = previous.right + per_char * (len(first_word) + 1) < right_edge - per_char
            if blank:
                text += ["", line.text]
            elif MARK.match(line.text) or short:
                text.append(line.text)
            elif re.search(r"\w-$", text[-1]):  # wrapped after a hyphen: "early-" / "phase"
                text[-1] += line.text
            else:
                text[-1] += " " + line.text
        previous = line
    return "\n".join(text)


def _positions(lines: list[_Line], breaks_at_hyphens: bool = False) -> list[Position]:
    sizes = sorted({round(line.size, 1) for line in lines}, reverse=True)
    if len(sizes) < 2:
        return []
    company_size, title_size = sizes[0], sizes[1]
    right_edge = max(line.right for line in lines)
    found: list[Position] = []
    body: dict[int, list[_Line]] = {}
    company = ""
    state = ""  # what the line before was: company, title, dates, location, body
    for line in lines:
        size = round(line.size, 1)
        if size == company_size:
            company = f"{company} {line.text}" if state == "company" else line.text
            state = "company"
        elif size == title_size:
            if state == "title":
                found[-1].title += " " + line.text
            else:
                found.append(Position(title=line.text, company=company))
                body[len(found) - 1] = []
            state = "title"
        elif state == "company" and _TENURE.match(line.text):
            continue
        elif state == "title" and (dates := _DATES.match(line.text)):
            found[-1].start, found[-1].end = dates.group(1), "" if dates.group(2) == "Present" else dates.group(2)
            state = "dates"
        elif state == "dates" and line.grey:
            found[-1].location = line.text
            state = "location"
        elif found:
            body[len(found) - 1].append(line)
            state = "body"
    for index, position in enumerate(found):
        position.description = _description(body[index], right_edge, breaks_at_hyphens)
    return found


def _schools(lines: list[_Line]) -> list[School]:
    if not lines:
        return []
    school_size = max(line.size for line in lines)
    found: list[School] = []
    degree: list[str] = []

    def close() -> None:
        if found and degree:
            text = " ".join(degree)
            if match := _DEGREE_DATES.match(text):
                text = match.group(1)
                start, _, end = match.group(2).partition(" - ")
                found[-1].start, found[-1].end = start.strip(), end.strip()
            found[-1].degree = text
        degree.clear()

    previous: _Line | None = None
    for line in lines:
        if abs(line.size - school_size) < 0.3:
            wrapped = (
                previous is not None
                and found
                and not degree
                and abs(previous.size - line.size) < 0.3
                and previous.page == line.page
                and 0 < line.y - previous.y <= 1.6 * line.size  # the next line of the name, no school's gap
            )
            if wrapped:
                found[-1].school = f"{found[-1].school} {line.text}"  # a long name wraps: "… College of" / "Medicine"
            else:
                close()
                found.append(School(school=line.text))
        elif found:
            degree.append(line.text)
        previous = line
    close()
    return found


def _read_side(lines: list[_Line], width: float, record: Record) -> None:
    items: dict[str, list[list[_Line]]] = {}
    heading = ""
    heading_size = max((line.size for line in lines if line.text in SIDE_HEADINGS), default=0.0)
    previous: _Line | None = None
    for line in lines:
        if line.text in SIDE_HEADINGS and abs(line.size - heading_size) < 0.3:
            heading, previous = line.text, None
            items.setdefault(heading, [])
            continue
        if not heading:
            continue
        if previous is None or line.y - previous.y > _ITEM_GAP * width:
            items[heading].append([])
        items[heading][-1].append(line)
        previous = line
    for lines_of_item in items.get("Contact", []):
        text = "".join(line.text for line in lines_of_item)  # an e-mail or a URL breaks at any character
        if "@" in text and not record.email:
            record.email = _LABEL.sub("", text).strip()
        elif "linkedin.com" in text and not record.linkedin:  # "www.linkedin.com/in/d" / "esmond-achterberg-" / "md"
            record.linkedin = text
        elif _PHONE.match(text) and not record.phone:
            record.phone = _LABEL.sub("", " ".join(line.text for line in lines_of_item)).strip()
    for heading, target in (
        ("Top Skills", record.skills),
        ("Certifications", record.certifications),
        ("Honors-Awards", record.honors),
        ("Publications", record.publications),
        ("Languages", record.languages),
    ):
        for lines_of_item in items.get(heading, []):
            text = _joined([line.text for line in lines_of_item])  # "a deep-" / "learning lesion detector"
            if heading == "Languages":
                text = re.sub(r"\s*\([^()]*\)$", "", text)
            target.append(text)
