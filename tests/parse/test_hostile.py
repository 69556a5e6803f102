"""Hostile and broken inputs: one clear error (or a correct result), quickly, within memory, nothing written.

Every file is generated here; nothing multi-megabyte is committed.
"""

from __future__ import annotations

import shutil
import struct
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import CVS
from translator.cli import main
from translator.errors import InputFileError
from translator.parse import bounded, read_cv

DOCX = CVS / "sample_hospitalist.docx"


def _docx_with_document_xml(tmp_path: Path, name: str, xml: bytes) -> Path:
    """A copy of the fixture .docx whose word/document.xml is replaced."""
    path = tmp_path / name
    with zipfile.ZipFile(DOCX) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = xml if info.filename == "word/document.xml" else source.read(info)
            target.writestr(info.filename, data)
    return path


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _body(inner: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W_NS}><w:body>{inner}</w:body></w:document>'.encode()


def _run_cli(tmp_path: Path, path: Path) -> tuple[int, str, float]:
    out = tmp_path / "out"
    start = time.perf_counter()
    result = CliRunner().invoke(main, ["translate", str(path), "-o", str(out)])
    elapsed = time.perf_counter() - start
    assert not out.exists() or not any(out.iterdir()), "nothing may be written for bad input"
    assert "Traceback" not in result.output
    return result.exit_code, result.output, elapsed


def _assert_refused(tmp_path: Path, path: Path, message: str) -> None:
    code, output, elapsed = _run_cli(tmp_path, path)
    assert code == 2, output
    assert message in output
    assert len(output.strip().splitlines()) == 1
    assert elapsed < 10


def test_truncated_docx(tmp_path: Path) -> None:
    path = tmp_path / "truncated.docx"
    path.write_bytes(DOCX.read_bytes()[: DOCX.stat().st_size // 2])
    _assert_refused(tmp_path, path, "not a valid .docx")


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


def test_huge_text_file_hits_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(30 * 1024 * 1024)
    path.write_bytes(b"Ann Lee\n" + b"- bullet line\n" * (2_500_000))
    _assert_refused(tmp_path, path, "over the 10 MB limit")


def test_zip_bomb_with_honest_sizes(tmp_path: Path) -> None:
    path = _docx_with_document_xml(tmp_path, "bomb.docx", _body("<w:p/>") + b" " * (100 * 1024 * 1024))
    assert path.stat().st_size < 1_000_000
    _assert_refused(tmp_path, path, "over 64 MB")


def test_zip_bomb_whose_declared_sizes_lie(tmp_path: Path) -> None:
    path = _docx_with_document_xml(tmp_path, "liar.docx", _body("<w:p/>") + b" " * (100 * 1024 * 1024))
    data = bytearray(path.read_bytes())
    # Rewrite the uncompressed size of word/document.xml to 1 KB in both the local and central headers.
    name = b"word/document.xml"
    for signature, size_offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            name_len = struct.unpack_from("<H", data, start + (26 if signature == b"PK\x03\x04" else 28))[0]
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            if bytes(data[name_at : name_at + name_len]) == name:
                struct.pack_into("<I", data, start + size_offset, 1024)
            start += 4
    path.write_bytes(bytes(data))
    _assert_refused(tmp_path, path, "not a valid .docx")


def test_billion_laughs(tmp_path: Path) -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10)
    )
    xml = f'<?xml version="1.0"?><!DOCTYPE lolz [{entities}]><w:document {W_NS}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
    path = _docx_with_document_xml(tmp_path, "laughs.docx", xml.encode())
    _assert_refused(tmp_path, path, "declares XML entities")


def test_external_entity_cannot_read_local_files(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        f'<w:document {W_NS}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>'
    )
    path = _docx_with_document_xml(tmp_path, "xxe.docx", xml.encode())
    code, output, _ = _run_cli(tmp_path, path)
    assert code == 2
    assert "TOP-SECRET-VALUE" not in output


def test_doctype_hidden_after_a_long_comment_is_still_found(tmp_path: Path) -> None:
    xml = (
        '<?xml version="1.0"?><!--' + "x" * 50_000 + '--><!DOCTYPE d [<!ENTITY a "b">]>'
        f'<w:document {W_NS}><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>'
    )
    path = _docx_with_document_xml(tmp_path, "hidden.docx", xml.encode())
    _assert_refused(tmp_path, path, "declares XML entities")


@pytest.mark.parametrize("depth", [12, 400])
def test_deeply_nested_tables(tmp_path: Path, depth: int) -> None:
    inner = "<w:p><w:r><w:t>deep</w:t></w:r></w:p>"
    for _ in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl><w:p/>"
    path = _docx_with_document_xml(tmp_path, "nested.docx", _body(inner))
    code, output, elapsed = _run_cli(tmp_path, path)
    assert code == 2, output
    assert ("nested more than" in output) or ("cannot open this .docx" in output)
    assert elapsed < 10


def test_pdf_with_too_many_text_pieces(tmp_path: Path) -> None:
    from make_fixtures import _PDF

    pdf = _PDF()
    pdf.pages = [[f"BT /F1 4 Tf {20 + (i % 140) * 4} {20 + (i // 140) * 5} Td (x) Tj ET" for i in range(21_000)]]
    path = tmp_path / "confetti.pdf"
    pdf.save(path)
    _assert_refused(tmp_path, path, "text pieces")


def test_a_reader_that_runs_too_long_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bounded, "READ_SECONDS", 0.5)
    start = time.perf_counter()
    with pytest.raises(InputFileError, match="took longer than"):
        bounded.run_bounded(time.sleep, 30, name="slow.pdf")
    assert time.perf_counter() - start < 5


def _allocate(megabytes: int) -> int:
    blob = bytearray(megabytes * 1024 * 1024)
    return len(blob)


def test_a_reader_that_needs_too_much_memory_is_stopped() -> None:
    with pytest.raises(InputFileError, match="more than 768 MB"):
        bounded.run_bounded(_allocate, 4096, name="greedy.docx")


def test_a_bug_in_the_reader_is_not_disguised_as_bad_input() -> None:
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        bounded.run_bounded(divmod, 1, 0, name="x")


def test_thousands_of_bullets_succeed(tmp_path: Path) -> None:
    lines = ["Sam Lee, MD", "sam@example.com", "", "EXPERIENCE"]
    for job in range(300):
        lines.append(f"Hospitalist, Hospital {job} 2001 - 2002")
        lines += [f"- Led QI project {k} with nursing on sepsis for {job} patients" for k in range(10)]
    path = tmp_path / "many.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
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


def test_interrupted_write_leaves_no_partial_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from translator import pipeline

    calls = {"n": 0}
    real_replace = pipeline.os.replace

    def replace_then_interrupt(src: str, dst: str) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(pipeline.os, "replace", replace_then_interrupt)
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        pipeline.write_outputs({"resume.docx": b"1", "linkedin.md": b"2", "report.md": b"3"}, out, force=False)
    names = sorted(p.name for p in out.iterdir())
    assert not any(n.startswith(".") for n in names), "no temporary files left behind"
    assert names == ["resume.docx"]  # each file is whole; none is half-written


def test_docx_fixture_still_reads_through_the_bounded_reader() -> None:
    assert read_cv(DOCX).profile.email == "daniel.okafor@example.org"
