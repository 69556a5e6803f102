"""Translation quality on our labelled sets, scored by the shared harness (../shared/eval/score_bullets.py).

These sets guard against going back; none of them is held out any more. Each was written by someone who had
not read the rules, measured once, and then tuned on; its first measurement is recorded in docs/quality.md
and is the honest estimate. The held-out sets in fixtures/heldout/ are never run here: they are measured once
per round by hand (docs/quality.md says how) and never tuned on.

The floors are the figures after the "Edit like a careful editor" work, a little below. Role lines now stay
role lines and a noun phrase with no activity verb stays as the physician wrote it, so "changed" and
"verb-first" are lower than before that work on the sets whose labels expected "Served as …".
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import FIXTURES, SHARED

pytestmark = pytest.mark.needs_shared
SCORER = SHARED / "eval" / "score_bullets.py"
COMMAND = f"{sys.executable} -m translator bullets --json"

# set → (min micro-F1, max claims, max padded, min jargon removed, min changed, min verb-first, min keep)
FLOORS = {
    "dev_bullets": (0.90, 0.0, 0.03, 0.90, 0.95, 0.90, 0.95),  # the bar on the shared dev sample
    "heldout_bullets": (0.90, 0.0125, 0.05, 0.95, 0.92, 0.95, 0.99),  # one claim: "SNF" → "skilled nursing …"
    "fresh_bullets": (0.86, 0.017, 0.05, 0.93, 0.97, 0.92, 0.90),  # the same "SNF" claim
    "third_bullets": (0.87, 0.0, 0.03, 0.95, 0.95, 0.89, 0.99),
    "fourth_bullets": (0.89, 0.0, 0.05, 0.45, 0.93, 0.87, 0.99),  # specialty procedure acronyms stay as written
    "fifth_bullets": (0.84, 0.0, 0.05, 0.87, 0.87, 0.82, 0.99),
    "seventh_bullets": (0.74, 0.0, 0.02, 0.63, 0.87, 0.79, 0.94),  # the set this work was developed on
}


def _path(name: str) -> str:
    return str(SHARED / "eval" / f"{name}.jsonl") if name == "dev_bullets" else str(FIXTURES / "eval" / f"{name}.jsonl")


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_a_labelled_set_keeps_its_level(name: str) -> None:
    f1, claims, padded, jargon, changed, verb_first, keep = FLOORS[name]
    thresholds = {
        "--min-f1": f1,
        "--max-claims": claims,
        "--max-padded": padded,
        "--min-jargon": jargon,
        "--min-changed": changed,
        "--min-verb-first": verb_first,
        "--min-keep": keep,
    }
    args = [str(v) for pair in thresholds.items() for v in pair]
    result = subprocess.run(
        [sys.executable, str(SCORER), _path(name), "--cmd", COMMAND, *args],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-800:] + result.stderr[-800:]


def test_the_held_out_sets_are_not_run_by_the_suite() -> None:
    """A held-out set's figures are measured once by hand; a test that ran it would invite tuning on it."""
    tests = FIXTURES.parent / "tests"
    held_out = [p.name for p in (FIXTURES / "heldout").glob("*.jsonl")]
    assert held_out, "fixtures/heldout/ holds the held-out sets"
    for source in tests.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert not [name for name in held_out if name in text], source
