"""The one fact guard for every text that reaches the resume: the rules' rewrites, a model's rewrites and
additions, and the Summary, headlines, About and messages.

A rewrite may change words, never what happened, how much, how often or who was involved. It is compared
with its source by content, not against a list of suspect words:
- every content word must come from the source, from its shorthand spelled out (the glossary), from an
  acronym spelled out word by word, from the user's own words, or from the editor's neutral words
  (guard.toml; the verbs the rules put first, verbs.toml); a word is matched as written, by its first five
  letters, or by its lemma in the lexicon;
- no number is added or dropped, and a quantity keeps its period ("per week" is not "per day");
- a role never rises (member < co-chair < chair; sub-investigator < co-investigator < principal
  investigator; participated < co-led < led);
- every name, acronym and word of scope of the source survives (in its own words or spelled out);
- no money or percentage appears that the source lacks.
Each problem names its rule and the words, for the report and the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from pydantic import Field

from translator.data_files import load_toml
from translator.mapping.patterns import AnyOf
from translator.mapping.patterns import check as valid_pattern
from translator.mapping.rule_files import DATA_DIR, verbs
from translator.models import StrictModel


class GuardData(StrictModel):
    neutral: list[str]
    change: list[str]
    comparison: list[str]
    result: list[str]
    readings: dict[str, list[str]]
    fields: dict[str, list[str]] = Field(default_factory=dict)
    acts: dict[str, list[str]]
    modest: list[str]
    ladders: list[list[str]] = Field(min_length=1)
    leaders: list[str]
    leads: list[str]
    scope: list[str]
    synonyms: list[list[str]]
    framing: list[str]
    superlatives: list[str]
    units: dict[str, list[str]]
    periods: dict[str, list[str]]

    def model_post_init(self, _context: object) -> None:
        tables = [*self.periods.values(), *self.units.values()]
        for pattern in [p for ladder in self.ladders for p in ladder] + [p for ps in tables for p in ps]:
            valid_pattern(pattern)


@cache
def data() -> GuardData:
    loaded: GuardData = load_toml(DATA_DIR / "guard.toml", GuardData)
    return loaded


@dataclass(frozen=True)
class Problem:
    """One way a rewrite says what its source does not, with the words that show it."""

    rule: str
    words: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.rule}: {', '.join(self.words)}"


def reasons(problems: Iterable[Problem]) -> str:
    """The problems as one line a person can read: 'new words: nursing, team; role raised: chair'."""
    return "; ".join(map(str, problems))


_WORD_NUMBERS = {
    w: str(i)
    for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    )
}
_ORDINALS = {
    w: str(i)
    for i, w in enumerate(
        ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
    )
}
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# "second-year resident" is PGY-2; "every third night" is q3
_ORDINAL_YEAR = re.compile(r"\b(" + "|".join(_ORDINALS) + r")[- ]year\b|\bevery (" + "|".join(_ORDINALS) + r")\b")
_THOUSANDS = re.compile(r"(\d+(?:\.\d+)?)\s*([km])\b")  # "$480K", "1.2M"; any run of spaces, as tidying makes it one
_YEAR_RANGE = re.compile(r"\b((?:19|20)\d{2})-(\d{2})\b(?!\d)")  # "2020–22"; "2022 — 60 doses" is none
_SHORT_YEAR = re.compile(r"(?<![\w'])'(\d{2})\b|\bfy ?(\d{2})\b")  # "'22", "FY22"
_STANDALONE = re.compile(r"(?<![a-z\d.])\d+(?:\.\d+)?(?![a-z\d]|\.\d)")
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2011": "-", "\u00a0": " "})
_MONEY_OR_PERCENT = re.compile(r"[$€£]|%|\bpercent\b", re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9'&]*(?:[-/][A-Za-z0-9][A-Za-z0-9'&]*)*")
_ACRONYM = re.compile(r"\b(?=[A-Za-z0-9&/-]*[A-Z][A-Za-z0-9&/-]*[A-Z])[A-Za-z][A-Za-z0-9&]*\b")
_PLACEHOLDER = re.compile(r"\[[A-Z]+-\d+\]")


def _normalize(text: str) -> str:
    text = text.lower().translate(_DASHES)
    return re.sub(r"(?<=\d),(?=\d{3})", "", text)


def numbers(text: str) -> set[str]:
    """Every number a reader would see: digits, the number words zero to twelve, an ordinal year of training
    ('second-year' is 2), thousands and millions written short ('480K' is also 480000) and years written short
    ("'22" is also 2022)."""
    norm = _normalize(text)
    found = set(_NUMBER.findall(norm))
    found |= {_WORD_NUMBERS[w] for w in re.findall(r"[a-z]+", norm) if w in _WORD_NUMBERS}
    found |= {_ORDINALS[m.group(1) or m.group(2)] for m in _ORDINAL_YEAR.finditer(norm)}
    found |= {str(n) for w, n in (("once", 1), ("twice", 2), ("thrice", 3)) if re.search(rf"\b{w}\b", norm)}
    found |= {m.group(1) for m in re.finditer(r"\b(\d+)(?:st|nd|rd|th)\b", norm)}
    for m in _THOUSANDS.finditer(norm):
        value = float(m.group(1)) * (1000 if m.group(2) == "k" else 1_000_000)
        found.add(str(int(value)) if value.is_integer() else str(value))
    found |= {f"20{m.group(1) or m.group(2)}" for m in _SHORT_YEAR.finditer(norm)}
    found |= {m.group(1)[:2] + m.group(2) for m in _YEAR_RANGE.finditer(norm)}  # "2020–22" ends in 2022
    return found


_HEDGE = re.compile(
    r"(?:[~≈<>≤≥]|\b(?:about|approx\.?|approximately|around|nearly|almost|roughly|up to|more than|fewer than|"
    r"less than|at least|under|below|above|greater than|exceeding|upwards of|in excess of|circa|ca\.|within)|\bc\.)"
    r"\s*(\d+(?:\.\d+)?|" + "|".join(_WORD_NUMBERS) + r")\b"
    r"|(\d+(?:\.\d+)?)\s*%?\s*(?:\+|or (?:more|higher|greater|above|over|less|fewer|lower|below|under)\b)",
)


def _ranks(text: str) -> set[str]:
    """The words that rank what was done against others ('the most of any site', 'the highest', 'only'): a
    comparison the physician must have made, never an editor's word."""
    return {w for w in re.findall(r"[a-z]+(?:-[a-z]+)*", text.lower()) if w in _superlatives()}


