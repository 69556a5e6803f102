"""Pieces of the profile texts in people's words: who the physician is, since when, and a fact's words cut to fit
a sentence, a headline or the first person. Every piece is the CV's own words, shortened, never reworded."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from translator import dates
from translator.mapping import english
from translator.mapping.facts import LEAD_IN, Fact, figures, states
from translator.mapping.rewrite import listed_acts, opening, says_its_own_act
from translator.mapping.role_lines import is_role_word, role_line
from translator.mapping.rule_files import verbs
from translator.models import Entry, ParsedCV, Profile
from translator.parse.profile import employer
from translator.parse.structure import outside_brackets
from translator.specialties import BRITISH_SPELLINGS, specialties

# Words before a specialist's name that say rank or contract, not what the physician is.
_RANKS = {
    "attending",
    "staff",
    "partner-track",
    "senior",
    "junior",
    "consultant",
    "consulting",
    "associate",
    "assistant",
    "chief",
    "lead",
    "head",
    "locum",
    "locums",
    "part-time",
    "full-time",
    "academic",
    "principal",
    "visiting",
    "adjunct",
    "founding",
    "partner",  # "Partner Physician": a partner of a practice, no specialty
    "practicing",
    "board-certified",
    "certified",
}
_PERSON = re.compile(r"(?:ist|ian|physician|surgeon|doctor|OB/GYN)$", re.IGNORECASE)
_NOT_A_SPECIALIST = re.compile(
    r"(?:scientist|pharmacist|dietitian|technician|librarian|statistician|analyst|therapist|specialist|"
    r"custodian|historian|guardian|journalist|columnist|lobbyist|chairman)$",
    re.IGNORECASE,
)
_DIRECTOR_OF = re.compile(r"\b(?:director|chief|head|chair)\s+of\s+(?:the\s+)?(?P<field>[A-Za-z /&-]+)$", re.I)
_FELLOW = re.compile(r"^(?P<field>[A-Za-z /&-]+?)\s+(?:clinical\s+)?fellow(?:ship)?$", re.IGNORECASE)
_TITLE_PARTS = re.compile(r"\s+(?:and|&)\s+|\s*[,;|/]\s+|\s+[–—-]\s+")


def _person_of(field: str) -> str | None:
    """What people call a physician of a field, with its qualifier: 'Interventional Pulmonology' →
    'interventional pulmonologist'; None for a field that names no specialty."""
    words = field.lower().split()
    for word in ("of", "in"):  # "Assistant Professor of Pediatrics", "Consultant in Infectious Diseases": what follows
        if word in words:
            words = words[len(words) - words[::-1].index(word) :]
    person, aliases = specialties().person, specialties().aliases
    for n in range(len(words)):
        key = " ".join(words[n:])
        found = person.get(key) or person.get(aliases.get(key, ""))  # "cardiac electrophysiology", an alias
        if found:
            # (a ward's kind is no subspecialty: "acute general psychiatry and affective disorders unit" is a
            # psychiatrist's, never an "acute general psychiatrist")
            qualifiers = [] if {"acute", "general"} & set(words[:n]) else words[:n]
            return " ".join([*qualifiers, found if found.isupper() else found.lower()])
    return None


def _specialist(part: str) -> str | None:
    words = part.split()
    # the UK's consultant grade is the post ("Consultant Gastroenterologist"): kept, as NHS CVs say it
    consultant = len(words) == 2 and words[0].lower() == "consultant" and _PERSON.search(words[1]) is not None
    while words and words[0].lower() in _RANKS and not consultant:
        words = words[1:]
    if not words:
        return None
    last = words[-1]
    generic = len(words) == 1 and last.lower() in {"physician", "doctor"}  # "Attending Physician, Medical Oncology"
    if _PERSON.search(last) and not _NOT_A_SPECIALIST.search(last) and len(words) <= 4 and not generic:
        return _lower(" ".join(words))
    directed = _DIRECTOR_OF.search(part)
    field = (
        directed.group("field") if directed else re.sub(r"^(?:division|department|section) of\s+", "", part, flags=re.I)
    )
    return _person_of(field)


def _lower(text: str) -> str:
    """'Allergist-Immunologist' → 'allergist-immunologist'; an acronym stays ('OB/GYN')."""
    return re.sub(
        r"[A-Za-z]+", lambda m: m.group(0) if m.group(0).isupper() and len(m.group(0)) > 1 else m.group(0).lower(), text
    )


def _from_training(cv: ParsedCV) -> str | None:
    """The subspecialty a fellowship names: 'Cardiothoracic Anesthesiology Fellow' → 'cardiothoracic
    anesthesiologist'."""
    for section in cv.sections:
        for entry in section.entries:
            title = (entry.title or "").strip()
            match = _FELLOW.match(title)
            # (or titled "Clinical Fellow, Cardiac Electrophysiology")
            field = match.group("field") if match else None
            exact = False
            if (
                field is None
                and (trainee := _TRAINING_NOW.match(title))
                and (trainee.group("grade") or "").lower() == "fellow"
            ):
                field, exact = trainee.group("field"), True
            # (a field named whole, never a list of them: "Fellow, Hematology and Oncology" is no "hematology and
            # oncologist")
            if field and (person := _person_of(field)) and (not exact or person in specialties().person.values()):
                return person
    return None


# A training post held today, and its field, as the CV titles it: "Fellow in Neonatology (…)", "Cardiology Fellow",
# "Clinical Fellow, Interventional Radiology", "Resident, Internal Medicine", "Specialty Registrar in Cardiology"
_TRAINING_NOW = re.compile(
    r"^(?:clinical\s+|research\s+|senior\s+|specialty\s+|advanced\s+|basic\s+)?(?P<grade>fellow|resident|registrar|trainee)"
    r"(?:\s+in|\s*,)\s+(?P<field>[A-Za-z /&-]+?)\s*(?:\(|$)"
    r"|^(?P<field2>[A-Za-z /&-]+?)\s+(?:clinical\s+)?(?P<grade2>fellow|resident|registrar|trainee)\s*(?:\(|$)",
    re.IGNORECASE,
)


