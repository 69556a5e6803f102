"""The wheel ships prompts/, templates/ and the rule data, so an installed copy works from any folder."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT


def test_wheel_contains_templates_prompts_and_data(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("cv_translator-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "translator/templates/linkedin.md.j2",
        "translator/templates/outreach.md.j2",
        "translator/templates/report.md.j2",
        "translator/prompts/rewrite_bullets.md.j2",
        "translator/mapping/data/rules.toml",
        "translator/mapping/data/glossary.toml",
        "translator/parse/sections.toml",
        "translator/data/specialties.toml",
        "translator/data/places.toml",
        "translator/mapping/data/skills.toml",
        "translator/templates/web/review.html",
        "translator/templates/web/upload.html",
        "translator/web/static/page.js",
        "translator/web/static/page.css",
    ):
        assert required in names, required
