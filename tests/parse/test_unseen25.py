"""unseen25: six CVs a helper wrote from a fourth brief (Europass, a Word template with content controls, a Notion
export, a LibreOffice .docx with prose duties, Word's plain text, a resume builder's PDF), read blind at c80c3b3.
What their reading got wrong, read right."""

from __future__ import annotations

from tests.conftest import FIXTURES, posts_of
from translator.parse import read_cv
from translator.parse.text import split_dates

UNSEEN = FIXTURES / "unseen"


def test_a_word_template_keeps_its_name_and_contact_in_content_controls() -> None:
    """A Columbus dermatologist's CV from a Word template: the name, the headline and each contact line sit in
    content controls (w:sdt), which python-docx's own reading passes over; the run stopped with 'no name found'.
    Each post reads 'Staff Dermatologist • Cedar Hollow Dermatology Associates' over 'Columbus, OH | August 2023 –
    Present', which became a post of its own called 'Columbus'."""
    cv = read_cv(UNSEEN / "word-template-content-controls-table-sidebar_dermatology_python-docx.docx")
    assert cv.profile.name == "Danielle K. Okafor"
    assert cv.profile.email == "dokafor.derm@example.com"
    assert cv.profile.phone == "(614) 555-0148"
    assert cv.profile.location == "Columbus, OH"
    posts = posts_of(cv)
    assert posts[0] == (
        "Staff Dermatologist",
        "Cedar Hollow Dermatology Associates, Columbus, OH",
        "August 2023 – Present",
    )
    assert (
        "Dermatology Resident",
        "Lakeshore University Medical Center, Chicago, IL",
        "July 2020 – June 2023",
    ) in posts
    assert not any(title in {"Columbus", "Chicago", "Evanston"} for title, _, _ in posts)


def test_numbered_headings_in_a_heading_style_open_sections_and_prose_duties_are_read() -> None:
    """A Dublin gastroenterologist's LibreOffice .docx types its headings '1. Personal Details', '5. Clinical
    Experience' in a heading style and writes duties as paragraphs: the number made each heading a list item, so
    the whole CV was one Profile and the run found 0 duties."""
    cv = read_cv(UNSEEN / "numbered-headings-prose-duties_gastroenterology_libreoffice.docx")
    kinds = [s.kind for s in cv.sections]
    assert {"summary", "education", "certification", "experience", "publications", "references"} <= set(kinds)
    posts = posts_of(cv)
    assert posts[0] == (
        "Locum Consultant Gastroenterologist",
        "Cnoc Ard General Hospital, Galway",
        "Jul 2024 – present",
    )
    duties = [b.text for _, _, b in cv.all_bullets()]
    assert len(duties) >= 12
    assert any(d.startswith("Audited 212 patients on infliximab") for d in duties)
    # a sentence that ends on its dates is no post: "Intern year and BST …, followed by … (2016 – 2018)."
    assert not any(title.startswith("Intern year and BST") for title, _, _ in posts)
    certificates = [b.text for s in cv.sections if s.kind == "certification" for b in s.bullets]
    assert not any(c == "Medical Council of Ireland" for c in certificates)  # a body, not a fact of its own


def test_a_sentence_keeps_the_dates_it_names_in_passing() -> None:
    assert (
        split_dates(
            "Modules completed: Economic Evaluation, Decision Modelling. Dissertation (in progress): cost-utility of "
            "proactive drug monitoring. Expected completion: December 2025."
        )[1]
        is None
    )
    assert (
        split_dates(
            "Intern year and BST in General Internal Medicine, followed by a non-training registrar post in "
            "gastroenterology (2016 – 2018)."
        )[1]
        is None
    )
    # a title and its places, however long, keep their dates apart; so does a saint's hospital
    assert (
        split_dates(
            "Residency in Anesthesiology, San Antonio Uniformed Services Health Education Consortium (Brooke Army "
            "Medical Center / Wilford Hall), San Antonio, TX, 2001–2004."
        )[1]
        == "2001–2004"
    )
    assert split_dates("Registrar, St. Mary's Hospital (2010 – 2012)")[1] == "2010 – 2012"


