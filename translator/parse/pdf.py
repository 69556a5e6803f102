"""Read a PDF's text layer into lines: columns in order, wrapped bullets rejoined, margin dates aside,
headings found by font size, running headers and footers dropped."""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from pathlib import Path
from typing import Any

from translator import dates
from translator.errors import InputFileError
from translator.parse.pdf_join import (
    Column,
    Placed,
    breaks_an_address,
    close_below,
    continues_bullet,
    continues_paragraph,
    ends_open,
    fills_its_line,
    hangs_under,
    is_contact_text,
    join,
)
from translator.parse.pdf_layout import (
    GLYPH_ONLY,
    Run,
    VisualLine,
    group_lines,
    gutter_of,
    join_runs,
    segments,
    split_aside,
    split_column_band,
    split_columns,
    split_side_by_side_items,
    tables_as_rows,
    trailing_dates,
)
from translator.parse.text import (
    TOWN_AND_WHERE,
    Line,
    clean,
    goes_on_after_an_arrow,
    join_wrapped,
    squash,
    strip_bullet,
)

MAX_PAGES = 30
MAX_CHARS_PER_PAGE = 20_000  # characters set on one page; a dense CV page has about 6,000
_LIST_NUMBER = re.compile(r"\d{1,2}[.)]")
MAX_MARKER_SHAPES = 500  # small shapes on one page; a CV's list has a few dozen
# LaTeX icon macros left unrendered in some text layers: "\\faBook :", "\\faFile *[regular]:".
_LATEX_MACRO = re.compile(r"\\[A-Za-z]+\s*\*?(?:\[[^\]]*\])?\s*:?\s*")
_MONTHS_OF_A_YEAR = re.compile(r"[A-Z][a-z]{2,8}\.?\s*[–—-]\s*[A-Z][a-z]{2,8}\.?\s+(?:19|20)\d{2}")  # "Jan–Aug 2025"
_DATE_PART = re.compile(
    r"^(?:(?:[A-Z][a-z]{2,8}\.?\s+|\d{1,2}[/.])?(?:19|20)\d{2}\s*(?:[–—-]\s*(?:(?:[A-Z][a-z]{2,8}\.?\s+|\d{1,2}[/.])?"
    r"(?:19|20)\d{2}|"
    r"[Pp]resent|[Cc]urrent|[Nn]ow|[Oo]ngoing)?)?|[Pp]resent|[Cc]urrent|[Nn]ow)$"
)
# "Pulmonary Disease, ABIM, 2018" / "Critical Care Medicine, ABIM, 2019": dated items, not a wrapped line.
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_SALUTATION = re.compile(r"^(?:Dear\s+\S|To whom it may concern)", re.IGNORECASE)
_SEPARATED = re.compile(r"\S\s+[•·|]\s+\S")
_DATE_START = re.compile(r"(?:19|20)\d{2}\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?$")
# A town and its state or country, alone at a line's right margin: "Toronto, ON", "Montréal, QC", "Ottawa, Canada"
_PLACE_AT_RIGHT = re.compile(TOWN_AND_WHERE)
# A section's name in capitals in a margin column: "APPOINTMENTS", "CERTIFICATION &", "HOSPITAL"
_MARGIN_LABEL = re.compile(r"[A-Z][A-Z&/,.'’-]*(?: [A-Z&/,.'’-]+){0,3}")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$|.*\bPage \d+ of \d+$", re.IGNORECASE)


def _open(path: Path) -> Any:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputFileError(f"{path}: the PDF is password-protected; remove the password and retry") from exc
        raise InputFileError(f"{path}: not a readable PDF (damaged or not a PDF)") from exc


