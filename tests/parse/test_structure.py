"""Section kinds from CV headings, and a long academic CV read whole: no running header, 60 papers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from academic_content import ACADEMIC, PUBLICATIONS

from tests.conftest import CVS
from translator.parse import read_cv
from translator.parse.structure import kind_of_heading


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Grants and Funding", "grants"),
        ("Research Support", "grants"),
        ("Current and Past Grant Support", "grants"),
        ("Editorial Roles", "editorial"),
        ("Editorial and Peer Review Activities", "editorial"),
        ("Journal Reviewer", "editorial"),
        ("Service", "service"),
        ("Community Service", "service"),
        ("Volunteer Work", "service"),
        ("Committee Service", "committees"),
        ("Leadership and Service", "leadership"),
        ("Clinical Trials", "research"),
        ("Peer-Reviewed Publications", "publications"),
        ("References", "references"),
        ("Professional Memberships", "memberships"),
        ("Advisory Boards and Consulting", "other"),  # industry work under its own heading, no board certification
        ("CME / Courses", "courses"),  # courses taken, never work done
        ("CME Lectures Given", "presentations"),
        ("Board Certification and Licensure", "certification"),
    ],
)
def test_heading_kinds(heading: str, kind: str) -> None:
    assert kind_of_heading(heading) == kind


@pytest.mark.parametrize("name", ["academic_cardiologist.docx", "academic_cardiologist_exported.pdf"])
def test_long_academic_cv_reads_without_running_headers_and_counts_its_papers(name: str) -> None:
    cv = read_cv(CVS / name)
    assert cv.profile.name == ACADEMIC["name"]
    assert cv.profile.location == "Chicago, IL"  # not "Adeyemi, MD" from the name line
    texts = [t for s in cv.sections for e in s.entries for t in (e.title, e.organization, *e.lines) if t]
    texts += [b.text for _, _, b in cv.all_bullets()]
    assert not any("Curriculum Vitae" in t or re.fullmatch(r"(Page )?\d+( of \d+)?", t) for t in texts)
    papers = [b.text for s in cv.sections if s.kind == "publications" for b in s.bullets]
    untitled = [e for s in cv.sections if s.kind == "publications" for e in s.entries if e.title]
    assert len(papers) == len(PUBLICATIONS) == 60 and not untitled
    experience = next(s for s in cv.sections if s.kind == "experience")
    assert len(experience.entries) == 4
    assert [s.kind for s in cv.sections if s.kind in {"grants", "editorial", "service", "committees", "teaching"}] == [
        "committees",
        "teaching",
        "grants",
        "editorial",
        "service",
    ]


def test_a_citation_carried_over_a_page_break_stays_one_paper() -> None:
    from translator.parse.structure import build_sections
    from translator.parse.text import Line

    lines = [
        Line("Ana Ruiz, MD"),
        Line("Publications", heading=True, level=1),
        Line("Ruiz A, Lee K. Transthyretin cardiac amyloidosis detected by technetium pyrophosphate", bullet=True),
        Line("scintigraphy: a secondary analysis. JACC Heart Fail. 2018;14(11):338-346."),
        Line("Lee K, Ruiz A. Iron deficiency in heart failure. J Card Fail. 2019;25:10-18.", bullet=True),
    ]
    _, sections, _ = build_sections(lines)
    papers = [b.text for b in sections[0].bullets]
    assert len(papers) == 2 and not any(e.title for e in sections[0].entries)
    assert papers[0].endswith(
        "technetium pyrophosphate scintigraphy: a secondary analysis. JACC Heart Fail. 2018;14(11):338-346."
    )


@pytest.mark.parametrize("suffix", [".docx", ".txt"])
def test_duties_written_without_a_mark_under_a_position_are_its_bullets(tmp_path, suffix: str) -> None:
    """A .docx whose duties are plain paragraphs: each line under the dated position is a duty, a year the
    sentence governs ("enrolled since 2020") is no date column, and a long heading with its dates apart is the
    position, not a paragraph of duties."""
    import docx

    lines = [
        "Mara Lind, MD",
        "mara.lind@example.org",
        "EXPERIENCE",
        "Trauma and Acute Care Surgeon, San Isidro Regional Medical Center (Level I trauma center), Red Mesa, NM\t"
        "2020–present",
        "Inpatient attending 8 weeks a year; trauma clinic 2 half-days a week",
        "Site PI for the hospital's trauma trials: 3 studies open, 38 patients enrolled since 2020",
        "Teach surgery residents in the trauma bay",
        "EDUCATION",
        "MD, High Desert School of Medicine, 2014",
    ]
    path = tmp_path / f"cv{suffix}"
    if suffix == ".docx":
        document = docx.Document()
        for text in lines:
            document.add_paragraph(text)
        document.save(str(path))
    else:  # a plain-text CV sets its dates apart with spaces
        path.write_text("\n\n".join(line.replace("\t", "    ") for line in lines), encoding="utf-8")
    cv = read_cv(path)
    (entry,) = [e for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert entry.title == "Trauma and Acute Care Surgeon"
    assert entry.dates == "2020–present"
    assert [b.text for b in entry.bullets] == [
        "Inpatient attending 8 weeks a year; trauma clinic 2 half-days a week",
        "Site PI for the hospital's trauma trials: 3 studies open, 38 patients enrolled since 2020",
        "Teach surgery residents in the trauma bay",
    ]
    assert cv.profile.institution == "San Isidro Regional Medical Center"


def test_an_employer_that_heads_its_positions_gives_each_its_title(tmp_path) -> None:
    """LinkedIn's layout in Markdown: the employer as the heading, each title under it with its dates; titles
    stacked with no duties between them share the duties below, which stay with the latest."""
    path = tmp_path / "cv.md"
    path.write_text(
        "# Leah Kim, MD\nleah.kim@example.org\n\n## Experience\n\n"
        "### Columbia Pacific Community Health — Portland, OR\n"
        "**Associate Medical Director, Behavioral Health** · Jan 2022 – present  \n"
        "**Staff Psychiatrist** · Aug 2019 – Dec 2021\n\n"
        "- Built the telepsychiatry program for 11 rural clinics\n- Lead psychiatric care for 14 clinics\n\n"
        "### Oregon Psychiatric Access Line — Portland, OR\n"
        "**Consulting Psychiatrist (per diem)** · 2018 – 2020\n\n"
        "- Phone consults for primary care clinicians statewide\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    entries = [(e.title, e.organization, e.dates, len(e.bullets)) for s in cv.sections for e in s.entries]
    assert entries == [
        (
            "Associate Medical Director, Behavioral Health",
            "Columbia Pacific Community Health, Portland, OR",
            "Jan 2022 – present",
            2,
        ),
        ("Staff Psychiatrist", "Columbia Pacific Community Health, Portland, OR", "Aug 2019 – Dec 2021", 0),
        ("Consulting Psychiatrist (per diem)", "Oregon Psychiatric Access Line, Portland, OR", "2018 – 2020", 1),
    ]
    assert cv.profile.institution == "Columbia Pacific Community Health"


def test_courses_taken_and_personal_details_are_no_work(tmp_path) -> None:
    """'CME / Courses' are courses taken, kept as written (an attended webinar series is not 'Delivered'); a
    'Personal' section (family, hobbies) is left out with its reason; an education line's dash before a city is no
    second item."""
    from translator.report import build_report

    path = tmp_path / "cv.txt"
    path.write_text(
        "Greg Lind, DO\ngreg.lind@example.org\n\nEXPERIENCE\n\n"
        "Hospitalist, Mercy Hospital, Ames, IA    2017 – present\n"
        "- Admit 8–12 patients a night\n\nTRAINING\n\n"
        "Internal Medicine Residency, UnityPoint Health – Des Moines (Iowa Methodist Medical Center), 2012–2015\n\n"
        "CME / COURSES\n\n* Two-Midnight Rule & Medicare Appeals webinar series (AHA), 2022\n\n"
        "PERSONAL\n\nMarried, 3 kids. Coach youth hockey.\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    kinds = {s.heading: s.kind for s in cv.sections}
    assert kinds == {"EXPERIENCE": "experience", "TRAINING": "training", "CME / COURSES": "courses"}
    (training,) = [e for s in cv.sections if s.kind == "training" for e in s.entries]
    assert training.title == "Internal Medicine Residency" and "Des Moines" in (training.organization or "")
    assert (
        "Married, 3 kids. Coach youth hockey.",
        "personal details (an address, family, hobbies), which an industry resume leaves out",
    ) in [(n.text, n.reason) for n in cv.not_used]
    report = build_report(cv)
    assert not any("webinar" in b.text for b in report.bullets)  # kept as written, never translated


def test_a_role_with_its_own_dates_and_duties_set_under_it_is_a_position(tmp_path) -> None:
    """E-mail text: '* Physician Advisor, Utilization Review (0.2 FTE) 2021 – present' with its duties as 'o' items
    under it is a position of its own at the same employer, not a hospitalist's duty."""
    path = tmp_path / "cv.txt"
    path.write_text(
        "Greg Lind, DO\ngreg.lind@example.org\n\nEMPLOYMENT\n\n"
        "Hospitalist, St. Luke's Hospital, Cedar Rapids, IA\nAug 2017 – present\n"
        "* Co-manage hip fracture patients with orthopedics\n"
        "* Physician Advisor, Utilization Review (0.2 FTE) 2021 – present\n"
        "   o Secondary review of ~60 observation vs. inpatient cases a month\n"
        "   o Peer-to-peer calls with payer medical directors, ~25 a month\n",
        encoding="utf-8",
    )
    entries = [(e.title, e.organization, e.dates, len(e.bullets)) for s in read_cv(path).sections for e in s.entries]
    assert entries == [
        ("Hospitalist", "St. Luke's Hospital, Cedar Rapids, IA", "Aug 2017 – present", 1),
        (
            "Physician Advisor, Utilization Review (0.2 FTE)",
            "St. Luke's Hospital, Cedar Rapids, IA",
            "2021 – present",
            2,
        ),
    ]


