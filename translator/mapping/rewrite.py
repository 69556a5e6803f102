"""Rewrite one bullet: plain words for shorthand and an action verb first; nothing the bullet does not say."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

from translator import dates, guard
from translator.mapping import english
from translator.mapping.patterns import InOrder
from translator.mapping.role_lines import is_role_word, role_line
from translator.mapping.rule_files import Rule, glossary, verbs
from translator.parse.text import BULLET_GLYPHS, a_table_row

_COMMITTEE = re.compile(
    r"\b(committee|council|board|task ?force|working group|workgroup|panel"
    # a team named alone ("Mobile ECMO cannulation team: 31 transports"), not one word of a title or an act
    # ("Cleft lip/palate team surgeon", "Transport team medical control", "Team-based care")
    r"|teams?(?=\s*(?:[,;:(–—]|\s-\s|$|since\b|member\b|(?:19|20)\d\d)))s?\b(?!-)",  # never "board-review"
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
# A count written in words: "Two weeks each summer …", "three half-day clinics", "twelve residents"
_SPELLED = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_DETERMINER = re.compile(
    r"^(the|a|an|this|that|these|those|his|her|their|our|my|its|each|every|all|several|multiple|\d(?![\d.,]*-)|"
    rf"{_SPELLED}(?!-))\b",  # "two-year fellowship" takes "a"
    re.IGNORECASE,
)


_ORDINAL_WORDS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth"}


def _ordinal(value: str) -> str:
    """'4' → 'fourth' ("call every fourth night"), '14' → '14th'."""
    if not value.isdigit():
        return value
    n = int(value)
    if n in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@lru_cache(maxsize=4096)  # classification and rewriting both need the plain words of the same bullet
def apply_glossary(text: str, known: bool = False) -> str:
    """Every glossary term, in file order, applied to the text as the earlier terms left it.

    Only the terms whose literals the text holds are tried (see patterns.py): found in one pass over the
    glossary's literals, and found again after a term changes the text. `known`: also the terms a rewrite
    leaves as written because industry reads them as they are ("EHR", "HbA1c", "PGY-1"), which the guard
    still accepts spelled out.
    """
    return _glossed(text, known)[0]


def shorthand(text: str) -> tuple[tuple[str, str], ...]:
    """The shorthand of a line and its plain words, term by term as the glossary (its kept terms too) spelled
    them out: (("QI", "quality improvement"), ("pts", "patients"))."""
    return _glossed(text, True)[1]


@lru_cache(maxsize=4096)
def _glossed(text: str, known: bool) -> tuple[str, tuple[tuple[str, str], ...]]:
    terms = glossary()
    bullet = text  # the senses of shorthand are told by the bullet as written
    pairs: list[tuple[str, str]] = []
    defined = _defined_here(text)
    pending = _glossary_candidates(text, 0)
    while pending:
        index = pending.pop(0)
        term = terms[index]
        if not term.applies_to(bullet) or (term.keep and not known):
            continue

        quoted = [m.span() for m in _QUOTED.finditer(text)]

        def replace(
            match: re.Match[str],
            template: str = term.replace,
            plural: str | None = term.plural,
            quoted: list[tuple[int, int]] = quoted,
        ) -> str:
            if any(a <= match.start() < b for a, b in quoted):
                return match.group(0)  # a title in quotes is the physician's own words: "Adverse events nobody codes"
            if match.group(0).isupper() and (
                _IN_A_CODE_NAME.search(match.string, 0, match.start())
                or _CODE_NAME_GOES_ON.match(match.string, match.end())
            ):
                # part of a name: "STRIDE-SCI", never "STRIDE-spinal cord injury"; "PI-RADS", never "principal
                # investigator-RADS"
                return match.group(0)
            if match.group(0).rstrip("s") in defined:
                # the line defines it ("with the Rapid Response Team (RRT): RRT activations …"): its own sense,
                # said as the physician said it, not the glossary's
                return match.group(0)
            if match.group(0).isupper() and _DEFINED_AFTER.match(match.string, match.end()):
                # the line says what it means: "PCP (Pneumocystis pneumonia) prophylaxis", never "primary care
                # physician (Pneumocystis pneumonia)"; "PCP (primary care physician)" never said twice
                return match.group(0)
            if plural and _COUNTED.search(match.string, 0, match.start()):
                template = plural  # "9 malaria dx" → "9 malaria diagnoses"
            groups = {f"g{i}": (match.group(i) or "") for i in range(1, (match.re.groups or 0) + 1)}
            groups |= {f"ord{i}": _ordinal(v) for i, v in enumerate(groups.values(), start=1)}
            plain = template.format_map(_Missing(groups))
            if match.group(0)[:1].isupper() and _SENTENCE_START.search(match.string, 0, match.start()):
                plain = plain[:1].upper() + plain[1:]  # "… Biotherapeutics. Sub-I." → ". Sub-investigator."
            pairs.append((match.group(0), plain))
            return plain

        changed = term.regex.compiled.sub(replace, text)
        if changed != text:
            text = changed
            pending = _glossary_candidates(text, index + 1)
    return _DOUBLED.sub(r"\1", re.sub(r"\s{2,}", " ", text)).strip(), tuple(pairs)


def _defined_here(text: str) -> frozenset[str]:
    """Shorthand the line itself defines, in either order: "the Rapid Response Team (RRT)", "RRT (renal
    replacement therapy)". Words before the brackets define it when their initials spell it."""
    found = {m.group(1) for m in _ACRONYM_THEN_WORDS.finditer(text) if _spells(m.group(1), m.group(2))}
    for m in _WORDS_THEN_ACRONYM.finditer(text):
        acronym = m.group(2)
        words = [w for w in re.findall(r"[A-Za-z]+", m.group(1)) if w.lower() not in _MINOR_WORDS]
        initials = "".join(w[0] for w in words).upper()
        letters = acronym.replace("&", "")
        if len(letters) >= 2 and initials.endswith(letters.upper()):
            found.add(acronym)
    return frozenset(found)


def _spells(acronym: str, words: str) -> bool:
    """The words in brackets can be what the letters stand for: its first letter opens them and the others
    follow in order ("PCP (Pneumocystis pneumonia)"), unlike a sponsor's name ("STRIDE-SCI (Kinetra Medical)")."""
    letters = acronym.lower()
    words = words.lower()
    if not words.startswith(letters[0]):
        return False
    at = 1
    for letter in letters[1:]:
        at = words.find(letter, at) + 1
        if not at:
            return False
    return True


