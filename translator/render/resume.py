"""The ATS-friendly industry resume: one column, real Word bullet lists, standard headings, ≤ 2 pages.

Every CV section with content appears under the standard heading of its kind (resume_sections.toml);
positions run most recent first; residency and fellowship sit under Education & Training. When the
resume runs over its pages, the weakest work bullets go first — never a heading, an entry or a section.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from translator import dates
from translator.mapping import facts
from translator.mapping.roles import role_profiles
from translator.models import BulletTranslation, Entry, ParsedCV, Report, Section, StrictModel
from translator.parse.profile import STATE_CODES
from translator.render.phrases import same_employer
from translator.render.publications import citations_by_worth, most_recent, select_citations

# Estimated lines per page, calibrated against LibreOffice's print of our own output in Carlito, the font with
# Calibri's metrics (Word's own Calibri sets the same lines): 115 untrimmed resumes of the fixture, corpus and
# unseen CVs came to 49.2–54.4 estimated lines per printed page, 52.1 on average (bench/resume_pages.py
# --untrimmed); 49 keeps a resume estimated at two pages inside them, about 1.9 printed.
PAGE_LINES = 49
MAX_PAGES = 2
STUB_PAGE = 0.15  # an estimated last page this full or less is set tighter so that it is not printed
OVER_BY = 0.35  # a resume over its pages by this much or less (its positions kept a line each) is set tighter too
# "3 at most with a long publication record" (the product brief): this many publications make one.
LONG_RECORD = 10
LONG_RECORD_PAGES = 3
_XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Residency, fellowship and internship are training, wherever the CV lists them; a chief resident's
# year is a leadership post and stays a position.
_TRAINING = re.compile(
    r"\b(residen(?:cy|t)|fellow(?:ship)?|intern(?:ship)?|assistenz(?:arzt|ärztin))\b(?!\s+of\b)"
    # the UK's training grades: "ST6–ST7", "FY1", "CT1–CT2 (CMT)", "LAS SpR", "SHO", "Registrar"
    r"|\b(?-i:(?:ST|FY|CT)\d|StR|SpR|SHO)\b|\bregistrar\b|\bhouse officer\b",
    re.IGNORECASE,
)
# A post that runs a training program, or a senior fellow's title, is no training: "Associate Program Director,
# Gastroenterology Fellowship", "Director, Glaucoma Fellowship", "Chief Resident" is a job within it (kept apart)
_NOT_TRAINING = re.compile(
    r"\bchief\b|\bfellow of\b|\bteaching fellow\b|\bdirector\b|\bfaculty\b|\bprofessor\b|\bcoordinator\b"
    # a specialist's post held while training further: "Consultant Cardiologist and EP Fellow (Facharzt)"
    r"|\bconsultant\b|\battending\b",
    re.IGNORECASE,
)
# Licence, NPI and DEA numbers are left out of a resume that is sent to strangers.
_LICENCE_NUMBER = re.compile(
    # "(No. A123456)", "(#254311)"; never "(not renewed)" or "(no longer active)"
    r",?\s*(?:\((?:no\.|no\s+(?=\d)|#)[^)]*\)|(?:\bno\.?|\bnumber|#)\s*:?\s*[A-Z]{0,3}[-\d][\w-]{3,}"
    r"|\b[A-Z]{2}\d{7}\b|\b\d{10}\b)",  # "No. 036-118452", "#254311", a DEA number, an NPI
    re.IGNORECASE,
)
# the number after the word itself: "Delaware license C1-0009813", "California Medical License A 158842",
# "Wisconsin medical licence 61234-020"
# and a state's code after its name ("Pennsylvania MD452190 (inactive)")
_NUMBER_AFTER_LICENCE = re.compile(
    r"(?<=licen[cs]e)\s+(?:[A-Z]{1,3}[\s-]?)?\d[\w.-]{3,}(?<!\.)|\s\b(?-i:[A-Z]{1,3})\d{5,}\b"
    # a board's number after its name: "Arizona Medical Board, MD-51928"
    r"|(?<=board),\s*(?-i:[A-Z]{1,3})-?\d{4,}\b",
    re.IGNORECASE,
)


_ID_ONLY = re.compile(r"^\W*(?:NPI|national provider identifier)?\W*(?:number|no\.?)?\W*$", re.IGNORECASE)

Style = Literal["work", "education", "licences", "citations", "recent", "line"]
BlockKind = Literal["name", "contact", "heading", "text", "entry", "bullet"]


class ResumeSection(StrictModel):
    heading: str
    kinds: list[str]
    style: Style
    limit: int = Field(default=0, ge=0)
    # the heading for a CV read outside North America (set on A4), where there are no boards and honours are spelt so
    abroad: str | None = None


class ResumeLayout(StrictModel):
    section: list[ResumeSection]


@cache
def resume_sections() -> tuple[ResumeSection, ...]:
    from translator.data_files import load_toml

    layout: ResumeLayout = load_toml(Path(__file__).with_name("resume_sections.toml"), ResumeLayout)
    return tuple(layout.section)


@dataclass
class Block:
    kind: BlockKind
    text: str
    entry: int = -1  # which dated entry a work bullet or entry heading belongs to (0 = most recent)
    # how many competencies a work bullet shows, the weakest going first when space runs out; for an item of a
    # selection, minus its place in worth (0 is worth most), so that trimming takes the least worth first
    rank: int = 0
    group: int = -1  # which resume section a trimmable block belongs to
    work: bool = False  # a translated bullet, which trimming may drop
    listed: bool = False  # an item of a selection (papers, talks, honors), which trimming may shorten
    of: int = 0  # a selection's heading: how many items the CV has ("Selected Publications (5 of 60)")
    relevance: float = 0.0  # what a work bullet counts for the target (facts.relevance): the least goes first
    # a line that is not a duty and that trimming may drop, as it drops work bullets, by what it counts for the
    # target: a committee seat with no duties under it, a course attended, a life-support card or a registration
    extra: bool = False
    # a line that always stays and keeps its section from emptying (a degree, a licence): its group's trimmable
    # lines (courses attended, life-support cards) may all go
    anchor: bool = False
    # a section's heading: the whole section may go, heading and all, when none of its lines counts for the target
    optional: bool = False

    @property
    def lines(self) -> float:
        # characters a line holds, and the space around the paragraph in lines: fitted on the same 115 prints
        width, extra = {
            "name": (1000, 0.0),
            "contact": (100, 0.0),
            "heading": (1000, 1.3),
            "text": (114, 0.4),
            "entry": (108, 0.4),
            "bullet": (110, 0.2),
        }[self.kind]
        return math.ceil(max(len(self.text), 1) / width) + extra


def _safe(text: str) -> str:
    """User text cannot break the document's XML."""
    return _XML_UNSAFE.sub("", text)


