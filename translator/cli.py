"""The command line: each command parses its options and calls one library function."""

from __future__ import annotations

import atexit
import contextlib
import gc
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from translator import regex_cache
from translator.errors import TranslatorError
from translator.targets import TARGET_ROLES

if TYPE_CHECKING:
    from translator.parse import Reading

TARGET_HELP = "Target role: " + ", ".join(TARGET_ROLES) + ". Without it, one is suggested from the CV."


class _Group(click.Group):
    """Every user error — a bad file, a bad option — is one line on stderr and exit status 2."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        # One command, no pydantic plugins: without this, pydantic scans every installed package's entry
        # points for plugins at the first model (~16 ms of a translate). Set before any model is built;
        # a user who has set the variable keeps their value.
        os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
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


# True in the `cv-translator` program (run()), false where main() is called in a process that goes on (tests).
_PROGRAM = False


def run() -> None:
    """The `cv-translator` program: main(), then the process ends without tearing the interpreter down.

    Python's teardown frees every object one by one and collects garbage a last time: ~10 ms of a translate,
    for nothing, since the outputs are written and closed by then. So the first exit handler registered, which
    runs last, flushes standard output and error and ends the process with the command's exit status; the
    handlers registered after it (the caches' saves, temporary files' clean-up) have run before it.
    """
    global _PROGRAM
    _PROGRAM = True
    # pydantic looks for plugins (observability hooks) in every installed package's metadata when the first model
    # is built: ~7 ms of a translate, for hooks this program does not use. A user's own setting wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    status = 1  # an exception that escapes main() is a bug: Python prints its traceback, and the status is 1

    def end() -> None:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):  # a closed pipe, a closed stream
                stream.flush()
        os._exit(status)

    atexit.register(end)
    try:
        main()
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
        raise


def _without_cycle_collection() -> None:
    """For a command that handles one CV and exits: no cyclic garbage collection for the rest of the process.

    Importing the stack and building its models sets off ~110 collections that free next to nothing: ~15 ms
    of translating the 3-page CV of bench/bench_translate.py, whose peak memory without them is 0.5 MB
    higher (50.9 MB against 50.3 MB); a CV of 3,000 bullets peaks 5 MB higher (97.5 MB against 92.5 MB) and
    runs 0.1 s faster. Reference counting still frees everything that is not in a cycle. Not for a batch of
    CVs or the server, which live long enough for cycles to add up.
    """
    gc.disable()


def _fail(message: str, status: int = 2) -> None:
    click.echo(f"cv-translator: error: {message}", err=True)
    sys.exit(status)


def _llm_options(func: Any) -> Any:
    for decorator in reversed(
        [
            click.option(
                "--llm",
                is_flag=True,
                help="Improve the wording with a language model (OpenAI or a compatible server); the fact guard "
                "keeps the rules' rewrite wherever the model adds or drops a fact.",
            ),
            click.option(
                "--api-key-file",
                type=click.Path(path_type=Path),
                help="File holding the API key (else OPENAI_API_KEY). The key is never printed or written.",
            ),
            click.option(
                "--base-url",
                help="OpenAI-compatible server, e.g. http://localhost:11434/v1 for Ollama (else OPENAI_BASE_URL).",
            ),
            click.option("--model", help="Model name (else CV_TRANSLATOR_MODEL, else gpt-4.1-mini)."),
            click.option(
                "--timeout",
                type=float,
                help="Seconds the whole LLM step may take (default 120); what is unfinished keeps the rules' text.",
            ),
            click.option(
                "--dry-run",
                is_flag=True,
                help="With --llm: print exactly what would be sent (personal details redacted); "
                "send and write nothing.",
            ),
        ]
    ):
        func = decorator(func)
    return func


class LLMChoice:
    """What the LLM options asked for; `factory` is None on the rules path."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.enabled = bool(options.pop("llm"))
        self.dry_run = bool(options.pop("dry_run"))
        self._options = {k: options.pop(k) for k in ("api_key_file", "base_url", "model", "timeout")}
        if self.dry_run and not self.enabled:
            raise click.UsageError("--dry-run shows what --llm would send; add --llm")
        if not self.enabled and any(v is not None for v in self._options.values()):
            given = next(k for k, v in self._options.items() if v is not None)
            raise click.UsageError(f"--{given.replace('_', '-')} applies only with --llm")
        self.settings = None
        if self.enabled:
            from translator.llm.settings import settings_from

            self.settings = settings_from(dry_run=self.dry_run, **self._options)

    def rewriter(self) -> Any:
        """A new LLM rewriter, or None on the rules path."""
        if not self.enabled:
            return None
        from translator.llm.rewriter import LLMRewriter

        return LLMRewriter(self.settings, progress=True)  # type: ignore[arg-type]

    @property
    def factory(self) -> Any:
        return self.rewriter if self.enabled else None


