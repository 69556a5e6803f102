"""Read a PDF's text layer into lines: columns in order, wrapped bullets rejoined, margin dates aside,
headings found by font size, running headers and footers dropped."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from pathlib import Path
from typing import Any

from translator.errors import InputFileError
from translator.parse.pdf_layout import (
    GLYPH_ONLY,
    Run,
    VisualLine,
    first_word_width,
    group_lines,
    join_runs,
    segments,
    split_aside,
    split_columns,
    split_side_by_side_items,
    vline_height,
)
from translator.parse.text import Line, clean, squash, strip_bullet

MAX_PAGES = 30
MAX_RUNS_PER_PAGE = 20_000
MAX_MARKER_SHAPES = 500  # small shapes on one page; a CV's list has a few dozen
# LaTeX icon macros left unrendered in some text layers: "\\faBook :", "\\faFile *[regular]:".
_LATEX_MACRO = re.compile(r"\\[A-Za-z]+\s*\*?(?:\[[^\]]*\])?\s*:?\s*")
_DATE_PART = re.compile(
    r"^(?:(?:[A-Z][a-z]{2,8}\.?\s+)?(?:19|20)\d{2}\s*(?:[–—-]\s*(?:(?:[A-Z][a-z]{2,8}\.?\s+)?(?:19|20)\d{2}|"
    r"[Pp]resent|[Cc]urrent|[Nn]ow)?)?|[Pp]resent|[Cc]urrent|[Nn]ow)$"
)
# "Pulmonary Disease, ABIM, 2018" / "Critical Care Medicine, ABIM, 2019": dated items, not a wrapped line.
_ENDS_WITH_YEAR = re.compile(r"\b(?:19|20)\d{2}\W?$")
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_SALUTATION = re.compile(r"^(?:Dear\s+\S|To whom it may concern)", re.IGNORECASE)
_SEPARATED = re.compile(r"\S\s+[•·|]\s+\S")
_CONTACT = re.compile(r"@|https?://|www\.|^\+?[\d\s().-]{7,}$")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d+(?:\s*(?:of|/)\s*\d+)?$|.*\bPage \d+ of \d+$", re.IGNORECASE)


def _open(path: Path) -> Any:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputFileError(f"{path.name}: the PDF is password-protected; remove the password and retry") from exc
        raise InputFileError(f"{path.name}: not a readable PDF (damaged or not a PDF)") from exc


def _page_runs(textpage: Any, path: Path) -> list[Run]:
    import pypdfium2.raw as pdfium_c

    count = textpage.count_rects()
    if count > MAX_RUNS_PER_PAGE:
        raise InputFileError(f"{path.name}: a page holds {count} text pieces; this is not a CV layout")
    runs = []
    for i in range(count):
        left, bottom, right, top = textpage.get_rect(i)
        text = clean(textpage.get_text_bounded(left, bottom, right, top).replace("\r", " ").replace("\n", " "))
        if not text.strip():
            continue
        index = textpage.get_index(left + 0.5, (top + bottom) / 2, 2, 2)
        size, bold = 0.0, False
        if index is not None and index >= 0:
            size = float(pdfium_c.FPDFText_GetFontSize(textpage.raw, index))
            bold = pdfium_c.FPDFText_GetFontWeight(textpage.raw, index) >= 600 or _bold_name(textpage, index)
        runs.append(Run(left, right, top, bottom, text, size, bold))
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


def _segment_text(group: list[Run], textpage: Any) -> str:
    if len(group) == 1:
        return group[0].text
    # PDFium spaces words better than run gaps do when a producer places every glyph on its own.
    left, right = min(r.left for r in group), max(r.right for r in group)
    top, bottom = max(r.top for r in group), min(r.bottom for r in group)
    text = clean(textpage.get_text_bounded(left, bottom, right, top).replace("\r", " ").replace("\n", " "))
    return text if text.strip() else join_runs(group)


class _Reader:
    """Turns visual lines into Lines, rejoining a bullet wrapped over several lines."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.page_of: list[int] = []
        self.y_of: list[float] = []
        self.bullet_left: float | None = None
        self.lefts: list[float] = []
        self.rights: list[float] = []
        self.body_left: float | None = None
        self.right_edge = 0.0
        self.last_height = 0.0  # of the visual line added last: a short last line ("outcomes") has a low box

    def add_column(self, visual: list[VisualLine], textpage: Any, width: float, page: int, height: float) -> None:
        lefts = Counter(
            round(next((r.left for r in v.runs if not GLYPH_ONLY.match(r.text.strip())), v.left))
            for v in visual
            if sum(len(r.text) for r in v.runs) >= 20
        )
        # The body's left edge: text left of it is a margin column (moderncv's dates and labels).
        self.body_left = float(lefts.most_common(1)[0][0]) if lefts else None
        self.right_edge = max((r.right for v in visual for r in v.runs), default=width)
        pending_glyph = False
        last_bottom: float | None = None
        for whole in visual:
            for vline in split_side_by_side_items(whole):
                last_bottom, pending_glyph = self._add(vline, textpage, width, page, height, last_bottom, pending_glyph)

    def _add(
        self,
        vline: VisualLine,
        textpage: Any,
        width: float,
        page: int,
        height: float,
        last_bottom: float | None,
        pending_glyph: bool,
    ) -> tuple[float | None, bool]:
        """Add one visual line; returns (its bottom, whether a lone bullet glyph waits for its text)."""
        runs = list(vline.runs)
        bullet = len(runs) > 1 and bool(GLYPH_ONLY.match(runs[0].text.strip()))
        if bullet:
            runs = runs[1:]
        margin_aside = None
        if self.body_left is not None and len(runs) > 1 and runs[0].right < self.body_left - 2:
            margin = [r for r in runs if r.right < self.body_left - 2]
            margin_text = squash(join_runs(margin))
            if _DATE_PART.match(margin_text):
                runs = runs[len(margin) :]
                previous = self.lines[-1] if self.lines else None
                if previous is not None and previous.aside and previous.aside.rstrip().endswith(("–", "-", "—")):
                    previous.aside = f"{previous.aside.rstrip()} {margin_text}"  # "2017 –" / "Present"
                else:
                    margin_aside = margin_text
        groups = segments(VisualLine(runs))
        if len(groups) > 1:  # icon-font glyphs set apart from the text ("#", "I", "ð") are not words
            groups = [g for g in groups if len(join_runs(g).strip()) > 2 or join_runs(g).strip().isdigit()] or groups
        every = [_segment_text(g, textpage) for g in groups]
        at_right_edge = groups[-1][-1].right >= self.right_edge - 3
        texts, aside = split_aside(every, [g[0].left for g in groups], width, at_right_edge)
        # The text's own right edge: a date pushed to the right margin does not make a line full.
        kept = groups if len(texts) == len(groups) else groups[:-1] if texts == every[:-1] else groups[1:]
        aside = aside or margin_aside
        text = " ".join(t.strip() for t in texts)
        glyph, without = strip_bullet(text)
        if glyph:
            bullet, text = True, without
        stripped = squash(text.replace("\x02", "-"))
        if not stripped or _PAGE_NUMBER.match(stripped):
            return last_bottom, pending_glyph
        if GLYPH_ONLY.match(stripped):
            return last_bottom, True
        if pending_glyph:
            bullet = True
        if bullet and (_SEPARATED.search(stripped) or _CONTACT.search(stripped)):
            bullet = False  # "+1 234 567 • john@doe.org": an icon and separators, not a list item
        left = runs[0].left
        line_height = max(vline_height(vline), self.last_height)
        close = last_bottom is not None and (last_bottom - vline.top) < line_height * 0.9
        self.last_height = vline_height(vline)
        previous = self.lines[-1] if self.lines else None
        right = max(r.right for g in kept for r in g)
        size = VisualLine(runs).size
        # A bullet whose last line on the page before ran to the right edge goes on at the top of this one.
        carried_over = (
            last_bottom is None
            and previous is not None
            and previous.bullet
            and self.page_of[-1] < page
            and self.rights[-1] >= 0.85 * self.right_edge
        )
        if (
            not bullet
            and previous is not None
            and not previous.bullet
            and not previous.heading
            and not previous.aside
            and not aside
            and close
            and self.lefts
            and abs(left - self.lefts[-1]) < 4
            and self.rights[-1] >= 0.85 * self.right_edge
            and self.rights[-1] + first_word_width(text, left, right) > self.right_edge - 2
            and not (_ENDS_WITH_YEAR.search(previous.text) and text.strip()[:1].isupper())
            and not (size and previous.size and abs(size - previous.size) > 0.5)
            and not (_CONTACT.search(previous.text) or _CONTACT.search(stripped))
        ):
            # A paragraph wrapped over lines (the previous line runs to the right edge): one line again.
            if previous.text.endswith(("\x02", "-")) and text[:1].islower():
                previous.text = previous.text.removesuffix("\x02").removesuffix("-") + text.strip()
            else:
                previous.text = previous.text.removesuffix("\x02") + " " + text.strip()
            self.rights[-1] = right
        elif (
            not bullet
            and previous is not None
            and previous.bullet
            and (close or carried_over)
            and self.bullet_left is not None
            and -4 < left - self.bullet_left < 20
            and not (size and previous.size and size > previous.size * 1.1)
        ):
            joiner = "" if previous.text.endswith("\x02") else " "
            previous.text = previous.text.removesuffix("\x02") + joiner + text.strip()
            previous.aside = previous.aside or aside
            self.rights[-1] = right
        else:
            self.lines.append(
                Line(text=text.strip(), bullet=bullet, aside=aside, size=size, bold=VisualLine(runs).bold)
            )
            self.page_of.append(page)
            self.y_of.append(vline.top / height)
            self.lefts.append(left)
            self.rights.append(right)
            if bullet:
                self.bullet_left = left
        return vline.bottom, False


