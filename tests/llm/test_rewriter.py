"""The LLM path end to end through the real openai client, its HTTP replayed from cassettes.

Each behaviour of fixtures/fake_openai.py is one kind of server answer: the guard must keep every bullet
and text the model got wrong on the rules' side, say why, and never let an invented fact through.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.llm.conftest import base_url, cv_path
from translator.answers import Answers, BulletAnswer
from translator.llm.rewriter import LLMRewriter
from translator.llm.settings import LLMSettings
from translator.models import Report
from translator.outputs import render_outputs
from translator.parse import read_cv
from translator.report import build_report


def _run(behaviour: str, answers: Answers | None = None, **settings: Any) -> tuple[Report, LLMRewriter]:
    rewriter = LLMRewriter(LLMSettings(base_url=base_url(behaviour), **settings))
    cv = read_cv(cv_path())
    return build_report(cv, target="medical-affairs", rewriter=rewriter, answers=answers), rewriter


def _all_text(report: Report) -> str:
    """Every text that reaches the outputs; the reasons a model's words were refused name them, and are left out."""
    dumped = report.model_dump(exclude={"llm"})
    for bullet in dumped["bullets"]:
        bullet.pop("fallback_reason", None)
    return json.dumps(dumped, ensure_ascii=False)


def test_faithful_answers_are_taken_and_their_additions_offered(cassette: Any) -> None:
    report, _ = _run("faithful")
    assert report.llm is not None
    assert [b.source for b in report.bullets] == ["llm"] * len(report.bullets)
    assert all(b.fallback_reason is None for b in report.bullets)
    # The stand-in rewords as a model would ("a day" → "per day", "with" → "together with"); the guard takes it.
    from translator.mapping.translate import translate_bullet

    reworded = [b for b in report.bullets if b.rewrite != translate_bullet(b.text, current=True).rewrite]
    assert any("together with" in b.rewrite for b in reworded), [b.rewrite for b in report.bullets]
    assert report.llm.requests == 2 and report.llm.cache_hits == 0  # one batch of bullets, one of texts
    assert report.llm.prompt_tokens > 0 and report.llm.completion_tokens > 0
    assert set(report.llm.texts.values()) == {"llm"}
    offered = [s for b in report.bullets for s in b.offers if s.id.startswith("llm-")]
    assert len(offered) == len(report.bullets)
    assert all(s.addition == "working with other departments" for s in offered)
    assert "working with other departments" not in " ".join(b.rewrite for b in report.bullets)  # offered only


def test_a_confirmed_llm_addition_reaches_the_resume(cassette: Any) -> None:
    first, _ = _run("faithful")
    bullet = first.bullets[2]
    offer = next(s for s in bullet.offers if s.id.startswith("llm-"))
    answers = Answers(bullets={bullet.id: BulletAnswer(confirm=[offer.id])})
    report, _ = _run("faithful", answers=answers)
    assert report.llm is not None and (report.llm.requests, report.llm.cache_hits) == (0, 2)  # from the cache
    confirmed = next(b for b in report.bullets if b.id == bullet.id)
    assert confirmed.confirmed == [offer.id]
    assert confirmed.rewrite.endswith(", working with other departments")
    docx = render_outputs(read_cv(cv_path()), report)["resume.docx"]
    assert len(docx) > 0


def test_a_rerun_sends_nothing(cassette: Any) -> None:
    _run("faithful")
    again, rewriter = _run("faithful")
    assert again.llm is not None
    assert (again.llm.requests, again.llm.cache_hits) == (0, 2)
    assert rewriter._transport is None  # no client was even made


