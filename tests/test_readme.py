"""The README's before/after excerpt is what the engine really produces today."""

from __future__ import annotations

import re

from tests.conftest import ROOT
from translator.mapping.translate import translate_bullet


def test_readme_before_and_after_table_is_real_output() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Before and after", 1)[1].split("\n## ", 1)[0]
    rows = [r for r in section.splitlines() if r.startswith("| ") and not r.startswith(("| before", "|---"))]
    assert len(rows) >= 4
    for row in rows:
        before, after, shows = (cell.strip() for cell in row.strip("|").split("|"))
        result = translate_bullet(before)
        assert result.rewrite == after
        listed = sorted(re.findall(r"cross-functional|data|communication|projects", shows))
        assert listed == sorted(c.replace("_", "-") for c in result.competencies)


def test_readme_quick_start_has_the_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert re.findall(r"^make (\w+)", quick, flags=re.MULTILINE) == ["demo", "test"]


def test_the_readme_is_for_users_and_its_links_work() -> None:
    """At most 200 lines; development notes and figures live in docs/, and every relative link resolves."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 200
    links = re.findall(r"\]\(((?!https?://|#)[^)]+)\)", text)
    assert {"docs/development.md", "docs/quality.md", "docs/benchmarks.md", "docs/review.png"} <= set(links)
    for link in links:
        assert (ROOT / link).exists(), link
