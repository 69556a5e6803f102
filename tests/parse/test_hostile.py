"""Hostile and broken inputs: one clear error (or a correct result), within the limits, nothing written.

The files come from fixtures/hostile.py; nothing multi-megabyte is committed. Times and peak memory
are measured by bench/hostile_inputs.py, not asserted here.
"""

from __future__ import annotations

import shutil
import struct
import time
from pathlib import Path

import hostile
import pytest
from click.testing import CliRunner

from tests.conftest import CVS
from translator.cli import main
from translator.errors import InputFileError
from translator.parse import bounded, read_cv

DOCX = CVS / "sample_hospitalist.docx"


def _run_cli(tmp_path: Path, path: Path) -> tuple[int, str]:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["translate", str(path), "-o", str(out)])
    assert not out.exists() or not any(out.iterdir()), "nothing may be written for bad input"
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def _assert_refused(tmp_path: Path, path: Path, message: str) -> None:
    code, output = _run_cli(tmp_path, path)
    assert code == 2, output
    assert message in output
    assert len(output.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (hostile.empty, "the file is empty"),
        (hostile.truncated_docx, "not a valid .docx"),
        (hostile.garbage_behind_pdf_header, "not a readable PDF"),
        (hostile.binary_txt, "binary data"),
        (hostile.old_doc, "save it as .docx or PDF"),
        (hostile.rtf, "save it as .docx or PDF"),
        (hostile.huge_txt, "over the 10 MB limit"),
        (hostile.zip_bomb, "over 64 MB"),
        (hostile.zip_bomb_lying_sizes, "not a valid .docx"),
        (hostile.billion_laughs, "declares XML entities"),
        (hostile.password_pdf, "password-protected"),
        (hostile.scanned_pdf, "scanned PDF: no text to read"),
        (hostile.confetti_pdf, "text pieces"),
    ],
    ids=lambda v: getattr(v, "__name__", ""),
)
def test_hostile_input_is_refused(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    _assert_refused(tmp_path, make(tmp_path), message)


def test_zip_bomb_is_small_on_disk(tmp_path: Path) -> None:
    assert hostile.zip_bomb(tmp_path).stat().st_size < 1_000_000


def test_external_entity_cannot_read_local_files(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    code, output = _run_cli(tmp_path, hostile.external_entity(tmp_path, str(secret)))
    assert code == 2
    assert "TOP-SECRET-VALUE" not in output


def test_doctype_hidden_after_a_long_comment_is_still_found(tmp_path: Path) -> None:
    xml = (
        '<?xml version="1.0"?><!--' + "x" * 50_000 + '--><!DOCTYPE d [<!ENTITY a "b">]>'
        f"<w:document {hostile.W_NS}><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>"
    )
    _assert_refused(
        tmp_path,
        hostile.docx_with_document_xml(tmp_path, "hidden.docx", xml.encode()),
        "declares XML entities",
    )


@pytest.mark.parametrize("depth", [12, 400])
def test_deeply_nested_tables(tmp_path: Path, depth: int) -> None:
    code, output = _run_cli(tmp_path, hostile.nested_tables(tmp_path, depth))
    assert code == 2, output
    assert ("nested more than" in output) or ("cannot open this .docx" in output)


def test_docx_with_a_garbled_file_name_inside(tmp_path: Path) -> None:
    data = bytearray(DOCX.read_bytes())
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<H", data, central + 8, struct.unpack_from("<H", data, central + 8)[0] | 0x800)  # UTF-8 names
    data[central + 46] = 0xC3  # a lone lead byte: invalid UTF-8
    path = tmp_path / "garbled.docx"
    path.write_bytes(bytes(data))
    _assert_refused(tmp_path, path, "not a valid .docx")


def test_a_pdf_named_docx_is_read_as_pdf(tmp_path: Path) -> None:
    path = tmp_path / "cv.docx"
    shutil.copy(CVS / "oncologist.pdf", path)
    assert read_cv(path).profile.name == "Maria Chen"


def _bounded(function, *args, name: str, meanwhile=None):  # type: ignore[no-untyped-def]
    """function(*args) read as read_cv reads a file: in a bounded child, collected at once."""
    with bounded.Bounded(function, *args, name=name) as child:
        return child.result(meanwhile)


def test_a_reader_that_runs_too_long_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bounded, "READ_SECONDS", 0.5)
    with pytest.raises(InputFileError, match="took longer than"):
        _bounded(time.sleep, 30, name="slow.pdf")


def test_a_pdf_that_takes_too_long_to_read_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bounded, "READ_SECONDS", 1.0)  # the real limit is 20 s; this PDF needs several
    with pytest.raises(InputFileError, match="took longer than 1 s"):
        read_cv(hostile.slow_pdf(tmp_path))


def test_the_parent_works_while_the_child_reads() -> None:
    """`meanwhile` runs in this process while the reading child is still alive; the read's result comes back."""
    import os

    seen: list[tuple[int, int]] = []
    result = _bounded(time.sleep, 1, name="x", meanwhile=lambda: seen.append(os.waitpid(-1, os.WNOHANG)))
    assert result is None
    assert seen == [(0, 0)]  # a child existed and had not finished when meanwhile ran


