"""The answers file: what the user confirms and adds, applied to the bullets under the fact guard.

```toml
[bullets."b-3f9c2a1e"]
confirm = ["care-team"]                    # proposed additions the user confirms
add = "cut readmissions from 18% to 14%"   # the user's own words, added as written
```
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path

from pydantic import Field, ValidationError

from translator import dates, guard
from translator.data_files import render_validation_error
from translator.errors import AnswersError
from translator.mapping.classify import competencies_of, in_order, matching_rules
from translator.mapping.rewrite import apply_glossary
from translator.models import BulletTranslation, StrictModel


class BulletAnswer(StrictModel):
    confirm: list[str] = Field(default_factory=list)
    add: str | None = None


class Answers(StrictModel):
    bullets: dict[str, BulletAnswer] = Field(default_factory=dict)


def _normalized(text: str) -> str:
    text = re.sub(r"^\W+", "", text.lower())
    return re.sub(r"\s+", " ", text).strip(" .;,")


def bullet_id(text: str) -> str:
    """A short hash of the normalized text: the same bullet gets the same id whatever else changes."""
    return "b-" + hashlib.sha256(_normalized(text).encode()).hexdigest()[:8]


def assign_ids(bullets: list[BulletTranslation]) -> None:
    """Give every bullet its id; a repeated text gets a suffix in order (b-…, b-…-2, b-…-3)."""
    seen: dict[str, int] = {}
    for bullet in bullets:
        base = bullet_id(bullet.text)
        seen[base] = seen.get(base, 0) + 1
        bullet.id = base if seen[base] == 1 else f"{base}-{seen[base]}"


def load_answers(path: Path) -> Answers:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise AnswersError(f"{path}: no such answers file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise AnswersError(f"{path}: cannot read the answers file ({exc})") from exc
    return parse_answers(text, str(path))


def parse_answers(text: str, name: str) -> Answers:
    """The answers file's TOML text (as the web page receives it); `name` is what errors call it."""
    import tomllib

    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise AnswersError(f"{name}: not valid TOML: {exc}") from exc
    try:
        return Answers.model_validate(raw)
    except ValidationError as exc:
        raise AnswersError(render_validation_error(name, exc)) from exc


def dump_answers(answers: Answers, bullets: list[BulletTranslation] | None = None) -> str:
    """The TOML text of `answers`, which parse_answers reads back; each bullet's before text as a comment."""
    texts = {b.id: b.text for b in bullets or []}
    lines = ["# answers.toml — cv-translator translate <your CV> --answers answers.toml --force"]
    for bid, answer in answers.bullets.items():
        lines.append("")
        if bid in texts:
            lines.append(f"# {' '.join(texts[bid].split())}")
        lines.append(f"[bullets.{_toml_string(bid)}]")
        if answer.confirm:
            lines.append(f"confirm = [{', '.join(_toml_string(s) for s in answer.confirm)}]")
        if answer.add is not None:
            lines.append(f"add = {_toml_string(answer.add)}")
    return "\n".join(lines) + "\n"


def _toml_string(text: str) -> str:
    # JSON's string escapes (\\, \", \n, \uXXXX …) are all valid in a TOML basic string; DEL is not
    # allowed there raw and JSON leaves it raw.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def apply_answers(bullets: list[BulletTranslation], answers: Answers, path: Path) -> None:
    """Apply confirmed additions and the user's own words; every id is checked before anything changes."""
    by_id = {b.id: b for b in bullets}
    for bid, answer in answers.bullets.items():
        bullet = by_id.get(bid)
        if bullet is None:
            raise AnswersError(f"{path}: unknown bullet id {bid!r} (the ids are in answers.template.toml)")
        offers = {s.id: s for s in bullet.suggestions}
        for sid in answer.confirm:
            if sid not in offers:
                raise AnswersError(f"{path}: bullet {bid}: unknown suggestion id {sid!r}")
            if not offers[sid].addition:
                raise AnswersError(f"{path}: bullet {bid}: {sid!r} is a question, not an addition; answer it with add")
        if answer.add is not None and not answer.add.strip():
            raise AnswersError(f"{path}: bullet {bid}: add is empty")
    for bid, answer in answers.bullets.items():
        _apply(by_id[bid], answer)


# A clause's own end that added words go before: its dates, or a role line's closing parenthesis with dates.
_CLOSING_PARENTHESIS = re.compile(
    r"\s*\((?=[^()]*(?:\b(?:19|20)\d{2}\b|\b(?:present|since|current)\b))[^()]*\)\s*$", re.I
)


def _before_its_end(clause: str, words: str) -> str:
    """`words` (already with their joining comma, or none) put at the end of `clause`, before its dates."""
    end = _CLOSING_PARENTHESIS.search(clause) or dates.TRAILING_RANGE.search(clause)
    at = end.start() if end else len(clause.rstrip())
    return f"{clause[:at].rstrip(' ,')}{words}{clause[at:]}"


def extend(rewrite: str, words: str, about: Callable[[str], bool] | None = None) -> str:
    """The rewrite with confirmed words: at the end of the clause they extend (the first one `about` says is
    theirs; else the first), before its dates or closing parenthesis, joined by a comma."""
    clauses = rewrite.split("; ")
    index = next((i for i, c in enumerate(clauses) if about is not None and about(c)), 0)
    clauses[index] = _before_its_end(clauses[index], f", {words}")
    return "; ".join(clauses)


def add_own_words(rewrite: str, words: str) -> str:
    """The user's own words exactly as written: a new clause when they start with ";", else at the end of the
    last clause (before its dates), joined by ", " unless they bring their own comma."""
    if words.startswith(";"):
        return f"{rewrite}{words}"
    joined = words if words.startswith(",") else f", {words}"
    clauses = rewrite.split("; ")
    clauses[-1] = _before_its_end(clauses[-1], joined)
    return "; ".join(clauses)


def _apply(bullet: BulletTranslation, answer: BulletAnswer) -> None:
    from translator.mapping.rule_files import additions

    known = additions()
    confirmed = [s for s in bullet.suggestions if s.id in answer.confirm and s.addition]
    user = " ".join(answer.add.split()) if answer.add else None
    text = bullet.rewrite
    for suggestion in confirmed:
        family = known.get(suggestion.id)
        text = extend(text, suggestion.addition or "", family.is_about if family else None)
    if user:
        text = add_own_words(text, user.rstrip("."))
    additions_words = [s.addition or "" for s in confirmed]
    # The user stands behind what they confirmed and wrote; the guard still checks the rest.
    plain = apply_glossary(bullet.text, known=True)
    context = " ".join([apply_glossary(bullet.text), *additions_words])
    problems = guard.check(bullet.text, text, plain=plain, context=context, exempt=user or "")
    if problems:  # a bug in an offer's words, not a user error
        raise AssertionError(f"{bullet.id}: confirmed text fails the guard: {guard.reasons(problems)}")
    bullet.rewrite = text
    bullet.confirmed = [s.id for s in bullet.suggestions if s.id in answer.confirm]
    bullet.user_text = user
    shown = set(bullet.competencies) | set(competencies_of(matching_rules(f"{bullet.text} ; {text}")))
    bullet.competencies = in_order(shown)
