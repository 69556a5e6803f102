"""The Summary, headlines, About, outreach and gaps, written for this physician from the CV's strongest facts.

The facts are ranked for the target (mapping/facts.py); every text is built from their own words, cut between
clauses (render/phrases.py), so a figure or a name reaches a text only from the CV. Only the clause that names
the target reads the same for two physicians.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from translator import dates
from translator.mapping import english, facts
from translator.mapping.facts import Fact
from translator.mapping.patterns import regex
from translator.mapping.rewrite import opening, says_its_own_act
from translator.mapping.role_lines import is_role_word, role_line
from translator.mapping.roles import RoleProfile, gap_actions
from translator.mapping.rule_files import verbs
from translator.models import COMPETENCIES, BulletTranslation, Competency, Gap, KeptItem, Outreach, ParsedCV, Profile
from translator.parse.profile import employer
from translator.render import phrases
from translator.render.linkedin import medical_school
from translator.render.phrases import Who
from translator.specialties import specialties

HEADLINE_LIMIT = 220
ABOUT_LIMIT = 2600
NOTE_LIMIT = 200
NOTE_PREMIUM_LIMIT = 300
MESSAGE_LIMIT = 1900
SUBJECT_LIMIT = 200
SUMMARY_LIMIT = 350  # four lines of the resume's Summary (about 90 characters a line in Calibri 10.5)
OPENING_LIMIT = 300  # About's first ~300 characters show before "see more"
HIGHLIGHTS = 5
PAIRED_CLAUSE = 90  # the longest clause an evidence-forward headline tells beside another
HEADLINE_FACT = 120  # the most of a fact's clause a headline gives, with its figure: never a whole pasted bullet
FEWEST = 2  # facts below which a text also tells the clinical work
TELLING = 2  # the weight (roles.toml) a fact's strongest kind needs for the target before a text tells it

EXPERIENCE_PHRASES = {
    "clinical_trials": "clinical trials",
    "drug_safety": "safety review",
    "quality_improvement": "quality improvement",
    "program_development": "program development",
    "teaching": "medical education",
    "presentation": "scientific presentations",
    "publication": "publications",
    "committee": "hospital committee work",  # "experience in …", "bringing … to …": work, not the committees
    "informatics": "clinical informatics",
    "digital_health": "digital health",
    "utilization_management": "utilization management",
    "research": "clinical data analysis",
    "leadership": "clinical leadership",
    "patient_education": "patient education",
    "collaboration": "multidisciplinary collaboration",
    "administration": "operations",
    "procedures": "procedural practice",
    "quality_review": "case and peer review",
}


def _ranked_experience(
    bullets: list[BulletTranslation], role: RoleProfile | None, kept: list[KeptItem] | None = None
) -> list[str]:
    """Experience ids the CV shows (papers and talks kept as written count too): what the target values most
    first, then the rest by frequency."""
    kinds = [b.experience for b in bullets] + [k.experience for k in kept or []]
    counts = Counter(e for e in kinds if e in EXPERIENCE_PHRASES)
    valued = [e for e in (role.values if role else []) if e in counts]
    return valued + [e for e, _ in counts.most_common() if e not in valued]


def experience_types(
    bullets: list[BulletTranslation], role: RoleProfile | None = None, kept: list[KeptItem] | None = None
) -> list[str]:
    return [EXPERIENCE_PHRASES[e] for e in _ranked_experience(bullets, role, kept)]


def coverage(bullets: list[BulletTranslation], kept: list[KeptItem] | None = None) -> dict[Competency, int]:
    """Lines showing each competency: translated bullets and the publications and talks kept as written."""
    shown = [b.competencies for b in bullets] + [k.competencies for k in kept or []]
    return {c: sum(c in competencies for competencies in shown) for c in COMPETENCIES}


def gaps(cover: dict[Competency, int]) -> list[Gap]:
    actions = gap_actions()
    return [Gap(competency=c, evidence=n, actions=actions[c]) for c, n in cover.items() if n < 2]


def therapeutic_area(profile: Profile, given: str | None) -> str | None:
    """The area named by the user, else the one industry files the specialty under; None for none."""
    return given or specialties().area.get((profile.specialty or "").lower())


@dataclass(frozen=True)
class Material:
    """What the texts for one physician are written from: who they are, the target, their facts ranked for it,
    the therapeutic area, and the CV's words (a keyword goes in only where they support it)."""

    who: Who
    role: RoleProfile
    facts: tuple[Fact, ...]
    area: str | None = None
    cv_text: str = ""
    name: str | None = None
    also: RoleProfile | None = None
    clinical: tuple[Fact, ...] = ()  # the CV's other duties, those with figures first
    area_named: bool = False  # the area is the user's or the CV's own word, so a headline may name it
    school: str | None = None  # the medical school, for an alumni search
    sector: str | None = None  # the target as the CV's wish names it more narrowly: "digital mental health"
    wanted: str | None = None  # the role the CV's own wish names: "a medical advisor role with a public drug plan"
    suggested: bool = False  # the target is the tool's suggestion: neither the CV nor the user named it

    @property
    def moving(self) -> str:
        """The target clause's object: 'medtech clinical affairs', 'medical affairs in neuroscience'; the field as
        the physician's stated wish names it where it says more than the target's name ('digital mental health')."""
        if self.sector:
            return self.sector
        return f"{self.role.area} in {self.area}" if self.area else self.role.area

    def experience(self, place: str = "") -> str:
        """'my device and procedural experience with TAVR and TEE': the fields of work of the strongest facts, in
        the target's order of value, and the named things they involve; 'my experience as a …' when none."""
        weights: dict[str, int] = {}
        # A field is "my … experience" when two lines or more show it: one advisory board is a line, not a field.
        shown = Counter(kind for fact in self.facts for kind in fact.defining)
        order = list(facts.kinds())  # a set's order changes from run to run; facts.toml's does not
        for fact in self.facts[:3]:
            for kind in sorted(fact.defining, key=order.index):
                if (
                    self.role.weights.get(kind, 0) >= TELLING
                    and shown[kind] >= 2
                    and (noun := facts.kinds()[kind].experience)
                ):
                    weights[noun] = max(weights.get(noun, 0), self.role.weights[kind])
        fields = sorted(weights, key=lambda n: -weights[n])[:2]
        # "with TAVR and TEE", "with Epic", "with InterQual": things one works with, not a meeting or a funder
        handled = [  # named in a line of the fields said: no registry software as "device experience with REDCap"
            f
            for f in self.facts[:3]
            if f.kinds & _TOOLS and any(facts.kinds()[k].experience in fields for k in f.defining)
        ]
        # (a thing named is one of those fields' own: "TAVR", "Epic"; never a disease or a measure beside it, "with
        # CHF/COPD, BP and ACP" for a remote-monitoring pilot)
        named = [
            t
            for f in handled
            for t in phrases.terms(f.text)
            if not _NOT_WORK.match(t) and any(facts.kinds()[k].regex.search(t) for k in f.defining & _TOOLS)
        ]
        named = list(dict.fromkeys(named))[:3]
        if not fields:
            return f"my experience as {self.who.article()}{place}"
        return f"my {english.listing(fields)} experience" + (f" with {english.listing(named)}" if named else "")

    def interests(self, most: int = 2, only_said: bool = False) -> list[str]:
        """What this physician would work on in the target: the target's interests whose words their CV uses
        first ('procedure training' for a proctor, not for an endocrinologist), then in the target's order; with
        `only_said`, only those (an About's close names no work the CV never speaks of: 'medical necessity review'
        for an ACO quality lead reads as UM work done)."""
        said = self.cv_text.lower()

        def used(interest: str) -> int:
            return sum(1 for w in re.findall(r"[a-z]{5,}", interest.lower()) if w[:6] in said)

        chosen = sorted(self.role.interests, key=lambda i: -used(i))
        # (with no CV at all, an outreach from a specialty alone, there are no words to go by: the target's own)
        return [i for i in chosen if used(i)][:most] if only_said and said else chosen[:most]

    def target_terms(self) -> list[str]:
        """The target's search terms that the CV's words support ('Utilization Management', 'Peer Review')."""
        return list(
            dict.fromkeys(_as_written(k.term, hit) for k in self.role.keywords if (hit := k.regex.search(self.cv_text)))
        )

    def keywords(self, limit: int) -> list[str]:
        """Search terms the CV supports: its own named terms in its strongest facts ('TEE', 'TAVR'), then the
        target's keywords its words contain ('Utilization Management')."""
        own = [
            t
            for f in self.facts[:4]
            if f.kinds & _TOOLS  # a device, a procedure, a system worked with: not a line's clinical shorthand
            for t in phrases.terms(f.text)
            if not (_FUNDER.match(t) or _NO_SEARCH.match(t) or _CODE_NAME.search(t) or _POSTNOMINAL.fullmatch(t))
            # a product's name ("Epic", "InterQual") from any such line; letters alone ("TAVR", not "UTI" or "DOT")
            # only from a line of devices or procedures
            and (not t.isupper() or f.kinds & _HANDS_ON)
        ]
        target = self.target_terms()
        found: list[str] = []
        # the target's own search terms the CV supports first: what a recruiter types; then the CV's named tools
        for term in target + own:
            if term.lower() not in {f.lower() for f in found} and not any(
                term in f or _numbered(term) == _numbered(f) for f in found
            ):
                found.append(term)
        return found[:limit]


