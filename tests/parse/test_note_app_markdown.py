"""A CV written in a note app (Obsidian or Notion Markdown): emoji beside the words, a stamp of the last edit, the
contact lines in a callout, a program's role after its name, and a heading that joins teaching, QI and scholarship
(fixtures/unseen/obsidian-callouts-emoji_emergency.md, from unseen16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from translator.parse import read_cv
from translator.parse.text import clean, set_aside

CV = Path(__file__).parents[2] / "fixtures" / "unseen" / "obsidian-callouts-emoji_emergency.md"


@pytest.fixture(scope="module")
def cv():
    return read_cv(CV)


def _texts(cv) -> list[str]:
    return [
        t
        for s in cv.sections
        for e in s.entries
        for t in (e.title or "", e.organization or "", *e.lines, *(b.text for b in e.bullets))
    ]


def test_emoji_are_no_words_of_the_cv(cv) -> None:
    """'📍 Montréal', '🇬🇧', '✅ active', '🔊 Point-of-care …' printed as empty boxes on the resume."""
    texts = _texts(cv)
    assert not [t for t in texts if any(ord(c) >= 0x1F000 or 0x2600 <= ord(c) <= 0x27BF for c in t)]
    assert "CCFP(EM) — College of Family Physicians of Canada, 2016, active" in texts
    assert "English / Français (bilingual, clinical and written)" in texts


def test_the_glyphs_that_mark_bullets_are_kept() -> None:
    assert clean("✓ Led the sepsis committee") == "✓ Led the sepsis committee"
    assert clean("★ Teaching award") == "★ Teaching award"
    assert clean("2016 → present") == "2016 → present"


@pytest.mark.parametrize(
    "line",
    ["*Last edited: Oct 3, 2024*", "Updated January 2025", "CV current as of 03/2025", "Last revised 2024-03-01"],
)
def test_the_stamp_of_the_last_edit_is_set_aside(line: str) -> None:
    assert set_aside(line) == "the date the document was last edited, not a resume line"


def test_a_duty_that_updated_something_is_no_stamp() -> None:
    assert set_aside("Updated the sepsis order set in 2019") is None


def test_the_callouts_contact_lines_give_place_and_credentials(cv) -> None:
    """'> [!note] Contact' / '> 📍 Montréal, QC (Plateau-Mont-Royal) · …' / '> **MD, CCFP(EM)** · CMQ permit …'."""
    assert cv.profile.location == "Montréal, QC"
    assert cv.profile.credentials[:2] == ["MD", "CCFP(EM)"]  # the college's added competence kept
    assert any(n.text == "Last edited: Oct 3, 2024" for n in cv.not_used)


def test_the_role_held_in_a_program_is_its_title(cv) -> None:
    """'Point-of-care ultrasound (POCUS) program — Founder & Director': 'Founder & Director' was read as the
    employer, and the outreach said 'At Founder & Director, I introduced …'."""
    (entry,) = [e for s in cv.sections for e in s.entries if "POCUS" in (e.title or "")]
    assert (entry.title, entry.organization) == ("Founder & Director, Point-of-care ultrasound (POCUS) program", None)


def test_a_line_under_the_title_with_no_mark_is_no_duty(cv) -> None:
    (ed,) = [e for s in cv.sections for e in s.entries if e.title == "Emergency Physician"]
    assert ed.lines == ["full-time (~14 shifts/month, now 10)"]
    assert ed.bullets[0].text.startswith("Attending emergency physician in an academic ED")
    (payer,) = [e for s in cv.sections for e in s.entries if (e.title or "").startswith("Médecin-conseil")]
    assert payer.lines == [
        "1 day/week (remote + Québec City)",  # after its dates
        "Part-time medical officer for the provincial health insurance plan, professional services directorate",
    ]
    assert len(payer.bullets) == 4


def test_teaching_qi_and_scholarship_is_no_list_of_awards(cv) -> None:
    (section,) = [s for s in cv.sections if s.heading == "Teaching, QI & scholarship"]
    assert section.kind == "teaching"
