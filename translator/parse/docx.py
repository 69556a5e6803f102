"""Read a .docx body in document order: paragraphs, tables, text boxes, list numbering, headers."""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from translator.dates import whole_dates
from translator.errors import InputFileError
from translator.parse.text import Line, clean, split_dates, strip_bullet

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SHORT_LABEL = re.compile(r"[^\d.:;,@]{2,40}")  # "Clinical Skills", "Hospital Privileges": a label, no item
MAX_INFLATED_BYTES = 64 * 1024 * 1024  # a real CV's XML is well under 5 MB
MAX_TABLE_DEPTH = 8


def _check_archive(path: Path) -> None:
    """Refuse zip bombs, XML entity tricks and non-Word archives before python-docx parses anything.

    Declared sizes can lie, so every part is inflated here, in chunks, counting the real bytes.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if "word/document.xml" not in {i.filename for i in infos}:
                raise InputFileError(f"{path}: not a Word document (no word/document.xml inside)")
            if sum(i.file_size for i in infos) > MAX_INFLATED_BYTES:
                raise InputFileError(f"{path}: the document inflates to over 64 MB; refusing to read it")
            total = 0
            for info in infos:
                xml = info.filename.endswith((".xml", ".rels"))
                tail = b""
                with archive.open(info) as member:
                    while chunk := member.read(1 << 20):
                        total += len(chunk)
                        if total > MAX_INFLATED_BYTES:
                            raise InputFileError(f"{path}: the document inflates to over 64 MB; refusing to read it")
                        if xml and b"<!DOCTYPE" in (tail + chunk).upper():
                            raise InputFileError(
                                f"{path}: {info.filename} declares XML entities (a DOCTYPE), which Word "
                                "never writes; refusing to read it"
                            )
                        tail = chunk[-16:]
    except (
        zipfile.BadZipFile,
        EOFError,
        zlib.error,
        NotImplementedError,
        UnicodeDecodeError,
        ValueError,
        OSError,
    ) as exc:
        raise InputFileError(f"{path}: not a valid .docx file (corrupt or truncated)") from exc


class _Styles:
    """Paragraph styles read once from styles.xml: name and whether they carry list numbering.

    python-docx's Paragraph.style and Style.type rescan every style on each call, which made reading a
    3-page CV spend most of its time in style lookups.
    """

    def __init__(self, document: Any) -> None:
        element = document.styles.element
        names: dict[str, str] = {}
        based_on: dict[str, str] = {}
        numbered: set[str] = set()
        outline: set[str] = set()
        shouting: set[str] = set()
        self.default: str | None = None
        for style in element.iterchildren(f"{W}style"):
            if style.get(f"{W}type") != "paragraph":
                continue
            style_id = style.get(f"{W}styleId") or ""
            name = style.find(f"{W}name")
            names[style_id] = (name.get(f"{W}val") if name is not None else None) or style_id
            parent = style.find(f"{W}basedOn")
            if parent is not None:
                based_on[style_id] = parent.get(f"{W}val") or ""
            if style.find(f"{W}pPr/{W}numPr") is not None:
                numbered.add(style_id)
            if _on(style.find(f"{W}rPr/{W}b")) and _on(style.find(f"{W}rPr/{W}caps")):
                shouting.add(style_id)  # bold capitals set by the style: a template's own heading style
            level = style.find(f"{W}pPr/{W}outlineLvl")
            if level is not None and (level.get(f"{W}val") or "9").isdigit() and int(level.get(f"{W}val") or 9) < 9:
                outline.add(style_id)  # a style set as an outline level: LibreOffice's own heading styles
            if style.get(f"{W}default") in {"1", "true"}:
                self.default = style_id
        self.names = names
        self.outline = outline
        self.shouting = shouting
        self.hidden_numbering = _hidden_numbering(document)
        self.notes = _footnotes(document)
        self.numbered = set()
        for style_id in names:
            seen, current = set(), style_id
            while current and current not in seen:  # basedOn chains can loop in damaged files
                if current in numbered:
                    self.numbered.add(style_id)
                    break
                seen.add(current)
                current = based_on.get(current, "")

    def of(self, paragraph: Any) -> str | None:
        return paragraph._p.style or self.default


def _on(toggle: Any) -> bool:
    """A run property set and not switched off (<w:b/>, <w:b w:val="1"/>; not <w:b w:val="0"/>)."""
    return toggle is not None and toggle.get(f"{W}val") not in {"0", "false", "off"}


def _hidden_numbering(document: Any) -> set[str]:
    """numIds whose every level shows no label (numFmt "none", empty text): LibreOffice's outline numbering
    that ties its heading styles together, not a list."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return set()
    hidden_abstract = set()
    for abstract in numbering.iterchildren(f"{W}abstractNum"):
        levels = list(abstract.iterchildren(f"{W}lvl"))
        formats = [(lvl.find(f"{W}numFmt"), lvl.find(f"{W}lvlText")) for lvl in levels]
        if levels and all(
            f is not None and f.get(f"{W}val") == "none" and (t is None or not t.get(f"{W}val")) for f, t in formats
        ):
            hidden_abstract.add(abstract.get(f"{W}abstractNumId"))
    hidden = set()
    for num in numbering.iterchildren(f"{W}num"):
        abstract_id = num.find(f"{W}abstractNumId")
        if abstract_id is not None and abstract_id.get(f"{W}val") in hidden_abstract:
            hidden.add(num.get(f"{W}numId"))
    return hidden


