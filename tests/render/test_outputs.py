"""Outputs: the resume opened with python-docx, the platform limits, golden text."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import docx
import pytest

from tests.conftest import CVS, FIXTURES
from translator.mapping.roles import role_profiles
from translator.outputs import render_outputs
from translator.parse import read_cv
from translator.render.profile_texts import (
    ABOUT_LIMIT,
    HEADLINE_LIMIT,
    MESSAGE_LIMIT,
    NOTE_LIMIT,
    NOTE_PREMIUM_LIMIT,
)
from translator.report import build_report
from translator.targets import TARGET_ROLES

FIXTURE_CVS = sorted(p.name for p in CVS.iterdir() if p.is_file())  # office/ is read by tests/parse
GOLDEN = FIXTURES / "golden"


def _outputs(name: str, target: str | None = None) -> tuple[dict[str, bytes], object]:
    cv = read_cv(CVS / name)
    report = build_report(cv, target=target)
    return render_outputs(cv, report), report


def _resume_text(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    return [f"[{p.style.name}] {p.text}" for p in document.paragraphs if p.text.strip()]


@pytest.mark.parametrize("name", FIXTURE_CVS)
def test_resume_is_ats_friendly(name: str) -> None:
    outputs, report = _outputs(name)
    document = docx.Document(io.BytesIO(outputs["resume.docx"]))
    assert not document.tables, "no tables in an ATS resume"
    assert not document.element.body.xpath(".//w:txbxContent"), "no text boxes"
    for section in document.sections:
        assert not any(p.text.strip() for p in section.header.paragraphs), "contact details belong in the body"
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:3] == ["Summary", "Core Competencies", "Professional Experience"]
    bullets = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets, "real Word bullet lists"
    assert bullets[0]._p.pPr.numPr is not None or document.styles["List Bullet"].element.pPr.numPr is not None
    body_text = "\n".join(p.text for p in document.paragraphs)
    assert report.profile.email in body_text
    rewrites = {b.rewrite for b in report.bullets}
    assert {p.text for p in bullets} & rewrites


def test_contact_line_gives_the_linkedin_address() -> None:
    """A recruiter opens the profile from the resume: the address the CV gives is on the contact line, with the
    hyphens the sidebar wrapped it at."""
    cv = read_cv(FIXTURES / "unseen" / "pdftotext-layout-two-columns_interventional-radiology.txt")
    document = docx.Document(io.BytesIO(render_outputs(cv, build_report(cv))["resume.docx"]))
    lines = [p.text for p in document.paragraphs if p.text.strip()]
    contact = next(t for t in lines[:4] if "@" in t)
    assert contact.endswith("| cokafor.ir@gmail.com | linkedin.com/in/chinedu-okafor-ir")


def test_summary_names_the_post_held_today_with_its_own_start() -> None:
    """A director is named as one, with the year the directorship began: 2017 is when she joined the medical
    college, 2019 when she took the program (unseen11 read: "at Herma Heart Institute since 2017")."""
    cv = read_cv(FIXTURES / "unseen" / "europass-tables_pediatric-cardiology_libreoffice.docx")
    summary = build_report(cv).summary
    assert summary.startswith(
        "Board-certified pediatric cardiologist; Director, Fetal Cardiology Program at Herma Heart Institute since "
        "2019, now moving into "
    )


@pytest.mark.parametrize("name", FIXTURE_CVS)
@pytest.mark.parametrize("target", TARGET_ROLES)
def test_platform_limits(name: str, target: str) -> None:
    _, report = _outputs(name, target)
    assert len(report.headlines) == 3
    assert all(len(h) <= HEADLINE_LIMIT for h in report.headlines)
    assert len(report.about) <= ABOUT_LIMIT
    assert len(report.outreach.connection_note) <= NOTE_LIMIT
    assert len(report.outreach.connection_note_premium) <= NOTE_PREMIUM_LIMIT
    assert len(report.outreach.message) <= MESSAGE_LIMIT
    assert "15 minutes" in report.outreach.message


@pytest.mark.parametrize("name", FIXTURE_CVS)
def test_outreach_never_asks_for_a_job_and_keeps_placeholders(name: str) -> None:
    outputs, _ = _outputs(name)
    text = outputs["outreach.md"].decode()
    assert "{their_name}" in text and "{their_company}" in text
    for phrase in ("job", "referral", "hire me", "hiring", "open position"):
        assert phrase not in text.lower().replace("never ask for a job or a referral", "")


def test_board_certification_is_claimed_once_and_only_when_the_cv_shows_it() -> None:
    """In the Summary's opening and the role-forward headline; never when the CV does not show it."""
    cv = read_cv(CVS / "pediatrician.txt")
    report = build_report(cv)
    assert report.summary.startswith("Board-certified general pediatrician")  # the CV's own title
    assert report.headlines[0].startswith("Board-Certified General Pediatrician")
    assert not any("board-certified" in h.lower() for h in report.headlines[1:])
    cv.profile.board_certified = False
    report = build_report(cv)
    assert "board-certified" not in (report.summary + " ".join(report.headlines) + report.about).lower()


