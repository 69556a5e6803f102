"""The specialties a physician may have, as data (data/specialties.toml) that the reader and the rules both
read: the names a CV uses for each, what people call its physician, and the therapeutic area industry files
it under."""

from __future__ import annotations

from functools import cache

from pydantic import Field, model_validator

from translator.data_files import DATA_DIR, load_toml
from translator.models import StrictModel


class SpecialtyFile(StrictModel):
    names: list[str]
    """Every specialty the reader recognises, lower-case, as a CV names it."""
    aliases: dict[str, str]
    """Other names a CV uses for one of `names`."""
    broad: list[str]
    """Broad specialties that a subspecialty refines."""
    joint: dict[str, list[str]]
    """A specialty people name as one that two boards held together make."""
    titles: list[str]
    initials: dict[str, str] = Field(default_factory=dict)
    """A specialty's initials as titles write them, matched as a word in capitals ("GP Principal (Partner)")."""
    person: dict[str, str]
    area: dict[str, str]

    @model_validator(mode="after")
    def _known(self) -> SpecialtyFile:
        joined = {name for parts in self.joint.values() for name in parts} | set(self.joint)
        unknown = sorted({*self.aliases.values(), *self.broad, *joined, *self.initials.values()} - set(self.names))
        if unknown:
            raise ValueError(f"not in names: {', '.join(unknown)}")
        return self


# British and Canadian spellings of the specialties' words, by their American ones' stems: the reader reads a
# "Paediatric" CV's specialty as the list writes it, and the texts say it back in the CV's own spelling.
BRITISH_SPELLINGS = {
    "paediatric": "pediatric",
    "haemat": "hemat",
    "anaesthe": "anesthe",
    "gynaecolog": "gynecolog",
    "orthopaedic": "orthopedic",
}


@cache
def specialties() -> SpecialtyFile:
    loaded: SpecialtyFile = load_toml(DATA_DIR / "specialties.toml", SpecialtyFile)
    return loaded
