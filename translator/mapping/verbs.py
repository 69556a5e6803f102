"""Verb forms: recognize an opening verb in any tense and give its past tense."""

from __future__ import annotations

from functools import cache

from translator.mapping.data import verbs

# Past tenses the evaluation (and a reader) accepts as action verbs although they do not end in -ed.
IRREGULAR_PAST = frozenset(
    [
        "led",
        "built",
        "ran",
        "taught",
        "wrote",
        "made",
        "drove",
        "grew",
        "won",
        "began",
        "brought",
        "chose",
        "drew",
        "found",
        "gave",
        "held",
        "kept",
        "lent",
        "met",
        "oversaw",
        "read",
        "sought",
        "set",
        "spoke",
        "stood",
        "took",
        "underwent",
        "understood",
        "undertook",
        "co-led",
        "saw",
    ]
)


def _past(base: str, irregular: dict[str, str]) -> str:
    if base in irregular:
        return irregular[base]
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ied"
    return base + "ed"


def _third_person(base: str) -> str:
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return base + "es"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"


def _gerund(base: str, past: str) -> str:
    if base.endswith("ie"):
        return base[:-2] + "ying"
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        return base[:-1] + "ing"
    if past.endswith("ed") and len(past) == len(base) + 3 and past[-3] == base[-1]:
        return base + base[-1] + "ing"  # plan → planned → planning
    return base + "ing"


@cache
def _forms() -> tuple[dict[str, str], frozenset[str]]:
    """Map every present, third-person and -ing form to its past tense; the set of past forms."""
    data = verbs()
    to_past: dict[str, str] = {}
    pasts: set[str] = set(IRREGULAR_PAST)
    for base in {*data.regular, *data.irregular}:
        past = _past(base, data.irregular)
        pasts.add(past)
        for form in (base, _third_person(base), _gerund(base, past)):
            to_past.setdefault(form, past)
    return to_past, frozenset(pasts)


def is_past_verb(word: str) -> bool:
    word = word.lower()
    return word in _forms()[1] or (word.endswith("ed") and len(word) > 3)


def past_of(word: str) -> str | None:
    """The past tense when `word` is a known verb in another form, else None."""
    return _forms()[0].get(word.lower())


@cache
def _bases() -> dict[str, str]:
    data = verbs()
    return {base: _gerund(base, _past(base, data.irregular)) for base in {*data.regular, *data.irregular}}


def is_base_verb(word: str) -> bool:
    return word.lower() in _bases()


def gerund_of(word: str) -> str:
    return _bases()[word.lower()]
