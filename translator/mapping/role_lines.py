"""Role lines stay role lines, as resumes write roles: "Role, Body (dates)".

"Member, Code Blue Committee; reviewed resuscitation events" and "Site principal investigator, ORCHID-2 …"
are already what a resume says; "Readmissions Committee member (2018–2021)" and "ECMO Committee — member,
2018–pres." say the same thing the other way round and become "Member, Readmissions Committee (2018–2021)"
and "Member, ECMO Committee (2018–present)". No verb goes in front of a title or a team.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from translator import dates
from translator.mapping import english
from translator.mapping.rule_files import verbs

_TRAILING_SINCE = re.compile(r",?\s+(since\s+(?:[A-Z][a-z]{2,8}\.?\s+)?(?:19|20)\d{2})\s*$")
# Where a line's head ends: the role (and what it belongs to) comes before the first of these.
_HEAD_END = re.compile(r"\s*(?:,|;|:|\s[–—-]\s|\()\s*")
_PREPOSITION = re.compile(r"\s(?:of|for|to|at|in|on|with|under)\s", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z'&/-]*")


@dataclass(frozen=True)
class RoleLine:
    """A line that names a role: `text` is how a resume writes it."""

    text: str
    current: bool  # its own dates say it goes on ("since 2021", "2019–present")


def _words(text: str) -> list[str]:
    return [w.lower().strip("'") for w in _WORD.findall(text)]


def is_role_word(word: str) -> bool:
    """A title or membership: 'member', 'co-chair', 'investigator', 'neurologist' (a person, by its suffix)."""
    word = word.lower().strip(".,;:'")
    data = verbs().roles
    if word in data.nouns or word in data.membership:
        return True
    # The lexicon lacks many specialists' names ("epidemiologist"); it must at least not know a verb or adjective.
    return word.endswith(tuple(data.person_suffixes)) and not english.is_verb_or_adjective(word)


def _is_body(words: list[str]) -> bool:
    """The words name a committee, team, program or the like ("Readmissions Committee", "DBS program")."""
    bodies = verbs().roles.bodies
    joined = " ".join(words)
    return any(re.search(rf"\b{re.escape(b)}s?\b", joined) for b in bodies)


def _names_a_body(words: list[str]) -> bool:
    """A named committee, board or team right before a role: "Readmissions Committee" (member), not a title's
    first words ("Associate program" director, "Course" director)."""
    if len(words) < 2:
        return False
    last = " ".join(words[-2:])
    return any(last.endswith(b) for b in verbs().roles.named_bodies)


def _role_phrase(text: str) -> bool:
    """Up to four words that end in a role: 'member', 'neurologist member', 'programming clinic lead'."""
    words = _words(text)
    return 1 <= len(words) <= 4 and is_role_word(words[-1]) and not any(w.isdigit() for w in words)


_OBJECT_START = re.compile(r"^\s*(?:the|a|an|all|each|every|our|their|his|her|my|its|several|multiple|[~≈]?\d)\b", re.I)


def _opens_with_act(text: str) -> bool:
    """ "Led …", "Supervise the pharmacist …": an act, not a role. "Co-chair, …", "Head team physician, …" and
    "Lead physician, …" open with a role, though their first word can be a verb."""
    first = _WORD.match(text.lstrip())
    if not first:
        return True
    word = first.group(0)
    if english.is_past_verb(word):
        # "Wound Care Committee member": a noun before a noun, though the lexicon also knows a past tense.
        following = _WORD.match(text.lstrip()[len(word) :].lstrip())
        return not (english.is_noun(word) and following is not None and english.is_noun(following.group(0)))
    return word.lower() in verbs().present_openings and bool(_OBJECT_START.match(text.lstrip()[len(word) :]))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _dates_in_parentheses(text: str) -> str:
    """ "…, 2019–present" or "… 2018–pres." at the end → "… (2019–present)", the way resumes set a role's dates."""
    match = dates.TRAILING_RANGE.search(text)
    if not match or re.search(r"\b(?:19|20)\d{2}\s*(?:,|and|or|&)?\s*$", text[: match.start()]):
        return dates.spell_ongoing(text)  # "…, 2022 and 2023", "2019, 2021, 2023": years listed, no span of the role
    if text[: match.start()].rstrip().endswith(")") and match.group(0).lstrip().startswith(","):
        return dates.spell_ongoing(text)  # "… (diabetes & endocrine packages), 2021": a note, then its year, apart
    if re.search(r"\b(?:for|in|of|since|from|until|by|during|through|to)\s*$", text[: match.start()], re.IGNORECASE):
        return dates.spell_ongoing(text)  # "… practice score 96.4/100 for 2022": the year its words ask for
    if text[: match.start()].rstrip().endswith(")"):  # "… (0.2 FTE) 2021 – present" → "… (0.2 FTE, 2021 – present)"
        head = text[: match.start()].rstrip()[:-1]
        return f"{head}, {dates.spell_ongoing(match.group('dates'))})"
    head = text[: match.start()].rstrip(" ,;–—-")
    return f"{head} ({dates.spell_ongoing(match.group('dates'))})"


