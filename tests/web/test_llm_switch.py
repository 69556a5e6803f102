"""The page's LLM switch reaches the LLM path: the real openai client against the project's fake server.

fixtures/fake_openai.py speaks OpenAI's wire format on loopback ("faithful": lightly edited drafts and
one confirmable addition per bullet). The server keeps nothing of a CV: no answer cache on disk.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import HOSPITALIST, upload
from translator.llm.settings import LLMSettings
from translator.web.app import create_app
from translator.web.state import WebSettings


@pytest.fixture
def llm_client() -> Iterator[TestClient]:
    import fake_openai

    fake = fake_openai.serve(0)
    url = f"http://127.0.0.1:{fake.server_address[1]}/faithful/v1"
    settings = WebSettings(llm=LLMSettings(base_url=url, api_key="sk-test", timeout=60))
    try:
        with TestClient(create_app(settings)) as client:
            yield client
    finally:
        fake.shutdown()
        fake.server_close()


def test_llm_switch_rewrites_through_the_llm_path(llm_client: TestClient, tmp_path: Path) -> None:
    report = upload(llm_client, "/api/translate", HOSPITALIST, llm="true").json()
    assert report["llm"]["bullets_from_llm"] > 0
    assert any(b["source"] == "llm" for b in report["bullets"])
    rules = upload(llm_client, "/api/translate", HOSPITALIST).json()
    assert rules["llm"] is None and all(b["source"] == "rules" for b in rules["bullets"])
    cache = tmp_path / "cache" / "cv-translator" / "llm"  # the CLI's answer cache (XDG_CACHE_HOME is tmp_path/cache)
    assert not cache.exists() or not any(cache.iterdir())


def test_review_page_says_what_the_model_did(llm_client: TestClient) -> None:
    html = upload(llm_client, "/review", HOSPITALIST, llm="1").text
    assert "Worded by the language model" in html
    assert "Language model: " in html and "bullets rewritten by the model" in html
    assert "sk-test" not in html


def test_llm_requested_from_a_server_without_one_is_400(client: TestClient) -> None:
    response = upload(client, "/api/translate", HOSPITALIST, llm="true")
    assert response.status_code == 400
    assert "no language model configured" in response.json()["error"]


def test_update_reuses_the_models_answers_carried_in_the_page(llm_client: TestClient) -> None:
    import re
    from html import unescape

    html = upload(llm_client, "/review", HOSPITALIST, llm="1").text
    assert "2 request(s), 0 from the cache" in html  # the bullets; then headlines, About and outreach
    state = unescape(re.search(r'name="state" value="([^"]+)"', html).group(1))  # type: ignore[union-attr]
    offer = re.search(r'name="(confirm\.b-[0-9a-f]+)" value="(llm-[^"]+)"', html)
    assert offer is not None, "the fake model offers one addition per bullet"
    words = unescape(
        re.search(rf'for="c-{offer.group(1)[8:]}-{offer.group(2)}">.*?Adds: “…, (.*?)”', html, re.S).group(1)
    )  # type: ignore[union-attr]
    form = {"state": state, "llm": "1", offer.group(1): offer.group(2)}
    updated = llm_client.post("/update", files={"_": ("", b"")}, data=form).text
    # The bullets' answer comes from the page, so the confirmed id names the words the user saw (the profile
    # texts are asked again when the confirmed words change what the model is given for them).
    hits = re.search(r"(\d+) request\(s\), (\d+) from the cache", updated)
    assert hits is not None and int(hits.group(2)) >= 1
    assert "1 addition confirmed" in updated
    assert f'<mark title="Your words">{words}</mark>' in updated
