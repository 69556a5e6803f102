"""The HTML pages without a browser: forms that work without JavaScript, escaping, answers, downloads."""

from __future__ import annotations

import io
import json
import re
import zipfile
from html import unescape
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from tests.conftest import CVS, FIXTURES
from tests.web.conftest import DOCX, HOSPITALIST, ROUNDING, upload
from translator.answers import parse_answers
from translator.cli import main
from translator.llm.settings import LLMSettings
from translator.outputs import OUTPUT_FILES
from translator.web.app import create_app
from translator.web.state import WebSettings

FIGURE = "kept length of stay at 4.1 days"
CARE_TEAM = "leading the daily care team with nursing, case management and pharmacy"


def hidden_state(html: str) -> str:
    match = re.search(r'name="state" value="([^"]+)"', html)
    assert match, "the review page carries its state in a hidden field"
    return unescape(match.group(1))


def after_of(html: str, bullet_id: str) -> str:
    match = re.search(rf'<article class="bullet" id="{bullet_id}">.*?<p data-after>(.*?)</p>', html, re.S)
    assert match, bullet_id
    return unescape(re.sub(r"<[^>]+>", "", match.group(1)))


def test_upload_page_has_labelled_controls_and_no_llm_switch_without_a_key(client: TestClient) -> None:
    html = client.get("/").text
    assert 'action="/review"' in html and 'enctype="multipart/form-data"' in html
    for control in ("file", "target", "answers"):
        assert f'<label for="{control}"' in html and f'id="{control}"' in html
    assert 'id="llm"' not in html
    assert "<script>" not in html and 'src="/static/page.js"' in html


@pytest.mark.parametrize(
    "settings",
    [WebSettings(llm=LLMSettings(api_key="sk-test")), WebSettings(llm=LLMSettings(base_url="http://127.0.0.1:9/v1"))],
)
def test_llm_switch_is_shown_when_a_key_or_base_url_is_configured(settings: WebSettings) -> None:
    with TestClient(create_app(settings)) as client:
        html = client.get("/").text
        assert '<input id="llm" name="llm" type="checkbox"' in html and '<label for="llm">' in html
        assert "sk-test" not in html


def test_settings_come_from_the_options_or_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert WebSettings.from_options().llm is None
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    settings = WebSettings.from_options(model="tiny")
    assert settings.llm is not None and settings.llm.base_url == "http://127.0.0.1:9/v1"
    assert settings.llm.model == "tiny"
    monkeypatch.delenv("OPENAI_BASE_URL")
    key = tmp_path / "key"
    key.write_text("sk-from-file\n")
    from_file = WebSettings.from_options(api_key_file=key).llm
    assert from_file is not None and from_file.api_key == "sk-from-file"


def test_review_page_shows_every_bullet_before_and_after(client: TestClient) -> None:
    response = upload(client, "/review", HOSPITALIST)
    assert response.status_code == 200
    html = response.text
    report = upload(client, "/api/translate", HOSPITALIST).json()
    for bullet in report["bullets"]:
        assert after_of(html, bullet["id"]) == bullet["rewrite"]
        for offer in (s for s in bullet["suggestions"] if s.get("addition")):
            box = f'id="c-{bullet["id"]}-{offer["id"]}" name="confirm.{bullet["id"]}" value="{offer["id"]}"'
            assert box in html and f'<label for="c-{bullet["id"]}-{offer["id"]}">' in html
        assert f'<label class="own" for="a-{bullet["id"]}">' in html
    assert '<svg class="chart"' in html and "Cross-functional collaboration" in html
    assert report["target_reason"] in unescape(html)
    assert "/ 220 characters" in html and "/ 2,600 characters" in html and "/ 1,900 characters" in html


def test_a_bullet_holding_script_comes_back_escaped(client: TestClient) -> None:
    cv = (
        "Jane Roe, MD\njane@example.org\n\nEXPERIENCE\nHospitalist, Mercy Hospital\n"
        "- Taught residents <script>alert('x')</script> on the wards\n"
        "- Led a QI project <img src=x onerror=alert(1)> on sepsis\n"
    )
    html = upload(client, "/review", filename="cv.txt", data=cv.encode()).text
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert html.count("<script") == 1  # the page's own external script only


def test_update_applies_ticked_additions_and_own_figures(client: TestClient) -> None:
    state = hidden_state(upload(client, "/review", HOSPITALIST).text)
    form = {"state": state, "target": "suggest", f"confirm.{ROUNDING}": "care-team", f"add.{ROUNDING}": FIGURE}
    response = client.post("/update", files={"_": ("", b"")}, data=form | {"action": "update"})
    assert response.status_code == 200
    html = response.text
    after = after_of(html, ROUNDING)
    assert CARE_TEAM in after and FIGURE in after
    for words in (CARE_TEAM, FIGURE):
        assert f'<mark title="Your words">{words}</mark>' in html
    assert 'value="care-team" checked' in html and f'value="{FIGURE}"' in html
    assert "1 addition confirmed, 1 bullet with your own words" in html

    resume = client.post("/update", files={"_": ("", b"")}, data=form | {"action": "resume.docx"})
    assert resume.headers["content-type"] == DOCX
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(resume.content)).paragraphs)
    assert CARE_TEAM in text and FIGURE in text


