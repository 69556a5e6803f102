"""unseen20's texts, read blind at 6d9656f: what each physician's Summary, headline and target got wrong, by
mechanism. Each runs the real reader and report on the CV a helper wrote."""

from __future__ import annotations

from tests.conftest import FIXTURES
from translator.mapping.facts import figures, kinds_of
from translator.mapping.translate import translate_bullet
from translator.parse import read_cv
from translator.report import build_report

UNSEEN = FIXTURES / "unseen"


def test_a_wish_above_a_summary_of_its_own_sets_the_target() -> None:
    """'Looking for: Medical Director / Head - Utilisation Review … with a health insurer or TPA' over 'PROFILE
    SUMMARY': once the summary had its own heading, the wish above it was dropped and the target became medical
    affairs. A bare 'Head' of a title ('Senior Consultant & Head' / 'Dept of Endocrinology & Diabetes, …') says
    what it heads."""
    report = build_report(read_cv(UNSEEN / "email-pasted-till-date-short-years_endocrinology.txt"))
    assert report.target == "payer"
    assert report.summary.startswith(
        "Endocrinologist, 25 years in practice; Head, Dept of Endocrinology & Diabetes at Kaveri Multispeciality "
        "Hospital since 2009"
    )
    # the claims a TPA's medical referee reviews are utilization work, in British spelling too
    assert "utilization" in kinds_of("Review ~40 cashless pre-authorisation & reimbursement claims/week")
    assert "utilization" in kinds_of("Member, Utilisation Review Committee")


def test_a_career_aim_names_the_target_and_the_specialty_keeps_its_ampersand() -> None:
    """'Career aim: Medical Science Liaison or Medical Advisor role in CNS …' lost to a personal statement's
    'medical affairs team'; 'Consultant Child & Adolescent Psychiatrist' was a 'Psychiatrist'."""
    cv = read_cv(UNSEEN / "two-column-table-subrole-duty-paragraphs_child-psychiatry_libreoffice.docx")
    assert cv.profile.specialty == "child and adolescent psychiatry"
    report = build_report(cv)
    assert report.target == "msl"
    assert report.headlines[0].startswith("Child and Adolescent Psychiatrist | Site principal investigator")


def test_the_summary_names_a_leadership_post_held_beside_the_first_one() -> None:
    """A tenured professor whose first post leads nothing and who directs a phase I program beside it: the Summary
    named the professorship's school; a protocol's code ('OUCCC-PH1-2103') counted as a figure and cut the trial
    from what it was."""
    report = build_report(read_cv(UNSEEN / "long-academic-title-pipe-dates_medical-oncology_pandoc.docx"))
    assert (
        "Director, Phase I & Early Therapeutics Program at Olentangy University Comprehensive Cancer Center since 2016"
        in report.summary
    )
    assert figures("Overall principal investigator, OUCCC-PH1-2103") == []
    assert figures("12-15 patients") == ["12", "15"]


def test_a_fellowship_held_as_a_staff_specialist_ranks_as_her_work() -> None:
    """A 0.2-FTE digital-health fellowship held by a staff specialist was ranked at half, as a trainee's: its
    usability testing and safety case lost to a sepsis QI line for a health-tech target."""
    report = build_report(read_cv(UNSEEN / "sidebar-first-broken-addresses_emergency-medicine_chromium.pdf"))
    assert report.target == "health-tech"
    assert "usability testing" in report.summary or "usability testing" in " ".join(report.headlines)


def test_device_work_for_a_company_leads_for_medtech() -> None:
    """Proctoring a device's first cases and reviewing its instructions for use are device work; complaint reviews
    are post-market surveillance, never a post-market study."""
    report = build_report(
        read_cv(UNSEEN / "header-contact-list-bullet-2-subrole_interventional-radiology_python-docx.docx")
    )
    assert report.target == "medtech"
    competencies = " ".join(report.core_competencies)
    assert "Post-Market Studies" not in competencies and "Post-Market Studies" not in " ".join(report.headlines)


def test_an_editor_leaves_a_role_a_count_and_two_seats_as_written() -> None:
    kept = [
        "Institutional K12 clinical oncology research scholar (2005–2007)",
        "Two weeks each summer covering a solo IR service during staff vacation: emergency embolization",
        "Olentangy University CCC Protocol Review and Monitoring Committee, member 2013–2016; vice-chair 2016–2019",
    ]
    sources = [
        "Institutional K12 clinical oncology research scholar, 2005–2007",
        "Two weeks each summer covering a solo IR service during staff vacation: emergency embolization",
        "Olentangy University CCC Protocol Review and Monitoring Committee, member 2013–2016; vice-chair 2016–2019",
    ]
    assert [translate_bullet(s).rewrite for s in sources] == kept
    assert translate_bullet("Three half-day clinics/wk; inpatient oncology attending 4 wks/yr").rewrite.startswith(
        "Three half-day clinics/week"
    )
    # a note in brackets and the year after its comma stay apart: the year is no part of the note
    assert translate_bullet(
        "Expert panel member, state health scheme package-rate review (diabetes & endocrine packages), 2021"
    ).rewrite.endswith("(diabetes & endocrine packages), 2021")


