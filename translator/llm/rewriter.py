"""Rewriters: the rules' (keep what the rules wrote) and the LLM's (batched, cached, guarded per bullet).

The LLM rewriter sends redacted batches of at most 20 bullets, a few at a time, and takes a model's
rewrite only where the guard finds nothing added, dropped or left over; everywhere else the rules'
rewrite stays, with the reason in `fallback_reason`. What the model would add becomes a confirmable
suggestion, never resume text.
"""

from __future__ import annotations

import hashlib
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Protocol

from pydantic import BaseModel

from translator.answers import Answers
from translator.guard import MAX_WORDS, review_addition, review_rewrite, review_text
from translator.llm.cache import AnswerCache, key_for
from translator.llm.client import LLMFailure, Transport, request_body
from translator.llm.redact import Redactor
from translator.llm.settings import LLMSettings
from translator.llm.wire import BatchIn, BatchOut, BulletIn, ProfileIn, ProfileOut
from translator.mapping.classify import competencies_of, in_order, matching_rules
from translator.models import BulletTranslation, LLMRun, Profile, ProfileTexts, Suggestion
from translator.resources import template_env

BULLET_PROMPT = "rewrite_bullets.md.j2"
PROFILE_PROMPT = "profile_texts.md.j2"
LIMITS = {"headlines": 220, "about": 2600, "summary": 600, "connection_note": 200, "message": 1900}
_SKIPPED = {"placeholder"}  # template text: nothing of the user's to improve


class Rewriter(Protocol):
    def improve(
        self, bullets: list[BulletTranslation], drafts: ProfileTexts | None, profile: Profile, target: str
    ) -> None: ...

    def improve_texts(
        self, texts: ProfileTexts, profile: Profile, evidence: list[str], answers: Answers | None
    ) -> None: ...

    def run(self) -> LLMRun | None: ...


class RulesRewriter:
    """The default: the rules' rewrites stand as they are, and nothing is sent anywhere."""

    def improve(
        self, bullets: list[BulletTranslation], drafts: ProfileTexts | None, profile: Profile, target: str
    ) -> None:
        return None

    def improve_texts(
        self, texts: ProfileTexts, profile: Profile, evidence: list[str], answers: Answers | None
    ) -> None:
        return None

    def run(self) -> LLMRun | None:
        return None


@cache
def prompt_version(name: str) -> str:
    env = template_env("prompts")
    assert env.loader is not None
    source, _, _ = env.loader.get_source(env, name)
    found = re.search(r'\{%-?\s*set version = "([^"]+)"', source)
    if not found:
        raise AssertionError(f"prompts/{name} has no version")
    return found.group(1)


