"""A question is asked only of what the post's lines leave unsaid: its title and its other duties count (unseen16
read: about 20 questions in six reports asked for what the line or the one beside it already said)."""

from __future__ import annotations

from pathlib import Path

from translator.mapping.translate import translate_bullet
from translator.parse import read_cv
from translator.report import build_report


def _questions(report, start: str) -> list[str]:
    (bullet,) = [b for b in report.bullets if b.text.startswith(start)]
    return [s.question for s in bullet.suggestions if not s.addition]


def test_a_trials_phase_and_enrolment_said_by_the_title_and_a_sibling_are_not_asked(tmp_path: Path) -> None:
    cv = tmp_path / "cv.txt"
    cv.write_text(
        "Marcus Albrecht, MD\nma@example.com\n\nCLINICAL RESEARCH\n\n"
        "Site Principal Investigator, VASO-SHIELD Phase III Trial in septic shock    2021 – 2024\n"
        "- Enrolled 47 patients, the highest enrollment among 62 US sites\n"
        "- Adjudicated serious adverse events and reported them to the sponsor within 24 hours\n",
        encoding="utf-8",
    )
    asked = " ".join(_questions(build_report(read_cv(cv)), "Adjudicated"))
    assert "phase" not in asked.lower()
    assert "enroll" not in asked.lower()


def test_the_same_line_alone_is_still_asked() -> None:
    """Without the post around it, the line says no phase: the question stands; a device study has none."""
    asked = translate_bullet("Sub-I on 3 heart failure trials", section="Research", entry="Sub-Investigator")
    assert any("phase" in s.question for s in asked.suggestions)
    device = translate_bullet("Sub-I on a pivotal device study in type 1 diabetes", entry="Sub-Investigator")
    assert not any("phase" in s.question for s in device.suggestions)


def test_a_meeting_names_its_audience() -> None:
    said = translate_bullet("Presented results at PES Annual Meeting 2023 (oral abstract)")
    assert not any("audience" in s.question for s in said.suggestions)
    asked = translate_bullet("Presented results to the hospital's nurses")
    assert any("audience" in s.question for s in asked.suggestions)


def test_a_payer_ask_is_not_repeated_where_the_post_gives_volume_and_criteria(tmp_path: Path) -> None:
    cv = tmp_path / "cv.txt"
    cv.write_text(
        "Anthony Cruz, MD\nac@example.com\n\nEXPERIENCE\n\n"
        "Physician Advisor, Sierra Valley Health System    2021 – present\n"
        "- Perform secondary physician review for inpatient vs. observation status, ~35 cases/day, using InterQual\n"
        "- Conduct peer-to-peer discussions with payer medical directors on denied stays\n",
        encoding="utf-8",
    )
    report = build_report(read_cv(cv), target="payer")
    assert not any("criteria sets" in q for q in _questions(report, "Conduct peer-to-peer"))
