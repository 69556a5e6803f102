"""Translate one bullet with the rules: competencies, experience type, rewrite and questions."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from translator.guard import standalone_numbers
from translator.mapping.classify import competencies_of, matching_rules
from translator.mapping.rewrite import apply_glossary, rewrite
from translator.models import BulletTranslation, Suggestion

if TYPE_CHECKING:
    from translator.mapping.roles import Ask

# Questions that ask for a count or a measured result: not asked when the bullet already has numbers.
_ASKS_FOR_NUMBERS = re.compile(r"^how many\b|before/after|add the numbers?\b", re.IGNORECASE)


_PLACEHOLDER = re.compile(r"\[[^\]]*\]")


def _is_placeholder(text: str) -> bool:
    """A template's "[Key responsibility or achievement]": nothing of the user's own to translate."""
    rest = _PLACEHOLDER.sub("", text)
    return bool(_PLACEHOLDER.search(text)) and len(re.findall(r"[A-Za-z]{3,}", rest)) < 3


# A note the physician left to themselves in a bracket: "(need to double check this #)", "(TBD)", "(verify)".
_NOTE_TO_SELF = re.compile(
    r"\s*\((?:[^()]*\b(?:need to|needs? checking|double[- ]check|check this|to check|to confirm|to verify|verify|"
    r"TBD|TODO|FIXME|fix this|look up|update this)\b[^()]*|\s*\?+\s*)\)",
    re.IGNORECASE,
)


_LAYOUT_REFERENCE = re.compile(
    r"\s*\((?:see|as|listed|details|full list|list)\b[^()]{0,30}\b(?:table|below|above|attached|appendix|overleaf)\)"
    # … or at another of its sections: "(see Research)", "(see Digital Health & Clinical Safety)"
    r"|\s*\((?i:see|cf\.?|details in)\s+(?-i:[A-Z])[^()]{0,50}\)"
    # … or said after a comma at the line's end: "…, see below", "; see table overleaf"
    r"|[,;]\s*(?:see|details)\s+(?:(?:the\s+)?(?:table|list|section)\s+)?(?:below|above|overleaf|attached)\.?$",
    re.IGNORECASE,
)
# Chat a line ends with: "… our group still uses lol".
# … or an aside in brackets in the first person, exclaimed: "(I try hard to keep those collegial!)".
_CASUAL = re.compile(
    r"\s+(?:lol|haha|lmao|tbh|imo|:-?\)|;-?\))\W*$|\s*\((?:I|I'm|I've|I'd|we|we're)\b[^()]*!\)", re.IGNORECASE
)


def translate_bullet(
    text: str,
    section: str = "",
    entry: str = "",
    target: str | None = None,
    current: bool = False,
    present: bool = False,
    led: bool = False,
    studied: bool = False,
    context: str = "",
) -> BulletTranslation:
    """The rules' translation of one bullet; with a target role, that role's questions too. `current`: the
    bullet belongs to a position that goes on (its present tense stays); `present`: that position's duties are
    written in the present; `led`, `studied`: the position's title says its holder led, or is a role in a study
    (see rewrite); `context`: the post's title and its other duties, which a question never asks again."""
    if _is_placeholder(text):
        return BulletTranslation(
            section=section,
            entry=entry,
            text=text,
            rewrite=text,
            competencies=[],
            experience="placeholder",
            rule="placeholder",
            suggestions=[
                Suggestion(
                    id="placeholder", question="This is template text: replace it with what you did, then run again."
                )
            ],
        )
    written, note = text, _NOTE_TO_SELF.search(text) or _CASUAL.search(text)
    text = _LAYOUT_REFERENCE.sub("", text)  # "(see table)" points at the CV's own page, which no output has
    text = _CASUAL.sub("", _NOTE_TO_SELF.sub("", text)) if note else text  # kept out of every output; the report asks
    # Shorthand hides what a bullet shows ("GOC discussions", "UR"): match the plain words as well.
    plain = apply_glossary(text)
    matched = matching_rules(text if plain == text else f"{text} ; {plain}")
    primary = matched[0]
    has_numbers = bool(standalone_numbers(text))  # "q4 call" counts nothing
    # The primary rule's offers and questions, and the next rule's when it shows a competency the primary
    # does not.
    askers = [primary, *(r for r in matched[1:2] if set(r.competencies) - set(primary.competencies))]
    both = f"{text} ; {plain}"
    suggestions = [
        Suggestion(id=offer.id, question=offer.question, addition=offer.words)
        for rule in askers
        for offer in rule.offers_for(text, plain)
    ]
    suggestions += [
        Suggestion(id=f"{rule.id}-q{n}", question=q.text)
        for rule in askers
        for n, q in enumerate(rule.questions, start=1)
        # A question with no `unless` of its own is not asked for a count the bullet already gives.
        if q.applies_to(both)
        and not q.said_in(context)
        and not (has_numbers and not q.unless and _ASKS_FOR_NUMBERS.search(q.text))
    ]
    if note:
        noted = note.group(0).strip()
        suggestions.insert(
            0,
            Suggestion(
                id="note-to-self",
                question=f"Your CV has a note to yourself or an aside here, '{noted}': it is left off every output."
                " Check what it was about before you send the resume.",
            ),
        )
    translated = BulletTranslation(
        section=section,
        entry=entry,
        text=written,
        rewrite=rewrite(text, primary, current, present, led, studied),
        competencies=competencies_of(matched),
        experience=primary.experience,
        rule=primary.id,
        source="rules",
        suggestions=list({s.id: s for s in suggestions}.values()),
    )
    if target:
        ask_for_target(translated, target, context)
    return translated


def ask_for_target(bullet: BulletTranslation, target: str, context: str = "", asks: list[Ask] | None = None) -> None:
    """Add the target's own questions for this kind of bullet ("Payer roles value review volume …"); `asks`, the
    questions of the part of the target the CV's wish names, in place of the target's own."""
    from translator.mapping.roles import role_profiles

    known = {s.id for s in bullet.suggestions}
    # (never one a question of the line's own asks already: "which criteria sets (InterQual, MCG) did you use?")
    asked = {w for s in bullet.suggestions for w in _asking_words(s.question)}
    bullet.suggestions += [
        Suggestion(id=f"{target}-q{n}", question=a.question)
        for n, a in enumerate(role_profiles()[target].asks if asks is None else asks, start=1)
        if a.experience == bullet.experience
        and f"{target}-q{n}" not in known
        and a.applies_to(bullet.text)
        and not a.said_in(context)
        and len(_asking_words(a.question) & asked) < 3
    ]


_NOT_ASKING = frozenset(
    {
        "what",
        "which",
        "your",
        "with",
        "them",
        "know",
        "give",
        "name",
        "note",
        "roles",
        "value",
        "values",
        "screens",
        "add",
        "they",
        "were",
        "have",
        "there",
        "when",
        "where",
        "many",
        "much",
        "that",
        "this",
        "from",
        "about",
        "into",
    }
)


def _asking_words(question: str) -> set[str]:
    """The words a question asks about: 'criteria', 'sets', 'interqual'; not its frame ('which', 'your', 'roles')."""
    return {w for w in re.findall(r"[a-z]{4,}", question.lower()) if w not in _NOT_ASKING}
