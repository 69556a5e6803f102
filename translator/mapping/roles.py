"""Target roles: their profiles, and which one a CV points to."""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import Field

from translator.mapping import english
from translator.mapping.rule_files import DATA_DIR, PatternEntry, load_toml
from translator.models import Competency, StrictModel
from translator.targets import TargetRole


class Signal(PatternEntry):
    weight: int
    reason: str
    on: Literal["specialty", "text"] = "text"


class Ask(StrictModel):
    experience: str
    question: str


class RoleProfile(StrictModel):
    id: TargetRole
    name: str
    titles: list[str]
    area: str
    interests: list[str] = Field(description="What the About section says the physician is interested in.")
    experience_words: list[str]
    values: list[str] = Field(description="Experience types this target values most, first to last.")
    asks: list[Ask] = Field(default_factory=list)
    signals: list[Signal] = Field(min_length=1)


class RoleFile(StrictModel):
    role: list[RoleProfile]


class SpecialtyFile(StrictModel):
    person: dict[str, str]
    titles: list[str]
    area: dict[str, str]


class GapFile(StrictModel):
    cross_functional: list[str]
    data: list[str]
    communication: list[str]
    projects: list[str]


@cache
def role_profiles() -> dict[str, RoleProfile]:
    loaded: RoleFile = load_toml(DATA_DIR / "roles.toml", RoleFile)
    return {r.id: r for r in loaded.role}


@cache
def gap_actions() -> dict[Competency, list[str]]:
    loaded: GapFile = load_toml(DATA_DIR / "gaps.toml", GapFile)
    return {
        "cross_functional": loaded.cross_functional,
        "data": loaded.data,
        "communication": loaded.communication,
        "projects": loaded.projects,
    }


def suggest_target(specialty: str | None, lines: list[str]) -> tuple[TargetRole, str]:
    """The role the CV's evidence points to, and why, in words the user can check.

    `lines` are the CV's entry titles and bullets; each line counts once per signal (three at most).
    """
    best: tuple[int, str, list[str]] = (0, "medical-affairs", [])
    for role in role_profiles().values():
        score, reasons = 0, []
        for signal in role.signals:
            if signal.on == "specialty":
                hits = 1 if specialty and signal.regex.search(specialty) else 0
            else:
                hits = min(sum(1 for line in lines if signal.regex.search(line)), 3)
            if hits:
                score += signal.weight * hits
                reasons.append(signal.reason)
        if score > best[0]:
            best = (score, role.id, reasons)
    score, role_id, reasons = best
    target: TargetRole = role_id  # type: ignore[assignment]
    if not score:
        return target, "no strong signal in the CV; medical affairs is the broadest entry point for physicians"
    return target, f"the CV shows {english.listing(list(dict.fromkeys(reasons)))}"


@cache
def specialties() -> SpecialtyFile:
    loaded: SpecialtyFile = load_toml(DATA_DIR / "specialties.toml", SpecialtyFile)
    return loaded
