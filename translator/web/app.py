"""The web page and the JSON API: FastAPI routes over the same pipeline as the CLI."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from translator.answers import parse_answers
from translator.errors import NameMissingError, TranslatorError, UnsupportedFormatError
from translator.mapping.roles import profile_for, role_profiles
from translator.models import COMPETENCIES, ParsedCV, Report
from translator.parse import read_cv_bytes
from translator.pipeline import with_name
from translator.render.labels import COMPETENCY_LABELS, wording
from translator.render.linkedin import DESCRIPTION_LIMIT
from translator.resources import render
from translator.targets import TARGET_ROLES
from translator.web.state import (
    PageCache,
    WebSettings,
    after_parts,
    all_outputs_zip,
    answers_from_form,
    answers_toml,
    build_page_report,
    decode_state,
    encode_state,
    parse_target,
)
from translator.web.upload import MAX_FILE_BYTES, Form, FormError, read_form

log = logging.getLogger("cv_translator.web")
STATIC = Path(__file__).resolve().parent / "static"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
LIMITS = {
    "headline": 220,
    "about": 2600,
    "about_visible": 300,
    "note": 200,
    "note_premium": 300,
    "message": 1900,
    "position": DESCRIPTION_LIMIT,
}
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# FastAPI's /docs page loads Swagger UI from a CDN and starts it with an inline script: only that page
# gets a policy that allows them (it holds no CV); /openapi.json itself works offline.
DOCS_CSP = (
    "default-src 'none'; script-src https://cdn.jsdelivr.net 'unsafe-inline'; style-src https://cdn.jsdelivr.net; "
    "img-src 'self' data: https://fastapi.tiangolo.com; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'"
)
MULTIPART_BODY = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "properties": {
                    "file": {"type": "string", "format": "binary", "description": "The CV: .docx, .pdf, .txt or .md"},
                    "target": {"type": "string", "enum": ["suggest", *TARGET_ROLES]},
                    "llm": {"type": "boolean", "description": "Use the LLM (when the server is configured for it)"},
                    "answers": {"type": "string", "description": "The answers file's TOML text"},
                },
            }
        }
    },
}


class Guard:
    """Security headers on every response, and no traceback ever reaches a client or the log.

    An unexpected error is logged by its type and place only (its message may quote the CV) and
    answered with a plain 500.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False
        begun = time.perf_counter()
        docs = scope["path"] == "/docs"

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", (DOCS_CSP if docs else CSP).encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"cache-control", b"no-store"),
                ]
                message = {**message, "headers": headers}
                log.info("%s %s → %s in %.0f ms", scope["method"], scope["path"], message["status"], _ms_since(begun))
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as exc:
            tb = exc.__traceback__
            while tb is not None and tb.tb_next is not None:
                tb = tb.tb_next
            where = f"{Path(tb.tb_frame.f_code.co_filename).name}:{tb.tb_lineno}" if tb else "?"
            log.error("internal error %s at %s", type(exc).__name__, where)
            if not started:
                body = _error_body(scope["path"], 500, "internal error; nothing was kept")
                await send_with_headers({"type": "http.response.start", "status": 500, "headers": body.raw_headers})
                await send({"type": "http.response.body", "body": body.body})


def _ms_since(begun: float) -> float:
    return (time.perf_counter() - begun) * 1000


def _error_body(path: str, status: int, message: str) -> Response:
    if path.startswith("/api/"):
        return JSONResponse({"error": message}, status_code=status)
    html = render("web/error.html", status=status, message=message)
    return HTMLResponse(html, status_code=status)


def _status_of(exc: TranslatorError) -> int:
    return 415 if isinstance(exc, UnsupportedFormatError) else 400


Handler = Callable[[Request], Awaitable[Response]]


def _refusing(handler: Handler) -> Handler:
    """Turn FormError and TranslatorError into the page's or the API's error response."""

    async def wrapped(request: Request) -> Response:
        try:
            return await handler(request)
        except FormError as exc:
            return _error_body(request.url.path, exc.status, str(exc))
        except TranslatorError as exc:
            return _error_body(request.url.path, _status_of(exc), str(exc))
        except ClientDisconnect:
            return Response(status_code=400)

    wrapped.__name__ = handler.__name__
    wrapped.__doc__ = handler.__doc__
    return wrapped


async def _form(request: Request) -> Form:
    return await read_form(
        request.headers.get("content-type", ""), request.headers.get("content-length"), request.stream()
    )


async def _upload(form: Form, settings: WebSettings) -> tuple[ParsedCV, Report, PageCache]:
    """The uploaded CV and optional answers text → the parsed CV and its report (off the event loop)."""
    upload = form.get("file")
    if upload is None or upload.filename is None:
        raise FormError(400, "no CV file in the upload (a form field named 'file')")
    if not upload.filename and not upload.data:
        raise FormError(400, "choose a CV file to upload")
    target = parse_target(form.text("target"))
    answers_part = form.get("answers")
    answers_text = answers_part.text if answers_part is not None else ""
    use_llm = _flag(form.text("llm"))
    data, filename = bytes(upload.data), upload.filename or "cv"
    log.info("upload: %d bytes, answers %d bytes", len(data), len(answers_text))

    cache = PageCache()

    name = form.text("name")

    def work() -> tuple[ParsedCV, Report, PageCache]:
        cv = read_cv_bytes(data, filename)
        try:
            cv = with_name(cv, name)
        except NameMissingError:
            raise NameMissingError(f"{filename}: no name found in the CV; give it in the 'name' field") from None
        answers = parse_answers(answers_text, "answers") if answers_text.strip() else None
        return cv, build_page_report(cv, target, answers, use_llm, settings, cache), cache

    return await run_in_threadpool(work)


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "on", "yes"}