def test_invented_facts_never_pass(cassette: Any) -> None:
    report, _ = _run("inventive")
    assert report.llm is not None
    assert {b.source for b in report.bullets} == {"rules"}
    assert report.llm.fallbacks == {"new number": 4, "new words": 5, "new money or percentage": 1}
    text = _all_text(report)
    for invented in ("Pfizer", "30%", "$2M", "500 patients", "nursing and pharmacy teams", "15 years", "12-person"):
        assert invented not in text
    assert all(not s.id.startswith("llm-") for b in report.bullets for s in b.suggestions)  # numbers in additions
    assert report.llm.texts["summary"].startswith("rules: new number")
    assert (
        report.llm.texts["headlines"].startswith("rules: new count: 15 years") or "15" in report.llm.texts["headlines"]
    )


def test_wrong_and_missing_ids_keep_the_rules(cassette: Any) -> None:
    report, _ = _run("wrong-ids")
    fallen = [b for b in report.bullets if b.source == "rules"]
    assert len(fallen) == 2
    assert {b.fallback_reason for b in fallen} == {"missing from the answer (wrong id)"}


@pytest.mark.parametrize(
    ("behaviour", "reason"),
    [
        ("malformed", "malformed answer"),
        ("refusal", "the model refused"),
        ("truncated", "truncated answer"),
        ("server-error", "server error (500)"),
    ],
    ids=["malformed", "refusal", "truncated", "server-error"],
)
def test_failed_requests_are_retried_then_fall_back(
    cassette: Any, waits: list[float], behaviour: str, reason: str
) -> None:
    report, _ = _run(behaviour)
    assert report.llm is not None
    assert {b.fallback_reason for b in report.bullets} == {reason}
    assert report.llm.requests == 6  # two requests, each tried three times
    assert sorted(waits) == [1.0, 1.0, 2.0, 2.0]  # backoff doubles
    assert all(v.startswith("rules: ") for v in report.llm.texts.values())


def test_rate_limits_honour_retry_after(cassette: Any, waits: list[float]) -> None:
    report, _ = _run("rate-limited")
    assert {b.source for b in report.bullets} == {"llm"}
    assert waits == [1.0, 1.0]  # the server's Retry-After, once per request
    assert report.llm is not None and report.llm.requests == 4


def test_servers_without_structured_output_are_asked_in_json_mode(cassette: Any) -> None:
    report, _ = _run("no-schema")
    assert {b.source for b in report.bullets} == {"llm"}
    formats = [json.loads(r.body)["response_format"]["type"] for r in cassette.requests]
    # Both requests go out at once with json_schema (or one, if the other starts after the first refusal),
    # then each is asked again in JSON mode.
    assert formats[0] == "json_schema" and formats.count("json_object") == 2


def test_the_run_deadline_bounds_everything() -> None:
    report, _ = _run("faithful", timeout=1e-9)
    assert report.llm is not None and report.llm.requests == 0
    assert {b.fallback_reason for b in report.bullets} == {"timed out"}


def test_a_server_that_is_not_there_falls_back(waits: list[float]) -> None:
    rewriter = LLMRewriter(LLMSettings(base_url="http://127.0.0.1:9/v1", retries=1))
    report = build_report(read_cv(cv_path()), target="payer", rewriter=rewriter)
    assert {b.fallback_reason for b in report.bullets} == {"could not connect to http://127.0.0.1:9/v1"}
    assert report.llm is not None and report.llm.texts["about"] == "rules: could not connect to http://127.0.0.1:9/v1"


def test_batches_hold_at_most_20_bullets(tmp_path: Path) -> None:
    lines = [f"- Reviewed {n} charts for the sepsis registry" for n in range(1, 46)]
    cv = tmp_path / "cv.txt"
    cv.write_text("Jane Doe, MD\n\nExperience\nHospitalist, Mercy Hospital\n" + "\n".join(lines) + "\n")
    rewriter = LLMRewriter(LLMSettings(dry_run=True))
    build_report(read_cv(cv), target="medical-affairs", rewriter=rewriter)
    sizes = [len(json.loads(b["messages"][1]["content"])["bullets"]) for b in rewriter.sent[:-1]]
    assert sizes == [20, 20, 5]
    assert "drafts" in json.loads(rewriter.sent[-1]["messages"][1]["content"])  # then the profile texts
