"""Dates beside a title, whichever side of it they are set on."""

from __future__ import annotations

from pathlib import Path

import pytest

from translator.parse.text import split_dates


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Hospitalist\tJul 2019 – Present", ("Hospitalist", "Jul 2019 – Present")),
        ("2020 – Present\tNephrologist", ("Nephrologist", "2020 – Present")),
        ("Jul 2019 – Jun 2021   Fellow, Rheumatology", ("Fellow, Rheumatology", "Jul 2019 – Jun 2021")),
        ("2016 - 2019 | Resident, Internal Medicine", ("Resident, Internal Medicine", "2016 - 2019")),
        # one space after a year is a sentence, not a date column
        ("2019 American Board of Internal Medicine", ("2019 American Board of Internal Medicine", None)),
        ("Grand rounds on sepsis", ("Grand rounds on sepsis", None)),
    ],
)
def test_split_dates(line: str, expected: tuple[str, str | None]) -> None:
    assert split_dates(line) == expected


def test_date_first_lines_in_a_text_cv(tmp_path: Path) -> None:
    from translator.parse import read_cv

    path = tmp_path / "cv.txt"
    path.write_text(
        "Ana Ruiz, MD\nana@example.org\n\nEXPERIENCE\n\n"
        "2014 – 2018    Staff Physician, County Hospital\n- Ran the anticoagulation clinic\n\n"
        "2018 – Present    Nephrologist, Kidney Care Partners\n- See 20 patients a day\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    entries = [(e.title, e.organization, e.dates) for e in cv.sections[0].entries]
    assert entries == [
        ("Staff Physician", "County Hospital", "2014 – 2018"),
        ("Nephrologist", "Kidney Care Partners", "2018 – Present"),
    ]
    assert (cv.profile.position, cv.profile.institution) == ("Nephrologist", "Kidney Care Partners")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("12/7/26, 12:21 AM", "a browser's print header or footer"),
        ("file:///tmp/cv/Jane_Roe_CV.html", "a browser's print header or footer"),
        ("Jane Roe MD - CV", "the document's title, not its content"),
        ("https://www.linkedin.com/in/janeroe", None),  # a profile's address is contact, not a print footer
        ("Covered nights 12/7 in the ICU", None),
    ],
)
def test_what_a_browser_prints_around_a_page_is_set_aside(line: str, reason: str | None) -> None:
    from translator.parse.text import set_aside

    assert set_aside(line) == reason
