"""Additions fit their bullet, questions ask only what the bullet lacks, and confirmed words join grammatically.

Each addition family declares in additions.toml the bullets it fits and the bullets it must not be offered
to; these tests hold the data to its own word, family by family.
"""

from __future__ import annotations

import pytest

from translator.answers import add_own_words, extend
from translator.mapping.rule_files import additions, rules
from translator.mapping.translate import translate_bullet

FAMILIES = sorted(additions().values(), key=lambda a: a.id)


def _offered(text: str) -> set[str]:
    return {s.id for s in translate_bullet(text).suggestions if s.addition}


@pytest.mark.parametrize("family", FAMILIES, ids=lambda a: a.id)
def test_every_family_is_offered_where_it_fits(family) -> None:  # type: ignore[no-untyped-def]
    for bullet in family.fits:
        assert family.id in _offered(bullet), bullet


@pytest.mark.parametrize("family", FAMILIES, ids=lambda a: a.id)
def test_no_family_is_offered_where_it_is_excluded(family) -> None:  # type: ignore[no-untyped-def]
    for bullet in family.excluded:
        assert family.id not in _offered(bullet), bullet


def test_every_family_is_offered_by_some_rule_and_asks_a_question() -> None:
    offered = {o for rule in rules() for o in rule.offers}
    for family in FAMILIES:
        assert family.id in offered, family.id
        assert family.question.endswith("?"), family.id
        assert family.words == family.words.strip() and not family.words.endswith("."), family.id


@pytest.mark.parametrize(
    ("text", "not_asked"),
    [
        ("Led a sepsis bundle project with nursing and pharmacy", "Who else worked on it"),
        ("Led a QI project that cut door-to-balloon time from 88 to 61 minutes", "before/after"),
        ("Sub-investigator, phase III COPD trial; enrolled 14", "How many patients did you screen or enroll"),
        ("Sub-investigator, phase III COPD trial; enrolled 14", "Which phase"),
        ("Chair, Stroke Committee", "What was your part"),
        ("Member, Stroke Committee; reviewed door-to-needle data", "Did the committee review outcomes data"),
    ],
)
def test_questions_never_ask_for_what_the_bullet_says(text: str, not_asked: str) -> None:
    questions = [s.question for s in translate_bullet(text).suggestions]
    assert not [q for q in questions if not_asked.lower() in q.lower()], questions


def test_a_question_is_still_asked_when_the_bullet_lacks_the_answer() -> None:
    questions = " ".join(s.question for s in translate_bullet("Sub-investigator on two asthma trials").suggestions)
    assert "Which phase" in questions and "How many patients" in questions


@pytest.mark.parametrize(
    ("rewrite", "words", "joined"),
    [
        (
            "Member, Sepsis Committee (2020–present)",
            "reviewing outcomes data and refining protocols",
            "Member, Sepsis Committee, reviewing outcomes data and refining protocols (2020–present)",
        ),
        (
            "Member, Sepsis Committee, 2020–present",
            "reviewing outcomes data and refining protocols",
            "Member, Sepsis Committee, reviewing outcomes data and refining protocols, 2020–present",
        ),
        (
            "Taught residents",
            "designing and delivering teaching sessions",
            "Taught residents, designing and delivering teaching sessions",
        ),
    ],
)
def test_confirmed_words_go_before_the_dates(rewrite: str, words: str, joined: str) -> None:
    assert extend(rewrite, words) == joined


def test_confirmed_words_extend_the_clause_they_belong_to() -> None:
    family = additions()["care-team"]
    rewrite = "Taught 3 medical students; cared for 18 hospitalized patients a day"
    assert extend(rewrite, family.words, family.is_about) == (
        f"Taught 3 medical students; cared for 18 hospitalized patients a day, {family.words}"
    )


@pytest.mark.parametrize(
    ("words", "joined"),
    [
        ("12-member committee", "Member, Sepsis Committee, 12-member committee (2020–present)"),
        (", 12-member committee", "Member, Sepsis Committee, 12-member committee (2020–present)"),
        (
            "; chaired the 2022 protocol revision",
            "Member, Sepsis Committee (2020–present); chaired the 2022 protocol revision",
        ),
    ],
)
def test_the_users_own_words_go_in_as_written(words: str, joined: str) -> None:
    assert add_own_words("Member, Sepsis Committee (2020–present)", words) == joined
