"""Target roles: their profiles, and which one a CV points to."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from pydantic import Field, field_validator

from translator.data_files import load_toml
from translator.mapping import english, facts
from translator.mapping.facts import EVIDENCE, Fact
from translator.mapping.patterns import check, regex
from translator.mapping.rule_files import DATA_DIR, InContext, PatternEntry
from translator.models import Competency, StrictModel
from translator.parse.text import WISH_LABEL
from translator.targets import TargetRole


class Signal(PatternEntry):
    """A specialty that leans to a target (PRODUCT.md, role hints), matched on the CV's specialty."""

    weight: int
    reason: str


class Ask(InContext):
    """The target's own question for a kind of bullet, never of a bullet that already says it (`unless`)."""

    experience: str
    question: str


class Keyword(PatternEntry):
    """A term the target's recruiters search for, used only where the CV supports it (the pattern finds it)."""

    term: str


class Variant(StrictModel):
    """The target as a physician's own wish names a part of it ("a position in health economics and outcomes
    research (HEOR) or market access within the pharmaceutical industry" is a payer-facing role in pharma, not a
    health plan's medical management): its name, headline, team and work in those words."""

    when: str = Field(description="A pattern on the wish's sentence.")
    name: str
    area: str
    headline: str
    team: str
    interests: list[str]
    asks: list[Ask] = Field(default_factory=list)
    keywords: list[Keyword] = Field(default_factory=list)
    searches: list[str] = Field(default_factory=list)
    weights: dict[str, int] = Field(default_factory=dict, description="In place of the target's, when given.")

    @field_validator("when")
    @classmethod
    def _valid_when(cls, value: str) -> str:
        return check(value)


class RoleProfile(StrictModel):
    id: TargetRole
    name: str
    titles: list[str]
    area: str
    stated: str = Field(description="A pattern: how a CV names this target when it says it is looking for it.")
    by_area: bool = Field(default=True, description="Whether its roles are named by a therapeutic area.")
    interests: list[str] = Field(description="What the physician would work on there: whole phrases.")
    values: list[str] = Field(description="Experience types this target values most, first to last.")
    asks: list[Ask] = Field(default_factory=list)
    signals: list[Signal] = Field(default_factory=list)
    weights: dict[str, int] = Field(description="What each kind of fact (facts.toml) counts for this target.")
    needs: str = Field(description="What a CV shows when it plainly points here.")
    headline: str
    team: str
    # the team and the work as they are named outside the US, where the target's own words are American
    team_abroad: str | None = None
    interests_abroad: list[str] = Field(default_factory=list)
    keywords: list[Keyword]
    searches: list[str] = Field(min_length=2)
    variants: list[Variant] = Field(default_factory=list)

    @field_validator("stated")
    @classmethod
    def _valid_stated(cls, value: str) -> str:
        return check(value)

    def as_wished(self, wish: str) -> RoleProfile:
        """This target in the words of the part of it the wish names; itself for any other wish."""
        for variant in self.variants:
            if re.search(variant.when, wish, re.IGNORECASE):
                update: dict[str, object] = {
                    "name": variant.name,
                    "area": variant.area,
                    "headline": variant.headline,
                    "team": variant.team,
                    "team_abroad": None,
                    "interests": variant.interests,
                    "asks": variant.asks,
                }
                update |= {"keywords": variant.keywords} if variant.keywords else {}
                update |= {"searches": variant.searches} if variant.searches else {}
                update |= {"weights": variant.weights} if variant.weights else {}
                return self.model_copy(update=update)
        return self

    def strongest(self, kinds: Iterable[str]) -> int:
        """The weight of the kind among these that this target values most (0 for none)."""
        return max((self.weights.get(kind, 0) for kind in kinds), default=0)

    def evidence(self, kinds: Iterable[str]) -> bool:
        """Whether a fact of these kinds is evidence for this target, not only work it values a little."""
        return self.strongest(kinds) >= EVIDENCE


class RoleFile(StrictModel):
    role: list[RoleProfile]


class GapFile(StrictModel):
    cross_functional: list[str]
    data: list[str]
    communication: list[str]
    projects: list[str]