# A resident's grade as other countries title it: the Dutch "AIOS Longziekten" (and "ANIOS", not yet in training),
# the German "Assistenzarzt", the Spanish and Portuguese "Médico Residente", the French "Interne"
_RESIDENT_ABROAD = re.compile(
    r"^(?:AIOS|ANIOS|Assistenzarzt|Assistenzärztin|Assistenzärzt\*in|(?:Médic[oa]\s+)?Residente|Interne)\b",
    re.IGNORECASE,
)


def in_training(profile: Profile) -> str | None:
    """The physician as a trainee says it, when today's post is training: 'Fellow in Neonatology' → 'neonatology
    fellow', 'Resident, Internal Medicine' → 'internal medicine resident'; a fellow is no neonatologist yet."""
    position = (profile.position or "").strip()
    if _RESIDENT_ABROAD.match(position):
        # "AIOS Longziekten": a resident, in the specialty the CV shows ("pulmonology resident")
        return f"{profile.specialty.lower()} resident" if profile.specialty else "resident physician"
    match = _TRAINING_NOW.match(position)
    if match is None:
        return None
    field = (match.group("field") or match.group("field2") or "").strip()
    grade = (match.group("grade") or match.group("grade2") or "").lower()
    from translator.parse.specialty import names_a_specialty

    return f"{field.lower()} {grade}" if names_a_specialty(field) else None


def specialist(profile: Profile, cv: ParsedCV | None = None) -> str:
    """The physician as people say it, with the subspecialty the CV shows: 'pediatric neurologist',
    'cardiothoracic anesthesiologist', 'hospitalist'; from the current title, a fellowship that narrows it,
    else the specialty; a trainee as one ('neonatology fellow')."""
    if (trainee := in_training(profile)) is not None and (cv is None or _held_today(cv, profile)):
        return _as_the_cv_writes(trainee, cv)
    # (a note in brackets is no title of its own: "Consultant Orthopaedic Surgeon (Sports Knee & Arthroplasty)")
    position = re.sub(r"\s*\([^()]*\)", "", profile.position or "")
    from_title = next(filter(None, map(_specialist, _TITLE_PARTS.split(position))), None)
    specialty = (profile.specialty or "").lower()
    data = specialties()
    if from_title in {data.person.get(b) for b in data.broad} and specialty and specialty not in data.broad:
        from_title = None  # "Professor of Pediatrics" says less than the pediatric hematology-oncology board
    certified = data.person.get(specialty)
    if from_title and certified and certified.endswith(f" {from_title}"):
        from_title = (
            certified  # "Section of Endocrinology" at a children's hospital: the board's pediatric endocrinologist
        )
    base = from_title or certified or (f"{specialty} physician" if specialty else None)
    narrower = _from_training(cv) if cv is not None else None
    if narrower and (base is None or (narrower.endswith(base.split()[-1]) and len(narrower) > len(base))):
        return _as_the_cv_writes(narrower, cv)
    if narrower and base and _a_subspecialty(narrower, specialty):
        return _as_the_cv_writes(
            narrower, cv
        )  # a cardiologist trained in electrophysiology: "cardiac electrophysiologist"
    return _as_the_cv_writes(base or "physician", cv)


def _a_subspecialty(person: str, specialty: str) -> bool:
    """Whether the specialist a fellowship made is one of the specialty's own subspecialties: its field files under
    the same therapeutic area and is no broad specialty ("cardiac electrophysiologist" of cardiology)."""
    data = specialties()
    field = next((f for f, p in data.person.items() if p == person), None)
    return (
        field is not None
        and field != specialty
        and field not in data.broad
        and bool(data.area.get(field))
        and data.area.get(field) == data.area.get(specialty)
    )


_GRADES = frozenset({"fellow", "resident", "registrar", "trainee"})


def _held_today(cv: ParsedCV, profile: Profile) -> bool:
    entry = current_entry(cv, profile)
    return entry is not None and dates.is_ongoing(entry.dates)


def _as_the_cv_writes(phrase: str, cv: ParsedCV | None) -> str:
    """A word the CV always writes with a capital, even within a sentence, and that is none of the specialties' own
    words, keeps it: 'Mohs surgeon' (an eponym), never 'mohs surgeon'; 'medical oncologist' stays as it is."""
    if cv is None:
        return phrase
    text = " ".join(b.text for _, _, b in cv.all_bullets())
    data = specialties()
    # (an eponym the list itself capitalizes, "Mohs", is no common word)
    common = {w.lower() for name in (*data.names, *data.person.values()) for w in name.split() if not w[:1].isupper()}

    def written(match: re.Match[str]) -> str:
        word = match.group(0)
        if word in common or word in _GRADES:  # "medical", "pediatric", "fellow": capitalized only in names
            return word
        said = re.findall(rf"(?<=[a-z,;] )({re.escape(word)})\b", text, re.IGNORECASE)
        return word.capitalize() if said and all(w[:1].isupper() for w in said) else word

    phrase = re.sub(r"\b[a-z]{3,}\b", written, phrase)
    # and in the CV's own spelling, as it writes it most (titles too): a Canadian or British CV's "paediatric
    # hospitalist"
    everything = " ".join([text, *(e.label for s in cv.sections for e in s.entries), *(s.heading for s in cv.sections)])
    for british, american in BRITISH_SPELLINGS.items():
        said = len(re.findall(rf"\b{british}", everything, re.I)) > len(re.findall(rf"\b{american}", everything, re.I))
        if american in phrase and said:
            phrase = phrase.replace(american, british)
    return phrase


