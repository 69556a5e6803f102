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


def _asked(line: str) -> list[str]:
    return [s.question for s in translate_bullet(line).suggestions if not s.addition]


def test_questions_of_what_a_line_is_not() -> None:
    """unseen19's read: 'Add the journal, the year and your author position' of a hospital protocol and a laser
    safety checklist; 'How many patients per day or week?' of a LinkedIn address, a rodent study and a word the
    layout cut off; 'leading the daily care team' of a registrar's rotation and a resident's specialist training."""
    journal = "Add the journal, the year and your author position (first, senior) where they are missing."
    assert journal not in _asked("Co-authored the IV-to-PO antimicrobial conversion protocol")
    assert journal not in _asked("Authored the hospital laser safety checklist")
    assert journal in _asked("Authored 4 first-author papers on FGF-23 in haemodialysis")
    per_day = "How many patients per day or week, and in which setting? Add the numbers if you know them."
    assert per_day not in _asked("in example.org/in/skeaveney-renal")
    assert per_day not in _asked("Animal model of perioperative hyperoxia; completion of doctoral thesis")
    assert per_day not in _asked("present")
    assert per_day in _asked("Primary care clinic")
    offers = [
        s.addition or ""
        for s in translate_bullet("HST rotation incl. 12 months renal transplantation on the wards").suggestions
    ]
    assert not any("daily care team" in o for o in offers)
