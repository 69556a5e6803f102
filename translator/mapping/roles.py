"""Target roles: their profiles, and which one a CV points to."""

from __future__ import annotations

import re
from functools import cache

from pydantic import Field

from translator.mapping.data import DATA_DIR, load_toml
from translator.models import Competency, StrictModel, TargetRole


class Signal(StrictModel):
    pattern: str
    weight: int
    reason: str


class RoleProfile(StrictModel):
    id: TargetRole
    name: str
    titles: list[str]
    area: str
    keywords: list[str]
    experience_words: list[str]
    signals: list[Signal] = Field(min_length=1)


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


@cache
def gap_actions() -> dict[Competency, list[str]]:
    loaded: GapFile = load_toml(DATA_DIR / "gaps.toml", GapFile)
    return {
        "cross_functional": loaded.cross_functional,
        "data": loaded.data,
        "communication": loaded.communication,
        "projects": loaded.projects,
    }


def suggest_target(cv_text: str) -> tuple[TargetRole, str]:
    """The role the CV's evidence points to, and why, in words the user can check."""
    best: tuple[int, str, list[str]] = (0, "medical-affairs", [])
    for role in role_profiles().values():
        score, reasons = 0, []
        for signal in role.signals:
            hits = len(re.findall(signal.pattern, cv_text, flags=re.IGNORECASE))
            if hits:
                score += signal.weight * min(hits, 3)
                reasons.append(signal.reason)
        if score > best[0]:
            best = (score, role.id, reasons)
    score, role_id, reasons = best
    target: TargetRole = role_id  # type: ignore[assignment]
    if not score:
        return (
            target,
            "no strong signal in the CV; medical affairs is the broadest entry point for physicians",
        )
    return target, "the CV shows " + " and ".join(dict.fromkeys(reasons))
