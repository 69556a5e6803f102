"""Load the rule, glossary and verb files into strict models; a typo fails at load, file and field named."""

from __future__ import annotations

import sys
from functools import cache, cached_property
from pathlib import Path
from typing import Any, TypeVar

from pydantic import Field, ValidationError, field_validator

from translator import models
from translator.errors import ConfigError
from translator.mapping import patterns
from translator.mapping.patterns import IGNORECASE, AnyOf, Regex, check, regex
from translator.memo import read_toml, source_digest
from translator.models import Competency, StrictModel

M = TypeVar("M", bound=StrictModel)

DATA_DIR = Path(__file__).resolve().parent / "data"


class Example(StrictModel):
    source: str
    rewrite: str


class Offer(StrictModel):
    """Words a reframing would add to a bullet: offered to the user, never asserted without them.

    `when`/`unless`: regular expressions on the bullet; the offer is made when one of `when` matches (or
    `when` is empty) and none of `unless` does — not to a bullet that already says it.
    """

    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    question: str
    addition: str
    when: list[str] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)

    @field_validator("when", "unless")
    @classmethod
    def _valid_regexes(cls, value: list[str]) -> list[str]:
        return [check(pattern) for pattern in value]

    @cached_property
    def _regexes(self) -> tuple[AnyOf, AnyOf]:
        return AnyOf(self.when), AnyOf(self.unless)

    def applies_to(self, text: str) -> bool:
        when, unless = self._regexes
        if unless.search(text):
            return False
        return not self.when or when.search(text)


class Rule(StrictModel):
    id: str
    experience: str
    priority: int
    competencies: list[Competency]
    patterns: list[str] = Field(min_length=1)
    unless: list[str] = Field(default_factory=list)
    opening: str | None = None
    offers: list[Offer] = Field(default_factory=list)
    questions: list[str] = Field(default_factory=list)
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

    def offers_for(self, text: str) -> list[Offer]:
        return [offer for offer in self.offers if offer.applies_to(text)]


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


class Term(PatternEntry):
    replace: str
    case_sensitive: bool = False

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
    joins: dict[str, str]
    person_suffixes: list[str]
    no_article_heads: list[str]
    no_article_openings: list[str]


class NounOpening(PatternEntry):
    verb: str


class Verbs(StrictModel):
    uncountable: list[str]
    nominalizations: dict[str, str]
    participle_adjectives: list[str]
    verb_phrases: list[str]
    countable_objects: list[str]
    upgrade: list[Upgrade]
    roles: Roles
    noun_opening: list[NounOpening]


def render_validation_error(label: str, exc: ValidationError) -> str:
    """One line for all problems, as 'file: field.path: message; …'."""
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"])
        parts.append(f"{label}: {where}: {err['msg']}")
    return "; ".join(parts)


def load_toml(path: Path, model: type[M]) -> M:
    """The data file validated into `model`, or one ConfigError naming the file and the field.

    The validated value is kept between runs (memo.read_toml) under a digest of the file's text and of the
    code that defines and checks the model: its module, translator.models, this module, the pattern checks,
    and pydantic's version. A file with a mistake raises every time: errors are never kept.
    """
    import pydantic

    code = (sys.modules[model.__module__].__file__, models.__file__, __file__, patterns.__file__)

    def validated(raw: Any) -> M:
        try:
            return model.model_validate(raw)
        except ValidationError as exc:
            raise ConfigError(render_validation_error(path.name, exc)) from exc

    try:
        loaded: M = read_toml(path, validated, depends_on=(source_digest(*code), pydantic.VERSION))
    except (OSError, ValueError) as exc:  # tomllib.TOMLDecodeError is a ValueError
        raise ConfigError(f"{path.name}: {exc}") from exc
    return loaded


@cache
def rules() -> tuple[Rule, ...]:
    loaded: RuleFile = load_toml(DATA_DIR / "rules.toml", RuleFile)
    for kind, ids in (
        ("rule ids", [r.id for r in loaded.rule]),
        ("offer ids", [o.id for r in loaded.rule for o in r.offers]),  # the answers file names them alone
    ):
        dupes = {i for i in ids if ids.count(i) > 1}
        if dupes:
            raise ConfigError(f"rules.toml: duplicate {kind}: {', '.join(sorted(dupes))}")
    return tuple(sorted(loaded.rule, key=lambda r: -r.priority))


@cache
def glossary() -> tuple[Term, ...]:
    loaded: Glossary = load_toml(DATA_DIR / "glossary.toml", Glossary)
    return tuple(loaded.term)


@cache
def verbs() -> Verbs:
    loaded: Verbs = load_toml(DATA_DIR / "verbs.toml", Verbs)
    return loaded
