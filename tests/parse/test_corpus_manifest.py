"""The facts in ../shared/corpus/MANIFEST.md, checked against what we parse from each real CV.

Counts are the manifest's list items, plus what the reader now reads as items too: duties written as a
paragraph (one a sentence: the paragraphs under "Welcome to RenderCV", Alfred Pennyworth's jobs), lines of text
under a dated or placed position written without a bullet mark (moderncv's "Description line 1"), and papers,
talks and honors listed one to a line without a bullet (a paper's author and DOI lines stay with it). Where
the manifest is wrong for a file, the table says why and a test shows the evidence (see
test_derived_jane_doe_docx_really_has_five_list_paragraphs).
"""

from __future__ import annotations

import zipfile

import pytest

from tests.conftest import SHARED
from translator.parse import read_cv

CORPUS = SHARED / "corpus"
pytestmark = pytest.mark.needs_shared

# Both moderncv examples print the same CV.
MODERNCV = (
    "John Doe",
    "john@doe.org",
    {
        "Education": 0,
        "Master thesis": 0,
        # the nine achievements and the dated job's two description lines; the first job's unmarked line over its
        # achievements ("General description no longer than 1–2 lines") says what the post is: a line under its
        # title (descriptors_apart)
        "Experience": 11,
        "Languages": 0,
        "Computer skills": 0,
        # "Interests" (hobby 1, hobby 2, hobby 3) is personal: set aside with its reason, no section of the resume
        "Extra 1": 3,
        "Extra 2": 6,
        "References": 5,
        "Publications": None,  # 5 in the classic example; the multibib build printed none
    },
    None,
)

