"""LinkedIn's own files as input: the data export (ZIP and folder) and the profile PDF, read against the truth
the fixtures were built from (fixtures/linkedin/linkedin_truth.py), and what must never come out of them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest

from tests.conftest import FIXTURES
from translator.errors import InputFileError
from translator.parse import read_cv
from translator.parse.linkedin import MAX_FILE_BYTES, Record, duties, read_export
from translator.parse.linkedin_pdf import read_profile
from translator.render.linkedin import DESCRIPTION_LIMIT, MAX_SKILLS, TRAINING_LIMIT
from translator.render.profile_texts import ABOUT_LIMIT, HEADLINE_LIMIT
from translator.report import build_report

LINKEDIN = FIXTURES / "linkedin"
sys.path.insert(0, str(LINKEDIN))
import linkedin_truth  # noqa: E402

TRUTH: dict[str, dict[str, Any]] = linkedin_truth.TRUTH
EXPORTS = [name for name in TRUTH if not name.endswith(".pdf")]
PDFS = [name for name in TRUTH if name.endswith(".pdf")]


def _read(name: str) -> Record:
    path = LINKEDIN / name
    if name.endswith(".pdf"):
        record = read_profile(path)
        assert record is not None, f"{name} not recognised as LinkedIn's profile PDF"
        return record
    return read_export(path)


def _dashes(text: str) -> str:
    return re.sub(r"\s*[-–]\s*", " - ", text)


@pytest.mark.parametrize("name", list(TRUTH))
def test_every_field_of_the_profile_is_read(name: str) -> None:
    truth, record = TRUTH[name], _read(name)
    assert record.name == truth["name"]
    assert record.headline == truth["headline"]
    assert record.location == truth["location"]
    assert record.summary == truth["summary"]
    assert record.email == truth["email"]
    assert record.phone == truth["phone"]
    assert record.skills == truth["skills"]
    assert [c.split(",")[0] for c in record.certifications] == [c.split(",")[0] for c in truth["certifications"]]
    assert record.languages == truth["languages"]
    assert [(s.school, s.degree) for s in record.education] == [(e["school"], e["degree"]) for e in truth["education"]]
    got = [(p.title, p.company, _dashes(p.dates), p.location) for p in record.positions]
    want = [(p["title"], p["organization"], _dashes(p["dates"]), p["location"]) for p in truth["positions"]]
    assert got == want


@pytest.mark.parametrize("name", list(TRUTH))
def test_each_description_keeps_its_lines(name: str) -> None:
    for position, truth in zip(_read(name).positions, TRUTH[name]["positions"], strict=True):
        assert linkedin_truth.description_bullets(position.description) == truth["description_bullets"], position.title


def test_a_description_becomes_duties_by_line_mark_and_sentence() -> None:
    text = "• Lead the clinic\n- Built a registry.\n\nTwo sentences here. And a second one."
    assert duties(text) == ["Lead the clinic", "Built a registry", "Two sentences here", "And a second one"]


def test_the_sidebar_town_is_never_the_name() -> None:
    cv = read_cv(LINKEDIN / "profile_peds_em_sidebar_location.pdf")
    assert cv.profile.name == "Aurelio Nakashima-Reyes"
    assert cv.linkedin is not None and cv.linkedin.headline == "Pediatric Emergency Physician"


def test_a_cv_pdf_is_not_taken_for_a_profile() -> None:
    for pdf in [*sorted((FIXTURES / "unseen").glob("p_*.pdf")), FIXTURES / "cvs" / "oncologist.pdf"]:
        if "damaged" not in pdf.name:
            assert read_profile(pdf) is None, pdf.name


def _outputs(folder: Path) -> str:
    texts = [p.read_text(encoding="utf-8") for p in folder.iterdir() if p.suffix in {".md", ".json", ".toml"}]
    resume = docx.Document(str(folder / "resume.docx"))
    texts += [p.text for p in resume.paragraphs]
    texts += [c.text for t in resume.tables for row in t.rows for c in row.cells]
    return "\n".join(texts)


@pytest.mark.parametrize("name", list(TRUTH))
def test_other_people_licences_and_private_fields_never_reach_an_output(name: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = subprocess.run(
        [sys.executable, "-m", "translator", "translate", str(LINKEDIN / name), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    text = _outputs(out)
    truth = TRUTH[name]
    never = truth["other_people_never"] + truth["other_strings_never"] + truth["licence_numbers_never"]
    never += truth["private_never"]
    assert [s for s in never if s.lower() in text.lower()] == []
    assert truth["name"].split(",")[0] in text
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert len(report["linkedin"]["positions"]) == len(truth["positions"])


def _export_with(files: dict[str, bytes], path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def _refused(path: Path) -> str:
    run = subprocess.run(
        [sys.executable, "-m", "translator", "translate", str(path), "-o", str(path.parent / "out")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2
    assert len(run.stderr.strip().splitlines()) == 1 and "Traceback" not in run.stderr
    assert not (path.parent / "out").exists()
    return run.stderr


def test_a_zip_bomb_is_refused_in_one_line(tmp_path: Path) -> None:
    bomb = _export_with(
        {"Profile.csv": b"First Name,Last Name\nA,B\n", "Positions.csv": b"x" * (MAX_FILE_BYTES + 1)},
        tmp_path / "export.zip",
    )
    assert "refusing to read it" in _refused(bomb)


def test_a_zip_of_something_else_is_refused_in_one_line(tmp_path: Path) -> None:
    other = _export_with({"holiday.jpg": b"\xff\xd8\xff"}, tmp_path / "photos.zip")
    assert "no LinkedIn data export" in _refused(other)


def test_an_export_with_only_positions_and_odd_files_is_read(tmp_path: Path) -> None:
    positions = (
        "\ufeffCompany Name,Title,Description,Location,Started On,Finished On,Extra\r\n"
        'Harbor Clinic,Hospitalist,"• Led the sepsis huddle\n• Taught residents on rounds",Boston,Jan 2020,,x\r\n'
    )
    connections = b'Notes:\n"About connections"\n\nFirst Name,Last Name\nNever,Shown\n'
    path = _export_with(
        {"Basic/Positions.csv": positions.encode(), "Basic/Connections.csv": connections, "Basic/broken.csv": b"\x00"},
        tmp_path / "Basic_LinkedInDataExport.zip",
    )
    record = read_export(path)
    assert [(p.title, p.company, p.start, p.end) for p in record.positions] == [
        ("Hospitalist", "Harbor Clinic", "Jan 2020", "")
    ]
    assert duties(record.positions[0].description) == ["Led the sepsis huddle", "Taught residents on rounds"]


def test_a_notes_preamble_and_a_bom_are_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "Profile.csv").write_bytes(
        '\ufeffNotes:\n"When exporting your data, …"\n\nFirst Name,Last Name,Headline\nAda,Okafor,Internist\n'.encode()
    )
    record = read_export(folder)
    assert (record.name, record.headline) == ("Ada Okafor", "Internist")


def test_every_skill_is_shown_by_a_line_of_the_report(tmp_path: Path) -> None:
    for source in [LINKEDIN / PDFS[0], LINKEDIN / EXPORTS[0], FIXTURES / "cvs" / "academic_cardiologist.docx"]:
        out = tmp_path / source.stem
        subprocess.run(
            [sys.executable, "-m", "translator", "translate", str(source), "-o", str(out)], check=True, timeout=120
        )
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        lines = {b["rewrite"] for b in report["bullets"]} | {k["text"] for k in report["kept"]}
        skills = report["linkedin"]["skills"]
        assert skills, source.name
        for skill in skills:
            assert skill["evidence"], skill["name"]
            assert set(skill["evidence"]) <= lines, skill["name"]
        assert [s["top"] for s in skills[:4]] == [True, True, True, False][: len(skills)]
        linkedin_md = (out / "linkedin.md").read_text(encoding="utf-8")
        assert all(s["name"] in linkedin_md for s in skills)


@pytest.fixture(scope="module")
def export_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "out"
    subprocess.run(
        [sys.executable, "-m", "translator", "translate", str(LINKEDIN / EXPORTS[0]), "-o", str(out)],
        check=True,
        timeout=120,
    )
    return out


def test_report_json_positions_have_the_fields_the_issue_names(export_out: Path) -> None:
    out = export_out
    positions = json.loads((out / "report.json").read_text(encoding="utf-8"))["linkedin"]["positions"]
    assert {"title", "organization", "dates", "location", "description"} <= set(positions[0])
    assert positions[0]["organization"] == "Cascadia Ridge Medical Center"
    assert positions[0]["location"] == "Portland, Oregon, United States"
    first = positions[0]["description"].splitlines()
    assert first and all(line.startswith("• ") for line in first)


def test_a_changed_profile_lists_what_would_change(export_out: Path) -> None:
    out = export_out
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    fields = [c["field"] for c in report["linkedin"]["changes"]]
    assert "Headline" in fields and "Skills to add" in fields
    assert "what would change" in (out / "report.md").read_text(encoding="utf-8")


def test_a_member_that_inflates_a_thousandfold_is_refused(tmp_path: Path) -> None:
    """Under the size limit, but no CSV of text compresses like that: the ratio stops it."""
    path = _export_with(
        {"Profile.csv": b"First Name\nA\n", "Positions.csv": b"\0" * (4 * 1024 * 1024)}, tmp_path / "x.zip"
    )
    with pytest.raises(InputFileError, match="refusing to read it"):
        read_export(path)


EVERY_INPUT = [
    *sorted((FIXTURES / "cvs").glob("*.*")),
    *sorted((FIXTURES / "targets").glob("*.docx")),
    *(LINKEDIN / name for name in TRUTH),
]


@pytest.mark.parametrize("source", EVERY_INPUT, ids=lambda p: p.name)
def test_linkedin_texts_keep_linkedins_limits(source: Path) -> None:
    report = build_report(read_cv(source))
    assert all(len(h) <= HEADLINE_LIMIT for h in report.headlines)
    assert len(report.about) <= ABOUT_LIMIT
    assert report.linkedin.positions, source.name
    for position in report.linkedin.positions:
        assert len(position.description) <= (TRAINING_LIMIT if position.training else DESCRIPTION_LIMIT)
        assert position.title or position.organization
    assert len(report.linkedin.skills) <= MAX_SKILLS
    assert len({s.name.lower() for s in report.linkedin.skills}) == len(report.linkedin.skills)


def test_positions_run_by_date_and_training_reads_as_a_title() -> None:
    report = build_report(read_cv(FIXTURES / "cvs" / "academic_cardiologist.docx"))
    titles = [p.title for p in report.linkedin.positions]
    assert titles[-2:] == ["Cardiovascular Disease Fellow", "Internal Medicine Resident"]
    onc = build_report(read_cv(LINKEDIN / "profile_oncologist_multipage.pdf"))
    # The chief residency (2012-2013) comes after the fellowship that followed it (2013-2016), not before.
    order = [p.title for p in onc.linkedin.positions]
    assert order.index("Hematology/Oncology Fellow") < order.index("Chief Medical Resident")


def test_about_names_the_employer_only_beside_what_was_done_there() -> None:
    report = build_report(read_cv(FIXTURES / "cvs" / "academic_cardiologist.docx"), target="medtech")
    opening = report.about.split("\n")[0]
    # Its strongest fact for medtech was done at Riverside (2012-2014), not at the current Northfield post.
    assert "interpreted 30 transthoracic echocardiograms" in opening
    assert "Northfield" not in opening


def test_a_skill_the_cv_lists_keeps_the_cvs_own_name() -> None:
    report = build_report(read_cv(LINKEDIN / "profile_peds_em_sidebar_location.pdf"))
    names = [s.name for s in report.linkedin.skills]
    assert "Point-of-Care Ultrasound" in names and "Point-of-Care Ultrasound (POCUS)" not in names


def test_a_headline_does_not_name_the_area_its_title_names() -> None:
    report = build_report(read_cv(FIXTURES / "unseen" / "t_infectious_disease.md"))
    assert all(h.count("Infectious Disease") <= 1 for h in report.headlines), report.headlines


def test_a_profile_pdf_whose_sidebar_ends_further_left_is_read_as_a_profile() -> None:
    """A look-alike of LinkedIn's "Save to PDF" printed by Chromium (a helper's, from a brief): its main column
    starts at 0.34 of the page, not LinkedIn's 0.365, and its location grey is #8a8a8a, not #b1b1b1. The sidebar's
    edge is found where no text crosses, so it is read as a profile: each position under its company with its dates
    (not the company's tenure "10 years 6 months" as a title), the grey place with the employer, not as a duty; the
    summary's "- " lines stay lines, and "a 9-" / "surgeon group" is one word."""
    from translator.parse import read_cv

    cv = read_cv(FIXTURES / "unseen" / "linkedin-lookalike_glaucoma_chromium.pdf")
    # the sidebar breaks the address at any character ("www.linkedin.com/in/d" / "esmond-achterberg-" / "md")
    assert cv.profile.linkedin == "linkedin.com/in/desmond-achterberg-md"
    # a profile's certifications are read as any CV's: a registration to prescribe is set aside with its reason
    assert "prescribe" in {n.text: n.reason for n in cv.not_used}["DEA Registration"]
    work = [(e.title, e.organization, e.dates) for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert work[:3] == [
        ("Partner, Glaucoma & Cornea", "Willamette Valley Eye Partners, Salem, Oregon", "January 2020 – Present"),
        ("Associate Physician", "Willamette Valley Eye Partners, Salem, Oregon", "July 2016 – December 2019"),
        (
            "Staff Ophthalmologist (part-time, 0.25 FTE)",
            "U.S. Department of Veterans Affairs, Portland, Oregon",
            "March 2018 – Present",
        ),
    ]
    duties = [b.text for _, _, b in cv.all_bullets()]
    assert not any(re.fullmatch(r"[A-Z][a-z]+, Oregon", d) for d in duties)
    summary = [line for s in cv.sections if s.kind == "summary" for e in s.entries for line in e.lines]
    assert summary[0].endswith("Partner in a 9-surgeon group (3 ASCs); part-time at the VA.")
    assert summary[1] == "- ~330 surgical cases/yr: MIGS, trab, tubes, DMEK/DSAEK, PK."
    assert (cv.profile.email, cv.profile.location) == ("d.achterberg@wveyepartners.com", "Salem, Oregon")
    # "Desmond Achterberg, MD" on the profile: the name, its degree among the credentials (never "MD, MD")
    assert (cv.profile.name, cv.profile.credentials) == ("Desmond Achterberg", ["MD"])


def test_linkedin_dates_with_their_length_are_the_positions_dates(tmp_path: Path) -> None:
    """A CV copied from LinkedIn keeps its dates with the post's length after them ("January 2020 - Present
    (7 years)") and the company's tenure on a line of its own ("10 years 6 months"): the dates are the position's,
    the tenure is set aside."""
    from translator.parse import read_cv

    cv_file = tmp_path / "cv.txt"
    cv_file.write_text(
        "Dana Holt, MD\ndana@example.com\n\nEXPERIENCE\n\nLakeside Eye Partners\n10 years 6 months\n"
        "Partner\nJanuary 2020 - Present (7 years)\n- Built a MIGS program: 0 to 180 cases a year\n\n"
        "Associate Physician\nJuly 2016 - December 2019 (3 years 6 months)\n- Launched corneal cross-linking\n",
        encoding="utf-8",
    )
    cv = read_cv(cv_file)
    dates = [e.dates for s in cv.sections if s.kind == "experience" for e in s.entries]
    assert "January 2020 - Present" in dates and "July 2016 - December 2019" in dates
    assert any(n.text == "10 years 6 months" for n in cv.not_used)