@cache
def _superlatives() -> frozenset[str]:
    return frozenset(data().superlatives)


def _hedged(text: str) -> set[str]:
    """The numbers a text gives as approximate or as a bound: '~25', 'about 25', '60+', 'over 300' — said as an
    exact figure, a count the physician could only estimate becomes a claim. ('over 1,100 colonoscopies' may be
    'across' them: no bound.)"""
    norm = _normalize(text)
    return {_WORD_NUMBERS.get(n, n) for m in _HEDGE.finditer(norm) if (n := m.group(1) or m.group(2))}


def _covers(rewrite: str, number: str) -> bool:
    """'none' and 'no' say a source's 0."""
    return number == "0" and re.search(r"\b(?:no|none|zero|without)\b", rewrite, re.IGNORECASE) is not None


def standalone_numbers(text: str) -> set[str]:
    """Numbers that stand as quantities: '4' in '4 residents', not the 2 of 'P2P' or the 1 of 'HbA1c', nor the
    '22' that ends '2020–22'."""
    norm = _YEAR_RANGE.sub(lambda m: f"{m.group(1)}-{m.group(1)[:2]}{m.group(2)}", _normalize(text))
    norm = _SHORT_YEAR.sub(lambda m: f"20{m.group(1) or m.group(2)}", norm)
    found = set(_STANDALONE.findall(norm))
    found |= {_WORD_NUMBERS[w] for w in re.findall(r"[a-z]+", norm) if w in _WORD_NUMBERS}
    return found


# ---------------------------------------------------------------------------------------------------------------
# words
# ---------------------------------------------------------------------------------------------------------------


def _parts(token: str) -> list[str]:
    """A token and its hyphen or slash parts: 'anti-VEGF' gives 'anti-vegf', 'anti', 'vegf'."""
    lowered = token.lower().strip("'")
    parts = [p for p in re.split(r"[-/]", lowered) if p]
    return [lowered, *parts] if len(parts) > 1 else [lowered]


@lru_cache(maxsize=8192)
def _lemma(word: str) -> str | None:
    """The word's base form in the lexicon (nouns before verbs), None for a word it does not know."""
    from translator.mapping.english import _lemmas

    found = _lemmas(word)
    for tag in ("NOUN", "VERB", "ADJ", "ADV"):
        if found.get(tag):
            return found[tag][0]
    return None


@lru_cache(maxsize=8192)
def _lemma_forms(word: str) -> frozenset[str]:
    """Every base form the lexicon knows for the word, in any part of speech: 'holding' is a noun and the verb
    'hold'."""
    from translator.mapping.english import _lemmas

    return frozenset(lemma for lemmas in _lemmas(word).values() for lemma in lemmas)


_FIELD = re.compile(r"(?:ology|ologists?|iatry|iatrics|ics)$")


# a field, its physician and its adjective
_FIELD_FORMS = (
    ("ology", "ologist", "ologic", "ological"),
    ("iatry", "iatrist", "iatric"),
    ("iatrics", "iatrician", "iatric"),
    ("etrics", "etrician", "etric"),
)


def _field_forms(word: str) -> list[str]:
    """The field, its physician and its adjective, from any of them: 'cardiology' ↔ 'cardiologist(s)' ↔
    'cardiologic', 'psychiatry' ↔ 'psychiatrist' ↔ 'psychiatric', 'pediatrics' ↔ 'pediatrician'."""
    word = word.removesuffix("s") if word.endswith(("ists", "ians")) else word
    forms = []
    for group in _FIELD_FORMS:
        for ending in sorted(group, key=len, reverse=True):
            if word.endswith(ending):
                forms += [word.removesuffix(ending) + other for other in group if other != ending]
                break
    return forms


class Vocabulary:
    """The words a text stands behind: as written, by their first five letters, shortened ('dir.' stands behind
    'director', 'ctr' behind 'center', 'gen surg' behind 'general surgery'), and (asked only when the others
    fail) by their lemma."""

    def __init__(self, *texts: str) -> None:
        self.words: set[str] = set()
        for text in texts:
            for token in _TOKEN.findall(text):
                self.words.update(_parts(token))
        for group in _synonyms():
            if group & self.words:
                self.words |= group
        self.stems = {w[:5] for w in self.words if len(w) >= 5}
        self.short = [
            w
            for text in texts
            for w in re.findall(r"(?<![A-Za-z])[A-Za-z]{3,5}(?![A-Za-z])", text)
            if _shortened(w, text)
        ]
        self.cut = [
            w.lower().removesuffix("s")
            for text in texts
            for w in re.findall(r"(?<![A-Za-z])[a-z]{6,}(?![A-Za-z])", text)
            if _lemma(w.lower()) is None
        ]
        self._lemmas: set[str] | None = None

    def add(self, words: Iterable[str]) -> None:
        for word in words:
            self.words.update(_parts(word))
            self.stems.update(w[:5] for w in _parts(word) if len(w) >= 5)
        self._lemmas = None

    def has(self, word: str, loose: bool = True) -> bool:
        """`loose=False`: a name's word, as written or counted, not by a stem or a short form it shares
        ("NeuroPace" is no "neurostim")."""
        lowered = word.lower().strip("'")
        if lowered in self.words:
            return True
        if not loose:
            return any(form in self.words for form in (lowered.removesuffix("'s"), lowered.removesuffix("s")))
        # a field or a department is a collaborator: "pulmonology" is no "pulmonary", so no stem stands for it;
        # but a field names its physician and the physician the field ("cardiology" ↔ "cardiologist")
        if len(lowered) >= 5 and lowered[:5] in self.stems and not _FIELD.search(lowered):
            return True
        if any(form in self.words for form in _field_forms(lowered)):
            return True
        if lowered.endswith("'s") and lowered[:-2] in self.words:
            return True
        if lowered.endswith("s") and lowered[:-1] in self.words:  # "EEGs", "IUDs": the source's word, counted
            return True
        if any(_abbreviates(short, lowered) for short in self.short):
            return True
        if any(lowered.startswith(cut) for cut in self.cut):  # "histotechs" stands behind "histotechnologists"
            return True
        lemma = _lemma(lowered)
        return lemma is not None and lemma in self._lemma_set()

    def _lemma_set(self) -> set[str]:
        if self._lemmas is None:
            self._lemmas = {lemma for w in self.words if (lemma := _lemma(w))} | self.words
        return self._lemmas


