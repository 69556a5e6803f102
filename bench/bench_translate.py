"""Benchmark: `translate` of a 3-page .docx in rules mode vs importing its libraries, in the same run.

Run with `make bench`. Prints medians and the ratio; exits 1 when the ratio is over 1.5 or when
openai is imported in rules mode. Timings are never asserted in the test suite.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "fixtures"))

from cv_content import HOSPITALIST, ONCOLOGIST, PEDIATRICIAN  # noqa: E402
from make_fixtures import make_docx  # noqa: E402

RUNS = 9
LIMIT = 1.5


def three_page_cv() -> dict:
    """The three fixture CVs' experience under one name: about 3 pages in Word."""
    sections = []
    for cv in (HOSPITALIST, ONCOLOGIST, PEDIATRICIAN):
        sections.extend(cv["sections"])
    return HOSPITALIST | {"sections": sections * 2}


def median_seconds(command: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    cli = str(Path(sys.executable).with_name("cv-translator"))
    with tempfile.TemporaryDirectory() as tmp:
        cv = Path(tmp) / "three_pages.docx"
        make_docx(three_page_cv(), cv)
        baseline = median_seconds([sys.executable, "-c", "import click, pydantic, docx, jinja2"])
        translate = median_seconds([cli, "translate", str(cv), "-o", str(Path(tmp) / "out"), "--force"])
        probe = (
            "import sys; from translator.cli import main\n"
            f"sys.argv=['cv-translator','translate',{str(cv)!r},'-o',{str(Path(tmp) / 'probe')!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\nprint('openai' in sys.modules)"
        )
        imported = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
        size_kb = cv.stat().st_size / 1024
    ratio = translate / baseline
    print(f"input: {size_kb:.0f} KB .docx; {RUNS} runs each, medians")
    print(f"baseline  import click, pydantic, docx, jinja2: {baseline * 1000:7.1f} ms")
    print(f"translate (rules mode, 5 outputs):              {translate * 1000:7.1f} ms")
    print(f"ratio: {ratio:.2f} (limit {LIMIT}); openai imported: {imported.stdout.strip().splitlines()[-1]}")
    return 0 if ratio <= LIMIT and imported.stdout.strip().splitlines()[-1] == "False" else 1


if __name__ == "__main__":
    sys.exit(main())
