"""The one fact guard: a rewrite may change words, never what happened, how much, how often or who was involved.

Unit tables of our own lines; the guard table written from a brief by a helper (fixtures/guard/guard_dev.jsonl) is
a regression floor; the held-out table is measured by hand (bench/guard_table.py), never here.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import FIXTURES
from translator.guard import Problem, check, numbers, reasons, review_addition, review_rewrite, review_text
from translator.mapping.rewrite import apply_glossary


def rules_of(source: str, rewrite: str, **kw: str) -> set[str]:
    return {p.rule for p in check(source, rewrite, plain=apply_glossary(source, known=True), **kw)}


SOURCE = "Led sepsis bundle QI project with nursing; door-to-antibiotic time fell from 4 h to 2 h"


@pytest.mark.parametrize(
    ("rewrite", "rules"),
    [
        (
            "Led a sepsis bundle quality improvement project with nursing; door-to-antibiotic time fell from 4 to 2 h",
            set(),
        ),
        ("Led a sepsis bundle QI project with nursing at Pfizer; time fell from 4 h to 2 h", {"new words"}),
        ("Led a sepsis bundle QI project with nursing; time fell from 4 h to 2 h in 300 patients", {"new number"}),
        ("Led a sepsis bundle QI project with nursing and pharmacy; time fell from 4 h to 2 h", {"new words"}),
        ("Co-led a sepsis bundle QI project with nursing; time fell from 4 h to 2 h", set()),  # a role may fall
        ("Led a sepsis bundle QI project with nursing; door-to-antibiotic time fell to 2 h", {"dropped number"}),
        (
            "Led a sepsis bundle QI project with nursing; door-to-antibiotic time fell from 4 to 2 days",
            {"changed unit", "changed period"},
        ),
    ],
)
def test_what_a_rewrite_may_and_may_not_do(rewrite: str, rules: set[str]) -> None:
    assert rules_of(SOURCE, rewrite) == rules


@pytest.mark.parametrize(
    ("source", "rewrite", "rule"),
    [
        ("Member, Stroke Committee (2019–2022)", "Chair, Stroke Committee (2019–2022)", "role raised"),
        ("Co-chair, Sepsis Committee", "Chaired the Sepsis Committee", "role raised"),
        ("Sub-I on 2 phase III trials", "Principal investigator on 2 phase III trials", "role raised"),
        ("Participated in the opioid stewardship project", "Led the opioid stewardship project", "role raised"),
        ("Assoc PD, IM residency", "Program Director, internal medicine residency", "dropped scope"),
        ("Co-author, 'Sepsis in the ED', Ann Emerg Med 2021", "First-authored 'Sepsis in the ED', 2021", "role raised"),
        ("Saw 20 pts/day in clinic", "Saw 20 patients a week in clinic", "changed period"),
        ("Took call q3 weekends", "Took call every third night", "dropped period"),
        ("Cared for pediatric patients in the ED", "Cared for patients in the emergency department", "dropped scope"),
        ("Ran the Medicaid enrollment clinic", "Ran the enrollment clinic", "dropped scope"),
        ("Taught 2 interns and 1 resident", "Taught 3 interns and 1 resident", "new number"),
        ("Trained 12 nurses on the pump", "Trained 15 nurses on the pump", "new number"),
    ],
)
def test_roles_periods_scope_and_counts(source: str, rewrite: str, rule: str) -> None:
    assert rule in rules_of(source, rewrite)


@pytest.mark.parametrize(
    ("source", "rewrite"),
    [
        # shorthand spelled out by the glossary or word by word, short forms written out, a year written short
        (
            "Sub-I, phase III SGLT2i trial in HFpEF, Mercy Heart Inst.; enrolled 14 pts",
            "Sub-investigator, phase III trial of an SGLT2 inhibitor in heart failure with preserved ejection fraction,"
            " Mercy Heart Institute; enrolled 14 patients",
        ),
        ("Co-chair, Neonatal Safety Cmte, 2018–21", "Co-chair, Neonatal Safety Committee (2018–2021)"),
        (
            "Poster at ACC 2019 on door-to-balloon time",
            "Presented a poster at the American College of Cardiology 2019 meeting on door-to-balloon time",
        ),
        ("Trimmed DKA order panels from 8 to 3", "Trimmed diabetic ketoacidosis order panels from eight to three"),
        (
            "Supervised PGY-3s on night float, 4 nights/mo",
            "Supervised third-year residents on night float four nights a month",
        ),
        (
            "Sepsis taskforce; ICU transfers 14%→9%",
            "Served on the sepsis task force; ICU transfers fell from 14% to 9%",
        ),
    ],
)
def test_faithful_rewordings_pass(source: str, rewrite: str) -> None:
    assert rules_of(source, rewrite) == set(), reasons(check(source, rewrite, plain=apply_glossary(source, known=True)))


def test_the_users_own_words_are_theirs() -> None:
    added = "cut readmissions from 18% to 14% with a new huddle"
    assert rules_of("Rounded on 18 patients", f"Cared for 18 patients; {added}", exempt=added) == set()


def test_problems_read_as_rule_and_words() -> None:
    problems = [Problem("new words", ("nursing", "pharmacy")), Problem("role raised", ("chair",))]
    assert reasons(problems) == "new words: nursing, pharmacy; role raised: chair"


@given(n=st.integers(min_value=0, max_value=10_000), m=st.integers(min_value=13, max_value=10_000))
def test_a_number_the_source_lacks_is_always_rejected(n: int, m: int) -> None:
    source = f"Reviewed {n} charts for the stroke registry"
    extra = m if m != n else m + 1
    reason = review_rewrite(source, f"Reviewed {n} charts for the stroke registry across {extra} hospitals")
    assert reason is not None and str(extra) in reason and "new number" in reason


def test_model_rewrites_have_limits_of_their_own() -> None:
    assert review_rewrite(SOURCE, "") == "empty rewrite"
    assert review_rewrite(SOURCE, SOURCE + " [NAME-1]") == "keeps a redaction placeholder"
    assert review_rewrite(SOURCE, "Led " + "a very " * 30 + "sepsis bundle QI project") == "too long (65 words)"


@pytest.mark.parametrize(
    ("addition", "ok"),
    [("working with other departments", True), ("reaching 500 patients", False), ("saving 20%", False), ("", False)],
)
def test_review_addition(addition: str, ok: bool) -> None:
    assert review_addition(addition, "Led a sepsis project") is ok


def test_profile_texts_may_not_borrow_a_number_or_name_a_field_the_cv_lacks() -> None:
    cv = "Hospitalist; cared for 15-18 patients a day on the medicine service; led sepsis projects"
    assert review_text(cv, "Hospitalist who cared for 15-18 patients a day", 220) is None
    assert review_text(cv, "Hospitalist with 15 years of experience", 220) == "new count: 15 years"
    assert (
        review_text(cv, "Hospitalist moving into oncology medical affairs", 220)
        == "new words: oncology, affairs; new field: oncology"
    )
    assert review_text(cv, "x" * 221, 220) == "longer than 220 characters"


def test_word_numbers_and_short_forms_are_numbers() -> None:
    assert numbers("two papers, 1.2M dollars, second-year residents, FY22, 2020–23") >= {"2", "1200000", "2022", "2023"}


# ---------------------------------------------------------------------------------------------------------------
# the guard table written from a brief (a regression floor; its figures are in the closing note)
# ---------------------------------------------------------------------------------------------------------------

ROWS = [json.loads(line) for line in (FIXTURES / "guard" / "guard_dev.jsonl").read_text(encoding="utf-8").splitlines()]


def _rejected(source: str, text: str) -> bool:
    return bool(check(source, text, plain=apply_glossary(source, known=True)))


def test_the_guard_table_faithful_pass_and_unfaithful_fail() -> None:
    faithful = sum(not _rejected(r["source"], r["faithful"]) for r in ROWS) / len(ROWS)
    unfaithful = [(u["kind"], _rejected(r["source"], u["text"])) for r in ROWS for u in r["unfaithful"]]
    caught = sum(ok for _, ok in unfaithful) / len(unfaithful)
    assert faithful >= 0.90, f"faithful accepted {faithful:.1%}"
    assert caught >= 0.98, f"unfaithful rejected {caught:.1%}"
    for kind in ("number", "organisation", "role"):
        missed = [ok for k, ok in unfaithful if k == kind and not ok]
        assert not missed, f"{len(missed)} {kind} rewrites accepted"