# What no one searches for: a fiscal year or quarter ("FY18", "Q3"), and a two-letter acronym, which names several
# things at once ("TB", "PA")
_NO_SEARCH = re.compile(r"(?:FY\d{2,4}|Q[1-4]|[A-Z]{2})$")
# A study's or a compound's code name ("HORIZON-MM2", "CLARITY-VR", "LWH-210", "V28"): known to its team, searched
# by no recruiter; and a fellowship's letters after a name ("FASN", "FACOG").
_CODE_NAME = re.compile(r"\d|^[A-Z0-9]+-[A-Z0-9]+$")
_POSTNOMINAL = re.compile(r"F[A-Z]{2,5}")


def _numbered(term: str) -> str:
    """A term without its number: 'Phase 3' and 'Phase 2' are one keyword, said once."""
    return re.sub(r"\s+(?:\d+|[IVX]+)$", "", term).lower() if re.search(r"\s(?:\d+|[IVX]+)$", term) else term


def _as_written(term: str, match: re.Match[str]) -> str:
    """A keyword as the CV writes its number: 'Phase 3' where the CV says 'phase 3', not 'Phase III'."""
    said = match.group(0)
    if any(c.isdigit() for c in said) and not any(c.isdigit() for c in term):
        return said[:1].upper() + said[1:]
    return term


def _distinct(ranked: list[Fact]) -> list[Fact]:
    """The facts in rank order, a fact that only repeats an earlier one moved to the end: it shows no kind of
    work the earlier ones do not, and names nothing new ('Performed 250 TEE examinations' after '400 TEEs')."""
    fresh: list[Fact] = []
    repeats: list[Fact] = []
    terms: set[str] = set()
    kinds: set[str] = set()
    for fact in ranked:
        named = {t.lower().rstrip("s") for t in phrases.terms(fact.text)}
        if fresh and named & terms and fact.kinds <= kinds:
            repeats.append(fact)
            continue
        fresh.append(fact)
        terms |= named
        kinds |= fact.kinds
    return fresh + repeats


