"""--llm on every command: configuration errors, --dry-run, and real runs replayed from cassettes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.llm.conftest import base_url, cv_path
from translator.cli import main

SECRET = "sk-test-0123456789abcdef"
CV_TEXT = """Jane Q. Doe, MD
jane.doe@mercy.org | (555) 123-4567 | 1200 Oak Street, Springfield

Experience
Hospitalist, Mercy Hospital, 2019-present
- Rounded on 18 pts daily; census 16
- Sent the sepsis bundle slides to jane.doe@mercy.org for the M&M conference
- Led sepsis bundle QI project with nursing; door-to-antibiotic time fell from 4 h to 2 h
"""


@pytest.fixture
def text_cv(tmp_path: Path) -> Path:
    path = tmp_path / "cv.txt"
    path.write_text(CV_TEXT, encoding="utf-8")
    return path


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    path = tmp_path / "key.txt"
    path.write_text(SECRET + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--llm"], "--llm needs an API key (--api-key-file or OPENAI_API_KEY) or a local server"),
        (["--dry-run"], "--dry-run shows what --llm would send; add --llm"),
        (["--model", "gpt-x"], "--model applies only with --llm"),
        (["--llm", "--api-key-file", "/no/such/key"], "/no/such/key: cannot read the API key file"),
        (["--llm", "--base-url", "http://localhost:1/v1", "--timeout", "0"], "--timeout must be a positive"),
    ],
)
def test_configuration_errors_are_one_line(runner: CliRunner, tmp_path: Path, args: list[str], message: str) -> None:
    out = tmp_path / "out"
    result = runner.invoke(main, ["translate", str(cv_path()), "-o", str(out), *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_dry_run_shows_what_would_be_sent_and_sends_nothing(
    runner: CliRunner, tmp_path: Path, text_cv: Path, key_file: Path
) -> None:
    out = tmp_path / "out"
    result = runner.invoke(
        main, ["translate", str(text_cv), "-o", str(out), "--llm", "--dry-run", "--api-key-file", str(key_file)]
    )
    assert result.exit_code == 0, result.output
    assert not out.exists()  # nothing written
    assert "# request 1 of 2: POST https://api.openai.com/v1/chat/completions" in result.stdout
    bodies = [json.loads(chunk.split("\n", 1)[1]) for chunk in result.stdout.split("# request ")[1:]]
    batch = json.loads(bodies[0]["messages"][1]["content"])
    assert [b["text"] for b in batch["bullets"]][
        1
    ] == "Sent the sepsis bundle slides to [EMAIL-1] for the M&M conference"
    assert bodies[0]["response_format"]["json_schema"]["name"] == "BatchOut"
    for private in (SECRET, "jane.doe@mercy.org", "555", "Oak Street", "Jane", "Doe"):
        assert private not in result.stdout


def test_dry_run_needs_no_key(runner: CliRunner, text_cv: Path) -> None:
    result = runner.invoke(main, ["bullets", "--llm", "--dry-run", str(text_cv)])
    assert result.exit_code == 0
    assert "request 1 of 1" in result.stdout


def test_translate_with_llm(runner: CliRunner, tmp_path: Path, cassette: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    out = tmp_path / "out"
    args = ["translate", str(cv_path()), "-o", str(out), "--llm", "--base-url", base_url("faithful")]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.stderr
    assert "2 request(s), 0 from the cache" in result.stderr
    assert "10 of 10 bullets rewritten by the model" in result.stderr
    report = json.loads((out / "report.json").read_text())
    assert report["llm"]["requests"] == 2 and report["llm"]["model"] == "gpt-4.1-mini"
    assert {b["source"] for b in report["bullets"]} == {"llm"}
    for path in out.iterdir():
        assert SECRET.encode() not in path.read_bytes()
    assert "authorization" not in json.dumps([dict(r.headers) for r in cassette.requests]).lower()
    rerun = runner.invoke(main, [*args, "--force"])
    assert "0 request(s), 2 from the cache" in rerun.stderr


def test_bullets_with_llm(runner: CliRunner, tmp_path: Path, cassette: Any) -> None:
    source = tmp_path / "bullets.txt"
    source.write_text("Rounded on 18 pts daily\nLed sepsis bundle QI project with nursing\nTaught 4 residents\n")
    result = runner.invoke(main, ["bullets", "--json", "--llm", "--base-url", base_url("wrong-ids"), str(source)])
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["source"] for line in lines] == ["rules", "llm", "rules"]  # one id renamed, one left out
    assert lines[0]["fallback_reason"] == lines[2]["fallback_reason"] == "missing from the answer (wrong id)"
    assert "2 kept the rules' rewrite (2 wrong id)" in result.stderr


def test_headline_and_outreach_with_llm(runner: CliRunner, cassette: Any) -> None:
    args = ["--llm", "--base-url", base_url("inventive"), "--target", "msl"]
    headline = runner.invoke(main, ["headline", str(cv_path()), *args])
    assert headline.exit_code == 0, headline.stderr
    assert "15 years" not in headline.stdout and len(headline.stdout.splitlines()) == 3
    outreach = runner.invoke(main, ["outreach", "--specialty", "cardiology", *args])
    assert outreach.exit_code == 0, outreach.stderr
    assert "Pfizer" not in outreach.stdout
    assert "0 of 0 bullets rewritten by the model" in outreach.stderr


def test_a_patients_details_are_never_sent_and_the_physician_is_warned(runner: CliRunner, tmp_path: Path) -> None:
    """Before this, the age, date, room and initials of a case told in a bullet reached the endpoint."""
    cv = tmp_path / "cv.txt"
    case = "Presented the case of a 34-year-old woman (patient J.K.) admitted 03/14/2025 to room 412 at M&M"
    cv.write_text(f"Ann Lee, MD\nann@example.org\n\nExperience\nHospitalist, Mercy Hospital, 2019-present\n- {case}\n")
    sent = runner.invoke(main, ["translate", str(cv), "-o", str(tmp_path / "dry"), "--llm", "--dry-run"])
    assert sent.exit_code == 0, sent.output
    for detail in ("34-year-old", "J.K.", "03/14/2025", "room 412"):
        assert detail not in sent.stdout
    assert "[AGE-1]" in sent.stdout and "[INITIALS-1]" in sent.stdout
    written = runner.invoke(main, ["translate", str(cv), "-o", str(tmp_path / "out")])
    assert written.exit_code == 0, written.output
    assert "carries a patient's details (an age, a date, a room or bed and initials)" in written.stderr
    assert "carries a patient's details" in (tmp_path / "out" / "report.md").read_text()
