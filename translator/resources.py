"""Where the packaged data lives, and the one jinja2 environment factory."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import jinja2

_PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """Return `templates/` or `prompts/`: inside the installed wheel, else at the repository top."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the {name}/ folder is missing from the installation")


def cache_dir() -> Path:
    """The user's cache folder for cv-translator: CV_TRANSLATOR_CACHE, else under XDG_CACHE_HOME or ~/.cache."""
    if own := os.environ.get("CV_TRANSLATOR_CACHE"):
        return Path(own)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cv-translator"


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates are kept between runs (compiling them is a third of a run's rendering time).

    Only our own templates go there, never user data; without a writable cache folder we compile each time.
    """
    folder = cache_dir() / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


@cache
def template_env(name: str = "templates") -> jinja2.Environment:
    """A strict environment: a missing variable fails before any file is written."""
    env = jinja2.Environment(
        bytecode_cache=_bytecode_cache(),
        loader=jinja2.FileSystemLoader(resource_dir(name)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=jinja2.select_autoescape(["html", "htm", "xml"]),
    )
    env.filters["comment"] = _one_line
    return env


def _one_line(text: str) -> str:
    """User text inside a comment (a TOML '#' line) must not break out of it."""
    return " ".join(str(text).split())


def render(template: str, **context: object) -> str:
    return template_env().get_template(template).render(**context)