_ACRONYM_THEN_WORDS = re.compile(r"\b([A-Z][A-Z0-9]{1,6})s?\s*\(((?:[A-Za-z][a-z]+[ -]){1,5}[A-Za-z][a-z]+)\)")
_WORDS_THEN_ACRONYM = re.compile(r"((?:[A-Za-z&][\w-]*\s+){1,7})\(([A-Z][A-Z0-9&]{1,6})s?\)")  # "… (P&T)" too
_MINOR_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "to", "a", "an", "with"})
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+)$")
_DEFINED_AFTER = re.compile(r"\s*\((?:[A-Za-z][a-z]+[ -]){1,5}[A-Za-z][a-z]+\)")  # "PCP (Pneumocystis pneumonia)"
_IN_A_CODE_NAME = re.compile(r"\b[A-Z][A-Z0-9]+-$")  # "STRIDE-" before "SCI"
_CODE_NAME_GOES_ON = re.compile(r"-[A-Z][A-Z0-9]+\b")  # "-RADS" after "PI"
# Words in quotation marks: a talk's or a paper's title, quoted as given.
_QUOTED = re.compile(r"“[^”]{3,}”|\"[^\"]{3,}\"")
# A count just before a word, at most two words away: "9 malaria dx", "12 hip fx".
_COUNTED = re.compile(r"(?<![\w.,/])\d[\d,]*\+?\s+(?:[A-Za-z-]+\s+){0,2}$")
# A word said twice once shorthand is spelled out: "RRT calls" → "rapid response calls calls"; never a number ("0 0.0",
# "2 2.5 mg": two figures) nor a word that goes on after a dot or hyphen
_DOUBLED = re.compile(r"\b([A-Za-z]\w*)(?:\s+\1\b(?![.-]\w))+", re.IGNORECASE)


@cache
def _glossary_index() -> InOrder:
    return InOrder(term.regex for term in glossary())


def _glossary_candidates(text: str, start: int) -> list[int]:
    """The glossary terms from `start` on that may match the text, in file order."""
    return _glossary_index().candidates(text, start)


class _Missing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def _with_article(phrase: str) -> str:
    phrase = _ARTICLE.sub("", phrase)
    if _DETERMINER.match(phrase):
        return phrase
    return "the " + phrase


_HELPED = re.compile(r"^(?:helped|assisted)\s+(?:to\s+)?([a-z]+)\b\s*", re.IGNORECASE)


def _upgrade(text: str) -> str | None:
    helped = _HELPED.match(text)
    if helped and english.verb_lemma(helped.group(1)) == helped.group(1).lower():
        # "Helped develop guidelines" → "Contributed to developing guidelines"
        return f"Contributed to {english.gerund(helped.group(1))} {text[helped.end() :]}".rstrip()
    for upgrade in verbs().upgrade:
        match = upgrade.regex.match(text)
        if match:
            groups = {f"g{i}": english.lower_words(g or "") for i, g in enumerate(match.groups(), start=1)}
            groups |= {f"art{i}": english.indefinite_article(g) for i, g in enumerate(match.groups(), 1) if g}
            return upgrade.verb.format_map(_Missing(groups)) + text[match.end() :]
    return None


_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_UNKNOWN_PAST = re.compile(r"[a-z]{3,}[^e\W]ed")  # "architected"; not "bed", "need", "freed"


def _unknown_past(word: str) -> bool:
    """A past tense the lexicon lacks whose stem it knows: "re-architected", "prototyped" (not "Biomed")."""
    root = word.lower().rsplit("-", 1)[-1]
    if not _UNKNOWN_PAST.fullmatch(root) or english.is_known(word):
        return False
    return english.is_known(root[:-2]) or english.is_known(root[:-1])


_TOKEN = re.compile(r"[~≈<>'\"‘“]?[A-Za-z0-9][A-Za-z0-9'-]*")  # "Follow ~220 recipients": a number
# A committee's name: words up to the committee word, none of them a preposition ("Care for a panel …" is no
# committee).
_COMMITTEE_NAME = re.compile(
    r"^(?:the\s+)?(?:(?!(?:for|a|an|of|with|to|in|on|at|by|about|from)\s)[\w&/'–—-]+\s+){0,9}"
    + _COMMITTEE.pattern
    # "Board Review sessions", "Advisory board participation", "committee work": what was done, no body's name
    + r"(?!\s+(?:review|exams?|examinations?|certifi\w*|prep\w*|eligible|participation|experience|work|"
    r"meetings?|membership|service|roles?|presentations?)\b)"
    # a physician's panel of patients ("Personal panel of 2,150"): no body to sit on
     + r"(?!\s+of\s+[~≈]?\d)",
    re.IGNORECASE,
)


_ABOUT = frozenset(["about", "approximately", "roughly", "nearly", "around"])
_ABOUT_A_COUNT = re.compile(r"\s+\w+\s+[~≈]?\d")  # "about 25", after the opening word


def opening(text: str) -> english.Opening:
    """How the bullet opens: a past-tense verb, another verb form, or a noun phrase (by word class)."""
    match = _WORD.match(text)
    if not match:
        return "noun"
    first = match.group(0)
    rest = text[match.end() :]
    following = _TOKEN.match(rest.lstrip())  # a word or a number: "Supervise 4 nurse practitioners"
    joined = rest[:1] == " " and following is not None
    second = following.group(0) if following else None
    if first.lower() in verbs().participle_adjectives and second and english.is_noun(second):
        return "noun"  # "Invited talk, ACR 2023": a thing, not an act
    if joined and first.lower().endswith("ing") and second and is_role_word(second):
        return "noun"  # "Implanting investigator, pivotal IDE study": a role, not an act
    if joined and first.lower() in {"lead", "co-lead"} and second and not is_role_word(second):
        return "verb"  # "Lead family meetings": the act; "Lead physician, …" is a role
    base_verb = english.verb_lemma(first) == first.lower()
    if joined and second and second.lower() in _ABOUT and base_verb and _ABOUT_A_COUNT.match(rest):
        return "verb"  # "Conduct about 25 peer-to-peer calls a month": a count of what is done follows an act
    if _unknown_past(first):
        return "past"  # "Re-architected": the lexicon lacks it, but knows "architect"
    if first.lower().endswith("ly") and second and english.is_past_verb(second):
        return "past"  # "Successfully delivered 3 projects": an adverb before the act
    if joined and first.lower() in verbs().verb_openings:
        return "verb"  # "Take call 1 night in 4", "Hold office hours"
    if joined and f"{first} {second}".lower() in verbs().verb_phrases and not english.is_past_verb(first):
        return "verb"
    kind = english.opening_class(first, second, joined)
    ing_noun = first.lower().endswith("ing") and second is not None and english.is_noun(second)
    if kind == "verb" and ing_noun and not english.is_plural_noun(second or "") and not (second or "")[:1].isdigit():
        return "noun"  # "Operating room 3 days a week", "Teaching service": the -ing word names a thing
    if (
        joined
        and kind == "verb"
        and second
        and second.lower() in _UNITS_OF_WORK
        and base_verb
        and first.lower() not in _RUN_A_UNIT
    ):
        return "noun"  # "Consult service 2 wks/yr", "Triage pager 1 wk/mo": a service named, no act
    object_follows = joined and second is not None and english.starts_object(second)
    if (
        kind == "verb"
        and english.is_noun(first)
        and first.lower() not in verbs().present_openings
        and not object_follows
    ):
        return "noun"  # "Stroke alerts", "Code blue responses": a noun the lexicon also knows as a verb
    return kind