def _shortened(word: str, text: str) -> bool:
    """A word written short: followed by a full stop ('dir.', 'Inst.'), or unknown to the lexicon ('ctr',
    'surg', 'cmte', 'mgmt')."""
    if re.search(rf"\b{re.escape(word)}\.", text):
        return True
    if not (word.islower() or word[1:].islower()):
        return False
    return _lemma(word.lower()) is None or len(word) <= 4


def _abbreviates(short: str, word: str) -> bool:
    """'inst' → 'institute', 'dept' → 'department', 'ctr' → 'center', 'cmte' → 'committee': a longer word
    that opens with the short form's first letter and holds its other letters in order."""
    short, word = short.lower().rstrip("."), word.lower()
    if not 3 <= len(short) <= 5 or len(word) <= len(short) or word[0] != short[0]:
        return False
    if _lemma(short) is not None and not (len(word) >= 2 * len(short) and word.startswith(short)):
        return False  # a word of its own ("lap", "care") abbreviates only a much longer word it opens ("laparoscopic")
    rest = word[1:]
    for letter in short[1:]:
        found = rest.find(letter)
        if found < 0:
            return False
        rest = rest[found + 1 :]
    return True


@lru_cache(maxsize=4096)
def spelled_out(acronym: str, text: str) -> list[str] | None:
    """The words of `text` that spell `acronym` out, its letters opening them in order ('ICU' → 'intensive care
    unit'; 'HFpEF' → 'heart failure with preserved ejection fraction'; small words may sit between); a letter
    may open a part of a compound ('DMARDs' → 'disease-modifying antirheumatic drugs'). None when none do."""
    capitals = [c.lower() for c in acronym if c.isupper()]
    letters = [c.lower() for c in acronym if c.isalpha()]
    if acronym.endswith("s") and len(letters) > 2:
        letters = letters[:-1]  # "RNs", "DMARDs": a plural
    # "HoLEP", "PrEP", "HFpEF": the capitals open the words, the small letters may sit inside them
    for variant in [letters, capitals] if 2 <= len(capitals) < len(letters) else [letters]:
        if 2 <= len(variant) <= 8 and (found := _spelled(variant, text)):
            return found
    # "SGLT2i" → "SGLT2 inhibitor", "ACEi" → "ACE inhibitor": the name kept, its small tail spelled out
    tail = re.fullmatch(r"([A-Z][A-Z0-9-]*[A-Z0-9])([a-z]{1,2})", acronym)
    if tail:
        head, small = tail.groups()
        match = re.search(rf"\b{re.escape(head)}\s+((?:[A-Za-z]+\s+)?[A-Za-z]+)", text)
        if match and "".join(w[0].lower() for w in match.group(1).split())[: len(small)] == small:
            return [head, *match.group(1).split()]
    return None


_SMALL = frozenset(
    {"of", "and", "for", "the", "with", "in", "on", "to", "a", "an", "&", "after", "by", "at", "from", "or"}
)


def _spelled(letters: list[str], text: str) -> list[str] | None:
    """Every run of words in `text` that spells the letters out, each word giving the next letter or letters,
    joined; None when no run does. Small words may sit between, and so may the later parts of a hyphenated
    word ("neovascular age-related macular degeneration" is nAMD); a long word may give letters from inside
    it ("TransEsophageal Echocardiography" is TEE), and every way of sharing the letters out is tried."""
    found = list(re.finditer(r"[A-Za-z][A-Za-z0-9']*", text))  # "tele-intensive care unit": each part a word
    words = [m.group(0) for m in found]
    joined = [m.start() > 0 and text[m.start() - 1] == "-" for m in found]
    # a run that skips a word of a name is a last resort: "American Heart Association" spells no AAN
    for skips_allowed in (0, 1):
        spans: list[str] = []
        for start, first in enumerate(words):
            if first[0].lower() != letters[0] or (first.lower() in _SMALL and first != "The"):
                continue  # "The Joint Commission" is TJC; "the" opens no other name
            skips = 1 - skips_allowed if first[:1].isupper() else 1
            if (end := _spell(letters, words, joined, 0, start, skips)) is not None:
                if end - start == 1 and len(letters) == 2 and not _opens_a_word(first.lower(), letters[1]):
                    continue  # "gastroIntestinal" is GI, "resuscitaTion" no RT
                used = words[start:end]
                # an organisation's name goes on after its initials: "Centers for Disease Control and Prevention"
                after = words[end : end + 2]
                if len(used) > 1 and len(after) == 2 and after[0] == "and" and after[1][:1].isupper():
                    used += after
                spans += used
        if spans:
            return spans
    return None


def _opens_a_word(word: str, letter: str) -> bool:
    """Whether the letter opens a word inside a compound: a word of its own ("ultraSound", "intraVenous") or after
    a combining form's o ("fluoroQuinolone")."""
    return any(word[k] == letter and (word[k - 1] == "o" or _lemma(word[k:])) for k in range(3, len(word) - 2))


def _spell(letters: list[str], words: list[str], joined: list[bool], i: int, j: int, skips: int) -> int | None:
    """Where a run that spells letters[i:] from words[j] ends, None when none does. `skips`: how many of a
    name's words may still give no letter ("National Institute of Child Health and Human Development" is
    NICHD)."""
    if i == len(letters):
        return j
    if j >= len(words) or len(words) - j > 40:
        return None
    word = words[j]
    for given in range(1, _letters_given(word, letters, i) + 1):  # each word its initial first
        if (end := _spell(letters, words, joined, i + given, j + 1, skips)) is not None:
            return end
    if i and (word.lower() in _SMALL or joined[j]):
        return _spell(letters, words, joined, i, j + 1, skips)
    if i and word[:1].isupper() and skips < 1:
        return _spell(letters, words, joined, i, j + 1, skips + 1)
    return None


