"""Rewrite one bullet: plain words for shorthand, an action verb first, framing for short bullets."""

from __future__ import annotations

import re
from functools import lru_cache

from translator.mapping import verbs as verb_forms
from translator.mapping.data import Rule, glossary, verbs
from translator.mapping.guard import violations
from translator.parse.text import BULLET_GLYPHS

_ROLE_SPLIT = re.compile(r"\s*(,|;|:|\s[–—-]\s|\()\s*|\s+(for|of|on|to|at|in|with|during)\s+", re.IGNORECASE)
_COMMITTEE = re.compile(r"\b(committee|council|board|task ?force|working group|panel)s?\b", re.IGNORECASE)
_ORGANIZATION = re.compile(
    r"\b(hospital|clinic|center|centre|university|health|institute|school|practice|system)\b", re.IGNORECASE
)
_WORK = re.compile(r"\b(study|studies|trials?|projects?|registry|initiative|program|transition|grant)\b", re.IGNORECASE)
_UNIT = re.compile(r"^(?:the\s+)?(?:[\w&/-]+\s+){0,4}(?:department|unit|service|division|ICU|clinic)\b", re.IGNORECASE)
_ACTIVITY = re.compile(
    r"\b(patients?|care|call|coverage|consult\w*|clinics?|services?|shifts?|cases|procedures?|rounds|admissions?|"
    r"visits?|encounters?|deliveries|surger(?:y|ies))\b",
    re.IGNORECASE,
)
_DURATION = re.compile(r"^\d+(\.\d+)?\s*(months?|years?|weeks?|yrs?)\b", re.IGNORECASE)
_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_DETERMINER = re.compile(
    r"^(the|a|an|this|that|these|those|his|her|their|our|my|its|each|every|all|several|multiple|\d|"
    r"one|two|three|four|five|six|seven|eight|nine|ten)\b",
    re.IGNORECASE,
)


