"""Readers per format → one ParsedCV."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from translator.errors import InputFileError, NoCVFoundError, UnsupportedFormatError
from translator.models import ParsedCV
from translator.parse.bounded import run_bounded
from translator.parse.profile import extract_profile
from translator.parse.structure import build_sections
from translator.parse.text import Line

MAX_BYTES = 10 * 1024 * 1024
_ASK_TO_CONVERT = {".doc", ".rtf", ".pages", ".odt", ".wpd", ".html", ".htm"}


def _sniff(path: Path, head: bytes) -> str:
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnsupportedFormatError(
            f"{path.name}: an old Word .doc or a password-protected document; save it as .docx or PDF"
        )
    if head.startswith(b"{\\rtf"):
        raise UnsupportedFormatError(f"{path.name}: an RTF file; save it as .docx or PDF")
    if suffix == ".docx" and head.startswith(b"PK"):
        return "docx"
    if suffix in _ASK_TO_CONVERT or (suffix == ".docx" and not head.startswith(b"PK")):
        raise UnsupportedFormatError(f"{path.name}: this file type is not supported; save it as .docx or PDF")
    if suffix in {".txt", ".text", ""}:
        return "txt"
    if suffix in {".md", ".markdown"}:
        return "md"
    if suffix == ".pdf":
        raise InputFileError(f"{path.name}: not a valid PDF (no PDF header)")
    raise UnsupportedFormatError(f"{path.name}: unsupported file type {suffix!r}; use .docx, .pdf, .txt or .md")


def _text_lines(path: Path, data: bytes, markdown: bool) -> list[Line]:
    from translator.parse.plain import decode, read_markdown_lines, read_text_lines

    if b"\x00" in data[:4096]:
        raise InputFileError(f"{path.name}: binary data, not text")
    text = decode(data)
    return read_markdown_lines(text) if markdown else read_text_lines(text)


def read_lines(path: Path, meanwhile: Callable[[], object] | None = None) -> tuple[str, list[Line]]:
    if not path.exists():
        raise InputFileError(f"{path}: no such file")
    if path.is_dir():
        raise InputFileError(f"{path}: is a folder, not a CV file")
    size = path.stat().st_size
    if size == 0:
        raise InputFileError(f"{path.name}: the file is empty")
    if size > MAX_BYTES:
        raise InputFileError(f"{path.name}: {size / 1e6:.0f} MB is over the 10 MB limit for a CV")
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read the file ({exc.strerror})") from exc
    kind = _sniff(path, head)
    if kind == "pdf":
        from translator.parse.pdf import read_pdf_lines

        return kind, run_bounded(read_pdf_lines, path, name=path.name, meanwhile=meanwhile)
    if kind == "docx":
        import docx  # noqa: F401  # before the fork: the child inherits it and the resume needs it after

        from translator.parse.docx import read_docx_lines

        return kind, run_bounded(read_docx_lines, path, name=path.name, meanwhile=meanwhile)
    lines = _text_lines(path, path.read_bytes(), markdown=kind == "md")
    if meanwhile is not None:
        meanwhile()
    return kind, lines


def read_cv(path: Path, meanwhile: Callable[[], object] | None = None) -> ParsedCV:
    """Read a CV file into the parsed model, or raise one clear TranslatorError.

    `meanwhile` is the caller's next work, run while a child process reads a .docx or PDF.
    """
    kind, lines = read_lines(Path(path), meanwhile)
    preamble, sections = build_sections(lines)
    all_text = "\n".join(line.text for line in lines)
    profile = extract_profile(preamble, sections, all_text)
    cv = ParsedCV(source=str(path), format=kind, profile=profile, sections=sections)  # type: ignore[arg-type]
    if not cv.all_bullets() and not (profile.email or (profile.name and sections)):
        raise NoCVFoundError(f"{Path(path).name}: no CV found (no sections, bullets or contact details)")
    return cv
