"""The .txt and .md readers: encodings, markdown structure, bullets kept whole."""

from __future__ import annotations

from pathlib import Path

from translator.parse import read_cv

TEXT = (
    "Zoë Brontë, MD\nzoe@example.com\n\nEXPERIENCE\n"
    "Hospitalist, Hôpital Général 2018 – Present\n- Led “sepsis” QI — 2019\n"
)


def test_windows_1252_text_falls_back_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes(TEXT.encode("cp1252"))
    cv = read_cv(path)
    assert cv.profile.name == "Zoë Brontë"
    assert [b.text for _, _, b in cv.all_bullets()] == ["Led “sepsis” QI — 2019"]


def test_utf8_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff".encode() + TEXT.encode("utf-8"))
    assert read_cv(path).profile.email == "zoe@example.com"


def test_markdown_headings_entries_and_nested_bullets(tmp_path: Path) -> None:
    path = tmp_path / "cv.md"
    path.write_text(
        "---\nlayout: default\n---\n# Ravi Shah, MD\nravi@example.com | Boston, MA\n\n"
        "## Experience\n### Hospitalist\tJuly 2019 – Present\n**Mass General**, Boston, MA\n"
        "- Led a **sepsis** QI project\n  - Reduced time to antibiotics\n\n"
        "## Publications *(Optional)*\n1. Shah R. Sepsis. *NEJM*. 2020.\n",
        encoding="utf-8",
    )
    cv = read_cv(path)
    assert cv.profile.name == "Ravi Shah"
    assert [s.heading for s in cv.sections] == ["Experience", "Publications"]
    entry = cv.sections[0].entries[0]
    assert (entry.title, entry.organization, entry.dates) == (
        "Hospitalist",
        "Mass General, Boston, MA",
        "July 2019 – Present",
    )
    assert [b.text for b in entry.bullets] == ["Led a sepsis QI project", "Reduced time to antibiotics"]
    assert [b.text for b in cv.sections[1].bullets] == ["Shah R. Sepsis. NEJM. 2020."]
