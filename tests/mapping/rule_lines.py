"""The project's own lines the rule data is measured on: the development sets, the guard table's sources and the
duties of every fixture CV (the held-out sets are never read here)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"


@cache
def project_lines() -> tuple[str, ...]:
    from translator.errors import TranslatorError
    from translator.parse import read_cv

    lines: list[str] = []
    for path in sorted([*(FIXTURES / "eval").glob("*.jsonl"), FIXTURES / "guard" / "guard_dev.jsonl"]):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                lines.append(row.get("text") or row["source"])
    cvs = [
        *(FIXTURES / "cvs").rglob("*.*"),
        *(FIXTURES / "unseen").glob("[wtp]_*.*"),
        *(FIXTURES / "targets").glob("*.*"),
    ]
    for path in sorted(cvs):
        if path.suffix not in {".docx", ".pdf", ".txt", ".md"}:
            continue
        try:
            cv = read_cv(path)
        except TranslatorError:
            continue
        lines += [bullet.text for _, _, bullet in cv.all_bullets()]
    return tuple(lines)