# Acronyms that name a funder or an award number say nothing a recruiter searches for; a board, a contract or a
# grant mechanism names no field of work ("my experience with …").
_FUNDER = re.compile(r"^(?:NIH|NI[A-Z]{1,4}|NCI|NHLBI|NSF|AHRQ|HRSA|PCORI|CDC|DoD|FDA|CMS|[A-Z]{1,3}\d{4,})$")
# (nor a measure of a result, nor an agency that sets rules, nor a heart rhythm: "with CIED, AF and AUROC", "with
# AEFI and WHO" read as no work done)
_NOT_WORK = re.compile(
    rf"{_FUNDER.pattern}|^(?:VA|DSMB|IRB|FTE|[KRUFT]\d{{2}})$"
    r"|^(?:AUR?OC|AUC|PPV|NPV|HR|OR|RR|CI|SUS|LOS|ROC|NNT|IQR|SD|WHO|CDC|FDA|EMA|NICE|CMS|MHRA|TGA|AF|AFib|VT|VF|SVT)$"
)


_TOOLS = frozenset({"device", "procedures", "informatics", "digital", "utilization"})
_HANDS_ON = frozenset({"device", "procedures"})


def framing_words(roles: Iterable[RoleProfile], area: str | None = None) -> str:
    """What a profile text may say beside the CV's words: the targets' own names, titles, keywords, teams and
    interests, the therapeutic area, the kinds of work in people's words. The guard reads texts against the CV
    and these (translator.guard.review_text)."""
    words: list[str] = []
    for role in roles:
        words += [role.name, role.area, role.headline, role.team, *role.titles, *role.interests]
        words += [k.term for k in role.keywords]
    words += [k.label for k in facts.kinds().values()]
    words += [k.experience or "" for k in facts.kinds().values()]
    return "\n".join([*words, area or "", "Board-Certified Exploring Moving"])


def material(
    profile: Profile,
    role: RoleProfile,
    found: list[Fact] | None = None,
    cv: ParsedCV | None = None,
    area: str | None = None,
    cv_text: str = "",
    also: RoleProfile | None = None,
    wish: str = "",
    stated: str = "",
    suggested: bool = False,
) -> Material:
    """`also`: the second closest target, when the CV points to no target clearly: the facts that count for
    either are told. A CV with fewer than FEWEST such facts is told by its clinical work as well, counts first.
    `wish`: what the CV says the physician wants next, or the area the user named: its facts are told first."""
    found = found or []
    if role.team_abroad and _outside_the_us(profile, cv):
        # a Canadian, British or Indian physician's insurer is no US health plan: its team and work in its words
        role = role.model_copy(update={"team": role.team_abroad, "interests": role.interests_abroad or role.interests})
    roles = [role, also] if also else [role]
    wished = facts.wish_words(wish, framing_words(roles))
    telling = [
        f
        for r in roles
        for f in facts.ranked(found, r.weights, to_tell=True, wish=wished)
        if r.strongest(f.kinds) >= TELLING and f.tells
    ]
    if also:  # the two targets' facts, each at its better rank
        best = {f.id: max(f.score(r.weights) for r in roles) for f in telling}
        telling = sorted(dict.fromkeys(telling), key=lambda f: (-best[f.id], f.order))
    ranked = _distinct(telling)
    clinical = sorted(
        (f for f in found if f not in ranked and f.is_bullet and f.tells),
        key=lambda f: (not f.figures, not f.current, f.order),
    )
    if len(ranked) < FEWEST:  # "Evaluated and managed 22 to 24 adult patients a day …"
        ranked, clinical = ranked + clinical, []
    # a health plan or a health-tech company is not organised by therapeutic area: none unless the user names one
    chosen_area = therapeutic_area(profile, area) if role.by_area or area else None
    named = bool(area) or bool(chosen_area and re.search(rf"\b{re.escape(chosen_area)}\b", cv_text, re.IGNORECASE))
    return Material(
        phrases.who(profile, cv),
        role,
        tuple(ranked),
        chosen_area,
        cv_text,
        profile.name,
        also,
        tuple(clinical),
        named,
        medical_school(cv) if cv is not None else None,
        _sector(role, wish),
        _wanted(role, stated),
        suggested,
    )


_CANADA = frozenset(["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"])


def _outside_the_us(profile: Profile, cv: ParsedCV | None) -> bool:
    """Whether the physician lives outside the US, by the location the CV gives (none: the US, the tool's default)."""
    from translator.parse.profile import STATE_CODES

    place = (profile.location or "").rsplit(",", 1)[-1].strip()
    if place in _CANADA or place in {"Canada"}:
        return True
    from translator.data_files import places

    # ("Winnipeg, Manitoba", "Nairobi, Kenya", "Pune, Maharashtra" are abroad)
    return bool(place) and place not in STATE_CODES and place not in {"USA", "US", "United States", *places().us_states}


# Where a wish stops naming the role and says why or how: "…, drawing on 10 years …", "… where I can …".
_WISH_ENDS = re.compile(
    r",\s*(?:drawing|where|which|using|leveraging|building|bringing|applying|combining|with my|to\b)"
    r"|\s(?:where|which|that|so that|in which|advertised|posted|listed)\b"
    r"|\sto (?:apply|use|bring|help|lead|build|leverage|contribute|support|work)\b"
    r"|[.;:!?]\s|\s[–—-]\s",
    re.IGNORECASE,
)
_ROLE_NOUN = re.compile(r"\b(?:roles?|positions?|posts?|jobs?|opportunit(?:y|ies)|careers?)\b", re.IGNORECASE)


