"""The command line end to end: outputs, overwrite protection, bad input, the bullets filter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import CVS
from translator.cli import main
from translator.outputs import OUTPUT_FILES


def test_translate_writes_every_output(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(main, ["translate", str(CVS / "sample_hospitalist.docx"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUT_FILES)
    report = json.loads((out / "report.json").read_text())
    assert report["profile"]["name"] == "Daniel Okafor"
    assert report["target"] in {"payer", "health-tech", "medical-affairs"}
    assert report["target_reason"]
    assert set(report["coverage"]) == {"cross_functional", "data", "communication", "projects"}
    first = report["bullets"][0]
    assert set(first) >= {
        "section",
        "entry",
        "text",
        "rewrite",
        "competencies",
        "experience",
        "rule",
        "source",
        "fallback_reason",
        "suggestions",
    }
    assert "target:" in result.output


def test_existing_outputs_are_not_overwritten_without_force(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "resume.docx").write_bytes(b"mine")
    result = runner.invoke(main, ["translate", str(CVS / "pediatrician.txt"), "-o", str(out)])
    assert result.exit_code == 2
    assert "already exist" in result.output and "--force" in result.output
    assert (out / "resume.docx").read_bytes() == b"mine"
    assert [p.name for p in out.iterdir()] == ["resume.docx"]
    forced = runner.invoke(main, ["translate", str(CVS / "pediatrician.txt"), "-o", str(out), "--force"])
    assert forced.exit_code == 0
    assert zipfile.is_zipfile(out / "resume.docx")


def test_target_option_is_used(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["translate", str(CVS / "oncologist.pdf"), "-o", str(tmp_path), "--target", "msl"])
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["target"] == "msl"
    assert (
        "Medical Science Liaison" in (tmp_path / "linkedin.md").read_text()
        or "MSL" in (tmp_path / "linkedin.md").read_text()
    )


def test_many_cvs_get_one_folder_each(runner: CliRunner, tmp_path: Path) -> None:
    cvs = [str(CVS / n) for n in ("sample_hospitalist.docx", "oncologist.pdf", "pediatrician.txt")]
    result = runner.invoke(main, ["translate", *cvs, "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["oncologist", "pediatrician", "sample_hospitalist"]
    for folder in tmp_path.iterdir():
        assert sorted(p.name for p in folder.iterdir()) == sorted(OUTPUT_FILES)


def test_a_bad_cv_in_a_batch_is_reported_and_the_others_are_translated(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "scanned.rtf"
    bad.write_bytes(b"{\\rtf1 x}")
    result = runner.invoke(main, ["translate", str(CVS / "pediatrician.txt"), str(bad), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "scanned.rtf: an RTF file" in result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["pediatrician"]
    assert sorted(p.name for p in (tmp_path / "out" / "pediatrician").iterdir()) == sorted(OUTPUT_FILES)


def test_one_cv_runs_without_cycle_collection_and_a_batch_keeps_it(runner: CliRunner, tmp_path: Path) -> None:
    """One CV is a short process: the collector is off (it cost ~15 ms and freed next to nothing). A batch
    lives long enough for cycles to add up, so it keeps the collector."""
    import gc

    cvs = [str(CVS / "sample_hospitalist.docx"), str(CVS / "pediatrician.txt")]
    assert runner.invoke(main, ["translate", *cvs, "-o", str(tmp_path / "batch")]).exit_code == 0
    assert gc.isenabled()
    assert runner.invoke(main, ["translate", cvs[0], "-o", str(tmp_path / "one")]).exit_code == 0
    assert not gc.isenabled()  # the conftest fixture turns it back on for the next test


def test_translate_passes_the_therapeutic_area_to_outreach(runner: CliRunner, tmp_path: Path) -> None:
    args = ["translate", str(CVS / "oncologist.pdf"), "-o", str(tmp_path), "--therapeutic-area", "thoracic oncology"]
    assert runner.invoke(main, args).exit_code == 0
    assert "thoracic oncology" in (tmp_path / "outreach.md").read_text()


def test_bullets_json_one_object_per_line_in_order(runner: CliRunner) -> None:
    result = runner.invoke(main, ["bullets", "--json"], input="Took q4 call\n\nMember, Stroke Committee\n")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r.get("text") for r in rows] == ["Took q4 call", None, "Member, Stroke Committee"]
    assert rows[1] == {}  # a blank line gives an empty object: the output lines up with the input
    assert rows[2]["competencies"] == ["cross_functional"]
    assert all({"rewrite", "experience", "rule", "source"} <= set(r) for r in rows if r)
    assert rows[0]["source"] == "rules"


def test_bullets_target_adds_that_roles_questions(runner: CliRunner) -> None:
    plain = runner.invoke(main, ["bullets", "--json"], input="Sub-I on a phase III trial\n")
    targeted = runner.invoke(
        main, ["bullets", "--json", "--target", "clinical-development"], input="Sub-I on a phase III trial\n"
    )
    without, with_target = json.loads(plain.output)["suggestions"], json.loads(targeted.output)["suggestions"]
    extra = [s for s in with_target if s not in without]
    assert extra and extra[0]["question"].startswith("Clinical development screens for study conduct")
    assert extra[0]["id"] == "clinical-development-q1" and extra[0]["addition"] is None


def test_bullets_plain_shows_before_and_after(runner: CliRunner) -> None:
    result = runner.invoke(main, ["bullets"], input="Saw 28 pts/day\n")
    assert "Saw 28 pts/day\n  → Evaluated and managed 28 patients per day" in result.output


def test_parse_prints_the_model(runner: CliRunner) -> None:
    result = runner.invoke(main, ["parse", str(CVS / "pediatrician.txt")])
    assert result.exit_code == 0
    assert json.loads(result.output)["profile"]["email"] == "priya.raman@example.net"


def test_headline_from_flags_respects_the_limit(runner: CliRunner) -> None:
    result = runner.invoke(main, ["headline", "--specialty", "cardiology", "--board-certified", "--target", "msl"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("Board-Certified Cardiologist | Exploring Medical Science Liaison (MSL)"), lines
    assert all("Cardiologist" in line and "(MSL)" in line for line in lines), lines
    assert len(set(lines)) == 3 and all(len(line) <= 220 for line in lines)


def test_outreach_from_flags(runner: CliRunner) -> None:
    result = runner.invoke(
        main,
        [
            "outreach",
            "--specialty",
            "rheumatology",
            "--institution",
            "Lakeside Clinic",
            "--target",
            "medical-affairs",
            "--therapeutic-area",
            "immunology",
        ],
    )
    assert result.exit_code == 0
    assert "{their_name}" in result.output and "Lakeside Clinic" in result.output and "immunology" in result.output


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("missing.docx", None, "no such file"),
        ("empty.txt", b"", "empty"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "save it as .docx or PDF"),
        ("cv.rtf", b"{\\rtf1\\ansi hello}", "save it as .docx or PDF"),
        ("cv.pages", b"PK\x03\x04 something", "save it as .docx or PDF"),
        ("truncated.docx", b"PK\x03\x04\x14\x00\x00\x00", "not a valid .docx"),
        ("garbage.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 20, "not a readable PDF"),
        ("binary.txt", b"\x00\x01\x02\x03" * 100, "binary data"),
        ("notes.txt", b"just a shopping list\neggs\nmilk\n", "no CV found"),
        ("cv.xyz", b"hello", "unsupported file type"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_writes_nothing(
    runner: CliRunner, tmp_path: Path, name: str, data: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    out = tmp_path / "out"
    result = runner.invoke(main, ["translate", str(path), "-o", str(out)])
    assert result.exit_code == 2
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert not out.exists() or not any(out.iterdir())


def test_scanned_pdf_without_text_layer(runner: CliRunner, tmp_path: Path) -> None:
    from make_fixtures import _PDF

    pdf = _PDF()  # a page with no text at all, as a scanner makes
    pdf.pages = [[]]
    path = tmp_path / "scan.pdf"
    pdf.save(path)
    result = runner.invoke(main, ["translate", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "scanned PDF: no text to read" in result.output


def test_password_protected_pdf(runner: CliRunner, tmp_path: Path) -> None:
    import pypdf  # a test dependency, used only to make the encrypted file

    writer = pypdf.PdfWriter(clone_from=str(CVS / "oncologist.pdf"))
    writer.encrypt("secret")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    result = runner.invoke(main, ["translate", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "password-protected" in result.output


def test_unwritable_output_folder(runner: CliRunner, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = runner.invoke(main, ["translate", str(CVS / "pediatrician.txt"), "-o", str(blocker / "out")])
    assert result.exit_code == 2
    assert "cannot create the output folder" in result.output


def test_zip_bomb_docx_is_refused_before_inflating(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<" + b"a" * (80 * 1024 * 1024))
    assert path.stat().st_size < 1_000_000
    result = runner.invoke(main, ["translate", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "over 64 MB" in result.output


def test_rules_mode_never_imports_openai(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from translator.cli import main\n"
        f"sys.argv=['cv-translator','translate',{str(CVS / 'sample_hospitalist.docx')!r},'-o',{str(tmp_path)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "assert 'openai' not in sys.modules, 'openai imported in rules mode'\nprint('ok')"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.stdout.strip().endswith("ok"), result.stderr


def test_the_program_ends_with_the_commands_status_and_all_of_its_output(tmp_path: Path) -> None:
    """The program skips the interpreter's teardown (cli.run): its exit status is still the command's, what it
    printed still arrives whole through a pipe, and the caches it saves at exit are still saved (test_memo)."""
    import subprocess
    import sys

    def program(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "translator", *args]
        return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False)

    done = program("translate", str(CVS / "sample_hospitalist.docx"), "-o", "out")
    assert done.returncode == 0, done.stderr
    (line,) = done.stdout.splitlines()  # one line for the CV, whole through the pipe
    assert line.startswith(f"{CVS / 'sample_hospitalist.docx'}: 10 bullets read, ") and line.endswith(" → out/")
    assert all((tmp_path / "out" / name).is_file() for name in OUTPUT_FILES)
    missing = program("translate", "missing.docx")
    assert (missing.returncode, missing.stderr) == (2, "cv-translator: error: missing.docx: no such file\n")
    assert program("translate", "cv.docx", "--target", "bogus").returncode == 2
    assert program("--help").returncode == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["translate"], "Missing argument"),
        (["translate", "cv.docx", "--target", "bogus"], "Invalid value for '--target'"),
        (["bullets", "no-such-file.txt"], "No such file or directory"),
        (["translate", "cv.docx", "--no-such-option"], "No such option"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(runner: CliRunner, args: list[str], message: str) -> None:
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_help_and_version_exit_0(runner: CliRunner) -> None:
    assert runner.invoke(main, ["--help"]).exit_code == 0
    version = runner.invoke(main, ["--version"])
    assert version.exit_code == 0 and "version" in version.output


def test_the_texts_are_the_same_whatever_the_interpreters_hash_seed(tmp_path: Path) -> None:
    """A fact's kinds are a set, whose order follows the process's string hashing: the About of the held-out
    endocrinologist read 'my device and trial experience' in one run and 'device and research' in the next."""
    cv = CVS.parent / "heldout" / "targets" / "endocrinologist_diabetes_tech.pdf"
    written = []
    for seed in ("1", "5", "6"):  # seed 5 gave "research" where 1 and 6 gave "trial" (before the fix)
        out = tmp_path / seed
        command = [sys.executable, "-m", "translator", "translate", str(cv), "-o", str(out)]
        env = os.environ | {"PYTHONHASHSEED": seed, "CV_TRANSLATOR_CACHE": str(tmp_path / "cache")}
        result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False, env=env)
        assert result.returncode == 0, result.stderr
        written.append([(out / n).read_text(encoding="utf-8") for n in ("linkedin.md", "outreach.md", "report.md")])
    assert written[0] == written[1] == written[2]