# file: (name as parsed, email, {section heading: bullets} in document order, total bullets or None)
MANIFEST = {
    # "YOUR NAME HERE" is the template's field for a name, not a name: there is none.
    "pdf_altacv_sample_two-column_pdftex.pdf": (
        None,
        "your_name@email.com",
        {
            "EXPERIENCE": 4,
            "PROJECTS": 2,
            "A DAY OF MY LIFE": 0,
            "MY LIFE PHILOSOPHY": 0,
            "MOST PROUD OF": 0,
            "STRENGTHS": 0,
            "LANGUAGES": 0,
            "EDUCATION": 0,
            "PUBLICATIONS": 4,
            "REFEREES": 0,
        },
        10,
    ),
    # 17 "␣" items (3 achievements, Extra 1: 3, Extra 2: 6, References: 5) plus 6 nested "-"/"·" items.
    "pdf_moderncv_classic-green_luatex.pdf": MODERNCV,
    "pdf_moderncv_multibib_luatex.pdf": MODERNCV,
    "pdf_rendercv_classic_pdftex.pdf": (
        "John Doe",
        "youremail@yourdomain.com",
        {
            "Welcome to RenderCV!": 3,
            "Quick Guide": 4,
            "Education": 2,
            "Experience": 8,
            "Publications": 1,
            "Projects": 6,
            "Technologies": 0,
        },
        24,
    ),
    "pdf_rendercv_harvard_typst.pdf": (
        "John Doe",
        "john.doe@email.com",
        {
            "Welcome to RenderCV": 4,
            "Education": 5,
            "Experience": 15,
            "Projects": 4,  # each project's line of description is a line under its title (descriptors_apart)
            "Publications": 4,
            "Selected Honors": 5,
            "Skills": 0,
            "Patents": 3,
            "Invited Talks": 4,
        },
        44,
    ),
    "pdf_openresume_laverne_word-quartz.pdf": (
        "Leo Leopard",
        "lleopard@laverne.edu",
        {
            "OBJECTIVE": 0,
            "EDUCATION": 0,
            "HONORS/AWARDS": 1,
            "ON CAMPUS INVOLVEMENT": 3,
            "VOLUNTEER EXPERIENCE": 3,
            "SKILLS": 0,
        },
        7,
    ),
    "pdf_openresume_john-doe_react-pdf.pdf": (
        "John Doe",
        "hello@openresume.com",
        {"WORK EXPERIENCE": 8, "EDUCATION": 3, "PROJECT": 1, "SKILLS": 2},
        14,
    ),
    "pdf_resume-matcher_alfred-pennyworth_moderncv.pdf": (
        "Alfred Pennyworth",
        "alfred.pennyworth@email.com",
        {"Professional Summary": 0, "Skills": 0, "Experience": 10, "Education": 0, "Projects": 2},
        12,
    ),
    "pdf_resume-matcher_modern-two-column_chromium.pdf": (
        "John Doe",
        "john.doe@email.com",
        {"SUMMARY": 0, "EXPERIENCE": 9, "PROJECTS": 2, "EDUCATION": 0, "SKILLS": 0, "LINKS": 0},
        11,
    ),
    "md_mb2docx_jane-doe-md_cv.md": (
        "Jane Doe",
        "janedoe@example.com",
        {
            "PROFESSIONAL SUMMARY": 0,
            "EDUCATION": 3,
            "WORK EXPERIENCE": 6,
            "TECHNICAL SKILLS": 0,
            "CERTIFICATIONS": 3,
            "ADDITIONAL INFORMATION": 2,
        },
        14,
    ),
    # ≈354 list lines: 339 in the sections and the 15 contact bullets under "# John Doe's CV" (contact block); 120
    # of the section's are an entry's dates alone ("## Magneto-Thermal …" / "- Sept 2021"), read as its dates.
    "md_rendercv_moderncv-filled_john-doe.md": (
        "John Doe",
        "john_doe@example.com",
        {
            "Text Entries": None,
            "Bullet Entries": None,
            "Publication Entries": None,
            "Experience Entries": None,
            "Education Entries": None,
            "Normal Entries": None,
            "One Line Entries": None,
            "A Section & with % Special Characters": None,
        },
        228,
    ),
    "txt_rendercv_sample-cv-text.txt": (
        "Sarah Johnson",
        "sarah.j@email.com",
        {"EXPERIENCE": 4, "EDUCATION": 1, "SKILLS": 0},
        5,
    ),
    # Ground truth is #17, but pandoc folded the WORK EXPERIENCE and EDUCATION list lines into their paragraphs
    # (the .md has no blank line before those lists): only 5 list items exist in these files. The reader splits
    # the run-together lists back into items ("… City, State - Documented care … - Extracted …"); the
    # Bachelor's one item stays a line of its entry.
    "derived/docx_jane-doe-md_pandoc3.9.docx": (
        "Jane Doe",
        "janedoe@example.com",
        {"EDUCATION": 2, "WORK EXPERIENCE": 6, "CERTIFICATIONS": 3, "ADDITIONAL INFORMATION": 2},
        13,
    ),
    "derived/docx_jane-doe-md_pandoc-then-libreoffice7.4.docx": (
        "Jane Doe",
        "janedoe@example.com",
        {"EDUCATION": 2, "WORK EXPERIENCE": 6, "CERTIFICATIONS": 3, "ADDITIONAL INFORMATION": 2},
        13,
    ),
    "derived/pdf_jane-doe-md_pandoc-docx_libreoffice7.4.pdf": (
        "Jane Doe",
        "janedoe@example.com",
        {"EDUCATION": 2, "WORK EXPERIENCE": 6, "CERTIFICATIONS": 3, "ADDITIONAL INFORMATION": 2},
        13,
    ),
}


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_parse_matches_manifest(name: str) -> None:
    person, email, sections, total = MANIFEST[name]
    cv = read_cv(CORPUS / name)
    assert cv.profile.name == person
    assert cv.profile.email == email
    found = {s.heading: sum(len(e.bullets) for e in s.entries) for s in cv.sections}
    headings = [s.heading for s in cv.sections]
    order = [headings.index(h) for h in sections if h in headings]
    assert [h for h in sections if h not in found] == [], "missing section headings"
    assert order == sorted(order), "sections out of order"
    for heading, count in sections.items():
        if count is not None:
            assert found[heading] == count, heading
    if sections is MODERNCV[2]:
        assert "hobby 1 Description" in {n.text for n in cv.not_used}
    if total is not None:
        assert len(cv.all_bullets()) == total