def _has_numbering(paragraph: Any, style_id: str | None, styles: _Styles) -> bool:
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.numPr is not None:
        num_id = ppr.numPr.numId
        return num_id is None or str(num_id.val) not in styles.hidden_numbering
    return style_id in styles.numbered and style_id not in styles.outline


def _list_level(paragraph: Any, style: str = "") -> int:
    """How deep a list item sits: its own numbering level, or its style's ("List Bullet 2" is the second level)."""
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.numPr is not None and ppr.numPr.ilvl is not None:
        return int(ppr.numPr.ilvl.val)
    deeper = _LIST_STYLE_LEVEL.fullmatch(style)
    return int(deeper.group(1)) - 1 if deeper else 0


_LIST_STYLE_LEVEL = re.compile(r"List(?: Bullet| Number| Continue| Paragraph)? ([2-9])")


def _choice_has_box(fallback: Any) -> bool:
    choice = fallback.getparent().find(f"{MC}Choice")
    return choice is not None and next(choice.iter(f"{W}txbxContent"), None) is not None


# A paragraph's text with its tracked changes accepted: what was inserted (w:ins, w:moveTo) is read, what was
# deleted (w:del, w:moveFrom) is not. python-docx's Paragraph.text reads neither an insertion nor a field's runs.
_ACCEPTED = "w:r | w:hyperlink | w:ins/w:r | w:ins/w:hyperlink | w:moveTo/w:r | w:fldSimple/w:r | w:smartTag/w:r"


def _footnotes(document: Any) -> dict[str, str]:
    """The document's footnotes by id, each as written ("Enrollment as of the sponsor's November 2026 site report;
    site ranking is the sponsor's, not independently verified."); none for a document without them."""
    from docx.oxml import parse_xml

    notes: dict[str, str] = {}
    for rel in document.part.rels.values():
        if rel.is_external or not rel.reltype.endswith("/footnotes"):
            continue
        try:
            root = parse_xml(rel.target_part.blob)
        except SyntaxError:  # lxml's XMLSyntaxError: a damaged footnotes part is read as none
            continue
        for note in root.iter(f"{W}footnote"):
            if note.get(f"{W}type") in {"separator", "continuationSeparator", "continuationNotice"}:
                continue
            text = " ".join("".join(t.text or "" for t in note.iter(f"{W}t")).split())
            if text:
                notes[note.get(f"{W}id") or ""] = text
    return notes


def _with_notes(p: Any, text: str, notes: dict[str, str]) -> str:
    """The paragraph's text with the footnotes it refers to, in brackets where the reference stands at the end:
    a footnote that qualifies a claim ("top-5 of 41 U.S. sites¹") goes where the claim goes."""
    said = [notes[ref.get(f"{W}id") or ""] for ref in p.iter(f"{W}footnoteReference") if ref.get(f"{W}id") in notes]
    if not said:
        return text
    return text.rstrip().rstrip(".") + "".join(f" ({note.rstrip('.')})" for note in said)


def _accepted_text(p: Any) -> str:
    return "".join(e.text for e in p.xpath(_ACCEPTED))


