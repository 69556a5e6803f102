"""The answers file: confirm offered additions, add your own words; bad files are one clear error."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from tests.conftest import CVS
from translator.answers import assign_ids, bullet_id
from translator.cli import main
from translator.mapping.translate import translate_bullet

HOSPITALIST = CVS / "sample_hospitalist.docx"


def _translate(runner: CliRunner, out: Path, *extra: str) -> tuple[int, str, str]:
    result = runner.invoke(main, ["translate", str(HOSPITALIST), "-o", str(out), *extra])
    return result.exit_code, result.stdout, result.stderr


def _report(out: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def _resume_text(out: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(out / "resume.docx")).paragraphs)


def test_template_lists_every_bullet_commented_out_so_it_changes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    code, _, _ = _translate(runner, tmp_path / "out")
    assert code == 0
    template = (tmp_path / "out" / "answers.template.toml").read_text(encoding="utf-8")
    report = _report(tmp_path / "out")
    for bullet in report["bullets"]:
        assert f'# [bullets."{bullet["id"]}"]' in template
        for suggestion in bullet["suggestions"]:
            if suggestion["addition"]:
                assert suggestion["id"] in template and suggestion["addition"] in template
    assert tomllib.loads(template) == {}  # all commented: parses, confirms nothing


def test_uncommenting_the_template_confirms_the_offers(runner: CliRunner, tmp_path: Path) -> None:
    _translate(runner, tmp_path / "first")
    template = (tmp_path / "first" / "answers.template.toml").read_text(encoding="utf-8")
    offered = [b for b in _report(tmp_path / "first")["bullets"] if any(s["addition"] for s in b["suggestions"])]
    first = offered[0]
    lines = template.splitlines()
    at = lines.index(f'# [bullets."{first["id"]}"]')
    answers = tmp_path / "answers.toml"
    answers.write_text("\n".join(line[2:] for line in lines[at : at + 2]) + "\n", encoding="utf-8")
    code, out, err = _translate(runner, tmp_path / "second", "--answers", str(answers))
    assert code == 0, err
    after = {b["id"]: b for b in _report(tmp_path / "second")["bullets"]}[first["id"]]
    assert after["confirmed"] == [s["id"] for s in first["suggestions"] if s["addition"]]
    # the command says what was applied, in its one line for the CV
    offers = sum(1 for b in _report(tmp_path / "second")["bullets"] for s in b["suggestions"] if s["addition"])
    confirmed = len(after["confirmed"])
    assert f"{offers} additions offered, {confirmed} confirmed;" in out, out


def test_two_confirmed_additions_and_the_users_words_reach_the_resume(runner: CliRunner, tmp_path: Path) -> None:
    _translate(runner, tmp_path / "before")
    bullets = _report(tmp_path / "before")["bullets"]
    offered = [(b, s) for b in bullets for s in b["suggestions"] if s["addition"]][:2]
    assert len(offered) == 2
    for _, suggestion in offered:
        assert suggestion["addition"] not in _resume_text(tmp_path / "before")  # offered, not asserted
    lines = [f'[bullets."{b["id"]}"]\nconfirm = ["{s["id"]}"]\n' for b, s in offered]
    lines[0] += 'add = "cut weekend discharge delays from 30% to 12%"\n'
    answers = tmp_path / "answers.toml"
    answers.write_text("\n".join(lines), encoding="utf-8")
    code, _, err = _translate(runner, tmp_path / "after", "--answers", str(answers))
    assert code == 0, err
    resume = _resume_text(tmp_path / "after")
    report = {b["id"]: b for b in _report(tmp_path / "after")["bullets"]}
    for bullet, suggestion in offered:
        assert suggestion["addition"] in resume
        assert report[bullet["id"]]["confirmed"] == [suggestion["id"]]
    assert "cut weekend discharge delays from 30% to 12%" in resume
    assert report[offered[0][0]["id"]]["user_text"] == "cut weekend discharge delays from 30% to 12%"
    assert "Confirmed by you" in (tmp_path / "after" / "report.md").read_text(encoding="utf-8")
    # The LinkedIn position descriptions carry them too, and only after they are confirmed.
    linkedin_before = (tmp_path / "before" / "linkedin.md").read_text(encoding="utf-8")
    linkedin_after = (tmp_path / "after" / "linkedin.md").read_text(encoding="utf-8")
    assert "cut weekend discharge delays from 30% to 12%" in linkedin_after
    assert "cut weekend discharge delays" not in linkedin_before
    descriptions = "\n".join(p["description"] for p in _report(tmp_path / "after")["linkedin"]["positions"])
    assert offered[0][1]["addition"].strip(" ,;") in descriptions


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[bullets."b-00000000"]\nconfirm = []\n', "unknown bullet id 'b-00000000'"),
        ("[bullets\nconfirm = 1\n", "not valid TOML"),
        ('[bullets."{id}"]\nconfirm = ["no-such-offer"]\n', "unknown suggestion id 'no-such-offer'"),
        ('[bullets."{id}"]\nconfirm = "care-team"\n', "confirm: Input should be a valid list"),
        ('[bullets."{id}"]\nconfrim = ["care-team"]\n', "confrim: Extra inputs are not permitted"),
        ('[bullets."{id}"]\nadd = "  "\n', "add is empty"),
    ],
)
def test_a_bad_answers_file_is_one_line_exit_2_and_nothing_written(
    runner: CliRunner, tmp_path: Path, content: str, message: str
) -> None:
    rounded = bullet_id("Rounded on 16-20 pts/day on a busy medicine service; census 18 on average")
    answers = tmp_path / "answers.toml"
    answers.write_text(content.replace("{id}", rounded), encoding="utf-8")
    code, _, err = _translate(runner, tmp_path / "out", "--answers", str(answers))
    assert code == 2
    assert err.count("\n") == 1 and str(answers) in err and message in err, err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_question_cannot_be_confirmed_only_answered(runner: CliRunner, tmp_path: Path) -> None:
    _translate(runner, tmp_path / "first")
    bullet = next(b for b in _report(tmp_path / "first")["bullets"] if any(not s["addition"] for s in b["suggestions"]))
    question = next(s for s in bullet["suggestions"] if not s["addition"])
    answers = tmp_path / "answers.toml"
    answers.write_text(f'[bullets."{bullet["id"]}"]\nconfirm = ["{question["id"]}"]\n', encoding="utf-8")
    code, _, err = _translate(runner, tmp_path / "second", "--answers", str(answers))
    assert code == 2 and "is a question, not an addition" in err


def test_the_answers_file_is_never_overwritten(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _translate(runner, out)
    edited = out / "answers.template.toml"
    text = edited.read_text(encoding="utf-8") + "# my notes\n"
    edited.write_text(text, encoding="utf-8")
    code, _, err = _translate(runner, out, "--answers", str(edited), "--force")
    assert code == 0, err
    assert edited.read_text(encoding="utf-8") == text


def test_answers_take_one_cv(runner: CliRunner, tmp_path: Path) -> None:
    answers = tmp_path / "answers.toml"
    answers.write_text("", encoding="utf-8")
    result = runner.invoke(
        main,
        ["translate", str(HOSPITALIST), str(CVS / "pediatrician.txt"), "-o", str(tmp_path), "--answers", str(answers)],
    )
    assert result.exit_code == 2 and "--answers applies to one CV" in result.stderr


def test_bullet_ids_depend_only_on_the_bullet_text() -> None:
    assert bullet_id("Member, Stroke Committee") == bullet_id("  • member, stroke committee. ")
    assert bullet_id("Member, Stroke Committee") != bullet_id("Member, Sepsis Committee")
    bullets = [translate_bullet(t) for t in ("Took q4 call", "Member, Stroke Committee", "Took q4 call")]
    assign_ids(bullets)
    assert bullets[0].id == bullet_id("Took q4 call") and bullets[2].id == bullets[0].id + "-2"
    other = [translate_bullet(t) for t in ("Led a QI project", "Member, Stroke Committee")]
    assign_ids(other)
    assert other[1].id == bullets[1].id


@pytest.mark.parametrize(
    "add",
    [
        'cut "door-to-needle" time',
        "a\\b",
        "two\nlines\ttab",
        "del\x7f char",
        "naïve – 18% → 14%",
        "# not a comment",
        None,
    ],
)
def test_dumped_answers_read_back_the_same(add: str | None) -> None:
    from translator.answers import Answers, BulletAnswer, dump_answers, parse_answers

    answers = Answers(bullets={"b-1234abcd": BulletAnswer(confirm=["care-team", 'odd"id'], add=add)})
    assert parse_answers(dump_answers(answers), "answers.toml") == answers
