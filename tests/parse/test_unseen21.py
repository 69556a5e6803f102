"""unseen21: six CVs a second helper wrote from a new brief, read blind at 3dcc6a2 (R · L · O 3.3 · 3.3 · 3.2 of 10).
What their reading got wrong, read right; each test names the mechanism, not the line."""

from __future__ import annotations

from tests.conftest import FIXTURES
from translator import dates
from translator.parse import read_cv
from translator.report import build_report

UNSEEN = FIXTURES / "unseen"


def test_a_europass_cv_whose_labels_and_dates_stand_left_of_each_row() -> None:
    """A Swedish radiation oncologist's LibreOffice Europass CV: the left column holds only the rows' labels and
    dates ('WORK EXPERIENCE', 'Telephone', '2014 – present'), and was read as a page column of its own, so every
    entry lost its dates and the career landed under References; a label set beside a paragraph's second line
    broke the paragraph; '2011 –' left open is held since; 'PSMA-' / 'targeted' keeps its hyphen."""
    cv = read_cv(UNSEEN / "europass-labels-beside-rows_radiation-oncology_libreoffice.pdf")
    assert cv.profile.location == "Uppsala, Sweden"
    assert cv.profile.credentials == ["MD", "PhD"]
    posts = [(e.title, e.dates) for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert posts[0] == ("Head of Department (Verksamhetschef)", "2014 – present")
    assert ("Senior Consultant (Överläkare)", "2008 – 2014") in posts
    assert any(t.startswith("Docent (Associate Professor)") and d == "2011 – present" for t, d in posts)
    (wish,) = [s for s in cv.sections if s.heading.startswith("DESIRED EMPLOYMENT")]
    assert wish.kind == "summary"
    assert (
        wish.entries[0].lines[0].startswith("Clinical development in oncology – Medical Monitor / Clinical Scientist")
    )
    trials = [e for s in cv.sections if s.kind == "research" for e in s.entries]
    assert trials[0].dates == "2020 – ongoing"
    assert "PSMA-targeted radioligand" in (trials[1].organization or "")
    assert not any(s.kind == "references" and s.entries and s.entries[0].bullets for s in cv.sections)
    assert build_report(cv).target == "clinical-development"


def test_a_linkedin_profile_copied_as_text_with_its_sidebar_first() -> None:
    """A Nigerian public-health physician's LinkedIn PDF copied as text: 'Top Skills' was read as her name, her name
    and headline as awards, the employer heading its positions ('FCT Immunisation & Primary Care Agency' / '8 yrs 7
    mos' / 'Head, Vaccine Safety & Surveillance Unit') as a title, and 'Open to work: Pharmacovigilance
    Physician, …' as nothing."""
    cv = read_cv(UNSEEN / "linkedin-pdf-copied-sidebar-first_public-health.txt")
    assert cv.profile.name == "Chiamaka Nwachukwu-Adeyemi"
    assert cv.profile.credentials == ["MBBS", "MPH", "FWACP"]
    assert cv.profile.specialty == "preventive medicine"
    posts = [(e.title, e.organization) for s in cv.sections if s.kind == "experience" for e in s.entries]
    # (the place the page lists under a post is where it was held: with its employer)
    assert posts[0] == (
        "Head, Vaccine Safety & Surveillance Unit",
        "FCT Immunisation & Primary Care Agency, Abuja, Nigeria",
    )
    assert posts[1] == ("Deputy Director, Epidemiology", "FCT Immunisation & Primary Care Agency, Abuja, Nigeria")
    awards = [b.text for s in cv.sections if s.kind == "awards" for e in s.entries for b in e.bullets]
    assert not any("Chiamaka" in a or "Open to work" in a for a in awards)
    report = build_report(cv)
    assert report.target == "clinical-development"
    assert report.target_reason.startswith("the CV says so")


def test_a_title_with_a_note_in_brackets_names_the_specialist() -> None:
    """'Consultant Orthopaedic Surgeon (Sports Surgery & Arthroplasty)' was split at its '&', and the Summary opened
    'Consultant orthopaedic surgeon (sports surgeon at …', its bracket never closed."""
    report = build_report(read_cv(UNSEEN / "title-style-nested-sessional-role_orthopaedics_python-docx.docx"))
    assert report.summary.startswith("Orthopaedic surgeon at St Finbarr's University Hospital since 2016")


def test_a_field_of_dates_left_open_is_held_since() -> None:
    assert dates.held_since("2011 –") == "2011 – present"
    assert dates.held_since("2011 – 2014") == "2011 – 2014"
    assert dates.written_out("2016–") == "2016–"  # a run of a wrapped table cell, no field of its own


def test_a_name_in_words_title_style_with_its_post_nominals_is_the_head() -> None:
    """'Mr Cathal Ó Briain  MB BCh BAO, MCh, FRCSI (Tr & Orth)' set in Word's Title style opened a section, which
    printed his name, headline and address in the middle of the resume; his Irish degrees ran on after his name
    with two spaces; 'Ballincollig, Co. Cork' lost its county."""
    cv = read_cv(UNSEEN / "title-style-nested-sessional-role_orthopaedics_python-docx.docx")
    assert cv.profile.credentials == ["MB BCh BAO", "MCh", "FRCSI"]
    assert cv.profile.location == "Ballincollig, Co. Cork"
    assert not any("Ó Briain" in s.heading for s in cv.sections)
    assert cv.sections[0].kind == "summary"


def test_titles_with_their_english_in_brackets_and_a_bilingual_objective() -> None:
    """A Québec pathologist's pandoc CV: 'Professeure agrégée (Associate Professor)' was no job, so an employer
    became a title and the postdoc took the wrong dates; 'Objectif de carrière / Career objective: transition to a
    Medical Science Liaison …' was no wish, and the target became clinical development; a dated record of her
    trials table ('2012 – 2015 — Investigator-initiated study …') was given a verb."""
    from translator.mapping.translate import translate_bullet

    cv = read_cv(UNSEEN / "bilingual-titles-blockquote-objective_pathology_pandoc.docx")
    earlier = [
        (e.title, e.organization, e.dates)
        for s in cv.sections
        if s.heading.startswith("Postes antérieurs")
        for e in s.entries
    ]
    assert earlier == [
        ("Professeure agrégée (Associate Professor)", "Université de Charlesbourg, Québec, QC", "2013 – 2017"),
        ("Professeure adjointe (Assistant Professor)", "Université de Charlesbourg, Québec, QC", "2008 – 2013"),
        ("Postdoctoral Fellow, Molecular Pathology", "Bayview Cancer Research Institute, Toronto, ON", "2006 – 2008"),
    ]
    assert build_report(cv).target == "msl"
    record = "2012 – 2015 — Investigator-initiated study of EGFR testing in cytology — Principal investigator"
    assert translate_bullet(record).rewrite == record


def test_a_city_state_named_alone_is_where_the_physician_lives() -> None:
    cv = read_cv(UNSEEN / "dark-sidebar-photo-box-icons_electrophysiology_chromium.pdf")
    assert cv.profile.location == "Singapore"


def test_a_tools_section_is_skills() -> None:
    """'TOOLS & METHODS' chips were read as a post ('Remote monitoring (CIEDs)' at 'ISO 14155 IEC 62304 basics')."""
    cv = read_cv(UNSEEN / "dark-sidebar-photo-box-icons_electrophysiology_chromium.pdf")
    (tools,) = [s for s in cv.sections if s.heading == "TOOLS & METHODS"]
    assert tools.kind == "skills" and not any(e.title for e in tools.entries)


def test_a_github_profile_is_kept_beside_linkedin() -> None:
    """A health-tech candidate's GitHub, in a sidebar and as a Markdown link ('[GitHub](https://github.com/…)'),
    was dropped from the resume's contact line without a word."""
    from translator.identifiers import github_address

    assert read_cv(UNSEEN / "dark-sidebar-photo-box-icons_electrophysiology_chromium.pdf").profile.github == (
        "github.com/rlim-ecg-example"
    )
    assert github_address("[GitHub](https://github.com/aroha-rehab-example)") == "github.com/aroha-rehab-example"
    assert github_address("https://github.com/your_id") is None