# The units of work a word before them names: "consult service", "transplant team", "triage pager"
_UNITS_OF_WORK = frozenset({"service", "team", "pager", "rotation", "attending"})
# … and the acts done to one ("Cover service weekends", "Lead team huddles")
_RUN_A_UNIT = frozenset(
    {
        "cover",
        "run",
        "staff",
        "lead",
        "direct",
        "manage",
        "supervise",
        "attend",
        "join",
        "chair",
        "build",
        "start",
        "launch",
        "create",
        "coordinate",
        "oversee",
        "train",
        "teach",
    }
)


# A second present-tense verb in a bullet that opens with one: "Run a clinic and coordinate infusions",
# "Direct the unit; sign recertifications".
_AND_VERB = re.compile(r"(?:(?<=\band )|(?<=; ))([a-z]+)(?= ([\w-]+))")  # "… and teach …", "…; sign …"
# In a bullet that opens with a present-tense verb, the acts listed after it by commas too: "Select a title,
# pick an entry type, and start writing".
_LIST_VERB = re.compile(r"(?:(?<=\band )|(?<=; )|(?<=, ))([a-z]+)(?= ([\w-]+))")  # the next word is only looked at


def _past_of_base(match: re.Match[str]) -> str:
    """A base-form verb after "and", ";" or a list's comma becomes past tense when it can only be a verb, or
    when an article, a preposition, a number or (after "start" and the like) a gerund plainly follows ("and
    coordinate with pharmacy", ", chair the huddle"); "and staff schedules" may name things."""
    word, after = match.groups()
    if word in verbs().uncountable or english.verb_lemma(word) != word:
        return word  # "and research projects", "and data": not a second act
    if re.search(rf"\b{re.escape(word)}\b", match.string[: match.start()], re.IGNORECASE):
        return word  # "type 1 and type 2 diabetes", "phase 2 and phase 3": the same noun again
    # "start writing", "continue seeing": verbs of beginning and going on take a gerund ("lead poisoning" does not)
    takes_gerund = word in _GERUND_VERBS and after.endswith("ing")
    if english.is_noun(word) and after.lower() not in _PLAIN_OBJECT and not after[:1].isdigit() and not takes_gerund:
        return word
    return english.past_tense(word) or word


def listed_acts(text: str, inflect: Callable[[str], str | None]) -> str:
    """The acts listed after an opening verb ("… and review quarterly data", "…; sign …"), each in the form
    `inflect` gives ("reviewing"); words that may name things ("and staff schedules") stay as they are."""

    def one(match: re.Match[str]) -> str:
        word = match.group(1)
        if _past_of_base(match) == word:
            return word
        return inflect(word) or word

    return _LIST_VERB.sub(one, text)


_GERUND_VERBS = frozenset({"start", "begin", "continue", "finish", "stop", "keep", "resume"})
_PLAIN_OBJECT = frozenset(
    {"the", "a", "an", "all", "each", "every", "our", "their", "its", "with", "for", "to", "on", "across", "between"}
    | {"daily", "weekly", "monthly", "quarterly", "annual", "yearly"}
)


# The object of an opening verb, up to a countable head that closes its phrase: "Led | quality improvement |
# project | that cut …". The words before the head are modifiers, none a determiner, number or plural.
# (or a second thing joined by "+" or a dash: "Launched IR outpatient clinic + daily pre-procedure huddle")
_CLOSES_PHRASE = r"(?=\s+(?:that|which|to|for|with|on|in|at|of|across|from|by|using)\b|\s*[,;:(]|\s+[+–—]\s|$)"


def _object_article(text: str) -> str:
    """'Led QI project that cut …' → 'Led a QI project …': a single countable object gets its article."""
    heads = "|".join(map(re.escape, verbs().countable_objects))
    # a phrasal verb's particle is the verb's: "Set up a flare pathway", never "Set an up a flare pathway"
    match = re.match(
        rf"^(\S+(?: (?:up|out|off|down|back|over)\b)?) ((?:[\w&/-]+ ){{0,4}}?)({heads}){_CLOSES_PHRASE}",
        text,
        re.IGNORECASE,
    )
    if not match:
        return text
    verb, modifiers, head = match.groups()
    words = modifiers.split()
    if (
        not english.is_past_verb(verb.split()[0])
        or _DETERMINER.match(f"{modifiers}{head}")
        or _PREPOSITION.search(f" {modifiers}")  # "Served on the sepsis committee": its object is no head noun
        or any(w[:1].isdigit() or w.lower() in {"and", "or"} or english.is_plural_noun(w) for w in words)
    ):
        return text
    phrase = f"{modifiers}{head}"
    # a change named by what it went from and to is that one change: "Led the switch from alteplase to …"
    article = "the" if head.lower() in _ONE_CHANGE else english.indefinite_article(phrase)
    return f"{verb} {article} {phrase}{text[match.end() :]}"


_ONE_CHANGE = frozenset({"switch", "transition", "conversion", "changeover"})


def _verb_first(text: str, rule: Rule, current: bool) -> str:
    """An action verb up front where a careful editor would always put one; else the text as it is.

    A current position keeps the tense the CV uses ("Supervise 4 nurse practitioners"); a past one is put in
    the past tense.
    """
    first = text.split(" ", 1)[0].strip(",;:").lower()
    if current and (opening(text) == "verb" or english.verb_lemma(first) == first):
        return text  # a job that goes on, written in the present: "Implant 150 pacemakers a year", "Take call …"
    upgraded = _upgrade(text)
    if upgraded:
        return upgraded
    kind = opening(text)
    if kind == "past":
        return _object_article(text)
    first = text.split(" ", 1)[0]
    if kind == "verb" and _MEASURE_CHANGED.match(text):
        return text  # "Vision 6/60 → 6/12 or better in 64% …": a measure and how it changed, no act ("Visioned")
    if kind == "verb":
        past = english.past_tense(first.strip(",;:"))
        if past:
            converted = past + _LIST_VERB.sub(_past_of_base, text[len(first) :])
            return _upgrade(english.upper_first(converted)) or _object_article(english.upper_first(converted))
    nominal = _from_nominalization(text) or _from_change_noun(text)
    if nominal:
        return nominal
    if (leading := _LEADING_SPAN.match(text)) and _COMMITTEE_NAME.match(text[leading.end() :]):
        text = f"{text[leading.end() :].rstrip(' .')} ({leading.group('span')})"  # "2018-2022 Medical Executive …"
    if (
        _COMMITTEE_NAME.match(text)
        and len(_YEARS_SPAN.findall(text)) < 2
        and not _COUNTED_BODIES.match(text)  # "Three advisory boards on …": several, no one seat to name
    ):  # a committee named alone: "Stroke …, 2019–"
        # A committee listed is a seat on it, written as resumes write roles: "Member, Stroke Committee (2019–)";
        # the seat the line names in brackets leads, said once: "P&T committee (member) 2022-2024" → "Member, P&T
        # committee (2022-2024)", "Ethics committee (chair, 2018-2020)" → "Chair, Ethics committee (2018-2020)"
        text = _COLON_BEFORE_YEARS.sub(", ", text)  # "Peer Review committee, Dept of OB/GYN: 2014-2018"
        seat, text = _bracketed_seat(text)
        listed = role_line(f"{seat}, {text}")
        if listed is not None:
            return listed.text
        serves = "Serve on" if dates.is_ongoing(text) else "Served on"  # "…, 2020–present": a seat still held
        return f"{serves} {_with_article(english.lower_first(text))}"
    return _noun_phrase(text)


