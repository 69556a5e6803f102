"""Every output calls the physician by the people's word for the most specific specialty the CV shows:
a rheumatologist trained in internal medicine is a rheumatologist, not an internist."""

from __future__ import annotations

import io
import json

import docx
import pytest

from tests.conftest import CVS
from translator.outputs import render_outputs
from translator.parse import read_cv
from translator.report import build_report

RHEUMATOLOGIST = ["rheumatologist_word-bullets.docx", "rheumatologist_word-bullets_libreoffice.pdf"]


@pytest.mark.parametrize("name", RHEUMATOLOGIST)
def test_every_output_says_rheumatologist(name: str) -> None:
    cv = read_cv(CVS / "office" / name)
    report = build_report(cv)
    outputs = render_outputs(cv, report)
    resume = docx.Document(io.BytesIO(outputs["resume.docx"]))
    paragraphs = [p.text for p in resume.paragraphs]
    summary = paragraphs[paragraphs.index("Summary") + 1]
    texts = {
        "resume summary": summary,
        "linkedin.md": outputs["linkedin.md"].decode(),
        "outreach.md": outputs["outreach.md"].decode(),
        "report.md": outputs["report.md"].decode(),
        "report.json": json.dumps(
            {k: v for k, v in json.loads(outputs["report.json"]).items() if k in {"headlines", "about", "summary"}}
        ),
    }
    for output, text in texts.items():
        assert "rheumatologist" in text.lower(), output
        assert "internal medicine physician" not in text.lower(), output
        assert "internist" not in text.lower(), output
    assert report.profile.specialty == "rheumatology"
    assert summary.startswith("Board-certified rheumatologist")