def _entry_heading(entry: Entry, tab: bool = False) -> str:
    """ "Title — Organization | dates"; with `tab`, the dates after a tab, which the resume sets flush right."""
    parts = [p for p in (entry.title, entry.organization) if p]
    text = " — ".join(parts)
    if not (entry.dates and text):
        return text or entry.dates or ""
    # Non-breaking spaces keep "2017 – 2020" on one line: never a lone "2020" below a job title.
    dates = entry.dates.replace(" ", _NBSP)
    return f"{text}\t{dates}" if tab else f"{text} |{_NBSP}{dates}"


_NBSP = "\u00a0"
when = dates.end_of  # the resume orders entries and items by when they ended
_started = dates.start_of


def _latest_first(entries: list[Entry]) -> list[Entry]:
    """Most recent first by end date, then start date; undated entries keep their CV order after them. A title
    with no duties of its own stacked under another at the same employer ("Program Lead …" / "Geriatrician and
    Palliative Care Physician", the duties below both) stays right under it."""
    ordered = sorted(entries, key=lambda e: (when(e.dates), not side_post(e), _started(e.dates)), reverse=True)
    # two posts held today that began within a year of each other keep the CV's order: the physician lists the
    # main one first ("Partner Physician; Director, Biologics Clinic  Aug 2014 – present" over "Attending, Consult
    # Service  Oct 2014 – present")
    for n in range(len(ordered) - 1):
        a, b = ordered[n], ordered[n + 1]
        if (
            dates.is_ongoing(a.dates)
            and dates.is_ongoing(b.dates)
            and side_post(a) == side_post(b)
            and abs(_started(a.dates)[0] - _started(b.dates)[0]) <= 1
            and entries.index(b) < entries.index(a)
        ):
            ordered[n], ordered[n + 1] = b, a
    return leads_under_their_post(stacked_together(posts_together(ordered), entries), entries)


def posts_together(ordered: list[Entry]) -> list[Entry]:
    """`ordered`, with each post at an employer listed just above moved under the posts held there, when it ended
    no earlier than a year before the later one began: a promotion ('Associate Dermatologist 2013–2016' under
    'Director of Mohs Surgery and Partner 2016–present') or a post held beside it, never split by other jobs. A
    return years later keeps its place by date."""
    placed: list[Entry] = []
    for entry in ordered:
        group = [
            i
            for i, p in enumerate(placed)
            if not is_training(entry)
            and same_employer(p.organization, entry.organization)
            and when(entry.dates)[0] >= _started(p.dates)[0] - 1
        ]
        if group and group[-1] != len(placed) - 1:
            at = group[-1] + 1
            while at < len(placed) and same_employer(placed[at].organization, entry.organization):
                at += 1
            placed.insert(at, entry)
        else:
            placed.append(entry)
    return placed


def leads_under_their_post(ordered: list[Entry], as_written: list[Entry]) -> list[Entry]:
    """A lead held within a post that goes on ("IBD Lead  2019 – present", "Endoscopy Lead  2021 – present" under
    "Consultant Gastroenterologist … September 2015 to present", at its employer) right after that post, in the
    CV's order, not above it for having begun later."""
    ordered = list(ordered)
    for at, entry in enumerate(as_written):
        if not (_A_LEAD.search(entry.title or "") and entry.organization and dates.is_ongoing(entry.dates)):
            continue
        post = next(
            (
                p
                for p in reversed(as_written[:at])
                if p.organization == entry.organization
                and dates.is_ongoing(p.dates)
                and not _A_LEAD.search(p.title or "")
                and _started(p.dates) <= _started(entry.dates)
            ),
            None,
        )
        if post is None or not any(e is post for e in ordered):
            continue
        ordered = [e for e in ordered if e is not entry]
        after = next(i for i, e in enumerate(ordered) if e is post) + 1
        while (
            after < len(ordered)
            and _A_LEAD.search(ordered[after].title or "")
            and (ordered[after].organization == post.organization)
        ):
            after += 1  # the leads in the CV's order
        ordered.insert(after, entry)
    return ordered


_A_LEAD = re.compile(r"^(?:[\w&/-]+\s+){0,4}lead\b", re.IGNORECASE)  # "IBD Lead", "Physician Lead, Informatics"


def side_post(entry: Entry) -> bool:
    """A post held today beside the main one, which a resume lists after it whenever it began: part-time, per
    diem, a small share ("0.2 FTE"), volunteer, locums, an adviser's or a consultant's ("Clinical Advisor
    (part-time, non-clinical)" after "Founder & Owner, Mohs Surgeon", "Physician Reviewer … (non-clinical, 0.2 FTE)"
    after "Medical Director (0.8 FTE)"). A post that has ended keeps its place by date."""
    if not dates.is_ongoing(entry.dates):
        return False
    title = entry.title or ""
    return bool(_SIDE_ROLE.search(title) or _SMALL_SHARE.search(f"{title} {entry.organization or ''}"))


