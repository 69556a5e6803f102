"""Translation quality, scored by the shared harness (../shared/eval/score_bullets.py) on two sets.

- The shared dev sample, with the bar of the "Confirm, don't assert" issue.
- Our held-out set (fixtures/eval/heldout_bullets.jsonl): 80 bullets in 22 specialties the dev sample
  lacks, written and labelled by someone who had not read the rules. The labels are that person's
  judgement, not the product owner's.
- A fresh set (fixtures/eval/fresh_bullets.jsonl): 60 bullets in 16 more specialties, written the same way
  later. Measured once before any rule was changed for it (micro-F1 0.825, jargon removed 0.658); the rules
  were then improved in general, so it is no longer unseen and guards against going back.
- A third set (fixtures/eval/third_bullets.jsonl): 90 bullets in 20 more specialties, written the same way.
  Measured once before any rule was changed for it (micro-F1 0.828, jargon removed 0.414, changed 0.946,
  verb-first 0.956); the rules were then improved in general (common shorthand, role and noun openings),
  so it too now guards against going back.
- A fourth set (fixtures/eval/fourth_bullets.jsonl): 60 bullets in 12 more specialties, written the same way
  after those fixes. Measured once before any rule was changed for it: micro-F1 0.835, jargon removed 0.439
  (0.818 and 0.303 on the rules before the third set's fixes). Then improved in general (outcome figures,
  departments worked with, lecturers, present-tense "Lead"); the specialty procedure acronyms it is full
  of (ACDF, LAR/APR, TLH/BSO, SLNB, …) are left as written: a wrong expansion would be worse.
- A fifth set (fixtures/eval/fifth_bullets.jsonl): 60 bullets in 12 more specialties, labelled for jargon the
  way the dev sample is (workflow shorthand, not specialty acronyms), written after all of the above and
  measured once: micro-F1 0.851, jargon removed 0.643, verb-first 0.933, padded 0.117 (on the rules at the
  start of that work: 0.828, 0.619, 0.950, 0.100). The fixes for the bugs that measurement showed (singular
  "12 month", a count read as a label, "physical therapy/OT") brought verb-first and padding back to 0.950
  and 0.100; then the shorthand it showed in general form (q2 wks, q3mo, bx, mammo, NPO, "rounded daily",
  SW beside other disciplines): jargon removed 0.881, changed 0.979, verb-first 0.967.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import FIXTURES, SHARED

pytestmark = pytest.mark.needs_shared
SCORER = SHARED / "eval" / "score_bullets.py"
COMMAND = f"{sys.executable} -m translator bullets --json"


def _score(labels: str, *thresholds: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCORER), labels, "--cmd", COMMAND, *thresholds],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_dev_sample_passes_the_issue_bar() -> None:
    result = _score(
        str(SHARED / "eval" / "dev_bullets.jsonl"),
        *("--min-f1", "0.9", "--max-claims", "0", "--max-padded", "0.03"),
        *("--min-changed", "0.95", "--min-verb-first", "0.9"),
    )
    assert result.returncode == 0, result.stdout[-800:] + result.stderr[-800:]


def test_heldout_bullets_pass_the_unseen_bar() -> None:
    # Unseen bar: micro-F1 >= 0.85, claims <= 1%, padding <= 5%. One of the 80 (1.25%) counts as a claim:
    # "SNF" → "skilled nursing facility", an expansion the harness's own list does not know ("nursing").
    result = _score(
        str(FIXTURES / "eval" / "heldout_bullets.jsonl"),
        *("--min-f1", "0.85", "--max-claims", "0.0125", "--max-padded", "0.05", "--min-jargon", "0.95"),
        *("--min-changed", "0.9", "--min-verb-first", "0.9"),
    )
    assert result.returncode == 0, result.stdout[-800:] + result.stderr[-800:]


def test_fresh_bullets_keep_their_level() -> None:
    # One of the 60 (1.7%) counts as a claim: "SNF" → "skilled nursing facility", as above.
    result = _score(
        str(FIXTURES / "eval" / "fresh_bullets.jsonl"),
        *("--min-f1", "0.85", "--max-claims", "0.017", "--max-padded", "0.05", "--min-jargon", "0.9"),
        *("--min-changed", "0.9", "--min-verb-first", "0.9", "--min-keep", "0.9"),
    )
    assert result.returncode == 0, result.stdout[-800:] + result.stderr[-800:]


def test_third_bullets_keep_their_level() -> None:
    # After the general fixes it scored micro-F1 0.883, jargon removed 0.966, claims 0, padded 0.022.
    result = _score(
        str(FIXTURES / "eval" / "third_bullets.jsonl"),
        *("--min-f1", "0.86", "--max-claims", "0", "--max-padded", "0.03", "--min-jargon", "0.95"),
        *("--min-changed", "0.95", "--min-verb-first", "0.95", "--min-keep", "0.99"),
    )
    assert result.returncode == 0, result.stdout[-800:] + result.stderr[-800:]


def test_fourth_bullets_keep_their_level() -> None:
    # After the general fixes: micro-F1 0.909, claims 0, padded 0.050, jargon removed 0.455 (see above).
    result = _score(
        str(FIXTURES / "eval" / "fourth_bullets.jsonl"),
        *("--min-f1", "0.89", "--max-claims", "0", "--max-padded", "0.05", "--min-jargon", "0.45"),
        *("--min-changed", "0.95", "--min-verb-first", "0.95", "--min-keep", "0.99"),
    )
    assert result.returncode == 0, result.stdout[-800:] + result.stderr[-800:]


def test_fifth_bullets_keep_their_level() -> None:
    result = _score(
        str(FIXTURES / "eval" / "fifth_bullets.jsonl"),
        *("--min-f1", "0.84", "--max-claims", "0", "--max-padded", "0.10", "--min-jargon", "0.85"),
        *("--min-changed", "0.95", "--min-verb-first", "0.95", "--min-keep", "0.99"),
    )
    assert result.returncode == 0, result.stdout[-800:] + result.stderr[-800:]
