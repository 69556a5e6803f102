"""A guard table through the real pipeline: each source's faithful and unfaithful rewrites sent back by the
local stand-in server (fixtures/fake_openai.py, its table-* behaviours) to the real `openai` client, as a model
would answer, and what the guard then let through; and the guard's own time per check.

    python bench/guard_table.py [TABLE.jsonl]      (default: fixtures/guard/guard_dev.jsonl)

A table row is {"id", "source", "faithful", "unfaithful": [{"kind", "text"}, {"kind", "text"}]}. Prints the share
of faithful rewrites accepted, of unfaithful ones rejected overall and by kind, and the milliseconds a check
takes (median of the rows, caches warm). Exits 1 when faithful < 90% or unfaithful < 97% accepted/rejected, or
an invented number, organisation or inflated role gets through. The held-out table is measured with it by hand,
once; the suite runs the development table through tests/test_guard.py.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "fixtures"))

from fake_openai import serve  # noqa: E402

MUST_CATCH = ("number", "organisation", "role")


def _through(rows: list[dict], behaviour: str, port: int, cache: str) -> list[dict]:
    cli = str(Path(sys.executable).with_name("cv-translator"))
    env = os.environ | {"OPENAI_API_KEY": "sk-bench", "CV_TRANSLATOR_CACHE": cache}
    command = [cli, "bullets", "--json", "--llm", "--base-url", f"http://127.0.0.1:{port}/{behaviour}/v1"]
    text = "\n".join(row["source"] for row in rows) + "\n"
    done = subprocess.run(command, input=text, capture_output=True, text=True, env=env, check=True, timeout=600)
    return [json.loads(line) for line in done.stdout.splitlines()]


def main(argv: list[str]) -> int:
    table = Path(argv[0]) if argv else ROOT / "fixtures" / "guard" / "guard_dev.jsonl"
    rows = [json.loads(line) for line in table.read_text(encoding="utf-8").splitlines() if line.strip()]
    # A bullet with a patient's details ("30% <2 y/o") goes out redacted; the stand-in knows its rows by their
    # source and cannot answer it, so such rows measure nothing of the guard.
    from translator.llm.redact import Redactor

    redacted = [row for row in rows if Redactor().redact(row["source"]) != row["source"]]
    rows = [row for row in rows if row not in redacted]
    server = serve(0, table=rows)
    port = server.server_address[1]
    with tempfile.TemporaryDirectory() as cache:
        faithful = _through(rows, "table-faithful", port, cache)
        unfaithful = [_through(rows, f"table-unfaithful-{n}", port, cache) for n in (0, 1)]
    server.shutdown()
    accepted = sum(_took(out, row["faithful"]) for row, out in zip(rows, faithful, strict=True))
    caught: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for n, outs in enumerate(unfaithful):
        for row, out in zip(rows, outs, strict=True):
            kind = row["unfaithful"][n]["kind"]
            total[kind] += 1
            caught[kind] += not _took(out, row["unfaithful"][n]["text"])
    rejected = sum(caught.values()) / sum(total.values())
    print(f"{table.name}: {len(rows)} sources through the stand-in server and the real client")
    if redacted:
        print(f"  ({len(redacted)} more carry a patient's details and go out redacted: left out)")
    print(f"faithful accepted {accepted}/{len(rows)} = {accepted / len(rows):.1%}")
    print(f"unfaithful rejected {sum(caught.values())}/{sum(total.values())} = {rejected:.1%}")
    print("  by kind: " + ", ".join(f"{k} {caught[k]}/{total[k]}" for k in sorted(total)))
    print(f"guard: {_milliseconds(rows):.2f} ms a check (median, warm)")
    ok = accepted / len(rows) >= 0.90 and rejected >= 0.97 and all(caught[k] == total[k] for k in MUST_CATCH)
    return 0 if ok else 1


def _took(out: dict, text: str) -> bool:
    """Whether the model's text reached the output (as the resume tidies it: its final full stop, its dashes)."""
    return out["source"] == "llm" and _letters(out["rewrite"]) == _letters(text)


def _letters(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def _milliseconds(rows: list[dict]) -> float:
    from translator.guard import check
    from translator.mapping.rewrite import apply_glossary

    times = []
    for row in rows * 2:  # the first pass warms the lexicon and the compiled patterns
        start = time.perf_counter()
        check(row["source"], row["faithful"], plain=apply_glossary(row["source"], known=True))
        times.append(time.perf_counter() - start)
    return statistics.median(times[len(rows) :]) * 1000


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
