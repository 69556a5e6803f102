"""Natural English openings: 102 bullets in 25 specialties, each with the openings a fluent reader accepts.

Written by someone who had not read the rules (fixtures/eval/reading_bullets.jsonl): noun-led,
role-led, committee names, fragments, lists, shorthand, talks and papers, and already-good bullets,
which must come back unchanged.

The openings were written when a role line was turned into an act ("Served as …"). PRODUCT.md now keeps a
role line a role line ("Co-chair, Airway Safety Committee"), so a line that opens with a role reads naturally too when
it stays a role line with the physician's own opening words.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import FIXTURES
from translator.guard import check
from translator.mapping.rewrite import apply_glossary
from translator.mapping.role_lines import role_line
from translator.mapping.translate import translate_bullet

ROWS = [json.loads(line) for line in (FIXTURES / "eval" / "reading_bullets.jsonl").read_text().splitlines() if line]


def _kept_as_a_role_line(text: str, rewrite: str) -> bool:
    """The rewrite is a role line that opens with the source's own role words, or puts its role first
    ("Cancer Committee member (…)" → "Member, Cancer Committee (…)")."""
    if role_line(rewrite) is None:
        return False
    head = re.split(r"[,;:(–—]", apply_glossary(text), maxsplit=1)[0].strip().lower()
    return rewrite.lower().startswith(head[:20]) or rewrite.lower().split(",")[0] in head.split()


def _reads_well(row: dict[str, str]) -> bool:
    rewrite = translate_bullet(row["text"]).rewrite
    if row["kind"] == "already-good":
        return rewrite == row["text"]
    if role_line(apply_glossary(row["text"])) is not None and _kept_as_a_role_line(row["text"], rewrite):
        return True
    return any(rewrite.lower().startswith(alt.strip().lower()) for alt in row["opening"].split("|"))


def test_reading_set_covers_the_kinds_and_specialties() -> None:
    assert len(ROWS) >= 80
    assert len({r["specialty"] for r in ROWS}) >= 12
    assert {"noun-led", "role-led", "committee", "fragment", "list", "already-good"} <= {r["kind"] for r in ROWS}


def test_at_least_nineteen_in_twenty_openings_read_naturally() -> None:
    failures = [
        f"{r['id']}: {r['text']!r} → {translate_bullet(r['text']).rewrite!r}" for r in ROWS if not _reads_well(r)
    ]
    assert len(failures) / len(ROWS) <= 0.05, "\n".join(failures)


@pytest.mark.parametrize("row", [r for r in ROWS if r["kind"] == "already-good"], ids=lambda r: r["id"])
def test_a_clear_bullet_stays_as_it_is(row: dict[str, str]) -> None:
    assert translate_bullet(row["text"]).rewrite == row["text"]


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["id"])
def test_no_rewrite_claims_what_its_bullet_does_not_say(row: dict[str, str]) -> None:
    from translator.mapping.rewrite import apply_glossary

    rewrite = translate_bullet(row["text"]).rewrite
    text = row["text"]
    problems = check(text, rewrite, plain=apply_glossary(text, known=True), context=apply_glossary(text))
    assert not [p for p in problems if p.rule == "new words"], rewrite


def test_lexicon_answers_are_kept_in_the_cache_folder(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import json as json_

    from translator.mapping import english

    memo = english._Memo()
    monkeypatch.setattr(english, "_MEMO", memo)
    english._lemmas.cache_clear()
    try:
        assert english.past_tense("coordinating") == "coordinated"
        memo.save()
        saved = json_.loads(memo.path.read_text(encoding="utf-8"))
        assert memo.path.is_relative_to(tmp_path) and saved["L:coordinating"] == {"VERB": ["coordinate"]}
        again = english._Memo()
        assert again.get("L:coordinating", lambda: pytest.fail("asked the lexicon again")) == {"VERB": ["coordinate"]}
    finally:
        english._lemmas.cache_clear()


@pytest.mark.parametrize(
    ("phrase", "article"),
    [
        ("MIGS program", "a"),  # said as a word
        ("NICU", "a"),
        ("HIPAA review", "a"),
        ("FDA submission", "an"),  # spelled letter by letter
        ("LVAD clinic", "an"),
        ("NSAID", "an"),
        ("MRI", "an"),
        ("ACGME site visit", "an"),
    ],
)
def test_an_acronym_takes_its_article_by_how_it_is_said(phrase: str, article: str) -> None:
    from translator.mapping.english import indefinite_article

    assert indefinite_article(phrase) == article
