"""Data files read into strict models: a typo fails at load, with the file and the field named."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, Field, ValidationError

from translator import models
from translator.errors import ConfigError
from translator.memo import read_toml, source_digest
from translator.models import StrictModel

M = TypeVar("M", bound=StrictModel)

DATA_DIR = Path(__file__).resolve().parent / "data"
"""The data more than one part reads (the specialties); the rules' own files are in mapping/data."""

_PATTERN_CHECKS = Path(__file__).resolve().parent / "mapping" / "patterns.py"


def render_validation_error(label: str, exc: ValidationError) -> str:
    """One line for all problems, as 'file: field.path: message; …'."""
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"])
        parts.append(f"{label}: {where}: {err['msg']}")
    return "; ".join(parts)


def _defined_in(model: type[BaseModel]) -> tuple[str | None, ...]:
    """The source files of a model, of the models its fields hold and of their base classes: a field added to a
    base in another module (rule_files.InContext under roles.Ask) makes a kept value stale."""
    seen: set[type] = set()
    found: dict[str | None, None] = {}

    def visit(kind: object) -> None:
        if isinstance(kind, type) and issubclass(kind, BaseModel) and kind not in seen:
            seen.add(kind)
            for base in kind.__mro__:
                if base.__module__.startswith("translator"):
                    found[sys.modules[base.__module__].__file__] = None
            for field in kind.model_fields.values():
                for inner in (field.annotation, *get_args(field.annotation)):
                    for leaf in (inner, *get_args(inner)):
                        visit(leaf)

    visit(model)
    return tuple(found)


def load_toml(path: Path, model: type[M]) -> M:
    """The data file validated into `model`, or one ConfigError naming the file and the field.

    The validated value is kept between runs (memo.read_toml) under a digest of the file's text and of the
    code that defines and checks the model: its module, translator.models, this module, the pattern checks,
    and pydantic's version. A file with a mistake raises every time: errors are never kept.
    """
    import pydantic

    code = (*_defined_in(model), models.__file__, __file__, str(_PATTERN_CHECKS))

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


class PlaceFile(StrictModel):
    us_states: list[str]
    countries: list[str]
    # states and provinces of other countries, named in full after a city ("Brisbane, Queensland")
    regions: list[str] = Field(default_factory=list)
    # a phone number's calling code and the country it names ("27" → "South Africa")
    calling_codes: dict[str, str] = Field(default_factory=dict)
    # a country as its own people write it, and as an English resume names it ("Brasil" → "Brazil")
    country_names: dict[str, str] = Field(default_factory=dict)


@cache
def places() -> PlaceFile:
    """US states and countries as CVs write them in full: read by the contact block's reader and by LinkedIn's."""
    loaded: PlaceFile = load_toml(DATA_DIR / "places.toml", PlaceFile)
    return loaded