def test_about_opening_stands_alone() -> None:
    """The first paragraph is shown before "see more": the people's word for the specialist and a fact."""
    _, report = _outputs("oncologist.pdf")
    first = report.about.split("\n\n")[0]
    assert "medical oncologist" in first.lower() and first.endswith(".")
    assert len(first) <= 300
    assert re.search(r"\d", first), first


def test_target_is_suggested_with_a_reason() -> None:
    _, report = _outputs("oncologist.pdf")
    assert report.target in {"clinical-development", "medical-affairs", "msl"}
    assert report.target_reason.startswith("the CV shows")
    assert report.targets[0].id == report.target and len(report.targets) == 6


@pytest.mark.parametrize("name", FIXTURE_CVS)
def test_golden_outputs(name: str, update_golden: bool) -> None:
    outputs, _ = _outputs(name)
    actual = {
        "resume.docx.txt": "\n".join(_resume_text(outputs["resume.docx"])) + "\n",
        "linkedin.md": outputs["linkedin.md"].decode(),
        "outreach.md": outputs["outreach.md"].decode(),
        "report.md": outputs["report.md"].decode(),
    }
    folder = GOLDEN / Path(name).stem
    if update_golden:
        folder.mkdir(parents=True, exist_ok=True)
        for file, text in actual.items():
            (folder / file).write_text(text, encoding="utf-8")
    for file, text in actual.items():
        expected = (folder / file).read_text(encoding="utf-8")
        assert text == expected, f"{folder.name}/{file} changed; rerun with --update-golden if intended"


def test_report_json_round_trips_through_the_model() -> None:
    from translator.models import Report

    outputs, report = _outputs("sample_hospitalist.docx")
    assert Report.model_validate(json.loads(outputs["report.json"])) == report


def test_control_characters_cannot_break_the_docx(tmp_path: Path) -> None:
    cv_file = tmp_path / "cv.txt"
    cv_file.write_text(
        "Ada Smith, MD\nada@example.com\n\nEXPERIENCE\nHospitalist, Mercy Hospital 2019 - Present\n"
        "- Led QI project\x0b on sepsis\x1f bundles\n",
        encoding="utf-8",
    )
    cv = read_cv(cv_file)
    outputs = render_outputs(cv, build_report(cv))
    text = "\n".join(_resume_text(outputs["resume.docx"]))
    assert "sepsis" in text