def _wanted(role: RoleProfile, stated: str) -> str | None:
    """The role the CV's own wish names, in its words, to close the About with: "Medical advisor or medical
    director role with a public or private drug plan, or a market access / HEOR position with a pharmaceutical
    company, drawing on …" → "a medical advisor or medical director role with a public or private drug plan, or
    a market access / HEOR position with a pharmaceutical company". None when it names no role noun or runs long."""
    # (an advert's reference is no part of the role: "… Claims & Utilisation Review (Ref: MO-CUR/11/2026)")
    stated = re.sub(r"\s*\((?:ref|reference|job|req|vacancy|post)\b[^)]*\)?", "", stated, flags=re.IGNORECASE)
    if not stated or (found := regex(role.stated).search(stated)) is None:
        return None
    from translator.mapping.roles import seeking_object

    start = seeking_object(stated, found.start())
    end = _WISH_ENDS.search(stated, found.end())
    phrase = stated[start : end.start() if end else len(stated)].strip(" ,.;:")
    phrase = re.sub(r"^(?:a|an|the)\s+", "", phrase, flags=re.IGNORECASE)
    noun = _ROLE_NOUN.search(phrase)
    titles = [t.strip() for t in re.split(r"\s*/\s*|\s+or\s+", phrase)]
    if noun is None and all(t.split() and is_role_word(t.split()[-1]) for t in titles) and len(phrase) <= 120:
        # job titles, no role noun: "Clinical Lead / Clinical Product Manager" → "a Clinical Lead or Clinical
        # Product Manager role"
        phrase = f"{' or '.join(titles)} role"
        noun = _ROLE_NOUN.search(phrase)
    if noun is None or not 8 <= len(phrase) <= 220 or re.search(r"\b(?:I|me|my)\b", phrase):
        return None
    if not phrase.split()[0].isupper():  # "MSL role" keeps its capitals; "Medical advisor …" opens a clause
        phrase = english.lower_first(phrase) if not re.match(r"[A-Z][a-z]+ [A-Z]", phrase) else phrase
    plural = noun.group(0).lower().endswith(("s", "ies"))
    # (a wish whose second choice has its own article has a field before it: "medtech clinical affairs or a field
    # clinical specialist lead role", never "a medtech clinical affairs or a …")
    second = re.search(r"\bor an?\s", phrase)
    own_article = second is not None and _ROLE_NOUN.search(phrase[: second.start()]) is None
    return phrase if plural or own_article else f"{english.indefinite_article(phrase)} {phrase}"


def _sector(role: RoleProfile, wish: str) -> str | None:
    """The target as the physician's wish names it, when that says more than the target's own name: 'digital
    mental health' for health tech; None for 'health tech' itself or no wish."""
    found = regex(role.stated).search(wish)
    if found is None or role.by_area:
        return None
    said = found.group(0)
    if is_role_word(said.split()[-1]):
        return None  # a job's title ("clinical product manager") is no sector
    known = set(role.area.lower().split()) | {"health", "tech", "technology", "company", "companies"}
    return said.lower() if len(said.split()) >= 3 and set(said.lower().split()) - known else None


