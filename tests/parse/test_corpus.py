"""Real CV files made by other people's tools: they parse, or plainly say no CV is in them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SHARED
from translator.errors import NoCVFoundError, TemplateCVError
from translator.parse import read_cv

CORPUS = SHARED / "corpus"
pytestmark = pytest.mark.needs_shared
FILES = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name != "MANIFEST.md")
# Files that are not CVs (MANIFEST.md entries 13–16, and the templates): each gets its exact answer.
NOT_CVS = {
    "docx_docx2python_created-in-pages-bulleted-lists.docx": (NoCVFoundError, "no CV found"),
    "docx_docx2python_google-docs-conversion.docx": (NoCVFoundError, "no CV found"),
    "docx_docx2python_example_word.docx": (NoCVFoundError, "no CV found"),
    "docx_one-resume_template_macword.docx": (TemplateCVError, 'placeholders such as "[!Contact]"'),
    "docx_duke-scholars_cv-template_macword.docx": (TemplateCVError, 'placeholders such as "{#cv}"'),
    "md_am-medical-cv-template_cv.md": (TemplateCVError, 'placeholders such as "[Your Full Name]"'),
    "docx_am-medical-cv-template_pandoc3.9.docx": (TemplateCVError, 'placeholders such as "[Your Full Name]"'),
}
# Every CV of the corpus: its name (None where it prints a placeholder for one) and its e-mail.
CVS = {
    "md_mb2docx_jane-doe-md_cv.md": ("Jane Doe", "janedoe@example.com"),
    "docx_jane-doe-md_pandoc3.9.docx": ("Jane Doe", "janedoe@example.com"),
    "docx_jane-doe-md_pandoc-then-libreoffice7.4.docx": ("Jane Doe", "janedoe@example.com"),
    "pdf_jane-doe-md_pandoc-docx_libreoffice7.4.pdf": ("Jane Doe", "janedoe@example.com"),
    "md_rendercv_moderncv-filled_john-doe.md": ("John Doe", "john_doe@example.com"),
    "pdf_altacv_sample_two-column_pdftex.pdf": (None, "your_name@email.com"),
    "pdf_moderncv_classic-green_luatex.pdf": ("John Doe", "john@doe.org"),
    "pdf_moderncv_multibib_luatex.pdf": ("John Doe", "john@doe.org"),
    "pdf_openresume_john-doe_react-pdf.pdf": ("John Doe", "hello@openresume.com"),
    "pdf_openresume_laverne_word-quartz.pdf": ("Leo Leopard", "lleopard@laverne.edu"),
    "pdf_rendercv_classic_pdftex.pdf": ("John Doe", "youremail@yourdomain.com"),
    "pdf_rendercv_harvard_typst.pdf": ("John Doe", "john.doe@email.com"),
    "pdf_resume-matcher_alfred-pennyworth_moderncv.pdf": ("Alfred Pennyworth", "alfred.pennyworth@email.com"),
    "pdf_resume-matcher_modern-two-column_chromium.pdf": ("John Doe", "john.doe@email.com"),
    "txt_rendercv_sample-cv-text.txt": ("Sarah Johnson", "sarah.j@email.com"),
}


def _path(name: str) -> Path:
    return next((p for p in FILES if p.name == name), CORPUS / name)


def test_corpus_is_present_and_every_file_has_its_answer() -> None:
    assert len(FILES) == 22, "the shared corpus should hold 22 documents (MANIFEST.md)"
    assert {p.name for p in FILES} == set(NOT_CVS) | set(CVS)


@pytest.mark.parametrize("name", sorted(NOT_CVS))
def test_a_file_that_is_no_cv_gets_its_exact_answer(name: str) -> None:
    error, words = NOT_CVS[name]
    with pytest.raises(error) as raised:
        read_cv(_path(name))
    assert words in str(raised.value)


@pytest.mark.parametrize("name", sorted(CVS))
def test_a_cv_reads_with_its_name_and_email(name: str) -> None:
    cv = read_cv(_path(name))
    assert cv.sections, "a CV has sections"
    assert (cv.profile.name, cv.profile.email) == CVS[name]


def _work(name: str) -> list[str]:
    cv = read_cv(_path(name))
    return [b.text for s, _, b in cv.all_bullets() if s.kind == "experience"]


@pytest.mark.parametrize(
    "name",
    [
        "docx_jane-doe-md_pandoc3.9.docx",
        "docx_jane-doe-md_pandoc-then-libreoffice7.4.docx",
        "pdf_jane-doe-md_pandoc-docx_libreoffice7.4.pdf",
    ],
)
def test_every_duty_survives_a_conversion(name: str) -> None:
    """pandoc runs a list with no blank line before it into its paragraph ("Example Health Network, City,
    State - Documented care for … - Extracted …"): each duty still comes back, as in the Markdown."""
    source = _work("md_mb2docx_jane-doe-md_cv.md")
    assert len(source) == 6
    assert _work(name) == source


def test_the_plain_text_cv_keeps_its_duties() -> None:
    cv = read_cv(_path("txt_rendercv_sample-cv-text.txt"))
    assert len(cv.all_bullets()) == 5  # 4 under EXPERIENCE + 1 under EDUCATION


def test_jane_doe_is_a_family_medicine_md_without_board_certification() -> None:
    profile = read_cv(CORPUS / "md_mb2docx_jane-doe-md_cv.md").profile
    assert profile.name == "Jane Doe"
    assert profile.specialty == "family medicine"
    assert "MD" in profile.credentials
    # "Board Certification (All Steps Complete)" is about licensing exams, not a board certificate.
    assert profile.board_certified is False


def test_ligatures_are_decomposed() -> None:
    cv = read_cv(CORPUS / "pdf_openresume_john-doe_react-pdf.pdf")
    text = " ".join(b.text for _, _, b in cv.all_bullets())
    assert "ﬁ" not in text
    assert "fi" in text