def _letters_given(word: str, letters: list[str], i: int) -> int:
    """How many of the letters from the i-th a word can give at most: its initial, an acronym's letters ("CT"
    in "low-dose CT" for LDCT), or the initials of parts inside a long word ("ketoAcidosis", "antiRheumatic")."""
    if i >= len(letters):
        return 0
    if word.isupper() and len(word) > 1 and "".join(letters[i : i + len(word)]) == word.lower():
        return len(word)
    if word[0].lower() != letters[i]:
        return 0
    given, inner = 1, word[3:].lower()
    while i + given < len(letters) and len(word) >= 8:
        letter = letters[i + given]
        if letter not in inner:
            break
        inner = inner[inner.index(letter) + 1 :]
        given += 1
    return given


# ---------------------------------------------------------------------------------------------------------------
# the rules
# ---------------------------------------------------------------------------------------------------------------


@cache
def _synonyms() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(group) for group in data().synonyms)


@cache
def _modest_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rf"\b(?:{group})\b", re.IGNORECASE) for group in data().modest)


def _modest_dropped(stands: str, rewrite: str) -> list[str]:
    """The words that made the physician's part smaller, gone: 'Assisted in 120 prostatectomies' →
    'Performed 120 prostatectomies'; '… as PGY-4' → '…' with no resident left."""
    return [
        found.group(0)
        for pattern in _modest_patterns()
        if (found := pattern.search(stands)) and not pattern.search(rewrite)
    ]


def _co_dropped(source: str, rewrite: str, plain: str = "") -> list[str]:
    """A shared act said as one's own: 'Co-founded' → 'Founded', 'co-wrote' → 'wrote'; not the word as the
    source's own shorthand spells it out elsewhere ('Co-investigator …(PI: Dr. N)' → '(principal investigator:
    Dr. N)' is another's role, named)."""
    raised = []
    for root in re.findall(r"\bco-([a-z]{3,})", source, re.IGNORECASE):
        said = _alone(root, rewrite)
        shared = rf"\bco-{re.escape(root)}"
        kept = len(re.findall(shared, rewrite, re.IGNORECASE)) >= len(re.findall(shared, source, re.IGNORECASE))
        raised += said[len(_alone(root, plain)) :] if plain and kept else said
    return raised


def _alone(root: str, text: str) -> list[str]:
    """The text's words that are the root's act or role without its 'co-'."""
    lemma = _lemma(root.lower()) or root.lower()
    found = []
    for m in _TOKEN.finditer(text):
        word = m.group(0).lower()
        if word.startswith("co-") or text[max(0, m.start() - 3) : m.start()].lower() == "co-":
            continue
        if word == root.lower() or (_lemma(word) or word) == lemma:
            found.append(m.group(0))
    return found


def _joined_acronyms(text: str) -> list[str]:
    """Acronyms written with a hyphen, read whole: 'CBT-I' (cognitive behavioral therapy for insomnia), 'd-TGA'
    (d-transposition of the great arteries)."""
    return [
        t
        for t in _TOKEN.findall(text)
        if "-" in t and sum(c.isupper() for c in t) >= 2 and not re.search(r"[a-z]{2}", t)
    ]


def _readings(source: str) -> list[str]:
    """The readings of the source's shorthand that has more than one ('tx' is a treatment, a therapy or a
    transplant): a rewrite may spell it out as any of them; and the fields the source's own words imply ('NICU'
    → neonatal; fields in guard.toml)."""
    found = {w.lower() for w in re.findall(r"[A-Za-z]+", source)}
    return [word for short, said in data().readings.items() if short in found for word in said]


def _a_name(token: str) -> bool:
    """A company's or a product's name written in its own capitals: 'NeuroPace', 'DaVita', 'eClinicalWorks'."""
    return bool(re.search(r"[a-z][A-Z]", token))


def _acts(source: str) -> list[str]:
    """The acts the source's own nouns name ('speaker' → presented, 'grant' → funded; acts in guard.toml)."""
    acts = data().acts
    return [act for w in _TOKEN.findall(source.lower()) for act in acts.get(w.removesuffix("s"), [])]


def _implied_fields(source: str) -> frozenset[str]:
    """The words of the fields the source's own words imply ('NICU' → neonatal; fields in guard.toml)."""
    return frozenset(w for field, cues in _field_cues() if any(c.search(source) for c in cues) for w in field.split())


# the words before a team or a service named as a partner: "with radiation oncology", "alongside anesthesia"
_PARTNERED = frozenset({"with", "alongside", "and", "partnering", "partnered", "together", "jointly", "between"})


def _as_a_partner(tokens: list[str], i: int) -> bool:
    """Whether the token is named as a partner in the work: within four words after 'with', 'alongside', 'and' …"""
    return any(t.lower() in _PARTNERED for t in tokens[max(0, i - 4) : i])


@cache
def _field_cues() -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    return tuple((field, tuple(re.compile(p, re.IGNORECASE) for p in cues)) for field, cues in data().fields.items())


@cache
def _neutral() -> frozenset[str]:
    """The guard's neutral words and the verbs the rules themselves put first."""
    words = set(data().neutral) | set(_WORD_NUMBERS) | set(_ORDINALS) | {"once", "twice", "thrice"}
    words |= {"thousand", "thousands", "million", "millions", "billion", "hundred", "hundreds", "dozen"}
    table = verbs()
    for text in [*(u.verb for u in table.upgrade), *(n.verb for n in table.noun_opening), *table.label_verbs.values()]:
        words.update(w.lower() for w in re.findall(r"[A-Za-z]+", text))
    return frozenset(words)


@cache
def _ladders() -> tuple[tuple[re.Pattern[str], ...], ...]:
    # "guideline-directed" directs nothing: a rung is a word of its own, not a compound's end
    return tuple(
        tuple(re.compile(rf"(?<![\w-])(?:{rung})\b", re.IGNORECASE) for rung in ladder) for ladder in data().ladders
    )


@cache
def _ladder_parts() -> tuple[int | None, frozenset[int]]:
    """(the acts' ladder, the title ladders whose top leads the work: guard.toml's leaders)."""
    ladders = _ladders()
    acts = next((i for i, ladder in enumerate(ladders) if ladder[-1].search("led")), None)
    leading = frozenset(i for i, ladder in enumerate(ladders) if any(ladder[-1].search(t) for t in data().leaders))
    return acts, leading