def _lift_column_head(reader: _Reader, start: int) -> None:
    """A sidebar read first leaves the main column's head (the name in the largest type, a tagline) in the
    sidebar's last section: lines above the main column's first heading go to the top of the document."""
    from translator.parse.structure import section_kind

    end = next((i for i in range(start, len(reader.lines)) if section_kind(reader.lines[i].text)), None)
    if end is None or not 0 < end - start <= 4:
        return
    largest = max(line.size for line in reader.lines)
    if max(line.size for line in reader.lines[start:end]) < largest:
        return
    order = [*range(start, end), *range(start), *range(end, len(reader.lines))]
    reader.lines = [reader.lines[i] for i in order]
    reader.page_of = [reader.page_of[i] for i in order]
    reader.y_of = [reader.y_of[i] for i in order]
    reader.lefts = [reader.lefts[i] for i in order]
    reader.rights = [reader.rights[i] for i in order]


def _drop_cover_letter(reader: _Reader) -> None:
    """A CV followed by a cover letter: the letter's pages begin where "Dear …" is written."""
    for i, line in enumerate(reader.lines):
        if _SALUTATION.match(line.text) and reader.page_of[i] > 0:
            first = reader.page_of.index(reader.page_of[i])
            del (
                reader.lines[first:],
                reader.page_of[first:],
                reader.y_of[first:],
                reader.lefts[first:],
                reader.rights[first:],
            )
            return


