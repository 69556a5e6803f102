"""The data files load into strict models; a typo fails with the file and field named."""

from __future__ import annotations

from pathlib import Path

import pytest

from translator.data_files import load_toml
from translator.errors import ConfigError
from translator.mapping.roles import gap_actions, role_profiles
from translator.mapping.rule_files import AdditionFile, RuleFile, glossary, rules, verbs
from translator.targets import TARGET_ROLES


def test_shipped_data_loads() -> None:
    assert len(rules()) > 20
    assert glossary()
    assert "research" in verbs().uncountable
    assert set(role_profiles()) == set(TARGET_ROLES)
    assert set(gap_actions()) == {"cross_functional", "data", "communication", "projects"}


def test_a_typo_in_a_rule_file_names_file_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "rules.toml"
    bad.write_text(
        '[[rule]]\nid = "x"\nexperience = "committee"\npriority = 1\ncompetencies = ["cross_functionl"]\n'
        "patterns = ['committee']\nframeing = 'oops'\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as info:
        load_toml(bad, RuleFile)
    message = str(info.value)
    assert "rules.toml: rule.0.competencies.0" in message
    assert "rule.0.frameing" in message


def test_a_bad_regular_expression_fails_at_load(tmp_path: Path) -> None:
    bad = tmp_path / "rules.toml"
    bad.write_text(
        '[[rule]]\nid = "x"\nexperience = "e"\npriority = 1\ncompetencies = []\npatterns = ["(unclosed"]\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="bad regular expression"):
        load_toml(bad, RuleFile)


def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rules_toml: str, additions_toml: str) -> None:
    import translator.mapping.rule_files as data

    (tmp_path / "rules.toml").write_text(rules_toml, encoding="utf-8")
    (tmp_path / "additions.toml").write_text(additions_toml, encoding="utf-8")
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    data.rules.cache_clear()
    data.additions.cache_clear()


ADDITION = (
    '[[addition]]\nid = "{id}"\nquestion = "Did you?"\nwords = "doing it"\nabout = ["x"]\n'
    'fits = ["x"]\nexcluded = ["y"]\n'
)
RULE = '[[rule]]\nid = "{id}"\nexperience = "committee"\npriority = 1\ncompetencies = []\npatterns = ["x"]\n'


def test_duplicate_addition_ids_fail_at_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import translator.mapping.rule_files as data

    _data_dir(tmp_path, monkeypatch, RULE.format(id="a"), ADDITION.format(id="same") * 2)
    try:
        with pytest.raises(ConfigError, match=r"additions\.toml: duplicate ids: same"):
            data.additions()
    finally:
        data.rules.cache_clear()
        data.additions.cache_clear()


def test_a_rule_offering_an_unknown_addition_fails_at_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import translator.mapping.rule_files as data

    _data_dir(tmp_path, monkeypatch, RULE.format(id="a") + 'offers = ["missing"]\n', ADDITION.format(id="known"))
    try:
        with pytest.raises(ConfigError, match="unknown additions: missing"):
            data.rules()
    finally:
        data.rules.cache_clear()
        data.additions.cache_clear()


def test_an_addition_must_say_what_its_bullet_is_about(tmp_path: Path) -> None:
    path = tmp_path / "additions.toml"
    path.write_text(ADDITION.format(id="a").replace('about = ["x"]\n', ""), encoding="utf-8")
    with pytest.raises(ConfigError, match="about: Field required"):
        load_toml(path, AdditionFile)


def test_a_parsed_data_file_is_kept_until_its_text_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tomllib

    path = tmp_path / "rules.toml"
    rule = '[[rule]]\nid = "{id}"\nexperience = "committee"\npriority = 1\ncompetencies = []\npatterns = ["x"]\n'
    path.write_text(rule.format(id="first"), encoding="utf-8")
    assert [r.id for r in load_toml(path, RuleFile).rule] == ["first"]
    assert len(list((tmp_path / "cache" / "cv-translator" / "data").glob("rules-*.pickle"))) == 1

    with monkeypatch.context() as m:
        m.setattr(tomllib, "loads", lambda text: pytest.fail("parsed a file it had kept"))
        assert [r.id for r in load_toml(path, RuleFile).rule] == ["first"]
    path.write_text(rule.format(id="edited"), encoding="utf-8")
    assert [r.id for r in load_toml(path, RuleFile).rule] == ["edited"]
    path.write_text(rule.format(id="broken") + "frameing = 'oops'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"rule\.0\.frameing"):
        load_toml(path, RuleFile)


def test_a_validated_data_file_is_kept_and_a_damaged_copy_is_validated_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "rules.toml"
    path.write_text('[[rule]]\nid = "kept"\nexperience = "x"\npriority = 1\ncompetencies = []\npatterns = ["x"]\n')
    first = load_toml(path, RuleFile)
    with monkeypatch.context() as m:
        m.setattr(RuleFile, "model_validate", lambda raw: pytest.fail("validated a file it had kept"))
        second = load_toml(path, RuleFile)
    assert second == first and second is not first  # read back, equal to what was validated

    (kept,) = (tmp_path / "cache" / "cv-translator" / "data").glob("rules-*.pickle")
    kept.write_bytes(b"not a pickle")
    assert load_toml(path, RuleFile) == first
    assert kept.read_bytes() != b"not a pickle"  # validated again, and kept again


def test_the_kept_data_is_named_by_the_code_that_validated_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Edited model code (a new field, a new check) must not read values validated by the old code."""
    from translator import data_files

    path = tmp_path / "rules.toml"
    path.write_text('[[rule]]\nid = "a"\nexperience = "x"\npriority = 1\ncompetencies = []\npatterns = ["x"]\n')
    load_toml(path, RuleFile)
    monkeypatch.setattr(data_files, "source_digest", lambda *files: "edited-code")
    load_toml(path, RuleFile)
    assert len(list((tmp_path / "cache" / "cv-translator" / "data").glob("rules-*.pickle"))) == 2


# ---------------------------------------------------------------------------------------------------------------
# rule data that earns its place: each entry changes or classifies at least two of the project's lines (the
# development sets, the guard table's sources and every fixture CV's duties; tests/mapping/rule_lines.py), or
# says why it is kept. A cheap check standing for the ablation: an entry that matches fewer than two lines
# cannot change two.
# ---------------------------------------------------------------------------------------------------------------

USED = 2


def test_every_glossary_term_changes_two_lines_or_says_why() -> None:
    from tests.mapping.rule_lines import project_lines

    lines = project_lines()
    idle = [
        term.pattern
        for term in glossary()
        if not term.reason
        and sum(1 for line in lines if term.regex.compiled.search(line) and term.applies_to(line)) < USED
    ]
    assert not idle, f"{len(idle)} glossary terms change fewer than {USED} lines and give no reason: {idle[:10]}"


def test_every_rule_pattern_classifies_two_lines_or_its_rule_says_why() -> None:
    from tests.mapping.rule_lines import project_lines
    from translator.mapping.patterns import regex

    lines = project_lines()
    idle = [
        (rule.id, pattern)
        for rule in rules()
        if not rule.reason
        for pattern in rule.patterns
        if sum(1 for line in lines if regex(pattern).search(line)) < USED
    ]
    assert not idle, f"rule patterns matching fewer than {USED} lines in rules without a reason: {idle[:10]}"


def test_no_glossary_term_repeats_another() -> None:
    """The same pattern twice is a sense split only when both say when they apply."""
    seen: dict[str, list[bool]] = {}
    for term in glossary():
        seen.setdefault(term.pattern, []).append(bool(term.when or term.unless))
    assert [p for p, senses in seen.items() if len(senses) > 1 and not all(senses)] == []


def test_a_reason_is_required_of_a_new_term_that_changes_nothing(tmp_path: Path) -> None:
    """The check above can fail: a term for shorthand no line has, without a reason."""
    from tests.mapping.rule_lines import project_lines
    from translator.mapping.rule_files import Term

    term = Term(pattern=r"\bxyzzy\b", replace="nothing")
    assert sum(1 for line in project_lines() if term.regex.compiled.search(line)) < USED and not term.reason


def test_no_worked_example_is_a_line_of_an_evaluation_set() -> None:
    """The examples are the model's few-shot lines: none may be a line the translator is measured on."""
    import json

    from tests.conftest import FIXTURES

    sets = [
        *(FIXTURES / "eval").glob("*.jsonl"),
        *(FIXTURES / "heldout").glob("*.jsonl"),
        *(FIXTURES / "guard").glob("*.jsonl"),
    ]
    shared = FIXTURES.parent.parent / "shared" / "eval" / "dev_bullets.jsonl"
    sets += [shared] if shared.exists() else []
    measured = {
        " ".join((row.get("text") or row.get("source") or "").split()).lower()
        for path in sets
        for row in map(json.loads, filter(str.strip, path.read_text(encoding="utf-8").splitlines()))
    }
    examples = [e.source for rule in rules() for e in rule.examples]
    assert [e for e in examples if " ".join(e.split()).lower() in measured] == []