@cache
def role_profiles() -> dict[str, RoleProfile]:
    loaded: RoleFile = load_toml(DATA_DIR / "roles.toml", RoleFile)
    return {r.id: r for r in loaded.role}


STATED = "the CV says so"  # how a target's reason opens when the CV states the target, its sentence quoted after


def profile_for(target: str, reason: str = "") -> RoleProfile:
    """The target's profile, in the words of the part of it the CV's own wish names (quoted in `reason`)."""
    role = role_profiles()[target]
    return role.as_wished(reason) if reason.startswith(STATED) else role


@cache
def gap_actions() -> dict[Competency, list[str]]:
    loaded: GapFile = load_toml(DATA_DIR / "gaps.toml", GapFile)
    return {
        "cross_functional": loaded.cross_functional,
        "data": loaded.data,
        "communication": loaded.communication,
        "projects": loaded.projects,
    }


# A target is clear when its evidence (facts whose defining kind it weighs facts.EVIDENCE or more) adds up to
# MINIMUM from at least two lines. Measured on fixtures/targets (written from a brief): the clear CVs score
# their target from 18 up, the clinician with one super-user line and one committee 9.
MINIMUM = 20.0
EVIDENCE_LINES = 2
COUNTED = 5  # the strongest facts counted per target: a long CV is not a stronger case for every target


@dataclass(frozen=True)
class TargetFit:
    """How plainly the CV points to one target: its score and the bullets that are its evidence."""

    role: RoleProfile
    score: float
    evidence: tuple[Fact, ...]
    specialty: str | None  # why the specialty leans here, when it does

    @property
    def clear(self) -> bool:
        return self.score >= MINIMUM and len(self.evidence) >= EVIDENCE_LINES

    def shows(self) -> str | None:
        """What the CV shows for this target, in people's words, strongest kinds first."""
        labels: dict[str, float] = {}
        for fact in self.evidence:
            for kind in fact.defining:
                weight = self.role.weights.get(kind, 0)
                if weight >= EVIDENCE:
                    labels[kind] = max(labels.get(kind, 0), weight)
        order = list(facts.kinds())  # ties in facts.toml's order, never in a set's (which changes run to run)
        named = [facts.kinds()[k].label for k in sorted(labels, key=lambda k: (-labels[k], order.index(k)))][:3]
        if self.specialty:
            named.append(self.specialty)
        return english.listing(named) if named else None


def fit_targets(specialty: str | None, found: list[Fact]) -> list[TargetFit]:
    """Every target scored from the CV's evidence, best first (ties in the order targets are listed)."""
    fits = []
    for role in role_profiles().values():
        leaning = [s for s in role.signals if specialty and s.regex.search(specialty)]
        evidence = [f for f in facts.ranked(found, role.weights) if role.evidence(f.defining)][:COUNTED]
        score = sum(s.weight for s in leaning) + sum(f.score(role.weights, evidence=True) for f in evidence)
        fits.append(TargetFit(role, round(score, 2), tuple(evidence), leaning[0].reason if leaning else None))
    return sorted(fits, key=lambda fit: -fit.score)


def target_reason(fits: list[TargetFit]) -> str:
    """Why the best target is suggested; or that none is clear, with the two closest and what each lacks."""
    best = fits[0]
    if best.clear:
        return f"the CV shows {best.shows()}"

    def closest(fit: TargetFit) -> str:
        lines = len(fit.evidence)
        shown = f"{lines} line{'s' if lines != 1 else ''} of evidence" if lines else "no line of evidence"
        parts = [p for p in (fit.shows(),) if p]
        shows = f"{shown} ({parts[0]})" if parts else shown
        return f"{fit.role.area}, with {shows}; it needs {fit.role.needs}"

    return (
        f"no target is clear from the CV. Closest: {closest(fits[0])}. Next: {closest(fits[1])}. "
        "Choose a target yourself, or add that work to the CV"  # read on the page and in linkedin.md too
    )