_LEADING_SPAN = re.compile(
    r"^(?P<span>(?:19|20)\d{2}\s*[-–—]\s*(?:(?:19|20)\d{2}|present|now))[,:]?\s+(?=[A-Z])", re.IGNORECASE
)
_COUNTED_BODIES = re.compile(rf"^(?:\d+|{_SPELLED}|several|multiple)\s", re.IGNORECASE)
# Two seats with their years on one line ("Board of Directors 2016-2020, Program Committee 2012-2015"): a list.
_COLON_BEFORE_YEARS = re.compile(r":\s+(?=(?:19|20)\d{2}\b)")
_YEARS_SPAN = re.compile(r"\b(?:19|20)\d{2}\s*[-–—]\s*(?:(?:19|20)?\d{2}\b|present|now)", re.IGNORECASE)
_SEAT_IN_BRACKETS = re.compile(
    r"\s*\((?P<seat>member|chair|co-chair|vice[- ]chair|chairman|chairperson|secretary|treasurer)"
    r"(?:,\s*(?P<rest>[^()]*))?\)",
    re.IGNORECASE,
)


_SEAT_AFTER_COMMA = re.compile(
    r",\s*(?P<seat>member|chair|co-chair|vice[- ]chair|secretary|treasurer|reviewer|representative)"
    r"(?=\s*(?:,|$|since\b|\(|(?:19|20)\d{2}))",
    re.IGNORECASE,
)


_SEAT_AFTER_DASH = re.compile(
    r"\s+[–—-]\s+(?P<seat>(?:(?:[a-z][\w-]*)\s+){0,3}"  # "voting member", "standing dermatologic surgery member"
    r"(?:member|chair|co-chair|vice[- ]chair|secretary|treasurer))"
    r"(?P<end>\s*(?:\(.*\)|since\s+\S+|,?\s*(?:19|20)\d{2}\b.*)?\s*)$",
    re.IGNORECASE,
)


def _bracketed_seat(text: str) -> tuple[str, str]:
    """The seat a committee line names in brackets or between commas after the body's name, and the line
    without it: ('Member', the line) when none."""
    found = _SEAT_IN_BRACKETS.search(text)
    if not found and (dashed := _SEAT_AFTER_DASH.search(text)):
        # "Patient Safety Council — voting member (since 2021)" → ("Voting member", "Patient Safety Council (since
        # 2021)"): the seat said once, where resumes say it
        return english.upper_first(dashed.group("seat").lower()), (text[: dashed.start()] + dashed.group("end")).strip()
    if not found and (after := _SEAT_AFTER_COMMA.search(text)):
        # "Quality & Care Management Committee, member, 2021–present" → ("Member", "…Committee, 2021–present")
        return english.upper_first(after.group("seat").lower()), (text[: after.start()] + text[after.end() :]).strip(
            " ,"
        )
    if not found:
        return "Member", text
    rest = f" ({found.group('rest').strip()})" if found.group("rest") else ""
    return english.upper_first(found.group("seat").lower()), (
        text[: found.start()] + rest + text[found.end() :]
    ).strip()


_DATED = re.compile(r"(?:,\s*|\bin\s+|\(\s*|\s[–—-]\s*)(?:(?:19|20)\d{2})\b")


def _in_the_present(edited: str, plain: str) -> str:
    """The verb the rules put before a bare activity, in the present: "Conducted a chart review …" → "Conduct a
    chart review …" ("Cared for", "Contributed to" alike). A line that opened with its own verb is as edited."""
    first, _, rest = edited.partition(" ")
    if opening(plain) != "noun" or not english.is_past_verb(first):
        return edited  # "Helped build …" keeps the physician's own tense, however it is upgraded
    if _DATED.search(plain) and not dates.is_ongoing(plain):
        # "Telehealth program launch, 2020": done in its year, whatever the position's tense (never a year that
        # names a law or a standard: "… examinations in line with OSHA 2007")
        return edited
    base = english.verb_lemma(first)
    return f"{english.upper_first(base)} {rest}" if base else edited


def _past_clauses(text: str) -> str:
    """The acts after a role line's semicolons, put in the past: "…; supervise 2 NPs" → "…; supervised 2 NPs"."""
    parts = text.split("; ")
    for n, part in enumerate(parts[1:], start=1):
        first = part.split(" ", 1)[0]
        acts = first in verbs().present_openings or opening(part) == "verb"
        if first.islower() and acts and not english.is_past_verb(first) and (past := english.past_tense(first)):
            parts[n] = past + _LIST_VERB.sub(_past_of_base, part[len(first) :])
    return "; ".join(parts)


_NOMINAL = re.compile(r"^([A-Za-z-]+)(?:\s+and\s+([A-Za-z-]+))?\s+of\s+(?=\S)", re.IGNORECASE)
# Regular derivations of a verb from its noun of action, each checked against the lexicon.
_DERIVATIONS = (
    ("ization", "ize"),
    ("isation", "ise"),
    ("ation", "ate"),
    ("ation", ""),
    ("ication", "y"),
    ("ition", "ite"),
    ("ssion", "ss"),
    ("sion", "d"),
    ("ion", ""),
    ("ion", "e"),
    ("ment", ""),
    ("al", ""),
    ("al", "e"),
    ("ure", "e"),
)


