"""The guard applied to what a model wrote: a bullet's rewrite, its additions, and the profile texts.

It uses the rules' fact guard (`mapping.guard.violations`) and adds what only a model gets wrong: topic
terms dropped, a rewrite far longer than its source, placeholders left over, additions that carry numbers.
"""

from __future__ import annotations

import re

from translator.mapping.guard import numbers, violations
from translator.mapping.rewrite import apply_glossary

MAX_WORDS = 40
# Nouns every CV uses: rephrasing them away is no loss of topic ("care" → "treated").
_GENERIC_NOUNS = frozenset(
    {
        *("patient", "patients", "care", "team", "teams", "service", "services", "member", "members"),
        *("basis", "number", "range", "variety", "time", "times", "years", "year", "month", "months"),
        *("weeks", "week", "hours", "hour", "setting", "settings", "role", "roles", "work", "duties", "duty"),
        *("area", "areas", "including", "various", "multiple", "daily", "weekly", "monthly"),
    }
)
# The lexicon knows nouns, verbs, adjectives and adverbs only; these closed-class words it does not.
_FUNCTION_WORDS = frozenset(
    {
        *("with", "from", "into", "onto", "upon", "over", "than", "that", "this", "these", "those", "their"),
        *("them", "they", "there", "which", "while", "where", "when", "whom", "whose", "what", "about"),
        *("across", "among", "after", "before", "between", "through", "throughout", "within", "without"),
        *("during", "including", "against", "around", "along", "alongside", "beyond", "under", "until"),
        *("toward", "towards", "although", "because", "unless", "since", "whether", "each", "both"),
        *("either", "neither", "other", "others", "every", "several", "such", "some", "most", "more", "also"),
        *("your", "yours", "ours", "itself", "themselves", "per", "via", "versus", "amongst", "whereas"),
    }
)
_ACRONYM = re.compile(r"\b[A-Za-z]*[A-Z][A-Za-z0-9&/-]*[A-Z0-9][A-Za-z0-9]*\b")
_PLACEHOLDER = re.compile(r"\[[A-Z]+-\d+\]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")


def _stem(word: str) -> str:
    return word.lower()[:5]


def topic_terms(source: str) -> list[str]:
    """Shorthand, names and subject nouns of a bullet: what any rewrite of it must still mention."""
    from translator.mapping import english

    terms = [m.group(0) for m in _ACRONYM.finditer(source)]
    words = _WORD.findall(source)
    terms += [w for w in words[1:] if w[:1].isupper() and w not in terms]  # names, not the opening word
    terms += [
        w
        for w in words[1:]
        if w.islower()
        and len(w) >= 5
        and w not in _GENERIC_NOUNS
        and english.is_noun(w)
        and not english.is_past_verb(w)
    ]
    return list(dict.fromkeys(terms))


def dropped_terms(source: str, rewrite: str) -> list[str]:
    """Topic terms of `source` that `rewrite` no longer mentions, in the source's words or the glossary's."""
    said = {_stem(w) for w in _WORD.findall(rewrite)} | {w.lower() for w in _ACRONYM.findall(rewrite)}
    plain = apply_glossary(source)
    in_plain = {_stem(w) for w in _WORD.findall(plain)} | {w.lower() for w in _ACRONYM.findall(plain)}
    lost = []
    for term in topic_terms(source):
        if term.lower() in said or _stem(term) in said or _spelled_out(term, rewrite):
            continue
        if term.lower() not in in_plain and _stem(term) not in in_plain:
            continue  # shorthand the glossary spells out ("census 16"): its plain words are checked instead
        spelled = apply_glossary(term)
        if spelled != term and all(_stem(w) in said for w in _WORD.findall(spelled) if len(w) > 3):
            continue
        lost.append(term)
    return lost


def added_terms(source: str, text: str) -> list[str]:
    """Words of `text` that neither the source has nor the lexicon knows: drug names, devices, jargon."""
    from translator.mapping import english

    had = {_stem(w) for w in _WORD.findall(source)}
    new = [
        w
        for w in _WORD.findall(text)
        if w.islower() and _stem(w) not in had and len(w) > 3 and w not in _FUNCTION_WORDS
    ]
    return list(dict.fromkeys(w for w in new if "-" not in w and not english.is_known(w)))


def _fields_named(text: str) -> set[str]:
    """Specialties and therapeutic areas a text names ("oncology", "cardiovascular medicine")."""
    from translator.mapping.roles import specialties

    data = specialties()
    names = {*data.person, *data.area.values()}
    lowered = text.lower()
    return {n for n in names if n and re.search(rf"\b{re.escape(n)}\b", lowered)}


def _spelled_out(acronym: str, text: str) -> bool:
    """ICU → "intensive care unit": the acronym's letters open consecutive words of `text`."""
    if not (2 <= len(acronym) <= 6 and acronym.isalpha() and acronym.isupper()):
        return False
    initials = "".join(w[0] for w in _WORD.findall(text)).upper()
    return acronym.upper() in initials


def review_rewrite(source: str, rewrite: str) -> str | None:
    """Why a model's rewrite of `source` cannot be used (the report's fallback_reason); None when it can."""
    text = rewrite.strip()
    if not text:
        return "empty rewrite"
    if _PLACEHOLDER.search(text):
        return "keeps a redaction placeholder"
    words = len(text.split())
    if words > max(MAX_WORDS, 2 * len(source.split()) + 8):
        return f"too long ({words} words)"
    problems = violations(source, text, context=apply_glossary(source))
    if new := added_terms(f"{source} {apply_glossary(source)}", text):
        problems.append(f"adds the term(s) {', '.join(new)}")
    if lost := dropped_terms(source, text):
        problems.append(f"drops the term(s) {', '.join(lost)}")
    return "; ".join(problems) or None


def review_addition(addition: str, rewrite: str) -> bool:
    """An addition is a short continuation with no figures: the user types their own numbers."""
    text = addition.strip()
    return (
        bool(text)
        and len(text.split()) <= 12
        and not numbers(text)
        and not re.search(r"[$€£%]", text)
        and not _PLACEHOLDER.search(text)
        and text.lower() not in rewrite.lower()
    )


def review_text(evidence: str, text: str, limit: int, context: str = "") -> str | None:
    """Why a model's headline, About, Summary or message cannot be used; `evidence` is the whole CV."""
    if not text.strip():
        return "empty"
    if len(text) > limit:
        return f"longer than {limit} characters"
    if _PLACEHOLDER.search(text):
        return "keeps a redaction placeholder"
    problems = violations(
        evidence, text, allowed_words=frozenset({"i", "i'm", "i've", "i'd", "i'll", "linkedin"}), context=context
    )
    problems = [p for p in problems if not p.startswith("drops the number")]  # a summary need not repeat all
    if fields := sorted(_fields_named(text) - _fields_named(f"{evidence}\n{context}")):
        problems.append(f"adds the field(s) {', '.join(fields)}")
    # A number somewhere in a long CV does not make every use of it true: "15 years" needs "15 years".
    if unsupported := sorted(_counted(text) - _counted(f"{evidence}\n{context}")):
        problems.append(f"adds the count(s) {', '.join(unsupported)}")
    return "; ".join(problems) or None


_COUNT = re.compile(r"(\d[\d,.]*)(?:\s*[-–]\s*\d[\d,.]*)?\s*\+?\s*([A-Za-z]+)")


def _counted(text: str) -> set[str]:
    """Each number with the word it counts: {"15 years", "16 hospitalized"}."""
    return {f"{m.group(1)} {_stem(m.group(2))}" for m in _COUNT.finditer(text)}
