"""Load the rule, glossary and verb files into strict models; a typo fails at load, file and field named."""

from __future__ import annotations

from functools import cache, cached_property
from pathlib import Path

from pydantic import Field, field_validator

from translator.data_files import load_toml
from translator.errors import ConfigError
from translator.mapping.patterns import IGNORECASE, AnyOf, Regex, check, regex
from translator.models import Competency, StrictModel

DATA_DIR = Path(__file__).resolve().parent / "data"


class Example(StrictModel):
    source: str
    rewrite: str


class Addition(StrictModel):
    """Words a reframing would add to a bullet: offered to the user, never asserted without them.

    Offered only where the bullet is `about` that kind of work (one pattern matches), is not about something
    that only looks alike (`not_about`), and does not say it already (`says_already`). `fits` and `excluded`
    are bullets of the data's own that show where it belongs and where not; the tests hold them to it.
    """

    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    question: str
    words: str
    about: list[str] = Field(min_length=1)
    not_about: list[str] = Field(default_factory=list)
    says_already: list[str] = Field(default_factory=list)
    fits: list[str] = Field(min_length=1)
    excluded: list[str] = Field(min_length=1)

    @field_validator("about", "not_about", "says_already")
    @classmethod
    def _valid_regexes(cls, value: list[str]) -> list[str]:
        return [check(pattern) for pattern in value]

    @cached_property
    def _regexes(self) -> tuple[AnyOf, AnyOf, AnyOf]:
        return AnyOf(self.about), AnyOf(self.not_about), AnyOf(self.says_already)

    def fits_bullet(self, text: str, plain: str | None = None) -> bool:
        """`text` as written and, when given, with its shorthand in plain words: about this kind of work in
        either, and neither about something else nor saying it already."""
        about, not_about, says = self._regexes
        forms = [text] if plain is None or plain == text else [text, plain]
        if not any(about.search(f) for f in forms):
            return False
        return not any(not_about.search(f) or says.search(f) for f in forms)

    def is_about(self, text: str) -> bool:
        """Whether a piece of the bullet (one of its clauses) is about this kind of work."""
        return bool(self._regexes[0].search(text))


class AdditionFile(StrictModel):
    addition: list[Addition]


class InContext(StrictModel):
    """An entry used only where the bullet speaks of what it is about (`when`, any of them; none for any bullet)
    and never where it says otherwise or already says it (`unless`): a sense of shorthand, a question."""

    when: list[str] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)
    # whether what the post's other lines say counts for `unless` (a trial's phase in its title does; another
    # talk's meeting does not name this talk's audience)
    around: bool = True

    @field_validator("when", "unless")
    @classmethod
    def _valid_regexes(cls, value: list[str]) -> list[str]:
        return [check(pattern) for pattern in value]

    @cached_property
    def _context(self) -> tuple[AnyOf, AnyOf]:
        return AnyOf(self.when), AnyOf(self.unless)

    def applies_to(self, text: str) -> bool:
        if not (self.when or self.unless):
            return True
        when, unless = self._context
        return not unless.search(text) and (not self.when or bool(when.search(text)))

    def said_in(self, context: str) -> bool:
        """The lines around the bullet already say what it asks for (`unless`): the post's title and its other
        duties ("Site PI — VASO-SHIELD Phase III Trial" names the phase; "Enrolled 47 patients" the enrolment)."""
        return bool(self.around and self.unless and context and self._context[1].search(context))


class Question(InContext):
    """A question the report asks: only of a bullet that speaks of what it asks about, never when the bullet
    already says what it asks for."""

    text: str


class Rule(StrictModel):
    id: str
    experience: str
    priority: int
    reason: str | None = Field(default=None, description="Why patterns that match few lines are kept.")
    competencies: list[Competency]
    patterns: list[str] = Field(min_length=1)
    unless: list[str] = Field(default_factory=list)
    offers: list[str] = Field(default_factory=list, description="Ids of additions (additions.toml) it may offer.")
    questions: list[Question] = Field(default_factory=list)
    examples: list[Example] = Field(default_factory=list)

    @field_validator("patterns", "unless")
    @classmethod
    def _valid_regexes(cls, value: list[str]) -> list[str]:
        return [check(pattern) for pattern in value]

    @cached_property
    def _regexes(self) -> tuple[AnyOf, AnyOf]:
        # Made once per rule: matching is the hot path (every rule, every bullet).
        return AnyOf(self.patterns), AnyOf(self.unless)

    def matches(self, text: str) -> bool:
        patterns, unless = self._regexes
        return patterns.search(text) and not unless.search(text)

    def offers_for(self, text: str, plain: str | None = None) -> list[Addition]:
        """The additions this rule may offer that fit the bullet (as written, and in plain words)."""
        known = additions()
        return [known[i] for i in self.offers if known[i].fits_bullet(text, plain)]