def _verb_of(noun: str) -> str | None:
    """'coordination' → 'coordinate', 'oversight' → 'oversee'; None for a noun that names no act."""
    noun = noun.lower()
    known = verbs().nominalizations.get(noun)
    if known:
        return known
    for suffix, replacement in _DERIVATIONS:
        if noun.endswith(suffix) and len(noun) > len(suffix) + 2:
            candidate = noun[: -len(suffix)] + replacement
            if english.verb_lemma(candidate) == candidate:
                return candidate
    # A noun that is its own verb: "Launch of …", "Redesign of …" (not a role: "Head of …", nor "Care of …").
    if english.verb_lemma(noun) == noun and not is_role_word(noun) and noun not in verbs().uncountable:
        return None if noun in _WHAT_HAPPENS else noun
    return None


# Nouns of what happens to a patient, whose verb is no act of the physician's: "Overdose of TCAs in adolescents"
# is never "Overdosed …", "Fall of …" never "Fell …"
_WHAT_HAPPENS = frozenset(
    {
        "overdose",
        "death",
        "fall",
        "relapse",
        "exposure",
        "injury",
        "bleed",
        "arrest",
        "stroke",
        "rupture",
        "loss",
        "spread",
        "outbreak",
        "infection",
        "poisoning",
        "collapse",
    }
)


def _from_nominalization(text: str) -> str | None:
    """'Coordination of maternal transports' → 'Coordinated maternal transports'."""
    match = _NOMINAL.match(text)
    if not match:
        return None
    found = [_verb_of(noun) for noun in match.groups() if noun]
    if not all(found):
        return None
    pasts = []
    for phrase in found:
        head, _, particle = (phrase or "").partition(" ")
        past = english.past_tense(head)
        if not past:
            return None
        pasts.append(f"{past} {particle}".strip())
    return english.upper_first(" and ".join(pasts)) + " " + text[match.end() :]


# The thing changed, then the noun of changing it, closing the leading phrase: "Telehealth program | launch | , 2020".
_CHANGED_THING = r"^((?:[\w&/+-]+ ){1,4}?)"
_AFTER_CHANGE_NOUN = r"(?=\s*[,;:(]|\s+(?:at|across|in|for|with|on|to|from|of|over|within)\b|\s+[~≈]?\d|\s*$)"


def _from_change_noun(text: str) -> str | None:
    """'Measurement-based care rollout (2021–2023): …' → 'Rolled out measurement-based care (2021–2023): …';
    'Telehealth program launch, 2020' → 'Launched the telehealth program, 2020'. The thing keeps the CV's words;
    one thing of a kind that is counted ("program", "clinic") gets "the"; a mass noun, a plural or a name none."""
    nouns = "|".join(map(re.escape, verbs().change_nouns))
    match = re.match(rf"{_CHANGED_THING}({nouns}){_AFTER_CHANGE_NOUN}", text, re.IGNORECASE)
    if not match:
        return None
    thing, noun = match.group(1).strip(), match.group(2)
    words = thing.split()
    if _DETERMINER.match(thing) or any(
        w[:1].isdigit() or w.lower() in {"and", "or", "&"} or _PREPOSITION.fullmatch(f" {w} ") for w in words
    ):
        return None
    verb = _verb_of(noun)
    head_verb, _, particle = (verb or "").partition(" ")
    past = english.past_tense(head_verb) if verb else None
    if not past:
        return None
    head = words[-1]
    if len(words) == 1 and head[:1].isupper() and not head.isupper() and head.lower() not in verbs().countable_objects:
        phrase = thing  # a name: "Epic rollout" → "Rolled out Epic"
    else:  # "EHR implementation" → "Implemented the EHR", "Clinic expansion" → "Expanded the clinic"
        phrase = english.lower_first(thing)
        # "the" only before a thing of a kind that is counted ("program", "clinic", "order set") or a system's
        # acronym; "behavioral health", "care", "handoffs" take none
        counted = head.isupper() or any(f" {thing.lower()}".endswith(f" {c}") for c in verbs().countable_objects)
        phrase = f"the {phrase}" if counted else phrase
    acted = f"{english.upper_first(past)} {particle} {phrase}".replace("  ", " ")
    return acted + text[match.end() :]


_APPOSITIVE = re.compile(r"^[^,;:]{3,60},\s+[^,;:]{2,60},\s+(?P<verb>[a-z]+)\s+(?P<after>[\w~≈<>]+)")
_PARTICIPLE_AFTER = frozenset({"by", "in", "at", "for", "with", "on", "under", "as", "during", "per", "and", "or"})


# A measure and how it changed: "… fell from 1,340 to 790", "… rose 12 points", "… dropped by 31%".
_CHANGE_SAID = re.compile(
    r"^[^:;]{3,90}?\s(?:fell|rose|dropped|declined|decreased|increased|improved|grew|went)\s+(?:from|to|by|\d)\b",
    re.IGNORECASE,
)


def says_its_own_act(text: str) -> bool:
    """A line whose noun phrase is the subject of its own past-tense verb, which takes an object or a figure:
    "New CRRT protocol reduced filter clotting", "Our sepsis pathway cut time to antibiotics by 40 minutes",
    "Completed screening at first biologic order increased from 41% to 78%". Not a participle after its noun
    ("Sepsis pathway adopted by 4 hospitals", "Fellowship program accredited in 2019")."""
    # its subject named again between commas: "The third study, PRISM-ALI (Phase 2, Corvessa Pharma), enrolled 9
    # patients before the sponsor stopped it"
    plain = re.sub(r"\s*\([^()]*\)", "", text)
    named = _APPOSITIVE.match(plain)
    if named and not english.is_past_verb(plain.split()[0]) and english.is_past_verb(named.group("verb")):
        after = named.group("after").lower()
        return after not in _PARTICIPLE_AFTER or (after == "by" and bool(re.match(r"\s*\d", plain[named.end() :])))
    if _CHANGE_SAID.match(text) and not english.is_past_verb(text.split()[0]):
        return True  # "ED visits per 1,000 pt-years fell from 1,340 to 790": a result, its measure first
    leading = re.split(r"[:;(]|,(?!\d)", text, maxsplit=1)[0]
    words = leading.split()
    for n, word in enumerate(words[1:8], start=1):
        if word.lower() in _PARTICIPLE_AFTER:
            return False  # "Visits for ~2,000 children aged 0–18": the subject is a bare noun phrase, or none
        if not english.is_past_verb(word) or word.lower() in verbs().participle_adjectives:
            continue
        if not english.is_noun(words[n - 1].strip(",")) or words[n - 1].isupper():
            return False  # "Fourth-year advanced IBD fellowship", "WOC registered nurses": no subject and verb
        after = words[n + 1].lower() if n + 1 < len(words) else ""
        return bool(after) and (
            after not in _PARTICIPLE_AFTER
            or bool(re.match(r"by\b", after) and n + 2 < len(words) and words[n + 2][:1].isdigit())
        )
    return False