@pytest.mark.parametrize(
    "name", ["derived/docx_jane-doe-md_pandoc3.9.docx", "derived/docx_jane-doe-md_pandoc-then-libreoffice7.4.docx"]
)
def test_derived_jane_doe_docx_really_has_five_list_paragraphs(name: str) -> None:
    xml = zipfile.ZipFile(CORPUS / name).read("word/document.xml").decode()
    assert xml.count("<w:numPr>") == 5


def test_two_column_pdf_reads_each_column_whole() -> None:
    cv = read_cv(CORPUS / "pdf_resume-matcher_modern-two-column_chromium.pdf")
    experience = next(s for s in cv.sections if s.heading == "EXPERIENCE")
    # The left column's bullets are not interleaved with the right column's skill chips.
    for bullet in experience.bullets:
        assert "Kubernetes" not in bullet.text or "Docker" in bullet.text
        assert not bullet.text.endswith(("SQL", "AWS", "Python"))


def test_right_aligned_dates_stay_with_their_entry() -> None:
    cv = read_cv(CORPUS / "pdf_rendercv_harvard_typst.pdf")
    dated = [e for s in cv.sections for e in s.entries if e.dates]
    assert len(dated) >= 5
    assert all(not e.title or e.dates not in e.title for e in dated)


def test_word_quartz_tabs_and_three_character_hyphen_are_normalized() -> None:
    cv = read_cv(CORPUS / "pdf_openresume_laverne_word-quartz.pdf")
    text = " ".join(b.text for _, _, b in cv.all_bullets())
    assert "\t" not in text and "\u00ad" not in text and "\u2010" not in text


def test_running_footer_and_page_numbers_are_dropped() -> None:
    cv = read_cv(CORPUS / "pdf_rendercv_classic_pdftex.pdf")
    lines = [line for s in cv.sections for e in s.entries for line in (*e.lines, *(b.text for b in e.bullets))]
    assert not any("Page 1 of 2" in line or "Page 2 of 2" in line for line in lines)


def test_a_cover_letter_after_the_cv_is_not_read_as_cv() -> None:
    cv = read_cv(CORPUS / "pdf_moderncv_multibib_luatex.pdf")
    text = " ".join(line for s in cv.sections for e in s.entries for line in e.lines)
    assert "Dear Sir or Madam" not in text and "Lorem ipsum" not in text


def test_margin_dates_split_over_two_lines_stay_with_their_entry() -> None:
    cv = read_cv(CORPUS / "pdf_resume-matcher_alfred-pennyworth_moderncv.pdf")
    experience = next(s for s in cv.sections if s.heading == "Experience")
    first = experience.entries[0]
    assert first.title == "Product Manager"
    assert first.dates == "2017 – Present"
    assert [e.dates for e in experience.entries[1:4]] == ["2012 – 2017", "2007 – 2012", "2002 – 2007"]


def test_hyphenation_at_line_ends_is_undone_in_prose_and_bullets() -> None:
    alfred = read_cv(CORPUS / "pdf_resume-matcher_alfred-pennyworth_moderncv.pdf")
    prose = " ".join(
        line for s in alfred.sections for e in s.entries for line in (*e.lines, *(b.text for b in e.bullets))
    )
    assert "Developing product strategies" in prose and "Devel-" not in prose
    rendercv = read_cv(CORPUS / "pdf_rendercv_classic_pdftex.pdf")
    bullets = " ".join(b.text for _, _, b in rendercv.all_bullets())
    assert "prediction algorithm" in bullets and "PublicationEntry" in bullets