def _paragraph_line(paragraph: Any, part: str, styles: _Styles) -> list[Line]:
    from docx.text.paragraph import Paragraph

    lines: list[Line] = []
    for box in paragraph._p.iter(f"{W}txbxContent"):
        # Word stores a text box twice: the shape, and a VML copy for old readers (mc:Fallback).
        if any(a.tag == f"{MC}Fallback" and _choice_has_box(a) for a in box.iterancestors()):
            continue
        for p in box.iter(f"{W}p"):
            lines.extend(_paragraph_line(Paragraph(p, paragraph._parent), part, styles))
    text = clean(_with_notes(paragraph._p, _accepted_text(paragraph._p), styles.notes)).replace("\x02", "")
    if not text.strip():
        return lines
    style_id = styles.of(paragraph)
    style = styles.names.get(style_id or "", style_id or "")
    heading = (
        style.startswith(("Heading", "Title"))
        or style.lower().startswith("heading")
        or style_id in styles.outline
        or (style_id in styles.shouting and _SHORT_LABEL.fullmatch(text.strip()) is not None)
    )
    bullet = not heading and (_has_numbering(paragraph, style_id, styles) or "List" in style)
    level = _list_level(paragraph, style) if bullet else (int(style[-1]) if heading and style[-1:].isdigit() else 0)
    if heading and not level and (style_id in styles.outline or style_id in styles.shouting):
        level = 1  # a template's own heading style heads a section, as Heading 1 does
    if not bullet:
        bullet, text = strip_bullet(text)
        bullet = bullet and not heading  # "1. Personal Details" typed in a heading style: the heading, unnumbered
    chunks = [chunk.strip() for chunk in text.split("\n") if chunk.strip()]
    # items typed one per soft line break, each with its own glyph ("•\t22 primary care sites …" / "•\tClosed
    # ~1,900 overdue mammography gaps …"): an item each
    typed = bullet and len(chunks) > 1 and all(strip_bullet(c)[0] for c in chunks[1:])
    if bullet and not typed:  # a line break typed inside a list item (Shift+Enter) goes on with the same item
        text = " ".join(chunks)
    for chunk in text.split("\n"):
        chunk = chunk.strip()
        if not chunk:
            continue
        if typed:
            chunk = strip_bullet(chunk)[1]
        body, dates = split_dates(chunk) if not bullet else (chunk, None)
        lines.append(
            Line(
                text=body.replace("\t", " ").strip(),
                bullet=bullet,
                heading=heading,
                level=level,
                aside=dates,
                part=part,
            )
        )
    return lines


def _table_lines(table: Any, part: str, depth: int, styles: _Styles) -> list[Line]:
    if depth > MAX_TABLE_DEPTH:
        raise InputFileError(f"tables nested more than {MAX_TABLE_DEPTH} deep; this is not a CV layout")
    rows: list[list[list[Line]]] = []
    for row in table.rows:
        seen: set[int] = set()
        cells: list[list[Line]] = []
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell repeats in every grid column it spans
                continue
            seen.add(id(cell._tc))
            cells.append(_block_lines(cell, part, styles, depth + 1))
        rows.append(cells)
    if _has_column_names(rows):
        return _rows_as_items(rows)
    if _labels_beside_values(rows):
        # "Full name | Femke Annelies Hoogeveen-Smit", "Address | Lindenlaan 27, …": a form of personal details,
        # each row one labelled line, as a form is read ("Address: Lindenlaan 27, …")
        return [
            Line(text=f"{cells[0][0].text.strip()}: {'; '.join(v.text.strip() for v in cells[1])}", part=part)
            for cells in rows
        ]
    if len(rows) >= 2 and _names_columns(rows[0]):
        # "Dates | Post | Hospital" over a table of posts: the names are set aside; each row below is a post
        names = [cell[0] for cell in rows[0]]
        head = Line(text=" · ".join(n.text.strip() for n in names), part=names[0].part, set_aside=_COLUMNS)
        posts = [n.text.strip().lower() in _POST_COLUMNS for n in names]
        for cells in rows[1:]:
            for cell, post in zip(cells, posts, strict=False):
                if post and len(cell) > 1 and not any(line.bullet for line in cell):
                    # a post and the title held with it, each on its line of the cell ("Consultant in Infectious
                    # Diseases" / "Trust Antimicrobial Stewardship Lead from Apr 2022"): one title
                    cell[0].text = "; ".join(line.text.strip() for line in cell)
                    del cell[1:]
        return [head, *(line for cells in rows[1:] for line in _dates_beside_title(cells))]
    return [line for cells in rows for line in _dates_beside_title(cells)]


