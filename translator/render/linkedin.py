"""The rest of the LinkedIn profile: a description for each position, and the skills the CV shows.

A description is the position's own lines as the resume words them (the rules' or a model's rewrite, with the
additions the physician confirmed), one per line, the strongest for the target first: LinkedIn folds a
description after about 200 characters, so what a recruiter sees first is the best evidence. Nothing is added
to them, so the fact guard that passed each line holds for the whole. A skill is listed only when a line of the
CV shows it (skills.toml); the target's weights order the list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache, cached_property

from pydantic import Field

from translator import dates
from translator.data_files import load_toml, places
from translator.mapping import facts
from translator.mapping.facts import Fact
from translator.mapping.patterns import AnyOf, Regex, regex
from translator.mapping.patterns import check as valid_pattern
from translator.mapping.roles import RoleProfile
from translator.mapping.rule_files import DATA_DIR
from translator.models import (
    BulletTranslation,
    Entry,
    LinkedInChange,
    LinkedInNow,
    LinkedInPosition,
    LinkedInProfile,
    LinkedInSkill,
    ParsedCV,
    SectionKind,
    StrictModel,
)
from translator.parse.profile import STATE_CODES
from translator.parse.structure import names_an_organization
from translator.render.resume import is_training, licence_lines, side_post
from translator.specialties import specialties

DESCRIPTION_LIMIT = 2000  # LinkedIn's limit for a position's description
FOLD = 200  # characters LinkedIn shows before "see more"
TRAINING_LIMIT = 300  # a residency or fellowship: its two strongest lines at most
TRAINING_LINES = 2
MIN_SKILLS, MAX_SKILLS, TOP_SKILLS = 10, 50, 3
MARK = "• "

# "…with nephrology, dermatology and obstetrics": the fields a line names as partners, up to the match.
_PARTNER = re.compile(r"\bwith (?:the )?(?:[\w/-]+(?:,| and| &)? ){0,6}$", re.IGNORECASE)
# A line that opens with someone's name and credentials: a mentee's or a colleague's line, not the physician's.
_ANOTHER_PERSON = re.compile(
    r"^(?:Dr\.? )?[A-Z][\w'’-]+(?:[ -][A-Z][\w'’.-]*){1,3},\s*(?:MD|DO|PhD|PharmD|RN|NP|PA-C|MPH|MS|MSc|MBBS|DNP)\b"
)
# A line that cites a talk, a poster or a paper: it shows what was said or written, not work done.
_CITATION = re.compile(
    r"\b(?:invited (?:speaker|talk|lecture|webinar)|keynote|poster|oral (?:abstract|presentation)|grand rounds)\b"
    r"|\bet al\b|(?<!\w)(?:oral|poster):",
    re.IGNORECASE,
)
_CITY = re.compile(r"(?:Greater\s)?[A-Z][\w.'’-]*(?:\s(?:[A-Z][\w.'’-]*|de|la|of))*(?:\sArea)?")


class Skill(StrictModel):
    name: str
    patterns: list[str] = Field(min_length=1)
    unless: list[str] = Field(default_factory=list)
    sections: list[SectionKind] = Field(default_factory=list)
    weigh: list[str] = Field(default_factory=list)
    partners: bool = False
    practice: bool = False
    field: bool = False
    reason: str | None = None

    def model_post_init(self, _context: object) -> None:
        for pattern in [*self.patterns, *self.unless]:
            valid_pattern(pattern)
        unknown = set(self.weigh) - set(facts.kinds())
        if unknown:
            raise ValueError(f"skill {self.name!r} weighs unknown kinds {sorted(unknown)}")

    @cached_property
    def matchers(self) -> tuple[Regex, ...]:
        return tuple(regex(p) for p in self.patterns)  # tried only when a line holds one of their words

    @cached_property
    def words(self) -> AnyOf:
        return AnyOf(self.patterns)  # every pattern's words at once: most lines hold none of them

    @cached_property
    def excluded(self) -> AnyOf:
        return AnyOf(self.unless)

    def shown_by(self, words: str, section: SectionKind) -> bool:
        """Whether a line, in the CV's own words, shows the skill."""
        if section not in self.sections and not self.words.may_match(words):
            return False
        if _ANOTHER_PERSON.match(words) or (self.unless and self.excluded.search(words)):
            return False
        if self.practice and (section in {"presentations", "publications"} or _CITATION.search(words)):
            return False
        if section in self.sections:
            return True
        for matcher in self.matchers:
            for match in matcher.finditer(words):
                if self.partners or not _PARTNER.search(words[: match.start()]):
                    return True
        return False


