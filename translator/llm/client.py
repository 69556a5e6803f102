"""One structured request to an OpenAI-compatible server, with bounded retries inside the run's deadline.

Structured output (json_schema) first; a server that rejects it is asked again in JSON mode, and the answer
is validated by the same pydantic model. Transient failures (timeouts, 429, 5xx, refused connections,
malformed, refused or truncated answers) are retried with backoff; then `LLMFailure` says why.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from translator.llm.settings import LLMSettings

if TYPE_CHECKING:
    import openai

Answer = TypeVar("Answer", bound=BaseModel)


_sleep = time.sleep  # tests record the waits instead of waiting


class LLMFailure(Exception):
    """A request that did not give a usable answer; the message is the report's fallback_reason."""


class _BadAnswer(Exception):
    pass


@dataclass
class Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0
    requests: int = 0


def request_body(settings: LLMSettings, messages: list[dict[str, str]], answer: type[BaseModel]) -> dict[str, Any]:
    """Exactly what `parse()` sends: the body --dry-run shows."""
    from openai.lib._parsing._completions import type_to_response_format_param

    return {"model": settings.model, "messages": messages, "response_format": type_to_response_format_param(answer)}


class Transport:
    def __init__(self, settings: LLMSettings) -> None:
        self.settings = settings
        self.usage = Usage()
        self._lock = threading.Lock()
        self._client: openai.OpenAI | None = None
        self._json_mode = False  # set once the server has said it does not take json_schema

    def _openai(self) -> openai.OpenAI:
        with self._lock:
            if self._client is None:
                import openai

                self._client = openai.OpenAI(
                    # A local server needs no key, but the client insists on one; it is never a secret.
                    api_key=self.settings.api_key or "no-key",
                    base_url=self.settings.endpoint,
                    max_retries=0,  # retries are ours, so that they stay inside the run's deadline
                )
            return self._client

    def complete(self, messages: list[dict[str, str]], answer: type[Answer], deadline: float) -> Answer:
        import openai

        reason = "timed out"
        for attempt in range(self.settings.retries + 1):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise LLMFailure("timed out")
            wait = self.settings.backoff * 2**attempt
            try:
                return self._once(messages, answer, remaining)
            except openai.RateLimitError as exc:
                reason = "rate limited (429)"
                wait = _retry_after(exc.response.headers) or wait
            except openai.APIStatusError as exc:
                if exc.status_code == 400 and _rejects_schema(exc):  # also when another thread found out first
                    self._json_mode = True
                    reason = "the server does not take structured output"
                    wait = 0
                elif exc.status_code >= 500 or exc.status_code in (408, 409):
                    reason = f"server error ({exc.status_code})"
                else:
                    raise LLMFailure(f"the server refused the request ({exc.status_code})") from exc
            except openai.APITimeoutError:
                reason = "timed out"
            except openai.APIConnectionError:
                reason = f"could not connect to {self.settings.endpoint}"
            except _BadAnswer as exc:
                reason = str(exc)
            if attempt < self.settings.retries:
                _sleep(max(0.0, min(wait, deadline - time.monotonic())))
        raise LLMFailure(reason)

    def _once(self, messages: list[dict[str, str]], answer: type[Answer], timeout: float) -> Answer:
        import openai

        client = self._openai()
        self._count()
        if self._json_mode:
            return self._json_once(client, messages, answer, timeout)
        try:
            completion = client.chat.completions.parse(
                model=self.settings.model,
                messages=_as_params(messages),
                response_format=answer,
                timeout=timeout,
            )
        except openai.LengthFinishReasonError as exc:
            raise _BadAnswer("truncated answer") from exc
        except openai.ContentFilterFinishReasonError as exc:
            raise _BadAnswer("the model refused") from exc
        except (ValidationError, ValueError) as exc:
            raise _BadAnswer("malformed answer") from exc
        self._add_usage(completion.usage)
        message = completion.choices[0].message
        if message.refusal:
            raise _BadAnswer("the model refused")
        if message.parsed is None:
            raise _BadAnswer("malformed answer")
        return message.parsed

    def _json_once(
        self, client: openai.OpenAI, messages: list[dict[str, str]], answer: type[Answer], timeout: float
    ) -> Answer:
        schema = json.dumps(answer.model_json_schema())
        ask = {"role": "system", "content": f"Answer with one JSON object that follows this JSON schema: {schema}"}
        completion = client.chat.completions.create(
            model=self.settings.model,
            messages=_as_params([*messages, ask]),
            response_format={"type": "json_object"},
            timeout=timeout,
        )
        self._add_usage(completion.usage)
        choice = completion.choices[0]
        if choice.finish_reason == "length":
            raise _BadAnswer("truncated answer")
        if getattr(choice.message, "refusal", None):
            raise _BadAnswer("the model refused")
        try:
            return answer.model_validate_json(choice.message.content or "")
        except ValidationError as exc:
            raise _BadAnswer("malformed answer") from exc

    def _count(self) -> None:
        with self._lock:
            self.usage.requests += 1

    def _add_usage(self, usage: Any) -> None:
        if usage is None:
            return
        with self._lock:
            self.usage.prompt_tokens += usage.prompt_tokens or 0
            self.usage.completion_tokens += usage.completion_tokens or 0


def _as_params(messages: list[dict[str, str]]) -> Any:
    """Plain role/content dicts are what the client's typed message params are at run time."""
    return messages


def _retry_after(headers: Any) -> float | None:
    try:
        seconds = float(headers.get("retry-after", ""))
    except ValueError:
        return None
    return seconds if 0 <= seconds <= 120 else None


def _rejects_schema(exc: Exception) -> bool:
    text = str(exc).lower()
    return "response_format" in text or "json_schema" in text
