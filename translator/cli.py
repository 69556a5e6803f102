"""The command line: each command parses its options and calls one library function."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from translator.errors import TranslatorError
from translator.models import TARGET_ROLES

TARGET_HELP = "Target role: " + ", ".join(TARGET_ROLES) + ". Without it, one is suggested from the CV."


class _Group(click.Group):
    """Every user error — a bad file, a bad option — is one line on stderr and exit status 2."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            result = super().main(*args, **kwargs)
        except TranslatorError as exc:
            _fail(str(exc))
        except click.exceptions.NoArgsIsHelpError as exc:  # bare "cv-translator": show the help
            click.echo(exc.format_message(), err=True)
            sys.exit(2)
        except click.ClickException as exc:  # usage errors: a missing argument, an unknown option value
            _fail(exc.format_message(), exc.exit_code)
        except click.exceptions.Abort:
            _fail("interrupted; nothing was written", 130)
        sys.exit(result if isinstance(result, int) else 0)


def _fail(message: str, status: int = 2) -> None:
    click.echo(f"cv-translator: error: {message}", err=True)
    sys.exit(status)


@click.group(
    cls=_Group,
    epilog="\b\nExamples:\n  cv-translator translate my_cv.docx -o out --target medical-affairs\n"
    "  cv-translator bullets --json < bullets.txt",
)
@click.version_option(package_name="cv-translator")
def main() -> None:
    """Translate a physician's clinical CV into an industry resume, LinkedIn text and outreach.

    Rules-only by default: nothing leaves your machine.
    """


@main.command()
@click.argument("cvs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--out",
    "out_dir",
    default="out",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder to write the outputs into; with several CVs, one sub-folder per CV.",
)
@click.option("--target", type=click.Choice(TARGET_ROLES), help=TARGET_HELP)
@click.option("--specialty", help="Your specialty, when the CV does not make it clear.")
@click.option("--force", is_flag=True, help="Overwrite output files that already exist.")
@click.option("--therapeutic-area", help="Therapeutic area you are aiming for, used in the outreach message.")
@click.option(
    "--answers",
    type=click.Path(path_type=Path),
    help="TOML file of confirmed additions and your own words per bullet (start from answers.template.toml).",
)
def translate(
    cvs: tuple[Path, ...],
    out_dir: Path,
    target: str | None,
    specialty: str | None,
    force: bool,
    therapeutic_area: str | None,
    answers: Path | None,
) -> None:
    """Translate one or more CVs (.docx, .pdf, .txt, .md) into industry documents.

    With several CVs, a CV that cannot be read is reported on stderr and the others are still
    translated; the exit status is then 2.
    """
    from translator.pipeline import translate_many

    results, failures = translate_many(
        list(cvs),
        out_dir,
        target=target,
        specialty=specialty,
        force=force,
        progress=sys.stderr.isatty() and len(cvs) > 1,
        therapeutic_area=therapeutic_area,
        answers=answers,
    )
    for result in results:
        click.echo(f"{result.source}:")
        for path in result.files:
            click.echo(f"  {path}")
        click.echo(f"  target: {result.target} ({result.target_reason})")
    for failure in failures:
        click.echo(f"cv-translator: error: {failure.message}", err=True)
    if failures:
        sys.exit(2)


@main.command()
@click.argument("file", default="-", type=click.File("r", encoding="utf-8", errors="replace"))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per input line.")
@click.option(
    "--target",
    type=click.Choice(TARGET_ROLES),
    help="Target role (accepted for symmetry; rules do not depend on it yet).",
)
def bullets(file: Any, as_json: bool, target: str | None) -> None:
    """Translate bullets, one per line, from FILE or standard input."""
    from translator.answers import bullet_id
    from translator.mapping.translate import translate_bullet

    for line in file:
        text = line.strip()
        if not text:
            continue
        result = translate_bullet(text, target=target)
        if as_json:
            fields = ("id", "text", "rewrite", "competencies", "experience", "rule", "source", "suggestions")
            result.id = bullet_id(text)
            click.echo(json.dumps(result.model_dump(include=set(fields)), ensure_ascii=False))
        else:
            tags = ", ".join(result.competencies) or "no competency shown"
            click.echo(f"{result.text}\n  → {result.rewrite}\n  [{tags}; {result.experience}]")


@main.command()
@click.argument("cv", type=click.Path(path_type=Path))
def parse(cv: Path) -> None:
    """Print the parsed CV (profile, sections, entries, bullets) as JSON."""
    from translator.parse import read_cv

    click.echo(read_cv(cv).model_dump_json(indent=2))


def _profile_options(func: Any) -> Any:
    for decorator in reversed(
        [
            click.argument("cv", required=False, type=click.Path(path_type=Path)),
            click.option("--specialty", help="Your specialty, e.g. 'internal medicine'."),
            click.option("--institution", help="Where you practise now, e.g. 'Mercy Hospital'."),
            click.option(
                "--board-certified/--not-board-certified",
                default=None,
                help="Whether you are board certified (read from the CV when one is given).",
            ),
            click.option("--target", type=click.Choice(TARGET_ROLES), help=TARGET_HELP),
        ]
    ):
        func = decorator(func)
    return func


@main.command()
@_profile_options
def headline(
    cv: Path | None,
    specialty: str | None,
    institution: str | None,
    board_certified: bool | None,
    target: str | None,
) -> None:
    """Print three LinkedIn headline variants, from a CV or from the options."""
    from translator.pipeline import headlines_for

    for line in headlines_for(
        cv, specialty=specialty, institution=institution, board_certified=board_certified, target=target
    ):
        click.echo(f"{line}  ({len(line)} characters)")


@main.command()
@_profile_options
@click.option("--therapeutic-area", help="Therapeutic area you are aiming for, e.g. 'oncology'.")
def outreach(
    cv: Path | None,
    specialty: str | None,
    institution: str | None,
    board_certified: bool | None,
    target: str | None,
    therapeutic_area: str | None,
) -> None:
    """Print the outreach note, message, call agenda and search strings."""
    from translator.pipeline import outreach_text

    click.echo(
        outreach_text(
            cv,
            specialty=specialty,
            institution=institution,
            board_certified=board_certified,
            target=target,
            therapeutic_area=therapeutic_area,
        ),
        nl=False,
    )