# (a consultant of the NHS is its senior post: "Consultant Gastroenterologist" is the main one); and a university's
# title held beside a hospital post: "Assistant Clinical Professor", "Adjunct Associate Professor", "Honorary Senior
# Lecturer"
_SIDE_ROLE = re.compile(
    r"\b(?:volunteer|advis[oe]r)\b|\bconsultant\b(?!\s+(?:[\w&-]+\s+){0,3}?[\w-]*(?:ist|ian|surgeon|physician)\b)"
    r"|^private practice\b"
    r"|\b(?:clinical|adjunct|honorary|visiting)\s+(?:(?:senior|assistant|associate)\s+)?(?:professor|lecturer)\b"
    r"|\b(?:assistant|associate)\s+clinical\s+professor\b",
    re.IGNORECASE,
)
# (and Britain's and Ireland's sessions: "Sports Injury Clinic (sessional, 2 sessions/week)", "2 PAs")
_SMALL_SHARE = re.compile(
    r"\b(?:part[- ]time|per[- ]diem|locums?|moonlight\w*|sessional)\b|\b0?\.[0-4]\d?\s*(?:FTE|WTE)\b"
    r"|\b[1-4]\s+(?:sessions|PAs)\s*(?:/|per|a)\s*week\b",
    re.IGNORECASE,
)


def stacked_together(ordered: list[Entry], as_written: list[Entry]) -> list[Entry]:
    """`ordered`, with each title that has no duties of its own moved right under the title written above it at
    the same employer."""
    ordered = list(ordered)
    for at, entry in enumerate(as_written):
        if entry.bullets or at == 0 or not entry.organization:
            continue
        above = as_written[at - 1]
        if above.organization != entry.organization or not any(e is entry for e in ordered):
            continue
        if not any(e is above for e in ordered):
            continue
        ordered = [e for e in ordered if e is not entry]
        ordered.insert(next(i for i, e in enumerate(ordered) if e is above) + 1, entry)
    return ordered


# The first posts of a UK doctor's training, before the specialty: the foundation years and core training.
_EARLY_TRAINING = re.compile(
    r"\b(?-i:FY[12]|CT[12])\b|\bfoundation (?:year|programme)\b|\bcore (?:medical )?train", re.I
)


def is_training(entry: Entry, beside: Iterable[Entry] = ()) -> bool:
    """A residency, fellowship or training grade, unless it was held within the span of a post of practice among
    `beside` ("Digital Health Clinical Fellow (0.2 FTE, concurrent), Jul 2023 – Jun 2024" beside "Emergency Physician
    (Staff Specialist), Feb 2023 – Present": a post of its own, no training)."""
    if not _training_title(entry):
        return False
    return not any(
        other is not entry and not _training_title(other) and dates.within(entry.dates, other.dates) for other in beside
    )


def _training_title(entry: Entry) -> bool:
    title = re.sub(r"\([^)]*\)", "", entry.title or "")  # "Staff Gastroenterologist (part-time, during fellowship)"
    return bool(_TRAINING.search(title)) and not _NOT_TRAINING.search(title)


def licence_lines(sections: Iterable[Section]) -> list[str]:
    """The certifications and licences of the sections as written, once each, their numbers left out; a state's
    licence said as resumes say it."""
    sections = list(sections)
    raw = [b.text for s in sections for e in s.entries for b in e.bullets]
    raw += [t for s in sections for e in s.entries for t in (_entry_heading(e) if e.title else "", *e.lines) if t]
    # a line its number was taken from is said anew ("Minnesota Board of Medical Practice License" → "Minnesota
    # medical license"); one written without a number stays as written ("Illinois Physician and Surgeon License")
    return list(
        dict.fromkeys(
            licence_said(c) if c != t or _A_STUB.search(c) else c for t in raw if (c := without_licence_numbers(t))
        )
    )


# what a licence line keeps of its number's place once the reader took it out: "…, license (exp. 02/2028)",
# "Minnesota Board of Medical Practice License" (a board's name before the word), never "… License, active"
_A_STUB = re.compile(r"\bexp\b\.?|,\s*licen[cs]e\b|\bboard\b[^,;]*\blicen[cs]e\s*$", re.IGNORECASE)


_A_LICENCE = re.compile(r"\blicen[cs]e\b|\bboard of medic|\bmedical board\b", re.IGNORECASE)
_NOT_ONLY_A_LICENCE = re.compile(r"\b(?:board[- ]certified|certification|diplomate|american board|DEA)\b", re.I)
_LAPSED = re.compile(r"\b(?:inactive|lapsed|expired|retired)\b", re.IGNORECASE)


def licence_said(line: str) -> str:
    """One state's medical licence, as a resume says it once its number is gone: 'Ohio State Medical Board,
    license (exp. 01/2028)', 'Minnesota Board of Medical Practice License' → 'Ohio medical license', 'Minnesota
    medical license'; '(inactive)' kept. A line naming two states or anything else stays as written."""
    from translator.data_files import places  # the list of states, read only here

    if not _A_LICENCE.search(line) or _NOT_ONLY_A_LICENCE.search(line):
        return line
    named = [state for state in places().us_states if re.search(rf"\b{state}\b", line)]
    named = [state for state in named if not any(state != other and state in other for other in named)]
    if len(named) != 1:
        return line
    return f"{named[0]} medical license" + (" (inactive)" if _LAPSED.search(line) else "")


def without_licence_numbers(text: str) -> str | None:
    """The line with licence, NPI and DEA numbers left out; None when nothing else is left."""
    cleaned = _NUMBER_AFTER_LICENCE.sub("", _LICENCE_NUMBER.sub("", text))
    cleaned = re.sub(r"\s+(?=[.,;:])", "", re.sub(r"\s{2,}", " ", cleaned)).strip(" ,;:-–")
    return None if _ID_ONLY.fullmatch(cleaned) or len(cleaned) < 3 else cleaned


