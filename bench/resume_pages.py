"""Pages of each fixture CV's resume as LibreOffice prints it, against the planner's estimate.

`python bench/resume_pages.py [CV …]` (default: every CV in fixtures/cvs and its sub-folders). Needs
`soffice` (Debian package libreoffice-writer) and Carlito, the font with Calibri's metrics
(fonts-crosextra-carlito): without it LibreOffice sets the resume's Calibri in a wider font and prints more pages
than Word. For each CV: the resume's headings in order, printed pages (and how full the last page is), the page
limit, the estimated pages, and the work bullets kept of those in the CV. With `--untrimmed` it prints the
estimated lines per printed page of the resume before trimming — the figure PAGE_LINES in
translator/render/resume.py is calibrated from. Exits 1 when a resume prints more pages than its limit, or a last
page holds only a few lines (under a tenth of a page). A file the translator
refuses is listed with its one-line reason.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STUB = 0.1  # a last page filled less than this is "a page with three lines on it"


def printed_pages(docx_file: Path, folder: Path) -> float:
    """Pages LibreOffice prints, the last counted by how far down its lowest line of text sits."""
    import pypdfium2

    profile = f"-env:UserInstallation=file://{folder}/profile"
    subprocess.run(
        ["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(docx_file)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = pypdfium2.PdfDocument(str(folder / f"{docx_file.stem}.pdf"))
    page = pdf[len(pdf) - 1]
    text = page.get_textpage()
    lowest = min(text.get_rect(i)[1] for i in range(text.count_rects()))
    margin = 50  # the resume's top and bottom margins, in points
    return len(pdf) - 1 + (page.get_height() - margin - lowest) / (page.get_height() - 2 * margin)


def calibri_is_carlito() -> bool:
    """Whether LibreOffice sets Calibri in Carlito, as wide as Word's own Calibri."""
    found = subprocess.run(["fc-match", "Calibri"], capture_output=True, text=True, check=False).stdout
    return "Carlito" in found


def main(argv: list[str]) -> int:
    if not calibri_is_carlito():
        print("Calibri is not set in Carlito here: install fonts-crosextra-carlito", file=sys.stderr)
        return 2
    import translator.render.resume as resume
    from translator.errors import TranslatorError
    from translator.parse import read_cv
    from translator.report import build_report

    untrimmed = "--untrimmed" in argv
    every = (p for p in (ROOT / "fixtures" / "cvs").rglob("*") if p.suffix in {".docx", ".pdf", ".txt", ".md"})
    files = [Path(a) for a in argv if not a.startswith("--")] or sorted(every)
    if untrimmed:
        resume.MAX_PAGES = resume.LONG_RECORD_PAGES = 1000
    over = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for cv_file in files:
            try:
                cv = read_cv(cv_file)
            except TranslatorError as exc:
                print(f"{cv_file.name}\n  not translated: {exc}")
                continue
            report = build_report(cv)
            blocks = resume.plan_resume(cv, report)
            docx_file = folder / f"{cv_file.stem}_{cv_file.suffix[1:]}.docx"
            docx_file.write_bytes(resume.build_resume(cv, report))
            pages = printed_pages(docx_file, folder)
            lines = sum(b.lines for b in blocks)
            print(f"{cv_file.name}")
            print(f"  headings: {' / '.join(b.text for b in blocks if b.kind == 'heading')}")
            estimate = lines / resume.PAGE_LINES
            print(
                f"  printed pages {pages:.2f} (limit {resume.page_limit(cv)}), estimated {estimate:.2f}; "
                f"work bullets {sum(b.work for b in blocks)} of {len(report.bullets)}; "
                f"estimated lines per printed page {lines / pages:.1f}"
            )
            last = pages - int(pages) if pages > 1 else 1.0
            if 0 < last < STUB:
                print(f"  the last page holds only {last:.0%} of a page")
            over += not untrimmed and (pages > resume.page_limit(cv) or 0 < last < STUB)
    return 1 if over else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