def test_two_columns_under_a_banner_are_read_a_column_at_a_time() -> None:
    """A Dubai radiologist's resume-builder PDF: a dark band across the top (name, headline, a contact row with
    icons) over a main column and a grey right sidebar (Skills, Languages, Memberships, Interests). The band
    crossed the gutter, so the page was read across both columns: his first post was titled 'Regulatory (CE/UKCA,
    FDA 510(k),', his NHS consultant post landed under Memberships and his Profile among the skills."""
    cv = read_cv(UNSEEN / "resume-builder-banner-right-sidebar_radiology_chromium.pdf")
    assert cv.profile.name == "Jonathan R. Ashcombe-Pryce"
    assert cv.profile.location == "Dubai, UAE"
    posts = posts_of(cv)
    assert [title for title, _, _ in posts] == [
        "Consultant Radiologist & Head of Imaging Informatics",
        "Consultant Thoracic Radiologist",
        "Sabbatical, volunteer teleradiologist",
        "Specialty Registrar, Clinical Radiology",
    ]
    current = cv.sections[[s.kind for s in cv.sections].index("experience")].entries[0]
    assert len(current.bullets) == 5
    summary = next(s for s in cv.sections if s.kind == "summary")
    assert summary.entries[0].lines[0].startswith("Seeking a Medical Director position at a medtech")
    skills = [t for s in cv.sections if s.kind == "skills" for e in s.entries for t in e.lines]
    assert "Regulatory (CE/UKCA, FDA 510(k), SaMD)" in skills
    patents = next(s for s in cv.sections if s.heading.lower().startswith("patents"))
    assert patents.kind == "other"  # its own heading on the resume, not 'Clinical Research / Trials'
    assert len(patents.bullets) == 3


def test_a_licence_number_goes_with_all_its_letters_and_leaves_no_dash() -> None:
    from translator.identifiers import without_identifiers

    assert without_identifiers("DHA Professional Licence – Consultant Radiologist, DHA-P-0081234") == (
        "DHA Professional Licence – Consultant Radiologist"
    )
    assert without_identifiers(
        "Vocational registration in Nephrology, Medical Council of New Zealand — MCNZ no. 48213"
    ) == ("Vocational registration in Nephrology, Medical Council of New Zealand")


def test_a_europass_pdf_from_a_browser_reads_row_by_row() -> None:
    """A Munich psychiatrist's Europass CV printed by Chromium: labels and 'MM/YYYY' dates right-aligned in a left
    column, each row's text beside them. A single date ('06/2016') was not taken for a label, so pages 2 and 3 were
    read as two columns (the dates, then the text); an 'MM/YYYY' range stayed in the title; the employer line under
    each title was too long for an organization that says 'Klinikum'; 'Clinical trials', 'Publications' and
    'Memberships' in the label column were no headings; the language grid's levels were dropped as icon glyphs; the
    'Job applied for / Position' row was a post she held."""
    cv = read_cv(UNSEEN / "europass-chromium-label-column-language-grid_psychiatry.pdf")
    posts = posts_of(cv)
    assert posts[0] == (
        "Senior Physician (Oberärztin), acute general psychiatry and affective disorders unit",
        "Klinikum Isarhöhe, Klinik für Psychiatrie, Psychotherapie und Psychosomatik, Munich (Germany)",
        "01/2019 – present",
    )
    assert (
        "Resident (Assistenzärztin) in psychiatry and psychotherapy, incl. 12 months neurology",
        "Bezirksklinikum Oberföhring, Munich (Germany)",
        "10/2010 – 01/2017",
    ) in posts
    assert not any("Drug Safety Physician" in title for title, _, _ in posts)
    assert cv.profile.specialty == "psychiatry"
    trials = next(s for s in cv.sections if s.heading == "Clinical trials")
    assert [e.dates for e in trials.entries] == ["03/2021 – 09/2024", "06/2019 – 11/2020"]
    education = posts_of(cv, "education")
    assert (
        "Specialist qualification (Facharzt) in Psychiatry and Psychotherapy",
        "Bayerische Landesärztekammer, Munich (Germany)",
        "06/2016",
    ) in education
    skills = [t for s in cv.sections if s.kind == "skills" for e in s.entries for t in e.lines]
    assert "Languages: German (native); English (B2–C1); French (B1–B2); Italian (A1–A2)" in skills
    kinds = {s.kind for s in cv.sections}
    assert {"publications", "memberships", "awards"} <= kinds


def test_the_job_applied_for_row_of_a_europass_cv_is_its_target() -> None:
    from translator.report import build_report, run_summary

    report = build_report(read_cv(UNSEEN / "europass-chromium-label-column-language-grid_psychiatry.pdf"))
    assert report.target == "clinical-development"  # "Drug Safety Physician / Pharmacovigilance Physician"
    assert run_summary(report).endswith("(as the CV states it)")