def _with_acts(role: str, acts: str, joint: str = "; ") -> str:
    return f"{_dates_in_parentheses(role)}{joint}{acts}" if acts else _dates_in_parentheses(role)


_ANOTHER_SEAT = re.compile(r"(?:[\w-]+\s+){0,2}?([\w-]+)\s*,?\s*(?:since\s+)?(?:19|20)\d{2}\b")


def role_line(text: str) -> RoleLine | None:
    """The line written as a role, or None when the line is no role line (it opens with an act, or names
    no role before its first comma, dash, colon or bracket)."""
    text = text.strip()
    if not text or _opens_with_act(text):
        return None
    main, _, acts = text.partition("; ")
    if acts and (seat := _ANOTHER_SEAT.match(acts)) and is_role_word(seat.group(1)):
        return None  # "… Committee, member 2013–2016; vice-chair 2016–2019": two seats, each with its years, as written
    joint = "; "
    if not acts and (dated := dates.RANGE_THEN_MORE.search(main)):
        # "…, 2017 - Present, reviewing every case …": the dates close the role, what was done follows them
        main, acts, joint = main[: dated.start("more")].rstrip(" ,"), dated.group("more"), ", "
    current = dates.is_ongoing(main)
    # "Sepsis committee member since 2019": the start closes the role as bracketed dates would
    main = _TRAILING_SINCE.sub(r" (\1)", main)
    separator = _HEAD_END.search(main)
    head = main[: separator.start()] if separator else main
    rest = main[separator.end() :] if separator else ""
    sep = separator.group(0).strip() if separator else ""
    before_preposition = _PREPOSITION.split(head, maxsplit=1)[0]
    words = _words(before_preposition)
    if not words or len(words) > 8:
        return None
    membership = verbs().roles.membership
    if words[-1] in membership and _names_a_body(words[:-1]) and before_preposition == head:
        # "Readmissions Committee member (2018–2021)" → "Member, Readmissions Committee (2018–2021)"
        role_word = _WORD.findall(head)[-1]
        body = head[: head.rfind(role_word)].rstrip(" ,–—-")
        if role_word.lower() == "participant":  # "Weekly tumor board participant" took part in it
            tail = f" {sep} {rest}".rstrip() if sep == "(" else (f", {rest}" if rest else "")
            line = f"Participated in the {body[:1].lower() + body[1:]}{tail}".replace("( ", "(")
            return RoleLine(_with_acts(line, acts, joint), current)
        tail = f"{sep} {rest}".rstrip() if sep == "(" else (f", {rest}" if rest else "")
        tail = tail.replace("( ", "(") if sep == "(" else tail
        line = f"{_capital(role_word)}, {body}" + (f" {tail}" if sep == "(" else tail)
        return RoleLine(_with_acts(line, acts, joint), current)
    if is_role_word(words[-1]):
        return RoleLine(_with_acts(main, acts, joint), current)
    if sep in {"—", "–", "-", ":"} and _is_body(words):
        # "ECMO Committee — member, 2018–pres." → "Member, ECMO Committee (2018–present)"
        role_end = re.search(r"\s*(?:,|\(|$)", rest)
        assert role_end is not None
        role = rest[: role_end.start()]
        if _role_phrase(role):
            after = rest[role_end.start() :].strip()
            after = after if after.startswith("(") else after.lstrip(", ")
            joined = f"{_capital(role)}, {head}"
            if after:
                joined += f" {after}" if after.startswith("(") else f", {after}"
            return RoleLine(_with_acts(joined, acts, joint), current)
    if sep == "," and _is_body(words):
        # "Utilization Management Committee, member – 2021–present" → "Member, Utilization Management Committee
        # (2021–present)"
        role_end = re.search(r"\s+[–—-]\s+|\s*(?:,|\(|$)", rest)
        assert role_end is not None
        role = rest[: role_end.start()]
        if _role_phrase(role):
            after = rest[role_end.end() :].strip() if role_end.group(0).strip() in {"–", "—", "-"} else ""
            tail = rest[role_end.start() :].strip() if not after else ""
            joined = f"{_capital(role)}, {head}" + (f", {after}" if after else (f" {tail}" if tail else ""))
            return RoleLine(_with_acts(joined, acts, joint), current)
    return None
