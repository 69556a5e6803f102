"""Run `cv-translator translate` on one CV as a user would, and read back everything it wrote.

Tests written from a brief (fixtures made by someone who did not write the reader) check the outputs only:
report.json, the resume's paragraphs, linkedin.md, outreach.md, report.md, the exit status and stderr.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from translator.cli import main


@dataclass
class Outputs:
    exit_code: int
    stdout: str
    stderr: str
    folder: Path
    report: dict[str, Any] = field(default_factory=dict)
    resume: list[str] = field(default_factory=list)  # every paragraph of resume.docx, tables included, in order
    resume_properties: dict[str, str] = field(default_factory=dict)  # docProps/core.xml + app.xml, raw text
    linkedin: str = ""
    outreach: str = ""
    report_md: str = ""

    @property
    def bullets(self) -> list[dict[str, Any]]:
        return list(self.report.get("bullets", []))

    @property
    def left_off(self) -> list[str]:
        """The lines report.md says the resume leaves off to keep to its pages, one per item."""
        section = self.report_md.split("## Left off the resume", 1)[-1].split("\n## ", 1)[0] if self.report_md else ""
        return (
            [line[2:] for line in section.splitlines() if line.startswith("- ")]
            if "## Left off" in self.report_md
            else []
        )

    @property
    def set_aside(self) -> dict[str, str]:
        """The CV's lines report.json says every output leaves out, each with its reason."""
        return {n["text"]: n["reason"] for n in self.report.get("not_used", [])}

    def everything(self) -> str:
        """All text a reader of the outputs sees, for 'never appears anywhere' checks."""
        return "\n".join([*self.resume, self.linkedin, self.outreach, self.report_md, json.dumps(self.report)])


def _resume_paragraphs(path: Path) -> list[str]:
    from docx import Document

    document = Document(str(path))
    lines: list[str] = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            for row in block.rows:
                for cell in row.cells:
                    lines.extend(p.text for p in cell.paragraphs)
        else:
            lines.append(block.text)
    return lines


def translate(cv: Path, out: Path, *options: str) -> Outputs:
    """`cv-translator translate CV -o OUT [options]`, in this process; every output read back if written."""
    result = CliRunner().invoke(main, ["translate", str(cv), "-o", str(out), *options])
    outputs = Outputs(result.exit_code, result.stdout, result.stderr, out)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    if (out / "report.json").is_file():
        outputs.report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    if (out / "resume.docx").is_file():
        outputs.resume = _resume_paragraphs(out / "resume.docx")
        with zipfile.ZipFile(out / "resume.docx") as archive:
            for name in ("docProps/core.xml", "docProps/app.xml"):
                if name in archive.namelist():
                    outputs.resume_properties[name] = archive.read(name).decode("utf-8")
    for name in ("linkedin", "outreach"):
        path = out / f"{name}.md"
        if path.is_file():
            setattr(outputs, name, path.read_text(encoding="utf-8"))
    if (out / "report.md").is_file():
        outputs.report_md = (out / "report.md").read_text(encoding="utf-8")
    return outputs
