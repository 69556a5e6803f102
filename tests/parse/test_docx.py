"""The .docx reader: body order with tables, text boxes, headers, Word numbering and manual glyphs."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import hostile

from tests.conftest import FIXTURES
from translator.parse import read_cv

TEXTBOX = (
    '<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
    "<w:p><w:r><w:t>Ana Ruiz, MD</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>ana.ruiz@example.com | (555) 777-1234 | Austin, TX</w:t></w:r></w:p>"
    "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"
)


def test_contact_details_in_a_text_box_are_read(tmp_path: Path) -> None:
    body = (
        TEXTBOX + "<w:p><w:r><w:t>EXPERIENCE</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Hospitalist, Seton Hospital</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>• Rounded on 18 patients per day</w:t></w:r></w:p>"
    )
    cv = read_cv(hostile.docx_with_document_xml(tmp_path, "textbox.docx", hostile.body(body)))
    assert cv.profile.name == "Ana Ruiz"
    assert cv.profile.email == "ana.ruiz@example.com"
    assert cv.profile.location == "Austin, TX"
    assert [b.text for _, _, b in cv.all_bullets()] == ["Rounded on 18 patients per day"]


def test_manual_bullet_glyphs_with_tabs_and_numbered_list_styles(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Lee Park, DO")
    document.add_paragraph("lee.park@example.com")
    document.add_paragraph("EXPERIENCE")
    document.add_paragraph("Attending Physician\tJan 2020 – Present")
    document.add_paragraph("•\tLed a sepsis QI project")
    document.add_paragraph("▪\tTaught residents on the wards")
    document.add_paragraph("-\tServed on the P&T committee")
    document.add_paragraph("Precepted medical students", style="List Number")
    document.save(path := tmp_path / "glyphs.docx")
    cv = read_cv(path)
    entry = cv.sections[0].entries[0]
    assert (entry.title, entry.dates) == ("Attending Physician", "Jan 2020 – Present")
    assert [b.text for b in entry.bullets] == [
        "Led a sepsis QI project",
        "Taught residents on the wards",
        "Served on the P&T committee",
        "Precepted medical students",
    ]


def test_a_line_break_inside_a_list_item_keeps_the_item_whole(tmp_path: Path) -> None:
    """Shift+Enter inside a bullet (a Google Docs export's soft break): the rest is the same item, never a bullet
    of its own moved away from what it measures (unseen12's "30-day HF readmission 22% → 14%")."""
    document = docx.Document()
    document.add_paragraph("Adaeze N. Holloway, MD")
    document.add_paragraph("a.h@example.com")
    document.add_paragraph("EXPERIENCE")
    document.add_paragraph("Staff Nephrologist\t2014 – Present")
    item = document.add_paragraph("Co-founded the Cardiorenal Clinic in 2020: ~380 patients.", style="List Bullet")
    item.add_run().add_break()
    item.add_run("30-day HF readmission 22% → 14% (2020 vs 2024 cohorts).")
    document.add_paragraph("Saw ~2,300 visits a year", style="List Bullet")
    document.save(path := tmp_path / "soft-break.docx")
    cv = read_cv(path)
    assert [b.text for b in cv.sections[0].entries[0].bullets] == [
        "Co-founded the Cardiorenal Clinic in 2020: ~380 patients. 30-day HF readmission 22% → 14% (2020 vs 2024 "
        "cohorts).",
        "Saw ~2,300 visits a year",
    ]


def test_footer_contact_details_are_read(tmp_path: Path) -> None:
    document = docx.Document()
    document.sections[0].footer.paragraphs[0].text = "kim.ito@example.org | (555) 888-0000"
    document.add_paragraph("Kim Ito, MD")
    document.add_paragraph("EXPERIENCE")
    document.add_paragraph("Led a stroke QI project", style="List Bullet")
    document.save(path := tmp_path / "footer.docx")
    profile = read_cv(path).profile
    assert (profile.name, profile.email, profile.phone) == ("Kim Ito", "kim.ito@example.org", "(555) 888-0000")


def test_a_table_of_records_under_column_names_gives_one_line_a_record(tmp_path) -> None:
    """A grants table (Role | Title | Sponsor | Period | Total): each grant whole on one line, the column names
    set aside, not read cell by cell."""
    import docx

    from translator.parse import read_cv

    document = docx.Document()
    document.add_paragraph("Ana Ruiz, MD")
    document.add_paragraph("ana.ruiz@example.org")
    document.add_paragraph("Grants")
    table = document.add_table(rows=3, cols=5)
    for row, cells in zip(
        table.rows,
        [
            ["Role", "Title", "Sponsor", "Period", "Total"],
            ["PI", "Metformin and tumor proliferation", "NCI (K08)", "2018–2023", "$812,500"],
            ["Co-I", "Circulating tumor DNA in TNBC", "DoD BCRP", "2021–2025", "$1,450,000"],
        ],
        strict=True,
    ):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    path = tmp_path / "cv.docx"
    document.save(str(path))
    cv = read_cv(path)
    grants = [b.text for s in cv.sections if s.kind == "grants" for e in s.entries for b in e.bullets]
    assert grants == [
        "PI — Metformin and tumor proliferation — NCI (K08) — 2018–2023 — $812,500",
        "Co-I — Circulating tumor DNA in TNBC — DoD BCRP — 2021–2025 — $1,450,000",
    ]
    assert [n.reason for n in cv.not_used] == ["a table's column names, not an entry"]


def test_a_two_column_body_table_numbers_its_papers_and_notes_its_dates(tmp_path: Path) -> None:
    """The whole CV in a two-column table (python-docx): a merged heading row with a count ("SELECTED
    PUBLICATIONS (OF 24)") opens its section; a number in the left column makes its row one paper; a date
    column's note ("2015 / recert 2025") stays with its certification, and "ABIM – Gastroenterology" is one."""
    document = docx.Document()
    document.add_paragraph("Nalini V. Raghavan, MD, MPH")
    document.add_paragraph("n.r@example.org")
    rows = [
        ("CERTIFICATION & LICENSURE", None),
        ("2015 / recert 2025", "ABIM – Gastroenterology"),
        ("SELECTED PUBLICATIONS (OF 24)", None),
        ("1.", "Raghavan NV, Okonjo T. Intestinal ultrasound in Crohn's disease. Gut. 2024;73:1-9."),
        ("2.", "Castellano M, Raghavan NV. A specialty pharmacy liaison in IBD. IBD J. 2022;28:1-5."),
    ]
    table = document.add_table(rows=len(rows), cols=2)
    for row, (left, right) in zip(table.rows, rows, strict=True):
        if right is None:
            merged = row.cells[0].merge(row.cells[1])
            merged.text = left
        else:
            row.cells[0].text, row.cells[1].text = left, right
    path = tmp_path / "cv.docx"
    document.save(str(path))
    cv = read_cv(path)
    kinds = {s.kind: s for s in cv.sections}
    assert [line for e in kinds["certification"].entries for line in e.lines] == [
        "ABIM – Gastroenterology 2015 / recert 2025"
    ]
    papers = [b.text for e in kinds["publications"].entries for b in e.bullets]
    assert len(papers) == 2 and papers[0].startswith("Raghavan NV, Okonjo T.")


def test_a_lebenslauf_with_its_academic_title_and_a_date_column_since_a_month(tmp_path: Path) -> None:
    """unseen19's Austrian anaesthesiologist (a helper's LibreOffice .docx): 'Curriculum Vitae' over 'Dr. med.
    Katharina Brandstätter, DESA, EDIC' stopped the run with 'no name found'; a date column that reads 'since
    04/2019' made the date the post's title and the title its employer; and her career objective, under 'Personal
    Data', was set aside as a hobby, so the target was guessed (medtech) against the one she wrote."""
    document = docx.Document()
    document.add_paragraph("Curriculum Vitae", style="Title")
    document.add_paragraph("Dr. med. Katharina Brandstätter, DESA, EDIC")
    document.add_paragraph("k.b@example.org")
    document.add_paragraph("Personal Data", style="Heading 2")
    document.add_paragraph("Family status: married, two children")
    document.add_paragraph("Career objective: move into clinical development in industry (Medical Monitor)")
    document.add_paragraph("Professional Experience", style="Heading 2")
    table = document.add_table(rows=2, cols=2)
    cells = [
        ("since 04/2019", "Senior Consultant (Oberärztin)\nDepartment of Anaesthesiology, Landesklinikum Salzach"),
        ("07/2016 – 03/2019", "Specialist in Anaesthesiology (Fachärztin)\nKlinikum Isarauen, Munich"),
    ]
    for row, (left, right) in zip(table.rows, cells, strict=True):
        row.cells[0].text, row.cells[1].text = left, right
    path = tmp_path / "cv.docx"
    document.save(str(path))
    cv = read_cv(path)
    assert (cv.profile.name, cv.profile.credentials) == ("Katharina Brandstätter", ["DESA", "EDIC"])
    # her objective, set among her personal data, is what she wants next: the Summary's, never set aside
    assert [line for s in cv.sections if s.kind == "summary" for e in s.entries for line in e.lines] == [
        "move into clinical development in industry (Medical Monitor)"
    ]
    assert [n.text for n in cv.not_used if "Family" in n.text] == ["Family status: married, two children"]
    work = [e for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert [(e.title, e.dates) for e in work] == [
        ("Senior Consultant (Oberärztin)", "since 04/2019"),
        ("Specialist in Anaesthesiology (Fachärztin)", "07/2016 – 03/2019"),
    ]


def test_a_libreoffice_template_with_a_sidebar_cell_and_its_own_heading_styles() -> None:
    """A .docx LibreOffice made from a resume template (unseen9's gastroenterologist, written by a helper from a
    brief): a one-row table, the sidebar cell first. Its section headings are the template's own styles, one tied
    to LibreOffice's outline numbering that shows no number ("MainHead"), one set in bold capitals by the style
    ("SideHead"): each opens its section, none is a bullet. Under each employer, what it is (a line with no
    verb) and the roles held there in turn on one line ("Partner, 2017 – present · Associate Physician, Aug
    2014 – 2017") make one position with all its duties; memberships are items as written."""
    cv = read_cv(FIXTURES / "unseen" / "sidebar-table-style-headings_gastroenterology_libreoffice.docx")
    headings = [s.heading for s in cv.sections]
    assert headings[:4] == ["Contact", "Clinical Skills", "Other Skills", "Board Certification"]
    assert {"Profile", "Experience", "Clinical Research", "Committees", "Teaching", "Education & Training"} <= set(
        headings
    )
    work = [e for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert [(e.title, e.organization, e.dates) for e in work] == [
        (
            "Partner (2017 – present); Associate Physician (Aug 2014 – 2017)",
            "Great Lakes Digestive Health Associates, PC, Grand Rapids, MI",
            "Aug 2014 – present",
        ),
        (
            "Medical Director (Mar 2020 – present); Interim Medical Director (Jul 2019 – Feb 2020)",
            "Lakeshore Endoscopy Center, LLC, Grand Rapids, MI",
            "Jul 2019 – present",
        ),
    ]
    assert work[0].lines == ["38-physician independent GI group, 11 clinic sites, 2 ASCs"]
    assert len(work[0].bullets) == 11 and len(work[1].bullets) == 6
    assert not any(b.text in headings for _, _, b in cv.all_bullets())
    memberships = [line for s in cv.sections if s.kind == "memberships" for e in s.entries for line in e.lines]
    assert memberships[:2] == ["ACG (Fellow, 2018)", "AGA"]


def test_a_europass_cv_set_in_tables_reads_as_its_physician_wrote_it() -> None:
    """Europass, saved as .docx by LibreOffice (a helper's CV from a brief, not tuned against before it was read):
    every line sits in a table, the label or dates on the left. The first section, "Personal information", is
    the contact block: the name, the place and the ways to reach her are read there, the sex, birth date and
    nationality are left out. The form's own words ("Business or sector …", the key to the language levels) go;
    "Jul–Dec 2021" is one span; the titles held in turn on one line with the date cell beside them are the
    position's; British spelling heads a section ("Honours and awards"); a count over the papers goes to the
    heading; the language grid is one line; "Preferred job" is what she asks for."""
    from translator.report import build_report

    cv = read_cv(FIXTURES / "unseen" / "europass-tables_pediatric-cardiology_libreoffice.docx")
    profile = cv.profile
    assert (profile.name, profile.location, profile.email) == (
        "Anneliese K. Vortmann",
        "Milwaukee, WI",
        "a.vortmann.md@gmail.com",
    )
    assert profile.credentials == ["MD", "FAAP", "FACC", "FASE"]
    assert profile.specialty == "pediatric cardiology"  # her board, not the "Fetal Cardiology Program" of her title
    work = {e.title: e for s in cv.sections if s.kind == "experience" for e in s.entries}
    assert not any("Business or sector" in f"{t} {e.organization}" for t, e in work.items())
    assert work["Acting Director, Echocardiography Laboratory"].dates == "Jul–Dec 2021"
    professor = work["Associate Professor of Pediatrics (Cardiology) (2023–present); Assistant Professor (2017–2023)"]
    assert professor.dates == "2017 – present"
    kinds = {s.heading: s.kind for s in cv.sections}
    assert kinds["Honours and awards"] == "awards" and kinds["PREFERRED JOB"] == "summary"
    assert kinds["Publications (selected, of 27)"] == "publications"
    skills = [line for s in cv.sections if s.kind == "skills" for e in s.entries for line in e.lines]
    assert skills[0] == "Languages: English (native); German (B2–C1; Goethe-Zertifikat B2); Spanish (A1–A2)"
    assert "Digital skills: Epic (Cupid), structured echo reporting, REDCap, R (basic)." in skills
    assert not any(line in {"UNDERSTANDING", "C1", "B"} for line in skills)
    not_used = " ".join(n.text for n in cv.not_used)
    assert "Date of birth" in not_used and "Driving licence" in not_used and "a.vortmann" not in not_used
    assert build_report(cv).target == "medtech"  # "Medical or clinical affairs — … paediatric cardiac devices"


def test_tracked_changes_read_as_accepted() -> None:
    """A CV still carrying a mentor's tracked changes (python-docx with w:ins and w:del, and comments): what was
    inserted is read, what was deleted is not, and the comments are no part of the CV."""
    cv = read_cv(FIXTURES / "unseen" / "tracked-changes_child-psychiatry_python-docx.docx")
    texts = [b.text for _, _, b in cv.all_bullets()]
    assert any("from 26 hours to 9 hours" in t for t in texts)
    assert any(t.startswith("Sub-investigator, ORCHARD-A phase 3 trial") for t in texts)
    assert any(t.startswith("Acting Medical Director, Children's System of Care") for t in texts)
    everything = json.dumps(cv.model_dump())
    assert "Chief Medical Officer" not in everything and "moonlighting" not in everything and "3126" not in everything
    assert "quantify" not in everything.lower()  # a comment's words


def test_job_lines_of_fields_between_bars() -> None:
    """A job line of fields between bars (pandoc with a reference document's own styles, no Heading styles):
    "Medical Director | Perinatal Quality & Safety | ChristianaCare | Newark, DE | 2019 – 2023" is the title with
    its department, the employer with its place, and the dates; and the line under a title that gives only the
    place, the dates and the post's share ("Sacramento, CA | July 2021 – present | 0.8 FTE") gives no employer."""
    cv = read_cv(FIXTURES / "unseen" / "custom-styles-pipe-job-lines_mfm_pandoc.docx")
    work = [(e.title, e.organization, e.dates) for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert ("Medical Director, Perinatal Quality & Safety", "ChristianaCare, Newark, DE", "2019 – 2023") in work
    assert (
        "Associate Chief Quality Officer (0.6 FTE, non-clinical)",
        "ChristianaCare, Newark, DE",
        "2023 – Present",
    ) in work
    education = [(e.title, e.organization) for s in cv.sections if s.kind == "education" for e in s.entries]
    assert ("Fellowship, Maternal–Fetal Medicine", "Johns Hopkins Hospital, Baltimore, MD") in education
    cv = read_cv(FIXTURES / "unseen" / "tracked-changes_child-psychiatry_python-docx.docx")
    first = next(e for s in cv.sections if s.kind == "experience" for e in s.entries)
    assert (first.title, first.organization, first.dates) == (
        "Medical Director, Youth Crisis Continuum (0.8 FTE)",
        "Sacramento County Behavioral Health Services, Sacramento, CA",
        "July 2021 – present",
    )


def test_a_table_of_posts_under_column_names_and_a_post_said_twice(tmp_path: Path) -> None:
    """unseen15's UK infectious-diseases CV: a table 'Dates | Post | Hospital' of posts, then the same posts with
    their duties under headings of their own. The column names became a post 'Dates — Post' (and 'Post' the
    employer in every text); the consultant post was listed twice, once without its duties."""
    document = docx.Document()
    document.add_paragraph("Dr Tobias Marsh")
    document.add_paragraph("t.marsh@example.nhs.uk")
    document.add_heading("Employment History", level=2)
    table = document.add_table(rows=3, cols=3)
    rows = [
        ("Dates", "Post", "Hospital"),
        (
            "Sep 2021 – present",
            "Consultant in Infectious Diseases\nTrust Antimicrobial Stewardship Lead from Apr 2022",
            "Severnside University Hospitals NHS Foundation Trust, Bristol",
        ),
        ("Oct 2018 – Aug 2021", "Specialty Registrar ST5–ST7, Infectious Diseases", "Severnside Royal Infirmary"),
    ]
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            first, *more = text.split("\n")
            cell.paragraphs[0].text = first
            for line in more:
                cell.add_paragraph(line)
    document.add_heading("Clinical Experience", level=2)
    document.add_heading("Consultant, Severnside University Hospitals NHS FT (Sep 2021 – present)", level=3)
    document.add_paragraph("Lead the antimicrobial stewardship programme across 3 hospital sites", style="List Bullet")
    path = tmp_path / "posts.docx"
    document.save(str(path))
    cv = read_cv(path)
    posts = [e for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert [(e.title, e.organization, e.dates) for e in posts] == [
        (
            "Specialty Registrar ST5–ST7, Infectious Diseases",
            "Severnside Royal Infirmary",
            "Oct 2018 – Aug 2021",
        ),
        (
            "Consultant in Infectious Diseases; Trust Antimicrobial Stewardship Lead from Apr 2022",
            "Severnside University Hospitals NHS Foundation Trust, Bristol",
            "Sep 2021 – present",
        ),
    ]
    assert [b.text for b in posts[1].bullets] == [
        "Lead the antimicrobial stewardship programme across 3 hospital sites"
    ]
    assert "Dates · Post · Hospital" in [n.text for n in cv.not_used]
    assert cv.profile.institution == "Severnside University Hospitals NHS Foundation Trust"


def test_a_personal_details_form_in_a_table_gives_name_place_and_contact(tmp_path) -> None:
    """A Dutch CV (LibreOffice .docx, from unseen17's brief): 'Dr. F.A. (Femke) Hoogeveen-Smit, MD PhD' over a
    two-column table of 'Full name | …', 'Address | Lindenlaan 27, 3818 AB Amersfoort, the Netherlands': the run
    stopped with 'no name found'; each row is a labelled line, the name the one she goes by."""
    import docx

    from translator.parse import read_cv

    document = docx.Document()
    document.add_paragraph("Dr. F.A. (Femke) Hoogeveen-Smit, MD PhD")
    document.add_heading("Personal details", level=2)
    rows = [
        ("Full name", "Femke Annelies Hoogeveen-Smit"),
        ("Address", "Lindenlaan 27, 3818 AB Amersfoort, the Netherlands"),
        ("Telephone", "+31 (0)6 1234 5078"),
        ("E-mail", "f.hoogeveen-smit@example.com"),
    ]
    table = document.add_table(rows=len(rows), cols=2)
    for row, (label, value) in zip(table.rows, rows, strict=True):
        row.cells[0].text, row.cells[1].text = label, value
    document.add_heading("Employment history", level=2)
    document.add_paragraph("Consultant Obstetrician, Eemland Medisch Centrum, Amersfoort\t2019 – present")
    document.add_paragraph("Lead the fetal medicine unit: 1,100 advanced ultrasound scans a year", style="List Bullet")
    path = tmp_path / "cv.docx"
    document.save(str(path))
    profile = read_cv(path).profile
    assert profile.name == "Femke Hoogeveen-Smit"
    assert profile.credentials == ["MD", "PhD"]
    assert profile.location == "Amersfoort, Netherlands"
    assert (profile.email, profile.phone) == ("f.hoogeveen-smit@example.com", "+31 (0)6 1234 5078")


def test_a_uk_address_gives_its_town() -> None:
    from translator.parse.profile import _location

    assert _location(["14 Ranmoor Crescent, Sheffield S10 3GU"], None) == "Sheffield, UK"


def test_a_province_in_brackets_gives_its_city() -> None:
    """unseen21's Québec pathologist wrote 'Québec (QC), Canada | Tél. : 418-555-0147': her resume had no place."""
    from translator.parse.profile import _location

    assert _location(["Québec (QC), Canada | Tél. : 418-555-0147 | Courriel :"], None) == "Québec, QC"
    assert _location(["Raleigh (NC) | 919-555-0100"], None) == "Raleigh, NC"
    assert _location(["Attending physician (MD) at Mercy"], None) is None  # a degree in brackets in a sentence
