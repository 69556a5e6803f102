"""Outputs: the resume opened with python-docx, the platform limits, golden text."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest

from tests.conftest import CVS, FIXTURES
from translator.models import Profile
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


def test_headline_claims_board_certification_only_when_the_cv_shows_it() -> None:
    cv = read_cv(CVS / "pediatrician.txt")
    assert all(h.startswith("Board-certified") or "Board-certified" in h for h in build_report(cv).headlines)
    cv.profile.board_certified = False
    assert not any("oard-certified" in h for h in build_report(cv).headlines)


def test_about_opening_stands_alone() -> None:
    _, report = _outputs("oncologist.pdf")
    first = report.about[:300]
    # The people's word for the specialist ("medical oncologist"), not "oncology physician".
    assert "medical oncologist" in first and report.about.split("\n\n")[0].endswith(".")
    assert len(report.about.split("\n\n")[0]) <= 300


@pytest.mark.parametrize("target", TARGET_ROLES)
def test_about_names_what_the_physician_is_interested_in_as_whole_phrases(target: str) -> None:
    """Each target's interests, all of them, in one sentence that reads whole: not a list of bare keywords
    ("I am interested in clinical evidence, device, procedure and training")."""
    from translator.mapping.roles import role_profiles

    _, report = _outputs("sample_hospitalist.docx", target)
    interests = role_profiles()[target].interests
    sentence = next(p for p in report.about.split("\n\n") if p.startswith("I am interested in "))
    listed = ", ".join(interests[:-1]) + " and " + interests[-1]
    assert sentence.startswith(f"I am interested in {listed}, and in cross-functional work")
    bare = {"device", "procedure", "product", "training", "field medical", "presentations", "peer-to-peer", "GCP"}
    assert not bare & set(interests), "a bare keyword does not make a phrase"


def test_target_is_suggested_with_a_reason() -> None:
    _, report = _outputs("oncologist.pdf")
    assert report.target in {"clinical-development", "medical-affairs", "msl"}
    assert report.target_reason.startswith("the CV shows")


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
    assert "I'm a board-certified pediatrician at Front Range Children's Clinic." in message
    assert "attending" not in message.lower() and "currently working as" not in message
    assert "exploring a move into" in message


@pytest.mark.parametrize(
    ("target", "first"),
    [
        ("clinical-development", "clinical trials"),
        ("health-tech", "quality improvement"),
        ("payer", "utilization management"),
    ],
)
def test_headlines_lead_with_what_the_target_values_most(target: str, first: str) -> None:
    from translator.mapping.roles import role_profiles
    from translator.mapping.translate import translate_bullet
    from translator.render import profile_texts

    bullets = [
        translate_bullet(t)
        for t in (
            "Presented at Medicine Grand Rounds on hyponatremia",
            "Presented a poster on sepsis at SHM 2022",
            "Led a QI project that cut discharge delays from 41% to 22%",
            "Sub-investigator on 2 phase III heart failure trials",
            "Reviewed 40 utilization management appeals per week",
        )
    ]
    role = role_profiles()[target]
    experience = profile_texts.experience_types(bullets, role)
    assert experience[0] == first
    assert f"Experience in {first}" in profile_texts.headlines(Profile(specialty="cardiology"), role, experience)[0]


@pytest.mark.parametrize(
    ("profile", "phrase"),
    [
        (Profile(specialty="cardiology", board_certified=True), "Board-certified cardiologist"),
        (Profile(specialty="child neurology"), "Child neurologist"),
        # The board certifies the specialty, not the job title.
        (
            Profile(specialty="internal medicine", board_certified=True, position="Attending Hospitalist"),
            "Board-certified internist and hospitalist",
        ),
        (Profile(specialty="internal medicine", position="Hospitalist"), "Hospitalist"),
        (Profile(specialty="nuclear medicine"), "Nuclear medicine physician"),
    ],
)
def test_physician_phrase_uses_the_peoples_word(profile: Profile, phrase: str) -> None:
    from translator.render.profile_texts import physician_phrase

    assert physician_phrase(profile) == phrase


@pytest.mark.parametrize(
    ("specialty", "opening"),
    [
        ("internal medicine", "I am an internist"),
        ("emergency medicine", "I am an emergency physician"),
        ("cardiology", "I am a cardiologist"),
    ],
)
def test_about_opens_with_the_right_article(specialty: str, opening: str) -> None:
    from translator.mapping.roles import role_profiles
    from translator.render.profile_texts import about

    text = about(Profile(specialty=specialty), role_profiles()["medical-affairs"], [], [])
    assert text.startswith(opening + " preparing to move")


def test_a_target_reason_with_its_own_and_gets_a_comma_before_the_last() -> None:
    from translator.mapping.roles import suggest_target

    _, reason = suggest_target("internal medicine", ["Built an Epic dashboard", "Led a quality improvement project"])
    assert reason == "the CV shows informatics and digital work, and quality improvement and workflow design"


@pytest.mark.parametrize("target", TARGET_ROLES)
def test_the_bringing_headline_names_the_field_in_running_words(target: str) -> None:
    from translator.mapping.roles import role_profiles

    _, report = _outputs("sample_hospitalist.docx", target)
    assert report.headlines[2].endswith(f" to {role_profiles()[target].area}")  # "to health tech", not "to Health Tech"
