"""unseen24: six CVs a helper wrote from a third brief, read blind at 56edecc (R · L · O 3.0 · 3.0 · 4.2 of 10). What
their reading got wrong, read right."""

from __future__ import annotations

from tests.conftest import FIXTURES, posts_of
from translator.parse import read_cv

UNSEEN = FIXTURES / "unseen"


def test_a_linkedin_page_copied_as_text_reads_as_the_profile_it_shows() -> None:
    """A Winnipeg family physician pasted her LinkedIn page into a .md file: every line twice (the page's text and
    its screen reader's), logos' alt text, '…see more', 'Show all 7 experiences →', endorsements. No duty was found
    and her resume was one paragraph of page debris."""
    cv = read_cv(UNSEEN / "linkedin-page-copied-as-text_family-medicine.md")
    posts = posts_of(cv)
    assert posts[0] == (
        "Medical Lead, Population Health",
        "Riverbend Community Health Collective, Winnipeg, Manitoba, Canada",
        "Jan 2018 - Present",
    )
    assert (
        "Medical Advisor (part-time)",
        "Prairie Health Quality Council, Winnipeg, Manitoba, Canada",  # where the page says it was held
        "Sep 2020 - Present",
    ) in posts
    assert ("Family Physician", "Riverbend Community Health Collective", "Jul 2013 - Present") in posts  # its block
    assert len([b for _, _, b in cv.all_bullets()]) >= 15
    assert posts_of(cv, "education")[0] == (
        "Master of Public Health - MPH, Epidemiology",
        "Selkirk Plains University",
        "2015 - 2017",
    )
    text = " ".join(
        [*(b.text for _, _, b in cv.all_bullets()), *(t for s in cv.sections for e in s.entries for t in e.lines)]
    )
    for debris in ("logo", "see more", "Show all", "endorsements", "Show credential", "· Part-time"):
        assert debris not in text
    certified = [t for s in cv.sections if s.kind == "certification" for e in s.entries for t in e.lines]
    assert "CCFP — The College of Family Physicians of Canada (Jul 2012)" in certified


def test_numbered_posts_with_a_duration_line_and_a_closing_declaration() -> None:
    """A Pune fetal-medicine specialist's Notepad CV: '1. Senior Consultant & Head, …' / employer / 'Duration: Jan 2015
    - Till Date' were read as bullets and two posts vanished; 'Key Responsibilities:' stayed in a duty; the signed
    declaration was printed under Skills; the PIN code hid her town."""
    cv = read_cv(UNSEEN / "notepad-numbered-posts-duration-declaration_mfm.txt")
    assert cv.profile.location == "Pune, Maharashtra"
    assert posts_of(cv) == [
        (
            "Senior Consultant & Head, Fetal Medicine Unit",
            "Vasundhara Institute of Maternal & Fetal Medicine, Pune",
            "Jan 2015 - present",
        ),
        ("Consultant Obstetrician & Gynaecologist", "Parvati Charitable Trust Hospital, Pune", "Jul 2009 - Dec 2014"),
        ("Fellow in Fetal Medicine", "Anandam Centre for Fetal Medicine, Bengaluru", "Aug 2008 - Jun 2009"),
        (
            "Senior Resident, Department of Obstetrics & Gynaecology",
            "Krishnamai Government Medical College & Hospital, Satara",
            "Jun 2006 - Jul 2008",
        ),
    ]
    duties = [b.text for _, _, b in cv.all_bullets()]
    assert not any("Key Responsibilities" in d or "hereby declare" in d for d in duties)
    assert {"DECLARATION:", "Place: Pune"} <= {n.text for n in cv.not_used}


def test_a_wish_for_a_clinical_safety_officer_role_at_a_digital_company_is_health_tech() -> None:
    """A Leeds emergency physician's Personal Statement names 'a clinical safety officer / clinical lead role within a
    digital triage company'; the run said the CV named no target."""
    from translator.mapping.roles import stated_target

    stated = stated_target(
        [
            "I am now looking to move into a clinical safety officer / clinical lead role within a "
            "digital triage company, where I can apply frontline EM experience."
        ]
    )
    assert stated is not None and stated.role == "health-tech"


def test_a_posts_table_cut_by_a_page_break_reads_a_post_a_row() -> None:
    """A Leeds emergency physician's LibreOffice CV lists her previous posts as a 'Dates | Post | Hospital' table,
    which the page break cuts, repeating its names row on page 2. Its names row became a post, its wrapped cells
    split into entries ('Emergency Medicine Registrar (non-' / 'training) Zealand'), and the next section's heading,
    'Digital Health & Clinical Safety (DCB0129 / DCB0160)', was read as a duty line: a code in it was taken for a
    phone number."""
    cv = read_cv(UNSEEN / "nhs-posts-table-repeated-names-row_emergency-medicine_libreoffice.pdf")
    previous = next(s for s in cv.sections if s.heading == "Previous Posts")
    assert [(e.title, e.organization, e.dates) for e in previous.entries] == [
        (
            "Specialty Registrar (ST4–ST6) Emergency Medicine",
            "Kirkgate General Infirmary / St Oswin's Hospital, Wakefield & Leeds",
            "Feb 2013 – Jul 2016",
        ),
        ("ACCS CT1–CT3 and ST3 Emergency Medicine", "Ribblesmere District Hospital, Bradford", "Aug 2009 – Jan 2013"),
        (
            "Emergency Medicine Registrar (non-training)",
            "Waimea Coast Hospital, Nelson, New Zealand",
            "Aug 2008 – Jul 2009",
        ),
        ("Foundation Year 1 & 2", "Pennine Vale University Hospital, Huddersfield", "Aug 2006 – Jul 2008"),
    ]
    digital = next(s for s in cv.sections if s.heading.startswith("Digital Health & Clinical Safety"))
    assert [e.title for e in digital.entries] == [
        "Trust Clinical Safety Officer (1 PA)",
        "Clinical Lead, E-Triage Pilot",
    ]
    statement = next(s for s in cv.sections if s.kind == "summary")
    assert len(statement.entries[0].lines) == 2  # its two paragraphs, each whole