def page_limit(cv: ParsedCV) -> int:
    """Pages the resume may take: three for a long publication record, as the CV lists it or states it
    ("Publications (selected, of 34)", "38 peer-reviewed articles"), else two."""
    papers = sum(len(e.bullets) or bool(e.title) for s in cv.sections if s.kind == "publications" for e in s.entries)
    stated = [int(m.group(1)) for s in cv.sections if s.kind == "publications" for m in _OF_MANY.finditer(s.heading)]
    lines = [t for s in cv.sections for e in s.entries for t in (*e.lines, *(b.text for b in e.bullets))]
    stated += [int(m.group(1)) for t in lines for m in _PAPERS_STATED.finditer(t)]
    return LONG_RECORD_PAGES if max([papers, *stated]) >= LONG_RECORD else MAX_PAGES


_OF_MANY = re.compile(r"\bof\s+(\d{2,3})\b")  # "Publications (selected, of 34)"
_PAPERS_STATED = re.compile(  # "38 peer-reviewed articles, 11 as first author"
    r"\b(\d{2,3})\s+(?:peer[- ]reviewed\s+)?(?:publications|papers|articles|manuscripts)\b", re.IGNORECASE
)


def estimated_pages(blocks: list[Block]) -> float:
    return sum(b.lines for b in blocks) / PAGE_LINES


SIDE_POST_MARGIN = 1.0  # how much more a side post's work must count for the target before it follows the main post
ANY_TARGET = {"result": 1}  # facts.toml's kinds as a CV with no clear target is ordered: a result first