class SkillFile(StrictModel):
    skill: list[Skill]


@cache
def skill_table() -> tuple[Skill, ...]:
    loaded: SkillFile = load_toml(DATA_DIR / "skills.toml", SkillFile)
    return tuple(loaded.skill)


def split_place(organization: str | None) -> tuple[str | None, str | None]:
    """The organisation's name and its place: ('Mercy Regional Medical Center', 'Springfield, IL') and
    ('Cascadia Ridge Medical Center', 'Portland, Oregon, United States'). A place is a city followed by a US
    state (its code or name) or a country, or a state followed by a country; without one, nothing is split."""
    if not organization:
        return organization, None
    parts = [p.strip() for p in organization.split(",")]
    states, countries = set(places().us_states), set(places().countries)
    take = 0
    if len(parts) >= 3 and parts[-1] in countries and (parts[-2] in states or _state_code(parts[-2])):
        take = 3 if _city(parts[-3]) else 2
    elif len(parts) >= 2 and (parts[-1] in states or _state_code(parts[-1]) or parts[-1] in countries):
        take = 2 if _city(parts[-2]) else 0
    if not take or take >= len(parts):
        return organization, None
    return ", ".join(parts[:-take]), ", ".join(parts[-take:])


_ORG_WORD = re.compile(
    r"\b(?:Department|Division|Hospital|Center|Centre|University|School|College|Clinic|Institute|Health|Medical)\b"
)


def _city(part: str) -> bool:
    """A city's name: capitalised words, none that names an organisation ('Department of Medicine, MD' is none)."""
    return bool(_CITY.fullmatch(part)) and not _ORG_WORD.search(part)


def _state_code(part: str) -> bool:
    """'IL', 'OR 97213', 'ON M5V 2T6': a state or province code, with its postal code or not."""
    return part.split(" ")[0] in STATE_CODES and bool(re.fullmatch(r"[A-Z]{2}(?: [\dA-Z -]{3,10})?", part))


def description(lines: Iterable[BulletTranslation], relevance: Mapping[str, float], limit: int, most: int = 0) -> str:
    """The lines, strongest for the target first (ties in the CV's order), one per line after a bullet mark, as
    many as fit in `limit` characters (`most` of them at most, when given)."""
    ordered = sorted(lines, key=lambda b: -relevance.get(b.id, 0.0))
    kept: list[str] = []
    for bullet in ordered:
        line = MARK + bullet.rewrite
        if len("\n".join([*kept, line])) <= limit:
            kept.append(line)
        if most and len(kept) >= most:
            break
    return "\n".join(kept)


_POSTS_ELSEWHERE = frozenset({"research", "leadership", "committees", "other", "service", "editorial"})


