"""What the page adds around the pipeline: the LLM switch, answers from the form, state kept in the page."""

from __future__ import annotations

import base64
import binascii
import io
import os
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import Field, ValidationError

from translator.answers import Answers, BulletAnswer, dump_answers
from translator.errors import TranslatorError
from translator.llm.cache import AnswerCache
from translator.models import BulletTranslation, ParsedCV, Report, StrictModel
from translator.outputs import render_outputs
from translator.report import build_report
from translator.targets import TARGET_ROLES

if TYPE_CHECKING:
    from translator.llm.settings import LLMSettings

ANSWERS_NAME = "answers from the page"  # how answer errors name their source on the page
CONFIRM_PREFIX = "confirm."  # checkbox confirm.<bullet id>, value <suggestion id>
ADD_PREFIX = "add."  # text field add.<bullet id>: the user's own words
MAX_STATE_CHARS = 2 * 1024 * 1024


@dataclass(frozen=True)
class WebSettings:
    """What the server was started with: the language model, when a key or base URL is configured.

    The settings hold the API key; it is never printed or sent to a page.
    """

    llm: LLMSettings | None = None

    @property
    def llm_available(self) -> bool:
        return self.llm is not None

    @classmethod
    def from_options(
        cls, api_key_file: Path | None = None, base_url: str | None = None, model: str | None = None
    ) -> WebSettings:
        """The LLM's settings as `translate --llm` reads them, when the options or the environment name
        a key or a server; otherwise the page offers rules only."""
        configured = api_key_file or base_url or os.environ.get("OPENAI_API_KEY") or os.environ.get("OPENAI_BASE_URL")
        if not configured:
            return cls()
        from translator.llm.settings import settings_from

        return cls(llm=settings_from(api_key_file=api_key_file, base_url=base_url, model=model))


class PageCache(AnswerCache):
    """The model's answers for one CV, carried in the page's state instead of the user's cache folder.

    The server keeps nothing of a CV; and "Update resume" must see the same rewrites and the same offered
    additions as the review did (a confirmed id must name the words the user saw), without asking again.
    """

    def __init__(self, entries: dict[str, dict[str, Any]] | None = None) -> None:
        self.entries: dict[str, dict[str, Any]] = dict(entries or {})

    def get(self, key: str) -> dict[str, Any] | None:
        return self.entries.get(key)

    def put(self, key: str, value: dict[str, Any]) -> None:
        self.entries[key] = value


def build_page_report(
    cv: ParsedCV,
    target: str | None,
    answers: Answers | None,
    use_llm: bool,
    settings: WebSettings,
    cache: PageCache | None = None,
) -> Report:
    """The one place where the page's and the API's LLM switch reaches the pipeline."""
    rewriter = None
    if use_llm:
        if settings.llm is None:
            raise TranslatorError(
                "this server has no language model configured (start it with --api-key-file or --base-url)"
            )
        from translator.llm.rewriter import LLMRewriter

        rewriter = LLMRewriter(settings.llm, cache=cache if cache is not None else PageCache())
    return build_report(cv, target=target, answers=answers, answers_path=Path(ANSWERS_NAME), rewriter=rewriter)


def parse_target(value: str | None) -> str | None:
    """'' or 'suggest' lets the pipeline suggest one; anything else must be a known role."""
    if not value or value == "suggest":
        return None
    if value not in TARGET_ROLES:
        raise TranslatorError(f"unknown target {value!r}; choose one of {', '.join(TARGET_ROLES)}")
    return value


def answers_from_form(fields: list[tuple[str, str]]) -> Answers:
    """confirm.<id> checkboxes and add.<id> text fields → the same Answers an answers.toml gives the CLI."""
    bullets: dict[str, BulletAnswer] = {}
    for name, value in fields:
        if name.startswith(CONFIRM_PREFIX):
            bid = name.removeprefix(CONFIRM_PREFIX)
            bullets.setdefault(bid, BulletAnswer()).confirm.append(value)
        elif name.startswith(ADD_PREFIX) and value.strip():
            bid = name.removeprefix(ADD_PREFIX)
            bullets.setdefault(bid, BulletAnswer()).add = " ".join(value.split())
    return Answers(bullets=bullets)


def after_parts(bullet: BulletTranslation) -> list[tuple[str, bool]]:
    """The rewrite in pieces, each marked True when it is words the user confirmed or wrote."""
    added = [s.addition for s in bullet.suggestions if s.id in bullet.confirmed and s.addition]
    added += [bullet.user_text] if bullet.user_text else []
    parts: list[tuple[str, bool]] = [(bullet.rewrite, False)]
    for words in added:
        for i, (text, mine) in enumerate(parts):
            at = text.rfind(words) if not mine else -1
            if at >= 0:
                pieces = [(text[:at], False), (words, True), (text[at + len(words) :], False)]
                parts[i : i + 1] = [p for p in pieces if p[0]]
                break
    return parts


def answers_in(report: Report) -> Answers:
    """What the report says the user confirmed and wrote: the answers.toml to download."""
    return Answers(
        bullets={
            b.id: BulletAnswer(confirm=list(b.confirmed), add=b.user_text)
            for b in report.bullets
            if b.confirmed or b.user_text
        }
    )


def answers_toml(report: Report, source: str) -> bytes:
    header = f"# What you confirmed on the web page for {' '.join(source.split())}.\n"
    return (header + dump_answers(answers_in(report), report.bullets)).encode()


def all_outputs_zip(cv: ParsedCV, report: Report) -> bytes:
    """Every file the CLI writes, and the answers confirmed on the page, in one zip."""
    outputs = render_outputs(cv, report) | {"answers.toml": answers_toml(report, cv.source)}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in outputs.items():
            archive.writestr(name, data)
    return buffer.getvalue()


class PageState(StrictModel):
    """What the review page carries between requests: the parsed CV and the model's answers for it."""

    cv: ParsedCV
    llm_answers: dict[str, dict[str, Any]] = Field(default_factory=dict)


def encode_state(cv: ParsedCV, cache: PageCache | None = None) -> str:
    """Compressed for a hidden field: the page carries it, the server keeps nothing."""
    state = PageState(cv=cv, llm_answers=cache.entries if cache is not None else {})
    return base64.urlsafe_b64encode(zlib.compress(state.model_dump_json().encode(), 6)).decode("ascii")


def decode_state(value: str | None) -> PageState:
    if not value:
        raise TranslatorError("the page lost its CV; upload the CV again")
    if len(value) > MAX_STATE_CHARS:
        raise TranslatorError("the page's state is too large; upload the CV again")
    try:
        raw = zlib.decompressobj().decompress(base64.urlsafe_b64decode(value.encode("ascii")), 16 * MAX_STATE_CHARS)
        return PageState.model_validate_json(raw)
    except (binascii.Error, UnicodeEncodeError, ValueError, zlib.error, ValidationError):
        raise TranslatorError("the page's state is damaged; upload the CV again") from None
