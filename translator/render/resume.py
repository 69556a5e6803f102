"""The ATS-friendly industry resume: one column, real Word bullet lists, standard headings, ≤ 2 pages."""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass
from typing import Literal

from translator.models import Entry, ParsedCV, Report, Section

MAX_BULLETS_PER_ENTRY = 5
MAX_PUBLICATIONS = 5
# Calibrated against LibreOffice's rendering of our own output (Calibri 10.5 pt, these margins):
# about 40 estimated lines fit a page (measured on a 3-page input; see tests/render).
PAGE_LINES = 45
MAX_PAGES = 2
_XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

EXPERIENCE_KINDS = {"experience", "leadership", "committees", "teaching", "other", "training"}
RESEARCH_KINDS = {"research"}
EDUCATION_KINDS = {"education"}
PUBLICATION_KINDS = {"publications", "presentations"}

BlockKind = Literal["name", "contact", "heading", "text", "entry", "bullet"]


@dataclass
class Block:
    kind: BlockKind
    text: str
    entry: int = -1  # which experience entry a bullet or entry heading belongs to (0 = most recent)
    rank: int = 0  # how many competencies a bullet shows: the weakest go first when space runs out

    @property
    def lines(self) -> float:
        width, extra = {
            "name": (60, 1.2),
            "contact": (100, 0.3),
            "heading": (80, 1.2),
            "text": (100, 0.4),
            "entry": (92, 0.6),
            "bullet": (86, 0.15),
        }[self.kind]
        return math.ceil(max(len(self.text), 1) / width) + extra


def _safe(text: str) -> str:
    """User text cannot break the document's XML."""
    return _XML_UNSAFE.sub("", text)


def _entry_heading(entry: Entry) -> str:
    parts = [p for p in (entry.title, entry.organization) if p]
    text = " — ".join(parts)
    return f"{text} | {entry.dates}" if entry.dates and text else (text or entry.dates or "")


def _end_year(dates: str | None) -> int:
    """The year an entry ended: 9999 for "Present", 0 when unknown (sorting is stable, so CV order holds)."""
    if not dates:
        return 0
    if re.search(r"present|current|now|ongoing", dates, re.IGNORECASE):
        return 9999
    years = [int(y) for y in re.findall(r"(?:19|20)\d{2}", dates)]
    return max(years, default=0)


def estimated_pages(blocks: list[Block]) -> float:
    return sum(b.lines for b in blocks) / PAGE_LINES


def plan_resume(cv: ParsedCV, report: Report) -> list[Block]:
    """Every paragraph of the resume in order, trimmed to fit two pages."""
    rewrites = {(b.section, b.entry, b.text): b for b in report.bullets}
    profile = cv.profile
    name = (profile.name or "Your Name") + (", " + ", ".join(profile.credentials) if profile.credentials else "")
    blocks = [Block("name", name)]
    contact = " | ".join(p for p in (profile.location, profile.phone, profile.email) if p)
    if contact:
        blocks.append(Block("contact", contact))
    blocks += [Block("heading", "Summary"), Block("text", report.summary)]
    blocks += [Block("heading", "Core Competencies"), Block("text", " | ".join(report.core_competencies))]

    def by_kind(kinds: set[str]) -> list[Section]:
        return [s for s in cv.sections if s.kind in kinds]

    groups = [
        (
            "Professional Experience",
            [(s, e) for s in by_kind(EXPERIENCE_KINDS) for e in s.entries if e.bullets or e.title],
        ),
        (
            "Clinical Research / Trials",
            [(s, e) for s in by_kind(RESEARCH_KINDS) for e in s.entries if e.bullets or e.title],
        ),
    ]
    # Trimming takes from the oldest entries first: rank entries by their end year ("Present" is newest),
    # in CV order where the dates say nothing.
    every = [e for _, pairs in groups for _, e in pairs]
    recency = {id(e): rank for rank, e in enumerate(sorted(every, key=lambda e: -_end_year(e.dates)))}
    for heading, entries in groups:
        if not entries:
            continue
        blocks.append(Block("heading", heading))
        for section, entry in entries:
            entry_index = recency[id(entry)]
            if entry.title or entry.organization:
                blocks.append(Block("entry", _entry_heading(entry), entry=entry_index))
            items = [rewrites.get((section.heading, entry.label, b.text)) for b in entry.bullets]
            translated = [i for i in items if i is not None]
            keep = sorted(translated, key=lambda i: len(i.competencies), reverse=True)[:MAX_BULLETS_PER_ENTRY]
            for item in (i for i in translated if i in keep):
                blocks.append(Block("bullet", item.rewrite, entry=entry_index, rank=len(item.competencies)))

    education = [e for s in by_kind(EDUCATION_KINDS) for e in s.entries]
    lines = [t for e in education if (t := _entry_heading(e) or "; ".join(b.text for b in e.bullets))]
    if lines:
        blocks.append(Block("heading", "Education & Training"))
        blocks += [Block("text", t) for t in lines]

    certification = by_kind({"certification"})
    certs = [b.text for s in certification for e in s.entries for b in e.bullets]
    certs += [line for s in certification for e in s.entries for line in (*e.lines, e.title or "") if line]
    if certs:
        blocks.append(Block("heading", "Board Certification & Licensure"))
        blocks += [Block("bullet", line) for line in dict.fromkeys(certs)]

    publications = [b.text for s in by_kind(PUBLICATION_KINDS) for e in s.entries for b in e.bullets]
    publications += [e.title for s in by_kind(PUBLICATION_KINDS) for e in s.entries if e.title and not e.bullets]
    if publications:
        shown = publications[:MAX_PUBLICATIONS]
        heading = "Selected Publications & Presentations"
        if len(publications) > len(shown):
            heading += f" ({len(shown)} of {len(publications)})"
        blocks.append(Block("heading", heading))
        blocks += [Block("bullet", line) for line in shown]
    return fit_to_pages(blocks)


