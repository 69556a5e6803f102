"""The JSON API through FastAPI's TestClient: good CVs, answers, every kind of bad input, the size limit."""

from __future__ import annotations

import asyncio
import io
import json
import logging
from pathlib import Path

import docx
import pytest
from fastapi.testclient import TestClient
from starlette.types import Message

from tests.conftest import CVS
from tests.web.conftest import DOCX, HOSPITALIST, ROUNDING, upload
from translator.errors import TranslatorError
from translator.parse import read_cv
from translator.web import upload as upload_module
from translator.web.app import create_app

SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


def cli_message(tmp_path: Path, name: str, data: bytes) -> str:
    """What the CLI says about the same file, typed as its bare name in its own folder."""
    (tmp_path / name).write_bytes(data)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        with pytest.raises(TranslatorError) as caught:
            read_cv(Path(name))
    return str(caught.value)


@pytest.mark.parametrize("name", ["sample_hospitalist.docx", "oncologist.pdf", "pediatrician.txt"])
def test_translate_returns_the_report_document(client: TestClient, name: str) -> None:
    response = upload(client, "/api/translate", CVS / name)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    report = response.json()
    assert set(report) >= {"profile", "target", "target_reason", "bullets", "coverage", "gaps", "headlines", "about"}
    assert report["bullets"] and all(b["id"].startswith("b-") for b in report["bullets"])
    assert report["profile"]["name"]


def test_translate_matches_the_cli_report(client: TestClient, runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from translator.cli import main

    result = runner.invoke(main, ["translate", str(HOSPITALIST), "-o", str(tmp_path), "--target", "payer"])
    assert result.exit_code == 0, result.output
    cli_report = json.loads((tmp_path / "report.json").read_text())
    web_report = upload(client, "/api/translate", HOSPITALIST, target="payer").json()
    assert web_report == cli_report


def test_answers_text_is_applied(client: TestClient) -> None:
    answers = f'[bullets."{ROUNDING}"]\nconfirm = ["care-team"]\nadd = "kept length of stay at 4.1 days"\n'
    report = upload(client, "/api/translate", HOSPITALIST, answers=answers).json()
    bullet = next(b for b in report["bullets"] if b["id"] == ROUNDING)
    assert "leading the daily care team with nursing, case management and pharmacy" in bullet["rewrite"]
    assert "kept length of stay at 4.1 days" in bullet["rewrite"]
    assert bullet["confirmed"] == ["care-team"]
    assert bullet["user_text"] == "kept length of stay at 4.1 days"


def test_resume_docx_endpoint(client: TestClient) -> None:
    answers = f'[bullets."{ROUNDING}"]\nadd = "kept length of stay at 4.1 days"\n'
    response = upload(client, "/api/translate/resume.docx", HOSPITALIST, answers=answers, target="payer")
    assert response.status_code == 200
    assert response.headers["content-type"] == DOCX
    assert 'filename="resume.docx"' in response.headers["content-disposition"]
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "Daniel Okafor" in text and "kept length of stay at 4.1 days" in text


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("empty.docx", b""),
        ("broken.pdf", b"this is no PDF at all"),
        ("broken.docx", b"PK\x03\x04 not really a zip archive"),
        ("nothing.txt", b"\n\n   \n"),
        ("binary.txt", b"\x00\x01\x02" * 100),
    ],
)
def test_bad_file_is_400_with_the_cli_message(client: TestClient, tmp_path: Path, name: str, data: bytes) -> None:
    response = upload(client, "/api/translate", filename=name, data=data)
    assert response.status_code == 400, response.text
    assert response.json() == {"error": cli_message(tmp_path, name, data)}


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600),
        ("letter.rtf", b"{\\rtf1\\ansi hello}"),
        ("photo.jpg", b"\xff\xd8\xff\xe0 jpeg"),
        ("cv.pages", b"PK\x03\x04 pages"),
    ],
)
def test_unsupported_type_is_415_with_the_cli_message(
    client: TestClient, tmp_path: Path, name: str, data: bytes
) -> None:
    response = upload(client, "/api/translate", filename=name, data=data)
    assert response.status_code == 415, response.text
    assert response.json() == {"error": cli_message(tmp_path, name, data)}


def test_a_body_that_is_no_form_is_415(client: TestClient) -> None:
    response = client.post("/api/translate", content=b"{}", headers={"content-type": "application/json"})
    assert response.status_code == 415
    assert "multipart/form-data" in response.json()["error"]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"answers": "[bullets\nconfirm = "}, "answers: not valid TOML"),
        ({"answers": '[bullets."b-00000000"]\nconfirm = ["x"]\n'}, "unknown bullet id 'b-00000000'"),
        ({"answers": f'[bullets."{ROUNDING}"]\nconfirm = ["no-such"]\n'}, "unknown suggestion id 'no-such'"),
        ({"answers": f'[bullets."{ROUNDING}"]\nconfrim = ["care-team"]\n'}, "confrim"),
        ({"target": "astronaut"}, "unknown target 'astronaut'"),
    ],
)
def test_bad_answers_or_options_are_400(client: TestClient, fields: dict[str, str], expected: str) -> None:
    response = upload(client, "/api/translate", HOSPITALIST, **fields)
    assert response.status_code == 400, response.text
    assert expected in response.json()["error"]


def test_missing_file_field_is_400(client: TestClient) -> None:
    response = client.post("/api/translate", files={"cv": ("a.txt", b"x")}, data={"target": "msl"})
    assert response.status_code == 400
    assert response.json() == {"error": "no CV file in the upload (a form field named 'file')"}