def _fit(options: Iterable[str], limit: int) -> str:
    """The first option within the limit; the last, cut at a word, when none is."""
    last = ""
    for last in options:
        if len(last) <= limit:
            return last
    return last[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;·|") + "…"


def _opening(who: Who, board: bool = False, post: bool = False) -> str:
    """'Board-certified pediatric neurologist at Westbrook Children's Hospital since 2016'; with `post`, the
    current leadership title in its place: 'Board-certified interventional radiologist; Chief, Division of
    Interventional Radiology at Henry Ford Health since 2020'."""
    text = who.phrase(board)
    if who.practice:  # "…family physician, 28 years in practice, at Salina Regional Health Center since 2009"
        text += f", {who.practice} years in practice,"
    if post and who.post:
        return english.upper_first(f"{text.rstrip(',')}; {who.post}")
    text += who.at
    if who.year:
        text += f" since {who.year}"
    return english.upper_first(text.rstrip(","))


WANTED_IN_SUMMARY = 90  # characters: a longer wish is told in the About's close only


def summary(m: Material) -> str:
    """Who and where they are going in one sentence ('Board-certified pediatric neurologist at … since 2016,
    moving into medical affairs in neuroscience.'), then the two or three strongest facts with their figures:
    two sentences within four lines; with no fact to tell, the move is a sentence of its own."""
    going = f"now exploring {m.role.area} and {m.also.area}" if m.also else f"now moving into {m.moving}"
    if m.suggested:  # a target the CV never states is no move it has announced: the Summary says who, and the facts
        going = ""
    if m.wanted and len(m.wanted) <= WANTED_IN_SUMMARY:
        # the role the CV's own wish names, in its words: "a medical affairs or clinical role with a diabetes device
        # company", never narrowed to the target's name ("medtech clinical affairs in metabolic and endocrine …")
        going = f"now moving into {m.wanted}"
    who = _opening(m.who, board=True, post=True)

    def written(count: int, limit: int) -> str:
        # a duty of a job that goes on, said as a summary says it: "Conducting peer-to-peer discussions …", never
        # the resume's present-tense "Conduct peer-to-peer discussions …", which reads as an order
        clauses = [phrases.ongoing(phrases.clause(f, limit)) for f in m.facts[:count]]
        if not clauses:
            return f"{phrases.sentence(who)} {phrases.sentence(going)}" if going else phrases.sentence(who)
        told = "; ".join(english.lower_first(c) if i else c for i, c in enumerate(clauses))
        opening = f"{who}, {going}" if going else who
        return f"{phrases.sentence(opening)} {phrases.sentence(told)}"

    return _fit((written(n, limit) for n, limit in [(3, 110), (2, 120), (2, 80), (1, 120), (1, 70)]), SUMMARY_LIMIT)


_LEADERSHIP_WORDS = frozenset({"director", "chief", "chair", "chairman", "chairwoman", "head", "founder", "medical"})


def headlines(m: Material) -> list[str]:
    """Three headlines that differ in kind: role-forward, evidence-forward (a figure), keyword-forward."""
    title = m.who.title
    # A physician who leads something today says so first ("Hospitalist | Medical Director, Hospital Medicine"),
    # unless the line told after it says the same ("Directing a phase I unit …" after "Director, Phase I …").
    plain_lead = m.who.lead
    led = {w for w in re.findall(r"[a-z]{4,}", (m.who.leads or "").lower())} - _LEADERSHIP_WORDS

    def opening(clause: str) -> str:
        if not m.who.leads or led & set(re.findall(r"[a-z]{4,}", clause.lower())):
            return plain_lead
        return f"{plain_lead} | {m.who.leads}"

    lead = plain_lead
    named_area = phrases.title_case(m.area) if m.area and m.area_named else None
    exploring = f"Exploring {m.role.headline}" + (f" in {named_area}" if named_area else "")
    told: Fact | None = None  # the fact the role-forward headline tells, which the evidence-forward one leaves
    if m.facts:
        # a headline's fact is a phrase, never a pasted bullet (HEADLINE_FACT)
        options = [(m.facts[0], n, exploring) for n in (110, 80, 60)]
        options += [(f, n, f"Exploring {m.role.headline}") for f in m.facts[:4] for n in (80, 60)]
        fitting = [
            (f, c, ex)
            for f, n, ex in options
            if len(f"{plain_lead} | {(c := phrases.headline_clause(f, n))} | {ex}") <= HEADLINE_LIMIT
            and len(c) <= HEADLINE_FACT
        ]
        if fitting:
            told, clause, ex = fitting[0]
            # The title goes in only beside the line as chosen without it: a figure is not cut to make room.
            role_forward = f"{opening(clause)} | {clause} | {ex}"
            if len(role_forward) > HEADLINE_LIMIT:
                role_forward = f"{plain_lead} | {clause} | {ex}"
        else:
            told, role_forward = None, f"{opening('')} | Exploring {m.role.headline}"
    else:
        role_forward = f"{lead}{m.who.at} | {exploring}"

    with_figures = [f for f in m.facts if f.figures] or [f for f in m.clinical if f.figures][:1] or list(m.facts)
    shown = [f for f in with_figures if f is not told][:2] or with_figures[:2]

    def with_their_figures(told: list[Fact], limit: int) -> str | None:
        """The facts' clauses and the title; None when the cuts would leave every figure out: an evidence-forward
        headline carries one."""
        clauses = [phrases.headline_clause(f, limit) for f in told]
        if any(f.figures for f in told) and not any(facts.figures(c) for c in clauses):
            return None
        return " · ".join([*clauses, title])

    if shown:
        # two facts only where each is short enough to read as one: two long clauses glued read as pasted notes
        paired = [
            with_their_figures(shown, n)
            for n in (90, 70, 55)
            if all(len(phrases.headline_clause(f, n)) <= PAIRED_CLAUSE for f in shown)
        ]
        alone = [f for f in with_figures if f is not told] or with_figures
        candidates = [
            *paired,
            *(
                with_their_figures([f], n)
                for f in alone
                for n in (120, 90, 60)
                if len(phrases.headline_clause(f, n)) <= HEADLINE_FACT
            ),
            # a longer clause only when no fact reads as a phrase; then the role-forward one's fact (the variants
            # are alternatives)
            *(with_their_figures([f], n) for f in alone for n in (120, 90, 60)),
            *(with_their_figures([told], n) for n in (120, 90) if told is not None),
        ]
        evidence = _fit([*filter(None, candidates), f"{title} → {m.role.headline}"], HEADLINE_LIMIT)
    else:
        evidence = f"{title} → {m.role.headline}" + (f" | {m.who.employer}" if m.who.employer else "")

    keywords = [k for k in m.keywords(5) if k.lower() not in title.lower()]
    # "Infectious Disease Physician · Infectious Disease": an area the title already names is not said twice.
    # … nor one the title's person names ("Dermatologist · Dermatology"): the same word's stem
    stems = {w[:7] for w in re.findall(r"[a-z]{7,}", title.lower())}
    long_words = re.findall(r"[a-z]{7,}", (named_area or "").lower())
    said = bool(long_words) and all(w[:7] in stems for w in long_words)
    area = f" · {named_area}" if named_area and named_area.lower() not in title.lower() and not said else ""
    keyword_forward = _fit(
        (" · ".join([*keywords[:n], title]) + f"{area} → {m.role.headline}" for n in (5, 4, 3, 2, 1, 0)),
        HEADLINE_LIMIT,
    )
    if keyword_forward in {role_forward, evidence}:
        keyword_forward = f"{title}{area} → {m.role.headline} | " + ", ".join(m.interests())
    return [role_forward, evidence, keyword_forward]


def _there(m: Material, fact: Fact) -> bool:
    """The fact was done at the employer the texts name: today's work in the position held there (proctoring for
    a device company is not the radiology practice's work)."""
    return fact.current and (not m.who.employer or m.who.employer in fact.entry)


def _about_opening(m: Material, place: str) -> tuple[str, list[Fact]]:
    """About's first paragraph, within the ~300 characters shown before "see more": the strongest fact (two if
    they fit) in the first person ("As a hospitalist at …, I led …"), or, when it is a role, as the CV words it
    ("Medical oncologist at …: sub-investigator for 3 phase III immunotherapy trials; …")."""
    who = m.who.article()
    if not m.facts:
        return f"{english.upper_first(who)}{place}.", []
    for limit in (140, 100, 70):
        voiced = [(f, v) for f in m.facts[:3] if (v := phrases.first_person(phrases.clause(f, limit)))]
        if voiced and voiced[0][0] is m.facts[0]:
            # The employer is named only beside what was done there: a line from an earlier job is not put
            # at the current one ("As a cardiologist at Northfield, I interpreted …" that was Riverside's).
            here = place if _there(m, voiced[0][0]) else ""
            opening, used = f"As {who}{here}, {voiced[0][1]}.", [voiced[0][0]]
            second = voiced[1] if len(voiced) > 1 else None
            if (
                second is not None
                and (not here or _there(m, second[0]))
                and len(opening) + len(second[1]) + 2 <= OPENING_LIMIT
            ):
                opening += f" {english.upper_first(second[1])}."
                used.append(second[0])
        else:
            said = [phrases.clause(f, limit) for f in m.facts[:2]]
            here = place if all(_there(m, f) for f in m.facts[:2]) else ""
            opening = f"{english.upper_first(m.who.phrase())}{here}: {'; '.join(map(english.lower_first, said))}."
            if len(opening) > OPENING_LIMIT:
                said = said[:1]
                here = place if _there(m, m.facts[0]) else ""
                opening = f"{english.upper_first(m.who.phrase())}{here}: {english.lower_first(said[0])}."
            used = list(m.facts[: len(said)])
        if len(opening) <= OPENING_LIMIT:
            break
    return opening, used


def about(m: Material) -> str:
    """Opens with the strongest facts in the first person; highlights are the next strongest; the close says
    what this physician wants to do next in the target, in their own terms."""
    place = m.who.at
    opening, used = _about_opening(m, place)
    highlights = [f.text for f in m.facts if f not in used][:HIGHLIGHTS]
    team = f"{m.role.team} in {m.area}" if m.area else m.role.team
    close = (
        # No employer here: an About is public, and its reader may be the employer. The role the CV's own wish
        # names, in its words, where it names one; else the target's team and the work the CV speaks of.
        f"Next, I want to bring {m.experience()} to {m.wanted}."
        if m.wanted
        else f"Next, I want to bring {m.experience()} to {team}"
        + (f", working on {english.listing(wanted)}." if (wanted := m.interests(only_said=True)) else ".")
    )

    def written(items: list[str]) -> str:
        if len(items) > 1:
            listed = ["Highlights:\n" + "\n".join(f"• {h}" for h in items)]
        else:  # one highlight is no list: a sentence of its own, in the first person where it opens with an act
            listed = [phrases.sentence(phrases.first_person(h) or h) for h in items]
        return "\n\n".join([opening, *listed, close])

    text = written(highlights)
    while len(text) > ABOUT_LIMIT and highlights:
        highlights.pop()
        text = written(highlights)
    return text


def _voiced(m: Material, limit: int, among: int = 4) -> list[str]:
    """The strongest facts that read in the first person ('I lead …'), each within `limit` characters; only facts
    that count for the target (a clinic's daily census from an old job is no reason to answer)."""
    return [words for words, _ in _voiced_facts(m, limit, among)]


def _voiced_facts(m: Material, limit: int, among: int = 4) -> list[tuple[str, bool]]:
    """As _voiced, each with whether it is work of today's position (said beside today's employer)."""
    found: list[tuple[str, bool]] = []
    seats: list[tuple[str, bool]] = []
    for fact in [f for f in m.facts if f.score(m.role.weights, evidence=True) > 0][:among]:
        words = None
        for room in dict.fromkeys((limit, 80, 60)):  # a shorter clause may read where the longer one does not
            clause = phrases.shortened(phrases.clause(fact, room), room - 2)  # "I " goes in front
            words = phrases.first_person(clause) or _role_said(clause, _still_held(fact))
            if words and len(words) <= limit + 2:
                break
        if words and len(words) <= limit + 2:
            # a seat among many ("I serve as a member of the P&T Committee") says least: after what was done
            (seats if _A_SEAT.search(words) else found).append((words, fact.current))
    return found + seats


_A_SEAT = re.compile(r" as a (?:member|representative|participant|delegate)\b")


def _still_held(fact: Fact) -> bool:
    """Whether a role a fact names is still held: its own dates run to the present, or it is a duty of today's post
    with no dates of its own that ended ('I serve as deputy head of the ICU', not 'I have served as')."""
    if dates.is_ongoing(fact.text):
        return True
    return fact.current and not _ENDED.search(fact.text)


# a span that closed: "(2017–2021)", "2019-22", "until 2020"
_ENDED = re.compile(
    r"\b(?:19|20)\d{2}\s*[-–—]\s*(?:19|20)?\d{2}\b|\b(?:until|to|through)\s+(?:\w+\s+)?(?:19|20)\d{2}\b"
)


def _role_said(words: str, ongoing: bool) -> str | None:
    """A role line alone as the role held, in the first person: 'Principal Investigator on 23 industry-sponsored
    Phase 2–4 trials' → 'I have served as principal investigator on 23 industry-sponsored Phase 2–4 trials'."""
    if " — " in words or not role_line(words) or opening(words) != "noun":
        return None
    held = _role_held(words)
    return _served(held, ongoing) if held else None


def _served(held: str, ongoing: bool) -> str:
    return f"I {'serve' if ongoing else 'have served'} as {held}"


def _told(m: Material, limit: int) -> str:
    """The two strongest facts a message can say in whole sentences (see `_said`); a fact that reads in none of
    those ways gives its place to the next."""
    told: list[str] = []
    earlier = False
    for fact in m.facts[:4]:
        if said := _said(phrases.clause(fact, limit), ongoing=_still_held(fact)):
            # (a line listed under no position, a poster or a paper, was done at no earlier post: no "Earlier")
            elsewhere = _place_of(fact)
            if not fact.current and fact.entry and m.who.employer and not earlier and re.match(r"I [a-z]+ed\b", said):
                # work of an earlier post, after "I have been … at <today's employer> since …": said as earlier
                said, earlier = f"Earlier, {said}", True
            elif (
                fact.current
                and elsewhere
                and m.who.employer
                and not phrases.same_employer(elsewhere, m.who.employer)
                and re.match(r"I [a-z]", said)
            ):
                # today's work at another post, after "I have been … at <employer>": said where it was done ("At
                # Talbragar Family Medical Centre, I set up …"), never credited to the employer just named
                said = f"At {elsewhere}, {said}"
            held = re.match(r"As [^,]+, I ", said)
            if (
                held and told and told[-1].startswith(held.group())
            ):  # the role said once: "…, I enrolled 47 …. I also …"
                said = f"I also {said[held.end() :]}"
            told.append(said)
        if len(told) == 2:
            break
    return " ".join(told)


def _place_of(fact: Fact) -> str | None:
    """The employer of the post a fact is listed under, its name without the place: 'Talbragar Family Medical
    Centre' of 'Principal GP (Partner) — Talbragar Family Medical Centre, Dubbo NSW'."""
    _, dash, organization = fact.entry.partition(" — ")
    return employer(organization) if dash and organization else None


_FIRST_PERSON = re.compile(r"^(?:I|As\b[^,]*,\s+I)\s")  # "I direct …", "As physician advisor …, I review …"
_ONE_OF_MANY = frozenset(["member", "mentor", "representative", "participant", "delegate"])
_ON_A_STUDY = frozenset(["investigator", "sub-investigator", "co-investigator", "subinvestigator"])
_TAUGHT_BODIES = frozenset(["workshop", "curriculum", "series", "rotation", "elective", "club", "registry"])
_ROLE_END = re.compile(r"\s(?:for|on|of|in|at|to|with)\s")


def _said(words: str, ongoing: bool = False) -> str | None:
    """A fact as a message's sentence: an act in the first person ('I led …'); a role with what was done in it
    ('As physician champion for the Epic order set redesign, I trained 30 hospitalists'); a role alone as one
    held ('I have served as a member of the Sepsis Committee': true of a role held or still held); a thing or a
    count as what the work includes ('My work includes 6 peer-reviewed articles'). None for a line none of these
    reads well, such as an opening word that may be a verb or a noun ('Lead anesthesia care …' is no thing the
    work includes)."""
    if _FIRST_PERSON.match(words):
        return phrases.sentence(words)
    if voiced := phrases.first_person(words):
        return phrases.sentence(voiced)
    role, _, acts = words.partition(" — ")
    if role_line(role) and opening(role) == "noun":
        held = _role_held(role)
        if held is None:
            return None
        if not acts:  # a seat still held is held: "I serve as a member of …" (its dates run to the present)
            return phrases.sentence(_served(held, ongoing))
        body, colon, did = acts.partition(": ")
        if colon and opening(body) == "noun" and (named := _role_held(f"{role}, {body}")):
            # what the role was held in, then what was done there: "Site Principal Investigator — VASO-SHIELD Phase III
            # Trial: enrolled 47 patients" → "As site principal investigator on the VASO-SHIELD Phase III Trial, I
            # enrolled 47 patients"
            done = phrases.first_person(english.upper_first(did))
            return phrases.sentence(f"As {named}, {done}") if done else None
        done = phrases.first_person(acts)
        return phrases.sentence(f"As {held}, {done}") if done else None
    first = words.split(" ", 1)[0]
    # a count or a thing the work holds ("6 peer-reviewed articles", "an Epic order set for sepsis"); not a title
    # or an event with its outcome ("Top-3 US enroller in 4 trials", "FDA BIMO inspection (2017): no Form 483
    # observations"), which "my work includes" would garble
    # ("The third study, PRISM-ALI, enrolled 9 patients" states its own act: no thing the work includes)
    if (
        (english.starts_object(first) or not english.verb_lemma(first))
        and _A_THING_HELD.match(words)
        and not says_its_own_act(words)
    ):
        return phrases.sentence(f"My work includes {english.lower_first(words)}")
    return None


_A_THING_HELD = re.compile(r"^(?:an?\s|the\s|\d[\d,]*\+?\s|(?:over|more than|about|~)\s?\d)[^:]*$", re.IGNORECASE)


_TITLE_CASED = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)+")