class _Planner:
    """Collects the resume's blocks section by section."""

    def __init__(self, cv: ParsedCV, report: Report) -> None:
        self.profile = report.profile
        self.rewrites: dict[tuple[str, str, str], BulletTranslation] = {
            (b.section, b.entry, b.text): b for b in report.bullets
        }
        self.blocks: list[Block] = []
        dated = [e for s in cv.sections for e in s.entries if s.kind not in {"publications", "presentations"}]
        # The positions come first, newest first: a trimmed resume keeps most of the latest jobs' lines, not of
        # a committee seat that happens to be more recent
        jobs = {id(e) for s in cv.sections if s.kind == "experience" for e in s.entries}
        ranked = _latest_first([e for e in dated if id(e) in jobs])
        ranked += _latest_first([e for e in dated if id(e) not in jobs])
        self.recency = {id(e): rank for rank, e in enumerate(ranked)}
        self.moved: list[tuple[Section, Entry]] = []  # training posts listed among the positions
        # Outside North America a registrar's, a resident's or a fellow's post is employment, listed with the others
        # (a British, Irish or New Zealand CV's training grades read as a one-job career under Education)
        self.abroad = on_a4(cv)
        # Ordered for the target when the CV or the user makes it clear; else as the CV has it, but for a line
        # with a measured result, which leads for any target (ties in the CV's order).
        weights = role_profiles()[report.target].weights if report.target_clear else ANY_TARGET
        self.weights = weights
        self.relevance = facts.relevance(facts.find_facts(cv, report.bullets), weights)

    def add(self, block: Block) -> None:
        self.blocks.append(block)

    def work_bullets(self, section: Section, entry: Entry, group: int) -> None:
        items = [self.rewrites.get((section.heading, entry.label, b.text)) for b in entry.bullets]
        translated = [i for i in items if i is not None]
        if not entry.title and all(when(i.text)[0] for i in translated):
            translated.sort(key=lambda i: when(i.text), reverse=True)  # a dated list: most recent first
        elif entry.title:  # a position: what the target values most first, ties in the CV's order
            translated.sort(key=lambda i: -self.relevance.get(i.id, 0.0))
        for item in translated:
            text = item.rewrite
            worth = self.relevance.get(item.id, 0.0)
            rank = len(item.competencies)
            self.add(Block("bullet", text, self.recency[id(entry)], rank, group, True, relevance=worth))

    def _worth(self, section: Section, entry: Entry) -> float:
        """What the position's strongest duty counts for the target."""
        items = [self.rewrites.get((section.heading, entry.label, b.text)) for b in entry.bullets]
        return max((self.relevance.get(i.id, 0.0) for i in items if i is not None), default=0.0)

    def _side_post_that_fits(self, ordered: list[Entry], section_of: dict[int, Section]) -> list[Entry]:
        """The post held today beside the main one whose work counts most for the target, when it counts more than
        the main post's, right under the main post: a GP's 0.4 FTE clinical lead at a telehealth company for a
        health-tech target, not fifth below the posts of his practice (unseen14)."""
        if len(ordered) < 3:
            return ordered
        main = ordered[0]
        sides = [e for e in ordered[2:] if side_post(e) and dates.is_ongoing(e.dates)]
        if not sides:
            return ordered
        best = max(sides, key=lambda e: self._worth(section_of[id(e)], e))
        if self._worth(section_of[id(best)], best) <= self._worth(section_of[id(main)], main) + SIDE_POST_MARGIN:
            return ordered
        rest = [e for e in ordered[1:] if e is not best]
        at = 0  # after the main post's own promotions and posts at its employer, unless it is one of them
        while (
            not same_employer(best.organization, main.organization)
            and at < len(rest)
            and same_employer(rest[at].organization, main.organization)
        ):
            at += 1
        return [main, *rest[:at], best, *rest[at:]]

    def work(self, heading: str, sections: list[Section], group: int) -> None:
        pairs = [(s, e) for s in sections for e in s.entries if e.bullets or e.title]
        if sections[0].kind == "experience":
            posts = [e for _, e in pairs]
            if not self.abroad:
                self.moved += [(s, e) for s, e in pairs if is_training(e, posts)]
                pairs = [(s, e) for s, e in pairs if not is_training(e, posts)]
        if not pairs:
            return
        self.add(Block("heading", heading, group=group, optional=sections[0].kind != "experience"))
        order = {id(e): i for i, (_, e) in enumerate(pairs)}
        titled = any(e.title for _, e in pairs)
        section_of = {id(e): s for s, e in pairs}
        together = _latest_first([e for _, e in pairs])
        if sections[0].kind == "experience":
            together = self._side_post_that_fits(together, section_of)
        # a list with no title whose CV heading is this heading's words again ("COMMITTEES & LEADERSHIP" under
        # "Leadership & Committees") goes first, under the heading itself: no sub-heading repeats it
        same = [
            e
            for e in together
            if not (e.title or e.organization) and _words(section_of[id(e)].heading) == _words(heading)
        ]
        together = [*same[:1], *(e for e in together if e not in same[:1])]
        for section, entry in ((section_of[id(e)], e) for e in together):
            del order[id(entry)]
            if same and entry is same[0]:
                self.work_bullets(section, entry, group)
                continue
            if entry.title or entry.organization:
                line = _entry_heading(entry, tab=True)
                seat = sections[0].kind != "experience" and not entry.bullets  # a seat listed with no duties
                # (a foundation year or a core trainee's post kept among the positions abroad: the first line to go)
                seat = seat or (bool(_EARLY_TRAINING.search(entry.title or "")) and not entry.bullets)
                # what the title itself says counts for its section ("Value Analysis Committee — Physician Co-Chair")
                worth = facts.worth(line, self.weights) if sections[0].kind != "experience" else 0.0
                self.add(Block("entry", line, self.recency[id(entry)], -1, group, extra=seat, relevance=worth))
                for text in entry.lines:  # what the post or the employer is: "Virtual urgent care, 31 states, …"
                    self.add(self._extra("text", text, group))
            elif titled or len(sections) > 1:
                # A list with no job title of its own ("Committees") is never read as part of the entry above.
                self.add(Block("entry", _display(section.heading), entry=self.recency[id(entry)], group=group))
            self.work_bullets(section, entry, group)

    def education(self, heading: str, sections: list[Section], group: int) -> None:
        pairs = [(s, e) for s in sections for e in s.entries] + self.moved
        if not pairs:
            return
        self.add(Block("heading", heading))
        for section, entry in sorted(pairs, key=lambda p: (when(p[1].dates), _started(p[1].dates)), reverse=True):
            line = _entry_heading(entry, tab=True)
            if line and _EARLY_TRAINING.search(entry.title or "") and not entry.bullets:
                # a foundation year or a core trainee's post of a consultant's: listed, and the first line to go
                # when the page is full, before any work done
                self.add(self._extra("entry", line, group))
            elif line:  # set like a position, so a training post's bullets read as its own
                self.add(Block("entry", line, entry=self.recency.get(id(entry), -1), group=group, anchor=True))
            course = section.kind == "courses"  # a course or meeting attended: trimmed before the work done
            for text in entry.lines:
                self.add(self._extra("text", text, group) if course else Block("text", text))
            if section.kind in {"education", "courses"}:  # courses taken, as written: never work done
                for bullet in entry.bullets:  # degrees listed as bullets, each on its line
                    self.add(self._extra("text", bullet.text, group) if course else Block("text", bullet.text))
            else:
                self.work_bullets(section, entry, group)

    def licences(self, heading: str, sections: list[Section], group: int) -> None:
        lines = licence_lines(sections)
        if lines:
            self.add(Block("heading", heading))
            # (a life-support card or a registration to prescribe was set aside by the reader, with its reason)
            for line in dict.fromkeys(lines):
                self.add(Block("bullet", line, group=group, anchor=True))

    def _extra(self, kind: BlockKind, text: str, group: int) -> Block:
        return Block(kind, text, rank=-1, group=group, extra=True, relevance=facts.worth(text, self.weights))

    def listing(self, spec: ResumeSection, sections: list[Section], group: int) -> None:
        items = [b.text for s in sections for e in s.entries for b in e.bullets]
        items += [_entry_heading(e) for s in sections for e in s.entries if e.title and not e.bullets]
        items += [line for s in sections for e in s.entries for line in e.lines if spec.style == "line"]
        if not items:
            return
        if spec.style == "line":
            self.add(Block("heading", spec.heading))
            self.add(Block("text", "; ".join(dict.fromkeys(i.rstrip(";.") for i in items))))
            return
        if spec.style == "citations":
            shown = select_citations(items, _surname(self.profile.name), spec.limit)
            worth = citations_by_worth(shown, _surname(self.profile.name))
        else:
            shown = most_recent(items, spec.limit)
            worth = shown
        # "(5 of 34)" where the CV states how many papers it selected from ("Publications (selected, of 34)")
        stated = [int(m.group(1)) for s in sections for m in _OF_MANY.finditer(s.heading)]
        self.add(Block("heading", spec.heading, group=group, of=max([len(items), *stated])))
        # trimming takes the least worth first: a second-author paper before an older first-author one
        # what a paper or a talk counts for the target (what it values publications or talks at; an honor, nothing)
        value = max((float(self.weights.get(_LISTED_KINDS.get(s.kind, ""), 0)) for s in sections), default=0.0)
        self.blocks += [
            Block("bullet", t, group=group, listed=True, rank=-worth.index(t), relevance=value) for t in shown
        ]


# facts.toml's kinds of the lists a resume selects from
_LISTED_KINDS = {"publications": "publication", "presentations": "talks", "grants": "grant"}


def _surname(name: str | None) -> str | None:
    words = [w for w in (name or "").replace(",", " ").split() if w.strip(".").lower() not in {"jr", "sr", "ii", "iii"}]
    return words[-1] if len(words) >= 2 else None


def _display(heading: str) -> str:
    return heading.title() if heading.isupper() else heading