def _leads(rungs: list[int]) -> bool:
    """Whether the rungs a text holds include a title at the top of its ladder that leads the work (a chair, a
    principal investigator, a director)."""
    ladders = _ladders()
    return any(rungs[i] == len(ladders[i]) - 1 for i in _ladder_parts()[1])


def _held(rungs: list[int]) -> list[int]:
    """The rungs a text holds; one who leads the work by title led it, so the acts' ladder is at its top too
    ('Medical director' → 'overseeing')."""
    acts = _ladder_parts()[0]
    if acts is None or not _leads(rungs):
        return rungs
    return [len(_ladders()[acts]) - 1 if i == acts else rung for i, rung in enumerate(rungs)]


def _rungs(text: str) -> list[int]:
    """For each ladder, the highest rung the text names (0 when it names none); where two rungs' words
    overlap, the longer phrase is the one said ("Assistant Program Director" is no director, "First author"
    no plain author)."""
    found = []
    for ladder in _ladders():
        spans = sorted(
            ((m.start(), m.end(), rung) for rung, pattern in enumerate(ladder) for m in pattern.finditer(text)),
            key=lambda span: span[0] - span[1],
        )
        kept: list[tuple[int, int, int]] = []
        for start, end, rung in spans:
            if all(end <= s or start >= e for s, e, _ in kept):
                kept.append((start, end, rung))
        found.append(max((rung for _, _, rung in kept), default=0))
    return found


@cache
def _period_patterns() -> dict[str, AnyOf]:
    return {name: AnyOf(patterns) for name, patterns in data().periods.items()}


def periods(text: str) -> set[str]:
    text = re.sub(r"\bhalf[- ]day", "half_day", text, flags=re.IGNORECASE)  # "25 pts/half-day" is no daily count
    return {name for name, pattern in _period_patterns().items() if pattern.search(text)}


@cache
def _scope_patterns() -> dict[str, re.Pattern[str]]:
    return {
        entry.split("|")[0]: re.compile(rf"(?<![\w-])(?:{entry})s?(?![\w-])\.?", re.IGNORECASE)
        for entry in data().scope
    }


def _scope_words(text: str) -> set[str]:
    """The words of scope a text has, in any of their forms ("Assoc PD" has "associate")."""
    return {name for name, pattern in _scope_patterns().items() if pattern.search(text)}


@cache
def _unit_patterns() -> dict[str, re.Pattern[str]]:
    return {name: re.compile("|".join(f"(?:{p})" for p in ps), re.IGNORECASE) for name, ps in data().units.items()}


_COUNT_THEN = re.compile(
    r"(\d+(?:\.\d+)?|\b(?:" + "|".join(_WORD_NUMBERS) + r"))[\s-]*(?:to|-|–)?\s*([a-z]+)", re.IGNORECASE
)


def counted_units(text: str) -> set[tuple[str, str]]:
    """Each count of time with its unit: {("9", "month"), ("24", "hour")} from "9 mo", "24-hour"."""
    found = set()
    for m in _COUNT_THEN.finditer(_normalize(text)):
        number = _WORD_NUMBERS.get(m.group(1), m.group(1))
        for unit, pattern in _unit_patterns().items():
            if pattern.fullmatch(m.group(2)):
                found.add((number, unit))
    return found


def _names(text: str) -> list[str]:
    """The source's proper names and acronyms, not its opening word: 'Mercy', 'NSQIP', 'HFpEF'."""
    tokens = [t.strip("'") for token in _TOKEN.findall(text) for t in token.split("/")]
    first = tokens[0] if tokens else ""
    names = [m.group(0) for m in _ACRONYM.finditer(text)]
    names += [t for t in tokens if t[:1].isupper() and t != first and t not in names and not t.isupper()]
    names += [t for t in tokens if "-" in t and t.isupper() and t not in names]  # "D-I", "ICU-based"
    return [n for n in dict.fromkeys(names) if len(re.sub(r"[^A-Za-z]", "", n)) >= 2]


def _said(name: str, rewrite: str, rewrite_words: Vocabulary, plain: str) -> bool:
    """A source name survives as written, by its stem, shortened ('Inst' for 'Institute', 'Dept' for
    'Department'), spelled out ('NSQIP', 'CDC-funded'), or as the glossary spells it ('FQHC' needs all of
    'federally qualified health center')."""
    parts = _parts(name)
    pieces = parts[1:] if len(parts) > 1 and all(len(p) > 1 for p in parts[1:]) else parts[:1]
    return all(_piece_said(name, piece, rewrite, rewrite_words, plain) for piece in pieces)


def _piece_said(name: str, piece: str, rewrite: str, rewrite_words: Vocabulary, plain: str) -> bool:
    if rewrite_words.has(piece) or any(_abbreviates(piece, w) for w in _TOKEN.findall(rewrite)):
        return True
    if any(rewrite_words.has(w) for w in data().readings.get(piece.lower(), [])):
        return True  # "PO" said as "oral"
    written = _original(name, piece)
    if any(c.isupper() for c in written) and spelled_out(written, rewrite) is not None:
        return True
    if re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", plain, re.IGNORECASE):
        return False  # the glossary kept it: the rewrite had to
    from translator.mapping.rewrite import apply_glossary

    expanded = apply_glossary(written, known=True)
    words = [w for w in _TOKEN.findall(expanded) if w.lower() not in _neutral()]
    return expanded == written or not _unsaid(words, [w for w in words if not rewrite_words.has(w)])


def _original(name: str, piece: str) -> str:
    """The piece of `name` as written (its capitals tell an acronym's letters)."""
    found = re.search(re.escape(piece), name, re.IGNORECASE)
    return found.group(0) if found else piece


@cache
def _neutral_lemmas() -> frozenset[str]:
    """The base forms of the neutral verbs: 'supervising' is as neutral as 'supervised'."""
    return frozenset(lemma for w in data().neutral if (lemma := _lemma(w)))


