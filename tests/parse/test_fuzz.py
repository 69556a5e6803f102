"""Fuzzing: arbitrary text never raises anything but our own errors; mutated Word and PDF files neither.

The mutation fuzz is seeded (reproducible) and bounded in time so CI stays quick.
"""

from __future__ import annotations

import contextlib
import random
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import CVS
from translator.errors import TranslatorError
from translator.models import ParsedCV
from translator.parse import read_cv
from translator.parse.plain import read_markdown_lines, read_text_lines
from translator.parse.profile import extract_profile
from translator.parse.structure import build_sections
from translator.report import build_report

cv_like = st.lists(
    st.one_of(
        st.text(max_size=60),
        st.sampled_from(
            [
                "EXPERIENCE",
                "## Education",
                "- ",
                "• Led QI project",
                "\t2019 – Present",
                "# Jane Doe, MD",
                "jane@example.com",
                "(555) 123-4567",
                "Member, Sepsis Committee",
                "---",
                "**bold**",
                "1. item",
            ]
        ),
    ),
    max_size=40,
).map("\n".join)


@settings(max_examples=200, deadline=None)
@given(cv_like)
def test_text_and_markdown_readers_never_raise(text: str) -> None:
    for lines in (read_text_lines(text), read_markdown_lines(text)):
        preamble, sections, _ = build_sections(lines)
        extract_profile(preamble, sections, text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cv_like, st.sampled_from([".txt", ".md"]))
def test_read_and_translate_arbitrary_text(tmp_path: Path, text: str, suffix: str) -> None:
    path = tmp_path / f"cv{suffix}"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        cv = read_cv(path)
    except TranslatorError:
        return
    assert isinstance(cv, ParsedCV)
    build_report(cv)


def _mutants(data: bytes, rng: random.Random, count: int) -> list[bytes]:
    out = []
    for _ in range(count):
        mutant = bytearray(data)
        if rng.random() < 0.3:
            mutant = mutant[: rng.randrange(1, len(mutant))]
        else:
            for _ in range(rng.randint(1, 20)):
                mutant[rng.randrange(len(mutant))] = rng.randrange(256)
        out.append(bytes(mutant))
    return out


def test_mutated_docx_and_pdf_files_fail_cleanly(tmp_path: Path) -> None:
    rng = random.Random(20261125)
    deadline = time.monotonic() + 25
    tried = 0
    for fixture in (CVS / "sample_hospitalist.docx", CVS / "oncologist.pdf"):
        for index, mutant in enumerate(_mutants(fixture.read_bytes(), rng, 40)):
            if time.monotonic() > deadline:
                break
            path = tmp_path / f"m{index}{fixture.suffix}"
            path.write_bytes(mutant)
            with contextlib.suppress(TranslatorError):  # our own errors are the allowed outcome
                read_cv(path)
            tried += 1
    assert tried >= 20, "the time bound left too few mutants to mean anything"