def _keep_at_least(entry: int) -> int:
    """Bullets an entry keeps before older entries are dropped whole: the recent jobs matter most."""
    return {0: 3, 1: 2}.get(entry, 1)


def fit_to_pages(blocks: list[Block]) -> list[Block]:
    """Trim to MAX_PAGES: weak bullets of old entries, then old entries, then bullets of recent ones.

    Each pass orders its candidates once and removes from the front, so a CV with thousands of
    bullets is trimmed in n·log n, not n².
    """
    budget = MAX_PAGES * PAGE_LINES
    total = sum(b.lines for b in blocks)
    if total <= budget:
        return list(blocks)
    removed: set[int] = set()
    counts: dict[int, int] = {}
    for b in blocks:
        if b.kind == "bullet" and b.entry >= 0:
            counts[b.entry] = counts.get(b.entry, 0) + 1
    order = sorted(
        (i for i, b in enumerate(blocks) if b.kind == "bullet" and b.entry >= 0),
        key=lambda i: (blocks[i].rank, -blocks[i].entry, -i),
    )

    def trim(floor: bool) -> None:
        nonlocal total
        for i in order:
            if total <= budget:
                return
            entry = blocks[i].entry
            if i in removed or counts[entry] <= (_keep_at_least(entry) if floor else 1):
                continue
            removed.add(i)
            counts[entry] -= 1
            total -= blocks[i].lines

    trim(floor=True)
    entries = sorted({b.entry for b in blocks if b.entry >= 0}, reverse=True)
    for entry in entries[:-2]:  # then whole entries, oldest first, keeping the two most recent
        if total <= budget:
            break
        for i, b in enumerate(blocks):
            if b.entry == entry and i not in removed:
                removed.add(i)
                total -= b.lines
        counts[entry] = 0
    trim(floor=False)
    return [b for i, b in enumerate(blocks) if i not in removed]


def build_resume(cv: ParsedCV, report: Report) -> bytes:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    styles = document.styles
    normal, bullets, heading = styles["Normal"], styles["List Bullet"], styles["Heading 1"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(3)
    bullets.paragraph_format.space_after = Pt(1)
    heading.font.size = Pt(13)
    heading.paragraph_format.space_before = Pt(10)
    heading.paragraph_format.space_after = Pt(3)
    for section in document.sections:
        section.top_margin = section.bottom_margin = Pt(50)
        section.left_margin = section.right_margin = Pt(56)
    # Style ids set directly: python-docx rescans every style for each lookup by name.
    bullet_style = bullets.style_id
    heading_style = heading.style_id
    for block in plan_resume(cv, report):
        text = _safe(block.text)
        if block.kind == "heading":
            document.add_paragraph(text)._p.style = heading_style
        elif block.kind == "bullet":
            document.add_paragraph(text)._p.style = bullet_style
        elif block.kind in {"name", "entry"}:
            run = document.add_paragraph().add_run(text)
            run.bold = True
            if block.kind == "name":
                run.font.size = Pt(16)
        else:
            document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