def _joined(tokens: list[str], i: int, vocabulary: Vocabulary) -> bool:
    """'task force' where the source wrote 'taskforce': the word joined to its neighbour is the source's."""
    word = tokens[i].lower()
    before = tokens[i - 1].lower() + word if i else ""
    after = word + tokens[i + 1].lower() if i + 1 < len(tokens) else ""
    return any(joined and joined in vocabulary.words for joined in (before, after))


# A count and its noun on one line: "h-index 24" ending a paragraph counts nothing of the next one ("Next, …").
_COUNTED = re.compile(
    r"(\d+(?:\.\d+)?|\b(?:" + "|".join(_WORD_NUMBERS) + r"))[ \t]+(?:[a-z-]+[ \t]+)?([a-z][a-z-]{2,})"
)


def _counts(text: str) -> set[tuple[str, str]]:
    """Each count with what it counts, by the noun's first five letters: {("2", "inter")} from "2 interns"."""
    return {
        (_WORD_NUMBERS.get(m.group(1), m.group(1)), _unit_of(m.group(2))[:5])
        for m in _COUNTED.finditer(_normalize(text))
        if m.group(2) not in _UNITLESS and not re.fullmatch(r"(?:19|20)\d{2}", m.group(1))
    }


def _unit_of(noun: str) -> str:
    """A unit of time by its name, however written ('yr' is a year, 'wks' weeks); any other noun as it is."""
    return next((unit for unit, pattern in _unit_patterns().items() if pattern.fullmatch(noun)), noun)


_UNITLESS = frozenset({"and", "or", "to", "of", "in", "on", "at", "for", "with", "per", "a", "the", "from"})


def _recounted(rewrite: str, stands: str) -> set[tuple[str, str]]:
    """The rewrite's counts of things the source counts with another number: "three interns" for "2 interns"."""
    had = _counts(stands)
    nouns = {noun for _, noun in had}
    return {(n, noun) for n, noun in _counts(rewrite) if noun in nouns and (n, noun) not in had}


_QUALIFIER = re.compile(r"(?<![\w-])([a-z]{3,}-[a-z]{3,})(?![\w-])|(?<![\w-])([A-Z0-9]{2,}-[a-z]{3,})(?![\w-])")


def _qualifiers(source: str) -> list[str]:
    """Compound qualifiers a source chose: 'high-fidelity', 'low-dose', 'HER2-low', 'treatment-resistant'."""
    found = [a or b for a, b in _QUALIFIER.findall(source)]
    return [q for q in dict.fromkeys(found) if not set(q.lower().split("-")) <= _neutral()]


def _qualifier_said(qualifier: str, rewrite_words: Vocabulary, rewrite: str, source: str) -> bool:
    """'high-fidelity' said whole or by its parts; 'CDC-funded' with the CDC spelled out; shorthand ('sign-out')
    is for the shorthand rule to judge."""
    from translator.mapping.rewrite import shorthand

    if qualifier.lower() in rewrite.lower() or any(
        qualifier.lower() in short.lower() for short, _ in shorthand(source)
    ):
        return True
    return all(
        rewrite_words.has(part)
        or part.lower() in _neutral()
        or (part.isupper() and spelled_out(part, rewrite) is not None)
        for part in qualifier.split("-")
    )


def _shorthand_lost(source: str, rewrite: str, rewrite_words: Vocabulary) -> list[str]:
    from translator.mapping.rewrite import shorthand

    lost: list[str] = []
    pairs = shorthand(source)
    rest = source
    for short, _ in pairs:  # the source's other words: "peds" stands behind "pediatric" only when said
        rest = rest.replace(short, " ")
    source_words = Vocabulary(rest)
    readings = data().readings
    for short, plain in pairs:
        if any(rewrite_words.has(w) for w in readings.get(short.lower(), [])):
            continue  # "tx" said as any of its readings: treatment, therapy, transplant
        as_written = r"[\s-]".join(re.escape(part) for part in re.split(r"[\s-]", short))
        if re.search(rf"(?<!\w){as_written}(?!\w)", rewrite, re.IGNORECASE):
            continue
        if (kept := _TOKEN.findall(short)) and all(rewrite_words.has(w, loose=False) for w in kept):
            continue  # its words kept, its numbers the number rule's: "census 6–10" → "a census of six to ten"
        written = {t.lower() for t in _TOKEN.findall(short)}  # words the shorthand carries as they were
        words = [
            w
            for w in dict.fromkeys(_TOKEN.findall(plain))
            if w.lower() not in _neutral() and w.lower() not in written and not source_words.has(w)
        ]
        missing = [w for w in words if not rewrite_words.has(w) and not (w.isupper() and spelled_out(w, rewrite))]
        lost += _unsaid(words, missing)
    return list(dict.fromkeys(lost))


def _unsaid(words: list[str], missing: list[str]) -> list[str]:
    """Of the words shorthand stands for, those a rewrite leaves unsaid: shorthand is said by most of what it
    stands for ("nurses" says RNs, registered nurses; "randomized trial" an RCT), but what narrows it ("preterm
    infants", "federally qualified") must stay."""
    return missing if len(missing) * 2 > len(words) else [w for w in missing if _scope_words(w)]


def _upgraded_opening(source: str) -> set[str]:
    """The words of an opening the rules replace with an industry verb (verbs.toml): 'Moonlit as', 'Rounded on'."""
    for upgrade in verbs().upgrade:
        if found := upgrade.regex.match(source):
            return {w.lower() for w in _TOKEN.findall(found.group(0))}
    return set()


def _known_compound(token: str, vocabulary: Vocabulary, neutral: frozenset[str]) -> bool:
    """'four-week', 'low-dose', 'T-cell': a compound whose every part is known, neutral or a number word."""
    parts = _parts(token)[1:]
    names = {p.lower() for p in re.split(r"[-/]", token) if _a_name(p)}  # "NeuroPace-funded": a name's part
    known = (
        p in neutral or p in _WORD_NUMBERS or p in _ORDINALS or p.isdigit() or vocabulary.has(p, loose=p not in names)
        for p in parts  # "1-in-4" (a 1:4 call), whose number the number rule judges
    )
    return bool(parts) and all(known)


_CHANGE = re.compile(
    r"→|->|\bfrom\b[^;]*\bto\b|\b(?:up|down) from\b|↓|↑"
    r"|\b(?:fell|rose|dropped|declined|reduced|cut|increased|decreased)\b"
    r"|\d\s*%?\s*(?:fewer|lower|higher|shorter|faster|less)\b",
    re.I,
)