def test_malformed_multipart_is_400(client: TestClient) -> None:
    body = b'--xyz\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc\r\n--xyz\x00garbage'
    response = client.post(
        "/api/translate", content=body, headers={"content-type": "multipart/form-data; boundary=xyz"}
    )
    assert response.status_code == 400
    assert "error" in response.json()


class CountingBody:
    """A 30 MB multipart upload sent to the ASGI app in 1 MB messages, counting how many it pulled.

    The app is called directly: TestClient (httpx) would read a generator body whole before the app saw it.
    """

    CHUNK = 1024 * 1024

    def __init__(self, chunks: int = 30) -> None:
        self.chunks = chunks
        self.pulled = 0
        head = b'--b0undary\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n\r\n'
        self.messages = [head] + [b"x" * self.CHUNK] * chunks + [b"\r\n--b0undary--\r\n"]

    def post(self, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        app = create_app()
        sent: list[Message] = []

        async def receive() -> Message:
            if self.pulled < len(self.messages):
                self.pulled += 1
                return {"type": "http.request", "body": self.messages[self.pulled - 1], "more_body": True}
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: Message) -> None:
            sent.append(message)

        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "POST",
            "scheme": "http",
            "path": "/api/translate",
            "raw_path": b"/api/translate",
            "query_string": b"",
            "root_path": "",
            "headers": [(k.encode(), v.encode()) for k, v in headers.items()],
            "client": ("127.0.0.1", 50000),
            "server": ("127.0.0.1", 8000),
        }
        asyncio.run(app(scope, receive, send))
        start = next(m for m in sent if m["type"] == "http.response.start")
        body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
        return start["status"], {k.decode(): v.decode() for k, v in start["headers"]}, body


MULTIPART = {"content-type": "multipart/form-data; boundary=b0undary"}


def test_over_10_mb_is_refused_while_streaming() -> None:
    body = CountingBody()
    status, headers, content = body.post(MULTIPART)
    assert status == 413
    assert "10 MB" in json.loads(content)["error"]
    assert headers["x-content-type-options"] == "nosniff"
    # Refused at the first message past the limit: the remaining 19 MB were never pulled.
    limit_chunks = upload_module.MAX_FILE_BYTES // CountingBody.CHUNK
    assert limit_chunks < body.pulled <= limit_chunks + 2 < len(body.messages)


def test_declared_length_over_the_limit_is_refused_before_reading() -> None:
    body = CountingBody()
    status, _, content = body.post(MULTIPART | {"content-length": str(body.chunks * CountingBody.CHUNK)})
    assert status == 413
    assert "10 MB" in json.loads(content)["error"]
    assert body.pulled == 0


def test_exactly_10_mb_file_is_not_refused_for_size(client: TestClient) -> None:
    data = b"Dr Jane Roe\njane@example.org\n" + b"a" * (upload_module.MAX_FILE_BYTES - 40)
    response = upload(client, "/api/translate", filename="cv.txt", data=data)
    assert response.status_code == 200, response.text


def test_security_headers_on_every_response(client: TestClient) -> None:
    responses = [
        client.get("/"),
        upload(client, "/api/translate", HOSPITALIST),
        upload(client, "/api/translate", filename="x.doc", data=b"\xd0\xcf\x11\xe0" * 10),
        client.get("/static/page.js"),
    ]
    for response in responses:
        for header, value in SECURITY_HEADERS.items():
            assert response.headers[header] == value
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp


def test_an_unexpected_error_is_a_plain_500_and_the_log_has_no_cv_text(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    import translator.web.app as app_module

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("Rounded on 16-20 pts/day (a bug that quotes the CV)")

    monkeypatch.setattr(app_module, "build_page_report", broken)
    with caplog.at_level(logging.INFO, logger="cv_translator.web"):
        response = upload(client, "/api/translate", HOSPITALIST)
    assert response.status_code == 500
    assert response.json() == {"error": "internal error; nothing was kept"}
    assert "Traceback" not in response.text
    assert "RuntimeError" in caplog.text
    assert "Rounded" not in caplog.text and "Okafor" not in caplog.text


def test_logs_hold_sizes_and_timings_only(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="cv_translator.web"):
        upload(client, "/api/translate", HOSPITALIST)
    assert "bytes" in caplog.text and " ms" in caplog.text
    assert "Okafor" not in caplog.text and "sample_hospitalist" not in caplog.text and "Rounded" not in caplog.text


def test_no_cv_is_left_in_a_temporary_folder(client: TestClient, tmp_path: Path) -> None:
    shm = Path("/dev/shm")
    folders = [shm, Path("/tmp")]
    before = {p for f in folders if f.is_dir() for p in f.glob("cv-translator-*")}
    assert upload(client, "/api/translate", HOSPITALIST).status_code == 200
    assert upload(client, "/api/translate", filename="x.pdf", data=b"%PDF-1.4 damaged").status_code == 400
    after = {p for f in folders if f.is_dir() for p in f.glob("cv-translator-*")}
    assert after - before == set()


def test_openapi_describes_the_api(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    post = schema["paths"]["/api/translate"]["post"]
    fields = post["requestBody"]["content"]["multipart/form-data"]["schema"]["properties"]
    assert set(fields) == {"file", "target", "llm", "answers"}
    assert {"400", "413", "415"} <= set(post["responses"])
    assert "/api/translate/resume.docx" in schema["paths"]
    assert "/review" not in schema["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