# The names a CV gives the columns of a table of posts, degrees or grants.
_COLUMN_WORDS = frozenset(
    {
        "date", "dates", "year", "years", "period", "from", "to", "duration", "post", "posts", "position",
        "positions", "role", "title", "grade", "job", "hospital", "employer", "institution", "organisation",
        "organization", "location", "place", "trust", "department", "specialty", "speciality", "sponsor", "funder",
        "amount", "status", "qualification", "degree", "awarding", "body", "university", "school", "course",
        # and a table of talks, papers or trials: "Year | Title / venue", "Trial | Phase | Role | Enrolled"
        "venue", "meeting", "conference", "event", "topic", "journal", "citation", "talk", "presentation",
        "audience", "type", "phase", "enrolled", "enrolment", "enrollment", "site", "study", "trial", "description",
    }
)  # fmt: skip


_POST_COLUMNS = frozenset({"post", "posts", "position", "positions", "role", "title", "grade", "job"})


_FORM_LABEL = re.compile(r"[A-Z][A-Za-z-]*(?:\s[A-Za-z-]+){0,2}")


def _labels_beside_values(rows: list[list[list[Line]]]) -> bool:
    """Three rows or more of a short label (up to three words, no figure) beside its value."""
    return len(rows) >= 3 and all(
        len(cells) == 2
        and len(cells[0]) == 1
        and cells[1]
        and not any(line.bullet for line in cells[1])
        and len(cells[0][0].text.strip()) <= 25
        and _FORM_LABEL.fullmatch(cells[0][0].text.strip().rstrip(":"))
        for cells in rows
    )


def _names_columns(cells: list[list[Line]]) -> bool:
    """A first row of column names ("Dates | Post | Hospital"): short names, two or more of them a column's."""
    if len(cells) < 2 or any(len(cell) != 1 for cell in cells):
        return False
    names = [cell[0].text.strip() for cell in cells]
    if not all(_COLUMN_NAME.match(name) for name in names):
        return False
    return sum(all(w in _COLUMN_WORDS for w in re.findall(r"[a-z]+", n.lower())) for n in names) >= 2


_COLUMN_NAME = re.compile(r"^[A-Z][A-Za-z/&()]*(?: [A-Za-z/&()]+){0,2}$")  # "Role", "Sponsor", "Total costs"


def _has_column_names(rows: list[list[list[Line]]]) -> bool:
    """A table of records (grants, trials): three or more columns under a row of column names."""
    if len(rows) < 2 or len(rows[0]) < 3:
        return False
    head = rows[0]
    return all(len(cell) == 1 and _COLUMN_NAME.match(cell[0].text.strip()) for cell in head) and all(
        len(cells) == len(head) and all(len(cell) <= 1 for cell in cells) for cells in rows[1:]
    )


def _rows_as_items(rows: list[list[list[Line]]]) -> list[Line]:
    """Each record of the table on one line, its cells in their order ("PI, 2020–2024 — Response-adapted … —
    Breast Cancer Research Foundation — $600,000"); the column names are set aside, with their reason."""
    from translator.parse.plain import counted_table, labelled_columns, table_row

    names = rows[0]
    lines = [Line(text=" · ".join(c[0].text for c in names), part=names[0][0].part, set_aside=_COLUMNS)]
    header = [c[0].text.strip() for c in names]
    # (a cell's dates read apart stay with it: "ASTRAL-NP – neuroprotectant adjunct to thrombectomy (2021–2025)")
    body = [[_with_aside(cell[0]) if cell else "" for cell in cells] for cells in rows[1:]]
    # "2025 — 171 TAVR, 41 mitral TEER, …", never "2025 — 171 — 41 — …"; a trial's "— III — Site PI — 87" read with
    # its columns' names: "Phase III, Site PI, 87 enrolled"
    counted = counted_table(header, body) or labelled_columns(header)
    for cells, texts in zip(rows[1:], body, strict=True):
        if any(texts):
            first = next(cell[0] for cell in cells if cell)
            text = table_row(header, texts) if counted else " — ".join(t for t in texts if t)
            lines.append(Line(text=text, bullet=True, part=first.part, size=first.size))
    return lines