def leading_entry(cv: ParsedCV | None, profile: Profile) -> Entry | None:
    """The position the profile's title comes from, or, when that leads nothing, the first post held today that
    does, beside it ("Professor of Medicine (with tenure)" and "Director, Phase I & Early Therapeutics Program,
    2016–present": the director); never a side post (part-time, volunteer, a small share)."""
    from translator.render.resume import side_post

    entry = current_entry(cv, profile)
    if cv is None or leadership_title(entry) is not None:
        return entry
    leading = (
        e
        for s in cv.sections
        if s.kind == "experience"
        for e in s.entries
        if leadership_title(e) is not None and not side_post(e)
    )
    return next(leading, entry)


def current_entry(cv: ParsedCV | None, profile: Profile) -> Entry | None:
    """The position the profile's title comes from."""
    if cv is None:
        return None
    for section in cv.sections:
        if section.kind != "experience":
            continue
        for entry in section.entries:
            if profile.position and entry.title == profile.position:
                return entry
    return None


_UNIVERSITY_CORE = re.compile(
    r"^((?:the )?university of [a-z]+(?: [a-z]+)??)\s+(?:health|school|college|hospitals?|medical)\b"
)


_SYSTEM_CORE = re.compile(
    r"^(.+?)\s+(?:health(?:care)?(?: system)?|medical center|medical centre|hospitals?|clinic|health network)$"
)
_A_NAME_OF_ITS_OWN = re.compile(r"^(?:\S+\s+\S+.*|[a-z]{5,})$")  # two words or more, or one of five letters


@lru_cache(maxsize=4096)
def _named(organization: str | None) -> frozenset[str]:
    """The names an employer goes by, one per part, each without its department or city: "University of Oklahoma
    College of Medicine / Dean McGee Eye Institute" and "… / DMEI" share the university; "Lankenau Medical Center
    (Main Line Health), Wynnewood, PA" and "Main Line Health / Lankenau Medical Center" share both names."""
    pieces = re.split(r"\s+/\s+", organization or "")
    pieces += [inner for piece in pieces for inner in re.findall(r"\(([^()]{6,60})\)", piece)]  # "(Main Line Health)"
    parts = [name.lower() for piece in pieces if (name := employer(piece)) and len(name) > 5]
    # and the university or system a school or health system of it belongs to: "University of Utah Health" and
    # "University of Utah School of Medicine" are one employer
    cores = [m.group(1) for p in parts if (m := _UNIVERSITY_CORE.match(p))]
    # and the system a hospital or a clinic of it belongs to: "Baylor Scott & White Medical Center" and "Baylor
    # Scott & White Health" are one employer, "Henry Ford Hospital" and "Henry Ford Health" too
    systems = [m.group(1) for p in parts if (m := _SYSTEM_CORE.match(p)) and _A_NAME_OF_ITS_OWN.search(m.group(1))]
    # and a system's coined name that opens each of its parts: "WellSpan York Hospital" and "WellSpan Cardiology",
    # "OhioHealth Riverside Methodist" and "OhioHealth Physician Group"
    brands = [m.group(0).lower() for piece in pieces if (m := _BRAND.match(employer(piece) or ""))]
    return frozenset(parts + cores + systems + brands)


_BRAND = re.compile(
    r"(?!Ma?c[A-Z]|De[A-Z]|La[A-Z])[A-Z][a-z]+[A-Z][A-Za-z]+(?=\s+\S)"
)  # not a surname: McLaren, DeKalb


def same_employer(one: str | None, other: str | None) -> bool:
    """Whether two employers' names name one employer: a hospital and its system, a school and its university,
    a system's coined name opening both ('WellSpan York Hospital', 'WellSpan Cardiology')."""
    return bool(one and other and _named(one) & _named(other))


def since(cv: ParsedCV | None, profile: Profile) -> int | None:
    """The year the physician began at the current employer, when the CV says it and the position goes on: the
    earliest start of the positions held there ("at the University of Alabama at Birmingham since 2017", where
    2022 is only the promotion to associate professor)."""
    entry = current_entry(cv, profile)
    if cv is None or entry is None or not dates.is_ongoing(entry.dates):
        return None
    place = _named(entry.organization) if entry.organization else None
    there = [
        e
        for s in cv.sections
        if s.kind == "experience"
        for e in s.entries
        # a fellowship there is training, not a post held ("Fellow, Rheumatology, UAB 2018–2021")
        if e is entry
        or (place and e.organization and place & _named(e.organization) and not _TRAINEE.search(e.title or ""))
    ]
    # … held without a break: a consultant back after a fellowship elsewhere has been there since coming back
    start = dates.start_of(entry.dates or "")[0]
    for earlier in sorted(there, key=lambda e: dates.end_of(e.dates or ""), reverse=True):
        began, ended = dates.start_of(earlier.dates or "")[0], dates.end_of(earlier.dates or "")[0]
        if earlier is not entry and start and began and ended and ended >= start - 1:
            start = min(start, began)
    there = [e for e in there if e is entry or (dates.start_of(e.dates or "")[0] or 0) >= (start or 0)]
    years = [year for e in there if (year := dates.start_of(e.dates or "")[0])]
    # an earlier title there, noted with its years: "Associate Professor … (Assistant Professor 2015–2021)"
    years += [
        year
        for e in there
        for note in _EARLIER_POST.findall(f"{e.title or ''} {e.organization or ''}")
        if (year := dates.start_of(note)[0])
    ]
    return min(years) if years else None


_TRAINEE = re.compile(
    r"\b(?:fellow(?:ship)?|resident|residency|intern(?:ship)?|registrar|house officer|SHO|trainee|FY[12]|[SC]T\d)\b"
    r"(?!\s+of\b)",
    re.IGNORECASE,
)
_EARLIER_POST = re.compile(r"\([A-Za-z][^()]*?\b((?:19|20)\d{2}\s*[–—-]\s*(?:19|20)\d{2})\)")