class RuleFile(StrictModel):
    rule: list[Rule]


class PatternEntry(StrictModel):
    """A data-file entry built around one regular expression: checked at load, compiled on first use."""

    pattern: str

    @field_validator("pattern")
    @classmethod
    def _valid_regex(cls, value: str) -> str:
        return check(value)

    @property
    def regex(self) -> Regex:
        return regex(self.pattern)


class Term(PatternEntry, InContext):
    """One piece of shorthand and its plain words. Shorthand with several senses ("PT", "sign-out", "MS")
    has a term per sense, each used only when the bullet says what it is about (`when`, any of them) and
    never when it says otherwise (`unless`); with no clue the shorthand stays as written."""

    replace: str
    plural: str | None = Field(default=None, description="The plain words after a count (same shorthand for both).")
    keep: bool = Field(default=False, description="Industry reads it as written: rewrites keep it, the guard knows it.")
    case_sensitive: bool = False
    reason: str | None = Field(default=None, description="Why the term is kept though few lines use it.")

    @property
    def regex(self) -> Regex:
        return regex(self.pattern, 0 if self.case_sensitive else IGNORECASE)


class Glossary(StrictModel):
    term: list[Term]


class Upgrade(StrictModel):
    opening: str
    verb: str

    @field_validator("opening")
    @classmethod
    def _valid_regex(cls, value: str) -> str:
        check(rf"^(?:{value})")
        return value

    @property
    def regex(self) -> Regex:
        return regex(rf"^(?:{self.opening})")


class Roles(StrictModel):
    nouns: list[str]
    membership: list[str]
    named_bodies: list[str]
    bodies: list[str]
    person_suffixes: list[str]


class NounOpening(PatternEntry):
    verb: str


class Verbs(StrictModel):
    uncountable: list[str]
    nominalizations: dict[str, str]
    participle_adjectives: list[str]
    verb_phrases: list[str]
    countable_objects: list[str]
    change_nouns: list[str] = Field(description="Nouns of changing a thing that may close a bullet's leading phrase.")
    upgrade: list[Upgrade]
    roles: Roles
    present_openings: list[str]
    verb_openings: list[str] = Field(description="Words that open a duty as a verb whatever follows them.")
    label_verbs: dict[str, str]
    noun_opening: list[NounOpening]


@cache
def rules() -> tuple[Rule, ...]:
    loaded: RuleFile = load_toml(DATA_DIR / "rules.toml", RuleFile)
    ids = [r.id for r in loaded.rule]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise ConfigError(f"rules.toml: duplicate rule ids: {', '.join(sorted(dupes))}")
    unknown = sorted({o for r in loaded.rule for o in r.offers} - set(additions()))
    if unknown:
        raise ConfigError(f"rules.toml: offers name unknown additions: {', '.join(unknown)}")
    return tuple(sorted(loaded.rule, key=lambda r: -r.priority))


@cache
def additions() -> dict[str, Addition]:
    loaded: AdditionFile = load_toml(DATA_DIR / "additions.toml", AdditionFile)
    ids = [a.id for a in loaded.addition]  # the answers file names them alone
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise ConfigError(f"additions.toml: duplicate ids: {', '.join(sorted(dupes))}")
    return {a.id: a for a in loaded.addition}


@cache
def glossary() -> tuple[Term, ...]:
    loaded: Glossary = load_toml(DATA_DIR / "glossary.toml", Glossary)
    return tuple(loaded.term)


@cache
def verbs() -> Verbs:
    loaded: Verbs = load_toml(DATA_DIR / "verbs.toml", Verbs)
    return loaded
