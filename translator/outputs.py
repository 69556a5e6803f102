"""Render every output in memory, then write them into the output folder: all of them or none."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import tempfile
from pathlib import Path

from translator.errors import OutputError
from translator.mapping.roles import profile_for
from translator.models import ParsedCV, Report
from translator.render.labels import template_words
from translator.report import grouped
from translator.resources import render

OUTPUT_FILES = ("resume.docx", "linkedin.md", "outreach.md", "report.json", "report.md", "answers.template.toml")
TEMPLATE_NAME = "answers.template.toml"


def render_outputs(cv: ParsedCV, report: Report) -> dict[str, bytes]:
    """Every output in memory first, so a failure writes nothing."""
    from translator.render.resume import build_resume, fit_to_pages, left_off, page_limit, planned_blocks

    role = profile_for(report.target, report.target_reason)
    planned = planned_blocks(cv, report)
    blocks = fit_to_pages(planned, page_limit(cv))
    context = (
        report.model_dump()
        | {
            "role": role,
            "bullets": report.bullets,
            "outreach": report.outreach,
            "gaps": report.gaps,
            "profile": report.profile,
            "not_used": grouped(report.not_used),  # "Page 1 of 9 … Page 9 of 9" once; report.json keeps each
            "left_off": left_off(report, blocks, planned),
            "pages": page_limit(cv),
        }
        | template_words()
    )
    return {
        "resume.docx": build_resume(cv, report, blocks),
        "linkedin.md": render("linkedin.md.j2", **context).encode(),
        "outreach.md": render("outreach.md.j2", **context).encode(),
        "report.json": (json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n").encode(),
        "report.md": render("report.md.j2", **context).encode(),
        TEMPLATE_NAME: render("answers.template.toml.j2", source=Path(cv.source).name, bullets=report.bullets).encode(),
    }


def _keep_aside(path: Path) -> str:
    """A second name for the file's current version, which stays whole while a new one replaces it."""
    while True:
        aside = path.with_name(f".{path.name}.old.{secrets.token_hex(4)}")
        try:
            os.link(path, aside)
        except FileExistsError:
            continue
        except OSError:  # a file system without hard links: a copy does as well
            shutil.copy2(path, aside)
        return str(aside)


def write_outputs(outputs: dict[str, bytes], out_dir: Path, force: bool) -> list[Path]:
    """Write all files or none.

    Without `force`, existing outputs are refused before anything is written. Every file is first written
    whole beside its final name; then each is moved into place, the old version kept aside until the last
    move has succeeded. Any failure or interruption (Ctrl-C included) on the way puts the old versions back
    and removes the new files, so the folder holds either every new output or exactly what it held before.
    Only the machine stopping mid-way (power loss, SIGKILL) can leave a mix, and even then each file is
    whole, never half-written.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot create the output folder ({exc.strerror})") from exc
    targets = [out_dir / name for name in outputs]
    existing = [p.name for p in targets if p.exists()]
    if existing and not force:
        raise OutputError(f"{out_dir}: {', '.join(existing)} already exist; use --force to overwrite")
    staged: list[tuple[str, Path]] = []
    kept_aside: dict[Path, str] = {}  # final path → the old version's temporary name
    placed: list[Path] = []
    done = False
    try:
        for name, data in outputs.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=out_dir)
            staged.append((tmp, out_dir / name))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
        for tmp, final in staged:
            if final.exists():
                kept_aside[final] = _keep_aside(final)
            os.replace(tmp, final)
            placed.append(final)
        done = True
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot write the outputs ({exc.strerror})") from exc
    finally:
        if not done:
            for final in placed:
                with contextlib.suppress(OSError):
                    if final in kept_aside:
                        os.replace(kept_aside.pop(final), final)
                    else:
                        os.unlink(final)
        for path in [tmp for tmp, _ in staged] + list(kept_aside.values()):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
    return targets