def _ordered_for_target(
    cv: ParsedCV, bullets: list[BulletTranslation], relevance: dict[str, float]
) -> list[tuple[int, ResumeSection]]:
    """The resume's sections in their order, except that those after Professional Experience and before
    Education come by what the target values most in them (trials before committees for clinical
    development; informatics and quality work first for health tech). Grants stay after research."""
    specs = list(enumerate(resume_sections()))
    movable = [i for i, spec in specs if spec.style == "work" and "experience" not in spec.kinds]
    research = next((i for i, spec in specs if "research" in spec.kinds), None)
    grants = [i for i, spec in specs if "grants" in spec.kinds]

    def strongest(spec: ResumeSection) -> float:
        headings = {s.heading for s in cv.sections if s.kind in spec.kinds}
        return max((relevance.get(b.id, 0.0) for b in bullets if b.section in headings), default=0.0)

    if not movable:
        return specs
    first, last = min(movable), max(movable + grants)
    ranked = sorted(movable, key=lambda i: (-strongest(specs[i][1]), i))
    if research is not None and research in ranked:
        ranked[ranked.index(research) + 1 : ranked.index(research) + 1] = grants
    else:
        ranked += grants
    between = [specs[i] for i in ranked]
    others = [specs[i] for i in range(first, last + 1) if i not in movable and i not in grants]
    return specs[:first] + between + others + specs[last + 1 :]


def plan_resume(cv: ParsedCV, report: Report) -> list[Block]:
    """Every paragraph of the resume in order, trimmed to fit its pages."""
    return fit_to_pages(planned_blocks(cv, report), page_limit(cv))


def planned_blocks(cv: ParsedCV, report: Report) -> list[Block]:
    """Every paragraph the resume would hold with no limit of pages, in order."""
    profile = report.profile
    name = (profile.name or "Your Name") + (", " + ", ".join(profile.credentials) if profile.credentials else "")
    planner = _Planner(cv, report)
    planner.add(Block("name", name))
    contact = " | ".join(
        p for p in (profile.location, profile.phone, profile.email, profile.linkedin, profile.github) if p
    )
    if contact:
        planner.add(Block("contact", contact))
    planner.add(Block("heading", "Summary"))
    planner.add(Block("text", report.summary))
    planner.add(Block("heading", "Core Competencies"))
    planner.add(Block("text", " | ".join(report.core_competencies)))
    for group, spec in _ordered_for_target(cv, report.bullets, planner.relevance):
        if planner.abroad and spec.abroad:
            spec = spec.model_copy(update={"heading": spec.abroad})
        sections = [s for s in cv.sections if s.kind in spec.kinds]
        if spec.style == "work" and not spec.heading:  # sections of no standard kind keep their own heading
            for section in sections:
                planner.work(_display(section.heading), [section], group * 100 + sections.index(section))
        elif spec.style == "work" and sections:
            planner.work(spec.heading, sections, group * 100)
        elif spec.style == "education":
            planner.education(spec.heading, sections, group * 100)
        elif spec.style == "licences":
            planner.licences(spec.heading, sections, group * 100)
        elif spec.style in {"citations", "recent", "line"}:
            planner.listing(spec, sections, group * 100)
    return planner.blocks


def _keep_at_least(entry: int) -> int:
    """Bullets an entry keeps in the first pass: the recent jobs matter most."""
    return {0: 3, 1: 2}.get(entry, 1)


def fit_to_pages(blocks: list[Block], pages: int = MAX_PAGES) -> list[Block]:
    """Trim to `pages`: the weakest lines first, then selections; positions are never emptied.

    Weakest: least worth for the target, then fewest competencies (a committee seat, a course attended or a
    life-support card before any duty), then no figure in it, then of the entry that ended earliest (a trial for
    clinical development outlasts a clinic session, whatever its dates). First the lines the target values
    nothing go, and with them any section other than Professional Experience that holds nothing the target
    values (its heading too: "Service" with a football team's physician goes before a result of the newest job).
    Then passes loosen the floors (three bullets for the newest position, two for the next, one for the rest;
    then the selections of papers and talks down to one each; then one bullet each; then, for lists with no
    entry heading, one per resume section), so a position is never emptied: such a resume runs over its pages
    instead. Each pass orders its candidates once and removes from the front: a CV with thousands of bullets is
    trimmed in n·log n.
    """
    budget = pages * PAGE_LINES
    total = sum(b.lines for b in blocks)
    if total <= budget:
        return _count_selections(list(blocks))
    removed: set[int] = set()
    per_entry: dict[int, int] = {}
    per_group: dict[int, int] = {}
    for b in blocks:
        if b.work or b.listed or b.extra or b.anchor:
            per_entry[b.entry] = per_entry.get(b.entry, 0) + b.work
            per_group[b.group] = per_group.get(b.group, 0) + 1
    # sections that may go whole, and the headings that go with them: the section's own, its entries' titles
    optional = {b.group for b in blocks if b.kind == "heading" and b.optional}
    titles: dict[int, list[int]] = {}  # per group, its heading and the titles of entries with duties under them
    for i, b in enumerate(blocks):
        if b.group in optional and not b.extra and b.kind in {"heading", "entry"}:
            titles.setdefault(b.group, []).append(i)
    order = sorted(
        (i for i, b in enumerate(blocks) if b.work or b.extra or b.listed),
        key=lambda i: (
            blocks[i].relevance,
            0 if blocks[i].listed else blocks[i].rank,
            bool(re.search(r"\d", blocks[i].text)),
            -blocks[i].entry,
            blocks[i].rank if blocks[i].listed else 0,  # the items of a selection, least worth first
            -i,
        ),
    )

    valued = {blocks[i].group for i in order if blocks[i].relevance > 0} | {b.group for b in blocks if b.listed}
    valued |= {b.group for b in blocks if b.kind == "entry" and b.relevance > 0}  # a title the target values

    def trim(candidates: list[int], entry_floor: int | None, whole: bool = False) -> None:
        nonlocal total
        for i in candidates:
            if total <= budget:
                return
            b = blocks[i]
            # a section of nothing the target values may go whole: no floor for it or its entries
            emptied = whole and b.group in optional and b.group not in valued
            floor = 0 if emptied else _keep_at_least(b.entry) if entry_floor is None else entry_floor
            if i in removed or per_group[b.group] <= (0 if emptied else 1) or (b.work and per_entry[b.entry] <= floor):
                continue
            removed.add(i)
            per_entry[b.entry] -= b.work
            per_group[b.group] -= 1
            total -= b.lines
            if per_group[b.group] == 0:  # the section went whole: its heading and titles go with it
                for t in titles.get(b.group, []):
                    removed.add(t)
                    total -= blocks[t].lines

    worthless = [i for i in order if blocks[i].relevance <= 0]  # nothing the target values: these go first
    trim(worthless, None, whole=True)
    trim([i for i in worthless if blocks[i].entry != 0], 1)  # the newest job keeps its first three
    trim(order, None)
    # the papers and talks worth least (for papers: not first or senior author, then the oldest), before the
    # positions' own lines go down to one each
    trim(sorted((i for i, b in enumerate(blocks) if b.listed), key=lambda i: (blocks[i].rank, -i)), 0)
    trim(order, 1)
    # A position keeps its strongest line, whatever it costs: a job title with nothing under it tells a reader
    # nothing, and a page more beats a career shown as a list of titles. Lists with no heading of their own
    # go down to one line per resume section.
    headed = {b.entry for b in blocks if b.kind == "entry"}
    trim([i for i in order if blocks[i].entry not in headed], 0)
    # Lines go whole, so the last one taken may free more room than was needed: a line taken that fits in the room
    # left comes back, the strongest first, unless its section went whole or the target values nothing in it.
    for i in reversed(order):
        gone_whole = any(t in removed for t in titles.get(blocks[i].group, []))
        if i in removed and not gone_whole and blocks[i].relevance > 0 and total + blocks[i].lines <= budget:
            removed.discard(i)
            total += blocks[i].lines
    return _count_selections([b for i, b in enumerate(blocks) if i not in removed])


