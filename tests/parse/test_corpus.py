"""Real CV files made by other people's tools: they parse, or plainly say no CV is in them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SHARED
from translator.errors import NoCVFoundError
from translator.parse import read_cv

CORPUS = SHARED / "corpus"
pytestmark = pytest.mark.needs_shared
FILES = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name != "MANIFEST.md")
# Fixtures and templates that are not CVs (MANIFEST.md entries 13–16): "no CV found" is the right answer.
NOT_CVS = {
    "docx_docx2python_created-in-pages-bulleted-lists.docx",
    "docx_docx2python_google-docs-conversion.docx",
    "docx_docx2python_example_word.docx",
    "docx_one-resume_template_macword.docx",
    "docx_duke-scholars_cv-template_macword.docx",  # a docxtemplater template: placeholders, no person
}


def test_corpus_is_present() -> None:
    assert len(FILES) == 22, "the shared corpus should hold 22 documents (MANIFEST.md)"


# Without ../shared one placeholder keeps the test, so that it skips with the reason (needs_shared), not
# with pytest's "got empty parameter set".
@pytest.mark.parametrize("path", FILES or [CORPUS / "missing"], ids=lambda p: p.name)
def test_parses_without_crashing(path: Path) -> None:
    if path.name in NOT_CVS:
        try:
            read_cv(path)
        except NoCVFoundError as exc:
            assert "no CV found" in str(exc)
        return
    cv = read_cv(path)
    assert cv.sections, "a CV has sections"
    assert cv.profile.email or cv.profile.name


@pytest.mark.parametrize(
    ("name", "email", "bullets"),
    [
        ("md_mb2docx_jane-doe-md_cv.md", "janedoe@example.com", 14),
        ("txt_rendercv_sample-cv-text.txt", "sarah.j@email.com", 5),  # 4 under EXPERIENCE + 1 under EDUCATION
        ("pdf_openresume_john-doe_react-pdf.pdf", "hello@openresume.com", None),
        ("pdf_rendercv_classic_pdftex.pdf", "youremail@yourdomain.com", None),
    ],
)
def test_contact_and_bullets_match_manifest(name: str, email: str, bullets: int | None) -> None:
    cv = read_cv(CORPUS / name)
    assert cv.profile.email == email
    if bullets is not None:
        assert len(cv.all_bullets()) == bullets


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