def test_items_set_under_a_label_are_said_with_it() -> None:
    """An Auckland nephrologist's Notion export nests what she did under what she held ('Clinical lead, Home
    Haemodialysis Programme (since 2019)' / '    - Grew the programme from 31 to 74 patients …'); flattened and
    ranked, 'Grew the programme' came before the programme was named, and 'Started in 2020 (COVID)' no longer
    said what started. A label is said with as many of its items as read as one line; a duty said whole keeps its
    items apart."""
    cv = read_cv(UNSEEN / "notion-export-nested-items-toggles_nephrology.md")
    duties = [b.text for b in cv.sections[[s.kind for s in cv.sections].index("experience")].entries[0].bullets]
    assert (
        "Clinical lead, Home Haemodialysis Programme (since 2019): grew the programme from 31 to 74 patients on home HD"
        in duties
    )
    assert any(
        d.startswith("Telehealth renal clinic (Te Tai Tokerau / Northland outreach): started in 2020 (COVID)")
        for d in duties
    )
    assert any(d.startswith("Set up remote treatment-data review") for d in duties)  # too long to join: its own line
    assert (
        "Advanced Trainee, Nephrology (RACP)",
        "Tāmaki Regional Hospital and Waikōwhai Hospital, Auckland",
        "2009 – 2013",
    ) in posts_of(cv)


def test_a_line_that_says_the_physicians_own_part_takes_no_guessed_verb() -> None:
    from translator.mapping.translate import translate_bullet

    founded = translate_bullet("Telehealth renal clinic (Northland outreach): started in 2020 and kept going").rewrite
    assert founded.startswith("Telehealth renal clinic")  # not "Staffed a telehealth renal clinic"
    assert translate_bullet("Menopause consult clinic, founded 2019; ~15 new referrals/mo").rewrite.startswith(
        "Menopause consult clinic"
    )
    assert translate_bullet("Breast clinic 3 days/week, ~45 new patients/week").rewrite.startswith(
        "Staffed a breast clinic"
    )


def test_a_wish_for_heor_or_market_access_is_named_in_its_own_words() -> None:
    """The Dublin gastroenterologist wants 'a position in health economics and outcomes research (HEOR) or market
    access within the pharmaceutical industry': the payer profile is the closest, but her outputs were titled
    'Payer / Utilization Management', her headline 'Exploring Payer Medical Management'. The part of the target
    her wish names gives its name, headline, team and search terms, and weighs her drug-cost work."""
    from translator.outputs import render_outputs
    from translator.report import build_report, run_summary

    cv = read_cv(UNSEEN / "numbered-headings-prose-duties_gastroenterology_libreoffice.docx")
    report = build_report(cv)
    assert report.target == "payer"
    assert "target: HEOR / Market Access (as the CV states it)" in run_summary(report)
    assert any("HEOR & Market Access" in h for h in report.headlines)
    assert not any("Payer" in h or "Utilization" in h for h in report.headlines)
    assert "payer medical management" not in report.summary
    linkedin = render_outputs(cv, report)["linkedin.md"].decode()
    assert "Target: **HEOR / Market Access**" in linkedin
    # the budget-impact model and the drug-spend audit are among the facts her texts tell
    assert "budget-impact model" in report.about or "drug spend" in report.about


def test_a_first_person_duty_keeps_its_act() -> None:
    from translator.mapping.translate import translate_bullet

    said = translate_bullet("I have set up a nurse-led biologic monitoring clinic and manage the local IBD registry")
    assert said.rewrite.startswith("Set up a nurse-led biologic monitoring clinic")  # was "Staff an i have set up …"
    assert translate_bullet("I have no industry ties").rewrite == "I have no industry ties"


def test_a_wish_for_drug_safety_is_named_so_and_a_wards_kind_is_no_subspecialty() -> None:
    """The Munich psychiatrist applies for 'Drug Safety Physician / Pharmacovigilance Physician': the clinical
    development profile in the words of its drug-safety part; her ward, 'acute general psychiatry and affective
    disorders unit', made her an 'Acute General Psychiatrist'; '…, see below' pointed at another section."""
    from translator.report import build_report, run_summary

    report = build_report(read_cv(UNSEEN / "europass-chromium-label-column-language-grid_psychiatry.pdf"))
    assert "target: Drug Safety / Pharmacovigilance (as the CV states it)" in run_summary(report)
    assert report.headlines[0].startswith("Psychiatrist | ")
    assert any("Pharmacovigilance · ADR Reporting" in h for h in report.headlines)
    assert not any("see below" in b.rewrite for b in report.bullets)
