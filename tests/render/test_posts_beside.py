"""Where a post goes on a resume: a training title held within a post of practice is a post of its own, and a
university's title held beside a hospital post follows it (unseen20)."""

from __future__ import annotations

from translator.mapping.english import indefinite_article
from translator.models import Entry
from translator.render.resume import is_training, side_post


def test_a_fellowship_held_within_a_post_of_practice_is_no_training() -> None:
    staff = Entry(title="Emergency Physician (Staff Specialist)", dates="Feb 2023 – Present")
    fellow = Entry(title="Digital Health Clinical Fellow (0.2 FTE, concurrent)", dates="Jul 2023 – Jun 2024")
    registrar = Entry(title="Emergency Medicine Registrar (ACEM Advanced Trainee)", dates="2018 – 2022")
    posts = [staff, fellow, registrar]
    assert not is_training(fellow, posts)
    assert is_training(registrar, posts)
    assert is_training(fellow)  # on its title alone, a fellow trains
    # a hospitalist who then trained in cardiology: the fellowship outlasts the post before it, and is training
    hospitalist = Entry(title="Hospitalist", dates="2014 – 2016")
    cardiology = Entry(title="Fellow, Cardiovascular Disease", dates="2016 – 2019")
    assert is_training(cardiology, [hospitalist, cardiology])


def test_a_universitys_title_beside_a_hospital_post_is_a_side_post() -> None:
    for title in (
        "Assistant Clinical Professor, Department of Radiology",
        "Adjunct Associate Professor of Epidemiology",
        "Honorary Senior Lecturer",
        "Clinical Assistant Professor of Medicine",
    ):
        assert side_post(Entry(title=title, dates="2016 – present")), title
    assert not side_post(Entry(title="Professor of Medicine (with tenure)", dates="2019–present"))
    assert not side_post(Entry(title="Assistant Clinical Professor", dates="2016 – 2019"))  # ended: by its date


def test_an_article_by_the_first_words_sound_whatever_follows_it() -> None:
    assert indefinite_article("MSL, Medical Advisor or Medical Affairs Manager role") == "an"
    assert indefinite_article("medical advisor role") == "a"


def test_a_sessional_post_is_a_side_post_and_a_stripped_number_leaves_no_brackets() -> None:
    """unseen21: an Irish surgeon's 'Clinical Lead — Sports Injury Clinic (sessional, 2 sessions/week)' was listed
    above his consultant post; a New Zealand licence line printed 'MCNZ general scope registration ()'."""
    from translator.identifiers import without_identifiers

    clinic = Entry(
        title="Clinical Lead",
        organization="Sports Injury Clinic (sessional, 2 sessions/week), Mallow Community Hospital",
        dates="2018 – current",
    )
    assert side_post(clinic)
    assert side_post(Entry(title="Associate Medical Director for Research (0.2 WTE)", dates="2019 – present"))
    assert without_identifiers("MCNZ general scope registration (No. 00142) · ACLS 2023") == (
        "MCNZ general scope registration · ACLS 2023"
    )


def test_an_nhs_or_irish_consultant_with_a_two_word_specialty_is_the_main_post() -> None:
    """'Consultant Orthopaedic Surgeon' read as a consultant's side post (the specialist noun came two words after
    'Consultant'), so his sessional clinic lead led the resume; abroad, training grades are employment."""
    for title in (
        "Consultant Orthopaedic Surgeon (Sports Surgery & Arthroplasty)",
        "Consultant Child & Adolescent Psychiatrist",
    ):
        assert not side_post(Entry(title=title, dates="2016 – present")), title
    assert side_post(Entry(title="Consultant, Acme Medical Devices", dates="2016 – present"))


def test_abroad_a_registrars_post_stays_among_the_positions() -> None:
    from tests.conftest import FIXTURES
    from translator.parse import read_cv
    from translator.render.resume import plan_resume
    from translator.report import build_report

    cv = read_cv(FIXTURES / "unseen" / "title-style-nested-sessional-role_orthopaedics_python-docx.docx")
    blocks = plan_resume(cv, build_report(cv))
    at = next(i for i, b in enumerate(blocks) if b.kind == "heading" and b.text == "Professional Experience")
    end = next(i for i, b in enumerate(blocks) if b.kind == "heading" and i > at)
    positions = [b.text.split("\t")[0] for b in blocks[at:end] if b.kind == "entry"]
    assert positions[0].startswith("Consultant Orthopaedic Surgeon")
    assert any(p.startswith("Specialist Registrar") for p in positions)
