"""The three fictional CVs parse to the structure they were written with: every bullet intact."""

from __future__ import annotations

import pytest
from cv_content import ALL

from tests.conftest import CVS
from translator.parse import read_cv


@pytest.mark.parametrize("filename", sorted(ALL))
def test_profile(filename: str) -> None:
    expected = ALL[filename]
    profile = read_cv(CVS / filename).profile
    assert profile.name == expected["name"]
    assert profile.email == expected["email"]
    assert profile.phone == expected["phone"]
    assert profile.location == expected["location"]
    assert profile.credentials == [c.strip() for c in expected["credentials"].split(",")]
    assert profile.board_certified is True


@pytest.mark.parametrize("filename", sorted(ALL))
def test_every_bullet_recovered_whole_and_in_order(filename: str) -> None:
    expected = ALL[filename]
    cv = read_cv(CVS / filename)
    want = [b for _, entries in expected["sections"] for *_, bullets in entries for b in bullets]
    want += expected["certification"]
    got = [b.text for _, _, b in cv.all_bullets()]
    assert got == want


@pytest.mark.parametrize("filename", sorted(ALL))
def test_entries_have_title_organization_and_dates(filename: str) -> None:
    expected = ALL[filename]
    cv = read_cv(CVS / filename)
    headings = [s.heading for s in cv.sections]
    for heading, entries in expected["sections"]:
        assert heading in headings
        section = cv.sections[headings.index(heading)]
        titled = [e for e in section.entries if e.title]
        want = [(t, o, d) for t, o, d, _ in entries if t]
        assert [(e.title, e.organization, e.dates) for e in titled] == want


def test_specialty_comes_from_board_certification_first() -> None:
    assert read_cv(CVS / "oncologist.pdf").profile.specialty == "medical oncology"
    assert read_cv(CVS / "pediatrician.txt").profile.specialty == "pediatrics"
    assert read_cv(CVS / "sample_hospitalist.docx").profile.specialty == "internal medicine"


def test_docx_table_rows_keep_dates_with_their_degree() -> None:
    cv = read_cv(CVS / "sample_hospitalist.docx")
    education = next(s for s in cv.sections if s.kind == "education")
    assert [(e.title, e.dates) for e in education.entries] == [
        ("Residency", "2016 – 2019"),
        ("Doctor of Medicine (MD)", "2012 – 2016"),
    ]
