"""The guard on what a model writes: per bullet, per addition and per profile text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translator.llm.review import dropped_terms, review_addition, review_rewrite, review_text

SOURCE = "Led sepsis bundle QI project with nursing; door-to-antibiotic time fell from 4 h to 2 h"


@pytest.mark.parametrize(
    ("rewrite", "reason"),
    [
        (
            "Led a sepsis bundle quality improvement project with nursing, "
            "cutting door-to-antibiotic time from 4 to 2 hours",
            None,
        ),
        ("", "empty rewrite"),
        (
            "Led a sepsis bundle quality improvement project with nursing at Pfizer; time fell from 4 h to 2 h",
            "adds the name(s) pfizer",
        ),
        (
            "Led a sepsis bundle quality improvement project with nursing; time fell from 4 h to 2 h in 300 patients",
            "adds the number(s) 300",
        ),
        (
            "Led a sepsis bundle quality improvement project with nursing and pharmacy; time fell from 4 h to 2 h",
            "claims what the source does not say: pharmacy",
        ),
        (
            "Led a quality improvement project with nursing; door-to-antibiotic time fell from 4 h to 2 h",
            "drops the term(s) sepsis, bundle",
        ),
        (
            "Led a sepsis bundle quality improvement project with nursing; door-to-antibiotic time fell to 2 h",
            "drops the number(s) 4",
        ),
        (
            "Led a sepsis bundle quality improvement project [NAME-1]; time fell from 4 h to 2 h",
            "keeps a redaction placeholder",
        ),
        ("Led " + "a very " * 30 + "sepsis bundle QI project with nursing from 4 h to 2 h", "too long (73 words)"),
    ],
)
def test_review_rewrite(rewrite: str, reason: str | None) -> None:
    assert review_rewrite(SOURCE, rewrite) == reason


def test_drug_names_and_jargon_the_source_lacks_are_rejected() -> None:
    reason = review_rewrite(SOURCE, SOURCE.replace("with nursing", "with nursing and apixaban dosing"))
    assert reason == "adds the term(s) apixaban"


def test_a_field_the_cv_does_not_name_is_rejected() -> None:
    cv = "Hospitalist; led sepsis projects"
    assert review_text(cv, "Hospitalist moving into oncology medical affairs", 220) == "adds the field(s) oncology"


def test_glossary_spellings_count_as_kept() -> None:
    assert (
        dropped_terms(
            "Took q4 call; census 16 on the ICU service",
            "Took call every fourth night, caring for 16 hospitalized patients on the intensive care unit service",
        )
        == []
    )


@pytest.mark.parametrize(
    ("addition", "ok"),
    [
        ("working with other departments", True),
        ("reaching 500 patients", False),
        ("saving 20%", False),
        ("", False),
        ("with " + "many " * 20 + "teams", False),
    ],
)
def test_review_addition(addition: str, ok: bool) -> None:
    assert review_addition(addition, "Led a sepsis project") is ok


def test_profile_texts_may_not_borrow_a_number_for_a_new_count() -> None:
    cv = "Cared for 15-18 patients a day on the medicine service"
    assert review_text(cv, "Hospitalist who cared for 15-18 patients a day", 220) is None
    assert review_text(cv, "Hospitalist with 15 years of experience", 220) == "adds the count(s) 15 years"
    assert review_text(cv, "x" * 221, 220) == "longer than 220 characters"


@given(n=st.integers(min_value=0, max_value=10_000), m=st.integers(min_value=13, max_value=10_000))
def test_a_number_the_source_lacks_is_always_rejected(n: int, m: int) -> None:
    source = f"Reviewed {n} charts for the stroke registry"
    extra = m if m != n else m + 1
    reason = review_rewrite(source, f"Reviewed {n} charts for the stroke registry across {extra} hospitals")
    assert reason is not None and f"adds the number(s) {extra}" in reason