def _report_llm(rewriter: Any) -> None:
    """After an LLM run: the requests (with --dry-run) on stdout, else one summary line on stderr."""
    if rewriter is None:
        return
    if rewriter.settings.dry_run:
        _print_requests(rewriter.settings.endpoint, rewriter.sent)
        return
    from translator.llm.rewriter import summary_line

    click.echo(summary_line(rewriter.run()), err=True)


def _print_requests(endpoint: str, bodies: list[dict[str, Any]]) -> None:
    click.echo(f"# --dry-run: {len(bodies)} request(s) would be sent; nothing was sent and nothing written.")
    for n, body in enumerate(bodies, start=1):
        click.echo(f"# request {n} of {len(bodies)}: POST {endpoint.rstrip('/')}/chat/completions")
        click.echo(json.dumps(body, indent=2, ensure_ascii=False))


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


@main.command(short_help="Translate CVs into a resume, LinkedIn text, outreach and a report.")
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
@click.option("--name", help="Your name as the resume should show it, when the CV does not (one CV only).")
@_llm_options
def translate(
    cvs: tuple[Path, ...],
    out_dir: Path,
    target: str | None,
    specialty: str | None,
    force: bool,
    therapeutic_area: str | None,
    answers: Path | None,
    name: str | None,
    **llm_options: Any,
) -> None:
    """Translate one or more CVs (.docx, .pdf, .txt, .md) into industry documents.

    Writes resume.docx, linkedin.md, outreach.md, report.md, report.json and answers.template.toml, then
    prints one line per CV: the bullets read and reworded, the additions offered and confirmed, the target
    and the folder written.

    With several CVs, a CV that cannot be read is reported on stderr and the others are still
    translated; the exit status is then 2.
    """
    llm = LLMChoice(llm_options)
    sources: list[Path | Reading] = list(cvs)
    if len(cvs) == 1:
        _without_cycle_collection()
        if _PROGRAM:
            # The patterns compiled by an earlier run are kept; a process that goes on keeps re's own ways.
            regex_cache.install()
        from translator.parse import Reading

        # A .docx or PDF is read on the other core from now on, while the rest of the program loads.
        sources = [Reading(cvs[0])]
    from translator.pipeline import Options, translate_many

    options = Options(
        target=target,
        specialty=specialty,
        therapeutic_area=therapeutic_area,
        name=name,
        force=force,
        answers=answers,
        rewriter=llm.factory,
    )
    results, failures = translate_many(sources, out_dir, options, progress=sys.stderr.isatty() and len(cvs) > 1)
    for result in results:
        if llm.dry_run:
            click.echo(f"# {result.source}")
            _print_requests(llm.settings.endpoint, result.sent)  # type: ignore[union-attr]
            continue
        if result.llm is not None:
            from translator.llm.rewriter import summary_line

            click.echo(f"{result.source}: {summary_line(result.llm)}", err=True)
        if result.report is not None:
            from translator.report import run_summary

            folder = result.files[0].parent if result.files else out_dir
            click.echo(f"{result.source}: {run_summary(result.report)} → {folder}{os.sep}")
        for warning in result.report.warnings if result.report else []:
            click.echo(f"cv-translator: warning: {result.source}: {warning}", err=True)
    for failure in failures:
        click.echo(f"cv-translator: error: {failure.message}", err=True)
    if failures:
        sys.exit(2)


