"""Readers per format → one ParsedCV.

Light to import on purpose (no pydantic, no reader library): `Reading` can start reading a .docx or PDF in
a child process before the caller has loaded the rest of the program.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from translator.errors import (
    InputFileError,
    NoCVFoundError,
    TemplateCVError,
    TranslatorError,
    UnsupportedFormatError,
)
from translator.parse.bounded import Bounded
from translator.parse.text import WISH_LABEL, Line, set_aside

if TYPE_CHECKING:
    from translator.models import ParsedCV, Profile, Section
    from translator.parse.linkedin import Record

MAX_BYTES = 10 * 1024 * 1024
_ASK_TO_CONVERT = {".doc", ".rtf", ".pages", ".odt", ".wpd", ".html", ".htm"}


def _sniff(path: Path, head: bytes) -> str:
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnsupportedFormatError(
            f"{path}: an old Word .doc or a password-protected document; save it as .docx or PDF"
        )
    if head.startswith(b"{\\rtf"):
        raise UnsupportedFormatError(f"{path}: an RTF file; save it as .docx or PDF")
    if suffix == ".docx" and head.startswith(b"PK"):
        return "docx"
    if suffix == ".zip" and head.startswith(b"PK"):
        return "linkedin"  # LinkedIn's data export; the reader says so when the ZIP is something else
    if suffix in _ASK_TO_CONVERT or (suffix == ".docx" and not head.startswith(b"PK")):
        raise UnsupportedFormatError(f"{path}: this file type is not supported; save it as .docx or PDF")
    if suffix in {".txt", ".text", ""}:
        return "txt"
    if suffix in {".md", ".markdown"}:
        return "md"
    if suffix == ".pdf":
        raise InputFileError(f"{path}: not a valid PDF (no PDF header)")
    raise UnsupportedFormatError(
        f"{path}: unsupported file type {suffix!r}; use .docx, .pdf, .txt, .md or LinkedIn's data export (.zip)"
    )


def _text_lines(path: Path, data: bytes, markdown: bool) -> list[Line]:
    from translator.parse.plain import decode, linkedin_page_copy, read_markdown_lines, read_text_lines

    if b"\x00" in data[:4096]:
        raise InputFileError(f"{path}: binary data, not text")
    text = decode(data)
    if (page := linkedin_page_copy(text)) is not None:
        return read_text_lines(page)  # a LinkedIn page copied as text, whatever the file is called
    return read_markdown_lines(text) if markdown else read_text_lines(text)


def _kind(path: Path) -> str:
    """The file's format, or one clear InputFileError before anything is read."""
    if not path.exists():
        raise InputFileError(f"{path}: no such file")
    if path.is_dir():
        from translator.parse.linkedin import is_export

        if is_export([p.name for p in path.iterdir()]):
            return "linkedin"  # LinkedIn's data export, unzipped
        raise InputFileError(f"{path}: is a folder, not a CV file (nor a LinkedIn data export)")
    size = path.stat().st_size
    if size == 0:
        raise InputFileError(f"{path}: the file is empty")
    if size > MAX_BYTES:
        raise InputFileError(f"{path}: {size / 1e6:.0f} MB is over the 10 MB limit for a CV")
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read the file ({exc.strerror})") from exc
    return _sniff(path, head)


def _file_lines(path: Path, kind: str) -> list[Line] | Record:
    if kind == "linkedin":
        from translator.parse.linkedin import read_export

        return read_export(path)
    if kind == "pdf":
        from translator.parse.linkedin_pdf import read_profile
        from translator.parse.pdf import read_pdf_lines

        if (record := read_profile(path)) is not None:  # LinkedIn's "Save to PDF", read by its layout
            return record

        return read_pdf_lines(path)
    if kind == "docx":
        from translator.parse.docx import read_docx_lines

        return read_docx_lines(path)
    return _text_lines(path, path.read_bytes(), markdown=kind == "md")


def read_lines(path: Path) -> tuple[str, list[Line]]:
    """The file's format and its lines, read in this process (for tests and tools; read_cv bounds the read).
    LinkedIn's own files are read as fields, not lines: they give none."""
    kind = _kind(Path(path))
    read = _file_lines(Path(path), kind)
    return kind, read if isinstance(read, list) else []