def test_an_employer_with_its_own_dates_and_the_titles_held_there_on_the_line_below(tmp_path) -> None:
    """A practice named with its legal form and its span, the titles held there on the next line with the
    earliest one's dates: one position at the practice, never an employer called "S.C."."""
    path = tmp_path / "cv.txt"
    path.write_text(
        "Douglas R. Kettleman, MD\nd.k@example.com\n\nPROFESSIONAL EXPERIENCE\n\n"
        "Lakeshore Allergy & Asthma Associates, S.C. — Brookfield, WI\t2000 – present\n"
        "Managing Partner (2006 – present); Partner (2003 – 2006); Associate Physician\t2000 – 2003\n"
        "• Started an oral immunotherapy program in 2019; 81% of 260 patients reached maintenance\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    (entry,) = [e for s in cv.sections for e in s.entries]
    assert entry.organization == "Lakeshore Allergy & Asthma Associates, S.C., Brookfield, WI"
    assert entry.title is not None and entry.title.startswith("Managing Partner (2006 – present)")
    assert entry.dates == "2000 – present"
    assert cv.profile.institution == "Lakeshore Allergy & Asthma Associates"


def test_items_on_one_line_are_not_split_inside_brackets() -> None:
    from translator.parse.structure import facts

    line = "American Board of Allergy and Immunology (recertified 2011, 2021; CAP/MOC current) 2001"
    assert facts(line, "certification") == [line]
    assert len(facts("ABFM, certified — Montana medical license, active; DEA, active", "certification")) == 3


def test_an_employer_is_never_a_legal_form_or_a_city() -> None:
    from translator.parse.profile import employer

    assert employer("S.C. — Brookfield, WI") is None
    assert employer("Meridian Endovascular, Inc.") == "Meridian Endovascular"
    # two organizations with a slash: the first is the employer, whole with its legal form
    assert employer("Summit Ridge Radiology, Inc. / Summa Health System, Akron, OH") == "Summit Ridge Radiology"


def test_the_employer_named_on_the_line_under_a_title_with_none(tmp_path) -> None:
    """A table's cell that gives the title, then the employer with what it is as the position's first line: the
    employer is the position's organization, what is said of it a line of the position."""
    from translator.parse import read_cv

    path = tmp_path / "cv.md"
    path.write_text(
        "# Colin Roe, MD\nroe@example.com\n\n## Experience\n\n"
        "### Diagnostic Radiologist / Neuroradiologist; Partner (2014– )\n2011 – present\n\n"
        "- Summit Ridge Radiology, Inc., Akron, OH — 38-radiologist independent group covering 4 hospitals\n"
        "- Neuro section chief 2017–present (7 neuroradiologists)\n\n"
        "### Hospitalist\n2008 – 2011\n\n- Led a sepsis bundle with nursing — 30% to 12% delays\n",
        encoding="utf-8",
    )
    first, second = read_cv(path).sections[0].entries
    assert first.organization == "Summit Ridge Radiology, Inc., Akron, OH"
    assert first.bullets[0].text == "38-radiologist independent group covering 4 hospitals"
    assert second.organization is None and second.bullets[0].text.startswith("Led a sepsis bundle")


def test_a_talk_and_its_venue_are_one_item() -> None:
    from translator.parse.structure import facts

    talk = "Poster: Time-to-biologic QI – Crohn's & Colitis Congress, Las Vegas, 2019"
    assert facts(talk, "presentations") == [talk]
    two = "Grand rounds, Mercy Hospital, 2019; Oral presentation, ACG Annual Meeting, 2021"
    assert facts(two, "presentations") == [
        "Grand rounds, Mercy Hospital, 2019",
        "Oral presentation, ACG Annual Meeting, 2021",
    ]


def test_a_label_over_more_duties_and_titles_held_before_their_employer(tmp_path) -> None:
    """Under a position, "Program development highlights:" labels more of its duties: they stay the position's
    (the label is listed as not used, with its reason). "Associate Medical Director (2016–2019); Staff
    Psychiatrist (2014–2016)" over "Lakeshore Community Mental Health Center, Tacoma, WA — July 2014 – February
    2019": one position, the titles with their years, the employer with the whole span."""
    from translator.parse import read_cv
    from translator.parse.structure import LABEL_REASON

    path = tmp_path / "cv.txt"
    path.write_text(
        "Nadia Roe, MD\nroe@example.com\n\nPROFESSIONAL EXPERIENCE\n\n"
        "Medical Director, Collaborative Care Program\n"
        "Evergreen Valley Community Health, Seattle, WA — March 2019 – present\n"
        "- Grew the active registry from 380 to 2,300+ patients\n"
        "Program development highlights:\n- Wrote a 6-module CoCM curriculum for PCPs\n\n"
        "Associate Medical Director (2016–2019); Staff Psychiatrist (2014–2016)\n"
        "Lakeshore Community Mental Health Center, Tacoma, WA — July 2014 – February 2019\n"
        "- Started a long-acting injectable antipsychotic clinic\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    first, second = cv.sections[0].entries
    assert [b.text for b in first.bullets] == [
        "Grew the active registry from 380 to 2,300+ patients",
        "Wrote a 6-module CoCM curriculum for PCPs",
    ]
    assert (second.title, second.organization, second.dates) == (
        "Associate Medical Director (2016–2019); Staff Psychiatrist (2014–2016)",
        "Lakeshore Community Mental Health Center, Tacoma, WA",
        "July 2014 – February 2019",
    )
    assert {n.text: n.reason for n in cv.not_used}["Program development highlights:"] == LABEL_REASON


def test_an_employer_that_ends_a_title_whose_organization_is_only_a_place() -> None:
    """A PDF line split at its dash before the city: "Medical Director, Critical Care Services, Lankenau Medical
    Center (Main Line Health)," / "Wynnewood, PA": the employer ended the title; the place is its city."""
    from translator.models import Entry, Section
    from translator.parse.structure import _Builder

    builder = _Builder()
    entry = Entry(
        title="Medical Director, Critical Care Services, Lankenau Medical Center (Main Line Health),",
        organization="Wynnewood, PA",
        dates="2014 – present",
    )
    builder.sections = [Section(heading="Experience", kind="experience", entries=[entry])]
    builder.employer_under_title()
    assert (entry.title, entry.organization) == (
        "Medical Director, Critical Care Services",
        "Lankenau Medical Center (Main Line Health), Wynnewood, PA",
    )


def test_an_academic_titles_abbreviation_ends_no_sentence() -> None:
    from translator.parse.structure import sentences

    line = "Sentara Norfolk General Hospital / Eastern Virginia Medical School (Asst. Prof. of Medicine)"
    assert sentences(line) == [line]
    assert sentences("Assoc. Prof. of Surgery. Led the trauma service.") == [
        "Assoc. Prof. of Surgery",
        "Led the trauma service",
    ]


def test_a_sentence_with_a_year_under_a_position_is_its_line_not_a_new_entry(tmp_path) -> None:
    """ "Joined as associate 2009, partner 2011." under "Partner / Physician, …  (2011 – present)" in a Word file
    (pandoc's): a line of the position; its year had opened an entry that took the position's ten duties."""
    import docx

    from translator.parse import read_cv

    document = docx.Document()
    document.add_paragraph("Greg Roe, DO")
    document.add_paragraph("roe@example.com")
    document.add_heading("Professional Experience", level=2)
    document.add_heading("Partner / Physician, Front Range Spine, Greenwood Village, CO (2011 – present)", level=3)
    document.add_paragraph("Joined as associate 2009, partner 2011.")
    document.add_paragraph("Built the practice's neuromodulation program (2012)", style="List Bullet")
    path = tmp_path / "cv.docx"
    document.save(str(path))
    entries = [e for s in read_cv(path).sections for e in s.entries]
    assert [(e.title, e.dates) for e in entries] == [("Partner / Physician", "2011 – present")]
    # written with no mark over the marked duties, it says how the post came: a line under its title
    assert entries[0].lines == ["Joined as associate 2009, partner 2011"]
    assert [b.text for b in entries[0].bullets] == ["Built the practice's neuromodulation program (2012)"]


def test_roles_held_in_turn_on_one_line_and_memberships_as_written(tmp_path) -> None:
    """A text CV: an employer, a line saying what it is, then the roles held there in turn on one line, each with
    its years ("Partner, 2017 – present · Associate Physician, Aug 2014 – 2017"): one position, its titles with
    their years, the whole span its dates. Memberships listed one a line are items as written, never split into
    a title and an organization at their first comma ("ASH — ASCO, International Myeloma Society")."""
    path = tmp_path / "cv.txt"
    path.write_text(
        "Dana Roe, MD\nroe@example.com\n\nEXPERIENCE\n\n"
        "Great Lakes Digestive Health Associates, PC — Grand Rapids, MI\n"
        "38-physician independent GI group, 11 clinic sites\n"
        "Partner, 2017 – present · Associate Physician, Aug 2014 – 2017\n"
        "• Built the group's IBD clinic: 0 → 620 patients\n\n"
        "MEMBERSHIPS\n\nASH, ASCO, International Myeloma Society, ASTCT\nACG (Fellow, 2018)\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    (position,) = [e for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert position.title == "Partner (2017 – present); Associate Physician (Aug 2014 – 2017)"
    assert position.organization == "Great Lakes Digestive Health Associates, PC, Grand Rapids, MI"
    assert position.dates == "Aug 2014 – present"
    assert position.lines == ["38-physician independent GI group, 11 clinic sites"]
    assert [b.text for b in position.bullets] == ["Built the group's IBD clinic: 0 → 620 patients"]
    memberships = [e for s in cv.sections if s.kind == "memberships" for e in s.entries]
    assert [(e.title, e.organization) for e in memberships] == [(None, None)]
    assert memberships[0].lines == ["ASH, ASCO, International Myeloma Society, ASTCT", "ACG (Fellow, 2018)"]


def test_a_uk_cv_s_name_degrees_address_and_standing_in_its_personal_details(tmp_path) -> None:
    """A UK-style CV: "Dr" before the name (no US resume has it), degrees with what each is in brackets on the line
    below ("MD (Medicine), DM (Cardiology), MRCP (UK)"), the address only among the personal details; of those
    details, ECFMG certification and US residency are what a US employer asks first, kept as certification; date
    of birth and marital status are set aside."""
    path = tmp_path / "cv.txt"
    path.write_text(
        "Dr Venkatesh Raghunathan\nMBBS, MD (Medicine), DM (Cardiology), MRCP (UK), FESC\n\n"
        "PERSONAL DETAILS\n\nDate of birth 04/09/1980\nAddress 1180 Oakview Road, Decatur, GA 30030, USA\n"
        "Email v.r@example.com\nECFMG Certified, Jun 2025\nUS status Permanent Resident\n"
        "Marital status Married, two children\n\n"
        "EXPERIENCE\n\nConsultant Cardiologist, Royal Derby Hospital 2017 – 2024\n• Led the heart failure service\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    assert cv.profile.name == "Venkatesh Raghunathan"
    assert cv.profile.credentials == ["MBBS", "MD", "DM", "MRCP", "FESC"]
    assert cv.profile.location == "Decatur, GA"
    kept = [line for s in cv.sections if s.kind == "certification" for e in s.entries for line in e.lines]
    assert kept == ["ECFMG Certified, Jun 2025", "US status Permanent Resident"]
    aside = {n.text for n in cv.not_used}
    assert "Marital status Married, two children" in aside and not any("ECFMG" in t for t in aside)


def test_no_sentence_ends_inside_a_bracket_or_after_incl() -> None:
    from translator.parse.structure import sentences

    assert sentences(
        "Outpatient geriatrics consults 1 day/wk (falls, cognition incl. Alzheimer's disease, polypharmacy); "
        "inpatient consults 1 wk in 6. Deprescribing pilot 2022."
    ) == [
        "Outpatient geriatrics consults 1 day/wk (falls, cognition incl. Alzheimer's disease, polypharmacy); "
        "inpatient consults 1 wk in 6",
        "Deprescribing pilot 2022",
    ]
    assert sentences("Led the pilot (n = 96. See the poster.) Then it ended.") == [
        "Led the pilot (n = 96. See the poster.) Then it ended"
    ]


def test_certificates_after_their_board_a_unit_under_its_hospital_and_roles_with_years_in_brackets(tmp_path) -> None:
    """unseen9's neonatologist and unseen8's hem/onc: each certificate after "ABIM:" is ABIM's; a title over a unit
    ("Medical Director — Neonatal Intensive Care Unit") whose first line names the hospital and what it is takes
    that hospital as its employer; a title with its roles' years in brackets is never cut inside them; a heading
    for devices evaluated is work, not a list of technologies."""
    from translator.parse.structure import facts, kind_of_heading

    assert facts("ABIM: Internal Medicine 2012; Hematology 2015 (recert. 2025)", "certification") == [
        "ABIM: Internal Medicine 2012",
        "ABIM: Hematology 2015 (recert. 2025)",
    ]
    assert kind_of_heading("Device and Technology Evaluation") == "other"
    assert kind_of_heading("Diabetes Technology") == "skills"
    path = tmp_path / "cv.txt"
    path.write_text(
        "Dana Roe, MD\nroe@example.com\n\nEXPERIENCE\n\n"
        "Medical Director — Neonatal Intensive Care Unit   2016 – present\n"
        "• Children's Mercy Kansas City — 96-bed Level IV NICU, ~1,150 admissions/yr\n"
        "• Lead 24 neonatologists and 31 NNPs\n\n"
        "CLINICAL TRIALS\n\n"
        "Co-Investigator (2023 – 2024); Site PI (2025 – present) — CLARION-NIV   2023 – present\n"
        "• 19 enrolled to date\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    (director,) = [e for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert (director.title, director.organization) == (
        "Medical Director, Neonatal Intensive Care Unit",
        "Children's Mercy Kansas City",
    )
    (trial,) = [e for s in cv.sections if s.kind == "research" for e in s.entries]
    assert (trial.title, trial.organization) == (
        "Co-Investigator (2023 – 2024); Site PI (2025 – present)",
        "CLARION-NIV",
    )


def test_an_owners_title_under_the_practice_that_heads_it(tmp_path) -> None:
    """unseen10's allergist: 'Front Range Allergy & Asthma, PLLC - Denver, CO' / 'Founder & Managing Partner
    (physician owner)   August 2015 - Present': the practice is the employer, never the title ('an allergist at
    Founder & Managing Partner since 2015')."""
    path = tmp_path / "cv.txt"
    path.write_text(
        "Elena Castellano, MD\nec@example.com\n\nEXPERIENCE\n\n"
        "Front Range Allergy & Asthma, PLLC - Denver / Lakewood / Aurora, CO\n"
        "Founder & Managing Partner (physician owner)     August 2015 - Present\n"
        "• Grew the practice from 1 to 4 physicians and from 1 to 3 sites\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    (position,) = [e for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert position.title == "Founder & Managing Partner (physician owner)"
    assert position.organization and position.organization.startswith("Front Range Allergy & Asthma, PLLC")
    assert cv.profile.institution and cv.profile.institution.startswith("Front Range Allergy")


def test_industry_sponsored_trials_are_research_each_study_heading_what_is_said_of_it(tmp_path) -> None:
    """unseen10's radiation oncologist: "Industry-Sponsored Clinical Trials", each study named with its years, then
    a paragraph about it. The trials are research (not an 'other' section for 'industry'); each study heads an entry
    with its years, and what is said of it are its lines ("the tool stripped the trials' names and results")."""
    path = tmp_path / "cv.txt"
    path.write_text(
        "Julian Marchetti, MD\njm@example.com\n\nINDUSTRY-SPONSORED CLINICAL TRIALS\n\n"
        "PLANWISE-AI (2021 – 2024). Prospective, multicentre, randomised evaluation of an AI auto-segmentation and "
        "planning system. Median plan-generation time fell from 4.5 h to 38 min.\n\n"
        "STILLPOINT (2023 – present). Single-arm pivotal study of a motion-management device. Role: institutional PI; "
        "n=46 enrolled to date (target 60).\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    (trials,) = [s for s in cv.sections if s.heading == "INDUSTRY-SPONSORED CLINICAL TRIALS"]
    assert trials.kind == "research"
    assert [(e.title, e.dates, len(e.bullets)) for e in trials.entries] == [
        ("PLANWISE-AI", "2021 – 2024", 2),
        ("STILLPOINT", "2023 – present", 2),
    ]


def test_a_seat_whose_only_line_below_is_another_seat_is_an_item_of_the_list(tmp_path: Path) -> None:
    """In a list of seats, a dated seat followed by a line that says another seat is held ("I also sit on the county
    Child Death Review Team …") is no position with a duty: both are items, as the CV listed them."""
    cv_file = tmp_path / "cv.txt"
    cv_file.write_text(
        "Mara Quinn, MD\nquinn@example.com\n\nCOMMITTEES\n\n"
        "Chair, Clinical Workgroup, County Youth Suicide Prevention Coalition    2022–present\n"
        "AACAP Committee on Community-Based Systems of Care, early-career member    2019–2021\n"
        "I also sit on the county Child Death Review Team as the psychiatry person\n",
        encoding="utf-8",
    )
    cv = read_cv(cv_file)
    entries = [e for s in cv.sections if s.kind == "committees" for e in s.entries]
    assert all(not e.title for e in entries)
    items = [b.text for e in entries for b in e.bullets]
    assert len(items) == 3 and items[-1].startswith("I also sit on the county Child Death Review Team")


def test_certificates_written_as_sentences_are_one_each_and_a_board_names_only_its_own() -> None:
    """A Europass cell or a paragraph of certificates ("American Board of Pediatrics: Pediatric Cardiology (2017).
    Wisconsin medical licence. PALS."): one item each, the board's name before its own specialties and its upkeep
    only (not "ABOG: Delaware license")."""
    from translator.parse.structure import facts

    assert facts(
        "American Board of Pediatrics: Pediatric Cardiology (2017). Wisconsin medical licence . PALS.", "certification"
    ) == [
        "American Board of Pediatrics: Pediatric Cardiology (2017)",
        "Wisconsin medical licence",
        "PALS.",
    ]
    assert facts("ABOG: Maternal–Fetal Medicine (2017). CPHQ (2022). Delaware license", "certification") == [
        "ABOG: Maternal–Fetal Medicine (2017)",
        "CPHQ (2022)",
        "Delaware license",
    ]
    assert facts("ABIM: Internal Medicine 2012; Hematology 2015", "certification") == [
        "ABIM: Internal Medicine 2012",
        "ABIM: Hematology 2015",
    ]


def test_a_title_under_its_employer_takes_the_name_under_it_with_its_note(tmp_path) -> None:
    """unseen13: 'Interim Medical Director (Mar 2022 – Sep 2022)' / 'Scioto Valley Clinical Research (the group's trial
    site)': the trial site is the post's employer, not a duty ('Conducted Scioto Valley Clinical Research …')."""
    from translator.parse import read_cv

    cv = tmp_path / "cv.txt"
    cv.write_text(
        "Corinne Navarro, MD\ncorinne@example.com\n\nEXPERIENCE\n\nDirector of Mohs Surgery (2016–present)\n"
        "Scioto Valley Dermatology, Inc., Columbus, OH\n- Performed 1,350 Mohs cases a year\n\n"
        "Interim Medical Director (Mar 2022 – Sep 2022)\nScioto Valley Clinical Research (the group's trial site)\n"
        "- Covered the site after the director left: 14 active studies\n",
        encoding="utf-8",
    )
    work = [e for s in read_cv(cv).sections if s.kind == "experience" for e in s.entries]
    assert work[1].organization == "Scioto Valley Clinical Research (the group's trial site)"
    assert [b.text[:7] for b in work[1].bullets] == ["Covered"]


def test_a_portals_personal_details_give_languages_and_work_permit_not_hobbies(tmp_path) -> None:
    """unseen16's oncologist (a job portal's text export): 'Languages Known: English (Read, Write, Speak), Tamil …'
    and 'Work Permit: Singapore PR' among 'Personal Details' were set aside as family and hobbies; four languages
    are an APAC medical science liaison's asset, and a permit says where they may be hired."""
    from translator.parse import read_cv

    path = tmp_path / "cv.txt"
    path.write_text(
        "Karthik Raghavan\nkr@example.com\n\nEMPLOYMENT\n\nConsultant Medical Oncologist, Lion City Cancer Centre"
        "    2018 - present\n- Principal Investigator for 12 industry-sponsored trials\n\nPERSONAL DETAILS\n\n"
        "Marital Status: Married\nLanguages Known: English (Read, Write, Speak), Tamil (Speak)\n"
        "Work Permit: Singapore PR\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    lines = {s.heading: [t for e in s.entries for t in e.lines] for s in cv.sections}
    assert lines["Languages"] == ["Languages: English (Read, Write, Speak), Tamil (Speak)"]
    assert lines["Certification & Work Authorization"] == ["Work Permit: Singapore PR"]
    assert [n.text for n in cv.not_used] == ["Marital Status: Married"]


def test_a_cv_written_as_one_nested_list_gives_posts_with_their_dates(tmp_path) -> None:
    """unseen17's ophthalmologist (a Jekyll page): each post a top-level item ('**Consultant Ophthalmologist, Medical
    Retina** — Harbourside Hospital Eye Department, Auckland'), its dates on the line under it ('*Feb 2024 – present ·
    0.6 FTE public · 4 sessions/week*'), its duties a level deeper. Every title was lost to its FTE line; a duty
    ending with a colon over items set under it was cut from its results."""
    from translator.parse import read_cv

    path = tmp_path / "cv.md"
    path.write_text(
        "# Isla Fairbairn\n\nisla@example.org\n\n## Current roles\n\n"
        "- **Consultant Ophthalmologist, Medical Retina** — Harbourside Hospital Eye Department, Auckland\n"
        "  *Feb 2024 – present · 0.6 FTE public · 4 sessions/week*\n"
        "  - Run two intravitreal injection lists a week (~45 injections per list)\n"
        "  - Introduced a treat-and-extend protocol for nAMD:\n"
        "    - mean treatment interval 6.1 → 9.4 weeks at 12 months (n = 318 eyes)\n"
        "    - visits saved ≈ 2,900/year\n"
        "- **Senior House Officer, Ophthalmology** — Harbourside Hospital, Auckland · *2015 – 2017*\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    posts = [e for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert [(e.title, e.organization, e.dates) for e in posts] == [
        (
            "Consultant Ophthalmologist, Medical Retina",
            "Harbourside Hospital Eye Department, Auckland",
            "Feb 2024 – present",
        ),
        ("Senior House Officer, Ophthalmology", "Harbourside Hospital, Auckland", "2015 – 2017"),
    ]
    assert posts[0].lines == ["0.6 FTE public · 4 sessions/week"]
    assert [b.text for b in posts[0].bullets][1] == (
        "Introduced a treat-and-extend protocol for nAMD: mean treatment interval 6.1 → 9.4 weeks at 12 months "
        "(n = 318 eyes); visits saved ≈ 2,900/year"
    )
    assert cv.profile.institution == "Harbourside Hospital"


def test_a_date_column_a_single_space_before_the_title() -> None:
    from translator.parse.text import split_dates

    assert split_dates("11/2016 – present Director, Haemophilia and Thrombosis Centre") == (
        "Director, Haemophilia and Thrombosis Centre",
        "11/2016 – present",
    )
    assert split_dates("2019 Hospitalist") == ("2019 Hospitalist", None)


@pytest.mark.parametrize(
    "line",
    [
        "Autorizzo il trattamento dei miei dati personali ai sensi del D.Lgs. 196/2003 e del Regolamento UE 2016/679 "
        "(GDPR).",
        "Bologna, 15 October 2024 Lorenzo Ferrandi-Vitale",
    ],
)
def test_a_european_cvs_consent_and_signature_are_set_aside(line: str) -> None:
    from translator.parse.text import set_aside

    assert set_aside(line) is not None
    assert set_aside("London, 3 March 2023") is None  # a talk's place and date, no signature


def test_a_town_before_its_postcode_in_italy() -> None:
    from translator.parse.profile import _location

    assert _location(["Via dei Mille Orti 14, 40125 Bologna, Italy • +39 333 555 0172"], None) == "Bologna, Italy"


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Clinical & Research Experience", "experience"),  # unseen17's rheumatologist: her posts, research among them
        ("Professional and Teaching Experience", "experience"),
        ("Research Experience", "research"),
        ("Clinical Research Experience", "research"),
    ],
)
def test_a_heading_of_experience_that_names_clinical_work_holds_the_posts(heading: str, kind: str) -> None:
    from translator.parse.structure import kind_of_heading

    assert kind_of_heading(heading) == kind


def test_an_employer_set_over_the_posts_held_there_is_each_posts_employer(tmp_path) -> None:
    """unseen17's sleep physician (Chromium PDF): 'Hill Country Pulmonary & Sleep Associates' with its span and a line
    on what it is, then 'Medical Director — Sleep Center' and 'Partner Physician — Pulmonary & Sleep Medicine', each
    dated: the employer was a post of its own and the outreach said 'at Sleep Center'."""
    from translator.parse import read_cv

    path = tmp_path / "cv.md"
    path.write_text(
        "# Kevin Nakashima, MD\n\nkn@example.com\n\n## Experience\n\n### Hill Country Pulmonary & Sleep Associates\n"
        "Jul 2014 – Present\n\nAustin & Round Rock, TX · 11-physician independent group\n\n"
        "### Medical Director — Sleep Center\nMar 2017 – Present\n\n- Oversee ~3,100 sleep studies/yr\n\n"
        "### Partner Physician — Pulmonary & Sleep Medicine\nJul 2014 – Present\n\n"
        "- EBUS-TBNA and navigational bronchoscopy, ~140 cases/yr\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    posts = [(e.title, e.organization) for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert posts == [
        ("Medical Director", "Hill Country Pulmonary & Sleep Associates (Sleep Center)"),
        ("Partner Physician", "Hill Country Pulmonary & Sleep Associates (Pulmonary & Sleep Medicine)"),
    ]
    assert cv.profile.institution == "Hill Country Pulmonary & Sleep Associates"


def test_a_profile_pasted_from_linkedin_gives_each_post_its_title_and_company(tmp_path) -> None:
    """unseen18's palliative care physician (a LinkedIn profile pasted as text): 'Coral Coast Health Fund' /
    'Part-time · 1 yr 9 mos' / 'Remote' / 'Clinical Advisor, Hospital Claims Review (0.1 FTE)' / 'Jun 2022 - Present ·
    1 yr 9 mos': every title was lost (the payer post among them), the texts said 'at Brisbane' and 'At Remote'."""
    from translator.parse import read_cv

    path = tmp_path / "cv.txt"
    path.write_text(
        "Dr Joanna Teo-Whitlock\nMBBS FRACP\njoanna@example.com\n\nExperience\n\n"
        "Southern Moreton Health Service\nFull-time · 5 yrs 2 mos\nBrisbane, Queensland, Australia\n"
        "    Senior Staff Specialist, Palliative Medicine\n    Jan 2019 - Present · 5 yrs 2 mos\n"
        "    Lead consultant for a 20-bed inpatient palliative care unit.\n\n"
        "Coral Coast Health Fund\nPart-time · 1 yr 9 mos\nRemote\n"
        "    Clinical Advisor, Hospital Claims Review (0.1 FTE)\n    Jun 2022 - Present · 1 yr 9 mos\n"
        "    Review complex hospital claims against fund rules (~45 files/month).\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    posts = [(e.title, e.organization, e.dates) for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert posts == [
        (
            "Senior Staff Specialist, Palliative Medicine",
            "Southern Moreton Health Service, Brisbane, Queensland, Australia",
            "Jan 2019 - Present",
        ),
        ("Clinical Advisor, Hospital Claims Review (0.1 FTE)", "Coral Coast Health Fund, Remote", "Jun 2022 - Present"),
    ]
    assert cv.profile.institution == "Southern Moreton Health Service"
    assert "Full-time · 5 yrs 2 mos" in [n.text for n in cv.not_used]


def test_an_employer_with_its_place_and_a_title_held_there_over_its_posts(tmp_path) -> None:
    """unseen18's gastroenterologist: 'Lakeshore Digestive Health Institute, …' with its span, then 'Columbus, OH ·
    Associate Professor of Clinical Medicine (since Jul 2021)', then the posts held there: the texts said
    'gastroenterologist at Associate Professor of Clinical Medicine'."""
    from translator.parse import read_cv

    path = tmp_path / "cv.md"
    path.write_text(
        "# Priya Raman-Holt, MD\n\npr@example.com\n\n## Professional Experience\n\n"
        "### Lakeshore Digestive Health Institute\nJul 2017 – Present\n\n"
        "Columbus, OH · Associate Professor of Clinical Medicine (since Jul 2021)\n\n"
        "### Director — Inflammatory Bowel Disease Center\nJan 2020 – Present\n\n- Lead a 6-physician IBD program\n\n"
        "### Staff Gastroenterologist / Assistant Professor of Clinical Medicine\nJul 2017 – Dec 2019\n\n"
        "- ~22 patients a day in clinic\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    posts = [(e.title, e.organization) for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert posts == [
        ("Director", "Lakeshore Digestive Health Institute, Columbus, OH (Inflammatory Bowel Disease Center)"),
        (
            "Staff Gastroenterologist / Assistant Professor of Clinical Medicine",
            "Lakeshore Digestive Health Institute, Columbus, OH",
        ),
    ]
    assert cv.profile.institution == "Lakeshore Digestive Health Institute"


def test_a_degree_with_its_country_in_a_table_is_no_heading() -> None:
    """unseen18's geriatrician (LibreOffice .docx, qualifications in a table): the row 'MRCP (UK)' was read as a
    heading in capitals, and the MBChB and BSc under it left Education and were cut 'to keep it to 2 pages'."""
    from translator.parse.profile import only_credentials

    assert only_credentials("MRCP (UK)")
    assert only_credentials("FRCP (Edin)")
    assert not only_credentials("NEUROLOGY (UK)")


def test_a_date_column_whose_range_wrapped_gives_each_post_its_dates() -> None:
    """unseen18's paediatric cardiologist (a Chromium timeline: dates in a narrow left column): '09/2022 –' /
    'present' wrapped, each half read into the line beside it ('09/2022 – Staff Pediatric Cardiologist' / 'present
    Maritime …'); the title became '09/2022, Staff Pediatric Cardiologist' in every text."""
    from translator.parse.structure import build_sections
    from translator.parse.text import Line

    lines = [
        Line(text="Marc-Antoine Okafor, MD"),
        Line(text="ma@example.ca"),
        Line(text="EXPERIENCE", heading=True, level=1),
        Line(text="07/2021 – Clinical Fellow, Advanced Imaging & Fetal Cardiology"),
        Line(text="08/2022 Westbrook Children's Hospital · Vancouver, BC"),
        Line(text="Performed ~400 fetal echos and 90 cardiac MRIs under supervision.", bullet=True),
        Line(text="09/2022 – Staff Pediatric Cardiologist"),
        Line(text="Maritime Children's Health Centre · Halifax, NS", aside="present"),
        Line(text="Echo lab reader: ~1,250 transthoracic echocardiograms per year", bullet=True),
    ]
    _, sections, _ = build_sections(lines)
    posts = [(e.title, e.dates) for s in sections for e in s.entries if e.title]
    assert posts == [
        ("Clinical Fellow, Advanced Imaging & Fetal Cardiology", "07/2021 – 08/2022"),
        ("Staff Pediatric Cardiologist", "09/2022 – present"),
    ]


def test_an_employer_with_a_bracketed_note_after_its_full_stop_is_no_description() -> None:
    """unseen18's geriatrician: 'Consultant Physician in Geriatric Medicine — Wrenfield University Hospitals NHS
    Foundation Trust, Sheffield. (10 PAs; 8.5 DCC / 1.5 SPA)' was read as a title with a description, no employer,
    and the texts named her registrar rotation's hospitals as her employer."""
    from translator.parse.structure import _describes

    assert not _describes("Wrenfield University Hospitals NHS Foundation Trust, Sheffield. (10 PAs; 8.5 DCC / 1.5 SPA)")
    assert _describes("Phase 3 trial of an oral agent for anemia. 22 patients randomized at our units.")


def test_a_personal_line_said_among_other_things_is_set_aside(tmp_path) -> None:
    """unseen18's geriatrician: '… Mental Capacity Act Level 3. Full UK driving licence. Interests: fell running,
    choir.' under 'Courses and other information': the report asked how many patients a day for each."""
    from translator.parse import read_cv

    path = tmp_path / "cv.txt"
    path.write_text(
        "Fiona Aldous\nfa@example.org\n\nEXPERIENCE\n\nConsultant Geriatrician, Wrenfield Hospital    2012 - present\n"
        "- Lead the frailty unit\n\nCOURSES AND OTHER INFORMATION\n\n"
        "Advanced Life Support (renewed 2023). Full UK driving licence. Interests: fell running, choir.\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    kept = [t for s in cv.sections for e in s.entries for t in (*e.lines, *(b.text for b in e.bullets))]
    assert not any("driving" in t or "Interests" in t for t in kept)
    assert {"Full UK driving licence", "Interests: fell running, choir"} <= {n.text.rstrip(".") for n in cv.not_used}


def test_post_nominals_with_their_fields_are_read_as_written() -> None:
    """unseen18's South African urologist: 'MBChB, MMed (Urol), FCS (SA) Urol — Consultant Urologist' under the
    name gave no credentials at all."""
    from translator.parse.profile import listed_credentials

    assert listed_credentials("MBChB, MMed (Urol), FCS (SA) Urol — Consultant Urologist") == [
        "MBChB",
        "MMed (Urol)",
        "FCS (SA) Urol",
    ]
    assert listed_credentials("Cape Town, Western Cape") == []


def test_an_australian_phone_and_a_city_with_its_state_named_in_full() -> None:
    """unseen18's palliative care physician: 'Phone: (07) 5550 1187 (Mobile)' was not read, and her location was her
    tagline's 'Senior Staff Specialist, Palliative Medicine' instead of 'Brisbane, Queensland, Australia'."""
    from translator.identifiers import PHONE
    from translator.parse.profile import _location

    found = PHONE.search("Phone: (07) 5550 1187 (Mobile)")
    assert found is not None and found.group(0) == "(07) 5550 1187"
    lines = [
        "Senior Staff Specialist, Palliative Medicine | Clinical Advisor, Hospital Claims Review",
        "Brisbane, Queensland, Australia · Contact info",
    ]
    assert _location(lines, "Joanna Teo-Whitlock") == "Brisbane, Queensland"