@dataclass(frozen=True)
class Who:
    """Who the physician is, in the words every text opens with."""

    specialist: str  # "pediatric neurologist"
    board_certified: bool
    employer: str | None
    year: int | None
    certified_as: str | None = None  # what the board certified when the specialist is a job ("internist")
    specialty: str | None = None  # the specialty as the CV names it ("internal medicine")
    leads: str | None = None  # the leadership part of the current title: "Medical Director, Hospital Medicine"
    practice: int | None = None  # years in practice, where the CV's own summary states them ("28 years of …")
    # The post held today that a Summary names beside the specialty, with where and since when it is held: a
    # leadership title, or a post with no practice in it ("Associate Chief Quality Officer at ChristianaCare since
    # 2021"); None for a staff physician, whose specialty at the employer says it all.
    post: str | None = None

    @property
    def title(self) -> str:
        """For a headline: 'Pediatric Neurologist', acronyms kept."""
        return title_case(self.specialist)

    @property
    def lead(self) -> str:
        """A headline's opening: 'Board-Certified Pediatric Neurologist'; a job the board does not certify keeps
        the CV's own name for what it did certify: 'Hospitalist (Board-Certified in Internal Medicine)'."""
        if not self.board_certified:
            return self.title
        if self.certified_as and self.specialty:
            return f"{self.title} (Board-Certified in {title_case(self.specialty)})"
        return f"Board-Certified {self.title}"

    def phrase(self, board: bool = False) -> str:
        """'pediatric neurologist'; with `board`, 'board-certified pediatric neurologist' when the CV shows it,
        and 'board-certified internist and hospitalist': the board certifies the specialty, not the job."""
        if not (board and self.board_certified):
            return self.specialist
        if self.certified_as:
            return f"board-certified {self.certified_as} and {self.specialist}"
        return f"board-certified {self.specialist}"

    def article(self, board: bool = False) -> str:
        phrase = self.phrase(board)
        return f"{english.indefinite_article(phrase)} {phrase}"

    @property
    def at(self) -> str:
        """' at the University of Alabama at Birmingham', ' at Mayo Clinic': where, as a sentence says it; ''
        when the CV names no employer."""
        if not self.employer:
            return ""
        the = "the " if _TAKES_THE.match(self.employer) else ""
        return f" at {the}{self.employer}"


# A post held with no practice in it: a physician there is no "cardiologist at Emory".
_NO_PRACTICE = re.compile(
    r"\b(?:non-?clinical|observer(?:ship)?|visiting (?:research )?scholar|research scholar|no patient contact|"
    r"not (?:currently )?licensed)\b",
    re.IGNORECASE,
)


def practices_there(cv: ParsedCV | None, profile: Profile) -> bool:
    """Whether the current position is practice, so the physician is a specialist at that employer: not a
    "Visiting Research Scholar (non-clinical)" or an observership ("a cardiologist at Emory since 2024" says he
    practises there)."""
    entry = current_entry(cv, profile)
    said = " ".join(
        filter(None, [profile.position, *(entry.lines if entry else []), entry.organization if entry else None])
    )
    return not _NO_PRACTICE.search(said)


def who(profile: Profile, cv: ParsedCV | None = None) -> Who:
    found = specialist(profile, cv)
    certified = specialties().person.get((profile.specialty or "").lower())
    job = found.split()[-1] in {*specialties().titles, "fellow", "resident", "registrar"}
    certified_as = certified if job and certified and certified != found else None
    practising = practices_there(cv, profile)
    return Who(
        found,
        profile.board_certified,
        profile.institution if practising else None,
        since(cv, profile) if practising else None,
        certified_as,
        profile.specialty,
        leadership_title(leading_entry(cv, profile)),
        years_in_practice(cv),
        current_post(cv, profile, practising),
    )


def current_post(cv: ParsedCV | None, profile: Profile, practising: bool = True) -> str | None:
    """'Chief, Division of Interventional Radiology at Henry Ford Health since 2020', 'Founder of Desert Sky
    Dermatology since 2015': the current leadership title (or a post with no practice in it) with its employer
    and its own start, not the year the physician joined the employer."""
    entry = leading_entry(cv, profile)
    title = leadership_title(entry)
    if entry is None or not dates.is_ongoing(entry.dates):
        return None
    if title is None and not practising:
        title = entry.title
    # "(0.8 FTE)", "(non-clinical)": the resume's to say
    title = re.sub(r"\s*\([^()]*\)", "", title or "").strip(" ,")
    if not title:
        return None
    place = employer(entry.organization) if entry.organization else None
    text = title
    if place and place.lower() not in title.lower():
        text += f" {'of' if _FOUNDED.search(title) else 'at'} {'the ' if _TAKES_THE.match(place) else ''}{place}"
    year = dates.start_of(entry.dates)[0]
    return f"{text} since {year}" if year else text


_FOUNDED = re.compile(r"(?:\b(?:co-?)?founder|\bowner)$", re.IGNORECASE)


# "with 28 years of full-spectrum practice", "22 years of clinical practice", "15 years of experience in …"
_YEARS_STATED = re.compile(
    r"\b(\d{1,2})\+?\s+years?\s+(?:of\s+)?(?:[\w,-]+\s+){0,7}?(?:practice|clinical experience|experience|as an? "
    r"(?:attending|physician|[\w-]+ist|[\w-]+ian)\b)",
    re.IGNORECASE,
)


def years_in_practice(cv: ParsedCV | None) -> int | None:
    """The years in practice the CV's own summary states ('Geriatrician … with 22 years of clinical practice');
    None where it states none (a count is never worked out from dates: training and gaps make it a guess)."""
    if cv is None:
        return None
    lines = [
        t
        for s in cv.sections
        if s.kind == "summary"
        for e in s.entries
        for t in (*e.lines, *(b.text for b in e.bullets))
    ]
    found = next((m for t in lines if (m := _YEARS_STATED.search(t)) and not _NOT_PRACTICE.search(m.group(0))), None)
    return int(found.group(1)) if found and 2 <= int(found.group(1)) <= 50 else None