def test_downloaded_answers_reproduce_the_page_with_the_cli(
    client: TestClient, runner: CliRunner, tmp_path: Path
) -> None:
    state = hidden_state(upload(client, "/review", HOSPITALIST).text)
    form = {"state": state, "target": "payer", f"confirm.{ROUNDING}": "care-team", f"add.{ROUNDING}": FIGURE}
    answers = client.post("/update", files={"_": ("", b"")}, data=form | {"action": "answers.toml"})
    assert 'filename="answers.toml"' in answers.headers["content-disposition"]
    parsed = parse_answers(answers.text, "answers.toml")
    assert parsed.bullets[ROUNDING].confirm == ["care-team"] and parsed.bullets[ROUNDING].add == FIGURE
    (tmp_path / "answers.toml").write_text(answers.text)
    result = runner.invoke(
        main,
        [
            "translate",
            str(HOSPITALIST),
            "-o",
            str(tmp_path / "out"),
            "--target",
            "payer",
            "--answers",
            str(tmp_path / "answers.toml"),
        ],
    )
    assert result.exit_code == 0, result.output
    cli_report = json.loads((tmp_path / "out" / "report.json").read_text())
    page_zip = client.post("/update", files={"_": ("", b"")}, data=form | {"action": "outputs.zip"})
    archive = zipfile.ZipFile(io.BytesIO(page_zip.content))
    assert set(archive.namelist()) == set(OUTPUT_FILES) | {"answers.toml"}
    assert json.loads(archive.read("report.json")) == cli_report


def test_unticking_takes_the_addition_out_again(client: TestClient) -> None:
    state = hidden_state(upload(client, "/review", HOSPITALIST).text)
    ticked = client.post("/update", files={"_": ("", b"")}, data={"state": state, f"confirm.{ROUNDING}": "care-team"})
    assert CARE_TEAM in after_of(ticked.text, ROUNDING)
    unticked = client.post("/update", files={"_": ("", b"")}, data={"state": hidden_state(ticked.text)})
    assert CARE_TEAM not in after_of(unticked.text, ROUNDING)


@pytest.mark.parametrize(
    ("form", "status", "message"),
    [
        ({"state": "not-base64!!"}, 400, "the page&#39;s state is damaged; upload the CV again"),
        ({"target": "suggest"}, 400, "the page lost its CV; upload the CV again"),
        ({"confirm.b-00000000": "care-team"}, 400, "unknown bullet id &#39;b-00000000&#39;"),
    ],
)
def test_bad_update_is_an_error_page(client: TestClient, form: dict[str, str], status: int, message: str) -> None:
    if "state" not in form and "target" not in form:
        form = form | {"state": hidden_state(upload(client, "/review", HOSPITALIST).text)}
    response = client.post("/update", files={"_": ("", b"")}, data=form)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert message in response.text and 'href="/"' in response.text


def test_unsupported_file_on_the_page_is_a_415_page(client: TestClient) -> None:
    response = upload(client, "/review", filename="cv.doc", data=b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    assert response.status_code == 415
    assert "save it as .docx or PDF" in response.text and 'role="alert"' in response.text


def test_pdf_and_text_cvs_reach_the_review_page(client: TestClient) -> None:
    for name in ("oncologist.pdf", "pediatrician.txt"):
        response = upload(client, "/review", CVS / name)
        assert response.status_code == 200 and 'name="state"' in response.text


NO_NAME = FIXTURES / "unseen" / "t_noname_sections.txt"
LOW_YIELD = FIXTURES / "unseen" / "t_lowyield_note.txt"


def test_a_cv_without_a_name_brings_back_the_upload_page_asking_for_it(client: TestClient) -> None:
    page = upload(client, "/review", NO_NAME)
    assert page.status_code == 400
    assert 'id="name" name="name"' in page.text and "required autofocus" in page.text
    assert "does not show your name" in page.text
    named = upload(client, "/review", NO_NAME, name="  Rosa   Delgado ")
    assert named.status_code == 200
    assert "<h1>Rosa Delgado" in named.text
    state = hidden_state(named.text)
    update = client.post("/update", files={"_": ("", b"")}, data={"state": state, "action": "update"})
    assert update.status_code == 200 and "<h1>Rosa Delgado" in update.text  # the name stays with the page
    assert "your name" not in update.text.lower().replace("type your name", "")


def test_the_api_says_which_field_takes_the_name(client: TestClient) -> None:
    answer = upload(client, "/api/translate", NO_NAME)
    assert answer.status_code == 400
    assert answer.json() == {"error": "t_noname_sections.txt: no name found in the CV; give it in the 'name' field"}
    assert upload(client, "/api/translate", NO_NAME, name="Rosa Delgado").json()["profile"]["name"] == "Rosa Delgado"


def test_a_cv_with_few_duties_warns_on_the_page(client: TestClient) -> None:
    page = upload(client, "/review", LOW_YIELD)
    assert page.status_code == 200
    warning = re.search(r'<p class="notice warning" role="alert">(.*?)</p>', page.text, re.S)
    assert warning, "the low-yield warning is shown at the top of the review page"
    assert "too few to show your work" in unescape(warning.group(1))
