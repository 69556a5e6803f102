"""Which competencies a bullet shows, and which rule explains it."""

from __future__ import annotations

from translator.mapping.rule_files import Rule, rules
from translator.models import COMPETENCIES, Competency


def matching_rules(text: str) -> list[Rule]:
    """Every rule that matches, highest priority first (the catch-all clinical rule is last)."""
    return [rule for rule in rules() if rule.matches(text)]


def in_order(shown: set[Competency]) -> list[Competency]:
    """Competencies in their canonical order, so outputs do not depend on set order."""
    return [c for c in COMPETENCIES if c in shown]


def competencies_of(matched: list[Rule]) -> list[Competency]:
    return in_order({c for rule in matched for c in rule.competencies})