# years of another kind of work: "6 years of investigator experience" are no years in practice
_NOT_PRACTICE = re.compile(
    r"\b(?:investigator|research|trials?|teaching|leadership|management|administrative|industry|consulting|"
    r"informatics|academic|editorial|volunteer)\b",
    re.IGNORECASE,
)


# A name made of a common noun and "of" takes "the" in a sentence: "the University of Iowa", "the Medical College
# of Wisconsin"; a proper name does not ("Mayo Clinic", "Stanford University").
_TAKES_THE = re.compile(
    r"^(?:(?:Medical |State )?(?:University|College|Institute|School|Hospital|Academy|Division)) of\b"
)
_LEADS = re.compile(r"\b(?:Director|Chief|Chair|Chairman|Chairwoman|Head|Founder)\b")


def leadership_title(entry: Entry | None) -> str | None:
    """The part of a current title that names a leadership role: 'Attending Rheumatologist and Director, Lupus
    Clinic' → 'Director, Lupus Clinic'; 'Medical Director, Hospital Medicine' as it is; None for a title that
    leads nothing ('Staff Cardiologist') or a position that has ended."""
    if entry is None or not entry.title or not dates.is_ongoing(entry.dates):
        return None
    for part in _titles_held(entry.title):
        if _LEADS.search(part) and not part.lower().startswith(("assistant ", "associate ", "deputy ")):
            part = part.strip(" ,")
            unit = (entry.organization or "").split(",", 1)[0].strip()
            if _LEADS.fullmatch(part) and _A_UNIT.match(unit):
                return f"{part}, {unit}"  # "Senior Consultant & Head" / "Dept of Endocrinology & Diabetes, …"
            return None if _LEADS.fullmatch(part) else part  # "Head" alone says nothing of what is led
    return None


# what a bare leadership title heads, when the CV sets it first in the organization: "Dept of Endocrinology"
_A_UNIT = re.compile(
    r"(?:Dept\.?|Department|Division|Unit|Service|Programme|Program|Section|Centre|Center)\b(?! of the)"
)


def _titles_held(title: str) -> list[str]:
    """Titles held together, parted at ";", "/" and "|", and at "and" or "&" before a title of its own ("Attending
    Rheumatologist and Director, Lupus Clinic"), never inside what is led ("Head of LAAO & Device Programme")."""
    parts: list[str] = []
    for piece in re.split(r"\s*[;/|]\s*", title):
        start = 0
        for joint in _AND.finditer(piece):
            following = re.findall(r"[A-Za-z-]+", piece[joint.end() :])[:3]
            if any(w[:1].isupper() and is_role_word(w) for w in following):
                parts.append(piece[start : joint.start()])
                start = joint.end()
        parts.append(piece[start:])
    return parts


_AND = re.compile(r"\s+(?:and|&)\s+")


# ---------------------------------------------------------------------------------------------------------------
# a fact's words, cut to fit
# ---------------------------------------------------------------------------------------------------------------

_TRAILING_DATES = re.compile(
    r"\s*\((?P<inside>[^()]*)\)\s*$|,\s*(?P<after>(?:since\s+)?(?:19|20)\d{2}(?:\s*[-–—]\s*\S+)?)$"
)


def _without_dates(text: str) -> str:
    """A clause without the dates that end it: '…trial (2019–2022)' → '…trial'; '(180 procedures in 2023)' stays."""
    match = _TRAILING_DATES.search(text)
    if match is None:
        return text
    dated = (match.group("inside") or match.group("after") or "").strip()
    dated = re.sub(r"^since\s+", "", dated, flags=re.IGNORECASE)
    return text[: match.start()].rstrip(" ,") if dates.DATE_RANGE.fullmatch(dated) else text


# Another person named in a bracket: the study's own PI, a mentor. The resume keeps the bracket; a text that tells
# the physician's strongest facts does not put another doctor's name in their headline.
_ANOTHERS_ROLE = re.compile(
    r"\s*\((?:site\s+)?(?:PI|principal investigator|chief investigator|mentor|supervisor)\s*:?\s*(?:Dr\.?|Prof\.?)"
    r"[^()]*\)",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"(?<!\w)'[^']+'(?!\w)|\"[^\"]+\"|“[^”]+”|‘[^’]+’")  # a title in quotes is never cut
FIGURE_ALLOWANCE = 40  # characters past a limit that a clause's figure may take

# Where a line may be cut and still say a whole thing: after a clause, before a list of examples.
# "…; …", "…: median …", "… — …", a comma before a count or before the next measure ("…94 → 61 min, SEP-1 bundle
# compliance 52% → 68%")
_CUTS = re.compile(
    r"; |: (?=[a-z0-9])| — |, including | including |, (?:with|which|where) |, and (?=[a-z])|, (?=\d)"
    # an en dash set apart as a dash is, not one between dates ("2019 – present")
    r"|(?<![\d–])(?<!\bpresent) – (?!(?:19|20)\d{2}\b|present\b|now\b)"
    r"|, (?=(?:[\w-]+ ){1,4}[~≈]?\d)"
    # a sentence's end ("~2,400 glaucoma visits per year. 310–340 surgical cases per year"), not an abbreviation's
    r"|(?<=[a-z0-9%)\]/]{2})(?<!\bvs)(?<!\bDr)(?<!\bSt)(?<!\bMt)(?<!\bNo)(?<!\bal)(?<!\bCo)(?<!\bJr)(?<!\bSr)"
    r"(?<!\bInc)(?<!\betc)(?<!\bapprox)(?<!\bMs)(?<!\bMr)(?<!\bMrs)\. (?=[A-Z0-9~])"
)


