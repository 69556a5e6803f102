"""Word classes, inflections and articles, from the lemminflect lexicon (loaded on first use)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Literal

from translator.memo import DiskMemo

Opening = Literal["past", "verb", "noun"]

# Words after an opening word that make it a verb's object ("Review the charts", "Supervise 4 residents").
_OBJECT_START = frozenset(
    [
        "the",
        "a",
        "an",
        "all",
        "each",
        "every",
        "this",
        "these",
        "those",
        "our",
        "their",
        "his",
        "her",
        "my",
        "its",
        "several",
        "multiple",
        "new",
        "weekly",
        "daily",
        "monthly",
        "quarterly",
        "yearly",
        "annually",
        "regularly",
        "both",
        "over",
        "up",
    ]
)
# Words after an opening word that make it a noun ("Review of", "Lecture on").
_PREPOSITIONS = frozenset(["of", "for", "on", "about", "at", "in", "to", "with", "from", "by", "during", "as"])


class _Memo(DiskMemo):
    """Lexicon answers kept in the user's cache folder: loading lemminflect's tables costs ~0.3 s a run,
    a CV asks about a few dozen words, and the answers never change for one version of the lexicon."""

    def __init__(self) -> None:
        super().__init__(self._filename)

    @staticmethod
    def _filename() -> str:
        """Named by the installed lexicon's files (where, size and time), looked up without importing it or
        asking importlib.metadata for its version (~2.5 ms): a new install of lemminflect gets a new memo."""
        import hashlib
        import importlib.util

        spec = importlib.util.find_spec("lemminflect")
        if spec is None or spec.origin is None:
            return "lexicon-missing.json"  # lemminflect is a dependency; without it the lexicon's own error shows
        stat = Path(spec.origin).stat()
        key = f"{spec.origin}:{stat.st_size}:{stat.st_mtime_ns}"
        return f"lexicon-{hashlib.sha256(key.encode()).hexdigest()[:16]}.json"


_MEMO = _Memo()


def preload() -> None:
    """Read the lexicon answers kept from earlier runs (done while a child process reads the CV)."""
    _MEMO.preload()


def _all_lemmas(word: str) -> dict[str, list[str]]:
    from lemminflect import getAllLemmas

    return {k: list(v) for k, v in getAllLemmas(word).items()}


def _inflection(lemma: str, tag: str) -> list[str]:
    from lemminflect import getInflection

    return list(getInflection(lemma, tag=tag))


@cache
def _lemmas(word: str) -> dict[str, tuple[str, ...]]:
    lowered = word.lower()
    found = {k: tuple(v) for k, v in _MEMO.get(f"L:{lowered}", lambda: _all_lemmas(lowered)).items()}
    if not found and lowered.startswith("co-"):  # co-chaired, co-led: the lexicon knows the root
        root = _lemmas(word[3:])
        return {k: tuple(f"co-{v}" for v in vs) for k, vs in root.items()}
    if not found and lowered.startswith("re") and len(lowered) > 6:  # recertify, revalidated: a verb done again
        verbs = _lemmas(word[2:]).get("VERB")
        return {"VERB": tuple(f"re{v}" for v in verbs)} if verbs else {}
    return found


def _inflect(lemma: str, tag: str) -> str | None:
    if lemma.startswith("co-"):  # the root's own forms: co-lead → co-led, not the regular "co-leaded"
        root = _inflect(lemma[3:], tag)
        if root:
            return f"co-{root}"
    forms: list[str] = _MEMO.get(f"I:{lemma}:{tag}", lambda: _inflection(lemma, tag))
    return forms[0] if forms else None


def verb_lemma(word: str) -> str | None:
    lemmas = _lemmas(word).get("VERB")
    return lemmas[0] if lemmas else None


def is_past_verb(word: str) -> bool:
    """'Led', 'taught', 'co-chaired': a verb in the simple past."""
    lemma = verb_lemma(word)
    return lemma is not None and (_inflect(lemma, "VBD") or "").lower() == word.lower()


def is_participle(word: str) -> bool:
    """'Set', 'run', 'led': a verb's past participle ("I have set up …")."""
    lemma = verb_lemma(word)
    return lemma is not None and (_inflect(lemma, "VBN") or "").lower() == word.lower()


def past_tense(word: str) -> str | None:
    """The simple past of any form of a verb ('teaching' → 'taught'); None for a word that is no verb."""
    lemma = verb_lemma(word)
    return _inflect(lemma, "VBD") if lemma else None


def gerund(word: str) -> str | None:
    lemma = verb_lemma(word)
    return _inflect(lemma, "VBG") if lemma else None


def is_known(word: str) -> bool:
    """Whether the lexicon knows the word at all: drug names and most clinical jargon it does not."""
    return bool(_lemmas(word))


def is_noun(word: str) -> bool:
    return "NOUN" in _lemmas(word)


def is_verb_or_adjective(word: str) -> bool:
    return bool({"VERB", "ADJ"} & _lemmas(word).keys())


def is_plural_noun(word: str) -> bool:
    nouns = _lemmas(word).get("NOUN") or ()
    return len(nouns) > 0 and nouns[0] != word.lower()


