"""Personal details never leave the machine: replaced by placeholders before sending, restored after.

What is redacted: the physician's name, email addresses, phone numbers, street addresses, licence, NPI
and DEA numbers, and anything patient-like (MRNs, dates of birth, SSNs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from translator.models import Profile

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("EMAIL", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("URL", re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)),
    (
        "MRN",
        re.compile(r"\b(?:MRN|medical record (?:number|no\.?)|record #)\s*[:#]?\s*[A-Z]*\d[\d-]*", re.IGNORECASE),
    ),
    (
        "DOB",
        re.compile(
            r"\b(?:DOB|D\.O\.B\.|date of birth|born)\s*[:,]?\s*"
            r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|[A-Z][a-z]+\.? \d{1,2},? \d{4})",
            re.IGNORECASE,
        ),
    ),
    ("SSN", re.compile(r"\b\d{3}-\d{2}-\d{4}\b")),
    ("NPI", re.compile(r"\bNPI\s*(?:number|no\.?|#)?\s*[:#]?\s*\d{10}\b", re.IGNORECASE)),
    ("DEA", re.compile(r"\bDEA\s*(?:number|no\.?|#)?\s*[:#]?\s*[A-Z]{2}\d{7}\b", re.IGNORECASE)),
    (
        "LICENCE",
        re.compile(
            r"\b(?:licen[cs]e|lic\.?)\s*(?:number|no\.?|#)?\s*[:#]?\s*(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{3,}\b",
            re.IGNORECASE,
        ),
    ),
    (
        "PHONE",
        re.compile(r"(?<![\w.])(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}(?![\w.])"),
    ),
    (
        "ADDRESS",
        re.compile(
            r"\b\d{1,6}\s+(?:[A-Z][a-z]+\.?\s+){1,4}"
            r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Court|Ct|Way|Place|Pl|Terrace)\b\.?",
        ),
    ),
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
