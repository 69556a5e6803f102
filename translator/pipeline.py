"""The whole translation, step by step: read → translate bullets → compose → render → write."""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from translator.answers import Answers, apply_answers, assign_ids, load_answers
from translator.errors import OutputError, TranslatorError
from translator.mapping.classify import competencies_of, in_order, matching_rules
from translator.mapping.roles import RoleProfile, role_profiles, suggest_target
from translator.mapping.translate import translate_bullet
from translator.models import (
    BulletTranslation,
    Competency,
    KeptItem,
    LLMRun,
    ParsedCV,
    Profile,
    ProfileTexts,
    Report,
)
from translator.parse import Reading

if TYPE_CHECKING:
    from translator.llm.rewriter import Rewriter
from translator.render import content
from translator.resources import render
from translator.targets import TargetRole

# Sections whose bullets describe work; education, publications and certifications are kept as written.
TRANSLATED_KINDS = {
    "experience",
    "research",
    "teaching",
    "leadership",
    "committees",
    "service",
    "editorial",
    "other",
    "training",
}
# Sections kept as written that still show what the physician can do: papers and talks are communication;
# a grant line ("R01 HL145678, NIH, Principal Investigator, 2020–2025") reads best as written.
KEPT_KINDS: dict[str, tuple[Competency, ...]] = {
    "publications": ("communication",),
    "presentations": ("communication",),
    "grants": (),
}
OUTPUT_FILES = ("resume.docx", "linkedin.md", "outreach.md", "report.json", "report.md", "answers.template.toml")
TEMPLATE_NAME = "answers.template.toml"


@dataclass
class Result:
    source: Path
    target: str
    target_reason: str
    files: list[Path] = field(default_factory=list)
    llm: LLMRun | None = None
    sent: list[dict[str, Any]] = field(default_factory=list)  # with --dry-run: what would have been sent


RewriterFactory = Callable[[], "Rewriter"]


def _cv_lines(cv: ParsedCV) -> list[str]:
    """Entry titles, lines and bullets: the evidence a target role is suggested from."""
    parts: list[str] = []
    for section in cv.sections:
        for entry in section.entries:
            parts.extend(p for p in (entry.title, entry.organization) if p)
            parts.extend(entry.lines)
            parts.extend(b.text for b in entry.bullets)
    return parts


def _kept_items(cv: ParsedCV) -> list[KeptItem]:
    """Publications and talks, kept as written, with what they show (rules' labels plus their kind's)."""
    items = []
    for section in cv.sections:
        if section.kind not in KEPT_KINDS:
            continue
        for entry in section.entries:
            lines = [b.text for b in entry.bullets] or [entry.title or ""]
            for text in filter(None, lines):
                shown = set(KEPT_KINDS[section.kind]) | set(competencies_of(matching_rules(text)))
                items.append(
                    KeptItem(
                        section=section.heading,
                        text=text,
                        competencies=in_order(shown),
                        experience=section.kind.rstrip("s"),  # "publication", "presentation"
                    )
                )
    return items


def build_report(
    cv: ParsedCV,
    target: str | None = None,
    specialty: str | None = None,
    therapeutic_area: str | None = None,
    answers: Answers | None = None,
    answers_path: Path | None = None,
    rewriter: Rewriter | None = None,
) -> Report:
    """The report for one CV: the rules' translation, improved by `rewriter` (an LLM) where its guard allows,
    then the user's answers applied."""
    if specialty:
        cv.profile.specialty = specialty
    if target:
        chosen: TargetRole = target  # type: ignore[assignment]
        reason = "chosen with --target"
    else:
        chosen, reason = suggest_target(cv.profile.specialty, _cv_lines(cv))
    bullets = [
        translate_bullet(b.text, section=s.heading, entry=e.label, target=chosen)
        for s, e, b in cv.all_bullets()
        if s.kind in TRANSLATED_KINDS
    ]
    assign_ids(bullets)
    kept = _kept_items(cv)
    role = role_profiles()[chosen]
    if rewriter is not None:
        # The model gets the bullets and the rules' texts in one go, so every request is in flight at once.
        draft_experience = content.experience_types(bullets, role, kept)
        draft_cover = content.coverage(bullets, kept)
        drafts = _texts(cv.profile, role, bullets, draft_experience, draft_cover, therapeutic_area)
        rewriter.improve(bullets, drafts, cv.profile, chosen)
    if answers is not None:
        apply_answers(bullets, answers, answers_path or Path("answers.toml"))
    cover = content.coverage(bullets, kept)
    experience = content.experience_types(bullets, role, kept)
    competencies = [content.COMPETENCY_LABELS[c] for c, n in cover.items() if n]
    if cv.profile.specialty:
        competencies.insert(0, f"Clinical expertise: {cv.profile.specialty}")
    # Experience phrases that only repeat a competency ("multidisciplinary collaboration") are left out.
    said = " ".join(competencies).lower()
    competencies += [e[:1].upper() + e[1:] for e in experience if e.split()[-1] not in said][:4]
    texts = _texts(cv.profile, role, bullets, experience, cover, therapeutic_area)
    if rewriter is not None:
        rewriter.improve_texts(texts, cv.profile, evidence=_cv_lines(cv), answers=answers)
    return Report(
        profile=cv.profile,
        target=chosen,
        target_reason=reason,
        bullets=bullets,
        kept=kept,
        coverage=cover,
        gaps=content.gaps(cover),
        headlines=texts.headlines,
        about=texts.about,
        outreach=texts.outreach,
        summary=texts.summary,
        core_competencies=list(dict.fromkeys(competencies)),
        llm=rewriter.run() if rewriter is not None else None,
    )