def _parts(text: str) -> tuple[list[str], list[str]]:
    """The line's clauses, split where it may be cut outside brackets, and the separators between them."""
    parts: list[tuple[str, str]] = []
    quoted = [range(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    depth, start = 0, 0
    positions = [(m.start(), m.end()) for m in _CUTS.finditer(text)]
    for i, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        for begin, end in positions:
            if begin == i and depth == 0 and not any(i in span for span in quoted):
                parts.append((text[start:begin], text[begin:end]))
                start = end
    parts.append((text[start:], ""))
    return [p for p, _ in parts], [sep for _, sep in parts]


_SETTING = re.compile(r"(?:in|at|for|during|from|across|under|after|before|since|within|as part of)\s", re.IGNORECASE)


A_CODE = re.compile(r"(?=[\w-]*\d)[A-Z0-9]{2,}(?:-[A-Z0-9]+)+")  # a protocol's or a grant's code: "OUCCC-PH1-2103"


def clause(fact: Fact, limit: int) -> str:
    """The fact's words up to `limit` characters, cut only between clauses: 'Lead anesthesia care for the TAVR
    program (180 procedures in 2023)'. The first clause that states a figure stays with it, a little past the
    limit if need be ('…alert with nursing informatics — false-positive alerts fell from 70% to 31%'). Dates
    at the end are left to the resume; a first clause longer than the limit stays whole. A fact's own
    semicolons become dashes, so that facts can be joined by semicolons."""
    text = _ANOTHERS_ROLE.sub("", fact.text).rstrip(". ").strip()
    # a bold lead-in before a whole duty is the resume's; a text tells the duty ("Advisory: Advisory board member
    # for two pharmaceutical companies" → "Advisory board member for …")
    if (lead := LEAD_IN.match(text)) and states(text[lead.end() :]) and text[lead.end() :][:1].isupper():
        text = text[lead.end() :]
    if fact.study:  # "Site Principal Investigator — SOLACE-2 pivotal IDE trial: enrolled 31 eyes (…)"
        text = f"{fact.study}: {english.lower_first(text)}"
    parts, seps = _parts(text)
    parts = [_without_dates(p.strip()) for p in parts]
    # a sentence that goes on after a dash opens in lower case: "… physician champion — trained 300+ clinicians"
    parts = [parts[0], *(english.lower_first(p) if s == ". " else p for p, s in zip(parts[1:], seps, strict=False))]
    seps = [" — " if sep == "; " or sep == ". " else sep for sep in seps]
    before = ["", *seps[: len(parts) - 1]]
    kept_parts = [(p, sep) for p, sep in zip(parts, before, strict=True) if not dates.DATE_RANGE.fullmatch(p)]
    if not kept_parts:  # a line of dates alone
        return fact.text.strip()
    parts, seps = [p for p, _ in kept_parts], [sep for _, sep in kept_parts][1:]
    if len(parts[0]) > limit and figures(parts[0]):  # "… 17 → 26 days (2017 → 2025), mostly by earlier referrals"
        parts[0] = _compact(parts[0])
    kept = parts[0]
    # a phrase that only says where or when ("In SOLACE-ARDS") is no clause of its own, nor a subject cut from
    # its verb ("The third study, PRISM-ALI (Phase 2, …)" / "enrolled 9 patients")
    setting = (bool(_SETTING.match(kept)) and len(kept.split()) <= 6) or (
        says_its_own_act(text) and not says_its_own_act(kept)
    )
    for n, (part, sep) in enumerate(zip(parts[1:], seps, strict=False), start=1):
        joined = f"{kept}{sep}{part}"
        # (a number that sizes the setting is no evidence of the clause's own: "Lead physician for prior
        # authorization & appeals (6-provider practice)" goes on to "oversee ~1,100 PA requests/yr")
        needs_figure = not figures(_SIZE_OF.sub("", kept)) and figures(part)
        head = kept.split()
        # (a role held in a study named only by its code says as little: "Overall principal investigator,
        # OUCCC-PH1-2103" goes on to what the study was)
        coded = (
            bool(head) and A_CODE.fullmatch(head[-1]) is not None and is_role_word(re.split(r",", kept)[0].split()[-1])
        )
        bare_role = kept == parts[0] and 0 < len(head) <= 4 and (is_role_word(head[-1]) or coded)
        # a topic before its colon says nothing alone: "Opioid tapering with implant: patients above 90 MME fell …"
        topic = kept == parts[0] and sep == ": " and len(head) <= 6 and not figures(kept) and opening(kept) == "noun"
        if setting:  # "In SOLACE-ARDS, a Phase 2b study …, we enrolled 22 patients": on to the clause it sets
            first = part.split(" ", 1)[0]
            setting = not (first.lower() in {"we", "i", "they"} or english.is_past_verb(first))
            kept = joined
            continue
        if len(joined) > (limit + FIGURE_ALLOWANCE if needs_figure else limit) and not (bare_role or topic):
            # a role is never told without what it was held in: 'Site principal investigator' says nothing; a clause
            # with no figure is told with the next clause of its own that has one, what describes it left to the
            # resume ("Site principal investigator: ORCA-201 — 11 patients enrolled")
            counted = [
                _compact(p)
                for i, (p, s) in enumerate(zip(parts[n:], seps[n - 1 :], strict=False))
                if (s == " — " or (i == 0 and s == ": ")) and figures(p)
            ][:1]
            if not figures(_SIZE_OF.sub("", kept)) and counted:
                # … the head of the clause, when the whole is too long beside its figure: "Led the NICU CLABSI bundle
                # | with nursing and infection prevention in 2022" — "central line infections fell from 2.1 to 0.6 …"
                for start in dict.fromkeys([kept, _head_of(kept)]):
                    if len(f"{start} — {counted[0]}") <= limit + FIGURE_ALLOWANCE:
                        kept = f"{start} — {counted[0]}"
                        break
            break
        if sep in {", including ", " including "} and figures(kept):
            break  # examples add length, not weight, once the figure is there
        kept = joined
    kept = kept.rstrip(",;: ")
    if fact.study and len(kept) <= len(fact.study) + 2:
        # the study alone says nothing of what was done in it ("Site Principal Investigator — VASO-SHIELD Phase III
        # Trial" told again for its second duty): the line's own clause, as written
        return clause(replace(fact, study=""), limit)
    return kept


# a number that only sizes a setting: "(6-provider practice)", "12-bed unit", "3-site network"
_SIZE_OF = re.compile(r"\b\d+-(?:provider|physician|bed|site|hospital|clinic|member|person|partner|surgeon)\b")
_AFTER_THE_HEAD = re.compile(r"\s(?:with|through|using|during)\s")  # never "in" or "at": the indication, the sites


def _head_of(clause: str) -> str:
    """A clause up to the first phrase that says with whom or how, after four words at least: 'Led the NICU
    CLABSI bundle' of 'Led the NICU CLABSI bundle with nursing and infection prevention in 2022'."""
    for found in _AFTER_THE_HEAD.finditer(clause):
        head = clause[: found.start()]
        if len(head.split()) >= 4 and head.count("(") == head.count(")"):  # never inside a bracket
            return head
    return clause


# brackets that end a clause, unless they say when ("(2019 → 2025)"): a change over years is told with them
_LAST_BRACKETS = re.compile(r"\s*\((?!\s*(?:19|20)\d{2}\s*(?:→|->|[-–—]|to)\s*(?:19|20)\d{2}\s*\))[^()]*\)$")


def _compact(part: str) -> str:
    """A clause with a figure, without the brackets that end it ("… 23% → 12% at 12 months (re-audit, n=206)")
    and without what follows its figures after a comma ("…, mostly by earlier referrals")."""
    if figures(bare := _LAST_BRACKETS.sub("", part)):
        part = bare
    if figures(bare := _SAMPLE_AFTER.sub("", part)):  # "… down 35% | in an audit of 160 patients"
        part = bare
    pieces = outside_brackets(_COMMA, part)  # never "… 3 device studies (PFA post-market study"
    for end in range(1, len(pieces) + 1):
        if figures(", ".join(pieces[:end])):
            return ", ".join(pieces[:end])
    return part


_COMMA = re.compile(r", ")
# the sample a result was measured in, after the result: "in an audit of 160 patients", "across a cohort of 2,314"
_SAMPLE_AFTER = re.compile(r"\s+(?:in|on|across|from) (?:an?|the) [a-z-]+ of [~≈]?\d[\d,]*(?: [a-z-]+){0,3}$")


# Where a sentence too long for a note may end and still say a whole thing: before a phrase that only adds where,
# to whom or how ("… programs to primary care physicians, NPs and pharmacists | across New England on …"), or
# before a second act joined by "and" ("… registry analysis (n = 2,314) | and was a co-investigator …")
_TRAILING_PHRASE = re.compile(
    r" (?=(?:across|through|throughout|during|via|using|including|"
    r"and (?:was|were|am|is|have|has|had|[a-z]+ed)) |to [a-z])"
)


def shortened(clause: str, limit: int) -> str:
    """The clause, or its head up to a trailing phrase, within `limit`; the head keeps the clause's first figure."""
    if len(clause) <= limit:
        return clause
    heads = [clause[: m.start()] for m in _TRAILING_PHRASE.finditer(clause) if m.start() <= limit]
    first = figures(clause)[:1]
    # never between the two ends of a change ("from 7 weeks | to 9 days")
    heads = [h for h in heads if len(h.split()) >= 5 and all(f in h for f in first) and " from " not in h[-30:]]
    return heads[-1].rstrip(" ,;:—") if heads else clause


def ongoing(text: str) -> str:
    """A duty of a job that goes on, as a headline says it: 'Teach the fellows' journal club and review cases' →
    'Teaching the fellows' journal club and reviewing cases'. A line in the present reads as an order on its
    own; a line in the past or opening with a role or a thing stays as it is."""
    words = text.split(" ", 2)
    first = words[0]
    second = words[1] if len(words) > 1 else None
    lower = first.lower()
    # "Conduct peer-to-peer …": a duty's own verb, though the lexicon reads the word after it as no object; not
    # before "and", where a second verb may not take the same form ("Train and proctor …")
    listed = (second or "").lower() in {"and", "or", "&"}
    acts = english.opening_class(first, second) == "verb" or (lower in verbs().present_openings and not listed)
    if not acts or english.verb_lemma(lower) != lower or role_line(text):
        return text
    head = re.split(r"[,;:(]", text, maxsplit=1)[0].split()
    if len(head) <= 4 and is_role_word(head[-1]):
        return text
    doing = english.gerund(lower)
    if not doing:
        return text
    return english.upper_first(doing) + listed_acts(text[len(first) :], english.gerund)


HEADLINE_ROOM = 170  # the most a headline's fact may take beside its title and target (220 in all)


def headline_clause(fact: Fact, limit: int) -> str:
    """The fact's words for a headline: its clause (see `clause`), ended sooner (see `shortened`) only when it
    could never fit a headline; a present-tense duty in the -ing form."""
    words = _unbracketed(clause(replace(fact, text=_unbracketed(fact.text)), limit))
    if len(words) > limit:  # "Built a REDCap registry of 480 patients | and wrote the data dictionary …": the first act
        words = _first_act(words)
    return ongoing(words if len(words) <= HEADLINE_ROOM else shortened(words, limit))


# a second act joined to the first ("… and wrote …", "…, reviewed weekly with …"), outside brackets
_SECOND_ACT = re.compile(
    r" and (?=(?:[a-z]+ed|wrote|built|led|ran|taught|trained|gave|made|won|set up)\b)|, (?=[a-z]+ed\b)"
)


def _first_act(words: str) -> str:
    """A clause up to its second act, when what is left has five words or more and keeps the first figure."""
    first = figures(words)[:1]
    for found in _SECOND_ACT.finditer(words):
        head = words[: found.start()]
        if len(head.split()) >= 5 and all(f in head for f in first) and head.count("(") == head.count(")"):
            return head
    return words


# A bracket a headline leaves to the resume: an aside of more than three words with no figure ("(modelled on CPoCUS
# Independent Practitioner requirements)") or one that labels what it holds ("(sponsor: Helix Diabetes Inc.)",
# "(PubMed: Raghavan K[au])"); "(N = 1,100)", "(Medicaid)" and "(investigator-initiated, IND holder)" stay.
_BRACKET = re.compile(r"\s*\(([^()]*)\)")


def _unbracketed(words: str) -> str:
    def kept(found: re.Match[str]) -> str:
        inside = found.group(1)
        if re.search(r"\w:\s", inside):
            return ""
        return found.group() if figures(inside) or len(inside.split()) <= 3 else ""

    return _TRAILING_SPAN.sub("", _BRACKET.sub(kept, words).strip())


_TRAILING_SPAN = re.compile(r",?\s+(?:19|20)\d{2}\s*[-–]\s*(?:(?:19|20)\d{2}|present)$", re.IGNORECASE)


def first_person(text: str) -> str | None:
    """'Lead the TAVR program …' → 'I lead the TAVR program …'; 'Led …' → 'I led …'; a line that opens with a role
    or a thing ('Site co-investigator, …') has no first person here: None."""
    first, _, after = text.partition(" ")
    head = re.split(r"[,;:(]", text, maxsplit=1)[0].split()
    serves = after.startswith("as ") and english.verb_lemma(first) is not None  # "Serve as Epic physician champion"
    # (two roles joined count as one title: "Paid consultant and TAVR proctor, Aortelle Medical", never "I paid …")
    titled = 0 < len(head) <= 4 or (len(head) <= 7 and "and" in head and is_role_word(head[head.index("and") - 1]))
    if not serves and (role_line(text) or (titled and is_role_word(head[-1]))):
        return None  # "Invited speaker, state society meeting": a role, though it opens with a verb's form
    kind = opening(text)  # as the rewrite read it: "Implant about 220 …" acts, "Stroke alerts" are things
    if kind == "noun":
        return None
    verb = first.lower()
    if verb.endswith("ing"):
        return None  # "Benchmarking antibiotic use …": a title or an ongoing act, no "I …"
    if "-" in verb and english.is_noun(verb.rsplit("-", 1)[0]) and verb.split("-")[0] not in _VERB_PREFIXES:
        return None  # "Pharmacist-supported CKD medication optimization": a thing described, no "I pharmacist-…"
    if kind == "verb" and (lemma := english.verb_lemma(verb)) and verb != lemma and verb.endswith("s"):
        verb = lemma  # "Leads the program" → "I lead the program"
    return f"I {verb} {text[len(first) :].lstrip()}".rstrip()


_VERB_PREFIXES = frozenset({"re", "co", "pre", "de", "un", "over", "under", "out", "up", "cross", "self", "mis"})
_SMALL_WORDS = {"a", "an", "and", "or", "of", "in", "on", "for", "to", "the", "with", "at", "by"}


def title_case(text: str) -> str:
    """'respiratory medicine' → 'Respiratory Medicine', 'allergist-immunologist' → 'Allergist-Immunologist';
    small words and acronyms as they are."""
    words = text.split(" ")
    return " ".join(
        w
        if (i and w in _SMALL_WORDS) or any(c.isupper() for c in w)
        else "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
        for i, w in enumerate(words)
    )


def sentence(text: str) -> str:
    text = text.strip().rstrip(";,:")
    return english.upper_first(text) + ("" if text.endswith((".", "!", "?")) else ".")


# Named terms a recruiter searches for: acronyms and capitalised words inside a line ("TEE", "TAVR", "Epic",
# "InterQual", "K23"), not the first word, not units or plain abbreviations.
_TERM = re.compile(  # with its own parts: "CDK4/6", "RADAR-H2", "EBUS-TBNA" (not "EBUS-guided")
    r"(?<![\w-])(?:[A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*|[A-Z]\d{2})(?:[/-][A-Z0-9][A-Za-z0-9]*)*(?![\w/])"
)
_PLAIN_ACRONYMS = {
    "ICU",
    "ED",
    "OR",
    "MD",
    "DO",
    "US",
    "USA",
    "UK",
    "II",
    "III",
    "IV",
    "VA",
    "VV",
    "PI",
    "I",
    "FTE",
    "IT",
}


def terms(text: str) -> list[str]:
    """Acronyms and names with capitals inside, in the order they occur: 'TEE', 'TAVR', 'ECMO', 'InterQual'; not
    people and their credentials ('MAs', 'PCPs', 'CDCES nurses'), which are whom the work was done with."""
    found = []
    for match in _TERM.finditer(text):
        term = match.group(0)
        if term in _PLAIN_ACRONYMS or len(term) < 2 or _PEOPLE_AFTER.match(text, match.end()):
            continue
        if re.fullmatch(r"[A-Z]{2,}s", term):  # "MAs", "NPs": people
            continue
        found.append(term)
    return list(dict.fromkeys(found))


_PEOPLE_AFTER = re.compile(
    r"\s+(?:nurses?|educators?|staff|coaches|coordinators?|assistants?|technicians?|technologists?|pharmacists?|"
    r"dietitians?|therapists?|physicians?|providers?|colleagues)\b",
    re.IGNORECASE,
)
