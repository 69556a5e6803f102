"""unseen22's texts, read blind at 016a65f: who the physician is today, what the run says of its target, the
papers a page keeps, and the questions a line is asked."""

from __future__ import annotations

from tests.conftest import FIXTURES, questions_asked
from translator.mapping.translate import ask_for_target, translate_bullet
from translator.models import Profile
from translator.parse import read_cv
from translator.render.phrases import in_training, ongoing
from translator.render.publications import citations_by_worth
from translator.report import build_report, run_summary

UNSEEN = FIXTURES / "unseen"


def test_a_resident_titled_as_other_countries_title_one_is_no_specialist_yet() -> None:
    """A Dutch 'AIOS Longziekten' (a resident in pulmonology, registered in 2026) was 'Pulmonologist' in every text."""
    assert in_training(Profile(position="AIOS Longziekten", specialty="pulmonology")) == "pulmonology resident"
    assert in_training(Profile(position="Assistenzarzt Innere Medizin", specialty="internal medicine")) == (
        "internal medicine resident"
    )
    assert in_training(Profile(position="Consultant Nephrologist", specialty="nephrology")) is None
    report = build_report(read_cv(UNSEEN / "obsidian-wikilinks-callouts-dutch_pulmonology.md"))
    assert "pulmonologist" not in report.summary.lower()


def test_the_run_says_whether_the_cv_states_its_target_or_the_tool_suggests_one() -> None:
    """'target: Medtech / Devices (from the CV)' for a CV that names none read as the CV's own choice."""
    stated = build_report(read_cv(UNSEEN / "application-form-fields-crlf_geriatrics-palliative.txt"))
    assert run_summary(stated).endswith("(as the CV states it)")
    # her form's "DESIRED POSITION: Clinical Lead / Clinical Product Manager - home-based care or remote patient
    # monitoring", said as a role; the About's close names no disease or cuff as her experience ("with CHF/COPD, BP")
    assert "now moving into a Clinical Lead or Clinical Product Manager role" in stated.summary
    assert "DESIRED POSITION" not in stated.summary + stated.about
    assert "BP" not in stated.about.rsplit("\n", 1)[-1]
    suggested = build_report(read_cv(UNSEEN / "obsidian-wikilinks-callouts-dutch_pulmonology.md"))
    assert "as the CV states it" not in run_summary(suggested)
    assert "from the CV)" not in run_summary(suggested)


def test_a_duty_in_the_present_says_each_of_its_verbs_in_the_ing_form() -> None:
    """'Certify and recertify hospice eligibility' was 'Certifying and recertify …' in a Summary."""
    assert ongoing("Certify and recertify hospice eligibility; attend weekly IDG meetings").startswith(
        "Certifying and recertifying hospice eligibility; attending weekly"
    )


def test_a_page_short_of_room_keeps_papers_before_chapters_and_abstracts() -> None:
    """'Selected Publications (2 of 6)' kept a book chapter and a meeting abstract over four journal papers."""
    texts = [
        "Makhubela LR. Kidney transplants in HIV. In: Naidoo K, editor. Renal Medicine in Africa. Juta Press; 2022.",
        "Makhubela LR, Dube T. Outcomes of kidney transplantation in HIV. S Afr Med J. 2019;109:100-5.",
        "Makhubela LR. PD-first outcomes [abstract]. Kidney Int Rep. 2023;8 Suppl:S12.",
        "Dube T, Makhubela LR. APOL1 in living donors. Kidney Int Rep. 2021;6:55-61.",
    ]
    ranked = citations_by_worth(texts, "Makhubela")
    assert ranked[:2] == [texts[3], texts[1]]  # her journal papers (first or last author), newest first
    assert set(ranked[2:]) == {texts[0], texts[2]}  # then the chapter and the abstract


def test_a_targets_question_fits_the_line_it_is_asked_of() -> None:
    """A payer target asked an outpatient dermatologist's frozen sections for length-of-stay decisions; a head of unit's
    staff line was asked what came of a collaboration; a formulary reviewer was offered appraising manuscripts."""

    def asked(line: str, target: str) -> str:
        bullet = translate_bullet(line)
        ask_for_target(bullet, target)
        return " ".join(s.question for s in bullet.suggestions)

    assert "length-of-stay" not in asked("Read Mohs frozen sections in-house (~2,900 slides/yr)", "payer")
    assert "length-of-stay" in asked("Full-time hospitalist, ~16 patients/day census", "payer")
    head = "Head of unit: 6 consultants, 4 nephrology fellows, 22 dialysis nurses; operating budget approx. R48 million"
    assert "collaboration" not in asked(head, "clinical-development")
    reviewer = "Dermatology reviewer for biologic/JAK formulary placement, PA criteria and step-therapy edits"
    assert "manuscripts" not in asked(reviewer, "payer")
    assert asked(reviewer, "payer").count("criteria sets") == 1  # the line's own question, not the target's again
    assert "current evidence" not in asked("Lecture and examine MBChB V students and MMed registrars", "msl")


def test_a_number_that_sizes_a_setting_is_no_figure_of_the_work() -> None:
    """The dermatologist's Summary stopped at 'Lead physician for prior authorization & appeals (6-provider
    practice).', leaving out the ~1,100 requests a year the line goes on to: a practice's size is no evidence."""
    report = build_report(read_cv(UNSEEN / "one-table-bold-roles-derm-abbrev_dermatology_python-docx.docx"))
    assert "~1,100 PA requests per year" in report.summary


def test_the_default_question_asks_of_care_and_a_spoke_hospital_is_no_talk() -> None:
    """unseen23: 'How many patients per day or week' was asked of a society membership, a regulatory submission and a
    list of rotations; 'Tele-stroke cover for 2 spoke hospitals' was asked who its audience was."""

    asked = questions_asked
    assert "patients per day" not in asked("Member, World Stroke Organization; European Stroke Organisation")
    assert "patients per day" not in asked("Rotations: pediatric A/I, clinical immunology lab, ENT")
    assert "patients per day" not in asked("Advised on clinical evidence for an HSA Class B SaMD submission")
    assert "patients per day" in asked("General outpatient, maternity and casualty duties")
    assert "audience" not in asked("Tele-stroke cover for 2 spoke hospitals in Al Dhafra Region (~260 consults/year)")
    assert "audience" in asked("Spoke at the regional stroke meeting")


def test_a_payer_target_outside_the_us_is_told_in_an_insurers_words() -> None:
    """unseen24's Winnipeg family physician wants a provincial insurer or a benefits company: her About aimed her at 'a
    health plan's medical management team, working on medical necessity review and prior authorization'."""
    abroad = build_report(read_cv(UNSEEN / "linkedin-page-copied-as-text_family-medicine.md"), target="payer")
    close = abroad.about.strip().splitlines()[-1]
    assert "an insurer's medical team" in close
    assert not any(w in close for w in ("health plan", "medical necessity", "prior authorization"))
    at_home = build_report(read_cv(FIXTURES / "cvs" / "sample_hospitalist.docx"), target="payer")
    assert "a health plan's medical management team" in at_home.about
