"""Benchmark the web page: one upload's server time, concurrent uploads on the real server, the browser test.

1. Server time for one upload of the sample .docx in rules mode: 50 POSTs to /api/translate and to /review
   in-process (FastAPI's TestClient: the app's own time, no network), median and p95; target ≤ 150 ms median.
2. The real `cv-translator serve` (uvicorn, loopback, a free port): 16 uploads 8 at a time; all must succeed;
   the wall time, beside 16 uploads one after another in the same run.
3. The browser test (tests/web/test_browser.py) end to end, timed.
Timings are never asserted in the test suite. Exits 1 when an upload fails.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.web.server import running_server  # noqa: E402

CV = ROOT / "fixtures" / "cvs" / "sample_hospitalist.docx"
ROUNDS = 50


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def server_time() -> None:
    from fastapi.testclient import TestClient

    from translator.web.app import create_app

    data = CV.read_bytes()
    with TestClient(create_app()) as client:
        for url in ("/api/translate", "/review"):
            client.post(url, files={"file": (CV.name, data)})  # warm: imports, templates
            times = []
            for _ in range(ROUNDS):
                start = time.perf_counter()
                response = client.post(url, files={"file": (CV.name, data)})
                times.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200, response.text
            print(
                f"{url}: {ROUNDS} uploads of {CV.name} ({len(data) // 1024} KB), rules mode: "
                f"median {statistics.median(times):.0f} ms, p95 {percentile(times, 0.95):.0f} ms"
            )


def concurrent_uploads() -> bool:
    data = CV.read_bytes()
    with running_server() as server, httpx.Client(timeout=60) as client:

        def one(_: int) -> bool:
            response = client.post(server.url + "api/translate", files={"file": (CV.name, data)})
            return response.status_code == 200 and bool(response.json()["bullets"])

        one(0)  # warm
        start = time.perf_counter()
        sequential = [one(i) for i in range(16)]
        one_by_one = time.perf_counter() - start
        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=8) as pool:
            parallel = list(pool.map(one, range(16)))
        eight_at_a_time = time.perf_counter() - start
    ok = all(sequential) and all(parallel)
    print(
        f"real server, 16 uploads 8 at a time: {sum(parallel)}/16 succeeded in {eight_at_a_time:.2f} s "
        f"(one after another in the same run: {sum(sequential)}/16 in {one_by_one:.2f} s)"
    )
    return ok


def browser_test() -> None:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(ROOT / "tests/web/test_browser.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - start
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr[-300:]
    print(f"browser test (tests/web/test_browser.py): {wall:.1f} s wall, pytest says: {summary}")


def main() -> int:
    server_time()
    ok = concurrent_uploads()
    browser_test()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
