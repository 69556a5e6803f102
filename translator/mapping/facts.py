"""The facts industry reads a CV for, and how much each counts for a target.

A fact is one translated duty with the kinds of work it shows (facts.toml: trial roles, programs built,
measured results, procedures, EHR work …), its figures and whether it belongs to the current position.
Each target weighs the kinds (roles.toml); the weights rank the facts the profile texts are written from,
order the resume's bullets and sections, and score the targets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from pydantic import Field, field_validator

from translator import dates
from translator.data_files import load_toml
from translator.mapping import english
from translator.mapping.patterns import AnyOf, check
from translator.mapping.role_lines import is_role_word, role_line
from translator.mapping.rule_files import DATA_DIR
from translator.models import BulletTranslation, KeptItem, ParsedCV, StrictModel
from translator.parse.text import a_table_row


class Kind(StrictModel):
    id: str = Field(pattern=r"^[a-z_]+$")
    label: str
    experience: str | None = Field(default=None, description='The kind in "my … experience".')
    generic: bool = Field(default=False, description="Valued by every target, the evidence of none.")
    patterns: list[str] = Field(min_length=1)

    @field_validator("patterns")
    @classmethod
    def _valid(cls, value: list[str]) -> list[str]:
        return [check(p) for p in value]

    @cached_property
    def regex(self) -> AnyOf:
        return AnyOf(self.patterns)


class KindFile(StrictModel):
    kind: list[Kind] = Field(min_length=1)


@cache
def kinds() -> dict[str, Kind]:
    loaded: KindFile = load_toml(DATA_DIR / "facts.toml", KindFile)
    return {k.id: k for k in loaded.kind}


# A number that is a figure: not a year, not part of a date ("06/2019"), not a design ("3+3 dose escalation").
_NUMBER = re.compile(r"(?<![\w./])(?<!\d\+)\d[\d,]*(?:\.\d+)?%?(?![\w/])(?!\+\d)")
# what a number that is no figure follows: a name's own ("SOLACE-2", "SEP-1", a protocol's "OUCCC-PH1-2103") or a
# label's ("Phase 3", "Step 2")
_LABELLED_NUMBER = re.compile(rf"(?:[A-Za-z]\w*-|\b(?:{'|'.join(sorted(english.NUMBERED))}) )$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:19|20)\d{2}$")


# A count written in words before what it counts: "three industry-sponsored ARDS trials", "twelve residents"
_COUNT_WORD = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"a dozen|dozens of|hundreds of)\s+(?=(?:[\w-]+\s+){0,3}[a-z]+s\b)",
    re.IGNORECASE,
)


def figures(text: str) -> list[str]:
    """The counts, volumes and percentages a line states: '350', '1,100', '70%', 'three' (trials); years are
    no figures."""
    found = [
        m.group(0).rstrip(",")
        for m in _NUMBER.finditer(text)
        if not _YEAR.match(m.group(0).rstrip("%,"))
        and not _LABELLED_NUMBER.search(text[max(0, m.start() - 10) : m.start()])
    ]
    return found + [m.group(0).strip() for m in _COUNT_WORD.finditer(text)]


EVIDENCE = 3  # the weight a defining kind needs before a fact makes a case for a target


@dataclass(frozen=True)
class Fact:
    """One duty of the CV and what it shows."""

    id: str  # the bullet's id; "kept-<n>" for a line kept as written
    text: str  # as the resume words it
    source: str  # as the CV wrote it
    section: str
    entry: str
    kinds: frozenset[str]
    current: bool  # in a position that goes on
    order: int  # its place in the CV
    tells: bool = True  # a text may quote it: a duty, or a line kept as written that reads as a statement
    training: bool = False  # done as a resident or fellow: told after the work done since
    # What the study it is listed under shows that the line does not: "Enrolled 31 eyes (2nd highest of 24 US
    # sites)" under "Site Principal Investigator — SOLACE-2 pivotal IDE trial" of a microstent is trial work
    context: frozenset[str] = frozenset()
    # The study it is listed under, when the line names no role of its own: a text tells the two together
    # ("Site Principal Investigator — SOLACE-2 pivotal IDE trial: enrolled 31 eyes"), never "Enrolled 31 eyes" alone
    study: str = ""

    @cached_property
    def figures(self) -> tuple[str, ...]:
        return tuple(figures(self.text))

    @property
    def is_bullet(self) -> bool:
        return not self.id.startswith("kept-")

    @property
    def defining(self) -> frozenset[str]:
        """The kinds that can make a case for a target: not a program built or a result as such."""
        return frozenset(k for k in self.kinds if not kinds()[k].generic)

    def score(self, weights: Mapping[str, int], evidence: bool = False) -> float:
        """What the fact counts for a target: the kind of work it is that the target values most, a quarter of
        each other kind of work it shows (often a passing word: a guideline co-authored is no publication
        record), half of what a program built, a result or a leadership role add (generic kinds), and a point
        for a figure (a quarter more for each further one, two at most). A duty of no kind the target weighs
        counts nothing, whatever its figures. `evidence`: as a case for the target, which only a kind of work
        the target weighs EVIDENCE or more can open."""
        work = sorted((weights.get(k, 0) for k in self.defining), reverse=True) or [0]
        added = sum(weights.get(k, 0) for k in self.kinds - self.defining)
        if work[0] <= 0 and added <= 0:
            return 0.0
        if evidence and work[0] < EVIDENCE:
            return 0.0
        quantified = min(1.0 + 0.25 * (len(self.figures) - 1), 2.0) if self.figures else 0.0
        # the study's own kind counts a quarter, as another kind of work would; it makes no case for a target
        listed = 0 if evidence else max((weights.get(k, 0) for k in self.context), default=0)
        return work[0] + 0.25 * (sum(work[1:]) + listed) + 0.5 * added + quantified


@lru_cache(maxsize=4096)
def kinds_of(*forms: str) -> frozenset[str]:
    """The kinds of work a line shows, read in each of its forms (as written, as rewritten), the forms read at
    once with " ; " between them, which no pattern reads across. Kept per line: the target, the texts and the
    resume all ask about the same lines."""
    text = " ; ".join(dict.fromkeys(f for f in forms if f))
    return frozenset(k.id for k in kinds().values() if k.regex.search(text))


# A line of a publications or talks list that is a citation ("Rossi A, Chen B, et al. … JAMA 2020;323:…"), not
# a statement of work ("18 peer-reviewed publications, including 3 invited reviews"): its title's words are no
# facts of the physician's work.
_CITATION = re.compile(
    r"\bet\s+al\b|^\s*[A-Z][A-Za-z'-]+,?\s+[A-Z]{1,3}[.,]|\bdoi\b|\b(?:19|20)\d{2}\s*;\s*\d|\b\d+\s*\(\d+\)\s*:",
)


# a list's own heading set as an entry's title: "Grants and other research roles", "Clinical trials and registries"
_A_LISTS_HEADING = re.compile(
    r"\band (?:other|related)\b|^(?:[\w-]+\s){0,2}(?:trials|grants|registries|studies|projects|activities|roles)\b"
    r"(?:\s(?:and|&)\s[\w\s-]+)?$",
    re.IGNORECASE,
)
# a citation's list of authors: "Okonkwo A, Verhoeven MT, Marchetti L.", "Smith J, et al."
_AUTHORS_FIRST = re.compile(
    r"^\s*(?:[A-Z][A-Za-z'-]+(?:\s[A-Z][A-Za-z'-]+)?\s[A-Z]{1,3},\s){1,}(?:[A-Z][A-Za-z'-]+\s[A-Z]{1,3}\.|et al)"
)


# what an entry's second field says when it is the study itself ("SOLACE-2 pivotal IDE trial"), not the site
_NAMES_A_STUDY = re.compile(
    r"\b(?:trials?|stud(?:y|ies)|registry|cohort|consortium|grant|award|[A-Z][A-Z0-9]+-[A-Z0-9]+)\b"
)
_NAMES_A_ROLE = re.compile(
    r"\b(?:(?:sub|co|principal|site|lead)[- ]?investigator|PI|sub-?I|coordinator|chair|director|lead)\b", re.IGNORECASE
)


# a title that is a role and nothing else ("Member", "Chair") says what was held only with what it was held in
_BARE_ROLE = re.compile(
    r"(?:[A-Z][a-z-]+ )?(?:member|chair|co-chair|vice[- ]chair|lead|director|reviewer)", re.IGNORECASE
)


def find_facts(cv: ParsedCV, bullets: Iterable[BulletTranslation], kept: Iterable[KeptItem] = ()) -> list[Fact]:
    """A fact for every translated duty, in the CV's order, with the kinds it shows; then the lines kept as
    written that state work (a count of papers, a talk series), not citations. Kept lines have no bullet id:
    theirs is 'kept-<n>'."""
    ongoing = {
        (section.heading, entry.label)
        for section in cv.sections
        for entry in section.entries
        if dates.is_ongoing(entry.dates)
    }
    # (a fellowship held within a post of practice is a post of its own: "Digital Health Clinical Fellow (0.2 FTE,
    # concurrent)" beside "Emergency Physician (Staff Specialist)")
    practice = [
        e.dates
        for s in cv.sections
        if s.kind == "experience"
        for e in s.entries
        if not _TRAINING_POST.search(e.title or "")
    ]
    trained = {
        (section.heading, entry.label)
        for section in cv.sections
        for entry in section.entries
        if (section.kind == "training" or _TRAINING_POST.search(entry.title or ""))
        and not any(dates.within(entry.dates, held) for held in practice)
    }
    # a physician still in training: every post is a trainee's, and none ranks below another for it
    if not any(dates.is_ongoing(held) for held in practice):
        trained = set()
    # a study's entry, by what a text says it as: its title (the role and the study, "Site PI — SOLACE-2 …"), not
    # the site or the funder beside it ("Sub-investigator" / "Sentara Norfolk General site (site PI: Dr. …)")
    studies = {
        (section.heading, entry.label): entry.label
        if _NAMES_A_STUDY.search(entry.organization or "") or _BARE_ROLE.fullmatch(entry.title)
        else entry.title
        for section in cv.sections
        if section.kind in {"research", "grants"}
        for entry in section.entries
        # (never a list's own heading: "Grants and other research roles", "Clinical trials and registries")
        if entry.title and not _A_LISTS_HEADING.search(entry.title)
    }
    found = [
        Fact(
            id=b.id,
            text=b.rewrite,
            source=b.text,
            section=b.section,
            entry=b.entry,
            kinds=kinds_of(b.text, b.rewrite),
            current=(b.section, b.entry) in ongoing,
            order=n,
            training=(b.section, b.entry) in trained,
            # a line the physician marked to check ("down ~18% (need to double check this #)") is quoted nowhere
            # (nor a paper's citation listed among the duties: "Okonkwo A, Verhoeven MT, Marchetti L. Stent-on-…")
            tells=not any(s.id == "note-to-self" for s in b.suggestions)
            and _quotable(b.rewrite)
            and not _AUTHORS_FIRST.match(b.text),
            context=kinds_of(b.entry) - kinds_of(b.text, b.rewrite) if (b.section, b.entry) in studies else frozenset(),
            study=studies[(b.section, b.entry)]
            if (b.section, b.entry) in studies and not _NAMES_A_ROLE.search(b.rewrite)
            else "",
        )
        for n, b in enumerate(bullets)
    ]
    statements = [k for k in kept if not _CITATION.search(k.text)]
    found += [
        Fact(f"kept-{n}", k.text, k.text, k.section, "", kinds_of(k.text), False, len(found) + n, _tells(k.text))
        for n, k in enumerate(statements, start=1)
    ]
    return found


_TITLE_THEN_VENUE = re.compile(r"\w\. [A-Z]")  # "Benchmarking antibiotic use. Invited webinar, CDC, 2020"
_TITLED = re.compile(r"['\"“‘]|\$\s?\d")  # a quoted title or an amount: an entry of a list, not a sentence


def _quotable(text: str) -> bool:
    """Whether a duty reads well quoted in a summary, a headline or a note: not in the team's or the physician's
    own voice ("We run 24/7 mobile crisis for youth …", "I also sit on …"), not a company's promotional speaking,
    not the CV's key to its shorthand ("Sub-I = sub-investigator. …"), and not a role with a colon before what was
    done ("Site echocardiography lead: performed or read 41 protocol echocardiograms"), which a text would paste as
    a splice; a role with what it was held in after the colon ("Site PI: ORCA-201, …") reads as a role line."""
    if a_table_row(text):
        return False  # "Maternal RSV vaccine — III — Industry — Site PI — 146": a record, no statement
    if _OWN_VOICE.match(text) or _PROMOTIONAL.search(text) or _KEY.match(text):
        return False
    label, colon, held = text.partition(": ")
    if not (colon and len(label.split()) <= 6 and is_role_word(label.split()[-1])):
        return True
    # "Site PI: ORCA-201, phase 2 of …; 11 patients enrolled" names what the role was held in, as "Site PI, ORCA-201"
    # would: only an act after the colon makes the splice
    first = held.split(" ", 1)[0]
    return not (english.is_past_verb(first) or english.verb_lemma(first.lower()) == first.lower())


_OWN_VOICE = re.compile(r"(?:we|our|us|i|my)\b", re.IGNORECASE)
# The CV's key to its shorthand: "Sub-I = sub-investigator. All trials industry-sponsored, …"
_KEY = re.compile(r"[\w/&.-]{1,12}\s*=\s*[A-Za-z]")
# A company's promotional speaking: work on the resume, but the first thing a medical-affairs or any other reader
# should learn of a physician is never that they promoted a product ("Speakers bureau, Halcyon Oncology (…)").
_PROMOTIONAL = re.compile(r"\bspeakers?[' ]*bureaus?\b|\bpromotional\b", re.IGNORECASE)


def _tells(text: str) -> bool:
    """Whether a line kept as written reads as a statement a text can quote: it opens with a count ('18 peer-
    reviewed publications, …'), an act ('Designed a CME course …'), or a role with what was done ('Site lead for
    a registry; enrolled 23 children'). A grant or a talk listed as an entry does not ('Co-Investigator, NIH R01
    HD104412, 'Aspirin adherence, …', 2020–2025, $2,300,000')."""
    if _TITLED.search(text) or _TITLE_THEN_VENUE.search(text) or _PROMOTIONAL.search(text):
        return False
    words = text.split(" ", 2)
    if words[0][:1].isdigit():
        return True
    if english.is_past_verb(words[0]):
        return not is_role_word(re.split(r"[,;:(]", text, maxsplit=1)[0].split()[-1])
    return "; " in text and role_line(text) is not None


CURRENT = 0.5  # what being today's work adds to a fact's rank
TRAINING = 0.5  # what a resident's or fellow's work counts beside an attending's, in rank (not as evidence)
_TRAINING_POST = re.compile(
    r"\b(?:resident|residency|fellow|fellowship|intern|internship|assistenz(?:arzt|ärztin|ärzt))\b(?!\s+of\b)", re.I
)


# A line that says the physician was near the work, not what they did or found: "Involved in utilization review
# …", "Responsible for …", "Helped launch …", a seat on a committee ("Member, Peer Review Committee"; not a guideline
# panel, an advisory or data safety monitoring board, which is work of its own). It counts for the target as its
# work does, but a text opens with what the physician did: such a line ranks at half its score.
_NEAR_THE_WORK = re.compile(
    r"^(?:involved in|responsible for|helped|assisted|participated in|attended|exposure to|familiar with|worked on|"
    r"part of|member\b(?!.*\b(?:panel|advisory|board|DSMB|safety monitoring|steering|writing|guideline|"
    r"study section)))",
    re.IGNORECASE,
)
NEAR = 0.5
# A line that reports a setback: true, and worth its place on the resume, but no opening for a text ("enrolled 9
# patients before the sponsor stopped it for futility")
_SETBACK = re.compile(
    r"\b(?:futility|terminated early|stopped early|closed early|withdrawn|halted|did not meet|failed to)\b", re.I
)


# A result stated by its figures: "Postpartum BP check ≤10 days (Medicaid): 32% → 61%", "… 84% (n=142)".
_RESULT = re.compile(r"→|->|\bfrom\b[^;]{0,40}?\bto\b\s*[~≈<>≤≥]?\d|\d%|\bn\s?=\s?\d")


def states(text: str) -> bool:
    """Whether a line says something told on its own: it opens with an act ("Built a MIGS program …"), its subject
    acts ("Length of stay fell from 5.8 to 3.9 days"), it is a role with what it was held in ("Sub-investigator,
    CALYX-2 pivotal IDE trial"), it opens with a count, or it gives a result by its figures. A thing named with
    its details ("TX-118 ph 3 (Tamsin Therapeutics), intracameral travoprost implant vs timolol", "Board Quality
    Committee dashboard, 42 metrics, monthly") says what, not what was done with it: a Summary that pastes it
    reads as a list of notes."""
    from translator.mapping.rewrite import opening, says_its_own_act

    text = text.strip()
    if opening(text) != "noun" or says_its_own_act(text) or role_line(text) is not None:
        return True
    if (lead := LEAD_IN.match(text)) and states(text[lead.end() :]):
        return True  # "Clinical trials: Site principal investigator for 7 phase III trials …": a bold lead-in
    return bool(
        re.match(r"[~≈]?\d(?!\d{3}\b)|[~≈]?\d{4}\s+[a-z]", text) or _RESULT.search(text)
    )  # a year counts nothing


# A bold lead-in before a whole duty, as modern resumes write them: "Clinical trials: ", "Service development: "
LEAD_IN = re.compile(r"^[A-Z][\w&/-]*(?: [\w&/-]+){0,3}: (?=\S)")


def ranked(
    facts: Iterable[Fact], weights: Mapping[str, int], to_tell: bool = False, wish: frozenset[str] = frozenset()
) -> list[Fact]:
    """Facts that count for the target, strongest first, today's work a little ahead and a trainee's behind
    ('Chief Fellow: built the call schedule' does not open an attending's Summary); then the CV's order. With
    `to_tell` (the facts a text opens with), a line that says only that the physician was near the work, that
    reports a setback, or that names a thing without saying what was done or found (`states`) ranks at half; as
    evidence for a target it counts whole. `wish`: the words of what the physician says they want next
    (`wish_words`); a fact a text may tell that shares one ranks WISH higher ('~700 patients on anti-obesity
    medication' for an MSL role in obesity)."""
    scored = [(f.score(weights), f) for f in facts]

    def key(pair: tuple[float, Fact]) -> tuple[float, int]:
        score, fact = pair
        score *= NEAR if to_tell and _NEAR_THE_WORK.match(fact.source.strip()) else 1.0
        score *= NEAR if to_tell and _SETBACK.search(fact.source) else 1.0
        score *= NEAR if to_tell and not (fact.study or states(fact.text)) else 1.0
        score += WISH if to_tell and score > 0 and wish & _words(fact.text) else 0.0
        return -(score * (TRAINING if fact.training else 1.0) + (CURRENT if fact.current else 0.0)), fact.order

    return [f for s, f in sorted(scored, key=key) if s > 0]


WISH = 2.0  # what a fact in the words of the physician's stated wish adds to its rank for the texts
_WORD = re.compile(r"[a-z][a-z-]{3,}")
# Words of a wish that name no field of work: "I'm hoping to move into an MSL role in diabetes/obesity sometime in
# 2027 - incretins/obesity would be ideal, but I would also listen if a CGM or pump company had an opening"
_NO_FIELD = frozenset(
    {
        "about",
        "affairs",
        "also",
        "clinical",
        "company",
        "development",
        "health",
        "hybrid",
        "ideal",
        "industry",
        "into",
        "liaison",
        "listen",
        "looking",
        "medical",
        "move",
        "moving",
        "next",
        "open",
        "opening",
        "opportunities",
        "plan",
        "position",
        "positions",
        "remote",
        "role",
        "roles",
        "science",
        "scientist",
        "sometime",
        "sponsor",
        "team",
        "teams",
        "that",
        "their",
        "there",
        "this",
        "want",
        "which",
        "with",
        "work",
        "working",
        "would",
        "year",
        "years",
    }
)


def _words(text: str) -> frozenset[str]:
    """A text's words, each by its first six letters: 'engagers' and 'engager' are one."""
    return frozenset(w[:6] for w in _WORD.findall(text.lower()) if w not in _NO_FIELD)


def wish_words(wish: str, framing: str = "") -> frozenset[str]:
    """The words of what a physician says they want next that name a field of work ('lymphoma', 'T-cell
    engagers', 'obesity'), not the target's own words (`framing`: its names, titles and keywords)."""
    return _words(wish) - _words(framing)


def worth(line: str, weights: Mapping[str, int]) -> float:
    """What a line that is no duty (a committee seat, a course attended) counts for the target, scored as a
    duty would be."""
    return Fact("", line, line, "", "", kinds_of(line), False, 0).score(weights)


def relevance(facts: Iterable[Fact], weights: Mapping[str, int]) -> dict[str, float]:
    """Each bullet's score for the target, by bullet id: the resume orders bullets and sections by it. A line
    that says only that the physician was near the work ("Helped with the referral criteria …") counts half: under
    its position it follows what the physician did, and it is trimmed before it."""
    return {f.id: f.score(weights) * (NEAR if _NEAR_THE_WORK.match(f.source.strip()) else 1.0) for f in facts}
