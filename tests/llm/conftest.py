"""Cassettes for the LLM tests: replayed in every run, recorded only by fixtures/record_cassettes.py.

Recording runs the real `openai` client against fixtures/fake_openai.py (a local server speaking OpenAI's
wire format). Requests are matched on method, URL and body, so a changed prompt or batch fails loudly
until the cassettes are recorded again.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import vcr

from tests.conftest import FIXTURES

RECORDING = os.environ.get("CV_TRANSLATOR_RECORD") == "1"
FAKE = "http://127.0.0.1:47651"  # fixtures/fake_openai.py's port while recording
CASSETTES = FIXTURES / "cassettes"
_PRIVATE_RESPONSE_HEADERS = {"set-cookie", "openai-organization", "openai-project", "x-request-id"}


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    response["headers"] = {k: v for k, v in response["headers"].items() if k.lower() not in _PRIVATE_RESPONSE_HEADERS}
    return response


def base_url(behaviour: str) -> str:
    return f"{FAKE}/{behaviour}/v1"


@pytest.fixture
def cassette(request: pytest.FixtureRequest) -> Iterator[Any]:
    """fixtures/cassettes/<test module>/<test>.yaml, replay-only unless recording."""
    module = request.module.__name__.rsplit(".", 1)[-1]
    path = CASSETTES / module / f"{request.node.name}.yaml"
    if not RECORDING and not path.exists():
        pytest.fail(f"{path} is missing: record it with `python fixtures/record_cassettes.py`")
    recorder = vcr.VCR(
        record_mode="all" if RECORDING else "none",
        match_on=["method", "scheme", "host", "port", "path", "query", "body"],
        filter_headers=["authorization", "openai-organization", "openai-project", "cookie"],
        before_record_response=_scrub_response,
        decode_compressed_response=True,
    )
    with recorder.use_cassette(str(path)) as tape:
        yield tape


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The retry waits the client asked for, instead of waiting them."""
    asked: list[float] = []
    monkeypatch.setattr("translator.llm.client._sleep", asked.append)
    return asked


def cv_path(name: str = "sample_hospitalist.docx") -> Path:
    return FIXTURES / "cvs" / name