def _attachment(data: bytes, name: str, media_type: str) -> Response:
    return Response(data, media_type=media_type, headers={"content-disposition": f'attachment; filename="{name}"'})


def _page(settings: WebSettings, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(render(template, llm_available=settings.llm_available, **context), status_code=status)


def _review_context(
    cv: ParsedCV, report: Report, cache: PageCache, chosen: str | None, use_llm: bool, notice: str = ""
) -> dict[str, Any]:
    roles = role_profiles()
    llm_summary = ""
    if report.llm is not None:
        from translator.llm.rewriter import summary_line

        llm_summary = summary_line(report.llm).removeprefix("llm: ")
    return {
        "cv": cv,
        "report": report,
        "role": profile_for(report.target, report.target_reason),
        "roles": roles,
        "chosen": chosen or "suggest",
        "use_llm": use_llm,
        "state": encode_state(cv, cache),
        "limits": LIMITS,
        "competencies": [(c, COMPETENCY_LABELS[c], report.coverage.get(c, 0)) for c in COMPETENCIES],
        "labels": COMPETENCY_LABELS,
        "wording": wording,
        "after_parts": after_parts,
        "notice": notice,
        "llm_summary": llm_summary,
    }


def create_app(settings: WebSettings | None = None) -> FastAPI:
    settings = settings or WebSettings()
    app = FastAPI(
        title="cv-translator",
        summary="Translate a physician's clinical CV into an industry resume, LinkedIn text and outreach.",
        version=_version(),
        redoc_url=None,
    )
    app.add_middleware(Guard)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def upload_page() -> HTMLResponse:
        return _page(settings, "web/upload.html", targets=role_profiles(), max_mb=MAX_FILE_BYTES // (1024 * 1024))

    @_refusing
    async def review(request: Request) -> Response:
        """The review page for an uploaded CV; the upload page again, asking for the name, when the CV has none."""
        form = await _form(request)
        try:
            cv, report, cache = await _upload(form, settings)
        except NameMissingError:
            return _page(
                settings,
                "web/upload.html",
                status=400,
                targets=role_profiles(),
                max_mb=MAX_FILE_BYTES // (1024 * 1024),
                ask_name=True,
            )
        chosen = parse_target(form.text("target"))
        context = _review_context(cv, report, cache, chosen, _flag(form.text("llm")))
        return _page(settings, "web/review.html", **context)

    @_refusing
    async def update(request: Request) -> Response:
        """Apply the ticked additions and the user's figures; show the page again or send a download."""
        form = await _form(request)
        state = decode_state(form.text("state"))
        cv, cache = state.cv, PageCache(state.llm_answers)
        chosen = parse_target(form.text("target"))
        use_llm = _flag(form.text("llm"))
        answers = answers_from_form(form.texts("confirm.") + form.texts("add."))
        report = await run_in_threadpool(build_page_report, cv, chosen, answers, use_llm, settings, cache)
        action = form.text("action") or "update"
        if action == "resume.docx":
            from translator.render.resume import build_resume

            return _attachment(await run_in_threadpool(build_resume, cv, report), "resume.docx", DOCX)
        if action == "answers.toml":
            return _attachment(answers_toml(report, cv.source), "answers.toml", "application/toml")
        if action == "outputs.zip":
            data = await run_in_threadpool(all_outputs_zip, cv, report)
            return _attachment(data, "cv-translator-outputs.zip", "application/zip")
        confirmed = sum(len(b.confirmed) for b in report.bullets)
        figures = sum(1 for b in report.bullets if b.user_text)
        notice = (
            f"Resume updated: {_count(confirmed, 'addition')} confirmed, "
            f"{_count(figures, 'bullet')} with your own words."
        )
        return _page(settings, "web/review.html", **_review_context(cv, report, cache, chosen, use_llm, notice))

    @_refusing
    async def api_translate(request: Request) -> Response:
        """Translate a CV: the report.json document (every bullet before and after, coverage, gaps, texts)."""
        _, report, _ = await _upload(await _form(request), settings)
        return Response(json.dumps(report.model_dump(mode="json"), ensure_ascii=False), media_type="application/json")

    @_refusing
    async def api_resume(request: Request) -> Response:
        """Translate a CV: the industry resume as a .docx."""
        from translator.render.resume import build_resume

        cv, report, _ = await _upload(await _form(request), settings)
        return _attachment(await run_in_threadpool(build_resume, cv, report), "resume.docx", DOCX)

    errors: dict[int | str, dict[str, Any]] = {
        400: {"description": "Bad input: the CLI's message", "content": {"application/json": {}}},
        413: {"description": "The upload is over 10 MB"},
        415: {"description": "Not a .docx, .pdf, .txt or .md file"},
    }
    app.add_api_route("/review", review, methods=["POST"], include_in_schema=False)
    app.add_api_route("/update", update, methods=["POST"], include_in_schema=False)
    app.add_api_route(
        "/api/translate",
        api_translate,
        methods=["POST"],
        openapi_extra={"requestBody": MULTIPART_BODY},
        responses={200: {"content": {"application/json": {}}}, **errors},
        summary="Translate a CV to report.json",
    )
    app.add_api_route(
        "/api/translate/resume.docx",
        api_resume,
        methods=["POST"],
        openapi_extra={"requestBody": MULTIPART_BODY},
        responses={200: {"content": {DOCX: {}}}, **errors},
        summary="Translate a CV to resume.docx",
    )
    return app


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("cv-translator")
    except PackageNotFoundError:
        return "0"