def suggest_target(specialty: str | None, found: list[Fact]) -> tuple[TargetRole, str, list[TargetFit]]:
    """The target the CV's evidence points to, why in words the user can check, and every target's fit."""
    fits = fit_targets(specialty, found)
    return fits[0].role.id, target_reason(fits), fits


# What a CV says the physician wants next: "Looking for a Medical Science Liaison role in diabetes and obesity",
# "interested in diagnostics medical affairs or clinical development roles", "seeking a move into health tech".
_SEEKING = re.compile(
    r"\b(?:(?:am |are )?(?:looking|searching) (?:for|at|to)|open to work|seeking|(?:am |are )?interested in|"
    r"hop(?:e|ing) to|aim(?:ing)? to|pursuing|(?:want|wish|plan|planning|would like) to|"
    r"transition(?:ing)? (?:in)?to|mov(?:e|ing) into|exploring|targeting|applying (?:for|to)|"
    r"(?:to be )?considered for)\b([^.;!?]{3,120})",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Stated:
    """The target a CV names as what the physician is looking for, with the sentence that says so."""

    role: TargetRole
    sentence: str


def stated_target(summary: Iterable[str], objectives: Iterable[str] = ()) -> Stated | None:
    """The target the CV's own summary asks for, the first it names in a sentence of seeking, or in a line under
    a heading that says what is wanted (`objectives`: "Objective", Europass's "Preferred job"); None when it names
    none. A wish stated in the CV outweighs the evidence: it is the physician's choice, as --target is."""
    for line in objectives:
        # (without a form's label before it: "DESIRED POSITION: Clinical Lead / Clinical Product Manager …")
        line = WISH_LABEL.sub("", line).lstrip()
        for sentence in re.split(r"(?<=[.!?])\s+", line):  # the sentence that names it, of a paragraph
            if (role := _named_in(sentence)) is not None:
                return Stated(role, sentence.strip())
    for line in summary:
        for match in _SEEKING.finditer(line):
            if (role := _named_in(match.group(1))) is not None:
                start = line.rfind(".", 0, match.start()) + 1
                end = min((i for i in (line.find(c, match.end()) for c in ".;!?") if i >= 0), default=len(line))
                return Stated(role, line[start:end].strip())
    return None


def seeking_object(sentence: str, before: int) -> int:
    """Where what is sought begins: after the last verb of seeking before `before` ("Seeking a Medical Director
    position …" → "a Medical Director position …"), else where the sentence begins (an Objective's line)."""
    starts = [m.start(1) for m in _SEEKING.finditer(sentence) if m.start(1) <= before]
    start = starts[-1] if starts else 0
    # (and after a verb of moving that follows it: "Looking to move into medtech clinical affairs …")
    moving = _MOVING.match(sentence, start)
    return moving.end() if moving and moving.end() <= before else start


_MOVING = re.compile(
    r"\s*(?:move|moving|transition(?:ing)?|go|step|pivot(?:ing)?|shift(?:ing)?)\s+(?:in)?to\s+"
    r"|\s*(?:work|working)\s+(?:in|at|for|as|with)\s+|\s*(?:join|joining)\s+",
    re.IGNORECASE,
)


def _named_in(wanted: str) -> TargetRole | None:
    """The target the words of a wish name, the first named ("Medical or clinical affairs — cardiovascular imaging
    and paediatric cardiac devices"). A device company names the sector the function is wanted in ("medical affairs
    or clinical development with a medical device … company" is medtech's medical affairs), but health tech named
    first is a sector of its own ("mostly looking at health tech … but open to medtech medical affairs too"), and a
    pharmaceutical company named beside the device one leaves the function named first ("a medical affairs role
    with a pharmaceutical or medical device company")."""
    named = sorted(
        (found.start(), role.id)
        for role in role_profiles().values()
        if (found := regex(role.stated).search(wanted)) is not None
    )
    if not named:
        return None
    roles = [role for _, role in named]
    device = "medtech" in roles and roles[0] != "health-tech" and not _PHARMA.search(wanted)
    return "medtech" if device else roles[0]


_PHARMA = re.compile(r"\b(?:pharma\w*|biopharma\w*|biotech\w*|drug compan\w*)\b", re.IGNORECASE)