def test_a_cv_read_outside_north_america_is_set_and_headed_as_it_is_read_there() -> None:
    """A German, an Indian and a British CV were set on US Letter under 'Board Certification & Licensure' and
    'Honors & Awards', and an Indian TPA's referee was asked for the US's criteria sets (InterQual, MCG)."""
    from translator.render.resume import on_a4, plan_resume

    for name in (
        "notion-lebenslauf-toggle-heute_neonatology.md",
        "email-pasted-till-date-short-years_endocrinology.txt",
        "two-column-table-subrole-duty-paragraphs_child-psychiatry_libreoffice.docx",
    ):
        assert on_a4(read_cv(UNSEEN / name)), name
    cv = read_cv(UNSEEN / "email-pasted-till-date-short-years_endocrinology.txt")
    report = build_report(cv)
    headings = [b.text for b in plan_resume(cv, report) if b.kind == "heading"]
    assert "Certification & Registration" in headings and "Honours & Awards" in headings
    assert not any("Board Certification" in h or "Honors" in h for h in headings)
    questions = [s.question for b in report.bullets for s in b.suggestions]
    assert questions and not any("InterQual" in q or "MCG" in q for q in questions)
    # a US CV keeps its headings, its paper and its questions
    us = read_cv(UNSEEN / "long-academic-title-pipe-dates_medical-oncology_pandoc.docx")
    assert not on_a4(us)


def test_linkedin_lists_a_degree_with_its_notes_and_a_specialist_degree() -> None:
    """'PhD, Molecular Pharmacology' with its dissertation under it, 'MD | 1993–2001' (a two-letter title before its
    dates) and India's 'DM (Endocrinology)' were left out of LinkedIn's Education."""
    from translator.render.linkedin import degrees

    oncologist = [
        d.title for d in degrees(read_cv(UNSEEN / "long-academic-title-pipe-dates_medical-oncology_pandoc.docx"))
    ]
    assert {"MD", "PhD, Molecular Pharmacology"} <= set(oncologist)
    endocrinologist = [
        d.title for d in degrees(read_cv(UNSEEN / "email-pasted-till-date-short-years_endocrinology.txt"))
    ]
    assert "DM (Endocrinology)" in endocrinologist


def test_a_message_says_a_study_named_by_its_code_by_what_it_was() -> None:
    """'I have served as overall principal investigator on OUCCC-PH1-2103': a protocol's code tells the reader
    nothing; what the CV says after it does."""
    report = build_report(read_cv(UNSEEN / "long-academic-title-pipe-dates_medical-oncology_pandoc.docx"))
    assert "OUCCC-PH1-2103" not in report.outreach.message
    assert "overall principal investigator on a first-in-human study of a TROP2-directed ADC" in report.outreach.message


def test_words_that_are_no_talk_no_book_and_no_site_work() -> None:
    """An ED's 'presentations' are its patients; a society's chapter is no book's; a trial's steering committee,
    its monitoring board and forty trials as PI are no site work to add screening and consent to; an object with a
    second thing after '+' or four words before it takes its article."""
    ed = translate_bullet("Senior decision-maker in an ~85,000-presentation/yr mixed adult & paediatric ED")
    assert ed.rule != "presentation" and not any("audience" in s.question for s in ed.suggestions)
    chapter = translate_bullet("Hon. Secretary, Karnataka chapter, Endocrine Society of India (2016-2018)")
    assert chapter.rule != "publication"
    for line in (
        "Steering committee member, global phase III trial of a HER2-directed ADC in HER2-low mBC (2019–2023)",
        "Member, data and safety monitoring board for a device trial in advanced heart failure",
        "PI or co-PI on 40+ industry-sponsored phase I/II studies (ADCs, SERDs, PI3K/AKT inhibitors, bispecifics)",
    ):
        assert not any(
            s.id == "trial-site-work" for s in translate_bullet(line, target="clinical-development").suggestions
        )
    assert translate_bullet(
        "Launched IR outpatient clinic + daily pre-procedure huddle; cancellations 9% → 3%"
    ).rewrite.startswith("Launched an IR outpatient clinic + daily")


def test_a_physician_still_in_training_is_said_as_a_trainee_and_ranked_as_one() -> None:
    """A German neonatology fellow (a paediatrician in subspecialty training) was called a 'Neonatologist', and her
    fellowship's lines ranked at half as a trainee's below her residency's, when all her posts are training."""
    from translator.models import Profile
    from translator.render.phrases import in_training

    report = build_report(read_cv(UNSEEN / "notion-lebenslauf-toggle-heute_neonatology.md"))
    assert report.summary.startswith("Neonatology fellow at Klinikum am Dreisam since 2022")
    assert "Neonatologist" not in " ".join(report.headlines)
    assert "Sub-investigator in a multicentre RCT" in report.summary.split(". ", 1)[1].split(";")[0]
    assert in_training(Profile(position="Resident, Internal Medicine")) == "internal medicine resident"
    assert in_training(Profile(position="Cardiology Fellow")) == "cardiology fellow"
    assert in_training(Profile(position="Fellow of the Royal College of Physicians")) is None
    assert in_training(Profile(position="Attending Neonatologist")) is None


def test_the_close_names_things_worked_with_never_a_measure_an_agency_or_a_rhythm() -> None:
    """unseen21's read: 'my digital health and informatics experience with CIED, AF and AUROC', 'my drug safety
    experience with AEFI and WHO': a result's measure, a rule-setting agency and a heart rhythm are no things one
    works with."""
    from translator.render.profile_texts import _NOT_WORK

    for word in ("AUROC", "WHO", "AF", "PPV", "FDA"):
        assert _NOT_WORK.match(word), word
    for word in ("CIED", "TAVR", "Epic", "InterQual"):
        assert not _NOT_WORK.match(word), word


def test_a_fellowship_titled_fellow_comma_field_names_the_subspecialist() -> None:
    """unseen21: 'Clinical Fellow, Cardiac Electrophysiology' after 'Associate Consultant, Cardiology
    (Electrophysiology)' left her a 'Cardiologist' in every text; the fellowship's field files under cardiology's own
    area and narrows it."""
    report = build_report(read_cv(UNSEEN / "dark-sidebar-photo-box-icons_electrophysiology_chromium.pdf"))
    assert report.summary.startswith("Cardiac electrophysiologist, 3 years in practice, at Kallang General Hospital")