@dataclass
class LLMRewriter:
    settings: LLMSettings
    progress: bool = False
    cache: AnswerCache = field(default_factory=AnswerCache)
    sent: list[dict[str, Any]] = field(default_factory=list)  # request bodies, for --dry-run
    _transport: Transport | None = None
    _cache_hits: int = 0
    _bullets_sent: int = 0
    _from_llm: int = 0
    _fallbacks: Counter[str] = field(default_factory=Counter)
    _texts: dict[str, str] = field(default_factory=dict)
    _profile_answer: Any = None  # ProfileOut, or the LLMFailure that stopped it
    _redactor: Redactor = field(default_factory=Redactor)  # what was redacted, to restore in the answers
    _draft_words: str = ""  # the rules' texts the model was given: it may reuse their words
    _started: float = field(default_factory=time.monotonic)

    @property
    def deadline(self) -> float:
        return self._started + self.settings.timeout

    @property
    def transport(self) -> Transport:
        if self._transport is None:
            self._transport = Transport(self.settings)
        return self._transport

    # -- bullets ---------------------------------------------------------------------------------------

    def improve(
        self, bullets: list[BulletTranslation], drafts: ProfileTexts | None, profile: Profile, target: str
    ) -> None:
        """Send the bullets (batches of at most 20) and, with `drafts`, the profile texts, all at once; take
        each bullet's rewrite where the guard allows. The profile answer waits for `improve_texts`."""
        redactor = self._redactor = Redactor.for_profile(profile)
        todo = [b for b in bullets if b.experience not in _SKIPPED]
        self._bullets_sent += len(todo)
        size = self.settings.batch_size
        batches = [todo[i : i + size] for i in range(0, len(todo), size)]
        requests: list[tuple[list[dict[str, str]], str, type[BaseModel]]] = [
            (*self._bullet_request(batch, target, redactor), BatchOut) for batch in batches
        ]
        if drafts is not None:
            requests.append((*self._texts_request(drafts, profile, target, bullets, redactor), ProfileOut))
        if self.settings.dry_run:
            self.sent += [request_body(self.settings, messages, answer) for messages, _, answer in requests]
            return
        answers = self._answers(requests)
        if drafts is not None:
            self._profile_answer = answers.pop()
        for batch, answer in zip(batches, answers, strict=True):
            if isinstance(answer, LLMFailure):
                for bullet in batch:
                    self._fall_back(bullet, str(answer))
                continue
            self._take(batch, answer, redactor)

    def _bullet_request(
        self, batch: list[BulletTranslation], target: str, redactor: Redactor
    ) -> tuple[list[dict[str, str]], str]:
        from translator.mapping.roles import role_profiles
        from translator.mapping.rule_files import rules

        kinds = {b.experience for b in batch}
        examples = [e for r in rules() if r.experience in kinds for e in r.examples][:12]
        system = (
            template_env("prompts")
            .get_template(BULLET_PROMPT)
            .render(target_label=role_profiles()[target].name, examples=examples, max_words=MAX_WORDS)
        )
        payload = BatchIn(
            target=target,
            bullets=[
                BulletIn(
                    id=b.id,
                    text=redactor.redact(b.text),
                    section=redactor.redact(b.section),
                    entry=redactor.redact(b.entry),
                    draft=redactor.redact(b.rewrite),
                    competencies=b.competencies,
                    experience=b.experience,
                )
                for b in batch
            ],
        )
        messages = [
            {"role": "system", "content": system},
            {"role": "user", "content": payload.model_dump_json()},
        ]
        return messages, self._key(BULLET_PROMPT, messages, BatchOut)

    def _take(self, batch: list[BulletTranslation], answer: BatchOut, redactor: Redactor) -> None:
        counts = Counter(a.id for a in answer.bullets)
        by_id = {a.id: a for a in answer.bullets}
        strays = set(by_id) - {b.id for b in batch}
        for bullet in batch:
            got = by_id.get(bullet.id)
            if got is None:
                self._fall_back(bullet, "missing from the answer (wrong id)" if strays else "missing from the answer")
                continue
            if counts[bullet.id] > 1:
                self._fall_back(bullet, "answered twice")
                continue
            rewrite = redactor.restore(got.rewrite).strip().rstrip(".")
            self._offer(bullet, got.additions, rewrite, redactor)
            if reason := review_rewrite(bullet.text, rewrite):
                self._fall_back(bullet, reason)
                continue
            bullet.rewrite = rewrite
            bullet.source = "llm"
            bullet.fallback_reason = None
            shown = set(bullet.competencies) | set(competencies_of(matching_rules(f"{bullet.text} ; {rewrite}")))
            bullet.competencies = in_order(shown)
            self._from_llm += 1

    def _offer(self, bullet: BulletTranslation, additions: list[Any], rewrite: str, redactor: Redactor) -> None:
        """The model's additions become suggestions the user may confirm; ids are stable for the same words."""
        have = {s.addition.lower() for s in bullet.offers if s.addition}
        for item in additions[:2]:
            words = redactor.restore(item.addition).strip().rstrip(".")
            question = redactor.restore(item.question).strip()
            if not question or words.lower() in have or not review_addition(words, rewrite):
                continue
            sid = "llm-" + hashlib.sha256(words.lower().encode()).hexdigest()[:6]
            bullet.suggestions.append(Suggestion(id=sid, question=question, addition=words))
            have.add(words.lower())

    def _fall_back(self, bullet: BulletTranslation, reason: str) -> None:
        bullet.source = "rules"
        bullet.fallback_reason = reason
        self._fallbacks[_reason_kind(reason)] += 1

    # -- headlines, About, Summary, outreach -------------------------------------------------------------

    def _texts_request(
        self,
        drafts: ProfileTexts,
        profile: Profile,
        target: str,
        bullets: list[BulletTranslation],
        redactor: Redactor,
    ) -> tuple[list[dict[str, str]], str]:
        from translator.mapping.roles import role_profiles

        role = role_profiles()[target]
        request = _profile_request(profile, target, drafts.experience, [b.text for b in bullets], drafts)
        self._draft_words = "\n".join(_all_texts(drafts))
        payload = ProfileIn.model_validate(redactor.redact_data(request.model_dump()))
        system = template_env("prompts").get_template(PROFILE_PROMPT).render(target_label=role.name)
        messages = [{"role": "system", "content": system}, {"role": "user", "content": payload.model_dump_json()}]
        return messages, self._key(PROFILE_PROMPT, messages, ProfileOut)

    def _key(self, prompt: str, messages: list[dict[str, str]], answer: type[BaseModel]) -> str:
        """Everything that shapes the answer; computed without importing openai, so a cached run never does."""
        schema = answer.model_json_schema()
        return key_for(self.settings.endpoint, self.settings.model, prompt_version(prompt), messages, schema)

    def improve_texts(
        self, texts: ProfileTexts, profile: Profile, evidence: list[str], answers: Answers | None
    ) -> None:
        """Headlines, About, Summary, connection note and message: the model's where the guard finds no
        fact beyond the CV (`evidence`), the user's answers and the rules' drafts; else the rules'."""
        answer, redactor = self._profile_answer, self._redactor
        if answer is None:
            return
        if isinstance(answer, LLMFailure):
            self._texts = {name: f"rules: {answer}" for name in LIMITS}
            return
        context = "\n".join([self._draft_words, *_all_texts(texts)])
        user_words = " ".join(a.add or "" for a in answers.bullets.values()) if answers else ""
        facts = [profile.name, profile.specialty, profile.institution, profile.position, *profile.credentials]
        whole_cv = "\n".join([*evidence, *(f for f in facts if f), user_words])
        found = {name: redactor.restore(str(getattr(answer, name))) for name in LIMITS if name != "headlines"}
        headlines = [redactor.restore(h).strip() for h in answer.headlines]
        if len(headlines) != 3:
            self._texts["headlines"] = f"rules: {len(headlines)} headlines instead of 3"
        else:
            problems = [review_text(whole_cv, h, LIMITS["headlines"], context) for h in headlines]
            self._texts["headlines"] = _verdict(next((p for p in problems if p), None))
            if not any(problems):
                texts.headlines = headlines
        for name, text in found.items():
            problem = review_text(whole_cv, text.strip(), LIMITS[name], context)
            self._texts[name] = _verdict(problem)
            if problem:
                continue
            if name in ("connection_note", "message"):
                setattr(texts.outreach, name, text.strip())
            else:
                setattr(texts, name, text.strip())

    # -- sending ---------------------------------------------------------------------------------------

    def _answers(self, requests: list[tuple[list[dict[str, str]], str, type[BaseModel]]]) -> list[Any]:
        """Each request's answer (from the cache, else sent a few at a time), or the LLMFailure that stopped it."""
        results: list[Any] = [None] * len(requests)
        pending: dict[int, tuple[list[dict[str, str]], str, type[BaseModel]]] = {}
        for i, (messages, key, answer) in enumerate(requests):
            cached = self.cache.get(key)
            if cached is not None:
                try:
                    results[i] = answer.model_validate(cached)
                    self._cache_hits += 1
                    continue
                except ValueError:
                    pass
            pending[i] = (messages, key, answer)
        if not pending:
            return results
        pool = ThreadPoolExecutor(max_workers=min(self.settings.concurrency, len(pending)))
        futures: dict[Future[Any], int] = {
            pool.submit(self.transport.complete, messages, answer, self.deadline): i
            for i, (messages, _, answer) in pending.items()
        }
        with self._progress_bar(len(futures)) as advance:
            remaining = set(futures)
            while remaining:
                done, remaining = wait(
                    remaining, timeout=max(0.0, self.deadline - time.monotonic()), return_when=FIRST_COMPLETED
                )
                if not done:
                    break
                for future in done:
                    i = futures[future]
                    try:
                        results[i] = future.result()
                        self.cache.put(pending[i][1], results[i].model_dump())
                    except LLMFailure as exc:
                        results[i] = exc
                    advance()
        for future in remaining:
            future.cancel()
            results[futures[future]] = LLMFailure("timed out")
        pool.shutdown(wait=False, cancel_futures=True)
        return results

    @contextmanager
    def _progress_bar(self, total: int) -> Iterator[Callable[[], None]]:
        if not (self.progress and sys.stderr.isatty()) or total < 2:
            yield lambda: None
            return
        import click

        with click.progressbar(length=total, label="Asking the model", file=sys.stderr) as bar:
            yield lambda: bar.update(1)

    def run(self) -> LLMRun:
        usage = self._transport.usage if self._transport else None
        return LLMRun(
            model=self.settings.model,
            endpoint=self.settings.endpoint,
            prompt_versions=[prompt_version(BULLET_PROMPT), prompt_version(PROFILE_PROMPT)],
            requests=usage.requests if usage else 0,
            cache_hits=self._cache_hits,
            prompt_tokens=usage.prompt_tokens if usage else 0,
            completion_tokens=usage.completion_tokens if usage else 0,
            bullets_sent=self._bullets_sent,
            bullets_from_llm=self._from_llm,
            fallbacks=dict(self._fallbacks),
            texts=self._texts,
        )