_CHANGED = re.compile(r"\d\s*%?\s*(?:→|->|⇒)\s*[~≈]?\d")
_DOWN_OR_UP = re.compile(r"\b(?:down|up)\s+(?:by\s+)?[~≈]?\d+(?:\.\d+)?\s*%")
# a word, then a figure that changes: what was measured, then from what to what
_MEASURE_CHANGED = re.compile(r"[A-Za-z-]+\s+[~≈<>≤≥]?\d[\d.,/%]*\s*(?:→|->|⇒)")

# Bodies that survey, audit or review a physician's unit: their review is none the physician conducted.
_OUTSIDE_BODY = re.compile(
    r"\b(?:CMS|Joint Commission|TJC|DNV|AAAHC|CAP|FDA|sponsor|state|federal|external|accreditation|regulatory)\b",
    re.IGNORECASE,
)


def _noun_phrase(text: str) -> str:
    """A bullet that names an activity ("Chart review of 412 readmissions") gets the verb that activity takes
    (noun_opening in verbs.toml); any other noun phrase stays as the physician wrote it."""
    if says_its_own_act(text):
        return text  # "New CRRT citrate protocol reduced filter clotting …": a sentence, its subject first
    if a_table_row(text):
        return text  # "Short-course therapy for CAP — NIH — Sub-I — 2016–2019 — 58": a record, as the table gave it
    if _DATED_RECORD.match(text):
        return text  # "2012 – 2015 — Investigator-initiated study of EGFR testing — Principal investigator": a record
    if _CHANGED.search(text.split(";")[0]) or _DOWN_OR_UP.search(text.split(";")[0]):
        # "IR clinic 4 → 9 sessions/week", "ED visits per 1,000 … down 14%": how a thing changed, not one the
        # physician staffed or provided
        return text
    named, colon, told = text.partition(": ")
    if colon and len(named) <= 60 and says_its_own_act(told):
        return text  # "Opioid tapering with implant: patients above 90 MME fell from 28% to 11%": a result, labelled
    if colon and len(named.split()) <= 4 and named[:1].isupper() and _acts_or_holds(told):
        # a bold lead-in before a whole duty ("Service development: Opened a 12-station satellite unit …",
        # "Investigator-led research: Chief investigator, …"): the duty has its act, the label takes none
        return text
    head = None
    # The head noun sits in the leading phrase: "Book chapter: '…', Surgical Pathology Clinics" is no clinic;
    # it is the phrase's last matching word before a preposition: "Transitional care clinic" is a clinic,
    # "Family meetings for goals of care" are meetings.
    leading = re.split(r"[:;(]|,(?!\d)", text, maxsplit=1)[0]  # "~1,200 Mohs cases" is one phrase
    leading = _PREPOSITION.split(leading, maxsplit=1)[0]
    # A count after the head is how often ("Breast oncology clinic 3 sessions/week"): the clinic is the head.
    leading = re.split(r"(?<=\w)\s+[~≈]?\d", leading, maxsplit=1)[0]
    if leading.split() and is_role_word(leading.split()[-1]):
        return text  # "Inpatient ID consult attending 10 wks/yr": a role held, how often; no consult "provided"
    if leading.split() and leading.split()[-1].lower().rstrip("s") in verbs().roles.named_bodies:
        return text  # "… Protocol Review and Monitoring Committee, member …; vice-chair …": a body, no review done
    # The head is the phrase's last word: "Retinal detachment on-call roster 1 in 4" is a roster, no call
    # "provided"; "Spasticity clinic – US-guided BoNT inj" is a clinic, then what it does
    leading = re.split(r"\s[–—-]\s", leading, maxsplit=1)[0].rstrip(" .")
    found = [
        (m.start(), n.verb, m.group(0))
        for n in verbs().noun_opening
        for m in n.regex.finditer(leading)
        if _HOW_OFTEN.fullmatch(leading, m.end()) and leading[m.start() - 1 : m.start()] != "-"  # "on-call"
    ]
    counted = _COUNT_LED.match(text) is not None
    if counted and _A_SPAN.match(text):
        return text  # "6 weeks per year inpatient consult service": how long, then what; as the physician wrote it
    acted = _COUNT_THEN_ACT.match(text)
    if acted and english.is_past_verb(acted.group(1)):
        return text  # "7 patients randomized (site)", "58 patients enrolled": the count's own act, not care given
    if counted and (not found or _SETTING.search(text) or max(found, key=lambda f: f[0])[1] in _NO_COUNT_ACTS):
        # A count names its own head: "5 peer-reviewed papers on navigational bronchoscopy" are no bronchoscopies
        # performed, and "30,000 pediatric visits a year in a level II trauma center" are the center's visits,
        # not visits the physician "provided" ("~4,800 patient visits per year" reads as written). A count takes
        # an act that does things, not one that names a service: "Performed ~250 sleeve gastrectomies", "Cared
        # for ~30 patients per day", never "Provided ~4,800 patient visits" or "Staffed 3 clinics".
        return text
    if not found:  # a list of procedures: "LAR/APR, TaTME, robotic right colectomy with ICA; ~250 cases/yr"
        # … named before any preposition: "QBL on 100% of deliveries" is a share of the unit's deliveries, no
        # delivery performed
        listed = _NOT_A_LIST.split(re.split(r"[:;(]", text, maxsplit=1)[0], maxsplit=1)[0]
        found = [
            (0, n.verb, "")  # no article before a list: "Performed ACDF, TLIF/XLIF, …"
            for n in verbs().noun_opening
            if n.verb == "Performed"
            for m in n.regex.finditer(listed)
        ][:1]
    label = _LABEL.match(text)
    if label and (verb := verbs().label_verbs.get(label.group(1).strip().lower())):
        return f"{verb} {text[label.end() :]}"  # "Lectures: 14 talks on …" → "Gave 14 talks on …"
    if not found:
        return text
    at, opening, head = max(found, key=lambda f: f[0])
    if opening == "Conducted" and _OUTSIDE_BODY.search(leading[:at]):
        return text  # "CMS hospice survey 2023: no deficiencies": a survey done to the physician's unit, not by them
    if label and opening not in _ACTS_BEFORE_A_LIST and len(label.group(1).split()) < 2:
        return text  # "Clinic: uveitis, …", "Tools used: …": a label and its list, as the physician wrote it
    named, colon, _ = text.partition(": ")
    if colon and len(named) <= 60 and any(is_role_word(w) for w in named.split()):
        return text  # "Chief resident QI project: reduced …": the holder's own project, not one contributed to
    if _OWN_TRAINING_WORK.match(text):
        return text  # "Fellowship project on CGM accuracy …": the fellow's own work, not a project contributed to
    if opening == "Completed" and _LEARNERS_HOSTED.search(text):
        return text  # "Medical student geriatrics rotation: 2 students/month": one the physician hosts, not took
    if opening == "Contributed to" and colon and re.match(r"[~≈]?\d", told.strip()):
        # "Lymphoma Program, Wilmot Cancer Institute: 2 clinic days/week, ~1,100 visits/year": the physician's own
        # share of the program, counted, which "Contributed to" would play down
        return text
    if opening in {"Contributed to", "Staffed"} and _SAYS_ITS_PART.search(text):
        # "Biologics program (…): ~380 patients; set up an in-office injection suite", "Randomized pilot, n = 212;
        # my role: intervention design", "LSTDI, facility physician champion", "Telehealth renal clinic (…): started
        # in 2020": the line says the physician's own part, which "Contributed to" or "Staffed" would play down
        return text
    body = english.lower_first(text)
    if opening.endswith((" on", " to")):
        body = _with_article(body)
    elif head and _takes_article(body, head):
        body = f"{english.indefinite_article(body)} {body}"
    if opening in {"Presented", "Delivered"}:
        body = _VENUE.sub(" at ", body, count=1)  # "a talk, ACR Convergence 2023" → "a talk at ACR …"
    return f"{opening} {body}"