_COLUMNS = "a table's column names, not an entry"


def _with_aside(line: Line) -> str:
    text = line.text.strip()
    return f"{text} ({line.aside.strip()})" if line.aside and line.aside.strip() not in text else text


_LIST_NUMBER = re.compile(r"\(?\[?\d{1,3}[.)\]]?")
# A date column's note: "2015 / recert 2025", "2011, renewed 2021"
_DATED_NOTE = re.compile(r"(?:19|20)\d{2}\s*[/,;]\s*(?:[a-z]+\.?\s+)?(?:19|20)\d{2}")


def _cell_dates(line: Line) -> str | None:
    """A date column's cell as written, its own dates split off or not ("2015 / recert" + "2025")."""
    whole = f"{line.text} {line.aside or ''}".strip()
    return whole if whole_dates(whole) or _DATED_NOTE.fullmatch(whole) else None


def _dates_beside_title(cells: list[list[Line]]) -> list[Line]:
    """A row like "Hospitalist | 2019–Present", or a date column first ("2019–Present | Hospitalist,
    Mercy Hospital, • bullets"): the dates go beside the entry's first line, wherever the cell sits."""
    row_lines = [line for cell in cells for line in cell]
    if len(cells) == 2 and len(cells[0]) == 1 and _LIST_NUMBER.fullmatch(cells[0][0].text.strip()) and cells[1]:
        # "1. | Raghavan NV, Okonjo T, … 2024": a numbered list set in a table, the number in its own column
        cells[1][0].bullet = True
        return cells[1]
    date_cells = [i for i, cell in enumerate(cells) if len(cell) == 1 and _cell_dates(cell[0])]
    if len(date_cells) != 1 or len(row_lines) < 2:
        return row_lines
    dates = cells[date_cells[0]][0]
    dates.text = _cell_dates(dates) or dates.text
    rest = [line for i, cell in enumerate(cells) if i != date_cells[0] for line in cell]
    title = next((line for line in rest if not line.bullet), None)
    if title is None or title is not rest[0]:
        return row_lines
    if title.aside:  # the title's own dates as it wrote them ("…, 2023–present; Assistant Professor, 2017–2023")
        title.text = f"{title.text}, {title.aside}"
    title.aside = dates.text
    return rest


def _inner_content(container: Any) -> Iterator[Any]:
    """The paragraphs and tables of a body, cell, header or footer in document order, those inside content
    controls too (a Word template wraps the name, the headline and each contact line in one: w:sdt), which
    python-docx's own iter_inner_content passes over."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    parent = getattr(container, "_body", container)  # a Document's blocks are its body's

    def walk(element: Any) -> Iterator[Any]:
        for child in element.iterchildren():
            if child.tag == qn("w:p"):
                yield Paragraph(child, parent)
            elif child.tag == qn("w:tbl"):
                yield Table(child, parent)
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    yield from walk(content)
            elif child.tag == qn("w:customXml"):
                yield from walk(child)

    return walk(parent._element)


def _block_lines(container: Any, part: str, styles: _Styles, depth: int = 0) -> list[Line]:
    from docx.table import Table

    lines: list[Line] = []
    for block in _inner_content(container):
        if isinstance(block, Table):
            lines.extend(_table_lines(block, part, depth, styles))
        else:
            lines.extend(_paragraph_line(block, part, styles))
    return lines


def read_docx_lines(path: Path) -> list[Line]:
    _check_archive(path)
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many types for a damaged package
        raise InputFileError(f"{path}: cannot open this .docx ({type(exc).__name__}); is it damaged?") from exc
    styles = _Styles(document)
    seen: set[str] = set()

    def margin_lines(part: str) -> list[Line]:
        """Headers or footers of every section, each text once (sections often repeat them)."""
        lines = []
        for section in document.sections:
            for block in (getattr(section, part), getattr(section, f"first_page_{part}")):
                if block.is_linked_to_previous:
                    continue
                for line in _block_lines(block, part, styles):
                    if line.text not in seen:
                        seen.add(line.text)
                        lines.append(line)
        return lines

    return margin_lines("header") + _block_lines(document, "body", styles) + margin_lines("footer")