@main.command(short_help="Translate bullets, one per line, from FILE or standard input.")
@click.argument("file", default="-", type=click.File("r", encoding="utf-8", errors="replace"))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per input line ({} for a blank line).")
@click.option(
    "--target",
    type=click.Choice(TARGET_ROLES),
    help="Target role: the questions it asks, and with --llm the industry the wording is aimed at.",
)
@_llm_options
def bullets(file: Any, as_json: bool, target: str | None, **llm_options: Any) -> None:
    """Translate bullets, one per line, from FILE or standard input."""
    from translator.answers import assign_ids
    from translator.mapping.translate import translate_bullet
    from translator.models import Profile

    llm = LLMChoice(llm_options)
    lines = [line.strip() for line in file]
    results = [translate_bullet(line, target=target) for line in lines if line]
    assign_ids(results)
    rewriter = llm.rewriter()
    if rewriter is not None:
        rewriter.improve(results, None, Profile(), target or "medical-affairs")
        _report_llm(rewriter)
        if llm.dry_run:
            return
    fields = {"id", "text", "rewrite", "competencies", "experience", "rule", "source", "fallback_reason", "suggestions"}
    if as_json:  # one object per input line: a blank line gives {}
        translated = iter(results)
        for line in lines:
            found = next(translated).model_dump(include=fields) if line else {}
            click.echo(json.dumps(found, ensure_ascii=False))
        return
    for result in results:  # blank lines are skipped
        tags = ", ".join(result.competencies) or "no competency shown"
        click.echo(f"{result.text}\n  → {result.rewrite}\n  [{tags}; {result.experience}]")


@main.command(short_help="Print the parsed CV as JSON.")
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


@main.command(short_help="Print three LinkedIn headline variants.")
@_profile_options
@_llm_options
def headline(
    cv: Path | None,
    specialty: str | None,
    institution: str | None,
    board_certified: bool | None,
    target: str | None,
    **llm_options: Any,
) -> None:
    """Print three LinkedIn headline variants, from a CV or from the options."""
    from translator.commands import headlines_for

    llm = LLMChoice(llm_options)
    rewriter = llm.rewriter()
    lines = headlines_for(
        cv,
        specialty=specialty,
        institution=institution,
        board_certified=board_certified,
        target=target,
        rewriter=rewriter,
    )
    _report_llm(rewriter)
    if llm.dry_run:
        return
    for line in lines:
        click.echo(f"{line}  ({len(line)} characters)")


@main.command(short_help="Print the outreach note, message, call agenda and searches.")
@_profile_options
@click.option("--therapeutic-area", help="Therapeutic area you are aiming for, e.g. 'oncology'.")
@_llm_options
def outreach(
    cv: Path | None,
    specialty: str | None,
    institution: str | None,
    board_certified: bool | None,
    target: str | None,
    therapeutic_area: str | None,
    **llm_options: Any,
) -> None:
    """Print the outreach note, message, call agenda and search strings."""
    from translator.commands import outreach_text

    llm = LLMChoice(llm_options)
    rewriter = llm.rewriter()
    text = outreach_text(
        cv,
        specialty=specialty,
        institution=institution,
        board_certified=board_certified,
        target=target,
        therapeutic_area=therapeutic_area,
        rewriter=rewriter,
    )
    _report_llm(rewriter)
    if not llm.dry_run:
        click.echo(text, nl=False)


@main.command(short_help="Start the local review page.")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; 127.0.0.1 keeps the page on this computer.",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option(
    "--api-key-file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="File holding an OpenAI API key, so the page offers the language model (else OPENAI_API_KEY).",
)
@click.option("--base-url", help="Base URL of an OpenAI-compatible server (else OPENAI_BASE_URL).")
@click.option("--model", help="Model name for the language model (else CV_TRANSLATOR_MODEL, else gpt-4.1-mini).")
def serve(host: str, port: int, api_key_file: Path | None, base_url: str | None, model: str | None) -> None:
    """Start the local web page: upload a CV, review every change, download the resume."""
    try:
        from translator.web.server import serve as run_server
        from translator.web.state import WebSettings
    except ImportError as exc:
        raise TranslatorError(
            f"the web page needs the 'web' extra ({exc.name} is missing): pip install 'cv-translator[web]'"
        ) from exc
    run_server(host, port, WebSettings.from_options(api_key_file, base_url, model))