def _acts_or_holds(text: str) -> bool:
    """Whether a text opens with its act ('Opened …', 'Grew …') or a role held ('Chief investigator, …')."""
    first = text.split(" ", 1)[0]
    return english.is_past_verb(first) or role_line(text) is not None


_SAYS_ITS_PART = re.compile(
    r"\bmy role\b|[;:,]\s*(?:I\s+)?(?:set up|built|started|founded|launched|created|designed|wrote|developed|led|"
    r"co-led|directed|established|implemented|ran|chaired)\b|,\s*(?:[\w-]+\s+){0,2}(?:champion|lead|director|chair|"
    r"co-chair|founder|PI|principal investigator)\b",
    re.IGNORECASE,
)
_OWN_TRAINING_WORK = re.compile(  # "Fellowship project …", "Residency research project: …", "Senior thesis …"
    r"^(?:[\w-]+ ){0,2}(?:fellowship|residency|senior|scholarly|capstone)(?: research)? (?:project|thesis|study)\b"
    r"|^(?:[\w-]+ ){0,2}(?:thesis|dissertation)\b",
    re.IGNORECASE,
)
# Learners a rotation or course takes in, counted: "2 students/month", "4 residents per block", "for 6 fellows".
_LEARNERS_HOSTED = re.compile(
    r"\b\d+\s+(?:[\w-]+\s+)?(?:students|residents|fellows|trainees|learners|interns)\b"
    # a course for others, or one that trains them: "OCT interpretation course for community optometrists — …
    # ~120 optometrists trained" is one the physician teaches, never one completed
    r"|\bfor\s+(?:[\w-]+\s+){0,2}(?:students|residents|fellows|trainees|learners|interns|nurses|optometrists|"
    r"physicians|clinicians|pharmacists|surgeons|staff|GPs|colleagues|midwives|paramedics)\b|\b(?:trained|taught)\b",
    re.IGNORECASE,
)
# (a count written in words as well: "Two weeks each summer covering a solo IR service …", "Three half-day clinics/wk")
_A_SPAN = re.compile(
    rf"^(?:about |over |~)?(?:\d+(?:\s*[-–]\s*\d+)?|{_SPELLED})\s+(?:weeks?|days?|months?|years?|half-days?)\b", re.I
)
_COUNT_THEN_ACT = re.compile(
    r"^(?:about |over |more than |~|≈)?\d[\d,]*\+?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:patients|pts|subjects|participants|eyes|children|veterans|women|men)\s+([a-z]+)\b"
)
# a line that opens with its years, then a dash or a colon: a dated record of a list or a table, no bare activity
_DATED_RECORD = re.compile(r"^(?:19|20)\d{2}(?:\s*[–—-]\s*(?:(?:19|20)\d{2}|present|ongoing|now))?\s*(?:—|:|–\s)", re.I)
_NO_COUNT_ACTS = frozenset({"Provided", "Staffed", "Contributed to", "Held"})
_COUNT_LED = re.compile(rf"^(?:about |over |more than |~|≈)?(?:\d|{_SPELLED}\s)", re.IGNORECASE)
# Where a count happened, named as a place: the place's volume, not the physician's act.
_SETTING = re.compile(
    r"\b(?:in|at|across) (?:a|an|the|our|its|\d+) (?:[\w-]+ ){0,4}"
    r"(?:cent(?:er|re)s?|hospitals?|departments?|units?|EDs?|practices?|clinics?|systems?|networks?)\b",
    re.IGNORECASE,
)
# Verbs an activity named before its list takes ("Post-travel fever evaluations: 70 patients, …" → "Performed …");
# a place named alone before its list ("Clinic: uveitis, …") takes none, a named one does ("Memory clinic: …"
# → "Staffed a memory clinic: …").
_ACTS_BEFORE_A_LIST = frozenset({"Performed", "Conducted", "Provided"})
# A label before its list ("Tools used: …", "Clinic: …", "Lectures: …").
_LABEL = re.compile(r"^([A-Za-z][\w /&-]{0,30}):\s+")
# What may follow a phrase's head: how often or how many ("Stroke call q5", "injections/yr", "clinic twice
# weekly", "call 1:5"), never another noun ("call roster", "clinic outreach").
_HOW_OFTEN = re.compile(
    r"(?:/[a-z]+\.?|\s+(?:q\.?\s?\d+\w*|[~≈]?[\d½¼¾][\w:./–-]*|weekly|daily|monthly|nightly|yearly|annually|twice|"
    r"once|a|per|every|other|second|third|fourth|fifth|sixth|seventh|wks?|weeks?|nights?|days?|months?|mo|yrs?|"
    r"years?|wknds?|weekends?|hrs?|hours?|sessions?)\b\.?)*\s*"
    r"(?:\s(?:and|&|\+|or)\s.*)?",  # the first of two heads: "Genetic counseling and results disclosure"
    re.IGNORECASE,
)
_PREPOSITION = re.compile(r"\s(?:of|for|with|in|on|at|to|from|by|during|including)\s", re.IGNORECASE)
# where a list of procedures has ended ("… on 100% of deliveries"); "including" goes on with the list
_NOT_A_LIST = re.compile(r"\s(?:of|for|in|on|at|to|from|by|during)\s", re.IGNORECASE)


# A talk's venue after a comma or dash: a capitalized name, not a list of topics.
_VENUE = re.compile(r"\s*(?:,|\s[–—-])\s+(?=(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z0-9])[\w&'-]*)*(?:\s*[,(]|$))")


def _takes_article(body: str, head: str) -> bool:
    """A singular, countable head noun with no determiner before it: "a chart review", not "a research"."""
    word = head.lower().split()[-1]
    if _DETERMINER.match(body) or word in verbs().uncountable or english.is_plural_noun(word):
        return False
    return english.is_noun(word) and not word.endswith("s")