def _count_selections(blocks: list[Block]) -> list[Block]:
    """Headings of selections say how many of how many are shown, counted after trimming."""
    for b in blocks:
        if b.kind == "heading" and b.of:
            shown = sum(1 for x in blocks if x.listed and x.group == b.group)
            b.text = f"{b.text} ({shown} of {b.of})" if shown < b.of else b.text.removeprefix("Selected ")
    return blocks


def left_off(report: Report, blocks: list[Block], planned: Sequence[Block] = ()) -> list[str]:
    """The lines the resume leaves off to keep to its pages: the translated ones, and of `planned` (the blocks
    before trimming) the seats, courses and cards trimmed. report.md lists them, so that nothing is dropped
    without a word."""
    shown = {b.text for b in blocks if b.kind == "bullet"}
    kept = {id(b) for b in blocks}
    # and a title that went with its section ("Value Analysis Committee (Perioperative) | Physician Co-Chair")
    extras = [
        b.text.replace("\t", " | ").replace(_NBSP, " ")
        for b in planned
        if (b.extra or b.kind == "entry") and id(b) not in kept and b.text.strip()
    ]
    return [b.rewrite for b in report.bullets if b.rewrite not in shown] + extras


def set_tighter(pages: float, limit: int) -> bool:
    """Whether a resume estimated at `pages` is set at 10 pt with smaller margins and spacing, which prints about a
    sixth less: when it would run a few lines onto a last page, or over its limit by a little (trimming never
    empties a position, so a CV of many short jobs can stay over its pages)."""
    return pages > 1 and (pages - math.floor(pages) <= STUB_PAGE or limit < pages <= limit + OVER_BY)


# What says a CV is British: its health service, its register, its degrees and fellowships, its phone numbers.
_BRITISH = re.compile(
    r"\bNHS\b|\bGMC\b|\bMBChB\b|\bMB BS\b|\bMRCP\b|\bFRCP\b|\bMRCS\b|\bFRCS\b|\+44\b"
    # and Australia's and New Zealand's, which print on A4 as Britain does: AHPRA, the RACGP and RACP fellowships
    r"|\bAHPRA\b|\bF?RACGP\b|\bFRACP\b|\bFACEM\b|\bFANZCA\b|\bRNZCGP\b|\+6[14]\b"
    # and India's: its councils, its specialist degrees and boards, its insurance regulator, its phone numbers
    r"|\bMCI\b|\bNMC\b|\bDNB\b|(?-i:\bDM\b)|\bNABH\b|\bIRDAI\b|\+91\b"
    # and Ireland's: its colleges, its degree, its register and health service, its phone numbers
    r"|\bFRCSI\b|\bM?RCPI\b|\bFRCPI\b|\bBAO\b|\bIMC\b|\bHSE\b|\+353\b"
)


def on_a4(cv: ParsedCV) -> bool:
    """Whether the resume is set on A4: a CV that says it is British or Australian twice (the NHS, the GMC, MBChB,
    MRCP, AHPRA, FRACGP, …), of a
    physician not living in the US, as its reader prints on A4; US Letter otherwise."""
    said = " ".join(
        [
            cv.profile.phone or "",
            *cv.profile.credentials,
            *(
                t
                for s in cv.sections
                for e in s.entries
                for t in (e.title or "", e.organization or "", *e.lines, *(b.text for b in e.bullets))
            ),
        ]
    )
    place = re.search(r",\s*([A-Z]{2}|USA|United States)\b", cv.profile.location or "")
    in_the_us = place is not None and (place.group(1) in STATE_CODES or place.group(1) in {"USA", "United States"})
    if not in_the_us and _named_country(cv.profile.location) not in {None, *_ON_LETTER}:
        return True  # "Freiburg im Breisgau, Germany", "São Paulo, Brazil": a country that prints on A4
    return not in_the_us and len({m.group(0) for m in _BRITISH.finditer(said)}) >= 2