def positions(cv: ParsedCV, bullets: list[BulletTranslation], relevance: Mapping[str, float]) -> list[LinkedInPosition]:
    """Every job of the CV, latest first, then every residency and fellowship, latest first."""
    by_entry: dict[tuple[str, str], list[BulletTranslation]] = {}
    for bullet in bullets:
        by_entry.setdefault((bullet.section, bullet.entry), []).append(bullet)
    jobs: list[tuple[Entry, bool, list[BulletTranslation]]] = []
    posts = [e for s in cv.sections if s.kind == "experience" for e in s.entries]
    for section in cv.sections:
        for entry in section.entries:
            if not (entry.title or entry.organization):
                continue
            training = is_training(entry, posts)
            # a post held outside the CV's experience section, dated and with its organization ("Industry
            # Collaboration & Proctoring": "Proctor and Faculty … — Corvexa Medical GmbH, 2021–present"), is a
            # position on LinkedIn as well
            held = (
                section.kind in _POSTS_ELSEWHERE
                and bool(entry.title and entry.organization and entry.dates)
                # a study is no employer: "Co-Investigator — ARC-BK" is the study's role, for the resume
                and (section.kind != "research" or names_an_organization(entry.organization or ""))
            )
            if section.kind == "experience" or held or (training and section.kind in {"education", "training"}):
                jobs.append((entry, training, by_entry.get((section.heading, entry.label), [])))
    # By date alone, as LinkedIn lists them: a chief residency comes after the fellowship that followed it.
    # … and a post held beside today's main one after it (resume.side_post)
    latest = sorted(
        jobs,
        key=lambda j: (_negated(dates.end_of(j[0].dates)), side_post(j[0]), _negated(dates.start_of(j[0].dates))),
    )
    found = []
    for entry, training, lines in latest:
        organization, place = split_place(entry.organization)
        text = (
            description(lines, relevance, TRAINING_LIMIT, TRAINING_LINES)
            if training
            else description(lines, relevance, DESCRIPTION_LIMIT)
        )
        found.append(
            LinkedInPosition(
                title=_person_title(entry.title) if training else entry.title,
                organization=organization,
                dates=entry.dates,
                location=place,
                description=text,
                training=training,
            )
        )
    return found


_TRAINING_TITLE = re.compile(r"^(Fellowship|Residency|Internship)(?:,\s*|\s+in\s+|\s+[-–—]\s+)(.+)$", re.IGNORECASE)
_TRAINEE = {"fellowship": "Fellow", "residency": "Resident", "internship": "Intern"}


def _person_title(title: str | None) -> str | None:
    """A training entry as LinkedIn's title field reads it: 'Fellowship, Cardiovascular Disease' →
    'Cardiovascular Disease Fellow'; 'Residency in Internal Medicine' → 'Internal Medicine Resident'."""
    match = _TRAINING_TITLE.match(title or "")
    if not match:
        return title
    return f"{match.group(2).strip()} {_TRAINEE[match.group(1).lower()]}"


def _negated(point: tuple[int, int]) -> tuple[int, int]:
    return (-point[0], -point[1])


def skills(
    cv: ParsedCV, found: list[Fact], weights: Mapping[str, int], specialty: str | None = None
) -> list[LinkedInSkill]:
    """The skills the CV shows, each with the lines that show it: the target's most valued first, then by how
    many lines show it; the first three marked for LinkedIn's top skills. The specialty comes first among the
    rest when a line names it, and the CV's own listed skills follow when a line shows them."""
    kind_of = {section.heading: section.kind for section in cv.sections}
    titles = [e.title for s in cv.sections for e in s.entries if e.title]
    scored: list[tuple[float, int, int, LinkedInSkill]] = []
    for order, skill in enumerate(skill_table()):
        evidence = [f.text for f in found if skill.shown_by(f.source, kind_of.get(f.section, "other"))]
        if (
            skill.field
            and not _own_field(skill.name, specialty, cv.profile.position)
            and not (len(evidence) >= 2 and any(m.search(title) for m in skill.matchers for title in titles))
        ):
            # a field is the physician's when it is their specialty or a post or training of theirs names it: a
            # neuroradiologist who reads the ED's head CTs is no emergency physician
            continue
        if evidence:
            weight = max((weights.get(k, 0) for k in skill.weigh), default=0)
            scored.append((weight, len(evidence), order, LinkedInSkill(name=skill.name, evidence=_first(evidence))))
    named = {_plain_name(s.name): s for *_, s in scored}
    for order, name in enumerate(_own_names(cv, specialty), start=len(scored)):
        if (same := named.get(_plain_name(name))) is not None:
            same.name = name  # the CV's own wording of a skill it lists: "Point-of-Care Ultrasound"
            continue
        word = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
        evidence = [f.text for f in found if word.search(f.source) or word.search(f.text)]
        if evidence:
            own = LinkedInSkill(name=name, evidence=_first(evidence))
            named[_plain_name(name)] = own
            scored.append((0.5, len(evidence), order, own))
    ranked = [s for *_, s in sorted(scored, key=lambda t: (-t[0], -t[1], t[2]))][:MAX_SKILLS]
    for pinned in ranked[:TOP_SKILLS]:
        pinned.top = True
    return ranked


