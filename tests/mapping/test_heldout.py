"""Bullets written by the team, not from the shared dev sample: the rules must generalize to them.

Labels mark what the text shows (PRODUCT.md). Same measures as ../shared/eval/score_bullets.py.
"""

from __future__ import annotations

import json
import re

from tests.conftest import FIXTURES
from translator.mapping.guard import numbers
from translator.mapping.translate import translate_bullet
from translator.mapping.verbs import is_past_verb

ROWS = [json.loads(line) for line in (FIXTURES / "eval" / "heldout_bullets.jsonl").read_text().splitlines() if line]


def test_heldout_set_scores_like_the_dev_set() -> None:
    tp = fp = fn = changed = verb_first = 0
    for row in ROWS:
        result = translate_bullet(row["text"])
        got, want = set(result.competencies), set(row["competencies"])
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
        assert not numbers(result.rewrite) - numbers(row["text"]), result.rewrite
        changed += result.rewrite.lower() != row["text"].lower()
        first = re.findall(r"[A-Za-z][A-Za-z-]*", result.rewrite)[0]
        verb_first += is_past_verb(first)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    assert len(ROWS) == 40
    assert f1 >= 0.9, f"micro-F1 {f1:.3f}"
    assert changed / len(ROWS) >= 0.9
    assert verb_first / len(ROWS) >= 0.9