# the countries that print on US Letter
_ON_LETTER = frozenset({"United States", "USA", "US", "Canada", "Mexico", "Philippines", "Chile", "Colombia"})


def _named_country(location: str | None) -> str | None:
    """The country a location ends on, when it names one: "Freiburg im Breisgau, Germany" → "Germany"."""
    from translator.data_files import places

    last = (location or "").rsplit(",", 1)[-1].strip()
    return last if last in places().countries else None


_BOLD_EM = 0.46  # the width of an average character of bold Calibri in a resume's titles, in ems (measured: 0.44)


def build_resume(cv: ParsedCV, report: Report, blocks: list[Block] | None = None) -> bytes:
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Mm, Pt

    blocks = plan_resume(cv, report) if blocks is None else blocks
    # A resume that would run a few lines onto a last page is set a little tighter instead: never a page with
    # three lines on it (the estimate runs about 6 % above the print, bench/resume_pages.py).
    tight = set_tighter(estimated_pages(blocks), page_limit(cv))
    document = docx.Document()
    styles = document.styles
    normal, bullets, heading = styles["Normal"], styles["List Bullet"], styles["Heading 1"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10 if tight else 10.5)
    normal.paragraph_format.space_after = Pt(2 if tight else 3)
    bullets.paragraph_format.space_after = Pt(0 if tight else 1)
    heading.font.size = Pt(13)
    heading.paragraph_format.space_before = Pt(6 if tight else 10)
    heading.paragraph_format.space_after = Pt(2 if tight else 3)
    heading.paragraph_format.keep_with_next = True  # never a heading alone at the foot of a page
    a4 = on_a4(cv)
    for section in document.sections:
        if a4:  # a CV of the NHS is printed and read on A4
            section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin = section.bottom_margin = Pt(40 if tight else 50)
        section.left_margin = section.right_margin = Pt(56)
    page = document.sections[0]
    text_width = page.page_width - page.left_margin - page.right_margin  # type: ignore[operator]
    # A position's line: bold, kept with its first bullet, its dates flush right after a tab (as resumes set
    # them; a long title pushes them to the end of the next line). One style, not each paragraph's own format.
    position = styles.add_style("Position", WD_STYLE_TYPE.PARAGRAPH)
    position.base_style = normal
    position.font.bold = True
    position.paragraph_format.keep_with_next = True
    position.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
    # Style ids set directly: python-docx rescans every style for each lookup by name.
    bullet_style = bullets.style_id
    heading_style = heading.style_id
    position_style = position.style_id
    width = (text_width / 12700) / (float(normal.font.size.pt) * _BOLD_EM)  # characters a line holds

    def too_long(text: str) -> bool:
        head, tab, when = text.partition("\t")
        return bool(tab) and " — " in head and len(head) + len(when) + 3 > width

    # a section whose one title and employer are too long for a line sets all its posts so: the employer under the
    # title in each ("Staff Dermatologist — Wake Meadows Medical Group" on one line among two-line posts read as a
    # slip)
    sections: list[list[Block]] = [[]]
    for block in blocks:
        if block.kind == "heading":
            sections.append([])
        sections[-1].append(block)
    two_lines = {
        id(b)
        for section in sections
        if any(too_long(_safe(b.text)) for b in section if b.kind == "entry")
        for b in section
    }
    for block in blocks:
        text = _safe(block.text)
        if block.kind == "heading":
            document.add_paragraph(text)._p.style = heading_style
        elif block.kind == "bullet":
            document.add_paragraph(text)._p.style = bullet_style
        elif block.kind == "entry":
            paragraph = document.add_paragraph()
            paragraph._p.style = position_style
            head, tab, when = text.partition("\t")
            title, dash, place = head.partition(" — ")
            if tab and dash and id(block) in two_lines:
                # a title and employer too long to leave room for the dates: the title with its dates, the
                # employer on the line under it, as resumes set a long one (never the dates alone on a line)
                paragraph.add_run(f"{title}\t{when}")
                paragraph.add_run().add_break()
                paragraph.add_run(place).bold = False
            else:
                paragraph.add_run(text)
        elif block.kind == "name":
            run = document.add_paragraph().add_run(text)
            run.bold = True
            run.font.size = Pt(16)
        else:
            document.add_paragraph(text)
    _set_properties(document, report)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _words(heading: str) -> frozenset[str]:
    """A heading's words, whatever their order, case or joining: "COMMITTEES & LEADERSHIP" is "Leadership and
    Committees"."""
    return frozenset(re.findall(r"[a-z]+", heading.lower().replace("&", " and "))) - {"and"}


def _set_properties(document: Any, report: Report) -> None:
    """The file's own properties, which a recruiter's Word shows: the physician as author, the resume's title,
    made now; nothing of the library that wrote it (its template says "python-docx", created 2013)."""
    import datetime

    name = report.profile.name or ""
    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    core = document.core_properties
    core.author = core.last_modified_by = name
    core.title = f"Resume — {name}" if name else "Resume"
    core.subject = core.keywords = core.category = core.comments = core.content_status = ""
    core.identifier = core.language = core.version = ""
    core.created = core.modified = now
    printed = core._element.find("{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}lastPrinted")
    if printed is not None:  # the template's print date, from 2013
        core._element.remove(printed)
    core.revision = 1
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):  # the template's picture of an empty page
            del package.rels[rel_id]
        elif rel.reltype.endswith("/extended-properties"):  # "Microsoft Macintosh Word": no program wrote this
            part = rel.target_part
            part._blob = re.sub(rb"<Application>[^<]*</Application>\s*", b"", part.blob)