def _drop_running_lines(reader: _Reader, pages: int) -> list[Line]:
    """Lines repeated at the top or bottom of most pages are running headers or footers: keep one copy
    as a footer (it may hold contact details), drop the rest."""
    if pages < 2:
        return reader.lines
    edge = [(line.text, i) for i, line in enumerate(reader.lines) if reader.y_of[i] > 0.85 or reader.y_of[i] < 0.15]
    counts = Counter(text for text, _ in edge)
    repeated = {text for text, n in counts.items() if n >= 2 and n >= pages // 2}
    kept, seen = [], set()
    for line in reader.lines:
        if line.text in repeated:
            if line.text in seen:
                continue
            seen.add(line.text)
            line.part = "footer"
        kept.append(line)
    return kept


_NOT_HEADING = re.compile(r"@|www\.|https?:|\d{3}")


def _mark_headings(lines: list[Line]) -> None:
    """Headings by font size: larger than the body text. Section headings share one size (the size of
    the lines that are known CV headings, else the commonest); larger ones are the name and tagline
    (level 0), smaller ones entry titles (level 2)."""
    from translator.parse.structure import section_kind

    sizes = [line.size for line in lines if line.size and not line.bullet for _ in range(max(len(line.text) // 20, 1))]
    if not sizes:
        return
    body = statistics.median(sizes)
    candidates = [
        line
        for line in lines
        if line.size >= body * 1.12
        and not line.bullet
        and len(line.text.split()) <= 8
        and not line.aside
        and not _NOT_HEADING.search(line.text)
    ]
    if not candidates:
        return
    known = [round(line.size, 1) for line in candidates if section_kind(line.text)]
    section_size = Counter(known or [round(line.size, 1) for line in candidates]).most_common(1)[0][0]
    for line in candidates:
        line.heading = True
        if abs(line.size - section_size) <= 0.6:
            line.level = 1
        else:
            line.level = 0 if line.size > section_size else 2


def read_pdf_lines(path: Path) -> list[Line]:
    document = _open(path)
    try:
        if len(document) > MAX_PAGES:
            raise InputFileError(f"{path.name}: {len(document)} pages; a CV over {MAX_PAGES} pages is not supported")
        reader = _Reader()
        import pypdfium2 as pdfium

        for index in range(len(document)):
            try:
                page = document[index]
                width, height = (float(v) for v in page.get_size())
                textpage = page.get_textpage()
            except pdfium.PdfiumError as exc:
                raise InputFileError(f"{path.name}: page {index + 1} of the PDF is damaged and cannot be read") from exc
            runs = _page_runs(textpage, path)
            runs += _drawn_markers(page, runs)
            for number, column in enumerate(split_columns(runs, width)):
                start = len(reader.lines)
                reader.add_column(group_lines(column), textpage, width, index, height)
                if index == 0 and number > 0:
                    _lift_column_head(reader, start)
        _drop_cover_letter(reader)
        lines = _drop_running_lines(reader, len(document))
        for line in lines:
            line.text = squash(_LATEX_MACRO.sub("", line.text.replace("\x02", "-")))
        if sum(len(line.text) for line in lines) < 40:
            raise InputFileError(
                f"{path.name}: scanned PDF: no text to read. Export the CV as a PDF with text, or as .docx"
            )
        _mark_headings(lines)
        return lines
    finally:
        document.close()