def test_a_failure_meanwhile_still_stops_the_reader() -> None:
    def fail() -> None:
        raise ValueError("meanwhile failed")

    with pytest.raises(ValueError, match="meanwhile failed"):
        _bounded(time.sleep, 30, name="x", meanwhile=fail)
    import os

    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no child left behind, not even a zombie


def _no_child_left() -> bool:
    import os

    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_a_started_read_runs_until_collected_and_closing_it_leaves_no_child() -> None:
    import os

    with bounded.Bounded(time.sleep, 30, name="x") as child:
        assert os.waitpid(-1, os.WNOHANG) == (0, 0)  # started at once, before anyone asks for the result
    assert _no_child_left()  # stopped and reaped, not left running for 30 s
    child.close()  # a second close does nothing
    with pytest.raises(RuntimeError, match="already collected or stopped"):
        child.result()  # and the function is not run here instead


def test_a_reading_that_is_never_collected_leaves_no_child() -> None:
    from translator.parse import Reading

    with Reading(CVS / "sample_hospitalist.docx") as reading:
        assert reading.kind == "docx"
    assert _no_child_left()


def test_a_reading_refuses_bad_input_before_starting_a_child(tmp_path: Path) -> None:
    from translator.parse import Reading

    empty = tmp_path / "cv.docx"
    empty.write_bytes(b"")
    with pytest.raises(InputFileError, match="the file is empty"):
        Reading(empty)
    assert _no_child_left()


def test_translate_starts_reading_at_once_and_a_later_error_leaves_no_child(tmp_path: Path) -> None:
    """translate begins reading the .docx before loading the rest of the program; when the answers file then
    turns out bad, the command fails with its one line and the reading child is stopped and reaped."""
    answers = tmp_path / "answers.toml"
    answers.write_text("[bullet.x\n", encoding="utf-8")
    cv = CVS / "sample_hospitalist.docx"
    result = CliRunner().invoke(main, ["translate", str(cv), "-o", str(tmp_path / "out"), "--answers", str(answers)])
    assert result.exit_code == 2
    assert "not valid TOML" in result.output
    assert _no_child_left()
    assert not (tmp_path / "out").exists()


def _allocate(megabytes: int) -> int:
    blob = bytearray(megabytes * 1024 * 1024)
    return len(blob)


def test_a_reader_that_needs_too_much_memory_is_stopped() -> None:
    with pytest.raises(InputFileError, match="more than 768 MB"):
        _bounded(_allocate, 4096, name="greedy.docx")


def test_a_bug_in_the_reader_is_not_disguised_as_bad_input() -> None:
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        _bounded(divmod, 1, 0, name="x")


def test_thousands_of_bullets_succeed(tmp_path: Path) -> None:
    path = hostile.many_bullets(tmp_path)
    result = CliRunner().invoke(main, ["translate", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    import json

    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert len(report["bullets"]) == 3000


def test_unsafe_folder_names_are_sanitized(tmp_path: Path) -> None:
    from translator.pipeline import _folder_name

    assert _folder_name(Path("../../etc/passwd")) == "passwd"
    assert _folder_name(Path("My CV (final) ☃.docx")) == "My_CV_final"
    assert _folder_name(Path("...")) == "cv"


def _interrupt_second_replace(monkeypatch: pytest.MonkeyPatch) -> None:
    from translator import outputs

    calls = {"n": 0}
    real_replace = outputs.os.replace

    def replace_then_interrupt(src: str, dst: str) -> None:
        if not Path(src).name.startswith((".resume.docx.old", ".linkedin.md.old", ".report.md.old")):
            calls["n"] += 1  # putting an old version back is not one of the writes
            if calls["n"] == 2:
                raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(outputs.os, "replace", replace_then_interrupt)


NEW = {"resume.docx": b"new 1", "linkedin.md": b"new 2", "report.md": b"new 3"}


def test_interrupted_write_into_a_new_folder_leaves_it_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from translator.outputs import write_outputs

    _interrupt_second_replace(monkeypatch)
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        write_outputs(NEW, out, force=False)
    assert sorted(p.name for p in out.iterdir()) == []  # all files or none: the first one placed is removed


def test_interrupted_overwrite_puts_every_old_file_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from translator.outputs import write_outputs

    out = tmp_path / "out"
    out.mkdir()
    old = {name: f"old {name}".encode() for name in NEW}
    for name, data in old.items():
        (out / name).write_bytes(data)
    _interrupt_second_replace(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        write_outputs(NEW, out, force=True)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == old  # no temporary file left, no new file kept


def test_a_complete_overwrite_replaces_every_file(tmp_path: Path) -> None:
    from translator.outputs import write_outputs

    out = tmp_path / "out"
    out.mkdir()
    for name in NEW:
        (out / name).write_bytes(b"old")
    write_outputs(NEW, out, force=True)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == NEW


def test_docx_fixture_still_reads_through_the_bounded_reader() -> None:
    assert read_cv(DOCX).profile.email == "daniel.okafor@example.org"