def _page_runs(textpage: Any, path: Path) -> list[Run]:
    """The page's words as runs, from its characters: each character's own box, size and weight, in the order
    the producer wrote them. (PDFium's text rectangles overlap in some producers' output, and text read from
    a rectangle then repeats letters: "Gynecology, y, R Rio".)"""
    import ctypes

    import pypdfium2.raw as pdfium_c

    count = pdfium_c.FPDFText_CountChars(textpage.raw)
    pieces = 0
    rect = pdfium_c.FS_RECTF()
    space_seen = False
    runs: list[Run] = []
    chars: list[str] = []
    box: list[float] = []  # left, right, top, bottom of the run being built
    size = 0.0
    bold = False
    spaced = False  # a space came before the run being built
    glyph = (-1.0, -1.0)  # the last character's box, left and right

    def close() -> None:
        if chars and "".join(chars).strip():
            runs.append(Run(box[0], box[1], box[2], box[3], clean("".join(chars)), size, bold, spaced))
        chars.clear()

    for index in range(count):
        code = pdfium_c.FPDFText_GetUnicode(textpage.raw, index)
        char = chr(code) if code else ""
        if pdfium_c.FPDFText_IsGenerated(textpage.raw, index) or not char or char.isspace() or code == 0xFFFE:
            close()
            gap = char == " " or (char.isspace() and char not in "\r\n")
            space_seen = space_seen or gap
            continue
        pieces += 1
        if pieces > MAX_CHARS_PER_PAGE:
            raise InputFileError(f"{path}: a page holds over {MAX_CHARS_PER_PAGE} text pieces; no CV does")
        pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, index, ctypes.byref(rect))
        c_left, c_right, c_top, c_bottom = rect.left, rect.right, rect.top, rect.bottom
        if pdfium_c.FPDFText_IsHyphen(textpage.raw, index) == 1:
            char = "\x02"  # a hyphen the producer put at a line's end
        c_size = float(pdfium_c.FPDFText_GetFontSize(textpage.raw, index))
        if chars:
            height = max(box[2] - box[3], 1.0)
            same_line = abs(((c_top + c_bottom) / 2) - ((box[2] + box[3]) / 2)) < 0.5 * height
            near = -1.0 * height < c_left - box[1] < 0.3 * max(c_size, height)  # a ligature's letters overlap
            # … and each letter of one glyph ("Th" set as one) has the glyph's own box, however wide
            near = near or (abs(c_left - glyph[0]) < 0.05 and abs(c_right - glyph[1]) < 0.05)
            # "10.Pereira LM": a list number set close against its text is a run of its own.
            numbered = char.isalpha() and _LIST_NUMBER.fullmatch("".join(chars)) is not None
            if numbered or not (same_line and near and abs(c_size - size) < 0.5):
                close()
                space_seen = space_seen or numbered
        if not chars:
            box = [c_left, c_right, c_top, c_bottom]
            size = c_size
            spaced, space_seen = space_seen, False
            weight = pdfium_c.FPDFText_GetFontWeight(textpage.raw, index)
            bold = weight >= 600 or _bold_name(textpage, index)
        else:
            box = [min(box[0], c_left), max(box[1], c_right), max(box[2], c_top), min(box[3], c_bottom)]
        chars.append(char)
        glyph = (c_left, c_right)
    close()
    return runs