def _long_cv_text() -> str:
    lines = ["Sam Lee, MD", "sam.lee@example.com | (555) 100-2000 | Austin, TX", "", "EXPERIENCE"]
    for year in range(1970, 2024, 2):
        lines.append(f"Hospitalist, Hospital {year} {year} - {year + 2}")
        lines += [
            f"- Rounded on {year % 20 + 10} patients per day on the medicine service",
            "- Member, Sepsis Committee; reviewed bundle compliance data",
            "- Led QI project with nursing and pharmacy to standardize discharge planning",
            "- Taught residents and students on the wards and presented at grand rounds",
        ]
    lines += ["", "PUBLICATIONS"] + [
        f"- Lee S, et al. Study number {n} of sepsis care. J Hosp Med. 2019." for n in range(23)
    ]
    return "\n".join(lines) + "\n"


def test_a_long_cv_is_selected_and_compressed_to_its_pages(tmp_path: Path) -> None:
    from translator.render.resume import LONG_RECORD_PAGES, estimated_pages, page_limit, plan_resume

    cv_file = tmp_path / "long.txt"
    cv_file.write_text(_long_cv_text(), encoding="utf-8")
    cv = read_cv(cv_file)
    report = build_report(cv)
    blocks = plan_resume(cv, report)
    # 23 publications are a long publication record: three pages at most (the product brief).
    assert page_limit(cv) == LONG_RECORD_PAGES
    assert estimated_pages(blocks) <= LONG_RECORD_PAGES
    headings = [b.text for b in blocks if b.kind == "heading"]
    assert "Selected Publications (5 of 23)" in headings
    # The most recent job (listed last in this CV) keeps its bullets; the oldest entries go first.
    newest = [b for b in blocks if b.kind == "bullet" and b.entry == 0]
    assert len(newest) >= 3
    oldest = max(b.entry for b in blocks if b.entry >= 0)
    assert len([b for b in blocks if b.kind == "bullet" and b.entry == oldest]) < len(newest)
    newest_heading = next(b.text for b in blocks if b.kind == "entry" and b.entry == 0)
    assert newest_heading.replace("\u00a0", " ").endswith("2022 - 2024")
    # Every bullet in the resume is a rewrite from the report: trimming never invents text.
    rewrites = {b.rewrite for b in report.bullets}
    assert all(b.text in rewrites for b in blocks if b.kind == "bullet" and b.entry >= 0)


def test_outreach_says_who_you_are_in_plain_words_never_an_invented_title() -> None:
    _, report = _outputs("pediatrician.txt")
    message = report.outreach.message
    assert "I have been a general pediatrician at Front Range Children's Clinic since 2018." in message
    assert "attending" not in message.lower() and "currently working as" not in message
    assert "exploring a move into" in message
    assert "admire" not in message.lower()


@pytest.mark.parametrize("target", TARGET_ROLES)
def test_texts_follow_the_chosen_target(target: str) -> None:
    """--target writes every text for that target: its name in the headlines and the Summary's last sentence,
    its search strings in the outreach."""
    from translator.mapping.roles import role_profiles

    _, report = _outputs("sample_hospitalist.docx", target)
    role = role_profiles()[target]
    assert report.target_reason == "chosen with --target"
    assert f", now moving into {role.area}." in report.summary or f", now moving into {role.area} in " in report.summary
    assert role.headline in report.headlines[0] and role.headline in report.headlines[2]
    assert report.outreach.searches[0].split('"')[1] == role.searches[0].split('"')[1]


