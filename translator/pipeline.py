"""The whole translation, step by step: read → translate bullets → compose → render → write; one CV or a
batch of them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from translator.answers import load_answers
from translator.errors import NameMissingError, TranslatorError
from translator.mapping.roles import role_profiles
from translator.models import LLMRun, ParsedCV, Report
from translator.outputs import TEMPLATE_NAME, render_outputs, write_outputs
from translator.parse import Reading
from translator.report import build_report

if TYPE_CHECKING:
    from translator.llm.rewriter import Rewriter


@dataclass
class Result:
    source: Path
    target: str
    target_reason: str
    files: list[Path] = field(default_factory=list)
    llm: LLMRun | None = None
    sent: list[dict[str, Any]] = field(default_factory=list)  # with --dry-run: what would have been sent
    report: Report | None = None


RewriterFactory = Callable[[], "Rewriter"]


@dataclass(frozen=True)
class Options:
    """What the user asked for, for every CV of a run."""

    target: str | None = None
    specialty: str | None = None
    therapeutic_area: str | None = None
    name: str | None = None  # the physician's name, when the CV does not show it
    force: bool = False
    answers: Path | None = None
    rewriter: RewriterFactory | None = None


def _prepare() -> None:
    """What a translation loads after reading the CV, loaded while a child process reads it."""
    import docx  # noqa: F401  # the resume is written with it (the reading child imports its own)

    from translator.mapping import english
    from translator.mapping.rule_files import glossary, rules, verbs
    from translator.render import resume  # noqa: F401
    from translator.resources import template_env
    from translator.specialties import specialties

    rules(), glossary(), verbs(), role_profiles(), specialties()
    english.preload()
    for name in ("linkedin.md.j2", "outreach.md.j2", "report.md.j2", "answers.template.toml.j2"):
        template_env().get_template(name)


def with_name(cv: ParsedCV, name: str | None) -> ParsedCV:
    """The CV with the physician's name: the one given (`--name`, the page's field) or its own; one clear
    error when it has none, since every output is addressed from it."""
    if name and name.strip():
        cv.profile.name = " ".join(name.split())
    if not cv.profile.name:
        raise NameMissingError(
            f'{Path(cv.source).name}: no name found in the CV; give it with --name "Your Name" and run again'
        )
    return cv


def translate_cv(source: Path | Reading, out_dir: Path, options: Options = Options()) -> Result:
    """Read one CV, translate it and write the outputs into out_dir (all of them or none).

    `source` is the CV file, or a Reading of it already under way. With `options.answers`, the confirmed
    additions and the user's own words are applied; that file itself is never overwritten, even when it is the
    answers template in out_dir. With a rewriter in dry-run mode, nothing is sent and nothing is written: the
    Result holds the requests that would have been sent.
    """
    reading = source if isinstance(source, Reading) else Reading(source)
    path = reading.path
    answers = options.answers
    with reading:
        confirmed = load_answers(answers) if answers is not None else None
        cv = with_name(reading.cv(meanwhile=_prepare), options.name)
    improver = options.rewriter() if options.rewriter is not None else None
    report = build_report(
        cv,
        target=options.target,
        specialty=options.specialty,
        therapeutic_area=options.therapeutic_area,
        answers=confirmed,
        answers_path=answers,
        rewriter=improver,
    )
    sent = getattr(improver, "sent", [])
    result = Result(source=Path(path), target=report.target, target_reason=report.target_reason, report=report)
    if getattr(getattr(improver, "settings", None), "dry_run", False):
        result.sent = sent
        return result
    outputs = render_outputs(cv, report)
    if answers is not None and _same_file(answers, out_dir / TEMPLATE_NAME):
        del outputs[TEMPLATE_NAME]
    result.files = write_outputs(outputs, out_dir, options.force)
    result.llm = report.llm
    return result


def _same_file(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()


def _folder_name(path: Path) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", path.stem).strip("._") or "cv"


@dataclass
class Failure:
    source: Path
    message: str


def translate_many(
    sources: Sequence[Path | Reading], out_dir: Path, options: Options = Options(), progress: bool = False
) -> tuple[list[Result], list[Failure]]:
    """One CV (a file, or a Reading of it under way) into out_dir; several CVs into one sub-folder each.

    With several CVs a bad one does not stop the batch: it is reported as a Failure, and nothing is
    written for it. With one CV its error is raised.
    """
    if len(sources) == 1:
        return [translate_cv(sources[0], out_dir, options)], []
    if options.answers is not None:
        raise TranslatorError("--answers applies to one CV: its bullet ids belong to that CV")
    if options.name is not None:
        raise TranslatorError("--name applies to one CV: translate a CV without a name on its own")
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
            _run_batch(bar, out_dir, options, results, failures)
    else:
        _run_batch(jobs, out_dir, options, results, failures)
    return results, failures


def _run_batch(
    jobs: Iterable[tuple[Path, str]],
    out_dir: Path,
    options: Options,
    results: list[Result],
    failures: list[Failure],
) -> None:
    for path, name in jobs:
        try:
            results.append(translate_cv(path, out_dir / name, options))
        except TranslatorError as exc:
            failures.append(Failure(source=path, message=str(exc)))
