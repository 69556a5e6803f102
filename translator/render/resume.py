"""The ATS-friendly industry resume: one column, real Word bullet lists, standard headings."""

from __future__ import annotations

import io
import re

from translator.models import BulletTranslation, Entry, ParsedCV, Report, Section

MAX_BULLETS_PER_ENTRY = 5
MAX_EXPERIENCE_BULLETS = 16
MAX_PUBLICATIONS = 5
_XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

EXPERIENCE_KINDS = {"experience", "leadership", "committees", "teaching", "other"}
RESEARCH_KINDS = {"research"}
EDUCATION_KINDS = {"education", "training"}
PUBLICATION_KINDS = {"publications", "presentations"}


def _safe(text: str) -> str:
    """User text cannot break the document's XML."""
    return _XML_UNSAFE.sub("", text)


def _entry_heading(entry: Entry) -> str:
    parts = [p for p in (entry.title, entry.organization) if p]
    text = " — ".join(parts)
    return f"{text} | {entry.dates}" if entry.dates and text else (text or entry.dates or "")


def _rank(item: BulletTranslation) -> int:
    return len(item.competencies)


def build_resume(cv: ParsedCV, report: Report) -> bytes:
    import docx
    from docx.shared import Pt

    rewrites = {(b.section, b.entry, b.text): b for b in report.bullets}
    document = docx.Document()
    bullet_style_id = document.styles["List Bullet"].style_id

    def add_bullet(text: str) -> None:
        # Setting the style id directly: python-docx rescans every style for each add_paragraph(style=...).
        document.add_paragraph(_safe(text))._p.style = bullet_style_id

    style = document.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(10.5)
    for section in document.sections:
        section.top_margin = section.bottom_margin = Pt(50)
        section.left_margin = section.right_margin = Pt(56)

    profile = cv.profile
    name = profile.name or "Your Name"
    if profile.credentials:
        name += ", " + ", ".join(profile.credentials)
    title = document.add_paragraph()
    run = title.add_run(_safe(name))
    run.bold = True
    run.font.size = Pt(16)
    contact = " | ".join(p for p in (profile.location, profile.phone, profile.email) if p)
    if contact:
        document.add_paragraph(_safe(contact))

    document.add_heading("Summary", level=1)
    document.add_paragraph(_safe(report.summary))
    document.add_heading("Core Competencies", level=1)
    document.add_paragraph(_safe(" | ".join(report.core_competencies)))

    def add_entries(heading: str, sections: list[Section], budget: int) -> None:
        entries = [(s, e) for s in sections for e in s.entries if e.bullets or e.title]
        if not entries:
            return
        document.add_heading(heading, level=1)
        used = 0
        for section, entry in entries:
            if entry.title or entry.organization:
                para = document.add_paragraph()
                para.add_run(_safe(_entry_heading(entry))).bold = True
            chosen = [rewrites.get((section.heading, entry.label, b.text)) for b in entry.bullets]
            items = [c for c in chosen if c is not None]
            keep = sorted(items, key=_rank, reverse=True)[: min(MAX_BULLETS_PER_ENTRY, max(budget - used, 1))]
            for item in [i for i in items if i in keep]:
                add_bullet(item.rewrite)
                used += 1

    by_kind = lambda kinds: [s for s in cv.sections if s.kind in kinds]  # noqa: E731
    add_entries("Professional Experience", by_kind(EXPERIENCE_KINDS), MAX_EXPERIENCE_BULLETS)
    add_entries("Clinical Research / Trials", by_kind(RESEARCH_KINDS), 8)

    education = [e for s in by_kind(EDUCATION_KINDS) for e in s.entries]
    if education:
        document.add_heading("Education & Training", level=1)
        for entry in education:
            text = _entry_heading(entry) or "; ".join(b.text for b in entry.bullets)
            if text:
                document.add_paragraph(_safe(text))

    certs = [b.text for s in by_kind({"certification"}) for e in s.entries for b in e.bullets]
    certs += [
        line
        for s in by_kind({"certification"})
        for e in s.entries
        for line in (*e.lines, e.title or "")
        if line
    ]
    if certs:
        document.add_heading("Board Certification & Licensure", level=1)
        for line in dict.fromkeys(certs):
            add_bullet(line)

    publications = [b.text for s in by_kind(PUBLICATION_KINDS) for e in s.entries for b in e.bullets]
    publications += [
        e.title for s in by_kind(PUBLICATION_KINDS) for e in s.entries if e.title and not e.bullets
    ]
    if publications:
        shown = publications[:MAX_PUBLICATIONS]
        heading = "Selected Publications & Presentations"
        if len(publications) > len(shown):
            heading += f" ({len(shown)} of {len(publications)})"
        document.add_heading(heading, level=1)
        for line in shown:
            add_bullet(line)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
