"""unseen22: six CVs a helper wrote from a new brief, read blind at 016a65f (R · L · O 1.8 · 1.8 · 2.2 of 10).
What their reading got wrong, read right; each test names the mechanism, not the line."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURES, posts_of
from translator import dates
from translator.models import BulletTranslation
from translator.parse import read_cv
from translator.parse.structure import section_kind
from translator.report import british_spelling, build_report, warnings, writes_british

UNSEEN = FIXTURES / "unseen"


def test_a_right_hand_sidebar_opens_with_the_contact_details() -> None:
    """An Australian retina surgeon's Chromium PDF: 'A/Prof Malcolm J. Ashdown' was no name (the run stopped), and
    the sidebar on the right, read after the main column, put his phone, e-mail and town under Publications."""
    cv = read_cv(UNSEEN / "right-sidebar-contact-aprof_retina_chromium.pdf")
    assert cv.profile.name == "Malcolm J. Ashdown"
    assert cv.profile.location == "Melbourne VIC"
    assert cv.profile.email == "m.ashdown@example.com"
    papers = [b.text for s in cv.sections if s.kind == "publications" for e in s.entries for b in e.bullets]
    assert papers and not any("@" in p or "0491" in p or p == "MA" for p in papers)


def test_an_application_forms_fields_are_posts_and_its_questions_are_set_aside() -> None:
    """A geriatrician's CV copied from an online application form (CRLF, 'Employer:' / 'Title:' / 'Location:' /
    'Dates:' / 'Duties: a; b; c' / 'Supervisor:' / 'May we contact this employer? Yes'): 11 duties were read of 30,
    'Reason for leaving: N/A, currently employed' headed a post, and the work-authorization answers were skills."""
    cv = read_cv(UNSEEN / "application-form-fields-crlf_geriatrics-palliative.txt")
    posts = posts_of(cv)
    assert posts[0] == (
        "Section Chief, Palliative Medicine; Attending Physician, Hospital Medicine",
        "Four Lakes Regional Medical Center, Madison, WI",
        "07/2018 - Present",
    )
    assert [p[0] for p in posts] == [
        "Section Chief, Palliative Medicine; Attending Physician, Hospital Medicine",
        "Associate Hospice Medical Director (0.2 FTE)",
        "Hospitalist / Geriatric Consult Service",
        "Fellow, Hospice and Palliative Medicine",
    ]
    chief = next(e for s in cv.sections for e in s.entries if e.title == posts[0][0])
    duties = [b.text for b in chief.bullets]
    assert len(duties) == 7  # one a duty, parted at its semicolons; "Other duties as assigned" names none
    # a result told with its own subject goes with the work it came of
    assert any(d.startswith("Built Epic advance care planning") and "rose from 22% to 61%" in d for d in duties)
    assert posts_of(cv, "education")[-1] == (
        "BA, Biology and Spanish",
        "Pinecrest College, Duluth, MN",
        "09/2001 - 05/2005",
    )
    aside = {n.text for n in cv.not_used}
    assert (
        "May we contact this employer? Yes" in aside
        and "Are you legally authorized to work in the United States? Yes" in aside
    )
    assert "Other duties as assigned" in aside
    everything = " ".join(b.text for _, _, b in cv.all_bullets())
    assert "Reason for leaving" not in everything and "sponsorship" not in everything


def test_an_obsidian_note_reads_its_links_and_leaves_its_own_notes_out() -> None:
    """A Dutch trainee's Obsidian note: '[[Universitair Medisch Centrum Domstad]]' printed with its brackets, a
    '> [!todo]' callout and a '> [!note] Nog doen' to-do printed as his research and summary, '**2021–heden** — AIOS
    …' read as a title '2021', and two degrees merged into one entry dated '2019 – 2014'."""
    cv = read_cv(UNSEEN / "obsidian-wikilinks-callouts-dutch_pulmonology.md")
    assert cv.profile.location == "Utrecht, Netherlands"
    assert posts_of(cv)[0] == ("AIOS Longziekten", "Universitair Medisch Centrum Domstad, Utrecht", "2021–present")
    assert [(t, d) for t, _, d in posts_of(cv, "education")] == [
        ("Promotie (PhD)", "2019"),
        ("Artsexamen (MD)", "2014"),
        ("Bachelor Geneeskunde", "2011"),
    ]
    text = " ".join(
        [*(b.text for _, _, b in cv.all_bullets()), *(t for s in cv.sections for e in s.entries for t in e.lines)]
    )
    assert "[[" not in text and "Nog aanvullen" not in text and "Engelse versie" not in text
    notes = {n.text for n in cv.not_used}
    assert {
        "Nog aanvullen: referenties (opleider + slaapsupervisor) en exacte aantallen PSG uit logboek halen."
    } <= notes
    assert "#cv #longziekten #slaap" in notes


def test_a_cv_in_portuguese_reads_its_dates_and_bilingual_headings_and_says_it_is_not_english() -> None:
    """A Brazilian gastroenterologist's LibreOffice PDF: '03/2019 – atual' was no date, so the Summary named a post he
    left in 2018; 'Objetivo (Objective)' was no summary, so his stated MSL goal was not read; the hospital named
    under each post was dropped as a running header; nothing said the rules read English only."""
    cv = read_cv(UNSEEN / "portuguese-bilingual-headings-atual_gastroenterology_libreoffice.pdf")
    assert cv.profile.location == "São Paulo, Brazil"
    posts = posts_of(cv)
    assert posts[0] == (
        "Médico Assistente, Ambulatório de Hepatologia e DII",
        "Hospital Universitário Nova Piratininga (HUNP), São Paulo – SP",
        "03/2023 – present",
    )
    assert all(dates.is_ongoing(d) for _, _, d in posts[:3])
    assert [s.kind for s in cv.sections][:2] == ["summary", "summary"]
    report = build_report(cv)
    assert report.target in {"medical-affairs", "msl"}
    assert any("Portuguese, not English" in w for w in report.warnings)


