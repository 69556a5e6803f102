"""The small commands (`headline`, `outreach`): the profile texts from a CV file or from options alone."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from translator.errors import TranslatorError
from translator.mapping.roles import role_profiles, suggest_target
from translator.models import ParsedCV, Profile
from translator.render import profile_texts
from translator.report import build_report, cv_lines
from translator.resources import render

if TYPE_CHECKING:
    from translator.llm.rewriter import Rewriter


def _profile_from(
    cv_path: Path | None, specialty: str | None, institution: str | None, board_certified: bool | None
) -> tuple[Profile, list[str]]:
    if cv_path is not None:
        from translator.parse import read_cv

        cv = read_cv(cv_path)
        profile, lines = cv.profile, cv_lines(cv)
    else:
        if not specialty:
            raise TranslatorError("give a CV file or at least --specialty")
        profile, lines = Profile(), []
    _apply(profile, specialty, institution, board_certified)
    return profile, lines


def headlines_for(
    cv_path: Path | None,
    specialty: str | None = None,
    institution: str | None = None,
    board_certified: bool | None = None,
    target: str | None = None,
    rewriter: Rewriter | None = None,
) -> list[str]:
    if cv_path is not None:
        from translator.parse import read_cv

        cv = read_cv(cv_path)
        _apply(cv.profile, specialty, institution, board_certified)
        return build_report(cv, target=target, rewriter=rewriter).headlines
    profile, _ = _profile_from(None, specialty, institution, board_certified)
    if rewriter is not None:
        return build_report(_profile_only(profile), target=target or "medical-affairs", rewriter=rewriter).headlines
    role = role_profiles()[target or "medical-affairs"]
    return profile_texts.headlines(profile, role, [])


def _profile_only(profile: Profile) -> ParsedCV:
    """A CV that is only what the options say: for headlines and messages written without a CV file."""
    return ParsedCV(source="options", format="txt", profile=profile)


def _apply(profile: Profile, specialty: str | None, institution: str | None, board_certified: bool | None) -> None:
    if specialty:
        profile.specialty = specialty
    if institution:
        profile.institution = institution
    if board_certified is not None:
        profile.board_certified = board_certified


def outreach_text(
    cv_path: Path | None,
    specialty: str | None = None,
    institution: str | None = None,
    board_certified: bool | None = None,
    target: str | None = None,
    therapeutic_area: str | None = None,
    rewriter: Rewriter | None = None,
) -> str:
    if rewriter is not None:
        if cv_path is not None:
            from translator.parse import read_cv

            cv = read_cv(cv_path)
            _apply(cv.profile, specialty, institution, board_certified)
        else:
            cv = _profile_only(_profile_from(None, specialty, institution, board_certified)[0])
        report = build_report(cv, target=target, therapeutic_area=therapeutic_area, rewriter=rewriter)
        return render("outreach.md.j2", outreach=report.outreach)
    profile, lines = _profile_from(cv_path, specialty, institution, board_certified)
    chosen = target or suggest_target(profile.specialty, lines)[0]
    role = role_profiles()[chosen]
    message = profile_texts.outreach(profile, role, therapeutic_area)
    return render("outreach.md.j2", outreach=message)