class Reading:
    """One CV file being read: its format checked at once (bad input raises here), and a .docx or PDF read
    from then on in a child process under a time and memory limit, which imports its reader library itself.

    Use it as a context manager, so that an error before cv() leaves no reading child behind.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.kind = _kind(self.path)
        self._child = (
            Bounded(_file_lines, self.path, self.kind, name=str(self.path))
            if self.kind in ("docx", "pdf", "linkedin")
            else None
        )

    def cv(self, meanwhile: Callable[[], object] | None = None) -> ParsedCV:
        """The parsed CV, or one clear TranslatorError. `meanwhile` is the caller's next work, run here while
        the child reads."""
        if self._child is not None:
            lines = self._child.result(meanwhile)
        else:
            lines = _file_lines(self.path, self.kind)
            if meanwhile is not None:
                meanwhile()
        return _parsed(self.path, self.kind, lines)

    def close(self) -> None:
        if self._child is not None:
            self._child.close()

    def __enter__(self) -> Reading:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


IDENTIFIER_REASON = "a licence, NPI or DEA number, which a resume sent to strangers leaves out"


def _without_identifiers(lines: list[Line]) -> list[Line]:
    """Licence, NPI and DEA numbers never enter the parsed CV; a line that held nothing else is set aside."""
    from translator.identifiers import without_identifiers

    for line in lines:
        if line.set_aside:
            continue
        cleaned = without_identifiers(line.text)
        if cleaned != line.text:
            if cleaned:
                line.text = cleaned
            else:
                line.set_aside = IDENTIFIER_REASON
                line.text = "(a licence, NPI or DEA number)"
    return lines


# A template's fields: "[Institution Name]", "[Start Year]", "{fullName}", "{-w:p name}".
_PLACEHOLDER = re.compile(r"\[[A-Za-z!][^\[\]]{1,60}\]|\{[#/^!-]?[A-Za-z][\w:. -]{0,40}\}")
TEMPLATE_SHARE = 0.4  # of the lines with text: a CV template, not a CV that quotes "[1]" once


def _refuse_a_template(path: Path, lines: list[Line]) -> None:
    texts = [line.text for line in lines if line.text.strip()]
    held = [m.group(0) for t in texts if (m := _PLACEHOLDER.search(t))]
    if len(held) >= 5 and len(held) >= TEMPLATE_SHARE * len(texts):
        examples = " and ".join(f'"{h}"' for h in list(dict.fromkeys(held))[:2])
        raise TemplateCVError(
            f"{path}: this is a CV template, not a CV: {len(held)} of its {len(texts)} lines are placeholders "
            f"such as {examples}; fill in your own details and run again"
        )


def _from_record(path: Path, kind: str, record: Record) -> ParsedCV:
    """A LinkedIn profile (its data export or its PDF) as a CV: its fields are the sections, read as they are."""
    from translator.identifiers import without_identifiers
    from translator.models import LinkedInNow, ParsedCV
    from translator.parse.linkedin import profile_lines, record_profile, sections_of
    from translator.parse.profile import extract_profile
    from translator.parse.structure import credentials_apart

    sections = sections_of(record)
    for section in sections:  # licence, NPI and DEA numbers never enter the parsed CV
        for entry in section.entries:
            entry.lines = [c for t in entry.lines if (c := without_identifiers(t))]
            for bullet in entry.bullets:
                bullet.text = without_identifiers(bullet.text) or ""
            entry.bullets = [b for b in entry.bullets if b.text]
    # privileges, life-support cards and registrations to prescribe are set aside here as in any CV
    sections, not_used = credentials_apart(sections)
    head = [Line(text=t) for t in profile_lines(record)]
    every = [*(line.text for line in head)] + [
        t for s in sections for e in s.entries for t in [e.title or "", e.organization or "", *e.lines]
    ]
    every += [b.text for _, _, b in ((s, e, b) for s in sections for e in s.entries for b in e.bullets)]
    profile = record_profile(record, extract_profile(head, sections, "\n".join(t for t in every if t)))
    cv = ParsedCV(
        source=str(path),
        format=kind,  # type: ignore[arg-type]
        profile=profile,
        sections=sections,
        not_used=not_used,
        linkedin=LinkedInNow(headline=record.headline, about=record.summary, skills=record.skills),
    )
    if not cv.all_bullets() and not record.name:
        raise NoCVFoundError(f"{path}: no profile found (no name, positions or duties)")
    return cv


NAME_SIZE = 1.5  # times the body's type: a name set this large at the top of a page is the name


def _name_first(lines: list[Line]) -> list[Line]:
    """A page whose sidebar is read before its main column ("CONTACT", "SKILLS", … then "Elena M. Vasquez, MD"
    in 28-point type) gives the name after the sections have begun: the line set in the largest type, when it
    reads as a name, goes first, where the contact block is read, and the line under it (a tagline) with it."""
    from statistics import median

    from translator.parse.profile import name_of
    from translator.parse.structure import section_kind

    kept = [line for line in lines[:80] if line.size and not line.set_aside]
    if not kept:
        # a word processor's file marks the name by its Title style: a sidebar's frame read before the body ("CONTACT",
        # "CORE SKILLS", … then "Jonah E. Strickland, MD") gives it after the sections have begun
        titled = next(
            (n for n, line in enumerate(lines[:80]) if line.heading and line.level == 0 and name_of(line.text)), None
        )
        if titled is None or not any(section_kind(line.text) for line in lines[:titled]):
            return lines
        moved = [lines[titled]]
        under = lines[titled + 1] if titled + 1 < len(lines) else None
        # "Interventional Pain Medicine · Anesthesiology · Neuromodulation": a tagline of fields, with the name
        if under is not None and _A_TAGLINE.fullmatch(under.text) and not (under.heading or under.set_aside):
            moved += [under] if section_kind(under.text) is None and not under.bullet else []
        return [*moved, *(line for line in lines if all(line is not m for m in moved))]
    body = median(line.size for line in kept)
    top = max(kept, key=lambda line: line.size)
    if top is kept[0] or top.size < NAME_SIZE * body or name_of(top.text) is None:
        return lines
    at = lines.index(top)
    if not any(section_kind(line.text) for line in lines[:at]):
        return lines  # no section has begun above it: the contact block reads it where it is
    moved = [top]
    under = lines[at + 1] if at + 1 < len(lines) else None
    if under is not None and under.size > body and not under.heading and not under.set_aside:
        moved.append(under)  # "Pediatric Endocrinology · Type 1 Diabetes & Diabetes Technology"
    return [*moved, *(line for line in lines if all(line is not m for m in moved))]


_A_TAGLINE = re.compile(r"[^·|]{2,40}(?:\s[·|]\s[^·|]{2,40}){1,4}")
# A paragraph of prose: twelve words or more, with a sentence's end or a verb of the first person in it.
_A_PROFILE_PARAGRAPH = re.compile(r"^(?=(?:\S+\s+){11}\S)(?=.*(?:[a-z]\.\s|[a-z]\.$|\b(?:I|my|with)\b))")


def _head_block_inside(preamble: list[Line], sections: list[Section]) -> list[Line]:
    """The CV's head block read into a section above it, where a sidebar's sections come first in the text (a
    LinkedIn profile's PDF copied as text: Contact, Top Skills, Languages, Certifications, then "Dr. Chiamaka
    Nwachukwu-Adeyemi, MBBS, MPH, FWACP (Community Health)" and her headline, town and "Open to work" line): when
    the head above names no one, a line of a name with post-nominals after it, and the lines under it to the end
    of its entry, are taken out of the section as the head. Returns them."""
    from translator.parse.profile import listed_credentials, name_of

    if any(name_of(line.text) for line in preamble[:8]):
        return []
    for section in sections:
        for entry in section.entries:
            for held in (entry.lines, entry.bullets):
                texts = [t if isinstance(t, str) else t.text for t in held]
                for at, text in enumerate(texts):
                    name, comma, after = text.partition(", ")
                    if comma and name_of(name) and listed_credentials(after):
                        del held[at:]
                        return [Line(text=t) for t in texts[at:]]
    return []


def _parsed(path: Path, kind: str, lines: list[Line] | Record) -> ParsedCV:
    from translator.models import Entry, ParsedCV, Section
    from translator.parse.profile import extract_profile
    from translator.parse.structure import build_sections

    if not isinstance(lines, list):
        return _from_record(path, kind, lines)
    _refuse_a_template(path, lines)
    for n, line in enumerate(lines):  # page footers, "References available on request", the document's title
        if n < 3 and (titled := _NAME_THEN_TITLE.match(line.text)) and not line.set_aside:
            line.text = titled.group(1)  # "Dr. Geneviève Tremblay-Okafor — CV": the name, the document's word left
        line.set_aside = line.set_aside or set_aside(line.text)
    lines = _name_first(_without_identifiers(lines))
    preamble, sections, not_used = build_sections(lines)
    preamble += _head_block_inside(preamble, sections)
    profile = extract_profile(preamble, sections, "\n".join(line.text for line in lines if not line.set_aside))
    _contact_from_the_mail(profile, lines)
    prose = [line.text for line in preamble if _A_PROFILE_PARAGRAPH.search(line.text) and "@" not in line.text]
    # a wish labelled in the head ("Open to work: Pharmacovigilance Physician, …", "Looking for: …"): the summary's
    prose += [line.text for line in preamble if WISH_LABEL.match(line.text) and line.text not in prose]
    for section in sections:  # … and one set among the contact details ("DESIRED POSITION: Clinical Lead / …")
        if section.kind == "contact":
            for entry in section.entries:
                wishes = [t for t in entry.lines if WISH_LABEL.match(t)]
                entry.lines = [t for t in entry.lines if t not in wishes]
                prose += [t for t in wishes if t not in prose]
    summary = next((s for s in sections if s.kind == "summary"), None)
    if prose and summary is None:
        # a profile paragraph under the name with no heading of its own ("Transplant nephrologist with nine years
        # of academic practice … I am now seeking a physician role in drug safety"): the CV's summary
        sections.insert(0, Section(heading="Profile", kind="summary", entries=[Entry(lines=prose)]))
    elif prose and summary is not None:
        # … and above a summary of its own ("Looking for: Medical Director / Head - Utilisation Review … with a
        # health insurer or TPA" over "PROFILE SUMMARY"): the summary's first lines
        if not summary.entries:
            summary.entries.append(Entry())
        summary.entries[0].lines[:0] = [p for p in prose if p not in summary.entries[0].lines]
    cv = ParsedCV(
        source=str(path),
        format=kind,  # type: ignore[arg-type]
        profile=profile,
        sections=sections,
        not_used=not_used,
    )
    if not cv.all_bullets() and not (profile.email or (profile.name and sections)):
        raise NoCVFoundError(f"{path}: no CV found (no sections, bullets or contact details)")
    return cv


def _contact_from_the_mail(profile: Profile, lines: list[Line]) -> None:
    """A CV pasted into the physician's own e-mail: the address it was sent from ("From: Colleen Thibodeau-Grant
    <cthibgrant@…>") and the phone of the signature under her name are hers, when the CV itself gives none."""
    from translator.identifiers import EMAIL, PHONE

    surname = (profile.name or "").split()[-1:] or [""]
    if not surname[0]:
        return
    mine = surname[0].lower()
    mail = [line.text for line in lines if line.set_aside and _MAIL_REASONS.search(line.set_aside)]
    if not profile.email:
        sent = [t for t in mail if t.lower().startswith("from:") and mine in t.lower()]
        if sent and (found := EMAIL.search(sent[0])):
            profile.email = found.group(0)
    signature = [line.text for line in lines if line.set_aside and "signature" in line.set_aside]
    if not profile.phone and any(mine in t.lower() for t in signature):
        signed = [t for t in signature if PHONE.search(t)]
        if signed and (found := PHONE.search(signed[0])):
            profile.phone = found.group(0)


_MAIL_REASONS = re.compile(r"cover note|signature|forwarded")
# a name, then what the document is: "Dr. Geneviève Tremblay-Okafor — CV", "Jane Roe | Curriculum Vitae"
_NAME_THEN_TITLE = re.compile(
    r"^((?:Dr\.?\s+)?[A-ZÀ-Ý][\w'’.-]+(?:\s+[A-ZÀ-Ý][\w'’.-]*){1,3})\s+[-–—|:]\s+(?i:curriculum\s+vitae|CV|r[ée]sum[ée])$"
)


def read_cv(path: Path, meanwhile: Callable[[], object] | None = None) -> ParsedCV:
    """Read a CV file into the parsed model, or raise one clear TranslatorError (see Reading)."""
    with Reading(path) as reading:
        return reading.cv(meanwhile)


def read_cv_bytes(data: bytes, filename: str) -> ParsedCV:
    """Read an uploaded CV: the bytes go into a private temporary folder (in memory where /dev/shm
    exists) that is removed before this returns; errors name the file as the user called it."""
    import os
    import re
    import tempfile

    name = re.sub(r"[^\w.() -]+", "_", Path(filename.replace("\\", "/")).name).strip(" .")[-120:] or "cv"
    memory = Path("/dev/shm")
    folder = memory if memory.is_dir() and os.access(memory, os.W_OK) else None
    with tempfile.TemporaryDirectory(prefix="cv-translator-", dir=folder) as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            cv = read_cv(path)
        except TranslatorError as exc:  # the errors name the file as the user called it, not the folder
            raise type(exc)(str(exc).replace(str(path), name)) from None
    cv.source = name
    return cv
