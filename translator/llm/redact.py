"""Personal details never leave the machine: replaced by placeholders before sending, restored after.

What is redacted: the physician's name, email addresses, web and LinkedIn addresses, phone numbers, street
addresses, licence, NPI and DEA numbers, and a patient's details when a bullet tells a case (an age, a date of
service, a record or accession number, a room or bed, initials, a date of birth, an SSN). The patterns are the
identifiers module's, which the reader and the resume use too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from translator import identifiers
from translator.models import Profile

# The identifiers module's patterns, the patient's first: a case's date is redacted before it could look like
# anything else.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("EMAIL", identifiers.EMAIL),
    ("URL", identifiers.URL),
    ("URL", identifiers.LINKEDIN),  # "linkedin.com/in/jane-roe", written without "www." or "https://"
    ("URL", identifiers.GITHUB),  # "github.com/rlim-ecg", likewise
    ("MRN", identifiers.MRN),
    ("ACCESSION", identifiers.ACCESSION),
    ("DOB", identifiers.DOB),
    ("DATE", identifiers.SERVICE_DATE),
    ("AGE", identifiers.AGE),
    ("ROOM", identifiers.ROOM),
    ("INITIALS", identifiers.INITIALS),
    ("SSN", identifiers.SSN),
    ("NPI", identifiers.NPI),
    ("DEA", identifiers.DEA),
    ("LICENCE", identifiers.LICENCE),
    ("PHONE", identifiers.PHONE),
    ("ADDRESS", identifiers.STREET),
)


@dataclass
class Redactor:
    """Replaces personal details with numbered placeholders and keeps the originals to restore them."""

    names: tuple[str, ...] = ()
    found: dict[str, str] = field(default_factory=dict)  # placeholder → original

    @classmethod
    def for_profile(cls, profile: Profile) -> Redactor:
        return cls(names=_name_forms(profile.name))

    def redact(self, text: str) -> str:
        for kind, pattern in _PATTERNS:
            text = pattern.sub(partial(self._replace, kind), text)
        for name in self.names:
            text = re.sub(rf"(?<![\w\[]){re.escape(name)}(?!\w)", lambda m: self._placeholder("NAME", m.group(0)), text)
        return text

    def _replace(self, kind: str, match: re.Match[str]) -> str:
        return self._placeholder(kind, match.group(0))

    def redact_data(self, data: Any) -> Any:
        """Every string inside a JSON-like structure, redacted (before encoding: "\\n" hides word edges)."""
        if isinstance(data, str):
            return self.redact(data)
        if isinstance(data, list):
            return [self.redact_data(item) for item in data]
        if isinstance(data, dict):
            return {key: self.redact_data(value) for key, value in data.items()}
        return data

    def restore(self, text: str) -> str:
        for placeholder, original in self.found.items():
            text = text.replace(placeholder, original)
        return text

    def _placeholder(self, kind: str, original: str) -> str:
        for placeholder, seen in self.found.items():
            if seen == original:
                return placeholder
        placeholder = f"[{kind}-{sum(p.startswith(f'[{kind}-') for p in self.found) + 1}]"
        self.found[placeholder] = original
        return placeholder


def _name_forms(name: str | None) -> tuple[str, ...]:
    """The full name, then the surname: "Dr. Jane Q. Doe, MD" → ("Jane Q. Doe", "Doe")."""
    if not name:
        return ()
    bare = re.sub(r"^(?:Dr\.?|Prof\.?)\s+|,.*$", "", name.strip()).strip()
    words = [w for w in bare.split() if len(w.strip(".")) > 1]
    forms = [bare, *(w for w in words if w[:1].isupper() and len(w) > 2)]
    return tuple(sorted(dict.fromkeys(forms), key=len, reverse=True))
