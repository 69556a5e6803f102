"""CVs made with the real tools people use (fixtures/make_office_fixtures.py): Word files with list
numbering, tab stops, layout tables, a page header and a text box, exported to PDF by LibreOffice, and
an HTML CV printed by Chromium. Every bullet comes back whole and in order; the name, the contact
details and the most recent position are found wherever the layout puts them."""

from __future__ import annotations

import zipfile

import pytest
from office_content import OFFICE, expected_bullets

from tests.conftest import CVS
from translator.parse import read_cv

OFFICE_CVS = CVS / "office"


def test_every_fixture_is_committed() -> None:
    assert sorted(p.name for p in OFFICE_CVS.iterdir() if p.suffix in {".docx", ".pdf"}) == sorted(OFFICE)


@pytest.mark.parametrize("filename", sorted(OFFICE))
def test_every_bullet_whole_and_in_order(filename: str) -> None:
    cv = read_cv(OFFICE_CVS / filename)
    assert [b.text for _, _, b in cv.all_bullets()] == expected_bullets(OFFICE[filename])


@pytest.mark.parametrize("filename", sorted(OFFICE))
def test_name_and_contact_details(filename: str) -> None:
    expected = OFFICE[filename]
    profile = read_cv(OFFICE_CVS / filename).profile
    assert (profile.name, profile.email, profile.phone, profile.location) == (
        expected["name"],
        expected["email"],
        expected["phone"],
        expected["location"],
    )


@pytest.mark.parametrize("filename", sorted(OFFICE))
def test_entries_read_as_title_organization_and_dates(filename: str) -> None:
    """Dates set first (a date column in a table, or '2020 – Present<tab>Nephrologist') or last (a right
    tab stop, a right-aligned span) come back as the entry's dates, never as its title."""
    expected = OFFICE[filename]
    cv = read_cv(OFFICE_CVS / filename)
    want = [(t, o, d) for _, entries in expected["sections"] for t, o, d, _ in entries if t]
    headings = {heading for heading, _ in expected["sections"]}
    got = [(e.title, e.organization, e.dates) for s in cv.sections if s.heading in headings for e in s.entries]
    assert [entry for entry in got if entry[0]] == want


@pytest.mark.parametrize("filename", sorted(OFFICE))
def test_profile_position_is_the_most_recent_one(filename: str) -> None:
    expected = OFFICE[filename]
    profile = read_cv(OFFICE_CVS / filename).profile
    assert (profile.position, profile.institution) == (expected["position"], expected["institution"])


def test_date_first_cv_lists_the_oldest_position_first() -> None:
    """The fixture really is in the order the test claims: the current post comes last."""
    cv = read_cv(OFFICE_CVS / "nephrologist_date-first.docx")
    assert [e.dates for e in cv.sections[0].entries] == ["2017 – 2020", "2020 – Present"]


def test_banner_cv_reads_the_right_sidebar_after_the_main_column() -> None:
    cv = read_cv(OFFICE_CVS / "pulmonologist_banner_chromium.pdf")
    expected = OFFICE["pulmonologist_banner_chromium.pdf"]
    headings = [heading for heading, _ in expected["sections"]] + ["Skills"]
    headings += [heading for heading, _ in expected["sidebar"]]
    assert [s.heading for s in cv.sections] == headings
    certification = next(s for s in cv.sections if s.kind == "certification")
    lines = [line for e in certification.entries for line in e.lines]
    assert len(lines) == len(expected["sidebar"][0][1])
    bullets = " ".join(b.text for _, _, b in cv.all_bullets())
    assert not [s for s in expected["skills"] if s in bullets]


def test_sidebar_skills_stay_out_of_the_bullets() -> None:
    cv = read_cv(OFFICE_CVS / "neurologist_sidebar_chromium.pdf")
    skills = OFFICE["neurologist_sidebar_chromium.pdf"]["skills"]
    bullets = " ".join(b.text for _, _, b in cv.all_bullets())
    assert not [s for s in skills if s in bullets]
    section = next(s for s in cv.sections if s.kind == "skills")
    assert [line for e in section.entries for line in e.lines] == skills


def test_chromium_pdf_has_no_typed_bullet_glyphs() -> None:
    """The browser draws the list marks as shapes: the text layer holds no bullet character to find."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(OFFICE_CVS / "neurologist_sidebar_chromium.pdf"))
    try:
        text = "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()
    assert "Run a weekly multiple sclerosis clinic" in text
    assert not {"•", "\uf0b7", "●", "◦"} & set(text)


def test_word_files_use_real_list_numbering_and_a_text_box() -> None:
    with zipfile.ZipFile(OFFICE_CVS / "rheumatologist_word-bullets.docx") as archive:
        assert "word/numbering.xml" in archive.namelist()
        assert 'w:val="ListBullet"' in archive.read("word/document.xml").decode()
    with zipfile.ZipFile(OFFICE_CVS / "gastroenterologist_text-box.docx") as archive:
        document = archive.read("word/document.xml").decode()
        assert document.count("<w:txbxContent>") == 2  # the shape and its VML fallback, as Word writes it
    with zipfile.ZipFile(OFFICE_CVS / "endocrinologist_header-contact.docx") as archive:
        header = next(n for n in archive.namelist() if n.startswith("word/header"))
        assert "Grace Lindqvist" in archive.read(header).decode()
        assert "Grace Lindqvist" not in archive.read("word/document.xml").decode()


def test_text_box_is_read_once() -> None:
    cv = read_cv(OFFICE_CVS / "gastroenterologist_text-box.docx")
    assert cv.profile.name == "Rafael Moreno"
    from translator.parse import read_lines

    _, lines = read_lines(OFFICE_CVS / "gastroenterologist_text-box.docx")
    assert [line.text for line in lines].count("rafael.moreno@example.com") == 1


def test_a_bullet_runs_over_the_page_break_and_comes_back_whole() -> None:
    import pypdfium2 as pdfium

    path = OFFICE_CVS / "rheumatologist_word-bullets_libreoffice.pdf"
    document = pdfium.PdfDocument(str(path))
    try:
        second_page = document[1].get_textpage().get_text_range()
    finally:
        document.close()
    assert second_page.lstrip().startswith("ophthalmology and vascular surgery departments")
    bullets = [b.text for _, _, b in read_cv(path).all_bullets()]
    assert any(b.startswith("Built a registry") and b.endswith("annual meeting in 2020") for b in bullets)