def _bold_name(textpage: Any, index: int) -> bool:
    """A browser embeds 'LiberationSans-Bold' with the weight of a regular face: the name says bold."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, name, len(name), ctypes.byref(flags))
    return bool(_BOLD_FONT.search(name.value.decode("latin-1")))


def _drawn_markers(page: Any, runs: list[Run]) -> list[Run]:
    """List bullets that a browser or a design tool draws (a CSS dot or square) rather than types: a small
    square-ish shape, smaller than the letters, just left of a line of text becomes a "•" run there. A list
    has several, one above the other; a lone icon beside a contact detail is no list."""
    import pypdfium2.raw as pdfium_c

    markers: list[Run] = []
    shapes = 0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        side, other = right - left, top - bottom
        if not (1.5 <= side <= 8 and 1.5 <= other <= 8 and 0.6 <= side / other <= 1.6):
            continue
        shapes += 1
        if shapes > MAX_MARKER_SHAPES:
            return []  # a drawing or a pattern, not the marks of a list
        middle = (top + bottom) / 2
        text = [
            r
            for r in runs
            if r.bottom <= middle <= r.top
            and 0 < r.left - right < 3 * r.height
            and not GLYPH_ONLY.match(r.text.strip())
        ]
        if text:
            first = min(text, key=lambda r: r.left)
            if max(side, other) <= 0.75 * max(r.height for r in text):
                # The marker takes its line's height, so it groups with the text beside it.
                markers.append(Run(left, right, first.top, first.bottom, "\u2022", first.size, first.bold))
    lefts = Counter(round(m.left) for m in markers)
    return [m for m in markers if lefts[round(m.left)] >= 2]


class _Reader:
    """Measures each visual line of a column into a Placed, then adds it to the Lines read so far: as a Line of
    its own, or as the next line of a bullet or paragraph it continues (pdf_join's predicates decide)."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.placed: list[Placed] = []  # each Line's first visual line: where it starts, its page
        self.last: list[Placed] = []  # each Line's last visual line: where the next one would go on from
        self.column = Column(right_edge=0.0)
        self.body_left: float | None = None
        self.last_height = 0.0  # of the visual line added last: a short last line ("outcomes") has a low box
        self.page_marks: list[Line] = []  # "Page 2 of 3": set aside, listed in the report
        self.after_dates: set[float] = set()  # where text starts after a column of dates, on two lines or more
        self.label: tuple[Line, Placed] | None = None  # the last section name read in a margin column
        self.table_names: tuple[str, ...] = ()  # the column names of the table read last

    def add_column(
        self, visual: list[VisualLine], width: float, page: int, edge: float | None = None, banded: bool = False
    ) -> None:
        """Adds a column's visual lines; `edge` is the right edge its full lines reach when known from the whole
        page, and `banded` marks a column of a band set in two columns, whose first line may go on with the
        last item of the column before it, as at the top of a page."""
        lefts = Counter(
            round(next((r.left for r in v.runs if not GLYPH_ONLY.match(r.text.strip())), v.left))
            for v in visual
            if sum(len(r.text) for r in v.runs) >= 20 and not _DATE_START.match(v.runs[0].text)
        )
        # The body's left edge: text left of it is a margin column (moderncv's dates and labels).
        self.body_left = float(lefts.most_common(1)[0][0]) if lefts else None
        self.after_dates = _text_after_dates(visual)
        self.column = Column(right_edge=_right_edge(visual, width) if edge is None else edge, pitches=_pitches(visual))
        pending_glyph = False
        first = True
        for whole in visual:
            for vline in split_side_by_side_items(whole):
                placed, pending_glyph = self._measure(vline, width, page, pending_glyph)
                if placed is not None:
                    self._add(placed, first_on_page=first, new_column=first and banded)
                    first = False

    def _measure(self, vline: VisualLine, width: float, page: int, pending_glyph: bool) -> tuple[Placed | None, bool]:
        """The line as placed: its text without a bullet glyph, dates in a margin or at the right edge aside.
        Returns (None, True) for a lone glyph whose text is on the next line."""
        runs = list(vline.runs)
        glyph_left = None
        if len(runs) > 1 and GLYPH_ONLY.match(runs[0].text.strip()):
            glyph_left, runs = runs[0].left, runs[1:]
        in_margin, margin_aside = self._margin_dates(runs)
        runs = runs[in_margin:]
        labelled, label = self._margin_label(runs)
        runs = runs[labelled:]
        if not runs:  # a section's name alone on its line of the margin column ("RESEARCH" under "CLINICAL")
            return self._label_only(vline, label, page), pending_glyph
        groups = segments(VisualLine(runs))
        if len(groups) > 1:  # icon-font glyphs set apart from the text ("#", "I", "ð") are not words
            groups = [g for g in groups if _not_a_glyph(join_runs(g).strip())] or groups
        at_right_edge = groups[-1][-1].right >= self.column.right_edge - 3
        if at_right_edge:
            groups = trailing_dates(groups)
        every = [join_runs(g) for g in groups]
        texts, aside = split_aside(every, [g[0].left for g in groups], width, at_right_edge)
        # The text's own right edge: a date pushed to the right margin does not make a line full.
        kept = groups if len(texts) == len(groups) else groups[:-1] if texts == every[:-1] else groups[1:]
        text = " ".join(t.strip() for t in texts)
        # a title with its town pushed to the right margin (Awesome-CV: "Staff Endocrinologist … Toronto, ON"): the
        # town set apart from the title, as a place after a dash
        town_apart = (
            len(texts) > 1
            and groups[-1][0].left > width * 0.55
            and groups[-1][0].left - groups[-2][-1].right > 3 * vline.size
        )
        if not aside and at_right_edge and town_apart and _PLACE_AT_RIGHT.fullmatch(texts[-1].strip()):
            text = f"{' '.join(t.strip() for t in texts[:-1])} — {texts[-1].strip()}"
        bullet = glyph_left is not None
        glyph, without = strip_bullet(text)
        mark = vline.runs[0].text.strip() if glyph_left is not None else text.lstrip()[:1]
        if glyph:
            bullet, text = True, without
            glyph_left = glyph_left if glyph_left is not None else runs[0].left
        dash = (bullet and vline.runs[0].text.strip() == "—") or text.startswith("— ")
        if bullet and dash and self.lines and re.search(r"[;,]$", self.lines[-1].text):
            bullet, text = False, f"— {text}"  # "…, 2008;" / "— Residency in …": an em dash goes on, no list
        elif bullet and mark[:1] in "→–—-" and self.lines and goes_on_after_an_arrow(self.lines[-1].text, mark, text):
            bullet, text = False, f"{mark} {text}"  # "… (−17%, FY21" / "→ FY25) with …": an arrow that goes on
        stripped = squash(text)
        if not stripped:
            return None, pending_glyph
        if _PAGE_NUMBER.match(stripped):
            self.page_marks.append(Line(text=stripped, set_aside="page number or footer"))
            return None, pending_glyph
        if GLYPH_ONLY.match(stripped):
            return None, True
        if bullet and (_SEPARATED.search(stripped) or is_contact_text(stripped)):
            bullet = False  # "+1 234 567 • john@doe.org": an icon and separators, not a list item
        size = VisualLine(runs).size
        placed = Placed(
            text=text.strip(),
            left=next((r.left for r in runs if not GLYPH_ONLY.match(r.text.strip())), runs[0].left),
            right=max(r.right for g in kept for r in g),
            top=vline.top,
            bottom=vline.bottom,
            size=size,
            bold=VisualLine(runs).bold,
            page=page,
            bullet=bullet or pending_glyph,
            glyph_left=glyph_left,
            aside=aside or margin_aside,
            # where dates pushed to the right start: the line's text could run no further than just before them
            aside_left=groups[-1][0].left if aside and texts == every[:-1] else None,
            label=label,
        )
        return placed, False

    def _margin_label(self, runs: list[Run]) -> tuple[int, str | None]:
        """(how many runs, the name) of a section's name in capitals set in a margin column left of the body, the
        line's text starting at the body's edge: "APPOINTMENTS    Medical Director, Medical Intensive Care Unit"
        (a CV laid out as a table of two columns, names left). A line of the name alone takes all its runs."""
        if self.body_left is None:
            return 0, None
        for count in range(min(len(runs), 4), 0, -1):
            head = runs[:count]
            rest = runs[count] if count < len(runs) else None
            if head[-1].right > self.body_left - 4 or head[0].left > self.body_left - 20:
                continue
            # the text beside it starts a column's gap away, at the body's edge (its items' glyphs may set it)
            if rest is not None and (rest.left > self.body_left + 4 or rest.left - head[-1].right < 12):
                continue
            text = squash(join_runs(head))
            if _MARGIN_LABEL.fullmatch(text) or _a_known_heading(text):
                return count, text  # (a known section's name in the margin, in any case: "Clinical trials")
        return 0, None

    def _label_only(self, vline: VisualLine, label: str | None, page: int) -> Placed | None:
        """A line of the margin column with nothing beside it: the rest of the name above it, or a name of its own."""
        if label is None:
            return None
        return Placed(
            text="",
            left=vline.left,
            right=max(r.right for r in vline.runs),
            top=vline.top,
            bottom=vline.bottom,
            size=vline.size,
            bold=vline.bold,
            page=page,
            label=label,
        )

    def _margin_dates(self, runs: list[Run]) -> tuple[int, str | None]:
        """(how many runs the line's dates in a column of their own take, the dates it adds as its own aside):
        "2018 – Present    Associate Professor …"; a "Present" under "2017 –" ends the dates above."""
        count, margin = self._leading_dates(runs)
        if not margin:
            return 0, None
        previous = self.lines[-1] if self.lines else None
        if previous is not None and previous.aside and previous.aside.rstrip().endswith(("–", "-", "—")):
            previous.aside = f"{previous.aside.rstrip()} {margin}"  # "2017 –" / "Present"
            return count, None
        return count, margin

    def _leading_dates(self, runs: list[Run]) -> tuple[int, str | None]:
        """(how many runs, the dates) a line opens with, set apart from its text by a column's gap (an em or
        more), left of the body's edge where the column has one."""
        for count in range(min(len(runs) - 1, 6), 0, -1):
            head, rest = runs[:count], runs[count]
            size = max((r.size for r in head), default=0.0) or head[-1].height
            gap = rest.left - head[-1].right
            in_margin = self.body_left is not None and head[-1].right < self.body_left - 2 <= rest.left
            # a date that fills its column sits close to its text, which starts where the other dated lines' does
            in_margin = in_margin or any(abs(rest.left - x) < 1.5 for x in self.after_dates)
            if not in_margin and gap < 0.8 * size:
                continue
            if self.body_left is not None and head[0].left >= self.body_left - 2 and gap < 2 * size:
                continue  # at the body's own edge, only a column's wide gap sets dates apart
            text = squash(join_runs(head))
            if _DATE_PART.match(text) or _MONTHS_OF_A_YEAR.fullmatch(text):
                return count, text
        return 0, None

    def _add(self, placed: Placed, first_on_page: bool, new_column: bool = False) -> None:
        if placed.label is not None:
            # a name set beside a paragraph's second line, centred on it ("Clinical development in oncology – …" /
            # "DESIRED   Scientist (Phase I–III …)"): the section starts with the paragraph, not inside it
            goes_on = (
                bool(self.lines and placed.text)
                and not self.lines[-1].heading
                and continues_paragraph(
                    self.placed[-1], self.last[-1], placed, self.column, max(placed.height, self.last_height)
                )
            )
            opened = self._add_label(placed)
            if not placed.text:
                return
            if opened and goes_on:
                self.lines[-2], self.lines[-1] = self.lines[-1], self.lines[-2]
                self.placed[-2], self.placed[-1] = self.placed[-1], self.placed[-2]
                self.last[-2], self.last[-1] = self.last[-1], self.last[-2]
                join(self.lines[-1], placed)
                self.last[-1] = placed
                self.last_height = placed.height
                return
            if opened:  # a section starts: its first line goes on from nothing above it
                self._append(placed)
                return
        height = max(placed.height, self.last_height)
        self.last_height = placed.height
        if self.lines:
            line, start, above = self.lines[-1], self.placed[-1], self.last[-1]
            if self._dropped_dates(line, above, placed, height):
                line.aside = placed.text
                return
            # A bullet whose last line on the page before ran to the right edge goes on at the top of this one.
            carried = (
                first_on_page
                and start.bullet
                and (above.page < placed.page or new_column)
                and fills_its_line(above, placed, self.column)
            )
            # A paragraph broken by the page mid-phrase goes on at the top of the next ("…a 60-patient pilot,
            # vendor-" / "neutral scoring and …"): the line above ends open and this one starts in lower case.
            broken = (
                first_on_page
                and above.page < placed.page
                and not placed.bullet
                and ends_open(above)
                and placed.text[:1].islower()
            )
            if above.page == placed.page and breaks_an_address(above, placed, self.column, height):
                line.text += placed.text.strip()
                self.last[-1] = placed
                return
            if (
                broken
                or continues_bullet(start, above, placed, self.column, height, carried)
                or continues_paragraph(start, above, placed, self.column, height)
            ):
                if not start.bullet and hangs_under(start, placed):
                    self.column.hanging = True
                join(line, placed)
                line.aside = line.aside or placed.aside
                self.last[-1] = placed
                return
        self._append(placed)

    def _append(self, placed: Placed) -> None:
        self.last_height = placed.height
        self.lines.append(
            Line(text=placed.text, bullet=placed.bullet, aside=placed.aside, size=placed.size, bold=placed.bold)
        )
        self.placed.append(placed)
        self.last.append(placed)

    def _add_label(self, placed: Placed) -> bool:
        """Reads a section's name from the margin column: the rest of the name on the line above ("CLINICAL" /
        "RESEARCH", "CERTIFICATION &" / "LICENSURE") joins it; else it is a heading of its own, set before the
        line beside it. Whether a section starts here."""
        if self.label is not None:
            heading, above = self.label
            if above.page == placed.page and -2 <= above.bottom - placed.top < 0.6 * max(above.height, placed.height):
                heading.text = squash(f"{heading.text} {placed.label}")
                self.label = (heading, placed)
                return False
        heading = Line(text=placed.label or "", heading=True, level=1, size=placed.size, bold=True)
        self.lines.append(heading)
        self.placed.append(placed)
        self.last.append(placed)
        self.label = (heading, placed)
        return True

    def _dropped_dates(self, line: Line, above: Placed, placed: Placed, height: float) -> bool:
        """Dates floated right that a browser dropped just below their line, at the right edge ("Fellowship,
        Infectious Diseases — Johns Hopkins University School of Medicine" / "      2016 – 2018"): the line's."""
        return (
            line.aside is None
            and not line.bullet
            and bool(_DATE_PART.match(placed.text))
            and placed.right >= self.column.right_edge - 3
            and not _DATE_PART.match(line.text)
            and close_below(above, placed, height)
        )

    def keep(self, order: list[int]) -> None:
        """Keep only these Lines, in this order (with what is known of each)."""
        self.lines = [self.lines[i] for i in order]
        self.placed = [self.placed[i] for i in order]
        self.last = [self.last[i] for i in order]


def _pitches(visual: list[VisualLine]) -> dict[float, float]:
    """How far apart the column sets a paragraph's wrapped lines, for each size of type: the least distance between
    lines of that size that it keeps twice or more (items and paragraphs set further apart stand out against it).
    A size with no recurring distance has none."""
    found: dict[float, Counter[float]] = {}
    for above, below in itertools.pairwise(visual):
        # (no nearer than the type's own size: a date floated a little below its title is no line of text)
        if abs(above.size - below.size) < 0.3 and 0.9 * above.size <= above.top - below.top < 2.5 * above.size:
            found.setdefault(round(above.size), Counter())[round(above.top - below.top, 1)] += 1
    return {
        size: min(recurring)
        for size, pitches in found.items()
        if (recurring := [p for p, n in pitches.items() if n >= 2])
    }


def _text_after_dates(visual: list[VisualLine]) -> set[float]:
    """Where a line's text starts after dates set in a column of their own a wide gap away ("2012 – 2019      Assistant
    Professor …"), when two lines or more agree: the column's edge."""
    starts: Counter[float] = Counter()
    for vline in visual:
        runs = vline.runs
        for count in range(min(len(runs) - 1, 6), 0, -1):
            head, rest = runs[:count], runs[count]
            size = max((r.size for r in head), default=0.0) or head[-1].height
            if rest.left - head[-1].right >= 0.8 * size and _DATE_PART.match(squash(join_runs(head))):
                starts[round(rest.left, 1)] += 1
                break
    return {x for x, n in starts.items() if n >= 2}


def _not_a_glyph(text: str) -> bool:
    """Text set apart on a line that is a word, not an icon font's glyph: three letters or more, a number, or a
    two-letter degree in capitals ("MD", "DO", "BS" beside its dates), or a language's level ("C1", "B2")."""
    return len(text) > 2 or text.isdigit() or (len(text) == 2 and text.isupper() and text[:1].isalpha())


def _a_known_heading(text: str) -> bool:
    from translator.parse.structure import section_kind

    return section_kind(text) is not None


def _right_edge(visual: list[VisualLine], width: float) -> float:
    """The right edge a column's full lines reach: most long lines end close to it."""
    rights = sorted(r.right for v in visual for r in v.runs[-1:] if sum(len(x.text) for x in v.runs) >= 30)
    if not rights:
        return max((r.right for v in visual for r in v.runs), default=width)
    return rights[int(len(rights) * 0.9)] if len(rights) >= 5 else rights[-1]


def _lift_column_head(reader: _Reader, start: int) -> None:
    """A sidebar read first leaves the main column's head (the name in the largest type, a tagline) in the
    sidebar's last section: lines above the main column's first heading go to the top of the document."""
    from translator.identifiers import EMAIL, PHONE
    from translator.parse.structure import section_kind

    end = next((i for i in range(start, len(reader.lines)) if section_kind(reader.lines[i].text)), None)
    if end is None or not 0 < end - start <= 6:
        return
    head = reader.lines[start:end]
    largest = max(line.size for line in reader.lines)
    if end - start <= 4 and max(line.size for line in head) >= largest:
        reader.keep([*range(start, end), *range(start), *range(end, len(reader.lines))])
    elif any(EMAIL.search(line.text) or PHONE.search(line.text) for line in head):
        # a sidebar on the right, read after the main column, opens with the contact details (phone, e-mail,
        # town): they go with the name at the head of the document, not under the main column's last section
        first = next((i for i in range(start) if section_kind(reader.lines[i].text)), start)
        reader.keep([*range(first), *range(start, end), *range(first, start), *range(end, len(reader.lines))])


def _drop_cover_letter(reader: _Reader) -> None:
    """A CV followed by a cover letter: the letter's pages begin where "Dear …" is written."""
    pages = [p.page for p in reader.placed]
    for i, line in enumerate(reader.lines):
        if _SALUTATION.match(line.text) and pages[i] > 0:
            reader.keep(list(range(pages.index(pages[i]))))
            return


# A page's number after a running line: "file:///…/cv.html 1/4" (a browser's footer), "Jane Roe, MD — Page 2 of 5"
_PAGE_COUNT = re.compile(
    r"\s+(?:page\s+)?\d{1,3}\s*(?:/|of)\s*\d{1,3}$|\s+(?:[—–|-]\s*)?(?:p\.|page)\s*\d{1,3}$"
    r"|(?<=[A-Za-z])\s+\d{1,2}$",  # … and a page's number alone after the footer's words: "… · Curriculum Vitae 2"
    re.IGNORECASE,
)  # "… 1/4", "… Page 2 of 5", "Wierzbicki CV — updated 11/2026 — p. 1"


def _unnumbered(text: str) -> str:
    return _PAGE_COUNT.sub("", text)


def _drop_running_lines(reader: _Reader, pages: int) -> list[Line]:
    """Lines repeated at the top or bottom of most pages are running headers or footers: keep one copy
    as a footer (it may hold contact details), drop the rest."""
    if pages < 2:
        return reader.lines
    # (on pages of its own: an employer named under each of three posts, one of them at a page's top, is no
    # running line, and its copies in the body of a page are the CV's own)
    edge = {i: _unnumbered(line.text) for i, line in enumerate(reader.lines) if not 0.15 <= reader.placed[i].y <= 0.85}
    on_pages: dict[str, set[int]] = {}
    for i, text in edge.items():
        on_pages.setdefault(text, set()).add(reader.placed[i].page)
    repeated = {text for text, n in on_pages.items() if len(n) >= 2 and len(n) >= pages // 2}
    kept: list[Line] = []
    seen: set[str] = set()
    bridged = False  # a running line stood between the last item and this line
    for i, line in enumerate(reader.lines):
        body = [x for x in kept if not x.set_aside and x.part != "footer"]
        if (
            bridged
            and body
            and body[-1].bullet
            and not (line.bullet or line.set_aside or _unnumbered(line.text) in repeated)
            and (line.text[:1].islower() or line.text[:1].isdigit())
        ):
            body[-1].text = join_wrapped(
                body[-1].text, line.text
            )  # "… Support Care Cancer." / footer / "2019;27(10):…"
            bridged = False
            continue
        bridged = False
        if (key := edge.get(i)) in repeated:
            bridged = True
            if key in seen:  # each page's copy is listed as set aside, as a footer with its page number would be
                if line.text not in seen:
                    seen.add(line.text)
                    kept.append(Line(text=line.text, set_aside="a running header or footer, repeated on every page"))
                continue
            seen.update((key, line.text))
            line.part = "footer"  # read for a name or contact details, never as a section's text
            kept.append(Line(text=line.text, set_aside="a running header or footer, repeated on every page"))
        kept.append(line)
    return kept


_NOT_HEADING = re.compile(r"@|www\.|https?:|(?<![A-Za-z\d])\d{3}")  # a code ("DCB0129") is no phone or street


def _mark_headings(lines: list[Line]) -> None:
    """Headings by font size: larger than the body text. Section headings share one size (the size of
    the lines that are known CV headings, else the commonest); larger ones are the name and tagline
    (level 0), smaller ones entry titles (level 2). A line set exactly as the known headings are (same size,
    same weight) is a heading too, though its words are its own ("Board Certification (certified | renewed)")."""
    from translator.parse.profile import only_credentials
    from translator.parse.structure import kind_of_heading, section_kind

    sizes = [line.size for line in lines if line.size and not line.bullet for _ in range(max(len(line.text) // 20, 1))]
    if not sizes:
        return
    body = statistics.median(sizes)

    def could_be_heading(line: Line) -> bool:
        # a section's heading numbered by its style sheet ("3. Grants", the number read as a list's) stays one
        numbered = line.bullet and line.size >= body * 1.12 and kind_of_heading(line.text) != "other"
        return (
            not only_credentials(line.text)
            and (not line.bullet or numbered)
            and len(line.text.split()) <= 8
            and not line.aside
            and not _NOT_HEADING.search(line.text)
        )

    styled = [line for line in lines if section_kind(line.text) and (line.bold or line.size >= body * 1.12)]
    style = Counter((round(line.size, 1), line.bold) for line in styled).most_common(1)

    def styled_as_headings(line: Line) -> bool:
        """Set as the known headings are, and naming a kind of section by a word of its own."""
        if not style or not line.bold or kind_of_heading(line.text) == "other":
            return False
        (size, bold), _ = style[0]
        return abs(line.size - size) <= 0.3 and line.bold == bold

    candidates = [
        line for line in lines if could_be_heading(line) and (line.size >= body * 1.12 or styled_as_headings(line))
    ]
    if not candidates:
        return
    known = [round(line.size, 1) for line in candidates if section_kind(line.text)]
    section_size = Counter(known or [round(line.size, 1) for line in candidates]).most_common(1)[0][0]
    for line in candidates:
        line.heading, line.bullet = True, False
        if abs(line.size - section_size) <= 0.6:
            line.level = 1
        else:
            line.level = 0 if line.size > section_size else 2


def _add_column(reader: _Reader, column: list[Run], index: int, width: float, height: float, number: int) -> None:
    start = len(reader.lines)
    visual, reader.table_names = tables_as_rows(group_lines(column), reader.table_names)
    edge = _right_edge(visual, width)
    for piece, banded in split_column_band(visual, width):
        reader.add_column(piece, width, index, None if banded else edge, banded)
    for placed in reader.placed[start:]:
        placed.y = placed.top / height  # how far down its page, for running headers and footers
    if index == 0 and number > 0:
        _lift_column_head(reader, start)


def read_pdf_lines(path: Path) -> list[Line]:
    document = _open(path)
    try:
        if len(document) > MAX_PAGES:
            raise InputFileError(f"{path}: {len(document)} pages; a CV over {MAX_PAGES} pages is not supported")
        reader = _Reader()
        gutter: float | None = None  # where the page before split into two columns
        waiting: list[tuple[list[Run], int, float, float, int]] = []  # main columns held back for a sidebar
        import pypdfium2 as pdfium

        for index in range(len(document)):
            try:
                page = document[index]
                width, height = (float(v) for v in page.get_size())
                textpage = page.get_textpage()
            except pdfium.PdfiumError as exc:
                raise InputFileError(f"{path}: page {index + 1} of the PDF is damaged and cannot be read") from exc
            runs = _page_runs(textpage, path)
            runs += _drawn_markers(page, runs)
            columns = split_columns(runs, width, gutter)
            split = gutter_of(columns)
            # A sidebar running on from the page before is read before that page's main column, so each
            # column's sections go on where they left off (the main column's are held back meanwhile).
            runs_on = split is not None and gutter is not None and abs(split - gutter) < 6
            if not runs_on:
                for held in waiting:
                    _add_column(reader, *held)
                waiting = []
            _add_column(reader, columns[0], index, width, height, 0)
            if len(columns) > 1:
                if split is not None and abs(split - width / 2) > 0.1 * width:
                    waiting.append((columns[1], index, width, height, 1))
                else:  # two columns of one width: the text runs on from the left one to the right one
                    _add_column(reader, columns[1], index, width, height, 1)
            gutter = split
        for held in waiting:
            _add_column(reader, *held)
        _drop_cover_letter(reader)
        lines = _drop_running_lines(reader, len(document))
        for line in lines:
            line.text = dates.written_out(squash(_LATEX_MACRO.sub("", line.text.replace("\x02", "-"))))
            line.aside = dates.held_since(dates.written_out(line.aside)) if line.aside else line.aside
        if sum(len(line.text) for line in lines) < 40:
            raise InputFileError(f"{path}: scanned PDF: no text to read. Export the CV as a PDF with text, or as .docx")
        _mark_headings([line for line in lines if not line.set_aside])
        return lines + reader.page_marks
    finally:
        document.close()
