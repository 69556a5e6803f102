"""LinkedIn's own files read as a CV: the data export ("Get a copy of your data": a ZIP of CSV files, or the
folder it unzips to) and, in linkedin_pdf.py, the profile PDF ("More → Save to PDF").

Both become a Record — the profile as LinkedIn holds it — and then a ParsedCV built directly from its fields,
with no guessing at layout: each position an entry (title, company and place, dates), its description split
into duties. Only the physician's own files are opened; the export's files about other people (connections,
messages, invitations) are never read, so nothing of theirs can reach an output. Licence numbers and
certificate links (which carry them) are never read either.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from translator.errors import InputFileError
from translator.identifiers import linkedin_address
from translator.models import Bullet, Entry, Profile, Section

# The export's files this reader opens, by lower-case name; every other file is left closed.
EXPORT_FILES = (
    "profile.csv",
    "positions.csv",
    "education.csv",
    "skills.csv",
    "certifications.csv",
    "email addresses.csv",
    "phonenumbers.csv",
    "languages.csv",
)
MAX_MEMBERS = 2000  # files in an export; a "complete" one holds a few hundred
MAX_FILE_BYTES = 16 * 1024 * 1024  # one CSV of ours, inflated; a physician's Positions.csv is a few KB
MAX_RATIO = 200  # inflated size over compressed size for one member: a zip bomb's is in the thousands
_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
MARK = re.compile(r"^\s*(?:[•▪◦●‣⁃∙*]|[-–—](?=\s))\s*")  # a line's bullet mark, as LinkedIn users type it


@dataclass
class Position:
    title: str
    company: str
    location: str = ""
    start: str = ""  # as the source writes it: "Mar 2021", "March 2021", "2013"
    end: str = ""  # "" while it goes on
    description: str = ""

    @property
    def dates(self) -> str:
        if not self.start:
            return ""
        return f"{self.start} – {self.end or 'Present'}"


@dataclass
class School:
    school: str
    degree: str = ""
    start: str = ""
    end: str = ""
    notes: str = ""


@dataclass
class Record:
    """A LinkedIn profile as LinkedIn holds it."""

    name: str = ""
    headline: str = ""
    location: str = ""
    summary: str = ""
    email: str = ""
    phone: str = ""
    linkedin: str = ""
    positions: list[Position] = field(default_factory=list)
    education: list[School] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    certifications: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    honors: list[str] = field(default_factory=list)
    publications: list[str] = field(default_factory=list)


def duties(description: str) -> list[str]:
    """A position's description as duties: one per line, a leading '•' or '-' removed; a line that holds
    several sentences gives one duty a sentence."""
    from translator.parse.structure import sentences

    found: list[str] = []
    for line in description.splitlines():
        text = MARK.sub("", line).strip()
        if text:
            found += [s.strip() for s in sentences(text) if s.strip()] or [text]
    return found


def _entry(title: str, organization: str, place: str, dates: str, items: list[str]) -> Entry:
    where = ", ".join(p for p in (organization.strip(), place.strip()) if p)
    return Entry(
        title=title.strip() or None,
        organization=where or None,
        dates=dates or None,
        bullets=[Bullet(text=t) for t in items],
    )


def sections_of(record: Record) -> list[Section]:
    """The record as the CV's sections, in a resume's order."""
    sections: list[Section] = []
    if record.summary.strip():
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", record.summary) if p.strip()]
        sections.append(Section(heading="Summary", kind="summary", entries=[Entry(lines=paragraphs)]))
    if record.positions:
        entries = [_entry(p.title, p.company, p.location, p.dates, duties(p.description)) for p in record.positions]
        sections.append(Section(heading="Experience", kind="experience", entries=entries))
    if record.education:
        entries = []
        for school in record.education:
            dates = " – ".join(d for d in (school.start, school.end) if d)
            entry = _entry(school.degree, school.school, "", dates, [])
            entry.lines = [school.notes] if school.notes.strip() else []
            entries.append(entry)
        sections.append(Section(heading="Education", kind="education", entries=entries))
    for heading, kind, items in (
        ("Licenses & Certifications", "certification", record.certifications),
        ("Honors & Awards", "awards", record.honors),
        ("Publications", "publications", record.publications),
        ("Skills", "skills", record.skills),
        ("Languages", "skills", record.languages),
    ):
        if items:
            sections.append(
                Section(heading=heading, kind=kind, entries=[Entry(bullets=[Bullet(text=t) for t in items])])  # type: ignore[arg-type]
            )
    return sections


def profile_lines(record: Record) -> list[str]:
    """The head of the CV: the name, then the contact details."""
    contact = " | ".join(p for p in (record.email, record.phone, record.location) if p)
    return [line for line in (record.name, contact) if line]


# ---------------------------------------------------------------------------------------------------------------
# the data export
# ---------------------------------------------------------------------------------------------------------------


def export_members(names: list[str]) -> dict[str, str]:
    """The export's files this reader opens: lower-case base name → the member's name."""
    found: dict[str, str] = {}
    for name in names:
        base = name.replace("\\", "/").rsplit("/", 1)[-1].lower()
        if base in EXPORT_FILES and base not in found:
            found[base] = name
    return found


def is_export(names: list[str]) -> bool:
    members = export_members(names)
    return "profile.csv" in members or "positions.csv" in members


def _rows(text: str) -> list[dict[str, str]]:
    """A CSV file's records by header, after the BOM and any 'Notes:' paragraph LinkedIn puts above the header;
    extra columns are kept, missing ones read as empty."""
    text = text.lstrip("\ufeff")
    if text.startswith("Notes:"):
        # The preamble is the "Notes:" line, a quoted paragraph and a blank line; the header follows it.
        rows = list(csv.reader(io.StringIO(text)))
        start = next((i for i, row in enumerate(rows) if i and not any(c.strip() for c in row)), 0) + 1
        rows = rows[start:]
    else:
        rows = list(csv.reader(io.StringIO(text)))
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        return []
    header = [h.strip() for h in rows[0]]
    return [{h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)} for row in rows[1:]]


def _read_zip(path: Path) -> dict[str, str]:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise InputFileError(f"{path}: not a valid ZIP file (corrupt or truncated)") from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise InputFileError(f"{path}: {len(infos)} files in the ZIP; a LinkedIn export holds far fewer")
        names = [i.filename for i in infos]
        if not is_export(names):
            raise InputFileError(
                f"{path}: a ZIP that is no LinkedIn data export (no Profile.csv or Positions.csv); "
                "send a CV as .docx, PDF, .txt or .md"
            )
        texts: dict[str, str] = {}
        for base, name in export_members(names).items():
            info = archive.getinfo(name)
            if info.file_size > MAX_FILE_BYTES or info.file_size > MAX_RATIO * max(info.compress_size, 1024):
                raise InputFileError(f"{path}: {name} inflates to {info.file_size / 1e6:.0f} MB; refusing to read it")
            data = b""
            with archive.open(info) as member:  # counted while inflating: a declared size is not trusted
                while chunk := member.read(65536):
                    data += chunk
                    if len(data) > MAX_FILE_BYTES:
                        raise InputFileError(f"{path}: {name} inflates to over 16 MB; refusing to read it")
            texts[base] = data.decode("utf-8", errors="replace")
        return texts


def _read_folder(path: Path) -> dict[str, str]:
    texts: dict[str, str] = {}
    for base, name in export_members([p.name for p in path.iterdir() if p.is_file()]).items():
        file = path / name
        if file.stat().st_size > MAX_FILE_BYTES:
            raise InputFileError(f"{file}: over 16 MB; a LinkedIn export's {name} is a few KB")
        texts[base] = file.read_bytes().decode("utf-8", errors="replace")
    return texts


def _month(text: str) -> str:
    """'Mar 2021' as written; 'March 2021' and '2021' too; anything else is dropped."""
    text = text.strip()
    return text if re.fullmatch(rf"(?:(?:{_MONTHS})[a-z]*\.?\s+)?(?:19|20)\d{{2}}", text) else ""


def read_export(path: Path) -> Record:
    texts = _read_folder(path) if path.is_dir() else _read_zip(path)
    tables = {base: _rows(text) for base, text in texts.items()}
    record = Record()
    if profile := (tables.get("profile.csv") or [{}])[0]:
        record.name = " ".join(p for p in (profile.get("First Name", ""), profile.get("Last Name", "")) if p)
        record.headline = profile.get("Headline", "")
        record.summary = profile.get("Summary", "").replace("\r\n", "\n")
        record.location = profile.get("Geo Location", "")
    for row in tables.get("positions.csv", []):
        if row.get("Title") or row.get("Company Name"):
            record.positions.append(
                Position(
                    title=row.get("Title", ""),
                    company=row.get("Company Name", ""),
                    location=row.get("Location", ""),
                    start=_month(row.get("Started On", "")),
                    end=_month(row.get("Finished On", "")),
                    description=row.get("Description", "").replace("\r\n", "\n"),
                )
            )
    for row in tables.get("education.csv", []):
        if row.get("School Name"):
            record.education.append(
                School(
                    school=row["School Name"],
                    degree=row.get("Degree Name", ""),
                    start=_month(row.get("Start Date", "")),
                    end=_month(row.get("End Date", "")),
                    notes=row.get("Notes", ""),
                )
            )
    record.skills = [r["Name"] for r in tables.get("skills.csv", []) if r.get("Name")]
    record.languages = [r["Name"] for r in tables.get("languages.csv", []) if r.get("Name")]
    for row in tables.get("certifications.csv", []):  # never its License Number, nor its Url (which holds it)
        if name := row.get("Name", ""):
            authority = row.get("Authority", "")
            record.certifications.append(f"{name}, {authority}" if authority else name)
    emails = tables.get("email addresses.csv", [])
    primary = [r for r in emails if r.get("Primary", "").lower() == "yes"] or emails
    record.email = primary[0].get("Email Address", "") if primary else ""
    phones = tables.get("phonenumbers.csv", [])
    record.phone = phones[0].get("Number", "") if phones else ""
    return record


def _named(name: str) -> str | None:
    from translator.parse.profile import name_of

    return name_of(name) if name else None


def record_profile(record: Record, found: Profile) -> Profile:
    """The profile read from the head lines, with what the record states outright put first."""
    return found.model_copy(
        update={
            # "Desmond Achterberg, MD": the name, its degree listed with the credentials
            "name": (_named(record.name) or record.name or found.name),
            "email": record.email or found.email,
            "phone": record.phone or found.phone,
            "linkedin": linkedin_address(record.linkedin) or found.linkedin,
            "location": found.location or (record.location or None),
        }
    )