def _profile_request(
    profile: Profile, target: str, experience: list[str], bullets: list[str], texts: ProfileTexts
) -> ProfileIn:
    return ProfileIn(
        target=target,
        specialty=profile.specialty,
        credentials=profile.credentials,
        board_certified=profile.board_certified,
        position=profile.position,
        institution=profile.institution,
        experience=experience,
        bullets=bullets,
        drafts={
            "headlines": texts.headlines,
            "about": texts.about,
            "summary": texts.summary,
            "connection_note": texts.outreach.connection_note,
            "message": texts.outreach.message,
        },
    )


def _all_texts(texts: ProfileTexts) -> list[str]:
    return [*texts.headlines, texts.about, texts.summary, texts.outreach.connection_note, texts.outreach.message]


def _verdict(problem: str | None) -> str:
    return f"rules: {problem}" if problem else "llm"


def _reason_kind(reason: str) -> str:
    """Group fallback reasons for the summary by the guard's rule: 'new words: Pfizer' → 'new words'."""
    first = reason.split(";")[0]
    if first.startswith("too long"):
        return "too long"
    if first == "missing from the answer (wrong id)":
        return "wrong id"
    return first.split(":")[0]


def summary_line(run: LLMRun) -> str:
    """One line for stderr: what the model did and what it cost."""
    fallen = sum(run.fallbacks.values())
    reasons = ", ".join(f"{n} {kind}" for kind, n in sorted(run.fallbacks.items(), key=lambda kv: -kv[1]))
    line = (
        f"llm: {run.model} at {run.endpoint}: {run.requests} request(s), {run.cache_hits} from the cache, "
        f"{run.prompt_tokens + run.completion_tokens} tokens; {run.bullets_from_llm} of {run.bullets_sent} bullets "
        f"rewritten by the model"
    )
    if fallen:
        line += f", {fallen} kept the rules' rewrite ({reasons})"
    return line
