"""Answers kept on disk, keyed by endpoint, model, prompt version and the exact request: a rerun sends nothing.

The folder is the user cache folder (CV_TRANSLATOR_CACHE overrides it). Only redacted requests' answers
are stored; a corrupt entry is treated as missing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path
from typing import Any

from translator.resources import cache_dir


def key_for(*parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


class AnswerCache:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or cache_dir() / "llm"

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            value = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return value if isinstance(value, dict) else None

    def put(self, key: str, value: dict[str, Any]) -> None:
        """Best effort: a cache that cannot be written costs a request next time, nothing else."""
        from translator.memo import write_json

        with contextlib.suppress(OSError):
            write_json(self.folder / f"{key}.json", value)
