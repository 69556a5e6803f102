"""Benchmark: `translate --llm` of a 60-bullet CV against a local stand-in server that takes 1 s per answer.

Run with `.venv/bin/python bench/bench_llm.py`. The stand-in is fixtures/fake_openai.py (OpenAI's wire
format, faithful answers) with 1 s of latency per request, so the wall time shows how well batches run
concurrently. A second run of the same CV must be answered from the cache: 0 requests. Also prints the
requests and tokens for each fixture CV. Exits 1 when the first run takes over 3 s or the rerun sends
anything. Timings are never asserted in the test suite.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "fixtures"))

from fake_openai import serve  # noqa: E402

LIMIT_SECONDS = 3.0
ROUNDS = 5


def sixty_bullet_cv(path: Path) -> None:
    lines = [json.loads(line)["text"] for line in (ROOT / "fixtures/eval/reading_bullets.jsonl").open()][:60]
    body = "\n".join(f"- {line}" for line in lines)
    path.write_text(
        f"Alex Rivera, MD\nalex.rivera@example.org\n\nExperience\nAttending Physician, Mercy Hospital\n{body}\n"
    )


def translate(cli: str, cv: Path, out: Path, url: str, env: dict[str, str]) -> tuple[float, dict]:
    start = time.perf_counter()
    subprocess.run(
        [cli, "translate", str(cv), "-o", str(out), "--force", "--llm", "--base-url", url],
        check=True,
        capture_output=True,
        env=env,
    )
    wall = time.perf_counter() - start
    return wall, json.loads((out / "report.json").read_text())["llm"]


def main() -> int:
    cli = str(Path(sys.executable).with_name("cv-translator"))
    server = serve(0, latency=1.0)
    url = f"http://127.0.0.1:{server.server_address[1]}/faithful/v1"
    with tempfile.TemporaryDirectory() as tmp:
        env = os.environ | {"CV_TRANSLATOR_CACHE": str(Path(tmp) / "cache")}
        cv = Path(tmp) / "sixty.txt"
        sixty_bullet_cv(cv)
        cold, _ = translate(cli, cv, Path(tmp) / "cold", url, env | {"CV_TRANSLATOR_CACHE": str(Path(tmp) / "c0")})
        # What a user sees from the second run on: the lexicon and data caches are warm, the CV is new to the model.
        subprocess.run(
            [cli, "translate", str(ROOT / "fixtures/cvs/pediatrician.txt"), "-o", str(Path(tmp) / "w")],
            check=True,
            capture_output=True,
            env=env,
        )
        runs = []
        for _ in range(ROUNDS):  # each round a new LLM cache, the same warm lexicon cache
            shutil.rmtree(Path(tmp) / "cache" / "llm", ignore_errors=True)
            runs.append(translate(cli, cv, Path(tmp) / "out", url, env))
        first = statistics.median(wall for wall, _ in runs)
        llm = runs[-1][1]
        again, llm_again = translate(cli, cv, Path(tmp) / "out", url, env)
        print(f"60-bullet CV, 1 s per answer, first run ever (every cache cold): {cold:.2f} s")
        print(
            f"60-bullet CV, 1 s per answer, warm lexicon cache, median of {ROUNDS}: {first:.2f} s "
            f"(runs: {', '.join(f'{w:.2f}' for w, _ in runs)}), {llm['requests']} requests "
            f"({llm['bullets_sent']} bullets, {llm['prompt_tokens'] + llm['completion_tokens']} tokens)"
        )
        print(f"rerun: {again:.2f} s, {llm_again['requests']} requests, {llm_again['cache_hits']} from the cache")
        fast = Path(tmp) / "fast"
        quick = serve(0)
        quick_url = f"http://127.0.0.1:{quick.server_address[1]}/faithful/v1"
        fixtures = sorted(p for p in (ROOT / "fixtures/cvs").rglob("*") if p.suffix in {".docx", ".pdf", ".txt", ".md"})
        for fixture in fixtures:
            _, used = translate(
                cli, fixture, fast, quick_url, env | {"CV_TRANSLATOR_CACHE": str(Path(tmp) / fixture.name)}
            )
            print(
                f"{fixture.name:46s} {used['requests']} requests, {used['bullets_sent']:3d} bullets, "
                f"{used['prompt_tokens']:6d} prompt + {used['completion_tokens']:5d} completion tokens"
            )
    server.shutdown()
    return 0 if first <= LIMIT_SECONDS and llm_again["requests"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