def starts_object(word: str) -> bool:
    """A word that opens a verb's object: an article, a determiner, a number ("Implant 150 …", "Hold a …")."""
    return word.lower() in _OBJECT_START or word[:1].isdigit()


# Nouns that take a number as their label ("Phase 3", "Level I", "Type 2", "Step 1"), where the lexicon also
# knows a verb: before their number they are no act.
NUMBERED = frozenset(
    ["level", "phase", "type", "stage", "grade", "class", "tier", "part", "step", "division", "title", "round", "wave"]
)
_A_LABEL_NUMBER = re.compile(r"(?:\d+[a-z]?|[IVX]+[ab]?)(?:[/-](?:\d+|[IVX]+)[ab]?)?")


def opening_class(first: str, second: str | None, joined: bool = True) -> Opening:
    """Whether a bullet's first word is a past-tense verb, another verb form, or begins a noun phrase.

    `second` is the next word; `joined` is False when punctuation separates the two ("Research: …").
    """
    lemmas = _lemmas(first)
    if "VERB" not in lemmas:
        return "noun"
    if is_past_verb(first):
        return "past"
    if not joined:
        return "noun"  # "Lectures: 14 talks …", "Research, 2019–2021": a heading-like noun
    other = {"NOUN", "ADJ"} & lemmas.keys()
    if not other:
        return "verb"
    if second is None:
        return "noun"
    nxt = second.lower()
    if nxt in _PREPOSITIONS:
        # "Lectures to residents" is a verb (the lexicon has no plural noun "lectures"); "Review of" is not.
        return "verb" if "NOUN" not in lemmas and first.lower().endswith("s") else "noun"
    if first.lower() in NUMBERED and _A_LABEL_NUMBER.fullmatch(second.rstrip(",;:")):
        return "noun"  # "Phase 3, randomized …", "Step 2 CK", "Level II trauma center": a thing and its number
    if nxt in _OBJECT_START or nxt[:1].isdigit():
        return "verb"
    if {"ADV"} == _lemmas(nxt).keys():  # "Present regularly to …": an adverb follows a verb
        return "verb"
    if first.lower().endswith("ing"):
        # "Teaching residents" acts; "Teaching award" names a thing.
        return "verb" if is_plural_noun(nxt) else "noun"
    # "Review charts", "Train residents": a base verb and its plural object. "Chart review", "Abstract
    # presentation": a noun compound.
    return "verb" if is_plural_noun(nxt) and "ADJ" not in lemmas else "noun"


_VOWEL_SOUND_LETTERS = set("AEFHILMNORSX")  # acronyms read letter by letter: "an MRI", "an ICU", "an NIH grant"
_CONSONANT_SOUND_VOWELS = re.compile(r"^(?:uni|use|usu|uti|ure|uro|eu|one\b|once\b)", re.IGNORECASE)
_VOWEL_SOUND_CONSONANTS = re.compile(r"^(?:hour|honor|honest|heir)", re.IGNORECASE)


def indefinite_article(phrase: str) -> str:
    """'a' or 'an' by the sound of the phrase's first word."""
    word = phrase.split(" ", 1)[0].strip("(\"',;:.")
    if not word:
        return "a"
    if len(word) > 1 and word.isupper() and word.isalpha():
        if len(word) >= 4 and word[1] in "AEIOU" and word[0] not in "AEIOU":
            return "a"  # said as a word: "a MIGS program", "a NICU", "a HIPAA review"
        return "an" if word[0] in _VOWEL_SOUND_LETTERS else "a"
    if word[:1].isdigit():
        return "an" if re.match(r"^(?:8|11|18)(?!\d)|^8\d", word) else "a"
    if _VOWEL_SOUND_CONSONANTS.match(word):
        return "an"
    if word[:1].lower() in "aeiou" and not _CONSONANT_SOUND_VOWELS.match(word):
        return "an"
    return "a"


def listing(items: list[str]) -> str:
    """ "a, b and c"; with a comma before the last "and" when an item has its own ("informatics and digital
    work, and quality improvement")."""
    if len(items) == 1:
        return items[0]
    last = ", and " if any(" and " in item for item in items) else " and "
    return ", ".join(items[:-1]) + last + items[-1]


def lower_first(text: str) -> str:
    """Lower-case the first word unless it is an acronym or a name-like token (ICU, PCORI-funded)."""
    words = text.split(" ", 2)
    first = words[0]
    if len(first) > 1 and (first[:2].isupper() or any(c.isdigit() or c.isupper() for c in first[1:])):
        return text  # "ICU", "PCORI-funded", "NeurIPS", "McMaster": capitals inside keep the word as written
    if (
        len(words) > 1 and words[1][:1].isupper() and words[1][1:2].islower() and not first.endswith((",", ":", ";"))
    ):  # a name: "Pharmacy and Therapeutics Committee" (not "Weekly OTVs": an acronym follows)
        return text
    if len(words) > 2 and words[1] in {"and", "of", "&"} and words[2][:1].isupper():
        return text
    return text[:1].lower() + text[1:]


def lower_words(text: str) -> str:
    """Lower-case words, not acronyms: "Grand Rounds" → "grand rounds", "CME" stays."""
    return " ".join(w if sum(c.isupper() for c in w) > 1 else w.lower() for w in text.split(" "))


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]