def test_a_south_african_cv_dates_open_with_date_and_its_town_from_a_postcode() -> None:
    """A Cape Town nephrologist's python-docx CV: 'Jan 2015 – date<tab>Head: Division …' left the head of division
    undated, so the Summary called her by the post she held in 2013; her address ends on a postcode with no country."""
    cv = read_cv(UNSEEN / "textbox-contact-sa-dates-first_nephrology_python-docx.docx")
    assert cv.profile.location == "Cape Town, South Africa"
    assert posts_of(cv)[0][0] == "Head: Division of Nephrology & Renal Transplant Unit"
    assert dates.is_ongoing(posts_of(cv)[0][2])
    aside = {n.text for n in cv.not_used}
    assert "Ad hoc duties as delegated by the Head of Department" in aside


def test_a_word_table_cv_keeps_each_seat_with_its_body_and_an_abbreviation_in_a_title() -> None:
    """A dermatologist's one-table Word CV: 'Member, Utilization Review Committee' and 'Neuse Ridge Ambulatory Surgery
    Center' became two items; 'Fellowship, Micrographic Surgery & Derm. Oncology' broke at 'Derm.' into a post and a
    duty 'Oncology', shifting every training post's place; 'Various committees' became 'Member, Various committees'."""
    cv = read_cv(UNSEEN / "one-table-bold-roles-derm-abbrev_dermatology_python-docx.docx")
    seats = [b.text for s in cv.sections if s.kind == "committees" for e in s.entries for b in e.bullets]
    assert "Member, Utilization Review Committee, Neuse Ridge Ambulatory Surgery Center (2020 – Present)" in seats
    assert "Neuse Ridge Ambulatory Surgery Center" not in seats
    assert posts_of(cv, "training")[:2] == [
        (
            "Fellowship, Micrographic Surgery & Derm. Oncology",
            "Tidewater University Medical Center — Norfolk, VA",
            "2010 – 2011",
        ),
        (
            "Residency, Dermatology (Chief Resident 2009–2010)",
            "Carolina Piedmont University Hospital — Greensboro, NC",
            "2007 – 2010",
        ),
    ]
    assert {"Misc. admin duties", "Various committees"} <= {n.text for n in cv.not_used}


def test_headings_numbered_or_in_two_languages_are_known_by_either_name() -> None:
    assert section_kind("Formação Acadêmica (Education)") == "education"
    assert section_kind("1. Werkervaring / Experience") == "experience"
    assert section_kind("Objetivo (Objective)") == "summary"
    assert section_kind("EDUCATION / TRAINING") == "education"  # both English: the first names it
    assert section_kind("Teaching (Residents)") == "teaching"


def test_an_open_end_in_other_languages_is_present_and_keeps_its_dash() -> None:
    assert dates.written_out("03/2023 – atual") == "03/2023 – present"
    assert dates.written_out("2021–heden") == "2021–present"
    assert dates.written_out("2017 – à ce jour") == "2017 – present"
    assert dates.written_out("Jan 2015 – date\tHead: Division") == "Jan 2015 – present\tHead: Division"
    assert dates.written_out("2019 – Present") == "2019 – Present"  # English is left as written
    assert dates.written_out("2015 – date of birth") == "2015 – date of birth"


def test_words_a_rewrite_adds_take_the_cvs_british_spelling() -> None:
    """'tunnelled HD catheters' became 'tunnelled hemodialysis catheter' in a CV that writes 'haemodialysis'."""
    source = "Renal biopsies (~110), tunnelled HD catheters (~90); PD programme for ~95 patients"
    rewrite = "Performed renal biopsies (~110), tunnelled hemodialysis catheters (~90); PD programme for ~95 patients"
    assert british_spelling(rewrite, source) == rewrite.replace("hemodialysis", "haemodialysis")
    assert british_spelling("Staffed a pediatric center", "Staffed a pediatric ctr") == "Staffed a pediatric centre"
    assert writes_british(["Manage in-centre haemodialysis unit", "Anaemia of CKD programme"])
    assert not writes_british(["Managed the hemodialysis unit and the anemia program"])


def test_duties_in_another_language_are_named_in_a_warning(tmp_path: Path) -> None:
    def bullet(text: str) -> BulletTranslation:
        return BulletTranslation(id="b", text=text, rewrite=text, competencies=[], experience="", rule="")

    dutch = [
        bullet("Thuisbeademing: instellen en follow-up NIV bij ALS, obesitas-hypoventilatie en COPD (~60 patiënten)"),
        bullet("Ca. 350 bronchoscopieën waarvan 70 EBUS-TBNA; 40 pleuradrainages"),
        bullet("Lid werkgroep ‘Poli van de toekomst’ – telemonitoring na ontslag, met de afdeling en de polikliniek"),
        bullet("Begeleiding van 6 geneeskundestudenten bij wetenschappelijke stage op de afdeling van het ziekenhuis"),
        bullet("Coördinatie van inclusie in 3 ziekenhuizen, thuispolygrafie en data-analyse voor het cohort"),
    ]
    cv = read_cv(UNSEEN / "obsidian-wikilinks-callouts-dutch_pulmonology.md")
    assert any("read as Dutch" in w for w in warnings(cv, dutch))
    english = [
        bullet("Led the sepsis committee and cut time to antibiotics by 40 minutes in the ED of the hospital")
    ] * 5
    assert not any("not English" in w for w in warnings(cv, english))
