"""The small commands (`headline`, `outreach`): the profile texts from a CV file or from options alone."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from translator.errors import TranslatorError
from translator.mapping.roles import role_profiles
from translator.models import ParsedCV, Profile
from translator.render import profile_texts
from translator.report import build_report
from translator.resources import render

if TYPE_CHECKING:
    from translator.llm.rewriter import Rewriter


def _cv_from(
    cv_path: Path | None, specialty: str | None, institution: str | None, board_certified: bool | None
) -> ParsedCV:
    """The CV file read, with the options applied; without a file, a CV that is only what the options say."""
    if cv_path is not None:
        from translator.parse import read_cv

        cv = read_cv(cv_path)
    elif not specialty:
        raise TranslatorError("give a CV file or at least --specialty")
    else:
        cv = ParsedCV(source="options", format="txt", profile=Profile())
    if specialty:
        cv.profile.specialty = specialty
    if institution:
        cv.profile.institution = institution
    if board_certified is not None:
        cv.profile.board_certified = board_certified
    return cv


def headlines_for(
    cv_path: Path | None,
    specialty: str | None = None,
    institution: str | None = None,
    board_certified: bool | None = None,
    target: str | None = None,
    rewriter: Rewriter | None = None,
) -> list[str]:
    cv = _cv_from(cv_path, specialty, institution, board_certified)
    if cv_path is not None or rewriter is not None:
        return build_report(cv, target=target or (None if cv_path else "medical-affairs"), rewriter=rewriter).headlines
    role = role_profiles()[target or "medical-affairs"]
    return profile_texts.headlines(profile_texts.material(cv.profile, role))


def outreach_text(
    cv_path: Path | None,
    specialty: str | None = None,
    institution: str | None = None,
    board_certified: bool | None = None,
    target: str | None = None,
    therapeutic_area: str | None = None,
    rewriter: Rewriter | None = None,
) -> str:
    cv = _cv_from(cv_path, specialty, institution, board_certified)
    if cv_path is not None or rewriter is not None:
        chosen = target or (None if cv_path else "medical-affairs")
        report = build_report(cv, target=chosen, therapeutic_area=therapeutic_area, rewriter=rewriter)
        return render("outreach.md.j2", outreach=report.outreach)
    role = role_profiles()[target or "medical-affairs"]
    message = profile_texts.outreach(profile_texts.material(cv.profile, role, area=therapeutic_area))
    return render("outreach.md.j2", outreach=message)
