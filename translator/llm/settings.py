"""Where the LLM is, which model, and how long a run may take: from options, then the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from translator.errors import TranslatorError

DEFAULT_MODEL = "gpt-4.1-mini"
BATCH_SIZE = 20  # bullets per request: the bound, and small enough to keep answers short
CONCURRENCY = 4  # requests in flight at once


@dataclass(frozen=True)
class LLMSettings:
    model: str = DEFAULT_MODEL
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)  # never printed, logged or written
    timeout: float = 120.0  # seconds for the whole run
    dry_run: bool = False
    batch_size: int = BATCH_SIZE
    concurrency: int = CONCURRENCY
    retries: int = 2  # extra attempts per request after the first
    backoff: float = 1.0  # seconds before the first retry; doubles each time

    @property
    def endpoint(self) -> str:
        return self.base_url or "https://api.openai.com/v1"


def settings_from(
    api_key_file: Path | None = None,
    base_url: str | None = None,
    model: str | None = None,
    timeout: float | None = None,
    dry_run: bool = False,
) -> LLMSettings:
    """Settings from the options, else OPENAI_API_KEY, OPENAI_BASE_URL and CV_TRANSLATOR_MODEL.

    A local server (Ollama, vLLM, LM Studio, llama.cpp) needs only a base URL; OpenAI needs a key.
    `--dry-run` sends nothing, so it needs neither.
    """
    key = _read_key(api_key_file) if api_key_file else os.environ.get("OPENAI_API_KEY") or None
    url = base_url or os.environ.get("OPENAI_BASE_URL") or None
    if not key and not url and not dry_run:
        raise TranslatorError(
            "--llm needs an API key (--api-key-file or OPENAI_API_KEY) "
            "or a local server (--base-url or OPENAI_BASE_URL)"
        )
    if timeout is not None and timeout <= 0:
        raise TranslatorError("--timeout must be a positive number of seconds")
    return LLMSettings(
        model=model or os.environ.get("CV_TRANSLATOR_MODEL") or DEFAULT_MODEL,
        base_url=url,
        api_key=key,
        timeout=timeout if timeout is not None else LLMSettings.timeout,
        dry_run=dry_run,
    )


def _read_key(path: Path) -> str:
    try:
        key = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise TranslatorError(f"{path}: cannot read the API key file ({type(exc).__name__})") from exc
    if not key or len(key.split()) != 1:
        raise TranslatorError(f"{path}: the API key file must hold the key alone, on one line")
    return key