def check(source: str, rewrite: str, context: str = "", plain: str = "", exempt: str = "") -> list[Problem]:
    """Why `rewrite` says something `source` does not, or drops what it says; empty when it is faithful.

    `plain`: the source with its shorthand spelled out (the glossary's words are no new claim). `context`:
    text the user stands behind as well (their answers, confirmed additions). `exempt`: the user's own
    words, which are theirs to say and are not checked.
    """
    problems: list[Problem] = []
    stands = f"{source} {plain} {context} {exempt}"
    if added := sorted(numbers(rewrite) - numbers(stands), key=float):
        problems.append(Problem("new number", tuple(added)))
    # a number the glossary's plain words leave out is no number dropped: "within 2/52" is "within 2 weeks"
    glossed = standalone_numbers(source) - numbers(plain) if plain else set()
    lost = sorted(
        (n for n in standalone_numbers(source) - numbers(rewrite) - glossed if not _covers(rewrite, n)), key=float
    )
    if lost:
        problems.append(Problem("dropped number", tuple(lost)))
    if _MONEY_OR_PERCENT.search(rewrite) and not _MONEY_OR_PERCENT.search(stands):
        problems.append(Problem("new money or percentage", ("%" if "%" in rewrite else "$",)))
    if unhedged := sorted(_hedged(source) - _hedged(f"{rewrite} {exempt}"), key=float):
        problems.append(Problem("dropped qualifier", tuple(f"about {n}" for n in unhedged)))
    said_units, had_units = counted_units(rewrite), counted_units(stands)
    # a count the source gives in another unit, or of another thing: "10 sessions" is no "10-week" course
    counted = {m for m, _ in had_units} | {m for m, _ in _counts(stands)}
    changed = sorted(f"{n} {u}" for n, u in said_units - had_units if n in counted)
    if changed:
        problems.append(Problem("changed unit", tuple(changed)))
    if changed_counts := sorted(_counts(rewrite) - _counts(stands) & _recounted(rewrite, stands)):
        problems.append(Problem("changed count", tuple(f"{n} {noun}" for n, noun in changed_counts)))
    spelled = " ".join(" ".join(spelled_out(a, rewrite) or []) for a in dict.fromkeys(_ACRONYM.findall(source)))
    if ranked := sorted(_ranks(rewrite) - _ranks(f"{stands}; {spelled}")):  # "best practice advisory" is a BPA
        problems.append(Problem("new ranking", tuple(ranked)))
    if new_periods := sorted(periods(rewrite) - periods(f"{stands}; {spelled}")):
        problems.append(Problem("changed period", tuple(f"per {p}" for p in new_periods)))
    if lost_periods := sorted(periods(source) - periods(f"{rewrite} {exempt}")):
        problems.append(Problem("dropped period", tuple(f"per {p}" for p in lost_periods)))

    vocabulary = Vocabulary(stands)
    acronyms = dict.fromkeys(_ACRONYM.findall(f"{source} {plain}") + _joined_acronyms(source))
    expansions = {w for acronym in acronyms for w in spelled_out(acronym, rewrite) or []}
    vocabulary.add(expansions)
    vocabulary.add(_readings(source))
    vocabulary.add(_acts(source))
    tokens = _TOKEN.findall(rewrite)
    # The rewrite's words its source has only written short or as initials count as the source's own for the
    # roles ("Course dir." is a director, "APD" an associate program director); a word it merely shares a stem
    # with ("co-chair" for "chaired") does not.
    shortened = Vocabulary(source, plain).short
    # an acronym after "co-" or "sub-" is said with it: "Co-PI" spelled out is no principal investigator
    bare = {
        w
        for acronym in acronyms
        if not re.search(rf"\b(?:co|sub|vice)-{re.escape(acronym)}\b", source, re.IGNORECASE)
        for w in spelled_out(acronym, rewrite) or []
    }
    said_short = " ".join(t for t in tokens if t in bare or any(_abbreviates(short, t) for short in shortened))
    held = _rungs(f"{stands} {said_short}")
    allowed = _neutral() | (frozenset(data().change) if _CHANGE.search(stands) else frozenset())
    if re.search(r"\d\s*%|→|↑|↓", stands):
        allowed |= frozenset(data().result)
    if _leads(held):
        allowed |= frozenset(data().leads)
    if re.search(r"[<>≤≥]", stands):
        allowed |= frozenset(data().comparison)
    lemmas = _neutral_lemmas()
    implied = _implied_fields(f"{source} {plain}")
    new_words = [
        t
        for i, t in enumerate(tokens)
        if t.lower() not in allowed
        and not vocabulary.has(t, loose=not _a_name(t))
        # a field the line implies, named as its field, never as a partner: "with radiation oncology" is new
        and not (t.lower() in implied and not _as_a_partner(tokens, i))
        and not _known_compound(t, vocabulary, allowed)
        and not _lemma_forms(t.lower()) & lemmas
        and not _joined(tokens, i, vocabulary)
    ]
    if new_words:
        problems.append(Problem("new words", tuple(dict.fromkeys(new_words))))
    raised = [
        match.group(0)
        for ladder, was, now in zip(_ladders(), _held(held), _rungs(rewrite), strict=True)
        if now > was and (match := ladder[now].search(rewrite))
    ]
    raised += _modest_dropped(f"{source} {plain}", rewrite) + _co_dropped(source, rewrite, plain)
    if raised:
        problems.append(Problem("role raised", tuple(dict.fromkeys(raised))))
    rewrite_words = Vocabulary(rewrite)
    if dropped := [n for n in _names(source) if not _said(n, rewrite, rewrite_words, plain or source)]:
        problems.append(Problem("dropped name", tuple(dropped)))
    from translator.mapping.rewrite import shorthand

    # scope the glossary spelled out is the shorthand rule's ("inpts" is "inpatients"), unless it kept it ("Site
    # PI" is a site principal investigator)
    glossed = {w for short, said in shorthand(source) for w in _scope_words(short) - _scope_words(said)}
    if scope := sorted(_scope_words(source) - _scope_words(rewrite) - glossed):
        problems.append(Problem("dropped scope", tuple(scope)))
    if qualifiers := [q for q in _qualifiers(source) if not _qualifier_said(q, rewrite_words, rewrite, source)]:
        problems.append(Problem("dropped qualifier", tuple(qualifiers)))
    # What the source's shorthand stands for survives, as written or spelled out: "ex-preemies" is "preterm
    # infants", not "infants".
    lost_words = _shorthand_lost(source, rewrite, rewrite_words) + _content_lost(source, rewrite, rewrite_words)
    if lost_words:
        problems.append(Problem("dropped words", tuple(dict.fromkeys(lost_words))))
    return problems