def _own_field(name: str, specialty: str | None, position: str | None = None) -> bool:
    """'Critical Care' for a pulmonary and critical care physician, 'Respiratory Medicine' for a pulmonologist
    (its therapeutic area), 'Oncology' for a medical oncologist, 'Hospital Medicine' for a hospitalist by title."""
    field = _plain_name(name)
    data = specialties()
    person = (data.person.get(field) or data.person.get(f"{field}s") or "").lower()
    if person and position and re.search(rf"\b{re.escape(person)}\b", position.lower()):
        return True
    if not specialty:
        return False
    own = [specialty.lower(), (data.area.get(specialty.lower()) or "").lower()]
    return any(o and (field in o or o in field) for o in own)


def _plain_name(name: str) -> str:
    """A skill's name without its abbreviation or case: 'Point-of-Care Ultrasound (POCUS)' is the CV's
    'point-of-care ultrasound'; 'Infectious Disease' is 'Infectious Diseases'."""
    return re.sub(r"\s*\([^()]*\)$", "", name).lower().removesuffix("s")


def _first(evidence: list[str], most: int = 3) -> list[str]:
    return list(dict.fromkeys(evidence))[:most]


def _own_names(cv: ParsedCV, specialty: str | None) -> list[str]:
    """The specialty, then the skills the CV lists itself ('Skills: lupus, musculoskeletal ultrasound')."""
    names = [specialty.title()] if specialty else []
    for section in cv.sections:
        if section.kind != "skills":
            continue
        items = [b.text for e in section.entries for b in e.bullets] + [t for e in section.entries for t in e.lines]
        for item in items:
            names += [p.strip() for p in re.split(r"[,;|•·]", item.split(":", 1)[-1]) if 2 < len(p.strip()) <= 40]
    return list(dict.fromkeys(names))


def profile(
    cv: ParsedCV, bullets: list[BulletTranslation], found: list[Fact], role: RoleProfile, specialty: str | None
) -> LinkedInProfile:
    relevance = facts.relevance(found, role.weights)
    return LinkedInProfile(
        positions=positions(cv, bullets, relevance),
        degrees=degrees(cv),
        skills=skills(cv, found, role.weights, specialty),
        certifications=[
            line.replace("\u00a0", " ") for line in licence_lines(s for s in cv.sections if s.kind == "certification")
        ],
    )


def degrees(cv: ParsedCV) -> list[LinkedInPosition]:
    """The degrees of the CV's education, latest first, for LinkedIn's Education section beside the trainings
    (an MD, an MS in Health Care Quality, a bachelor's): each as the CV names it, with its school and years."""
    found = [
        e
        for s in cv.sections
        if s.kind == "education"
        for e in s.entries
        # (a degree with its notes under it, "PhD, Molecular Pharmacology" / "Dissertation: …", is a degree still)
        if e.title and not is_training(e) and (not e.bullets or _SCHOOLING.match(e.title))
    ]
    # a list of degrees and trainings written as items ("MD — University of Tennessee …, 2012"): one each
    listed = [
        b.text
        for s in cv.sections
        if s.kind in {"education", "training"}
        for e in s.entries
        if not e.title
        for b in e.bullets
    ]
    found += [entry for item in listed if (entry := _as_entry(item)) is not None]
    latest = sorted(found, key=lambda e: (_negated(dates.end_of(e.dates)), _negated(dates.start_of(e.dates))))
    return [LinkedInPosition(title=e.title, organization=e.organization, dates=e.dates) for e in latest]


_MEDICAL_DEGREE = re.compile(
    r"^(?:MD|M\.D\.|DO|D\.O\.|MBBS|MB BS|MBChB|MB ChB|MB BCh|BM BCh|BMBS|Doctor of (?:Medicine|Osteopathic Medicine))\b"
)


