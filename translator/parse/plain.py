"""Readers for plain text and Markdown."""

from __future__ import annotations

import re

from translator.parse.text import Line, clean, strip_bullet

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*\*|\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def decode(data: bytes) -> str:
    """UTF-8 first (with or without BOM), then Windows-1252, then Latin-1, which never fails."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def read_text_lines(text: str) -> list[Line]:
    text = text.replace("\x02", "")
    lines = []
    for raw in text.splitlines():
        raw = clean(raw).rstrip()
        if not raw.strip():
            continue
        bullet, body = strip_bullet(raw)
        indent = len(raw) - len(raw.lstrip(" \t"))
        lines.append(Line(text=body.strip(), bullet=bullet, level=indent // 2 if bullet else 0))
    return lines


def _inline(text: str) -> str:
    text = _MD_LINK.sub(r"\1", text)
    for _ in range(3):
        text = _MD_EMPHASIS.sub(r"\2", text)
    return text.replace("\\", "").rstrip()


def read_markdown_lines(text: str) -> list[Line]:
    text = _FRONT_MATTER.sub("", text.replace("\r\n", "\n").replace("\x02", ""))
    lines = []
    for raw in text.split("\n"):
        raw = clean(raw).rstrip()
        if not raw.strip() or re.fullmatch(r"\s*(-{3,}|\*{3,}|_{3,})\s*", raw):
            continue
        heading = _MD_HEADING.match(raw)
        if heading:
            lines.append(Line(text=_inline(heading.group(2)), heading=True, level=len(heading.group(1))))
            continue
        bullet, body = strip_bullet(raw)
        indent = len(raw) - len(raw.lstrip(" \t"))
        lines.append(Line(text=_inline(body.strip()), bullet=bullet, level=indent // 2 if bullet else 0))
    return lines
