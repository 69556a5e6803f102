"""Translate one bullet with the rules: competencies, experience type, rewrite and questions."""

from __future__ import annotations

import re

from translator.mapping.classify import competencies_of, matching_rules
from translator.mapping.guard import numbers
from translator.mapping.rewrite import rewrite
from translator.models import BulletTranslation

_ASKS_FOR_NUMBERS = re.compile(r"^how many\b", re.IGNORECASE)


def translate_bullet(text: str, section: str = "", entry: str = "") -> BulletTranslation:
    matched = matching_rules(text)
    primary = matched[0]
    has_numbers = bool(numbers(text))
    questions = [q for rule in matched[:2] for q in rule.questions if not (has_numbers and _ASKS_FOR_NUMBERS.match(q))]
    return BulletTranslation(
        section=section,
        entry=entry,
        text=text,
        rewrite=rewrite(text, primary),
        competencies=competencies_of(matched),
        experience=primary.experience,
        rule=primary.id,
        source="rules",
        suggestions=list(dict.fromkeys(questions)),
    )