# "I direct …", "I also teach …": the "I" and an adverb that only joins the line to the one before it.
_FIRST_PERSON = re.compile(r"^I (?:(?:also|currently|now|still|additionally|further) )?(?=[a-z])")
# "Under a consulting agreement I proctor …", "In 2020 I opened …"; not "Level I trauma", "Phase I unit".
_I_ACT = re.compile(r"(\w+)[,;]? I (?:(?:also|now|still|then) )?([a-z][a-z-]*)")


def _acts_in_the_first_person(text: str) -> bool:
    """A line with a clause of its own in the first person after its opening: it has its act already."""
    for match in _I_ACT.finditer(text):
        before, word = match.group(1).lower(), match.group(2)
        if before not in english.NUMBERED and english.verb_lemma(word) is not None and not english.is_plural_noun(word):
            return True
    return False


_I_AM = re.compile(r"^I(?: am|'m|’m) (?:(?:also|currently|now|still) )?(?=[a-z])")
_I_HAVE = re.compile(r"^I(?:'ve| have) (?:(?:also|now|since) )?(?P<done>[a-z][\w-]*)\b")


def _without_i(text: str) -> str:
    """The line without its "I": "I direct …" → "direct …"; "I have proctored 38 cases" → "proctored 38 cases" (a
    resume says what was done); "I have no equity …" keeps its "I", having nothing done to say instead."""
    have = _I_HAVE.match(text)
    if have:
        done = have.group("done")
        past = english.past_tense(done) if english.verb_lemma(done) not in {None, "have"} else None
        if past is None or (english.verb_lemma(done) == done and not english.is_participle(done)):
            return text  # "I have no …", "I have to …": no act done ("I have set up …" has one)
        return past + text[have.end() :]
    if _I_AM.match(text):  # "I am also the group's lead for …" → "the group's lead for …": what the physician is
        return _I_AM.sub("", text)
    # and after a semicolon, where a clause of its own starts: "…; I graded 3,100 fundus images" → "…; graded …"
    text = _CLAUSE_I.sub(lambda m: m.group(1) if english.is_past_verb(m.group(2)) else m.group(0), text)
    return _FIRST_PERSON.sub("", text)


_CLAUSE_I = re.compile(r"(; )I (?:(?:also|then|personally) )?(?=([a-z]+)\b)")


_LEADING_GLYPH = re.compile(r"^\s*[" + re.escape(BULLET_GLYPHS) + r"\ue000-\uf8ff]\s+")


def _tidy(text: str) -> str:
    text = _LEADING_GLYPH.sub("", text)  # a bullet pasted with its glyph ("• Led …")
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,;:)]|\.(?![A-Za-z]))(?!\d)", r"\1", text)  # not before ".NET"
    text = text.rstrip(" ;,")
    # a final full stop goes, never an abbreviation's own: "… R48 million p.a.", "… and colleagues et al."
    return text if _ENDS_ON_AN_ABBREVIATION.search(text) else text.rstrip(" .;,")


_ENDS_ON_AN_ABBREVIATION = re.compile(r"(?:\b[a-z]\.[a-z]|\b(?:etc|et al|approx|Inc|Ltd|Co|Jr|Sr|vs))\.$")


def leads(title: str | None) -> bool:
    """Whether a position's title says its holder led ("Physician Lead", "Medical Director", "Chair", "Founder"):
    a program or an initiative named under it is the holder's own, never one "contributed to"."""
    return bool(_LEADING_TITLE.search(title or ""))


_LEADING_TITLE = re.compile(
    r"\b(?:lead|director|chair|co-chair|champion|founder|head|chief|principal investigator)\b", re.IGNORECASE
)


def investigates(title: str | None) -> bool:
    """Whether a position's title is a role in a study ("Sub-investigator", "Co-I", "Site PI"): the lines under
    it describe the study, which the holder did not conduct ("PK sub-study, 6 patients")."""
    return bool(_STUDY_ROLE.search(title or ""))


_STUDY_ROLE = re.compile(r"\b(?:(?:sub|co)-?\s?investigator|investigator|sub-?I|co-?I|PI)\b", re.IGNORECASE)


def rewrite(
    text: str, rule: Rule, current: bool = False, present: bool = False, led: bool = False, studied: bool = False
) -> str:
    """The industry wording of `text`; never adds a number, a name or a claim.

    Shorthand is spelled out; a role line stays a role line ("Member, Sepsis Committee (2020–present)");
    otherwise an action verb goes first where a careful editor would always put one. `current`: the bullet
    belongs to a position that goes on, whose present tense stays; `present`: that position's duties are
    written in the present, so a verb put before a bare activity is in the present too ("Peer-to-peer calls
    with payer medical directors" → "Conduct peer-to-peer calls …" beside "Write appeal letters …"). `rule` is
    the bullet's primary rule. `led`: the position's title says its holder led (see leads); `studied`: it is a
    role in a study (see investigates).
    """
    source = _tidy(text)
    # "I direct the stewardship program": a resume line leaves the "I" out, as the reader knows who acts.
    # ("We built …" keeps its "we": dropping it would make a team's work one person's.)
    plain = english.upper_first(_without_i(apply_glossary(source)))
    # An opening the verb table turns into an act ("Presenter: …", "First author, …") is no role line.
    role = None if _upgrade(plain) or says_its_own_act(plain) else role_line(plain)
    if role is not None:
        edited = role.text if current or role.current else _past_clauses(role.text)
    elif _acts_in_the_first_person(plain):
        edited = plain  # "In 2020 I opened the group's IR clinic …": a sentence with its own act, as written
    else:
        edited = _verb_first(plain, rule, current)
        if led and opening(plain) == "noun" and edited.startswith(("Contributed to ", "Staffed ")):
            # "Statewide hemorrhage + HTN initiatives" under "Physician Lead", "IBD service of ~3,400 patients …"
            # under "IBD Lead": the lead's own work, which neither a share nor a shift describes
            edited = plain
        if studied and opening(plain) == "noun" and edited.startswith("Conducted "):
            edited = plain  # "PK sub-study, 6 pts" under "Sub-investigator": the study, not one the holder ran
        if current and present:
            edited = _in_the_present(edited, plain)
    # The first faithful wording wins; every step is checked against the bullet exactly as written, with
    # the glossary's plain words for its shorthand ("MDT" → "multidisciplinary team" is no new claim).
    attempts = (english.upper_first(_tidy(edited)), english.upper_first(plain), text.strip())
    if attempts[0] == text.strip().rstrip(" .;,"):
        return attempts[0]  # the line as the physician wrote it: nothing for the guard to check
    known = apply_glossary(source, known=True)
    return next((a for a in attempts if not guard.check(text, a, plain=known, context=plain)), text.strip())