_ONE_BODY = re.compile(
    r"^(\s(?:for|of|on)\s)(?!(?:the|a|an|my|our|their|its)\s)([a-z][\w/&-]*(?:\s[\w/&-]+){0,5}?\s"
    r"(?:pilot|program|programme|project|initiative|rollout|committee|service|clinic|team|unit|network|registry|"
    r"course|curriculum|pathway|bundle|study|trial)\b(?!\s*(?:s\b|and\b)))"
)


def _role_held(role: str) -> str | None:
    """A role line as the role a sentence says was held: 'Member, Sepsis Committee' → 'a member of the Sepsis
    Committee'; 'Site investigator, phase 3 trial of …' → 'site investigator on the phase 3 trial of …';
    'Physician champion for the Epic order set redesign' as it is, its title in lower case. None for a title
    that names its own place ('Assistant Professor of Surgery, …') or a body with more after it."""
    plain = re.sub(r"\s*\([^)]*\)", "", role).strip()
    plain = re.sub(r"^[Aa]s\s+(?=\S)", "", plain)  # "As site PI for PROBIO-NEC: recruited 96 …" holds "site PI …"
    label, colon, named = plain.partition(": ")
    if colon and is_role_word(label.split()[-1]) and len(label.split()) <= 4:
        plain = f"{label}, {named}"  # "Principal investigator: WCI-LYM-1907" as "…, WCI-LYM-1907"
    # what a second colon brings is what was done in the role, not what it was held in: "Sub-investigator,
    # ZEPHYR-ARDS: screened 61" holds the role on ZEPHYR-ARDS
    before, colon, after = plain.partition(": ")
    role_of, held_in, code = before.partition(", ")
    if colon and held_in and phrases.A_CODE.fullmatch(code.strip()) and after and opening(after) == "noun":
        # … unless the role was held in a study named by its code, and what follows says what the study was:
        # "Overall PI, OUCCC-PH1-2103: first-in-human study of a TROP2-directed ADC" holds it on that study
        plain = f"{role_of}, {after}"
    else:
        plain = before
    title, comma, body = plain.partition(", ")
    if comma and (_ROLE_END.search(f" {title} ") or "," in body or not body):
        return None
    head_end = _ROLE_END.search(title)
    head, rest = (title[: head_end.start()], title[head_end.start() :]) if head_end else (title, "")
    head = " ".join(
        w if any(c.isupper() for c in w[1:]) and not _TITLE_CASED.fullmatch(w) else w.lower() for w in head.split()
    )  # "Sub-Investigator" is a title's capitals, "ICU" an acronym's
    last = head.split()[-1].lower() if head.split() else ""
    article = f"{english.indefinite_article(head)} " if last in _ONE_OF_MANY else ""  # "an independent member"
    if not comma:
        # one body the role was held in takes its article: "clinical lead for the ambient AI documentation pilot"
        rest = _ONE_BODY.sub(r"\1the \2", rest, count=1)
        return f"{article}{head}{rest}"
    if last in _ON_A_STUDY:
        joint = "on"
        first = body.split()[0]
        if first[:1].isdigit() or re.fullmatch(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+|[A-Z]{2,}[0-9]*", body):
            return f"{article}{head} on {body}"  # "on 3 industry-sponsored trials", "on TIDAL-PE": no "the"
        if english.is_plural_noun(body.split()[-1]):
            return f"{article}{head} on {english.lower_first(body)}"  # "on sponsor trials": several, no article
        if not re.match(r"(?:the|a|an)\s", body, re.IGNORECASE) and not any(c.isupper() for c in first[1:]):
            # one trial of several, not named: "on a phase III adjuvant CDK4/6 inhibitor trial"
            return f"{article}{head} on {english.indefinite_article(body)} {english.lower_first(body)}"
    elif {w.lower().rstrip(",") for w in body.split()} & {*verbs().roles.bodies, *_TAUGHT_BODIES}:
        # a committee, a program, a clinic, whatever its code after it: "a member of the Sepsis Committee", "of the
        # Institutional Review Board IRB-2"
        joint = "of"
    elif body[:1].isupper():
        return f"{article}{head} for {body}"  # a function named: "physician advisor for Utilization Review"
    else:
        joint = "for"
    body = body if re.match(r"(?:the|a|an)\s", body, re.IGNORECASE) else f"the {body}"
    if last in {"representative", "delegate", "liaison"} and joint == "of":
        # a department's one seat on a body: "the psychiatry representative on the Clinical Informatics Steering
        # Committee", never "a psychiatry representative of" it
        return f"{'the ' if len(head.split()) > 1 else article}{head} on {body}"
    return f"{article}{head} {joint} {body}"


def outreach(m: Material) -> Outreach:
    """A note and a message with one true fact from the CV that connects to the target; no flattery."""
    who = m.who.article()
    where = m.who.at
    in_area = f" in {m.area}" if m.area else ""
    facts_said = _voiced_facts(m, 140)  # a Premium note has room for a longer fact
    ask = "Could we talk for 15 minutes?"
    frame = f"Hi {{their_name}}, I'm {who} exploring {m.role.area} roles; . {ask}"
    short = _voiced(m, NOTE_LIMIT - len(frame), among=6)
    notes = [f"Hi {{their_name}}, I'm {who} exploring {m.role.area} roles; {f}. {ask}" for f in short]
    notes.append(f"Hi {{their_name}}, I'm {who} exploring {m.role.area} roles{in_area}. {ask}")
    notes.append(f"Hi {{their_name}}, I'm a physician exploring {m.role.area} roles. {ask}")
    note = _fit(notes, NOTE_LIMIT)
    premiums = [
        # today's employer beside today's work only: "I'm a psychiatrist at Evergreen. I started an LAI clinic" had
        # credited her earlier employer's clinic to this one
        f"Hi {{their_name}}, I'm {who}{where if current else ''}. {english.upper_first(f)}. I'm exploring "
        f"{m.role.area} roles{in_area} and would value 15 minutes to hear how you made the move. Thank you!"
        for f, current in facts_said
    ]
    premiums += [
        f"Hi {{their_name}}, I'm {who}; {f}. I'm exploring {m.role.area} roles{in_area} and would value 15 minutes "
        f"to hear how you made the move. Thank you!"
        for f in short
    ]
    # with no fact that reads in a note, the Premium note still says where the physician works and why they write
    premiums.append(
        f"Hi {{their_name}}, I'm {who}{where}. I'm exploring {m.role.area} roles{in_area} and would value 15 minutes "
        f"to hear how you made the move. Thank you!"
    )
    premium = _fit([*premiums, note], NOTE_PREMIUM_LIMIT)
    since = f" since {m.who.year}" if m.who.year else ""
    work = _told(m, 160)
    message = "\n\n".join(
        p
        for p in (
            "Hi {their_name},",
            f"{'I have been' if since else 'I am'} {who}{where}{since}. {work}".strip(),
            f"Over the coming year I'm exploring a move into {m.moving}, and I'd value hearing how you made the move "
            "to {their_company}.",
            "Would you have 15 minutes for a call this month? I'd like to ask which roles are realistic for someone "
            "with my background, and what you would want to see on my CV.",
            "Thank you for considering it.",
            f"Best regards,\n{m.name or '{your_name}'}",
        )
        if p
    )
    specialty = m.who.specialist
    searches = [
        s.format(area=m.area or specialty, specialty=specialty, institution=m.who.employer or "{your_institution}")
        for s in m.role.searches
    ]
    if m.school:  # the school the CV names: "filter by school = Brody School of Medicine …", no placeholder
        searches = [s.replace("{your_medical_school}", m.school) for s in searches]
    return Outreach(
        connection_note=note,
        connection_note_premium=premium,
        message_subject=_fit([f"{m.who.title} exploring {m.role.headline}: 15 minutes?"], SUBJECT_LIMIT),
        message=message,
        agenda=[
            "Their path: how and why they moved from clinical practice into industry.",
            "Which roles are realistic for someone with your background, and which to target first.",
            "What gaps they would want filled on your CV before you apply.",
            "Whether you may mention them if a fitting role opens (ask at the end, not in the first message).",
        ],
        searches=searches,
    )