def _ordinal(value: str) -> str:
    if not value.isdigit():
        return value
    n = int(value)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _lower_first(text: str) -> str:
    """Lower-case the first word unless it is an acronym or a name-like token (ICU, PCORI-funded)."""
    words = text.split(" ", 2)
    first = words[0]
    if len(first) > 1 and (first[:2].isupper() or any(c.isdigit() for c in first)):
        return text
    if len(words) > 1 and words[1][:1].isupper():  # a name: "Pharmacy and Therapeutics Committee"
        return text
    if len(words) > 2 and words[1] in {"and", "of", "&"} and words[2][:1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


@lru_cache(maxsize=4096)  # classification and rewriting both need the plain words of the same bullet
def apply_glossary(text: str) -> str:
    for term in glossary():

        def replace(match: re.Match[str], template: str = term.replace) -> str:
            groups = {f"g{i}": (match.group(i) or "") for i in range(1, (match.re.groups or 0) + 1)}
            groups |= {f"ord{i}": _ordinal(v) for i, v in enumerate(groups.values(), start=1)}
            return template.format_map(_Missing(groups))

        text = term.regex.sub(replace, text)
    return re.sub(r"\s{2,}", " ", text).strip()


class _Missing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def _article_for(role: str) -> str:
    data = verbs().roles
    lowered = role.lower()
    head = lowered.split()[-1]
    if head in data.no_article_heads or any(lowered.startswith(p) for p in data.no_article_openings):
        return ""
    return "an " if lowered[:1] in "aeiou" else "a "


def _as_role(text: str) -> str | None:
    """'Sub-investigator for two trials' → 'Served as a sub-investigator for two trials'."""
    match = _ROLE_SPLIT.search(text)
    segment = text[: match.start()] if match else text
    words = segment.split()
    if not words or len(words) > 6:
        return None
    head = words[-1].lower().strip(".")
    if head not in verbs().roles.nouns:
        return None
    rest = text[match.end() :] if match else ""
    separator = (match.group(1) or match.group(2) or "").strip().lower() if match else ""
    if head == "member" and len(words) == 1:
        if not rest:
            return None
        return f"Served on {_with_article(rest)}"
    role = _lower_first(segment)
    opening = f"Served as {_article_for(segment)}{role}"
    if not match:
        return opening
    if separator in {",", ":", "–", "—", "-"}:
        if _DURATION.match(rest):
            return f"{opening} for {rest}"
        first_word = rest.split(" ", 1)[0].lower()
        if first_word.endswith("ing") or re.match(r"^\d{4}", rest):
            return f"{opening}, {rest}"
        if _COMMITTEE.search(rest) and not _ORGANIZATION.search(rest.split(" ", 1)[0]):
            # chair of the committee (the roles that take no article lead a body), member on it
            joiner = "of" if head in verbs().roles.no_article_heads else "on"
            return f"{opening} {joiner} {_with_article(rest)}"
        if _WORK.search(rest):
            return f"{opening} on {_with_article(rest)}"
        if _UNIT.match(rest):
            return f"{opening} in {_with_article(rest)}"  # "in the Emergency Department"
        if _ORGANIZATION.search(rest):
            return f"{opening} at {_with_article(rest) if not rest[:1].isupper() else rest}"
        return f"{opening}, {rest}"
    if separator == "(":
        return f"{opening} ({rest}"
    if separator == ";":
        return f"{opening}; {rest}"
    return f"{opening} {separator} {rest}"


def _with_article(phrase: str) -> str:
    phrase = _ARTICLE.sub("", phrase)
    if _DETERMINER.match(phrase):
        return phrase
    return "the " + phrase


_HELPED = re.compile(r"^(?:helped|assisted)\s+(?:to\s+)?([a-z]+)\b\s*", re.IGNORECASE)


def _upgrade(text: str) -> str | None:
    helped = _HELPED.match(text)
    if helped and verb_forms.is_base_verb(helped.group(1)):
        # "Helped develop guidelines" → "Contributed to developing guidelines"
        return f"Contributed to {verb_forms.gerund_of(helped.group(1))} {text[helped.end() :]}".rstrip()
    for upgrade in verbs().upgrade:
        match = upgrade.regex.match(text)
        if match:
            groups = {f"g{i}": (g or "").lower() for i, g in enumerate(match.groups(), start=1)}
            return upgrade.verb.format_map(_Missing(groups)) + text[match.end() :]
    return None


def _verb_first(text: str, rule: Rule) -> str:
    upgraded = _upgrade(text)
    if upgraded:
        return upgraded
    words = text.split(" ", 2)
    first = words[0].strip(",;:").lower()
    second = words[1].lower() if len(words) > 1 else ""
    if verb_forms.is_past_verb(first):
        return text
    role = _as_role(text)
    if role:
        return role
    past = verb_forms.past_of(first)
    if past and second not in {"of", "for"}:
        converted = past + text[len(words[0]) :]
        return _upgrade(_upper_first(converted)) or _upper_first(converted)
    # A noun phrase: the rule knows which verb fits its kind of work. The catch-all rule only speaks
    # for clinical activity: "Spanish (fluent)" or "ACLS, BLS, PALS" stay as they are.
    generic = rule.priority == 0
    opening = None if generic else rule.opening
    opening = next((n.verb for n in verbs().noun_opening if n.regex.search(text)), opening)
    if opening is None:
        if not _ACTIVITY.search(text):
            return text
        opening = rule.opening or "Contributed to"
    body = _lower_first(text)
    if opening.endswith(" on"):
        body = _with_article(body)
    return f"{opening} {body}"


_LEADING_GLYPH = re.compile(r"^\s*[" + re.escape(BULLET_GLYPHS) + r"\ue000-\uf8ff]\s+")


def _tidy(text: str) -> str:
    text = _LEADING_GLYPH.sub("", text)  # a bullet pasted with its glyph ("• Led …")
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,;:.)])(?!\d)", r"\1", text)
    return text.rstrip(" .;,")


def rewrite(text: str, rule: Rule) -> str:
    """The industry wording of `text` under its primary `rule`; never adds a number or a name."""
    source = _tidy(text)
    plain = apply_glossary(source)
    # The first faithful wording wins; every step is checked against the bullet exactly as written.
    attempts = (_upper_first(_tidy(_verb_first(plain, rule))), _upper_first(plain), text.strip())
    candidate = next((a for a in attempts if not violations(text, a)), text.strip())
    framing = rule.framing_for(source)
    if framing and _short_and_bare(candidate):
        framed = f"{candidate}, {framing}"
        if not violations(text, framed):
            candidate = framed
    return candidate


def _short_and_bare(text: str) -> bool:
    without_number_commas = re.sub(r"(?<=\d),(?=\d)", "", text)
    return ";" not in text and "," not in without_number_commas and len(text.split()) <= 14