def _texts(
    profile: Profile,
    role: RoleProfile,
    bullets: list[BulletTranslation],
    experience: list[str],
    cover: dict[Competency, int],
    area: str | None,
) -> ProfileTexts:
    return ProfileTexts(
        experience=experience,
        headlines=content.headlines(profile, role, experience),
        about=content.about(profile, role, experience, bullets),
        summary=content.summary(profile, role, experience, cover),
        outreach=content.outreach(profile, role, area),
    )


def read_cv_bytes(data: bytes, filename: str) -> ParsedCV:
    """Read an uploaded CV: the bytes go into a private temporary folder (in memory where /dev/shm
    exists) that is removed before this returns; errors name the file as the user called it."""
    from translator.parse import read_cv

    name = re.sub(r"[^\w.() -]+", "_", Path(filename.replace("\\", "/")).name).strip(" .")[-120:] or "cv"
    memory = Path("/dev/shm")
    folder = memory if memory.is_dir() and os.access(memory, os.W_OK) else None
    with tempfile.TemporaryDirectory(prefix="cv-translator-", dir=folder) as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        cv = read_cv(path)
    cv.source = name
    return cv


def render_outputs(cv: ParsedCV, report: Report) -> dict[str, bytes]:
    """Every output in memory first, so a failure writes nothing."""
    from translator.render.resume import build_resume

    role = role_profiles()[report.target]
    context = report.model_dump() | {
        "role": role,
        "bullets": report.bullets,
        "outreach": report.outreach,
        "gaps": report.gaps,
        "profile": report.profile,
    }
    return {
        "resume.docx": build_resume(cv, report),
        "linkedin.md": render("linkedin.md.j2", **context).encode(),
        "outreach.md": render("outreach.md.j2", **context).encode(),
        "report.json": (json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n").encode(),
        "report.md": render("report.md.j2", **context).encode(),
        TEMPLATE_NAME: render("answers.template.toml.j2", source=Path(cv.source).name, bullets=report.bullets).encode(),
    }


def write_outputs(outputs: dict[str, bytes], out_dir: Path, force: bool) -> list[Path]:
    """Write all files or none: refuse to overwrite without force, then replace each atomically."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot create the output folder ({exc.strerror})") from exc
    targets = [out_dir / name for name in outputs]
    existing = [p.name for p in targets if p.exists()]
    if existing and not force:
        raise OutputError(f"{out_dir}: {', '.join(existing)} already exist; use --force to overwrite")
    staged: list[tuple[str, Path]] = []
    try:
        for name, data in outputs.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=out_dir)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            staged.append((tmp, out_dir / name))
        for tmp, final in staged:
            os.replace(tmp, final)
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot write the outputs ({exc.strerror})") from exc
    finally:
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)
    return targets


def _prepare() -> None:
    """What a translation loads after reading the CV, loaded while a child process reads it."""
    import docx  # noqa: F401  # the resume is written with it (the reading child imports its own)

    from translator.mapping import english
    from translator.mapping.data import glossary, rules, verbs
    from translator.mapping.roles import specialties
    from translator.render import resume  # noqa: F401
    from translator.resources import template_env

    rules(), glossary(), verbs(), role_profiles(), specialties()
    english.preload()
    for name in ("linkedin.md.j2", "outreach.md.j2", "report.md.j2", "answers.template.toml.j2"):
        template_env().get_template(name)


def translate_cv(
    source: Path | Reading,
    out_dir: Path,
    target: str | None = None,
    specialty: str | None = None,
    force: bool = False,
    therapeutic_area: str | None = None,
    answers: Path | None = None,
    rewriter: RewriterFactory | None = None,
) -> Result:
    """Read one CV, translate it and write the outputs into out_dir (all of them or none).

    `source` is the CV file, or a Reading of it already under way. With `answers`, the confirmed additions
    and the user's own words are applied; that file itself is never overwritten, even when it is the
    answers template in out_dir. With a `rewriter` in dry-run mode, nothing is sent and nothing is written:
    the Result holds the requests that would have been sent.
    """
    reading = source if isinstance(source, Reading) else Reading(source)
    path = reading.path
    with reading:
        confirmed = load_answers(answers) if answers is not None else None
        cv = reading.cv(meanwhile=_prepare)
    improver = rewriter() if rewriter is not None else None
    report = build_report(
        cv,
        target=target,
        specialty=specialty,
        therapeutic_area=therapeutic_area,
        answers=confirmed,
        answers_path=answers,
        rewriter=improver,
    )
    sent = getattr(improver, "sent", [])
    if getattr(getattr(improver, "settings", None), "dry_run", False):
        return Result(source=Path(path), target=report.target, target_reason=report.target_reason, sent=sent)
    outputs = render_outputs(cv, report)
    if answers is not None and _same_file(answers, out_dir / TEMPLATE_NAME):
        del outputs[TEMPLATE_NAME]
    files = write_outputs(outputs, out_dir, force)
    return Result(
        source=Path(path), target=report.target, target_reason=report.target_reason, files=files, llm=report.llm
    )


def _same_file(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()


def _folder_name(path: Path) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", path.stem).strip("._") or "cv"


@dataclass
class Failure:
    source: Path
    message: str


def translate_many(
    sources: Sequence[Path | Reading],
    out_dir: Path,
    target: str | None = None,
    specialty: str | None = None,
    force: bool = False,
    progress: bool = False,
    therapeutic_area: str | None = None,
    answers: Path | None = None,
    rewriter: RewriterFactory | None = None,
) -> tuple[list[Result], list[Failure]]:
    """One CV (a file, or a Reading of it under way) into out_dir; several CVs into one sub-folder each.

    With several CVs a bad one does not stop the batch: it is reported as a Failure, and nothing is
    written for it. With one CV its error is raised.
    """
    if len(sources) == 1:
        return [translate_cv(sources[0], out_dir, target, specialty, force, therapeutic_area, answers, rewriter)], []
    if answers is not None:
        raise TranslatorError("--answers applies to one CV: its bullet ids belong to that CV")
    paths = [s.path if isinstance(s, Reading) else s for s in sources]
    names = [_folder_name(p) for p in paths]
    if len(set(names)) != len(names):
        raise TranslatorError("two CVs have the same file name; rename one so each gets its own folder")
    results: list[Result] = []
    failures: list[Failure] = []
    jobs = list(zip(paths, names, strict=True))
    if progress:
        import sys

        import click

        with click.progressbar(jobs, label="Translating", file=sys.stderr) as bar:
            _run_batch(bar, out_dir, target, specialty, force, therapeutic_area, rewriter, results, failures)
    else:
        _run_batch(jobs, out_dir, target, specialty, force, therapeutic_area, rewriter, results, failures)
    return results, failures


def _run_batch(
    jobs: Iterable[tuple[Path, str]],
    out_dir: Path,
    target: str | None,
    specialty: str | None,
    force: bool,
    therapeutic_area: str | None,
    rewriter: RewriterFactory | None,
    results: list[Result],
    failures: list[Failure],
) -> None:
    for path, name in jobs:
        try:
            results.append(
                translate_cv(path, out_dir / name, target, specialty, force, therapeutic_area, rewriter=rewriter)
            )
        except TranslatorError as exc:
            failures.append(Failure(source=path, message=str(exc)))


def _profile_from(
    cv_path: Path | None, specialty: str | None, institution: str | None, board_certified: bool | None
) -> tuple[Profile, list[str]]:
    if cv_path is not None:
        from translator.parse import read_cv

        cv = read_cv(cv_path)
        profile, lines = cv.profile, _cv_lines(cv)
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
    return content.headlines(profile, role, [])


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
    message = content.outreach(profile, role, therapeutic_area)
    return render("outreach.md.j2", outreach=message)