def medical_school(cv: ParsedCV) -> str | None:
    """The school of the physician's medical degree, as the CV names it ('Brody School of Medicine at East Carolina
    University'); None when the CV names none."""
    return next((d.organization for d in degrees(cv) if d.organization and _MEDICAL_DEGREE.match(d.title or "")), None)


# A degree or a training, which LinkedIn's Education lists ("MBChB (Hons)", "Pain Medicine Fellowship"); not a
# membership or an accreditation ("FRCP (London)", "JAG certification …"), which its certifications do.
_SCHOOLING = re.compile(
    r"^(?:[A-Z][\w.]*\s+){0,4}?(?:fellowship|residency|internship)\b|^(?:fellowship|residency|internship)\b"
    r"|^(?:MD|DO|MBBS|MBChB|MB BCh|BM BCh|BMBS|PhD|DPhil|MPH|MPP|MBA|MHA|MSc?|MA|BSc?|BA|BS|BScMed|MS[A-Z]*)\b"
    r"|^(?-i:DM|DNB|MCh|MMed)\b",  # India's and South Africa's specialist degrees: "DM (Endocrinology)", "MMed (Urol)"
    re.IGNORECASE,
)
_SCHOOL = re.compile(r",\s+(?=(?:[A-Z][\w'’.&-]*\s+){0,5}(?:University|College|School|Hospitals?|Institute|Center)\b)")


def _as_entry(item: str) -> Entry | None:
    """An item of an education list as an entry: 'Pain Medicine Fellowship — Emory University School of
    Medicine, Atlanta, GA, 2016–2017' → the training, the school, the years; None for an item that is no degree
    and no training."""
    from translator.parse.text import split_dates

    text = item.strip().rstrip(".")
    when = None
    if first := re.match(r"^((?:19|20)\d{2}(?:\s*[–—-]\s*(?:(?:19|20)\d{2}|present))?)\s+[—–-]\s+", text, re.I):
        when, text = first.group(1), text[first.end() :]  # "2010–2011 — Fellowship, Hospice & Palliative …"
    else:
        text, when = split_dates(text)
    parts = re.split(r"\s+[—–-]\s+", text, maxsplit=1)
    if len(parts) == 2 and re.match(r"(?:thesis|dissertation)\b", parts[1], re.IGNORECASE):
        text, when = split_dates(parts[0])  # "MD (Res), University of Sheffield, 2014 — Thesis: …": the note goes
        parts = [text]
    if len(parts) < 2:
        parts = _SCHOOL.split(text, maxsplit=1)
    named = parts[0].strip(" ,")
    if not _SCHOOLING.search(named):
        return None
    school = parts[1].strip(" ,") if len(parts) == 2 else None
    return Entry(title=named, organization=school or None, dates=when)


def changes(
    now: LinkedInNow, cv: ParsedCV, profile: LinkedInProfile, headline: str, about: str
) -> list[LinkedInChange]:
    """What the new texts would change on the profile the CV was read from: the headline, the About, each
    position's description, and the skills to add."""
    found: list[LinkedInChange] = []
    if headline and _plain(headline) != _plain(now.headline):
        found.append(LinkedInChange(field="Headline", now=now.headline, proposed=headline))
    if about and _plain(about) != _plain(now.about):
        found.append(LinkedInChange(field="About", now=now.about, proposed=about))
    written = {
        (e.title, split_place(e.organization)[0]): "\n".join(MARK + b.text for b in e.bullets)
        for s in cv.sections
        if s.kind == "experience"
        for e in s.entries
    }
    for position in profile.positions:
        before = written.get((position.title, position.organization), "")
        if position.description and _plain(position.description) != _plain(before):
            label = " — ".join(p for p in (position.title, position.organization) if p)
            found.append(LinkedInChange(field=f"Experience: {label}", now=before, proposed=position.description))
    listed = {s.lower() for s in now.skills}
    new = [s.name for s in profile.skills if s.name.lower() not in listed]
    if new:
        found.append(LinkedInChange(field="Skills to add", now=", ".join(now.skills), proposed=", ".join(new)))
    return found


def _plain(text: str) -> str:
    return " ".join(text.replace(MARK, " ").split()).lower()