def _content_lost(source: str, rewrite: str, rewrite_words: Vocabulary) -> list[str]:
    """The source's own words a rewrite leaves out: 'battery recycling plant', 'swing beds', 'volunteer',
    'voclosporin'. Names and acronyms are the name rule's, shorthand the glossary's; the verbs an editor swaps
    ('reads' → 'interpret', 'given' → 'administered') and the neutral words may go; a short form is said by the
    word it shortens, shorthand with several readings by any of them."""
    from translator.mapping.english import _lemmas
    from translator.mapping.rewrite import shorthand

    tokens = [part for token in _TOKEN.findall(rewrite) for part in _parts(token)]
    lemmas = _neutral_lemmas()
    short = {w.lower() for written, _ in shorthand(source) for w in _TOKEN.findall(written)}
    readings = data().readings
    lost = []
    upgraded = _upgraded_opening(source)
    for i, token in enumerate(_TOKEN.findall(source)):
        if (i == 0 and "VERB" in _lemmas(token)) or token.lower() in upgraded:
            continue  # the opening verb is the editor's to choose ("Cut" → "Reduced", "Moonlit" → "Provided")
        written = token[0].lower() + token[1:] if i == 0 else token  # the opening word's capital is the line's
        if any(c.isupper() for c in written) or token.lower() in short:
            continue
        said_as = readings.get(token.lower(), []) + data().acts.get(token.lower().removesuffix("s"), [])
        if any(rewrite_words.has(w) for w in said_as):
            continue
        parts = _parts(token)
        for word in parts[1:] if len(parts) > 1 else parts:
            if len(word) < 3 or word in _neutral() or _lemma_forms(word) & lemmas or rewrite_words.has(word):
                continue
            if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", rewrite, re.IGNORECASE):
                continue
            phrasal = re.fullmatch(r"([a-z]{3,}?)(out|up|off|over|down|through|around)", word)
            if phrasal and phrasal.group(2) in tokens and rewrite_words.has(phrasal.group(1)):
                continue  # "rollout" said as "rolled out", "workup" as "worked up"
            if not any(_abbreviates(word, t) for t in tokens):
                lost.append(word)
    return lost


# ---------------------------------------------------------------------------------------------------------------
# what a model wrote: a bullet's rewrite, its additions, the profile texts
# ---------------------------------------------------------------------------------------------------------------

MAX_WORDS = 40


def review_rewrite(source: str, rewrite: str) -> str | None:
    """Why a model's rewrite of `source` cannot be used (the report's fallback_reason); None when it can."""
    from translator.mapping.rewrite import apply_glossary

    text = rewrite.strip()
    if not text:
        return "empty rewrite"
    if _PLACEHOLDER.search(text):
        return "keeps a redaction placeholder"
    words = len(text.split())
    if words > max(MAX_WORDS, 2 * len(source.split()) + 8):
        return f"too long ({words} words)"
    return reasons(check(source, text, plain=apply_glossary(source, known=True))) or None


def review_addition(addition: str, rewrite: str) -> bool:
    """An addition a model offers is a short continuation with no figures: the user types their own numbers.
    It is offered, not asserted; the user's confirmation stands behind its words."""
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
    """Why a headline, About, Summary or message cannot be used; `evidence` is the whole CV, `context` what
    else stands behind a text (the rules' own drafts, the user's answers). A text need not repeat every number
    of the CV, but every number, count, field and word it has must be the CV's or the context's."""
    if not text.strip():
        return "empty"
    if len(text) > limit:
        return f"longer than {limit} characters"
    if _PLACEHOLDER.search(text):
        return "keeps a redaction placeholder"
    stands = f"{evidence}\n{context}"
    problems = []
    if added := sorted(numbers(text) - numbers(stands), key=float):
        problems.append(Problem("new number", tuple(added)))
    if _MONEY_OR_PERCENT.search(text) and not _MONEY_OR_PERCENT.search(stands):
        problems.append(Problem("new money or percentage", ("%",)))
    vocabulary = Vocabulary(stands)
    allowed = _neutral() | _framing()
    new_words = [t for t in _TOKEN.findall(text) if t.lower() not in allowed and not vocabulary.has(t)]
    if new_words:
        problems.append(Problem("new words", tuple(dict.fromkeys(new_words))))
    if fields := sorted(_fields_named(text) - _fields_named(stands)):
        problems.append(Problem("new field", tuple(fields)))
    # A number somewhere in a long CV does not make every use of it true: "15 years" needs "15 years".
    if unsupported := sorted(_counted(text) - _counted(stands)):
        problems.append(Problem("new count", tuple(unsupported)))
    return reasons(problems) or None


@cache
def _framing() -> frozenset[str]:
    return frozenset(data().framing)


def _fields_named(text: str) -> set[str]:
    """Specialties and therapeutic areas a text names ("oncology", "cardiovascular medicine")."""
    from translator.specialties import specialties

    data_ = specialties()
    names = {*data_.person, *data_.area.values()}
    lowered = text.lower()
    return {n for n in names if n and re.search(rf"\b{re.escape(n)}\b", lowered)}


_COUNT = re.compile(r"(\d+(?:[,.]\d+)*)(?:\s*[-–]\s*\d+(?:[,.]\d+)*)?[ \t]*\+?[ \t]*([A-Za-z]+)")  # on one line


def _counted(text: str) -> set[str]:
    """Each number with the word it counts: {"15 years", "16 hospitalized"}; a year counts nothing."""
    return {
        f"{m.group(1)} {m.group(2).lower()[:5]}"
        for m in _COUNT.finditer(text)
        if not re.fullmatch(r"(?:19|20)\d{2}", m.group(1))
    }