@pytest.mark.parametrize("name", FIXTURE_CVS)
def test_golden_files_say_what_a_reader_needs(name: str) -> None:
    """The goldens are read for their content, not only compared: a resume headed by the physician with the
    standard sections, three headlines within the limit, an About that opens with a fact, an outreach note with
    its placeholders and no flattery, and a report that names the target and its evidence."""
    folder = GOLDEN / Path(name).stem
    resume = (folder / "resume.docx.txt").read_text(encoding="utf-8").splitlines()
    linkedin = (folder / "linkedin.md").read_text(encoding="utf-8")
    outreach = (folder / "outreach.md").read_text(encoding="utf-8")
    report = (folder / "report.md").read_text(encoding="utf-8")
    cv = read_cv(CVS / name)
    assert resume[0] == f"[Normal] {cv.profile.name}, {', '.join(cv.profile.credentials)}".rstrip(", ")
    headings = [line.split("] ", 1)[1] for line in resume if line.startswith("[Heading 1]")]
    assert headings[:3] == ["Summary", "Core Competencies", "Professional Experience"]
    headlines = re.findall(r"^\d\. (.+?)  $", linkedin, re.MULTILINE)
    assert len(headlines) == 3 and all(len(h) <= HEADLINE_LIMIT for h in headlines)
    about = linkedin.split("## About", 1)[1].split("\n\n", 2)[1]
    assert re.search(r"\d", about) and not re.match(r"I am .* preparing", about)
    assert "{their_name}" in outreach and "admire" not in outreach.lower()
    names = "|".join(re.escape(p.name) for p in role_profiles().values())
    assert re.search(rf"\| (?:{names}) \| [\d.]+ \| \d+ \|", report)  # the targets by the names a reader knows
    assert not re.search(r"\b(?:cross_functional|clinical_care|medical-affairs)\b|rule: `", report)  # no ids
    for placeholder in ("Your Name", "{your_name}", "[Name]"):
        assert placeholder not in "\n".join([*resume, linkedin, outreach])


def test_linkedin_lists_boards_and_licences_without_their_numbers(tmp_path: Path) -> None:
    """LinkedIn's Licenses & certifications (missing in all six unseen12 profiles): the boards, fellowships and
    licences the resume lists, their numbers left out; a life-support card and a DEA registration set aside."""
    cv_file = tmp_path / "cv.txt"
    cv_file.write_text(
        "Ada Holm, MD, FASN\nada@example.com\n\nEXPERIENCE\n\nNephrologist, Valley Kidney Care\t2014 – present\n"
        "- Grew the home dialysis program from 38 to 164 patients\n\nCERTIFICATION AND LICENSURE\n\n"
        "- American Board of Internal Medicine: Nephrology (2014)\n- Fellow of the American Society of Nephrology\n"
        "- Texas Medical Board, license N5519 (active)\n- DEA registration BH4472910\n- BLS / ACLS current\n",
        encoding="utf-8",
    )
    cv = read_cv(cv_file)
    text = render_outputs(cv, build_report(cv))["linkedin.md"].decode()
    listed = text.split("## Licenses & certifications", 1)[1].split("\n## ", 1)[0]
    assert "- American Board of Internal Medicine: Nephrology (2014)" in listed
    assert "- Fellow of the American Society of Nephrology" in listed
    assert "- Texas medical license" in listed and "N5519" not in listed
    assert "DEA" not in listed and "BLS" not in listed


def test_linkedin_experience_holds_the_industry_posts_and_seats_set_out_of_the_experience_section() -> None:
    """unseen15's electrophysiologist listed his proctoring and advisory posts under 'Industry Collaboration &
    Proctoring': LinkedIn's Experience left all three out, the posts a medtech reader looks for first. A post with
    its organization and dates is a position wherever the CV sets it; a study named as the organization is not."""
    cv = read_cv(FIXTURES / "unseen" / "running-header-page-of-footer_electrophysiology_libreoffice.pdf")
    text = render_outputs(cv, build_report(cv))["linkedin.md"].decode()
    experience = text.split("## Experience", 1)[1].split("\n## ", 1)[0]
    for post in (
        "### Proctor and Faculty, PFA Catheter Training Programme — Corvexa Medical GmbH",
        "### Proctor, LAAO device — Auriga Cardio Inc.",
        "### Scientific Advisory Board, 3D mapping system — Meridian EP Systems",
    ):
        assert post in experience
    nephrology = read_cv(FIXTURES / "unseen" / "sidebar-grid-letter-spaced_nephrology_chromium.pdf")
    studies = render_outputs(nephrology, build_report(nephrology))["linkedin.md"].decode()
    assert "### Co-Investigator — ARC-BK" not in studies
