"""The data files load into strict models; a typo fails with the file and field named."""

from __future__ import annotations

from pathlib import Path

import pytest

from translator.errors import ConfigError
from translator.mapping.data import RuleFile, glossary, load_toml, rules, verbs
from translator.mapping.roles import gap_actions, role_profiles
from translator.models import TARGET_ROLES


def test_shipped_data_loads() -> None:
    assert len(rules()) > 20
    assert glossary()
    assert verbs().irregular["teach"] == "taught"
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
