"""Read a PDF's text layer into lines: rejoin wrapped bullets, set right-aligned dates aside."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from translator.errors import InputFileError
from translator.parse.text import BULLET_GLYPHS, DATE_RANGE, Line, clean, squash

MAX_PAGES = 30
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d+(?:\s+(?:of|/)\s+\d+)?$|.*\s-\sPage \d+ of \d+$", re.IGNORECASE)
_GLYPH_ONLY = re.compile(r"^[" + re.escape(BULLET_GLYPHS) + r"\ue000-\uf8ff{]$")


@dataclass
class _Run:
    left: float
    right: float
    top: float
    bottom: float
    text: str


@dataclass
class _VisualLine:
    runs: list[_Run]

    @property
    def top(self) -> float:
        return max(r.top for r in self.runs)

    @property
    def bottom(self) -> float:
        return min(r.bottom for r in self.runs)

    @property
    def left(self) -> float:
        return min(r.left for r in self.runs)


def _open(path: Path):  # type: ignore[no-untyped-def]
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise InputFileError(
                f"{path.name}: the PDF is password-protected; remove the password and retry"
            ) from exc
        raise InputFileError(f"{path.name}: not a readable PDF (damaged or not a PDF)") from exc


def _page_runs(page, textpage) -> tuple[list[_Run], float]:  # type: ignore[no-untyped-def]
    runs = []
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        text = textpage.get_text_bounded(left, bottom, right, top)
        text = clean(text.replace("\r", " ").replace("\n", " "))
        if text.strip():
            runs.append(_Run(left, right, top, bottom, text))
    return runs, float(page.get_size()[0])


def _segments(line: _VisualLine, textpage) -> list[_Run]:  # type: ignore[no-untyped-def]
    """Merge a line's runs into segments split at wide gaps; PDFium spaces the words inside each."""
    segments: list[list[_Run]] = []
    for run in line.runs:
        height = max(run.top - run.bottom, 1.0)
        if segments and run.left - segments[-1][-1].right < 2.5 * height:
            segments[-1].append(run)
        else:
            segments.append([run])
    merged = []
    for group in segments:
        left, right = min(r.left for r in group), max(r.right for r in group)
        top, bottom = max(r.top for r in group), min(r.bottom for r in group)
        if len(group) == 1:
            text = group[0].text
        else:
            text = clean(
                textpage.get_text_bounded(left, bottom, right, top).replace("\r", " ").replace("\n", " ")
            )
        merged.append(_Run(left, right, top, bottom, text))
    # A lone bullet glyph stays its own segment so the reader can see it.
    return merged


def _group_lines(runs: list[_Run]) -> list[_VisualLine]:
    lines: list[_VisualLine] = []
    for run in sorted(runs, key=lambda r: (-r.top, r.left)):
        middle = (run.top + run.bottom) / 2
        for line in lines[-3:]:
            if line.bottom - 1 <= middle <= line.top + 1:
                line.runs.append(run)
                break
        else:
            lines.append(_VisualLine([run]))
    for line in lines:
        line.runs.sort(key=lambda r: r.left)
    return lines


def _line_text(line: _VisualLine, page_width: float) -> tuple[str, str | None, bool, float]:
    """(text, right-aligned dates, starts with a bullet glyph, left edge of the text)."""
    runs = list(line.runs)
    bullet = False
    if len(runs) > 1 and _GLYPH_ONLY.match(runs[0].text.strip()):
        bullet = True
        runs = runs[1:]
    aside = None
    if len(runs) > 1:
        gap = runs[-1].left - runs[-2].right
        tail = runs[-1].text.strip()
        if gap > 25 and runs[-1].left > page_width * 0.55 and DATE_RANGE.fullmatch(tail):
            aside = tail
            runs = runs[:-1]
    text = ""
    previous: _Run | None = None
    for run in runs:
        piece = run.text
        if previous is not None and not text.endswith((" ", "\x02")) and not piece.startswith(" "):
            if run.left - previous.right > 0.25 * max(run.top - run.bottom, 1.0):
                text += " "
        text += piece
        previous = run
    return text, aside, bullet, runs[0].left if runs else line.left


def read_pdf_lines(path: Path) -> list[Line]:
    document = _open(path)
    try:
        if len(document) > MAX_PAGES:
            raise InputFileError(
                f"{path.name}: {len(document)} pages; a CV over {MAX_PAGES} pages is not supported"
            )
        lines: list[Line] = []
        text_left: float | None = None
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            runs, width = _page_runs(page, textpage)
            visual = _group_lines(runs)
            for vline in visual:
                glyph = vline.runs[0] if _GLYPH_ONLY.match(vline.runs[0].text.strip()) else None
                rest = _VisualLine(vline.runs[1:] if glyph else vline.runs)
                vline.runs = ([glyph] if glyph else []) + (_segments(rest, textpage) if rest.runs else [])
            pending_glyph = False
            last_bottom = None
            for vline in visual:
                text, aside, bullet, left = _line_text(vline, width)
                stripped = squash(text.replace("\x02", "-"))
                if not stripped or _PAGE_NUMBER.match(stripped):
                    continue
                if _GLYPH_ONLY.match(stripped):
                    pending_glyph = True
                    continue
                if pending_glyph:
                    bullet, pending_glyph = True, False
                height = vline.top - vline.bottom
                close = last_bottom is not None and (last_bottom - vline.top) < height * 0.9
                previous = lines[-1] if lines else None
                if (
                    not bullet
                    and previous is not None
                    and previous.bullet
                    and close
                    and text_left is not None
                    and abs(left - text_left) < 4
                ):
                    joiner = "" if previous.text.endswith("\x02") else " "
                    previous.text = previous.text.removesuffix("\x02") + joiner + text.strip()
                    previous.aside = previous.aside or aside
                else:
                    lines.append(Line(text=text.strip(), bullet=bullet, aside=aside))
                    if bullet:
                        text_left = left
                last_bottom = vline.bottom
        for line in lines:
            line.text = squash(line.text.replace("\x02", "-"))
        if sum(len(line.text) for line in lines) < 40:
            raise InputFileError(
                f"{path.name}: scanned PDF: no text to read. Export the CV as a PDF with text, or as .docx"
            )
        return lines
    finally:
        document.close()
